// Copyright ©2021 The go-pdf Authors. All rights reserved.
// Use of this source code is governed by a MIT-style
// license that can be found in the LICENSE file.

package fpdf

import (
	"bytes"
	"compress/zlib"
	"fmt"
	"runtime"
	"sync"
	"sync/atomic"
)

var xmem = xmempool{
	Pool: sync.Pool{
		New: func() interface{} {
			var m membuffer
			return &m
		},
	},
}

type xmempool struct{ sync.Pool }

// zwriters reuses zlib writers (kep patch): a new writer allocates about 1 MB of
// compressor state, and a document compresses each page, font and map on its own.
// Reset gives the same output as a new writer.
var zwriters = sync.Pool{New: func() interface{} {
	zw, err := zlib.NewWriterLevel(nil, zlib.BestSpeed)
	if err != nil {
		panic(fmt.Errorf("could not create zlib writer: %w", err))
	}
	return zw
}}

func (pool *xmempool) compress(data []byte) *membuffer {
	mem := pool.Get().(*membuffer)
	buf := &mem.buf
	if buf.Cap() < len(data) {
		// kep patch: room for the input, not cleared first as bytes.Buffer.Grow clears
		// what it allocates (fresh memory faulted in, mostly where the smaller
		// compressed stream never writes).
		*buf = *bytes.NewBuffer(make([]byte, 0, len(data)))
	}

	zw := zwriters.Get().(*zlib.Writer)
	defer zwriters.Put(zw)
	zw.Reset(buf)
	_, err := zw.Write(data)
	if err != nil {
		panic(fmt.Errorf("could not zlib-compress slice: %w", err))
	}

	err = zw.Close()
	if err != nil {
		panic(fmt.Errorf("could not close zlib writer: %w", err))
	}
	return mem
}

// compressAll compresses every slice of data as compress does, on up to GOMAXPROCS
// goroutines (kep patch): the pages of a document are independent, and compressing them
// is most of Output's time. The results are the same bytes as one after the other.
func (pool *xmempool) compressAll(data [][]byte) []*membuffer {
	out := make([]*membuffer, len(data))
	workers := runtime.GOMAXPROCS(0)
	if workers > 4 {
		workers = 4
	}
	if workers > len(data) {
		workers = len(data)
	}
	if workers <= 1 {
		for i := range data {
			out[i] = pool.compress(data[i])
		}
		return out
	}
	var next atomic.Int64
	var wg sync.WaitGroup
	var failed atomic.Value
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			defer func() {
				if r := recover(); r != nil {
					failed.CompareAndSwap(nil, panicValue{r})
				}
			}()
			for {
				i := int(next.Add(1) - 1)
				if i >= len(data) {
					return
				}
				out[i] = pool.compress(data[i])
			}
		}()
	}
	wg.Wait()
	if p, ok := failed.Load().(panicValue); ok {
		panic(p.v) // in the caller's goroutine, where its recover can catch it
	}
	return out
}

func (pool *xmempool) uncompress(data []byte) (*membuffer, error) {
	zr, err := zlib.NewReader(bytes.NewReader(data))
	if err != nil {
		return nil, err
	}

	mem := pool.Get().(*membuffer)
	mem.buf.Reset()

	_, err = mem.buf.ReadFrom(zr)
	if err != nil {
		mem.release()
		return nil, err
	}

	return mem, nil
}

type membuffer struct {
	buf bytes.Buffer
}

func (mem *membuffer) bytes() []byte { return mem.buf.Bytes() }
func (mem *membuffer) release() {
	mem.buf.Reset()
	xmem.Put(mem)
}

func (mem *membuffer) copy() []byte {
	src := mem.bytes()
	dst := make([]byte, len(src))
	copy(dst, src)
	return dst
}
