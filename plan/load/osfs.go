package load

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

// osFS is the operating system's file system; opened, when set, sees every file the
// loader opens (as opened, not as named: a link swapped in between changes nothing) and
// may refuse it.
type osFS struct {
	opened func(name string, fi fs.FileInfo) error
}

// OSFileSystem returns the operating system's file system, as a nil Loader.FS gives it
// (paths made absolute to search for kep.toml above the working folder), with opened
// called on each file before it is read: cmd/kep records the inputs of a run with it,
// so that no output is written over one.
func OSFileSystem(opened func(name string, fi fs.FileInfo) error) FileSystem {
	return osFS{opened: opened}
}

func (o osFS) ReadFile(name string) ([]byte, error) {
	f, _, err := openRegular(name) // a named pipe swapped in for the file is refused
	if err != nil {
		return nil, err
	}
	defer f.Close()
	if o.opened != nil {
		fi, err := f.Stat()
		if err == nil {
			err = o.opened(name, fi)
		}
		if err != nil {
			return nil, err
		}
	}
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
