package pdfdoc

import (
	"bytes"
	"compress/zlib"
	"fmt"
	"sort"
	"strconv"
	"sync"
)

// zlibWriters are reused between streams and documents: fpdf's own compression makes a
// new compressor of about 1 MB for every page, which dominated the time of a document.
var zlibWriters = sync.Pool{New: func() any {
	w, _ := zlib.NewWriterLevel(nil, zlib.BestSpeed)
	return w
}}

func deflate(dst *bytes.Buffer, data []byte) {
	w := zlibWriters.Get().(*zlib.Writer)
	w.Reset(dst)
	_, _ = w.Write(data) // writes to a bytes.Buffer cannot fail
	_ = w.Close()
	zlibWriters.Put(w)
}

// compressStreams deflates every stream fpdf wrote uncompressed (the pages, with
// compression turned off in fpdf) and rebuilds the cross-reference table. It relies on
// the layout fpdf writes: objects one after another, listed in one xref section. Where
// the input is not laid out like that it is returned unchanged, which is a valid,
// uncompressed PDF.
func compressStreams(in []byte) []byte {
	xref := bytes.LastIndex(in, []byte("\nxref\n"))
	if xref < 0 {
		return in
	}
	xref++
	trailer := bytes.Index(in[xref:], []byte("trailer\n"))
	startx := bytes.LastIndex(in, []byte("startxref\n"))
	if trailer < 0 || startx < 0 {
		return in
	}
	trailer += xref
	lines := bytes.Split(bytes.TrimRight(in[xref:trailer], "\n"), []byte("\n"))
	if len(lines) < 3 {
		return in
	}
	// lines: "xref", "0 N", the free entry, then one line per object.
	type obj struct{ num, off int }
	var objs []obj
	for i, l := range lines[3:] {
		if len(l) < 18 || l[17] != 'n' {
			return in
		}
		off, err := strconv.Atoi(string(l[:10]))
		if err != nil || off <= 0 || off >= xref {
			return in
		}
		objs = append(objs, obj{i + 1, off})
	}
	sort.Slice(objs, func(i, j int) bool { return objs[i].off < objs[j].off })

	var out bytes.Buffer
	out.Grow(len(in) / 2)
	out.Write(in[:objs[0].off])
	newOff := make([]int, len(objs)+1)
	for i, o := range objs {
		end := xref
		if i+1 < len(objs) {
			end = objs[i+1].off
		}
		chunk := in[o.off:end]
		newOff[o.num] = out.Len()
		if !compressObject(&out, chunk, o.num) {
			out.Write(chunk)
		}
	}
	start := out.Len()
	fmt.Fprintf(&out, "xref\n0 %d\n0000000000 65535 f \n", len(objs)+1)
	for _, off := range newOff[1:] {
		fmt.Fprintf(&out, "%010d 00000 n \n", off)
	}
	out.Write(in[trailer:startx])
	fmt.Fprintf(&out, "startxref\n%d\n%%%%EOF\n", start)
	return out.Bytes()
}

// compressObject writes a deflated copy of an object that is exactly an unfiltered
// stream, "N 0 obj\n<</Length L>>\nstream\n…\nendstream\nendobj\n", and reports whether
// it was one.
func compressObject(out *bytes.Buffer, chunk []byte, num int) bool {
	head := fmt.Sprintf("%d 0 obj\n<</Length ", num)
	if !bytes.HasPrefix(chunk, []byte(head)) {
		return false
	}
	rest := chunk[len(head):]
	i := bytes.Index(rest, []byte(">>\nstream\n"))
	if i < 0 {
		return false
	}
	n, err := strconv.Atoi(string(rest[:i]))
	data := rest[i+len(">>\nstream\n"):]
	const tail = "\nendstream\nendobj\n"
	if err != nil || n < 0 || len(data) != n+len(tail) || string(data[n:]) != tail {
		return false
	}
	var z bytes.Buffer
	deflate(&z, data[:n])
	fmt.Fprintf(out, "%d 0 obj\n<</Filter /FlateDecode /Length %d>>\nstream\n", num, z.Len())
	out.Write(z.Bytes())
	out.WriteString(tail)
	return true
}
