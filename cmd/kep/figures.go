package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"io"

	"github.com/kepdev/kep/internal/app"
	"github.com/kepdev/kep/internal/gitrev"
	"github.com/kepdev/kep/plan"
	"github.com/kepdev/kep/plan/figures"
)

var figuresCommand = &command{
	name:    "figures",
	summary: "print a plan's derived figures as JSON",
	usage: `usage: kep figures [--previous FILE|@REV] FILE

Checks the plan and prints every derived figure (scores, class, quadrant, visit
costs, achievements, relative quality, value calculations, …) as indented JSON on
stdout, for spreadsheets, dashboards and scripts. Figures that cannot be computed
are null; blocks left empty are left out. The names are stable.

With --previous, "review" compares the plan with the previous period's plan of
the same account: FILE, or the same plan file at git revision REV (@v2026,
@HEAD~3). A previous plan of another account is refused.

Nothing is printed to stdout when the plan has errors; they go to stderr.

Exit status: 0 success; 1 the plan (or the previous plan) has errors; 2 wrong
usage (a previous plan of another account), a file that cannot be read, or git
trouble.
`,
	run: runFigures,
}

func runFigures(c *command, args []string, stdout, stderr io.Writer) int {
	fl := flag.NewFlagSet(c.name, flag.ContinueOnError)
	previous := fl.String("previous", "", "")
	files, code, ok := parseFlags(fl, c, args, stdout, stderr)
	if !ok {
		return code
	}
	if len(files) != 1 {
		return usageError(stderr, c, "want exactly one plan file, got %d", len(files))
	}
	if *previous != "" {
		if err := checkPrevious(*previous, 1); err != nil {
			return usageError(stderr, c, "%v", err)
		}
	}
	d, err := newDater()
	if err != nil {
		say(stderr, "kep: %v\n", err)
		return exitUsage
	}
	if err := checkPlanInput(files[0]); err != nil {
		say(stderr, "kep: %v\n", err)
		return exitUsage
	}
	ld, now := d.load(files[0])
	if !ld.OK() {
		printDiagnostics(stderr, errorsOnly(ld.Diags), "text")
		return exitPlan
	}
	p, f := ld.Plan, ld.Figures
	if *previous != "" {
		prev, status, err := previousPlan(*previous, files[0], p, d.loader(now), now)
		switch {
		case errors.Is(err, gitrev.ErrNotInRevision):
			say(stderr, "kep figures: %s: --previous %s: not in that revision (a new plan): no review\n", files[0], *previous)
		case err != nil:
			say(stderr, "kep figures: %s: --previous: %v\n", files[0], err)
			return status
		default:
			app.AddReview(f, p, prev)
		}
	}
	out, err := figuresJSON(f)
	if err != nil {
		say(stderr, "kep figures: %v\n", err)
		return exitUsage
	}
	if _, err := stdout.Write(out); err != nil {
		say(stderr, "kep figures: %v\n", err)
		return exitUsage
	}
	return exitOK
}

// figuresJSON encodes the figures with two-space indentation; "&" and "<" stay readable.
func figuresJSON(f *figures.Figures) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(f); err != nil {
		return nil, errorf("encode figures: %w", err)
	}
	return buf.Bytes(), nil
}

func errorsOnly(ds plan.Diagnostics) plan.Diagnostics {
	var out plan.Diagnostics
	for _, d := range ds {
		if !d.Warning {
			out = append(out, d)
		}
	}
	return out
}
