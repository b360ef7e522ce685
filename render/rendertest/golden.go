package rendertest

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Golden compares got with the golden file at path, or, when update is set, writes got
// there (creating its folder). A difference is reported with the first differing lines
// and the command that rewrites the file.
func Golden(t testing.TB, path string, got []byte, update bool) {
	t.Helper()
	if update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test %s -update)", err, pkgDir())
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs (go test %s -update rewrites it):\n%s", path, pkgDir(), LineDiff(string(want), string(got)))
	}
}

// pkgDir names the package under test (a test runs in its package's folder) as a path
// relative to the module root, such as ./render/pdfdoc; "." when that is not found.
func pkgDir() string {
	wd, err := os.Getwd()
	if err != nil {
		return "."
	}
	for dir := wd; ; {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			rel, err := filepath.Rel(dir, wd)
			if err != nil || rel == "." {
				return "."
			}
			return "./" + filepath.ToSlash(rel)
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "."
		}
		dir = parent
	}
}

// LineDiff shows the first differing lines of two texts (at most 12), the line counts
// when they differ, and notes a difference it cannot show line by line. Long lines are
// cut to the part around their first differing byte.
func LineDiff(want, got string) string {
	wl, gl := strings.Split(want, "\n"), strings.Split(got, "\n")
	var b strings.Builder
	shown := 0
	for i := 0; i < max(len(wl), len(gl)) && shown < 12; i++ {
		var w, g string
		if i < len(wl) {
			w = wl[i]
		}
		if i < len(gl) {
			g = gl[i]
		}
		if w != g {
			w, g = clip(w, g)
			fmt.Fprintf(&b, "line %d:\n  - %q\n  + %q\n", i+1, w, g)
			shown++
		}
	}
	if len(wl) != len(gl) {
		fmt.Fprintf(&b, "(%d lines, want %d)\n", len(gl), len(wl))
	}
	if b.Len() == 0 && want != got {
		b.WriteString("(binary difference)\n")
	}
	return b.String()
}

// clip cuts two differing lines longer than 240 bytes to 120 bytes either side of their
// first difference, marking the cuts with "…".
func clip(w, g string) (string, string) {
	const ctx = 120
	if len(w) <= 2*ctx && len(g) <= 2*ctx {
		return w, g
	}
	i := 0
	for i < len(w) && i < len(g) && w[i] == g[i] {
		i++
	}
	from := max(0, i-ctx)
	cut := func(s string) string {
		to := min(len(s), i+ctx)
		out := s[min(from, len(s)):to]
		if from > 0 {
			out = "…" + out
		}
		if to < len(s) {
			out += "…"
		}
		return out
	}
	return cut(w), cut(g)
}
