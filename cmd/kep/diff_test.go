package main

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kepdev/kep/render/rendertest"
)

const diffPlan = `format = 1
lang = "en"

[plan]
account = "Nordwerk AG"
from = 2027-01-01
to = 2027-12-31
version = "%s"
`

// The exact exit statuses of kep diff (testscript only tells zero from non-zero): 0 with
// or without changes, 1 on changes with --exit-code and for a version with errors, 2 for
// usage and git trouble.
func TestDiffExitStatus(t *testing.T) {
	dir := t.TempDir()
	write := func(name, content string) string {
		t.Helper()
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	v1 := write("v1.toml", strings.Replace(diffPlan, "%s", "1", 1))
	v2 := write("v2.toml", strings.Replace(diffPlan, "%s", "2", 1))
	bad := write("bad.toml", "format = 1\n[plan]\n")
	t.Setenv("SOURCE_DATE_EPOCH", "1795737600")
	t.Setenv("GIT_CEILING_DIRECTORIES", dir)

	for _, tt := range []struct {
		args []string
		want int
		out  string
	}{
		{[]string{v1, v2}, 0, "  - version: 1 → 2\n"},
		{[]string{v1, v1}, 0, "No changes."},
		{[]string{"--exit-code", v1, v1}, 0, "No changes."},
		{[]string{"--exit-code", v1, v2}, 1, "version: 1 → 2"},
		{[]string{bad, v2}, 1, ""},
		{[]string{v1, bad}, 1, ""},
		{[]string{}, 2, ""},
		{[]string{"--rev", "HEAD", v1, v2}, 2, ""},
		{[]string{v1}, 2, ""}, // not in a git repository
		{[]string{"-f", "odt", v1, v2}, 2, ""},
	} {
		var stdout, stderr bytes.Buffer
		got := runDiff(tt.args, &stdout, &stderr)
		if got != tt.want || !strings.Contains(stdout.String(), tt.out) {
			t.Errorf("kep diff %q: status %d, want %d\nstdout: %s\nstderr: %s", tt.args, got, tt.want, stdout.String(), stderr.String())
		}
	}
}

// gitShow reads a file from a revision by its path relative to the repository root, from
// any folder inside the repository.
func TestGitShow(t *testing.T) {
	rendertest.Tool(t, "git")
	dir := t.TempDir()
	// The repository is dir itself: git may look up to it, not above.
	t.Setenv("GIT_CEILING_DIRECTORIES", filepath.Dir(dir))
	t.Setenv("GIT_CONFIG_NOSYSTEM", "1")
	t.Setenv("GIT_CONFIG_GLOBAL", os.DevNull)
	for _, kv := range [][2]string{{"GIT_AUTHOR_NAME", "A"}, {"GIT_AUTHOR_EMAIL", "a@example.com"}, {"GIT_COMMITTER_NAME", "A"}, {"GIT_COMMITTER_EMAIL", "a@example.com"}} {
		t.Setenv(kv[0], kv[1])
	}
	sub := filepath.Join(dir, "accounts", "nord")
	if err := os.MkdirAll(sub, 0o755); err != nil {
		t.Fatal(err)
	}
	plan := filepath.Join(sub, "plan.toml")
	if err := os.WriteFile(plan, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{{"init", "-q"}, {"add", "."}, {"commit", "-q", "-m", "one"}} {
		if _, err := gitRun(dir, args...); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile(plan, []byte("new"), 0o644); err != nil {
		t.Fatal(err)
	}
	src, g, err := gitShow(plan, "HEAD")
	if err != nil || string(src) != "old" || g.rel != "accounts/nord/plan.toml" {
		t.Errorf("gitShow: %q %+v %v", src, g, err)
	}
	if _, _, err := gitShow(plan, "v9"); err == nil || !strings.Contains(err.Error(), `unknown revision "v9"`) {
		t.Errorf("unknown revision: %v", err)
	}
	// The commit as the loader sees it: the committed bytes, folders, the .git marker on
	// disk.
	if err := os.WriteFile(filepath.Join(dir, "kep.toml"), []byte("lang = \"en\"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	r := revisionFS{top: g.top, commit: g.commit}
	if data, err := r.ReadFile(plan); err != nil || string(data) != "old" {
		t.Errorf("ReadFile: %q %v", data, err)
	}
	if fi, err := r.Stat(plan); err != nil || fi.IsDir() || fi.Size() != 3 {
		t.Errorf("Stat plan: %v %v", fi, err)
	}
	if fi, err := r.Stat(filepath.Join(dir, "accounts")); err != nil || !fi.IsDir() {
		t.Errorf("Stat folder: %v %v", fi, err)
	}
	if _, err := r.Lstat(filepath.Join(dir, ".git")); err != nil {
		t.Errorf("Lstat .git: %v", err)
	}
	// A file git does not track is seen as it is on disk; one git tracks but the commit
	// lacks (added later) is missing.
	if _, err := r.Stat(filepath.Join(dir, "kep.toml")); err != nil {
		t.Errorf("Stat of an untracked file: %v", err)
	}
	if data, err := r.ReadFile(filepath.Join(dir, "kep.toml")); err != nil || string(data) != "lang = \"en\"\n" {
		t.Errorf("ReadFile of an untracked file: %q %v", data, err)
	}
	later := filepath.Join(dir, "accounts", "later.toml")
	if err := os.WriteFile(later, []byte("new"), 0o644); err != nil {
		t.Fatal(err)
	}
	if out, err := gitRun(dir, "add", "accounts/later.toml"); err != nil {
		t.Fatalf("git add: %v %s", err, out)
	}
	if _, err := r.Stat(later); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("Stat of a file added after the commit: %v", err)
	}
	if _, err := r.ReadFile(later); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("ReadFile of a file added after the commit: %v", err)
	}
	if real, err := r.EvalSymlinks(plan); err != nil || real != filepath.Join(g.top, "accounts", "nord", "plan.toml") {
		t.Errorf("EvalSymlinks: %q %v", real, err)
	}
	outside := filepath.Join(t.TempDir(), "x.toml")
	if err := os.WriteFile(outside, []byte("disk"), 0o644); err != nil {
		t.Fatal(err)
	}
	if data, err := r.ReadFile(outside); err != nil || string(data) != "disk" {
		t.Errorf("ReadFile outside the repository: %q %v", data, err)
	}
}
