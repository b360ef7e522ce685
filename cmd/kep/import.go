package main

import (
	"bytes"
	"errors"
	"flag"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/kepdev/kep/internal/app"
	"github.com/kepdev/kep/internal/crm"
	"github.com/kepdev/kep/locale"
	planload "github.com/kepdev/kep/plan/load"
	"github.com/kepdev/kep/render/changes"
)

var importCommand = &command{
	name:    "import",
	summary: "merge a CRM export (CSV or XLSX) into a plan",
	usage: `usage: kep import [--map MAP] [--id COLUMN] [--account NAME] [--dry-run] KIND SRC PLAN
       kep import --print-map KIND

Reads SRC, a CSV (delimiter , ; or tab; UTF-8 or Windows-1252) or XLSX export of
a CRM, and merges its rows into PLAN. KIND is contacts, actions, actuals or
opportunities.

Rows merge by id: the plan id is derived from the record id of the export (or of
the column --id names), so a second import updates what the first added. A row
whose id is not in the plan goes to a record with the same name, else it is
added. Changed values are replaced on their lines, new records are appended after
the last one; nothing is deleted, values the export lacks stay as they are, and
comments, key order and every untouched line keep their bytes. Required values a
new contact lacks get neutral defaults marked "# from kep import: check".

Where the export has an account column (Account Name, Company Name, …), only the
rows of the plan's account ([plan] account, or --account NAME) are taken.

actuals: one row per objective (by id or KPI name) with its actual value; the keys
history.revenue, history.contribution_margin and history.share_of_wallet update
the newest [[account.history]] row.

The column names of Salesforce, HubSpot and Microsoft Dynamics exports are
recognised (see the guide, "From your CRM"); for other exports write a mapping
file: --print-map KIND prints one to start from.

The result must validate, or nothing is written; the plan is replaced atomically.
The changes are printed as kep diff prints them.

Flags:
	--map MAP       a TOML mapping file: columns, words for enums, owners
	--id COLUMN     the column that holds the record id
	--account NAME  take the rows of this account (default: the plan's account)
	--dry-run       print the changes, write nothing
	--print-map     print a mapping file for KIND to stdout

Exit status: 0 success (also when nothing changed); 1 the export has errors
(each names its row) or the plan has errors, before or after the import;
2 wrong usage or a file that cannot be read or written.
`,
	run: runImport,
}

func init() { extraCommands = append(extraCommands, importCommand) }

func runImport(c *command, args []string, stdout, stderr io.Writer) int {
	fl := flag.NewFlagSet(c.name, flag.ContinueOnError)
	mapFile := fl.String("map", "", "")
	idCol := fl.String("id", "", "")
	account := fl.String("account", "", "")
	dryRun := fl.Bool("dry-run", false, "")
	printMap := fl.Bool("print-map", false, "")
	rest, code, ok := parseFlags(fl, c, args, stdout, stderr)
	if !ok {
		return code
	}
	if *printMap {
		if len(rest) != 1 {
			return usageError(stderr, c, "--print-map wants one KIND (%s)", strings.Join(crm.Kinds, ", "))
		}
		s, err := crm.PrintMap(rest[0], cliLang())
		if err != nil {
			return usageError(stderr, c, "%v", err)
		}
		if _, err := io.WriteString(stdout, s); err != nil {
			say(stderr, "kep import: %v\n", err)
			return exitUsage
		}
		return exitOK
	}
	if len(rest) != 3 {
		return usageError(stderr, c, "want KIND SRC PLAN, got %d arguments", len(rest))
	}
	kind, srcPath, planPath := rest[0], rest[1], rest[2]
	if !isKind(kind) {
		return usageError(stderr, c, "unknown KIND %q (want %s)", kind, strings.Join(crm.Kinds, ", "))
	}
	var opt crm.Options
	opt.IDColumn = *idCol
	opt.Account = *account
	if *mapFile != "" {
		data, err := readSource(*mapFile, 1<<20)
		if err != nil {
			say(stderr, "kep import: %v\n", err)
			return exitUsage
		}
		if opt.Map, err = crm.ParseMapping(kind, data); err != nil {
			say(stderr, "kep import: %s: %v\n", *mapFile, err)
			return exitUsage
		}
	}
	data, err := readSource(srcPath, crm.MaxSourceBytes)
	if err != nil {
		say(stderr, "kep import: %v\n", err)
		return exitUsage
	}
	d, err := newDater()
	if err != nil {
		say(stderr, "kep: %v\n", err)
		return exitUsage
	}
	if err := checkPlanInput(planPath); err != nil {
		say(stderr, "kep: %v\n", err)
		return exitUsage
	}
	old, now := d.load(planPath)
	p := old.Plan
	if !old.OK() {
		say(stderr, "kep import: %s has errors; fix them first, nothing written:\n", planPath)
		printDiagnostics(stderr, errorsOnly(old.Diags), "text")
		return exitPlan
	}
	t, err := crm.Read(data)
	if err == nil {
		var res *crm.Result
		if res, err = crm.Merge(kind, p, t, opt); err == nil {
			return finishImport(kind, planPath, old, res, d.loader(now), *dryRun, stdout, stderr)
		}
	}
	for _, line := range importErrorLines(srcPath, err, cliLang()) {
		io.WriteString(stderr, line+"\n")
	}
	say(stderr, "kep import: nothing written to %s\n", planPath)
	return exitPlan
}

// importErrorLines are the lines of the export's errors in lang: each error of a row
// after the file's name ("contacts.csv: row 3: …"), other errors (the words no mapping
// knows, with the lines of a mapping for them) as they are; a single error of another
// kind after the file's name.
func importErrorLines(srcPath string, err error, lang string) []string {
	var es crm.Errors
	if !errors.As(err, &es) {
		var re *crm.RowError
		if !errors.As(err, &re) {
			return []string{locale.Msgf("%s: %v", srcPath, err).In(lang)}
		}
		es = crm.Errors{re}
	}
	var out []string
	for _, e := range es {
		var re *crm.RowError
		if errors.As(e, &re) && re.Row > 0 {
			out = append(out, locale.Msgf("%s: %s", srcPath, re).In(lang))
			continue
		}
		out = append(out, strings.Split(locale.Msgf("%s", e).In(lang), "\n")...)
	}
	return out
}

// beforeImportWrite, for tests, runs after the merge and before the plan is checked for
// changes made meanwhile.
var beforeImportWrite func()

func isKind(k string) bool {
	for _, x := range crm.Kinds {
		if x == k {
			return true
		}
	}
	return false
}

// finishImport validates the merged plan, prints the changes in kep diff's words and,
// unless it is a dry run, replaces the plan file atomically.
func finishImport(kind, planPath string, oldC app.Checked, res *crm.Result, loader *app.Loader, dryRun bool, stdout, stderr io.Writer) int {
	old, merged := oldC.Plan, loader.LoadBytes(planPath, res.Src)
	np := merged.Plan
	if !merged.OK() {
		say(stderr, "kep import: after the import %s would have these errors; nothing written:\n", planPath)
		printDiagnostics(stderr, errorsOnly(merged.Diags), "text")
		return exitPlan
	}
	for _, w := range res.Warnings {
		say(stderr, "%s: warning: %s\n", planPath, w)
	}
	if bytes.Equal(res.Src, old.Source) {
		say(stderr, "kep import: %s already holds everything in the export; nothing to change\n", planPath)
		return exitOK
	}
	cs := changes.Compare(old, np, oldC.Figures, merged.Figures)
	v := changes.Versions{Old: planPath, New: locale.Msgf("%s (%s imported)", planPath, kind).In(np.Lang)}
	if err := changes.WriteText(stdout, changes.Title(np), v, changes.Group(cs, np.Lang), np.Lang); err != nil {
		say(stderr, "kep import: %v\n", err)
		return exitUsage
	}
	if dryRun {
		say(stderr, "kep import: dry run, nothing written (%d added, %d updated)\n", res.Added, res.Updated)
		return exitOK
	}
	target := planPath
	if real, err := filepath.EvalSymlinks(planPath); err == nil {
		target = real // keep a link to the plan a link
	}
	fi, err := os.Stat(target)
	if err != nil {
		say(stderr, "kep import: %v\n", err)
		return exitUsage
	}
	// The plan may have been saved from an editor since it was read: never write over that.
	if beforeImportWrite != nil {
		beforeImportWrite()
	}
	if now, err := os.ReadFile(target); err != nil || !bytes.Equal(now, old.Source) {
		say(stderr, "kep import: %s changed while the import ran; nothing written, run it again\n", planPath)
		return exitUsage
	}
	if err := writeAtomicMode(target, res.Src, fi.Mode().Perm()); err != nil {
		say(stderr, "kep import: %v\n", err)
		return exitUsage
	}
	say(stderr, "kep import: %s: %d added, %d updated\n", planPath, res.Added, res.Updated)
	return exitOK
}

// readSource reads an export or mapping as kep reads plans (plan.ReadRegular): a named
// pipe or device is refused without blocking, a read is bounded in size and time.
func readSource(path string, limit int64) ([]byte, error) { return planload.ReadRegular(path, limit) }
