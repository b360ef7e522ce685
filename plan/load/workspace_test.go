package load

import (
	"fmt"
	"strings"
	"testing"

	"github.com/kepdev/kep/plan"
)

// Rules of the workspace file kep.toml; the plan is the smallest valid one.
var workspaceCases = []struct {
	name, ws string
	want     []string
}{
	{"valid", "lang = \"en\"\n[visits]\nkams = 2\n", nil},
	{"unknown key", "[visits]\nworking_dais = 200\n", []string{
		`/ws/kep.toml:2:1: visits.working_dais: unknown key "working_dais", did you mean "working_days"?`,
	}},
	{"plan key in workspace", "[plan]\naccount = \"A\"\n", []string{
		`/ws/kep.toml:1:1: plan: "plan" belongs in a plan, not in the workspace file kep.toml`,
	}},
	{"classes out of order", "[scoring]\nclass_a = 40\nclass_b = 40\n", []string{
		`/ws/kep.toml:3:1: scoring.class_b: class_b (40) must be below class_a (40)`,
	}},
	{"class above 100", "[scoring]\nclass_a = 140\n", []string{
		`/ws/kep.toml:2:1: scoring.class_a: 140 is out of range: want 0 to 100`,
	}},
	{"criterion weights", "[[scoring.attractiveness]]\nid = \"r\"\nname = \"R\"\nweight = 60\n[[scoring.attractiveness]]\nid = \"r\"\nname = \"S\"\nweight = 30\n", []string{
		`/ws/kep.toml:6:1: scoring.attractiveness[1].id: id "r" is used twice`,
		`/ws/kep.toml:8:1: scoring.attractiveness[1].weight: weights of attractiveness sum to 90, want 100`,
	}},
	{"empty axis", "[scoring]\nposition = []\n", []string{
		`/ws/kep.toml:2:1: scoring.position: the position axis needs at least one criterion`,
	}},
	{"criterion without name", "[[scoring.position]]\nid = \"r\"\nweight = 100\n", []string{
		`/ws/kep.toml:1:1: scoring.position[0].name: required key is missing`,
	}},
	{"working days", "[visits]\nworking_days = 400\n", []string{
		`/ws/kep.toml:2:1: visits.working_days: 400 is out of range: want 1 to 366`,
	}},
	{"visits per day", "[visits]\nvisits_per_day = 0\n", []string{
		`/ws/kep.toml:2:1: visits.visits_per_day: 0 is out of range: want more than 0 and at most 100`,
	}},
	{"kams", "[visits]\nkams = 0\n", []string{
		`/ws/kep.toml:2:1: visits.kams: 0 is out of range: want at least 1`,
	}},
	{"class rows", "[[visits.classes]]\nclass = \"A\"\ncustomers = 1\nfrequency = 12\n[[visits.classes]]\nclass = \"A\"\ncustomers = 1\nfrequency = 12\n", []string{
		`/ws/kep.toml:1:1: visits.classes: no row for class B, C: give one row for each of A, B and C`,
		`/ws/kep.toml:6:1: visits.classes[1].class: class A has a second row`,
	}},
	{"class unknown", "[[visits.classes]]\nclass = \"D\"\ncustomers = 1\nfrequency = 1\n", []string{
		`/ws/kep.toml:2:1: visits.classes[0].class: "D" is not one of A, B, C; did you mean "A"?`,
	}},
	{"cost item", "[[costs.items]]\nname = \"Gehalt\"\namount = -1\n", []string{
		`/ws/kep.toml:3:1: costs.items[0].amount: -1 is out of range: want at least 0`,
	}},
	{"syntax error", "[visits\n", []string{
		`/ws/kep.toml:1:8: a [table] header needs its closing ]`,
	}},
}

func TestWorkspaceRules(t *testing.T) {
	for _, c := range workspaceCases {
		t.Run(c.name, func(t *testing.T) {
			_, ds := load(t, c.ws, header)
			diffLines(t, messages(ds, false), c.want)
		})
	}
}

func TestWorkspaceMerge(t *testing.T) {
	ws := "lang = \"en\"\ncurrency = \"USD\"\n[brand]\ncompany = \"Us\"\nprimary = \"#000000\"\nfooter = \"F\"\n[scoring]\nclass_a = 80\n"
	p, ds := load(t, ws, "currency = \"CHF\"\n"+header+"[brand]\nprimary = \"#ffffff\"\n")
	if ds.HasErrors() {
		t.Fatal(ds)
	}
	if p.Lang != "en" || p.Currency != "CHF" {
		t.Errorf("lang %q currency %q, want en (workspace) and CHF (plan)", p.Lang, p.Currency)
	}
	b := p.Brand
	if b.Company != "Us" || b.Primary != "#ffffff" || b.Footer != "F" || b.Accent != plan.DefaultAccent || b.Paper != "A4" {
		t.Errorf("brand %+v", b)
	}
	if p.Meta.Title != "Account development plan A" || p.Meta.Status != "draft" || p.Meta.Confidentiality != "confidential" {
		t.Errorf("meta defaults %+v", p.Meta)
	}
	s := p.Workspace.Scoring
	if s.ClassA != 80 || s.ClassB != 40 || len(s.Attractiveness) != 5 || s.Position[1].Name != "Beziehungsqualität" {
		t.Errorf("scoring %+v", s)
	}
	v := p.Workspace.Visits
	if v.WorkingDays != 200 || v.VisitsPerDay != 2.5 || v.KAMs != 1 || len(v.Classes) != 3 ||
		v.Classes[2] != (plan.VisitClass{Class: "C", Frequency: 2, ProspectFrequency: 1}) {
		t.Errorf("visits %+v", v)
	}
}

func TestDefaultsWithoutWorkspace(t *testing.T) {
	p, ds := load(t, "", header+obj("f1", "finance", "10", "")+obj("f2", "finance", "10", "")+
		"[[value]]\nid = \"v\"\nname = \"V\"\n[[actions]]\nid = \"a\"\naction = \"x\"\n")
	if ds.HasErrors() {
		t.Fatal(ds)
	}
	if p.Lang != "de" || p.Currency != "EUR" || p.Meta.Title != "Kundenentwicklungsplan A" {
		t.Errorf("lang %q currency %q title %q", p.Lang, p.Currency, p.Meta.Title)
	}
	if p.Workspace == nil || p.Workspace.File != "" || p.Workspace.Dir != "/ws" {
		t.Errorf("workspace %+v", p.Workspace)
	}
	o := p.Scorecard.Objectives
	if o[0].Better != "higher" || *o[0].Weight != 50 || *o[1].Weight != 50 || p.Scorecard.Weights["learning"] != 25 {
		t.Errorf("scorecard defaults %+v %+v", o, p.Scorecard.Weights)
	}
	if p.Value[0].Years != 1 || p.Actions[0].Status != "open" || p.Brand.Primary != plan.DefaultPrimary {
		t.Error("value, action or brand defaults missing")
	}
}

// The workspace is found in the plan's folder or above, not beyond a folder with .git,
// and parsed once.
func TestWorkspaceDiscovery(t *testing.T) {
	ws := []byte("lang = \"en\"\n")
	m := memFS{
		"/repo/.git/HEAD":           []byte("x"),
		"/repo/kep.toml":            ws,
		"/repo/accounts/a.toml":     []byte(header),
		"/repo/accounts/sub/b.toml": []byte(header),
		"/kep.toml":                 []byte("lang = \"de\"\n"),
		"/other/c.toml":             []byte(header),
	}
	l := &Loader{FS: m, Now: testNow}
	a, _ := l.LoadPlan("/repo/accounts/a.toml")
	b, _ := l.LoadPlan("/repo/accounts/sub/b.toml")
	if a.Workspace.File != "/repo/kep.toml" || a.Workspace != b.Workspace || a.Lang != "en" {
		t.Errorf("a: %q, b: %q: want one shared /repo/kep.toml", a.Workspace.File, b.Workspace.File)
	}
	c, _ := l.LoadPlan("/other/c.toml")
	if c.Workspace.File != "/kep.toml" {
		t.Errorf("c: %q, want /kep.toml at the root", c.Workspace.File)
	}
	delete(m, "/repo/kep.toml")
	l2 := &Loader{FS: m}
	a2, _ := l2.LoadPlan("/repo/accounts/a.toml")
	if a2.Workspace.File != "" || a2.Lang != "de" {
		t.Errorf("stops at .git: got %q", a2.Workspace.File)
	}
}

func TestLimits(t *testing.T) {
	big := header + "[swot]\nstrengths = [" + strings.Repeat("\"x\",", MaxRows+1) + "]\n"
	_, ds := load(t, "", big)
	diffLines(t, messages(ds, false), []string{"/ws/p.toml:7:1: swot.strengths: 10001 entries, more than the limit of 10000"})
	rows := header + strings.Repeat("[[team]]\nid = \"a\"\nname = \"A\"\n", MaxRows+1)
	_, ds = load(t, "", rows)
	diffLines(t, messages(ds, false), []string{"/ws/p.toml:6:1: team: 10001 rows, more than the limit of 10000"})
	huge := header + "summary = \"\"\"" + strings.Repeat("x", MaxFileSize) + "\"\"\"\n"
	_, ds = load(t, "", huge)
	diffLines(t, messages(ds, false), []string{fmt.Sprintf("/ws/p.toml: file is %d bytes, more than the limit of 2097152 (2 MiB)", len(huge))})
}

// A broken kep.toml is reported once per plan, and the plan is not checked against a
// scoring model that the workspace failed to give.
func TestBrokenWorkspace(t *testing.T) {
	ws := "[[scoring.attractiveness]]\nid = \"own\"\nname = \"Own\"\nweight = 90\n"
	_, ds := load(t, ws, header+"[selection]\n[selection.attractiveness]\nown = 5\n")
	diffLines(t, messages(ds, false), []string{
		"/ws/kep.toml:4:1: scoring.attractiveness[0].weight: weights of attractiveness sum to 90, want 100",
	})
}

// kep.toml given where a plan is expected is checked as a workspace.
func TestWorkspaceGivenAsPlan(t *testing.T) {
	for _, c := range []struct{ ws, want string }{
		{"[visits]\nkams = 2\n", "/ws/kep.toml: warning: a workspace file, not a plan: checked as a workspace; its plans are checked with it"},
		{"[visits]\nkams = 0\n", "/ws/kep.toml:2:1: visits.kams: 0 is out of range: want at least 1\n/ws/kep.toml: warning: a workspace file, not a plan: checked as a workspace; its plans are checked with it"},
		{"[scoring]\nclass_b = 90\n", "/ws/kep.toml:2:1: scoring.class_b: class_b (90) must be below class_a (70)\n/ws/kep.toml: warning: a workspace file, not a plan: checked as a workspace; its plans are checked with it"},
	} {
		l := &Loader{FS: memFS{"/ws/kep.toml": []byte(c.ws)}}
		p, ds := l.LoadPlan("/ws/kep.toml")
		var got []string
		for _, d := range ds {
			got = append(got, d.String())
		}
		if p != nil || strings.Join(got, "\n") != c.want {
			t.Errorf("got %q, want %q", got, c.want)
		}
	}
	ws, ds := (&Loader{FS: memFS{"/ws/kep.toml": []byte("lang = \"en\"\n")}}).WorkspaceFor("/ws/a/new.toml")
	if ds.HasErrors() || ws.Lang != "en" || ws.File != "/ws/kep.toml" {
		t.Errorf("WorkspaceFor: %+v %v", ws, ds)
	}
}
