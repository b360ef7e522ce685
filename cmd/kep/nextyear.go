package main

import (
	"flag"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/kepdev/kep/internal/app"
	"github.com/kepdev/kep/internal/nextyear"
)

var nextYearCommand = &command{
	name:    "next-year",
	summary: "start the next period's plan from this one",
	usage: `usage: kep next-year [-o NEW] FILE

Writes the plan for the period after FILE's: the period moves on by a year and the
version with it (2027.3 → 2028.1); every objective's actual becomes its baseline
and the actual is cleared; done and dropped actions are removed, open ones kept and
named in a comment; reviews are cleared; the status goes back to draft without the
approval. Comments, key order and everything else stay as they are. The new plan
must validate, or nothing is written.

Flags:
	-o NEW   the new plan's file (default: FILE's name with the new year, e.g.
	         accounts/hansa-2027.toml → accounts/hansa-2028.toml, or
	         accounts/hansa.toml → accounts/hansa-2028.toml)

kep next-year never overwrites a file: it refuses when NEW exists.

Exit status: 0 written; 1 FILE or the new plan has errors; 2 NEW exists, wrong usage
or a failure of the file system.
`,
	run: runNextYear,
}

func init() { extraCommands = append(extraCommands, nextYearCommand) }

func runNextYear(c *command, args []string, stdout, stderr io.Writer) int {
	fl := flag.NewFlagSet(c.name, flag.ContinueOnError)
	out := fl.String("o", "", "")
	files, code, ok := parseFlags(fl, c, args, stdout, stderr)
	if !ok {
		return code
	}
	if len(files) != 1 {
		return usageError(stderr, c, "want exactly one plan, got %d", len(files))
	}
	path := files[0]
	if err := checkPlanInput(path); err != nil {
		say(stderr, "kep: %v\n", err)
		return exitUsage
	}
	d, err := newDater()
	if err != nil {
		say(stderr, "kep: %v\n", err)
		return exitUsage
	}
	ld, now := d.load(path)
	p := ld.Plan
	if !ld.OK() {
		printDiagnostics(stderr, errorsOnly(ld.Diags), "text")
		say(stderr, "kep next-year: %s has errors; fix them first\n", path)
		return exitPlan
	}
	newPath := *out
	if newPath == "" {
		newPath = nextName(path, p.Meta.From.Year, p.Meta.From.Year+1)
	}
	if _, err := os.Lstat(newPath); err == nil {
		return usageError(stderr, c, "%s exists; kep next-year never overwrites a file (choose another -o)", newPath)
	}
	data, res, err := nextyear.Make(p.Source, p)
	if err != nil {
		say(stderr, "kep next-year: %s: %v\n", path, err)
		return exitPlan
	}
	// The new plan is checked where it will lie, with its workspace, on the same date.
	abs, _ := filepath.Abs(newPath)
	nc := app.NewLoader(nil, now).LoadBytes(abs, data)
	nd := nc.Diags
	if !nc.OK() {
		for i := range nd {
			if nd[i].File == abs {
				nd[i].File = newPath
			}
		}
		printDiagnostics(stderr, errorsOnly(nd), "text")
		say(stderr, "kep next-year: the new plan would not validate; nothing written\n")
		return exitPlan
	}
	if err := writeNew(newPath, data); err != nil {
		say(stderr, "kep next-year: %v\n", err)
		return exitUsage
	}
	say(stderr, "wrote %s: %s – %s", newPath, res.From, res.To)
	if res.Version != "" {
		say(stderr, ", version %s", res.Version)
	}
	say(stderr, "; %d baselines from actuals, %d open actions kept, %d done or dropped removed, %d reviews cleared\n",
		res.Baselines, len(res.Carried), len(res.Removed), res.Reviews)
	return exitOK
}

// nextName is the new plan's default file: the old year in the name becomes the new one
// (hansa-2027.toml → hansa-2028.toml), else the new year is added (hansa-2028.toml).
func nextName(path string, oldYear, newYear int) string {
	dir, base := filepath.Split(path)
	ext := filepath.Ext(base)
	stem := strings.TrimSuffix(base, ext)
	if old := strconv.Itoa(oldYear); strings.Contains(stem, old) {
		i := strings.LastIndex(stem, old)
		return filepath.Join(dir, stem[:i]+strconv.Itoa(newYear)+stem[i+len(old):]+ext)
	}
	return filepath.Join(dir, stem+"-"+strconv.Itoa(newYear)+ext)
}
