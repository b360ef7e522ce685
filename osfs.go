package kep

import (
	"bytes"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
)

// maxRead bounds every read through the operating system, whatever the size checks said
// before: a file that grows between the check and the read (or a device posing as a
// file) cannot make kep read without end. Plans and workspaces have their own, smaller
// limit (MaxFileSize), logos theirs; this one only has to be above all of them.
const maxRead = 64 << 20

type osFS struct{}

func (osFS) ReadFile(name string) ([]byte, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	// Sized by the file's length, as os.ReadFile does, the buffer takes the file in one
	// read instead of growing a dozen times; the limit holds whatever the length said.
	var buf bytes.Buffer
	if fi, err := f.Stat(); err == nil && fi.Size() > 0 && fi.Size() <= maxRead {
		buf.Grow(int(fi.Size()) + bytes.MinRead)
	}
	if _, err := buf.ReadFrom(io.LimitReader(f, maxRead+1)); err != nil {
		return nil, err
	}
	if buf.Len() > maxRead {
		return nil, fmt.Errorf("%s: larger than %d MiB, not read", name, maxRead>>20)
	}
	return buf.Bytes(), nil
}

func (osFS) Lstat(name string) (fs.FileInfo, error)   { return os.Lstat(name) }
func (osFS) Stat(name string) (fs.FileInfo, error)    { return os.Stat(name) }
func (osFS) EvalSymlinks(name string) (string, error) { return filepath.EvalSymlinks(name) }
