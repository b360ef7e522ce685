package load

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"time"
)

// readTimeout bounds one read of a file. A regular file on a hung network or FUSE file
// system would otherwise block a run, or a preview's plan and its index, forever.
var readTimeout = 30 * time.Second

// openRegular opens name and checks what was opened, not what the name meant a moment
// before: a plan swapped for a named pipe between a stat and the open is refused here.
// The open does not block on a pipe without a writer (O_NONBLOCK where there is one).
func openRegular(name string) (*os.File, fs.FileInfo, error) {
	f, err := openNoBlock(name)
	if err != nil {
		return nil, nil, err
	}
	fi, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, nil, err
	}
	if !fi.Mode().IsRegular() {
		f.Close()
		return nil, nil, fmt.Errorf("not a regular file (%s), not read", fileKind(fi.Mode()))
	}
	return f, fi, nil
}

func fileKind(m fs.FileMode) string {
	switch {
	case m.IsDir():
		return "a folder"
	case m&fs.ModeNamedPipe != 0:
		return "a named pipe"
	case m&fs.ModeSocket != 0:
		return "a socket"
	case m&fs.ModeDevice != 0:
		return "a device"
	default:
		return "not a plain file"
	}
}

var errReadTimeout = errors.New("reading took too long, not read")

// readAllWithin reads r to its end, at most limit bytes, into a buffer of capacity size,
// or gives up after d. Given up, the reading goroutine is left to finish (and the file
// to close) when the read returns.
func readAllWithin(r io.Reader, size int, limit int64, d time.Duration) ([]byte, error) {
	type result struct {
		b   []byte
		err error
	}
	done := make(chan result, 1)
	go func() {
		buf := bytes.NewBuffer(make([]byte, 0, size))
		_, err := buf.ReadFrom(io.LimitReader(r, limit))
		done <- result{buf.Bytes(), err}
	}()
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case res := <-done:
		return res.b, res.err
	case <-t.C:
		return nil, fmt.Errorf("%w (%v)", errReadTimeout, d)
	}
}

// ReadRegular reads the regular file name, at most limit bytes, as the loader reads plans:
// opened first and then checked (a named pipe or device is refused without blocking),
// with the same time limit. For other inputs of kep's: kep import's exports and mappings.
func ReadRegular(name string, limit int64) ([]byte, error) {
	f, fi, err := openRegular(name)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) || errors.Is(err, fs.ErrPermission) {
			return nil, err
		}
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	if fi.Size() > limit {
		f.Close()
		return nil, fmt.Errorf("%s: %d bytes, more than the limit of %d MiB", name, fi.Size(), limit>>20)
	}
	data, err := readAllWithin(f, int(fi.Size())+bytes.MinRead, limit+1, readTimeout)
	if err == nil || !errors.Is(err, errReadTimeout) {
		f.Close() // a read given up on closes the file when it returns
	}
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	if int64(len(data)) > limit {
		return nil, fmt.Errorf("%s: more than the limit of %d MiB", name, limit>>20)
	}
	return data, nil
}
