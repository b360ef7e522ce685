package main

import (
	"errors"
	"flag"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/kepdev/kep/internal/app"
	"github.com/kepdev/kep/plan"
	"github.com/kepdev/kep/plan/load"
)

var initCommand = &command{
	name:    "init",
	summary: "write a new, commented plan",
	usage: `usage: kep init [--lang LANG] [--account NAME] FILE
       kep init --workspace [--lang LANG] DIR

Writes a new plan to FILE with every building block filled with example values and
comments that explain each key, in the language LANG ({langs}; default de). The plan validates
without errors, but with warnings until the examples are replaced: each block still
as kep init wrote it, and each example text left elsewhere, is a warning (so
kep validate --strict fails), and such blocks do not count towards completeness.
Its period is the calendar year after the document date (SOURCE_DATE_EPOCH
when set, else today). The scores in block 1 use the criteria of the workspace
(kep.toml) that FILE will belong to. Where a kep.schema.json (kep schema) lies in
FILE's folder or above, the first line names it for editors (#:schema).

With --workspace, kep init starts a workspace in DIR instead: kep.toml with every
workspace key (brand, scoring model, visit needs and costs) and a comment on each,
filled with the built-in defaults; the folder accounts/ for the plans; a .gitignore
that ignores out/; and, where DIR lies in a git work tree, the pre-commit hook that
runs kep validate on every commit. Nothing that exists is overwritten.

Flags:
	--lang LANG      language of the plan and its comments: {langs} (default de)
	--account NAME   the key account's name
	--workspace      start a workspace in DIR (see above)

kep init never overwrites a file: it refuses when FILE exists.

Exit status: 0 written; 1 the new plan does not validate (for example because
the workspace file has errors); 2 FILE exists, wrong usage or a failure of the
file system.
`,
	run: runInit,
}

func runInit(c *command, args []string, stdout, stderr io.Writer) int {
	fl := flag.NewFlagSet(c.name, flag.ContinueOnError)
	lang := fl.String("lang", "de", "")
	account := fl.String("account", "", "")
	workspace := fl.Bool("workspace", false, "")
	files, code, ok := parseFlags(fl, c, args, stdout, stderr)
	if !ok {
		return code
	}
	if !slices.Contains(load.ScaffoldLangs, *lang) {
		return usageError(stderr, c, "--lang %q: want one of %s", *lang, strings.Join(load.ScaffoldLangs, ", "))
	}
	if *workspace {
		if len(files) != 1 || *account != "" {
			return usageError(stderr, c, "--workspace wants exactly one folder and no --account")
		}
		return initWorkspace(files[0], *lang, stderr)
	}
	if len(files) != 1 {
		return usageError(stderr, c, "want exactly one file to write, got %d", len(files))
	}
	path := files[0]
	name := strings.TrimSpace(*account)
	if name == "" {
		name = load.ExampleAccount(*lang)
	}
	if strings.ContainsAny(name, "\n\r") {
		return usageError(stderr, c, "--account: the name must be one line")
	}
	if _, err := os.Lstat(path); err == nil {
		say(stderr, "kep init: %s already exists; kep init never overwrites a file\n", path)
		return exitUsage // wrong usage: there is no plan with errors
	} else if !errors.Is(err, fs.ErrNotExist) {
		say(stderr, "kep init: %v\n", err)
		return exitUsage
	}
	d, err := newDater()
	if err != nil {
		say(stderr, "kep: %v\n", err)
		return exitUsage
	}
	now := time.Now().UTC()
	if d.fromEnv {
		now = d.epoch
	}
	src, diags, err := scaffold(path, *lang, name, now)
	if err != nil {
		say(stderr, "kep init: %v\n", err)
		return exitUsage
	}
	if line := schemaLine(path); line != "" {
		src = append([]byte(line+"\n"), src...)
	}
	if diags.HasErrors() {
		printDiagnostics(stderr, diags, "text")
		say(stderr, "kep init: the new plan would not validate; %s not written\n", path)
		return exitPlan
	}
	if err := writeNew(path, src); err != nil {
		say(stderr, "kep init: %v\n", err)
		return exitUsage
	}
	say(stderr, "kep init: wrote %s; check it with: kep validate %s\n", path, path)
	return exitOK
}

// scaffold fills the scaffold for lang and checks the result as it would be checked at
// path, inside its workspace (whose scoring criteria it uses).
func scaffold(path, lang, account string, now time.Time) ([]byte, plan.Diagnostics, error) {
	loader := app.NewLoader(nil, now)
	ws, _ := loader.WorkspaceFor(path)
	src, err := load.Scaffold(load.ScaffoldOptions{Lang: lang, Account: account, File: path, Year: now.Year() + 1, Workspace: ws})
	if err != nil {
		return nil, nil, err
	}
	return src, loader.LoadBytes(path, src).Diags, nil
}

// schemaLine returns a "#:schema" line naming the nearest kep.schema.json (written by
// `kep schema > kep.schema.json`) in the plan's folder or above, up to the folder that
// holds .git, relative to the plan, for editors that check TOML against a JSON Schema
// (Taplo, Even Better TOML). Without such a file there is no line: a line naming a missing
// schema would make the editor complain.
func schemaLine(path string) string {
	abs, err := filepath.Abs(path)
	if err != nil {
		return ""
	}
	planDir := filepath.Dir(abs)
	for dir := planDir; ; dir = filepath.Dir(dir) {
		cand := filepath.Join(dir, "kep.schema.json")
		if fi, err := os.Stat(cand); err == nil && fi.Mode().IsRegular() {
			rel, err := filepath.Rel(planDir, cand)
			if err != nil {
				return ""
			}
			rel = filepath.ToSlash(rel)
			if !strings.HasPrefix(rel, "../") {
				rel = "./" + rel
			}
			return "#:schema " + rel
		}
		if _, err := os.Stat(filepath.Join(dir, ".git")); err == nil || filepath.Dir(dir) == dir {
			return ""
		}
	}
}

// writeNew writes data to path only if path does not exist yet, through a temporary file
// in the same folder, so that a failed write leaves nothing half-written behind.
func writeNew(path string, data []byte) error {
	dir := filepath.Dir(path)
	tmp, err := os.CreateTemp(dir, ".kep-init-*")
	if err != nil {
		// Name the user's file and folder, not the temporary file's random name.
		err = bareError(err)
		if errors.Is(err, fs.ErrNotExist) {
			return errorf("%s: folder %s does not exist; create it first (mkdir -p %s): %w", path, dir, dir, err)
		}
		return errorf("%s: cannot create a file in folder %s: %w", path, dir, err)
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Chmod(0o644); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	// A hard link fails when path exists: no race with another writer between the check
	// above and here.
	if err := os.Link(tmp.Name(), path); err != nil {
		if errors.Is(err, fs.ErrExist) {
			return errorf("%s already exists; kep init never overwrites a file: %w", path, fs.ErrExist)
		}
		// File systems without hard links: exclusive create, removed again on failure.
		f, cerr := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
		if cerr != nil {
			return cerr
		}
		if _, err := f.Write(data); err != nil {
			f.Close()
			os.Remove(path)
			return err
		}
		if err := f.Close(); err != nil {
			os.Remove(path)
			return err
		}
	}
	return nil
}
