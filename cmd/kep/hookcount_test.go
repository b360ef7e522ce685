package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kepdev/kep/render/rendertest"
)

// TestPreCommitHookProcesses: hooks/pre-commit costs a fixed number of processes however
// many plans are staged (it ran one grep per file: 4.4 s of 6.4 s for 1,000 plans), and
// kep validate runs once for all of them. grep and kep are wrappers that count their runs.
func TestPreCommitHookProcesses(t *testing.T) {
	for _, tool := range []string{"git", "sh", "grep", "xargs"} {
		rendertest.Tool(t, tool)
	}
	hook, err := filepath.Abs("../../hooks/pre-commit")
	if err != nil {
		t.Fatal(err)
	}
	realGrep, _ := exec.LookPath("grep")
	dir := t.TempDir()
	bin := filepath.Join(dir, "bin")
	log := filepath.Join(dir, "log")
	os.Mkdir(bin, 0o755)
	os.WriteFile(filepath.Join(bin, "grep"), []byte("#!/bin/sh\necho grep >>"+log+"\nexec "+realGrep+" \"$@\"\n"), 0o755)
	os.WriteFile(filepath.Join(bin, "kep"), []byte("#!/bin/sh\necho \"kep $#\" >>"+log+"\n"), 0o755)

	repo := filepath.Join(dir, "repo")
	os.MkdirAll(filepath.Join(repo, "accounts"), 0o755)
	const n = 60
	for i := range n {
		plan := fmt.Sprintf("format = 1\n\n[plan]\naccount = \"A%d\"\nfrom = 2027-01-01\nto = 2027-12-31\n", i)
		os.WriteFile(filepath.Join(repo, "accounts", fmt.Sprintf("a%02d.toml", i)), []byte(plan), 0o644)
	}
	os.WriteFile(filepath.Join(repo, "kep.toml"), []byte("lang = \"de\"\n"), 0o644)
	os.WriteFile(filepath.Join(repo, "pyproject.toml"), []byte("[tool]\n"), 0o644) // no plan
	env := append(os.Environ(), "PATH="+bin+string(os.PathListSeparator)+os.Getenv("PATH"), "KEP=kep",
		"HOME="+dir, "GIT_CONFIG_NOSYSTEM=1")
	for _, args := range [][]string{{"git", "init", "-q"}, {"git", "add", "."}, {"sh", hook}} {
		c := exec.Command(args[0], args[1:]...)
		c.Dir, c.Env = repo, env
		if out, err := c.CombinedOutput(); err != nil {
			t.Fatalf("%v: %v\n%s", args, err, out)
		}
	}
	b, _ := os.ReadFile(log)
	lines := strings.Split(strings.TrimSpace(string(b)), "\n")
	greps, keps := 0, []string{}
	for _, l := range lines {
		if l == "grep" {
			greps++
		} else {
			keps = append(keps, l)
		}
	}
	// kep.toml is staged, so every plan below it is checked: n plans, not pyproject.toml.
	if want := fmt.Sprintf("kep %d", n+1); len(keps) != 1 || keps[0] != want {
		t.Errorf("kep runs %q, want one run with validate and %d plans (%q)", keps, n, want)
	}
	if greps > 3 {
		t.Errorf("%d grep runs for %d staged plans, want a fixed few", greps, n)
	}
}
