package check

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"os/exec"
	"testing"
	"time"

	"github.com/kepdev/kep/plan"
	"github.com/kepdev/kep/plan/figures"
)

var update = flag.Bool("update", false, "rewrite golden files")

func figuresOf(t *testing.T, path string) (*plan.Plan, *figures.Figures) {
	t.Helper()
	l := &Loader{Now: testNow}
	p, ds := l.LoadPlan(path)
	if ds.HasErrors() {
		t.Fatal(ds.Err())
	}
	return p, Compute(p, testNow)
}

// The literature's visit-needs example: 1,000 A-customers × 36 visits + 2,000
// B-customers × 12 = 60,000 visits; at 200 days × 5 visits a KAM makes 1,000 visits, so
// 60 KAMs are needed, and 60 KAMs are fully used.
func TestVisitNeedsLiterature(t *testing.T) {
	_, f := figuresOf(t, "../testdata/ws/accounts/full.toml")
	v := f.Visits
	if v.Need != 60000 || v.Capacity != 60000 || *v.Utilisation != 100 || *v.KAMsNeeded != 60 {
		t.Errorf("need %v capacity %v utilisation %v KAMs %v", v.Need, v.Capacity, *v.Utilisation, *v.KAMsNeeded)
	}
	if v.ByClass[0].Visits != 36000 || v.ByClass[1].Visits != 24000 || v.ByClass[2].Visits != 0 {
		t.Errorf("by class %+v", v.ByClass)
	}
}

// Perspectives without objectives drop out and the others' weights scale to 100. An
// objective without actual is a starting point (spec A4): it has its achievement from the
// baseline, no light, and stays out of the totals while other objectives have results.
func TestScorecardScaling(t *testing.T) {
	_, f := figuresOf(t, "../testdata/ws/accounts/full.toml")
	s := f.Scorecard
	if !near(s.Perspectives["finance"], 84) || len(s.Perspectives) != 1 {
		t.Errorf("perspectives %v", s.Perspectives)
	}
	// finance 40 and customer 30 of the 70 that have objectives; only finance has results.
	if !near(*s.Total, 84) || !near(s.Weights["finance"], 400/7.0) || s.StartingPoint {
		t.Errorf("total %v weights %v starting point %v", *s.Total, s.Weights, s.StartingPoint)
	}
	k1, f1 := s.Objectives["k1"], s.Objectives["f1"]
	if !k1.StartingPoint || k1.Light != "" || !near(k1.Achievement, 75) || k1.Progress != nil {
		t.Errorf("k1 starts from its baseline 30 of 40: %+v", k1)
	}
	// f1: baseline 1.6 M, target 2 M, actual 1.8 M: progress (1.8 − 1.6) / (2 − 1.6) = 50 %.
	if f1.StartingPoint || f1.Light != "amber" || f1.Progress == nil || !near(*f1.Progress, 50) {
		t.Errorf("f1: %+v", f1)
	}
	// An objective without actual and baseline has no figure and leaves the total.
	sc := &plan.Scorecard{Weights: map[string]float64{"finance": 25, "customer": 25, "process": 25, "learning": 25},
		Objectives: []plan.Objective{{ID: "a", Perspective: "finance", Target: 10, Actual: fptr(5), Weight: fptr(50), Better: "higher"},
			{ID: "b", Perspective: "finance", Target: 10, Weight: fptr(50), Better: "higher"},
			{ID: "c", Perspective: "learning", Target: 10, Weight: fptr(100), Better: "higher"}}}
	g := (Compute(&plan.Plan{Scorecard: *sc}, testNow).Scorecard)
	if len(g.Objectives) != 1 || !near(g.Perspectives["finance"], 50) || !near(*g.Total, 50) || !near(g.Weights["learning"], 50) {
		t.Errorf("partial data: %+v total %v", g, *g.Total)
	}
}

func TestRelativeQuality(t *testing.T) {
	_, f := figuresOf(t, "../testdata/ws/accounts/full.toml")
	o := f.Offering
	// schmidt: 60 × 8/4 / 100 + 40 × 5/5 / 100 = 1.6; brix: 60 × 8/8 / 100 + 40 × 5/10 / 100 = 0.8.
	if !near(o.RelativeQuality["schmidt"], 1.6) || !near(o.RelativeQuality["brix"], 0.8) || o.WeakestAgainst != "brix" {
		t.Errorf("RQ %v weakest %q", o.RelativeQuality, o.WeakestAgainst)
	}
	if o.Competences[0].Quadrant != "core" || o.Competences[1].Quadrant != "irrelevant" {
		t.Errorf("competences %+v", o.Competences)
	}
	for _, c := range []struct {
		i, s float64
		want string
	}{{5, 5, "core"}, {5, 4.9, "gap"}, {4.9, 5, "selective"}, {0, 0, "irrelevant"}} {
		if q := figures.CompetenceQuadrant(c.i, c.s); q != c.want {
			t.Errorf("CompetenceQuadrant(%v, %v) = %s, want %s", c.i, c.s, q, c.want)
		}
	}
}

func TestSelectionFigures(t *testing.T) {
	p, f := figuresOf(t, "../testdata/ws/accounts/full.toml")
	s := f.Selection
	// 25 × 8 + 25 × 9 + 20 × 7 + 15 × 10 + 15 × 6 = 805 → 80.5; position 30 × 4 + 25 × 6 + 25 × 8 + 20 × 5 = 570 → 57.
	if *s.Attractiveness != 80.5 || *s.Position != 57 || s.Class != "A" || s.Quadrant != "star" {
		t.Errorf("%+v", s)
	}
	// 36 visits × 120 € = 4,320 €: 0.216 % of 2 M revenue, 0.864 % of 500 k margin.
	if *s.MarginRate != 25 || *s.VisitCost != 4320 || !near(*s.VisitCostRevenuePct, 0.216) || !near(*s.VisitCostMarginPct, 0.864) || *s.NormVisits != 36 {
		t.Errorf("%+v", s)
	}
	for _, c := range []struct {
		a, p float64
		want string
	}{{50, 50, "star"}, {50, 49.9, "question"}, {49.9, 50, "cash"}, {10, 10, "marginal"}} {
		if q := figures.Quadrant(c.a, c.p); q != c.want {
			t.Errorf("Quadrant(%v, %v) = %s, want %s", c.a, c.p, q, c.want)
		}
	}
	if f.Completeness != 7 || f.Analysis.Readiness == nil || *f.Analysis.Readiness != 75 {
		t.Errorf("completeness %d readiness %v", f.Completeness, f.Analysis.Readiness)
	}
	if f.Network.MapStatus != 3 || f.Network.Coverage[3].Role != "decider" || len(f.Network.Coverage[3].Contacts) != 2 || f.Network.Coverage[3].BestRelationship != 2 {
		t.Errorf("network %+v", f.Network)
	}
	if *f.Checklists["partnership"] != 50 || f.Actions.Open != 1 || f.Actions.Overdue != 1 {
		t.Errorf("checklists %v actions %+v", *f.Checklists["partnership"], f.Actions)
	}
	_ = p
}

// The figures of the full fixture as JSON, compared with a golden file.
func TestFiguresGolden(t *testing.T) {
	got := figuresJSON(t)
	const golden = "testdata/full.figures.golden"
	if *update {
		if err := os.WriteFile(golden, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("figures differ from %s (go test -update to accept):\n%s", golden, got)
	}
}

func figuresJSON(t *testing.T) []byte {
	_, f := figuresOf(t, "../testdata/ws/accounts/full.toml")
	b, err := json.MarshalIndent(f, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	return append(b, '\n')
}

// The figures do not depend on the machine's time zone: the same JSON under the
// earliest and the latest zone there is, in a child process each (the zone is read once
// per process), and with time.Local set in this one.
func TestTimeZones(t *testing.T) {
	if os.Getenv("KEP_TZ_CHILD") != "" {
		os.Stdout.Write(figuresJSON(t))
		return
	}
	want := figuresJSON(t)
	for _, tz := range []string{"Pacific/Kiritimati", "America/Adak"} {
		cmd := exec.Command(os.Args[0], "-test.run=^TestTimeZones$", "-test.count=1")
		cmd.Env = append(os.Environ(), "KEP_TZ_CHILD=1", "TZ="+tz)
		out, err := cmd.Output()
		if err != nil {
			t.Fatalf("%s: %v", tz, err)
		}
		if !bytes.HasPrefix(out, want) {
			t.Errorf("TZ=%s: figures differ:\n%s", tz, out)
		}
		loc, err := time.LoadLocation(tz)
		if err != nil {
			t.Skip("no zone database")
		}
		saved := time.Local
		time.Local = loc
		got := figuresJSON(t)
		time.Local = saved
		if !bytes.Equal(got, want) {
			t.Errorf("time.Local=%s: figures differ:\n%s", tz, got)
		}
	}
}

// Figures that cannot be computed are null in JSON, also the text ones.
func TestFiguresNull(t *testing.T) {
	p, ds := loadPlan(t, "", header+"[selection]\nrevenue = 5\n[offering]\npositioning = \"x\"\n")
	if ds.HasErrors() {
		t.Fatal(ds.Err())
	}
	b, err := json.Marshal(Compute(p, testNow))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		`"selection":{"attractiveness":null,"position":null,"class":null,"quadrant":null,"margin_rate":0,"visit_cost":null,`,
		`"offering":{"relative_quality":{},"weakest_against":null,"competences":[]}`,
	} {
		if !bytes.Contains(b, []byte(want)) {
			t.Errorf("want %s in\n%s", want, b)
		}
	}
}

// Figures compared with a threshold are computed from decimals; the spec's thresholds
// hold for the decimal result, not for the binary float's (69.99999999999999).
func TestThresholdsInDecimals(t *testing.T) {
	pl := header + "[selection]\n[selection.attractiveness]\nrevenue = 7.0\npotential = 8.9\nmargin = 7.4\nstrategic_fit = 7.9\nreference = 2.4\n" +
		"[selection.position]\nshare_of_wallet = 0.8\nrelationship = 9.2\nsolution_fit = 3.6\nprice_enforcement = 7.8\n"
	p, ds := loadPlan(t, "", pl)
	if ds.HasErrors() {
		t.Fatal(ds.Err())
	}
	// (25 × 7 + 25 × 8.9 + 20 × 7.4 + 15 × 7.9 + 15 × 2.4) / 10 = 70 → class A;
	// (30 × 0.8 + 25 × 9.2 + 25 × 3.6 + 20 × 7.8) / 10 = 50 → star.
	s := Compute(p, testNow).Selection
	if !near(*s.Attractiveness, 70) || !near(*s.Position, 50) || s.Class != "A" || s.Quadrant != "star" {
		t.Errorf("got A %v P %v class %s quadrant %s, want 70, 50, A, star", *s.Attractiveness, *s.Position, s.Class, s.Quadrant)
	}
	for _, c := range []struct {
		value, target float64
		better        string
		want          float64
		light         string
	}{
		{8.04, 10.05, "higher", 80, "amber"}, // 8.04 / 10.05 = 0.8
		{10.14, 8.45, "lower", 80, "amber"},  // (16.9 − 10.14) / 8.45 = 0.8
	} {
		if a := figures.Achievement(c.value, c.target, c.better); !near(a, c.want) || figures.Light(a) != c.light {
			t.Errorf("Achievement(%v, %v, %s) = %v %s, want %v %s", c.value, c.target, c.better, a, figures.Light(a), c.want, c.light)
		}
	}
	// Weights 33.33, 33.33, 33.34 of objectives all on target: the perspective is at 100, green.
	sc := &plan.Scorecard{Weights: map[string]float64{"finance": 100}}
	for i, w := range []float64{33.33, 33.33, 33.34} {
		sc.Objectives = append(sc.Objectives, plan.Objective{ID: itoa(i), Perspective: "finance", Target: 3, Actual: fptr(3), Weight: fptr(w), Better: "higher"})
	}
	f := (Compute(&plan.Plan{Scorecard: *sc}, testNow).Scorecard)
	if !near(f.Perspectives["finance"], 100) || figures.Light(f.Perspectives["finance"]) != "green" || figures.Light(*f.Total) != "green" {
		t.Errorf("perspective %v total %v, want 100", f.Perspectives["finance"], *f.Total)
	}
}

// fptr is a pointer to v.
func fptr(v float64) *float64 { return &v }
