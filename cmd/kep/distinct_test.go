package main

import (
	"os"
	"path/filepath"
	"slices"
	"testing"
)

// A plan named again, by another path or through a link, is the same plan; a missing
// path is kept for the command to report.
func TestDistinctFiles(t *testing.T) {
	dir := t.TempDir()
	a := filepath.Join(dir, "a.toml")
	b := filepath.Join(dir, "b.toml")
	for _, f := range []string{a, b} {
		if err := os.WriteFile(f, []byte("format = 1\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	link := filepath.Join(dir, "link.toml")
	if err := os.Symlink(a, link); err != nil {
		t.Skip("no symbolic links:", err)
	}
	missing := filepath.Join(dir, "missing.toml")
	got := distinctFiles([]string{a, b, dir + "/./a.toml", link, missing, b, missing})
	want := []string{a, b, missing, missing}
	if !slices.Equal(got, want) {
		t.Errorf("distinctFiles = %q, want %q", got, want)
	}
}
