package check

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/kepdev/kep/plan"
	planload "github.com/kepdev/kep/plan/load"
)

// examplePaths returns the key paths of the A9 warnings, in order.
func examplePaths(ds plan.Diagnostics) []string {
	var out []string
	for _, d := range ds {
		if d.Warning && strings.Contains(d.Message, "from kep init") {
			out = append(out, d.Path)
		}
	}
	return out
}

func scaffoldFor(t *testing.T, lang, account string) string {
	t.Helper()
	src, err := planload.Scaffold(planload.ScaffoldOptions{Lang: lang, Account: account, File: "p.toml", Year: 2027})
	if err != nil {
		t.Fatal(err)
	}
	return string(src)
}

// edit replaces old, which must occur exactly once (n = 1) or n times, in src.
func edit(t *testing.T, src, old, new string, n int) string {
	t.Helper()
	if c := strings.Count(src, old); c != n {
		t.Fatalf("%q occurs %d times, want %d", old, c, n)
	}
	return strings.ReplaceAll(src, old, new)
}

// A plan straight from kep init: no errors; one warning per building block, each block
// shown but not counted (0/7); the placeholders outside the blocks warn one by one.
func TestExamplePlanFromInit(t *testing.T) {
	for _, lang := range planload.ScaffoldLangs {
		t.Run(lang, func(t *testing.T) {
			p, ds := loadPlan(t, "", scaffoldFor(t, lang, ""))
			if ds.HasErrors() {
				t.Fatalf("errors: %v", messages(ds, false))
			}
			diffLines(t, examplePaths(ds), []string{
				"plan.account", "plan.owner", "plan.summary",
				"selection", "scorecard", "offering", "account", "swot", "value", "contacts",
				"reviews[0].participants[0]", "reviews[0].notes",
			})
			for _, d := range ds {
				if d.Path == "offering" && d.Message != "building block 3 (offering) is still the example from kep init: replace its values with the account's own; until then it does not count towards completeness" {
					t.Errorf("block message: %s", d.Message)
				}
				if d.Path == "plan.owner" && !strings.HasPrefix(d.Message, "still the example text from kep init (") {
					t.Errorf("text message: %s", d.Message)
				}
			}
			f := Compute(p, testNow)
			if f.Completeness != 0 || f.Blocks != [7]bool{true, true, true, true, true, true, true} {
				t.Errorf("completeness %d, blocks %v: want 0 and all shown", f.Completeness, f.Blocks)
			}
			if n := len(examplePaths(diagsOf(f.Warnings))); n != 12 {
				t.Errorf("Compute lists %d A9 warnings, want 12", n)
			}
		})
	}
}

// diagsOf turns Figures.Warnings back into diagnostics for examplePaths.
func diagsOf(ws []string) plan.Diagnostics {
	var ds plan.Diagnostics
	for _, w := range ws {
		// file:line:col: warning: path: message
		parts := strings.SplitN(w, ": ", 4)
		if len(parts) == 4 {
			ds = append(ds, plan.Diagnostic{Warning: true, Path: parts[2], Message: parts[3]})
		}
	}
	return ds
}

// The account name given with --account is the user's, not an example.
func TestExampleAccountGiven(t *testing.T) {
	_, ds := loadPlan(t, "", scaffoldFor(t, "de", "Müller & Söhne KG"))
	if slices.Contains(examplePaths(ds), "plan.account") {
		t.Error("the name given with --account is flagged")
	}
}

// One edited value makes its block the account's own: it counts, and its placeholder
// texts now warn one by one; the other blocks stay examples.
func TestExampleOneBlockEdited(t *testing.T) {
	src := edit(t, scaffoldFor(t, "de", "Hansa AG"), "Wie soll der Kunde uns sehen? (Markdown)", "Als Partner für Verfügbarkeit.", 1)
	p, ds := loadPlan(t, "", src)
	diffLines(t, examplePaths(ds), []string{
		"plan.owner", "plan.summary",
		"selection", "scorecard",
		"offering.packages[0].description",
		"account", "swot", "value", "contacts",
		"reviews[0].participants[0]", "reviews[0].notes",
	})
	f := Compute(p, testNow)
	if f.Completeness != 1 || f.Examples != [7]bool{true, true, false, true, true, true, true} {
		t.Errorf("completeness %d, examples %v", f.Completeness, f.Examples)
	}
}

// A text changed in one place loses its warning there only: the same example text
// elsewhere still warns. Numbers, dates, ids and enum words equal to the scaffold's
// never warn on their own; a row the user added by copying an example row does.
func TestExampleTextChangedOnce(t *testing.T) {
	src := scaffoldFor(t, "de", "Hansa AG")
	// contacts[0].name only (the block turns the user's own).
	src = edit(t, src, "id = \"ek\"\nname = \"Vorname Nachname\"", "id = \"ek\"\nname = \"Sabine Krüger\"", 1)
	src += "\n[[contacts]]\nid = \"c3\"\nname = \"Vorname Nachname\"\ninfluence = 2\nattitude = \"neutral\"\nrelationship = 1\n"
	_, ds := loadPlan(t, "", src)
	diffLines(t, examplePaths(ds), []string{
		"plan.owner", "plan.summary",
		"selection", "scorecard", "offering", "account", "swot", "value",
		"team[0].name", "contacts[1].name",
		"reviews[0].participants[0]", "reviews[0].notes",
		"contacts[2].name", // appended at the end of the file
	})
}

// Rows moved or deleted keep a block an example; an added key makes it the user's.
func TestExampleRowsMovedOrAdded(t *testing.T) {
	src := scaffoldFor(t, "en", "Northwind")
	// The two contacts swapped: still kep init's values.
	i, j := strings.Index(src, "[[contacts]]"), strings.Index(src, "# ── Action plan")
	rows := strings.SplitAfterN(src[i:j], "\n[[contacts]]", 2)
	swapped := "[[contacts]]" + strings.TrimPrefix(rows[1], "") + "\n" + strings.TrimSuffix(rows[0], "[[contacts]]")
	_, ds := loadPlan(t, "", src[:i]+swapped+src[j:])
	if !slices.Contains(examplePaths(ds), "contacts") {
		t.Errorf("swapped rows: block 7 no longer an example: %v", examplePaths(ds))
	}
	// An actual entered at a review makes the scorecard the user's.
	_, ds = loadPlan(t, "", edit(t, src, "# actual = 480_000", "actual = 480_000", 1))
	if slices.Contains(examplePaths(ds), "scorecard") {
		t.Error("scorecard with an actual still an example")
	}
}

// A plan switched to the other language, or saved with Windows line ends, still shows
// kep init's texts.
func TestExampleOtherLangAndCRLF(t *testing.T) {
	src := edit(t, scaffoldFor(t, "de", "Hansa AG"), `lang = "de"`, `lang = "en"`, 1)
	_, ds := loadPlan(t, "", src)
	if !slices.Contains(examplePaths(ds), "plan.owner") || !slices.Contains(examplePaths(ds), "contacts") {
		t.Errorf("lang switched: %v", examplePaths(ds))
	}
	_, ds = loadPlan(t, "", strings.ReplaceAll(scaffoldFor(t, "en", "Northwind"), "\n", "\r\n"))
	if len(examplePaths(ds)) != 11 {
		t.Errorf("CRLF: %v", examplePaths(ds))
	}
}

// The workspace's criteria and visit norm are part of what kep init writes: a plan made
// inside a workspace is compared with that workspace's scaffold.
func TestExampleWorkspaceCriteria(t *testing.T) {
	ws, err := os.ReadFile("../testdata/ws/kep.toml")
	if err != nil {
		t.Fatal(err)
	}
	m := memFS{"/ws/.git/HEAD": []byte("ref"), "/ws/kep.toml": ws}
	l := &Loader{FS: m, Now: testNow}
	w, wd := l.WorkspaceFor("/ws/p.toml")
	if wd.HasErrors() {
		t.Fatal(wd)
	}
	src, err := planload.Scaffold(planload.ScaffoldOptions{Lang: "de", Year: 2027, Workspace: w})
	if err != nil {
		t.Fatal(err)
	}
	m["/ws/p.toml"] = src
	_, ds := l.LoadPlan("/ws/p.toml")
	if !slices.Contains(examplePaths(ds), "selection") {
		t.Errorf("block 1 of a workspace's scaffold not recognised: %v", examplePaths(ds))
	}
}

// Real plans get no A9 warning, although they share numbers, dates, ids, enum words and
// texts such as "Key Account Manager" or "Preis" with the scaffold.
func TestExampleSamplesClean(t *testing.T) {
	files, _ := filepath.Glob("../../samples/accounts/*.toml")
	files = append(files, "../testdata/ws/accounts/full.toml")
	if len(files) < 3 {
		t.Fatalf("samples: %v", files)
	}
	for _, f := range files {
		p, ds := (&Loader{Now: testNow}).LoadPlan(f)
		if got := examplePaths(ds); len(got) > 0 {
			t.Errorf("%s: %v", f, got)
		}
		if p != nil && p.Examples != [7]bool{} {
			t.Errorf("%s: example blocks %v", f, p.Examples)
		}
	}
}

// A plan period the scaffold cannot be filled for (year 1: its previous year has no
// four digits) is compared with nothing: no warning, no panic.
func TestExampleOddYears(t *testing.T) {
	for _, from := range []string{"0001-01-01", "9999-01-01"} {
		src := edit(t, scaffoldFor(t, "de", ""), "from = 2027-01-01", "from = "+from, 1)
		src = edit(t, src, "to = 2027-12-31", "to = 9999-12-31", 1)
		_, ds := loadPlan(t, "", src)
		if ds.HasErrors() {
			t.Fatalf("%s: %v", from, messages(ds, false))
		}
		if from == "9999-01-01" && !slices.Contains(examplePaths(ds), "plan.owner") {
			t.Errorf("%s: %v", from, examplePaths(ds))
		}
	}
}
