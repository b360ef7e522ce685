package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"text/template"

	"github.com/kepdev/kep"
	"github.com/kepdev/kep/internal/gitrev"
	"github.com/kepdev/kep/plan"
	"github.com/kepdev/kep/plan/check"
	"github.com/kepdev/kep/plan/load"
	"github.com/kepdev/kep/templates"
)

// initWorkspace is kep init --workspace DIR: a new workspace with kep.toml (every
// workspace key with a comment in the user's language, filled with the built-in
// defaults), accounts/, a .gitignore that ignores out/, and the pre-commit hook where DIR
// is a git work tree. It never overwrites a file; what exists already is left alone and
// named.
func initWorkspace(dir, lang string, stderr io.Writer) int {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		say(stderr, "kep init: %v\n", err)
		return exitUsage
	}
	kt := filepath.Join(dir, load.WorkspaceFileName)
	if _, err := os.Lstat(kt); err == nil {
		say(stderr, "kep init: %s already exists; kep init never overwrites a file\n", kt)
		return exitUsage
	}
	src, err := workspaceFile(lang)
	if err != nil {
		say(stderr, "kep init: %v\n", err)
		return exitUsage
	}
	// The file kep writes is a valid workspace, or nothing is written.
	if _, diags := (&check.Loader{}).LoadPlanBytes(kt, src); diags.HasErrors() {
		printDiagnostics(stderr, diags, "text")
		say(stderr, "kep init: internal error: the workspace file would not validate; nothing written\n")
		return exitUsage
	}
	if err := writeNew(kt, src); err != nil {
		say(stderr, "kep init: %v\n", err)
		return exitUsage
	}
	say(stderr, "kep init: wrote %s\n", kt)
	accounts := filepath.Join(dir, "accounts")
	if err := os.Mkdir(accounts, 0o755); err == nil {
		say(stderr, "kep init: made %s%c for the plans\n", accounts, filepath.Separator)
	} else if !errors.Is(err, fs.ErrExist) {
		say(stderr, "kep init: %v\n", err)
		return exitUsage
	}
	if msg, err := ignoreOut(filepath.Join(dir, ".gitignore")); err != nil {
		say(stderr, "kep init: %v\n", err)
		return exitUsage
	} else if msg != "" {
		fmt.Fprintln(stderr, "kep init: "+msg)
	}
	fmt.Fprintln(stderr, "kep init: "+installHook(dir))
	say(stderr, "kep init: next: kep init %s\n", filepath.Join(accounts, "ACCOUNT.toml"))
	return exitOK
}

// workspaceFile fills the workspace template of lang with the built-in defaults, so a
// new kep.toml behaves as no kep.toml did, with every key in sight.
func workspaceFile(lang string) ([]byte, error) {
	t, err := template.ParseFS(templates.Workspace, templates.WorkspaceFile(lang))
	if err != nil {
		return nil, err
	}
	ws := plan.DefaultWorkspace()
	var b bytes.Buffer
	err = t.Execute(&b, struct {
		Primary, Accent, Paper string
		ClassA, ClassB         float64
		Attractiveness         []plan.Criterion
		Position               []plan.Criterion
		WorkingDays            float64
		VisitsPerDay           float64
		KAMs                   int
		Classes                []plan.VisitClass
	}{ws.Brand.Primary, ws.Brand.Accent, ws.Brand.Paper, ws.Scoring.ClassA, ws.Scoring.ClassB,
		ws.Scoring.Attractiveness, ws.Scoring.Position, ws.Visits.WorkingDays, ws.Visits.VisitsPerDay,
		ws.Visits.KAMs, ws.Visits.Classes})
	return b.Bytes(), err
}

// ignoreOut makes sure .gitignore ignores the documents' folder out/: it writes the file
// or adds the line, and leaves a file that already ignores it alone.
func ignoreOut(path string) (string, error) {
	data, err := os.ReadFile(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		if err := writeNew(path, []byte("# Rendered documents: made from the plans, not kept in git.\nout/\n")); err != nil {
			return "", err
		}
		return "wrote " + path + " (ignores out/)", nil
	case err != nil:
		return "", err
	}
	for _, line := range strings.Split(string(data), "\n") {
		if l := strings.TrimSpace(line); l == "out/" || l == "out" || l == "/out/" || l == "/out" {
			return "", nil
		}
	}
	if len(data) > 0 && data[len(data)-1] != '\n' {
		data = append(data, '\n')
	}
	data = append(data, "out/\n"...)
	if err := writeAtomic(path, data); err != nil {
		return "", err
	}
	return "added out/ to " + path, nil
}

// installHook installs the pre-commit hook when dir lies in a git work tree with a .git
// folder, and says what it did. An existing hook is never replaced.
func installHook(dir string) string {
	repo, err := gitrev.Find(dir)
	if err != nil {
		return "not a git work tree: no pre-commit hook installed (after git init, copy the hook: see docs/guide, 'Working as a team in git')"
	}
	if fi, err := os.Stat(repo.GitDir); err != nil || !fi.IsDir() {
		return "the git folder is a link (worktree or submodule): no pre-commit hook installed"
	}
	hook := filepath.Join(repo.GitDir, "hooks", "pre-commit")
	if _, err := os.Lstat(hook); err == nil {
		return hook + " exists: left as it is (kep's hook: hooks/pre-commit in kep's repository)"
	}
	if err := os.MkdirAll(filepath.Dir(hook), 0o755); err != nil {
		return "no pre-commit hook installed: " + err.Error()
	}
	if err := writeNew(hook, kep.PreCommitHook); err != nil {
		return "no pre-commit hook installed: " + err.Error()
	}
	if err := os.Chmod(hook, 0o755); err != nil {
		return "no pre-commit hook installed: " + err.Error()
	}
	return "installed the pre-commit hook " + hook + " (kep validate on every commit)"
}
