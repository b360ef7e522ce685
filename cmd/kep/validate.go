package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"

	"github.com/kepdev/kep/internal/stack"
	"github.com/kepdev/kep/locale"
	"github.com/kepdev/kep/plan"
	planload "github.com/kepdev/kep/plan/load"
)

var validateCommand = &command{
	name:    "validate",
	summary: "check plans and their workspace file",
	usage: `usage: kep validate [--strict] [--all] [--format text|github] FILE…

Checks each plan and its workspace file (kep.toml) against every rule of the plan
format and prints what it finds to stderr, errors first, then warnings:

	accounts/hansa.toml:42:1: scorecard.objectives[2].weight: weights of perspective "finance" sum to 90, want 100

Prints nothing when all plans are fine.

Flags:
	--strict         treat warnings as errors (not those the plan accepts in
	                 [[accepted]])
	--all            also print the warnings the plan accepts, with their reasons
	--format github  print GitHub Actions annotations (::error file=…,line=…::…)
	                 instead of plain lines

The as-of date (for overdue actions and key contacts not met) is
SOURCE_DATE_EPOCH when set, else today (local time).

Exit status: 0 all plans are valid; 1 a plan has errors (or warnings with
--strict); 2 wrong usage or a file that cannot be read.
`,
	run: runValidate,
}

func runValidate(c *command, args []string, stdout, stderr io.Writer) int {
	fl := flag.NewFlagSet(c.name, flag.ContinueOnError)
	strict := fl.Bool("strict", false, "")
	showAll := fl.Bool("all", false, "")
	format := fl.String("format", "text", "")
	files, code, ok := parseFlags(fl, c, args, stdout, stderr)
	if !ok {
		return code
	}
	if *format != "text" && *format != "github" {
		return usageError(stderr, c, "--format %q: want text or github", *format)
	}
	if len(files) == 0 {
		return usageError(stderr, c, "no plan file given")
	}
	d, err := newDater()
	if err != nil {
		say(stderr, "kep: %v\n", err)
		return exitUsage
	}
	status := exitOK
	var todo []int // indexes into files of the plans to load
	for i, f := range files {
		if err := checkInput(f); err != nil {
			say(stderr, "kep: %v\n", err)
			status = exitUsage
			continue
		}
		todo = append(todo, i)
	}
	// Plans load on all cores (the pre-commit hook gives a thousand at once); the findings
	// are gathered in the order of the files, so the output does not depend on timing.
	found := make([]plan.Diagnostics, len(files))
	parallel(len(todo), runtime.NumCPU(), func(k int) {
		ld, _ := d.load(files[todo[k]])
		found[todo[k]] = ld.Diags
	})
	var all plan.Diagnostics
	for _, diags := range found {
		all = append(all, diags...)
	}
	if *strict {
		all = strictly(all)
	}
	if *showAll {
		for i := range all {
			if r := all[i].Accepted; r != "" {
				all[i].SetMsg(locale.Msgf("%s (accepted: %s)", all[i].TextMsg(), r))
				all[i].Accepted = ""
			}
		}
	}
	all.Sort()
	printDiagnostics(stderr, all, *format)
	if all.HasErrors() && status == exitOK {
		status = exitPlan
	}
	return status
}

// parallel calls f(0) … f(n-1) on at most workers goroutines and returns when all are done.
func parallel(n, workers int, f func(i int)) {
	workers = max(1, min(workers, n))
	next := make(chan int)
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			stack.Grow() // loads plans: deep (internal/stack)
			defer wg.Done()
			for i := range next {
				f(i)
			}
		}()
	}
	for i := range n {
		next <- i
	}
	close(next)
	wg.Wait()
}

// strictly turns warnings into errors (--strict).
func strictly(ds plan.Diagnostics) plan.Diagnostics {
	out := make(plan.Diagnostics, len(ds))
	for i, d := range ds {
		// A warning the plan accepts on purpose ([[accepted]], spec A7) stays a warning.
		d.Warning = d.Warning && (workspaceNotice(d) || d.Accepted != "")
		out[i] = d
	}
	return out
}

// workspaceNotice reports the note that a file given to kep validate is the workspace file
// kep.toml, checked as one: it says what was checked and is no finding in a plan, so
// --strict keeps it a warning (kep validate --strict accounts/*.toml kep.toml failed on a
// valid workspace).
func workspaceNotice(d plan.Diagnostic) bool {
	return d.Line == 0 && d.Path == "" && filepath.Base(d.File) == planload.WorkspaceFileName &&
		strings.HasPrefix(d.Message, "a workspace file, not a plan")
}

// printDiagnostics writes the findings, one per line, as plain text or as GitHub Actions
// workflow commands.
// A finding in a workspace file shared by several plans is printed once.
func printDiagnostics(w io.Writer, ds plan.Diagnostics, format string) {
	seen := make(map[plan.Diagnostic]bool, len(ds))
	for _, d := range ds {
		if d.Accepted != "" || seen[d] { // accepted on purpose: listed in the documents
			continue
		}
		if seen[d] {
			continue
		}
		seen[d] = true
		d.File = displayPath(d.File)
		if format == "github" {
			fmt.Fprintln(w, githubAnnotation(d))
		} else {
			fmt.Fprintln(w, d.StringIn(diagLang(d)))
		}
	}
}

// displayPath shortens an absolute path below the current folder (the loader names a
// workspace file it found by its absolute path) to a relative one, as editors and CI
// annotations expect.
func displayPath(p string) string {
	if !filepath.IsAbs(p) {
		return p
	}
	wd, err := os.Getwd()
	if err != nil {
		return p
	}
	rel, err := filepath.Rel(wd, p)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return p
	}
	return rel
}

// githubAnnotation formats one finding as a workflow command, escaped as GitHub's
// toolkit does: properties may not hold ':' or ',', messages no line breaks.
func githubAnnotation(d plan.Diagnostic) string {
	kind := "error"
	if d.Warning {
		kind = "warning"
	}
	var b strings.Builder
	b.WriteString("::" + kind + " file=" + escapeProperty(d.File))
	if d.Line > 0 {
		col := d.Col
		if col < 1 {
			col = 1
		}
		b.WriteString(",line=" + strconv.Itoa(d.Line) + ",col=" + strconv.Itoa(col))
	}
	msg := d.Text(diagLang(d))
	if d.Path != "" {
		msg = d.Path + ": " + msg
	}
	b.WriteString("::" + escapeData(msg))
	return b.String()
}

var dataEscaper = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A")
var propertyEscaper = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C")

func escapeData(s string) string     { return dataEscaper.Replace(s) }
func escapeProperty(s string) string { return propertyEscaper.Replace(s) }
