package main

import (
	"errors"
	"io/fs"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"time"
)

// writeAtomic writes data through a temporary file beside path that is renamed over
// it, so readers never see half a file and a failed write leaves the old one. There is
// no fsync: documents are derived and rendered again in a moment, while a sync per file
// would cost more than rendering it on a batch of hundreds of plans. Errors name path,
// not the temporary file.
//
// Another kep run that wrote nothing may remove the output folder it created between
// our MkdirAll and this write (two runs into one new folder): a folder that is gone is
// made again, a few times, instead of failing the document. Once the temporary file
// exists, the folder is not empty, so no run removes it any more.
func writeAtomic(path string, data []byte) error { return writeAtomicMode(path, data, 0o644) }

// writeAtomicMode is writeAtomic with the file's mode set before it takes the name: a plan
// kep import rewrites keeps its own mode, never readable by others for a moment.
func writeAtomicMode(path string, data []byte, mode fs.FileMode) error {
	t, err := writeTemp(path, data, mode)
	if err != nil {
		return err
	}
	return t.commit()
}

// tempDoc is a document written in full to its temporary file beside path, not yet
// renamed into place: kep render writes each format's file as soon as that format is
// done (the HTML while the PDF is still laid out) and renames them only once every
// format of the plan has succeeded, so a failed PDF leaves no HTML. Until commit or
// discard the temporary file is registered with temps (a signal removes it).
type tempDoc struct{ path, tmp string }

// writeTemp writes data to a new temporary file for path with the given mode; an error
// leaves no temporary file and names path.
func writeTemp(path string, data []byte, mode fs.FileMode) (*tempDoc, error) {
	tmp, err := createTemp(path)
	for try := 0; errors.Is(err, fs.ErrNotExist) && try < 3; try++ {
		if mkdirAll(filepath.Dir(path)) != nil {
			break
		}
		tmp, err = createTemp(path)
	}
	if err != nil {
		return nil, errorf("write %s: %w", path, bareError(err))
	}
	if afterTempCreated != nil {
		afterTempCreated()
	}
	_, werr := tmp.Write(data)
	cherr := tmp.Chmod(mode)
	if err = errors.Join(werr, cherr, tmp.Close()); err != nil {
		os.Remove(tmp.Name())
		temps.done(tmp.Name())
		return nil, errorf("write %s: %w", path, bareError(err))
	}
	return &tempDoc{path: path, tmp: tmp.Name()}, nil
}

// commit renames the temporary file over path; on failure it is removed.
func (t *tempDoc) commit() error {
	err := os.Rename(t.tmp, t.path)
	if err != nil {
		os.Remove(t.tmp)
	}
	temps.done(t.tmp)
	t.tmp = ""
	if err != nil {
		return errorf("write %s: %w", t.path, bareError(err))
	}
	return nil
}

// commitDoc is commit for a derived document (kep render, diff -f, portfolio): the file
// it replaces is removed first (removeOld) and the new one takes a free name. Renamed
// over an old file, ext4 (auto_da_alloc) allocates and starts writing the new file's
// blocks inside the rename, to guard replace-by-rename against a crash: a median of
// 0.35–0.5 ms per document on ext4 here, tails of several ms, on the plan's critical
// path once per format; removal plus a fresh name took ~35 µs (issue 19). A document is
// still complete or not there; for an instant, and after a crash there, not there, and
// it is rendered again. Plans and workspace files (writeAtomic) keep the rename over the
// old file: they are the user's own work.
func (t *tempDoc) commitDoc() error {
	removeOld(t.path)
	return t.commit()
}

// discard removes the temporary file of a document that is not to be put in place. A
// nil or committed tempDoc is left alone.
func (t *tempDoc) discard() {
	if t == nil || t.tmp == "" {
		return
	}
	os.Remove(t.tmp)
	temps.done(t.tmp)
	t.tmp = ""
}

// mkdirAll is os.MkdirAll, tried again when a folder it made vanished under it: another
// run that wrote nothing removes the folders it made while they are empty.
func mkdirAll(dir string) error {
	err := os.MkdirAll(dir, 0o755)
	for try := 0; errors.Is(err, fs.ErrNotExist) && try < 5; try++ {
		err = os.MkdirAll(dir, 0o755)
	}
	return err
}

// afterTempCreated, in tests, stops a write with its temporary file in place.
var afterTempCreated func()

// bareError strips the path from a file system error: the message names the document,
// and the temporary file's name in front of the reason only confuses.
func bareError(err error) error {
	var pe *fs.PathError
	var le *os.LinkError
	switch {
	case errors.As(err, &pe):
		return pe.Err
	case errors.As(err, &le):
		return le.Err
	}
	return err
}

// tempSuffix ends every temporary file's name: ".<document>.<random digits>.tmp".
const tempSuffix = ".tmp"

// createTemp makes the temporary file for path and registers it with temps, so that
// SIGINT and SIGTERM remove it.
func createTemp(path string) (*os.File, error) {
	temps.mu.Lock()
	defer temps.mu.Unlock()
	temps.watch()
	if temps.stopping {
		// The signal handler is removing the temporary files and is about to exit: no
		// new one may appear behind its back.
		select {}
	}
	f, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*"+tempSuffix)
	if err == nil {
		temps.files[f.Name()] = true
	} else {
		temps.unwatch()
	}
	return f, err
}

// temps are the temporary files being written. On SIGINT or SIGTERM they are removed
// and kep exits with 128 + the signal's number (130, 143), as a shell reports a program
// the signal ended. SIGKILL cannot be caught: removeStaleTemps cleans up after it.
var temps = &tempFiles{files: map[string]bool{}}

type tempFiles struct {
	mu       sync.Mutex
	files    map[string]bool
	stopping bool
	// The handler is installed only while a temporary file exists: at any other time
	// SIGINT and SIGTERM keep their default (or another handler's) meaning — kep serve
	// shuts down on its own, and a test process that wrote a document earlier is not
	// ended by a signal meant for a server it runs.
	ch   chan os.Signal
	quit chan struct{}
}

func (t *tempFiles) done(name string) {
	t.mu.Lock()
	delete(t.files, name)
	t.unwatch()
	t.mu.Unlock()
}

// watch installs the signal handler if none is. Called with t.mu held.
func (t *tempFiles) watch() {
	if t.ch != nil {
		return
	}
	ch, quit := make(chan os.Signal, 1), make(chan struct{})
	t.ch, t.quit = ch, quit
	signal.Notify(ch, os.Interrupt, syscall.SIGTERM)
	go func() {
		var sig os.Signal
		select {
		case sig = <-ch:
		case <-quit:
			return
		}
		t.mu.Lock()
		t.stopping = true
		for name := range t.files {
			os.Remove(name)
		}
		code := 130
		if sig == syscall.SIGTERM {
			code = 143
		}
		os.Exit(code)
	}()
}

// unwatch removes the handler when no temporary file is left. Called with t.mu held.
func (t *tempFiles) unwatch() {
	if t.ch == nil || len(t.files) > 0 || t.stopping {
		return
	}
	signal.Stop(t.ch)
	close(t.quit)
	t.ch, t.quit = nil, nil
}

// staleAge is how old a leftover temporary file must be before a later run removes it:
// far older than any write takes, so a run going on beside this one keeps its files.
const staleAge = time.Hour

// removeStaleTemps removes temporary files of kep's own pattern (".<name>.pdf.<digits>.tmp",
// also .html) older than staleAge from dir: leftovers of a run that was killed
// (SIGKILL, a power cut). Anything else, and links, are left alone.
func removeStaleTemps(dir string) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	now := time.Now()
	for _, e := range entries {
		if !e.Type().IsRegular() || !isKepTemp(e.Name()) {
			continue
		}
		fi, err := e.Info()
		if err != nil || now.Sub(fi.ModTime()) < staleAge {
			continue
		}
		os.Remove(filepath.Join(dir, e.Name()))
	}
}

// isKepTemp reports whether name is one of writeAtomic's temporary files.
func isKepTemp(name string) bool {
	rest, ok := strings.CutSuffix(name, tempSuffix)
	if !ok || !strings.HasPrefix(rest, ".") {
		return false
	}
	i := strings.LastIndexByte(rest, '.')
	digits, doc := rest[i+1:], rest[1:i]
	if digits == "" || strings.Trim(digits, "0123456789") != "" {
		return false
	}
	return len(doc) > len(".pdf") && (strings.HasSuffix(doc, ".pdf") || strings.HasSuffix(doc, ".html"))
}

// runFiles knows the files a run has read (plans, kep.toml, brand assets) and the
// documents it has written, so that no document is written over an input, whatever
// the input's name (a logo called out/hansa.html), and no document of this run is read
// back as an input.
type runFiles struct {
	mu      sync.Mutex
	inputs  map[int64][]inputFile // by size, to compare few files
	outputs []fs.FileInfo
}

type inputFile struct {
	name string
	fi   fs.FileInfo
}

func newRunFiles() *runFiles { return &runFiles{inputs: map[int64][]inputFile{}} }

// opened is the loader's hook (kep.OSFileSystem): it records each file read.
func (rf *runFiles) opened(name string, fi fs.FileInfo) error {
	rf.mu.Lock()
	defer rf.mu.Unlock()
	for _, o := range rf.outputs {
		if os.SameFile(o, fi) {
			return errorf("%s is a document this run wrote; kep never reads its own output as an input (choose another -o)", name)
		}
	}
	rf.inputs[fi.Size()] = append(rf.inputs[fi.Size()], inputFile{name, fi})
	return nil
}

// checkTarget refuses to write path when it is a file this run has read. A nil
// runFiles (a command that does not record its inputs) refuses nothing.
func (rf *runFiles) checkTarget(path string) error {
	if rf == nil {
		return nil
	}
	fi, err := os.Stat(path)
	if err != nil {
		return nil
	}
	rf.mu.Lock()
	defer rf.mu.Unlock()
	for _, in := range rf.inputs[fi.Size()] {
		if os.SameFile(in.fi, fi) {
			return errorf("%s is an input file (%s); kep never writes over an input (choose another -o)", path, in.name)
		}
	}
	return nil
}

// wrote records a document written.
func (rf *runFiles) wrote(path string) {
	if rf == nil {
		return
	}
	if fi, err := os.Stat(path); err == nil {
		rf.mu.Lock()
		rf.outputs = append(rf.outputs, fi)
		rf.mu.Unlock()
	}
}
