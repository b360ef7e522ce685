package preview

import (
	"os"
	"sync"
	"syscall"
)

// inotifyWatcher reports changes in watched folders through Linux's inotify. It does not
// say which file changed: the preview's poll compares the files it cares about, so an
// event for another file in the folder costs one round of stat calls and nothing else.
type inotifyWatcher struct {
	f  *os.File // the inotify descriptor, non-blocking, so Close ends a pending Read
	ch chan struct{}

	mu     sync.Mutex
	fd     int
	dirs   map[string]bool
	closed bool
}

// watchMask: every way an editor's save can show in a folder (written in place, or
// written to a new file that is renamed over the old one), and files that appear or go.
const watchMask = syscall.IN_MODIFY | syscall.IN_ATTRIB | syscall.IN_CLOSE_WRITE |
	syscall.IN_MOVED_FROM | syscall.IN_MOVED_TO | syscall.IN_CREATE | syscall.IN_DELETE |
	syscall.IN_DELETE_SELF | syscall.IN_MOVE_SELF

func newDirWatcher() (dirWatcher, error) {
	fd, err := syscall.InotifyInit1(syscall.IN_CLOEXEC | syscall.IN_NONBLOCK)
	if err != nil {
		return nil, err
	}
	w := &inotifyWatcher{f: os.NewFile(uintptr(fd), "inotify"), fd: fd, dirs: map[string]bool{}, ch: make(chan struct{}, 1)}
	go w.read()
	return w, nil
}

func (w *inotifyWatcher) read() {
	defer close(w.ch)
	buf := make([]byte, 16<<10)
	for {
		n, err := w.f.Read(buf)
		if err != nil { // closed, or inotify failed: the preview goes on polling
			return
		}
		if n > 0 {
			select {
			case w.ch <- struct{}{}:
			default: // a wake-up is pending already
			}
		}
	}
}

func (w *inotifyWatcher) add(dir string) {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.closed || w.dirs[dir] {
		return
	}
	// A folder that does not exist (yet) is tried again on the next call.
	if _, err := syscall.InotifyAddWatch(w.fd, dir, watchMask); err == nil {
		w.dirs[dir] = true
	}
}

func (w *inotifyWatcher) events() <-chan struct{} { return w.ch }

func (w *inotifyWatcher) close() {
	w.mu.Lock()
	defer w.mu.Unlock()
	if !w.closed {
		w.closed = true
		w.f.Close()
	}
}
