package main

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"time"

	"github.com/kepdev/kep/internal/app"
	"github.com/kepdev/kep/internal/gitrev"
	"github.com/kepdev/kep/internal/stack"
	"github.com/kepdev/kep/plan"
	"github.com/kepdev/kep/plan/figures"
	"github.com/kepdev/kep/plan/load"
	"github.com/kepdev/kep/render/portfolio"
)

const portfolioUsage = `usage: kep portfolio [-f pdf,html] [-o DIR] [-q] [--previous @REV] FILE…

Writes one report over many plans of one workspace, for the management of a sales
organisation: the scoring portfolio with one bubble per account (bubble size:
planned revenue), the accounts ranked by attractiveness with class, field, margin
rate and visit costs, the visit needs against capacity and the visit costs of the
workspace, the accounts whose planned visits deviate from their class norm by more
than 25 %, and the scorecards side by side.

The report is DIR/portfolio.pdf and DIR/portfolio.html, in the plans' language
(the workspace's when the plans differ), with the workspace's brand. Plans of
different workspaces or currencies cannot be compared: that is an error.

Flags:
	-f pdf,html   formats to write (default both)
	-o DIR        output folder, created when missing (default out, in the current
	              folder); '-' writes the one format to stdout
	-q            do not name the reports written ("wrote out/portfolio.pdf
	              (5 pages)")
	--previous @REV
	              compare each plan with the same plan file at git revision REV
	              (@v2026): every account's movement drawn as an arrow in the
	              portfolio, and the lists of up- and downgrades

The as-of date (Stand) is SOURCE_DATE_EPOCH when set, else today, so that the
same plans give the same bytes on the same day.

Exit status: 0 success; 1 a plan has errors or the plans do not belong together;
2 wrong usage or a failure of the file system.
`

// portfolioCmd is set in init: its run function refers back to it for the usage text.
var portfolioCmd *command

func init() {
	portfolioCmd = &command{
		name:    "portfolio",
		summary: "write one report over the plans of a workspace",
		usage:   portfolioUsage,
		run: func(_ *command, args []string, stdout, stderr io.Writer) int {
			return runPortfolio(args, stdout, stderr)
		},
	}
	extraCommands = append(extraCommands, portfolioCmd)
}

func runPortfolio(args []string, stdout, stderr io.Writer) int {
	c := portfolioCmd
	fl := flag.NewFlagSet(c.name, flag.ContinueOnError)
	formats := fl.String("f", "pdf,html", "")
	outDir := fl.String("o", "out", "")
	quiet := fl.Bool("q", false, "")
	previous := fl.String("previous", "", "")
	files, code, ok := parseFlags(fl, c, args, stdout, stderr)
	if !ok {
		return code
	}
	if len(files) == 0 {
		return usageError(stderr, c, "no plan file given")
	}
	if *previous != "" {
		if !strings.HasPrefix(*previous, "@") {
			return usageError(stderr, c, "--previous %s: give a git revision as @REV (the previous plans are the same files at REV)", *previous)
		}
		if err := checkPrevious(*previous, len(files)); err != nil {
			return usageError(stderr, c, "%v", err)
		}
	}
	files = distinctFiles(files)
	kinds, err := parseFormats(*formats)
	if err != nil {
		return usageError(stderr, c, "-f: %v", err)
	}
	if *outDir == "-" && len(kinds) != 1 {
		return usageError(stderr, c, "-o - writes one format to stdout: choose it with -f pdf or -f html")
	}
	if *outDir == "-" && kinds[0] == "pdf" && isTerminal(stdout) {
		return usageError(stderr, c, "-o - would write a PDF to the terminal; redirect stdout to a file or a program")
	}
	now, err := portfolioDate(files)
	if err != nil {
		say(stderr, "kep: %v\n", err)
		return exitUsage
	}
	rf := newRunFiles()
	plans, figs, status := loadPortfolio(files, now, rf, stderr)
	if status != exitOK {
		return status
	}
	warnSameAccount(plans, stderr)
	if *previous != "" {
		if status := portfolioPrevious(*previous, plans, figs, now, stderr); status != exitOK {
			return status
		}
	}
	pf, err := portfolio.Compute(plans, figs)
	if err != nil {
		say(stderr, "kep portfolio: %v\n", err)
		return exitPlan
	}
	v := kepVersion()
	doc := portfolio.Document(pf, portfolio.Options{Now: now, KepVersion: v,
		Workspace: reportPath(pf.Workspace.File), Previous: *previous})
	if *outDir != "-" {
		for _, kind := range kinds {
			if out := filepath.Join(*outDir, "portfolio."+kind); inputAt(out, files) != "" {
				say(stderr, "kep portfolio: %s is an input file; kep never writes over an input (choose another -o)\n", out)
				return exitUsage
			}
			// Checked for every format before any is written: no report half written.
			if out := filepath.Join(*outDir, "portfolio."+kind); isFolder(out) {
				say(stderr, "kep portfolio: %s is a folder, cannot write the report there\n", out)
				return exitUsage
			}
		}
	}
	// The same temporary file + rename as kep render: a report is complete or not there.
	out := &renderer{dir: *outDir, stdout: stdout, files: rf}
	if *outDir == "-" {
		out.dir = ""
	} else if err := os.MkdirAll(*outDir, 0o755); err != nil {
		say(stderr, "kep portfolio: output folder: %v\n", err)
		return exitUsage
	}
	for _, kind := range kinds {
		var buf bytes.Buffer
		res, err := app.WriteDoc(&buf, kind, doc, app.Options{Now: now, Version: v})
		pages := res.Pages
		if err == nil && res.Replaced != "" {
			say(stderr, "kep portfolio: warning: the PDF font cannot draw %s; shown as placeholders\n", res.Replaced)
		}
		if err == nil {
			err = out.write("portfolio."+kind, buf.Bytes())
		}
		if err != nil {
			say(stderr, "kep portfolio: %v\n", err)
			return exitUsage
		}
		if out.dir != "" && !*quiet {
			fmt.Fprintln(stderr, "wrote "+wroteLine(filepath.Join(out.dir, "portfolio."+kind), pages))
		}
	}
	return exitOK
}

// portfolioDate is the as-of date of the report: SOURCE_DATE_EPOCH, else today (the
// plans are checked for input errors on the way).
func portfolioDate(files []string) (time.Time, error) {
	d, err := newDater()
	if err != nil {
		return time.Time{}, err
	}
	var newest time.Time
	for _, f := range files {
		if err := checkPlanInput(f); err != nil {
			return time.Time{}, err
		}
		if t := d.date(f); t.After(newest) {
			newest = t
		}
	}
	return newest, nil
}

// loadPortfolio checks and computes the plans in parallel with one loader, so the
// workspace file is parsed once. It prints every finding, errors first, like validate.
func loadPortfolio(files []string, now time.Time, rf *runFiles, stderr io.Writer) ([]*plan.Plan, []*figures.Figures, int) {
	// rf records every file read (plans, kep.toml, brand assets): the report is never
	// written over one of them.
	l := app.NewLoader(load.OSFileSystem(rf.opened), now)
	plans := make([]*plan.Plan, len(files))
	figs := make([]*figures.Figures, len(files))
	diags := make([]plan.Diagnostics, len(files))
	next := make(chan int)
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), len(files)) {
		wg.Add(1)
		go func() {
			stack.Grow() // loads plans: deep (internal/stack)
			defer wg.Done()
			for i := range next {
				c := l.Load(files[i])
				diags[i] = c.Diags
				if c.OK() {
					plans[i], figs[i] = c.Plan, c.Figures
				}
			}
		}()
	}
	for i := range files {
		next <- i
	}
	close(next)
	wg.Wait()
	var all plan.Diagnostics
	for _, ds := range diags {
		all = append(all, ds...)
	}
	all.Sort()
	printDiagnostics(stderr, all, "text")
	if all.HasErrors() {
		return nil, nil, exitPlan
	}
	for i, p := range plans {
		if p == nil {
			say(stderr, "kep portfolio: %s: could not be loaded\n", files[i])
			return nil, nil, exitPlan
		}
	}
	return plans, figs, exitOK
}

// reportPath names the workspace file in the report: relative to the working folder when
// it lies below it, else by its base name, so the report shows no machine's absolute paths.
func reportPath(path string) string {
	if path == "" {
		return ""
	}
	if p := displayPath(path); !filepath.IsAbs(p) {
		return filepath.ToSlash(p)
	}
	return filepath.Base(path)
}

// warnSameAccount warns where two plans name the same account (last year's plan caught
// by accounts/*.toml, a copy): each is counted in the report, so the account's revenue
// and visits count twice.
func warnSameAccount(plans []*plan.Plan, stderr io.Writer) {
	files := map[string][]string{}
	var order []string
	for _, p := range plans {
		name := strings.TrimSpace(p.Meta.Account)
		if files[name] == nil {
			order = append(order, name)
		}
		files[name] = append(files[name], p.File)
	}
	for _, name := range order {
		if fs := files[name]; len(fs) > 1 {
			say(stderr, "kep portfolio: warning: account %q has %d plans (%s); each counts in the report\n", name, len(fs), strings.Join(fs, ", "))
		}
	}
}

// portfolioPrevious compares each plan with the same plan file at git revision src
// ("@REV"), setting its figures' Review for the movement in the report. A plan that did
// not exist at REV is new: it is noted and has no arrow. Any other failure stops the run
// with its status (1: a previous plan has errors; 2: git trouble, another account).
func portfolioPrevious(src string, plans []*plan.Plan, figs []*figures.Figures, now time.Time, stderr io.Writer) int {
	for i, p := range plans {
		prev, status, err := previousPlan(src, p.File, p, nil, now)
		switch {
		case errors.Is(err, gitrev.ErrNotInRevision):
			say(stderr, "kep portfolio: %s: --previous %s: not in that revision (a new plan): no arrow\n", p.File, src)
		case err != nil:
			say(stderr, "kep portfolio: %s: --previous: %v\n", p.File, err)
			return status
		default:
			app.AddReview(figs[i], p, prev)
		}
	}
	return exitOK
}
