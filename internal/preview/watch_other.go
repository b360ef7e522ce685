//go:build !linux

package preview

import "errors"

// newDirWatcher: file events are used on Linux only; elsewhere kep serve polls.
func newDirWatcher() (dirWatcher, error) {
	return nil, errors.New("no file events on this system")
}
