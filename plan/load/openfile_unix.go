//go:build unix

package load

import (
	"os"
	"syscall"
)

// openNoBlock opens for reading without waiting for a writer of a named pipe; on a
// regular file O_NONBLOCK changes nothing.
func openNoBlock(name string) (*os.File, error) {
	return os.OpenFile(name, os.O_RDONLY|syscall.O_NONBLOCK, 0)
}
