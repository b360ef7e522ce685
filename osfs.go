package kep

import (
	"bytes"
	"fmt"
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
	f, _, err := openRegular(name) // a named pipe swapped in for the file is refused
	if err != nil {
		return nil, err
	}
	defer f.Close()
	// Sized by the file's length, as os.ReadFile does, the buffer takes the file in one
	// read instead of growing a dozen times; the limit holds whatever the length said.
	size := 0
	if fi, err := f.Stat(); err == nil && fi.Size() > 0 && fi.Size() <= maxRead {
		size = int(fi.Size()) + bytes.MinRead
	}
	b, err := readAllWithin(f, size, maxRead+1, readTimeout)
	if err != nil {
		return nil, err
	}
	if len(b) > maxRead {
		return nil, fmt.Errorf("%s: larger than %d MiB, not read", name, maxRead>>20)
	}
	return b, nil
}

func (osFS) Lstat(name string) (fs.FileInfo, error)   { return os.Lstat(name) }
func (osFS) Stat(name string) (fs.FileInfo, error)    { return os.Stat(name) }
func (osFS) EvalSymlinks(name string) (string, error) { return filepath.EvalSymlinks(name) }
