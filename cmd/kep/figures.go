package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"io"

	"github.com/kepdev/kep"
)

var figuresCommand = &command{
	name:    "figures",
	summary: "print a plan's derived figures as JSON",
	usage: `usage: kep figures FILE

Checks the plan and prints every derived figure (scores, class, quadrant, visit
costs, achievements, relative quality, value calculations, …) as indented JSON on
stdout, for spreadsheets, dashboards and scripts. Figures that cannot be computed
are null; blocks left empty are left out. The names are stable.

Nothing is printed to stdout when the plan has errors; they go to stderr.

Exit status: 0 success; 1 the plan has errors; 2 wrong usage or a file that cannot
be read.
`,
	run: runFigures,
}

func runFigures(c *command, args []string, stdout, stderr io.Writer) int {
	fl := flag.NewFlagSet(c.name, flag.ContinueOnError)
	files, code, ok := parseFlags(fl, c, args, stdout, stderr)
	if !ok {
		return code
	}
	if len(files) != 1 {
		return usageError(stderr, c, "want exactly one plan file, got %d", len(files))
	}
	d, err := newDater()
	if err != nil {
		fmt.Fprintf(stderr, "kep: %v\n", err)
		return exitUsage
	}
	if err := checkPlanInput(files[0]); err != nil {
		fmt.Fprintf(stderr, "kep: %v\n", err)
		return exitUsage
	}
	p, diags, now := d.load(files[0])
	if diags.HasErrors() || p == nil {
		printDiagnostics(stderr, errorsOnly(diags), "text")
		return exitPlan
	}
	out, err := figuresJSON(kep.Compute(p, now))
	if err != nil {
		fmt.Fprintf(stderr, "kep figures: %v\n", err)
		return exitUsage
	}
	if _, err := stdout.Write(out); err != nil {
		fmt.Fprintf(stderr, "kep figures: %v\n", err)
		return exitUsage
	}
	return exitOK
}

// figuresJSON encodes the figures with two-space indentation; "&" and "<" stay readable.
func figuresJSON(f *kep.Figures) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(f); err != nil {
		return nil, fmt.Errorf("encode figures: %w", err)
	}
	return buf.Bytes(), nil
}

func errorsOnly(ds kep.Diagnostics) kep.Diagnostics {
	var out kep.Diagnostics
	for _, d := range ds {
		if !d.Warning {
			out = append(out, d)
		}
	}
	return out
}
