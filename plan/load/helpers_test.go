package load

import (
	"bytes"
	"errors"
	"flag"
	"io/fs"
	"path"
	"strings"
	"testing"
	"time"

	"github.com/kepdev/kep/plan"
)

// memFS is an in-memory file system for loader tests: files by slash path, folders
// implied by them.
type memFS map[string][]byte

type memInfo struct {
	name string
	size int64
	dir  bool
}

func (i memInfo) Name() string       { return i.name }
func (i memInfo) Size() int64        { return i.size }
func (i memInfo) Mode() fs.FileMode  { return map[bool]fs.FileMode{true: fs.ModeDir, false: 0}[i.dir] }
func (i memInfo) ModTime() time.Time { return time.Time{} }
func (i memInfo) IsDir() bool        { return i.dir }
func (i memInfo) Sys() any           { return nil }

func (m memFS) ReadFile(name string) ([]byte, error) {
	if b, ok := m[path.Clean(name)]; ok {
		return b, nil
	}
	return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrNotExist}
}

func (m memFS) Stat(name string) (fs.FileInfo, error) {
	name = path.Clean(name)
	if b, ok := m[name]; ok {
		return memInfo{path.Base(name), int64(len(b)), false}, nil
	}
	for k := range m {
		if strings.HasPrefix(k, name+"/") {
			return memInfo{path.Base(name), 0, true}, nil
		}
	}
	return nil, &fs.PathError{Op: "stat", Path: name, Err: fs.ErrNotExist}
}

func (m memFS) Lstat(name string) (fs.FileInfo, error) { return m.Stat(name) }

func (m memFS) EvalSymlinks(name string) (string, error) {
	if _, err := m.Stat(name); err != nil {
		return "", errors.New("no such file")
	}
	return path.Clean(name), nil
}

// header is the smallest valid plan; snippets in tests start on line 6.
const header = `format = 1
[plan]
account = "A"
from = 2027-01-01
to = 2027-12-31
`

var update = flag.Bool("update", false, "rewrite golden files")

var testNow = time.Date(2027, 5, 1, 12, 0, 0, 0, time.UTC)

// load loads plan as /ws/p.toml with ws as /ws/kep.toml (none when empty).
func load(t *testing.T, ws, pl string) (*plan.Plan, plan.Diagnostics) {
	t.Helper()
	m := memFS{"/ws/.git/HEAD": []byte("ref"), "/ws/p.toml": []byte(pl)}
	if ws != "" {
		m["/ws/kep.toml"] = []byte(ws)
	}
	l := &Loader{FS: m, Now: testNow}
	return l.LoadPlan("/ws/p.toml")
}

// messages returns the errors (or, with warnings, only the warnings) as strings.
func messages(ds plan.Diagnostics, warnings bool) []string {
	out := []string{}
	for _, d := range ds {
		if d.Warning == warnings {
			out = append(out, d.String())
		}
	}
	return out
}

func diffLines(t *testing.T, got, want []string) {
	t.Helper()
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		var b bytes.Buffer
		b.WriteString("got:\n")
		for _, g := range got {
			b.WriteString("\t" + strconvQuote(g) + ",\n")
		}
		b.WriteString("want:\n")
		for _, w := range want {
			b.WriteString("\t" + strconvQuote(w) + ",\n")
		}
		t.Error(b.String())
	}
}

func strconvQuote(s string) string { return "`" + s + "`" }
