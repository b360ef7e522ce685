package main

import (
	"bytes"
	"flag"
	"io"
	"path/filepath"
	"time"

	"github.com/kepdev/kep/internal/export"
)

var exportCommand = &command{
	name:    "export",
	summary: "write plans as an Excel workbook (XLSX)",
	usage: `usage: kep export [-o FILE.xlsx] FILE…

Checks the plans and writes one Excel workbook for controllers: a sheet of
figures with one row per plan (class, quadrant, scores, revenue, margin, visit
costs, scorecard achievement, open and overdue actions, …), and sheets of
objectives, actions, contacts, opportunities and asks with one row per item and
the plan's file and account in the first columns. Numbers and dates are real
numbers and dates with formats in the language of the first plan; every sheet has
a frozen header row and filters. Text from a plan is always a text cell, never a
formula. Same plans and SOURCE_DATE_EPOCH give the same bytes.

Flags:
	-o FILE.xlsx   the workbook (default out/plans.xlsx); '-' writes to stdout

Exit status: 0 success; 1 a plan has errors (nothing is written); 2 wrong usage
or a file that cannot be read or written.
`,
	run: runExport,
}

func init() { extraCommands = append(extraCommands, exportCommand) }

func runExport(c *command, args []string, stdout, stderr io.Writer) int {
	fl := flag.NewFlagSet(c.name, flag.ContinueOnError)
	out := fl.String("o", filepath.Join("out", "plans.xlsx"), "")
	files, code, ok := parseFlags(fl, c, args, stdout, stderr)
	if !ok {
		return code
	}
	if len(files) == 0 {
		return usageError(stderr, c, "no plan file given")
	}
	if *out == "-" && isTerminal(stdout) {
		return usageError(stderr, c, "-o - would write a workbook to the terminal; redirect stdout to a file")
	}
	if *out != "-" {
		if inputAt(*out, files) != "" {
			say(stderr, "kep export: %s is an input file; kep never writes over an input (choose another -o)\n", *out)
			return exitUsage
		}
		if isFolder(*out) {
			say(stderr, "kep export: %s is a folder, want a file name such as %s\n", *out, filepath.Join(*out, "plans.xlsx"))
			return exitUsage
		}
	}
	d, err := newDater()
	if err != nil {
		say(stderr, "kep: %v\n", err)
		return exitUsage
	}
	var plans []export.Plan
	failed := false
	var when time.Time
	for _, path := range distinctFiles(files) {
		if err := checkPlanInput(path); err != nil {
			say(stderr, "kep: %v\n", err)
			return exitUsage
		}
		ld, now := d.load(path)
		if !ld.OK() {
			printDiagnostics(stderr, errorsOnly(ld.Diags), "text")
			failed = true
			continue
		}
		when = now
		plans = append(plans, export.Plan{File: path, Plan: ld.Plan, Figures: ld.Figures})
	}
	if failed {
		say(stderr, "kep export: plans have errors; nothing written\n")
		return exitPlan
	}
	var buf bytes.Buffer
	if err := export.Write(&buf, plans, export.Options{Now: when}); err != nil {
		say(stderr, "kep export: %v\n", err)
		return exitUsage
	}
	if *out == "-" {
		if _, err := stdout.Write(buf.Bytes()); err != nil {
			say(stderr, "kep export: %v\n", err)
			return exitUsage
		}
		return exitOK
	}
	if err := writeAtomic(*out, buf.Bytes()); err != nil {
		say(stderr, "kep export: %v\n", err)
		return exitUsage
	}
	say(stderr, "kep export: wrote %s (%d plans)\n", *out, len(plans))
	return exitOK
}
