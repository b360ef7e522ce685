//go:build unix

package load

import (
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/kepdev/kep/plan"
)

// mkfifo makes a named pipe that no one writes to: opening it for reading the usual way
// blocks until a writer comes, forever here.
func mkfifo(t *testing.T) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "plan.toml")
	if err := syscall.Mkfifo(p, 0o644); err != nil {
		t.Skipf("mkfifo: %v", err)
	}
	return p
}

// noHang fails the test when f does not return within a generous bound (it would hang).
func noHang[T any](t *testing.T, what string, f func() T) T {
	t.Helper()
	done := make(chan T, 1)
	go func() { done <- f() }()
	select {
	case v := <-done:
		return v
	case <-time.After(10 * time.Second):
		t.Fatalf("%s: still blocked after 10 s", what)
		panic("unreachable")
	}
}

// Every file read goes through osFS.ReadFile: a named pipe, a folder or a device is
// refused after the open, at once, instead of blocking or being read without end.
func TestOSFSRefusesNonRegular(t *testing.T) {
	fifo := mkfifo(t)
	for name, want := range map[string]string{fifo: "a named pipe", t.TempDir(): "a folder", "/dev/null": "a device"} {
		err := noHang(t, name, func() error { _, err := (osFS{}).ReadFile(name); return err })
		if err == nil || !strings.Contains(err.Error(), "not a regular file ("+want+")") {
			t.Errorf("%s: %v, want not a regular file (%s)", name, err, want)
		}
	}
}

// statAs answers Stat for every name with another file's: the plan as it was when kep
// looked, before it was swapped for a named pipe.
type statAs struct {
	FileSystem
	fi fs.FileInfo
}

func (s statAs) Stat(string) (fs.FileInfo, error)  { return s.fi, nil }
func (s statAs) Lstat(string) (fs.FileInfo, error) { return s.fi, nil }

// A plan swapped for a named pipe between the loader's stat and its read (as during a
// save in kep serve) gives an error for that plan, not a hang.
func TestLoadPlanSwappedForFIFO(t *testing.T) {
	fifo := mkfifo(t)
	regular := filepath.Join(t.TempDir(), "was.toml")
	if err := os.WriteFile(regular, []byte("format = 1\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	fi, err := os.Stat(regular)
	if err != nil {
		t.Fatal(err)
	}
	l := &Loader{FS: statAs{osFS{}, fi}}
	diags := noHang(t, "LoadPlan", func() plan.Diagnostics { _, d := l.LoadPlan(fifo); return d })
	if !diags.HasErrors() || !strings.Contains(diags[0].Message, "not a regular file (a named pipe)") {
		t.Errorf("diagnostics: %v", diags)
	}
}

// A read that does not finish is given up after the deadline.
func TestReadAllWithinDeadline(t *testing.T) {
	r, w := io.Pipe()
	_, err := readAllWithin(r, 0, 100, 50*time.Millisecond)
	if !errors.Is(err, errReadTimeout) {
		t.Errorf("got %v, want %v", err, errReadTimeout)
	}
	w.Close() // lets the reader left behind finish
	r2, w2 := io.Pipe()
	go func() { _, _ = w2.Write([]byte("abcdefgh")); w2.Close() }()
	if b, err := readAllWithin(r2, 4, 5, 10*time.Second); err != nil || string(b) != "abcde" {
		t.Errorf("got %q, %v, want the first 5 bytes", b, err)
	}
}
