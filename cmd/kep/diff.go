package main

import (
	"bytes"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/kepdev/kep/internal/app"
	"github.com/kepdev/kep/internal/gitrev"
	"github.com/kepdev/kep/locale"
	"github.com/kepdev/kep/plan"
	"github.com/kepdev/kep/plan/figures"
	"github.com/kepdev/kep/render"
	"github.com/kepdev/kep/render/changes"
)

var diffCommand = &command{
	name:    "diff",
	summary: "show what changed between two versions of a plan",
	usage: `usage: kep diff [--exit-code] [-f html,pdf [-o DIR] [-q]] OLD NEW
       kep diff [--rev REV] [--exit-code] [-f html,pdf [-o DIR] [-q]] FILE

Compares two versions of a plan building block by building block and says what
changed in words a manager reads, in the plan's language:

	Ziel von f1 – Umsatz mit dem Account steigern: 2.200.000 € → 2.400.000 €
	Kontakt Henrik Brandt: Haltung Gegner → Skeptiker
	neue Maßnahme a3: Workshop Predictive Maintenance

Items are matched by id or name, so reordering is no change; the derived figures
that moved (class, quadrant, scores, scorecard achievement, relative quality, net
value, readiness, map status) follow the typed changes.

With one FILE, the old version is the file at git revision REV (default HEAD),
read from git (hardened: see SECURITY.md), and checked against the
workspace file (kep.toml) of that revision, so that a scoring model changed
since then does not make the old version invalid (a kep.toml that git does not
track is taken from the working tree). Both versions are seen on the
same as-of date (SOURCE_DATE_EPOCH, else today).

Flags:
	--rev REV      the git revision to compare FILE with (default HEAD)
	-f html,pdf    write a change report instead of printing the changes
	-o DIR         folder for the report, created when missing (default out, as
	               kep render); '-' writes one format to stdout; the file is
	               DIR/<plan>-changes.html or .pdf
	-q             do not name the reports written ("wrote out/x-changes.pdf")
	--exit-code    exit with status 1 when something changed (like git diff)

Exit status: 0 success, whether or not anything changed (with --exit-code: 1 on
changes); 1 a version of the plan has errors; 2 wrong usage, not a git
repository, an unknown revision, a file missing from that revision, or a file
that cannot be read or written.
`,
}

func init() {
	// run is set here, not in the literal: runDiff refers to diffCommand for its usage.
	diffCommand.run = func(_ *command, args []string, stdout, stderr io.Writer) int { return runDiff(args, stdout, stderr) }
	extraCommands = append(extraCommands, diffCommand)
}

// runDiff is `kep diff`.
func runDiff(args []string, stdout, stderr io.Writer) int {
	a, code, ok := parseDiffArgs(args, stdout, stderr)
	if !ok {
		return code
	}
	if a.outDir == "-" && len(a.formats) == 1 && a.formats[0] == "pdf" && isTerminal(stdout) {
		return usageError(stderr, diffCommand, "-o - would write a PDF to the terminal; redirect stdout to a file or a program")
	}
	d, err := newDater()
	if err != nil {
		say(stderr, "kep: %v\n", err)
		return exitUsage
	}
	newPath := a.files[len(a.files)-1]
	if err := checkPlanInput(newPath); err != nil {
		say(stderr, "kep: %v\n", err)
		return exitUsage
	}
	// Both versions are seen on the same document date, so that the date alone (an
	// action falling overdue) never shows as a change.
	now := d.date(newPath)
	oldC, newC, v, code := loadVersions(a, d.loader(now), now, stderr)
	if code != exitOK {
		return code
	}
	newPlan := newC.Plan
	cs := changes.Compare(oldC.Plan, newPlan, oldC.Figures, newC.Figures)
	if len(a.formats) == 0 {
		secs := changes.Group(cs, newPlan.Lang)
		if err := changes.WriteText(stdout, changes.Title(newPlan), v, secs, newPlan.Lang); err != nil {
			say(stderr, "kep diff: %v\n", err)
			return exitUsage
		}
	} else {
		doc := changes.Report(newPlan, cs, changes.ReportOptions{Now: now, KepVersion: kepVersion(), Versions: v})
		base := strings.TrimSuffix(filepath.Base(newPath), filepath.Ext(newPath)) + "-changes"
		for _, f := range a.formats {
			dir := a.outDir
			if dir == "" {
				dir = "out"
			}
			if out := filepath.Join(dir, base+"."+f); dir != "-" && inputAt(out, a.files) != "" {
				say(stderr, "kep diff: %s is an input file; kep never writes over an input (choose another -o)\n", out)
				return exitUsage
			}
			// Checked for every format before any is written: no report half written.
			if out := filepath.Join(dir, base+"."+f); dir != "-" && isFolder(out) {
				say(stderr, "kep diff: %s is a folder, cannot write the report there\n", out)
				return exitUsage
			}
		}
		for _, f := range a.formats {
			wrote, err := diffWriteReport(doc, f, a.outDir, base, now, stdout, stderr)
			if err != nil {
				say(stderr, "kep diff: %v\n", err)
				return exitUsage
			}
			if wrote != "" && !a.quiet {
				fmt.Fprintln(stderr, "wrote "+wrote)
			}
		}
	}
	if a.exitCode && len(cs) > 0 {
		return exitPlan
	}
	return exitOK
}

// diffArgs are the arguments of kep diff.
type diffArgs struct {
	files    []string // OLD NEW, or FILE
	rev      string   // with one FILE: the revision to compare with (default HEAD)
	formats  []string // report formats; none: text on stdout
	outDir   string
	exitCode bool
	quiet    bool // -q: do not name the reports written
}

// parseDiffArgs checks the flags and files; it returns false and the exit status on
// wrong usage or after --help.
func parseDiffArgs(args []string, stdout, stderr io.Writer) (diffArgs, int, bool) {
	c := diffCommand
	fl := flag.NewFlagSet(c.name, flag.ContinueOnError)
	rev := fl.String("rev", "", "")
	formats := fl.String("f", "", "")
	outDir := fl.String("o", "", "")
	exitCode := fl.Bool("exit-code", false, "")
	quiet := fl.Bool("q", false, "")
	files, code, ok := parseFlags(fl, c, args, stdout, stderr)
	if !ok {
		return diffArgs{}, code, false
	}
	a := diffArgs{files: files, rev: *rev, outDir: *outDir, exitCode: *exitCode, quiet: *quiet}
	fail := func(format string, args ...any) (diffArgs, int, bool) {
		return a, usageError(stderr, c, format, args...), false
	}
	if *formats != "" {
		for _, f := range strings.Split(*formats, ",") {
			f = strings.ToLower(strings.TrimSpace(f))
			if f != "html" && f != "pdf" {
				return fail("-f %q: want html, pdf or html,pdf", *formats)
			}
			a.formats = append(a.formats, f)
		}
	} else if a.outDir != "" {
		return fail("-o needs -f html or -f pdf")
	}
	switch {
	case a.outDir == "-" && len(a.formats) > 1:
		return fail("-o - writes one format only")
	case len(files) == 2 && a.rev != "":
		return fail("--rev compares one file with its git history; give one FILE")
	case len(files) == 0:
		return fail("no plan file given")
	case len(files) > 2:
		return fail("want OLD NEW or one FILE")
	}
	if a.rev == "" {
		a.rev = "HEAD"
	}
	return a, exitOK, true
}

// loadVersions reads and checks both versions: two files, or a file and its version at
// a git revision. A version with errors is reported by name (exit 1); a file that cannot
// be read or git trouble exits with 2.
func loadVersions(a diffArgs, loader *app.Loader, now time.Time, stderr io.Writer) (old, cur app.Checked, v changes.Versions, status int) {
	newPath := a.files[len(a.files)-1]
	if len(a.files) == 2 {
		if err := checkPlanInput(a.files[0]); err != nil {
			say(stderr, "kep: %v\n", err)
			return old, cur, v, exitUsage
		}
		old = loader.Load(a.files[0])
		v = changes.Versions{Old: a.files[0], New: newPath}
	} else {
		src, g, err := gitrev.Show(newPath, a.rev)
		if err != nil {
			say(stderr, "kep diff: %v\n", err)
			return old, cur, v, exitUsage
		}
		old = loadAtRevision(g, newPath, src, now)
		v = changes.Versions{Old: a.rev + ":" + g.Rel, New: newPath}
	}
	// No plan without an error too (a workspace file read as a version): never compare nil.
	if !old.OK() {
		diffVersionErrors(stderr, "old", v.Old, old.Diags)
		return old, cur, v, exitPlan
	}
	cur = loader.Load(newPath)
	if !cur.OK() {
		diffVersionErrors(stderr, "new", v.New, cur.Diags)
		return old, cur, v, exitPlan
	}
	return old, cur, v, exitOK
}

// diffVersionErrors prints the errors of one version, saying which version it is: the
// same file name may stand for both.
func diffVersionErrors(stderr io.Writer, which, name string, diags plan.Diagnostics) {
	say(stderr, "kep diff: the %s version (%s) has errors:\n", locale.MsgWord(which), name)
	diags.Sort()
	for _, dg := range diags {
		if !dg.Warning {
			fmt.Fprintln(stderr, dg.StringIn(diagLang(dg)))
		}
	}
}

// diffWriteReport writes the change report in one format to dir (through a temporary file
// and a rename, so a reader never sees half a file) or to stdout for "-". It returns the
// line naming the document written ("" for stdout).
func diffWriteReport(doc *render.Document, format, dir, base string, now time.Time, stdout, stderr io.Writer) (string, error) {
	var buf bytes.Buffer
	pages, err := diffWriteDoc(&buf, doc, format, now, stderr)
	if err != nil {
		return "", err
	}
	if dir == "-" {
		_, err := stdout.Write(buf.Bytes())
		return "", err
	}
	if dir == "" {
		dir = "out" // as kep render
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", err
	}
	path := filepath.Join(dir, base+"."+format)
	return wroteLine(path, pages), writeAtomic(path, buf.Bytes())
}

// loadAtRevision checks the old version src of the plan at path with the workspace of
// the same commit. The loader is given the absolute path, so that its search for kep.toml
// can walk up from any folder; messages name the file as the user did.
func loadAtRevision(g gitrev.File, path string, src []byte, now time.Time) app.Checked {
	abs := filepath.Join(g.Repo.Top, filepath.FromSlash(g.Rel))
	c := app.NewLoader(gitrev.FS{Repo: g.Repo, Commit: g.Commit}, now).LoadBytes(abs, src)
	for i := range c.Diags {
		if c.Diags[i].File == abs {
			c.Diags[i].File = path
		}
	}
	if c.Plan != nil {
		c.Plan.File = path
	}
	return c
}

// diffVersionError is an error in the older version of a plan (exit status 1).
type diffVersionError struct {
	name  string
	diags plan.Diagnostics
}

func (e *diffVersionError) Error() string { return e.In("en") }

// In is the error in lang, its findings in their plan's (as printDiagnostics prints them).
func (e *diffVersionError) In(lang string) string {
	var b strings.Builder
	b.WriteString(locale.Msgf("the version %s has errors:", e.name).In(lang))
	for _, d := range e.diags {
		if !d.Warning {
			b.WriteString("\n" + d.StringIn(diagLang(d)))
		}
	}
	return b.String()
}

// changesSince compares the plan at path, loaded as cur with figures curF, with its
// version at git revision rev, for the appendix "Änderungen" of `kep render --since REV`
// (render.Options.Changes). The status tells how to exit on an error: 2 for git
// trouble, 1 when the old version has errors.
func changesSince(path, rev string, cur *plan.Plan, curF *figures.Figures, now time.Time) (*render.Changes, int, error) {
	src, g, err := gitrev.Show(path, rev)
	if err != nil {
		return nil, exitUsage, err
	}
	old := loadAtRevision(g, path, src, now)
	if old.Diags.HasErrors() {
		return nil, exitPlan, &diffVersionError{name: rev + ":" + g.Rel, diags: old.Diags}
	}
	cs := changes.Compare(old.Plan, cur, old.Figures, curF)
	return changes.Appendix(cs, cur.Lang, rev), exitOK, nil
}

// diffWriteDoc lays the change report out in one format and returns its pages (PDF).
func diffWriteDoc(w io.Writer, doc *render.Document, format string, now time.Time, stderr io.Writer) (int, error) {
	res, err := app.WriteDoc(w, format, doc, app.Options{Now: now, Version: kepVersion()})
	if err == nil && res.Replaced != "" {
		say(stderr, "kep diff: warning: the font cannot draw %s; shown as placeholders\n", res.Replaced)
	}
	return res.Pages, err
}
