package preview

// dirWatcher wakes the preview when something in a watched folder changes (watch_linux.go:
// inotify). Where there is none, the preview polls only.
type dirWatcher interface {
	add(dir string) // watch a folder; a second add of the same folder does nothing
	events() <-chan struct{}
	close()
}
