package plan

import (
	"bytes"
	"encoding/json"
	"flag"
	"math"
	"os"
	"os/exec"
	"testing"
	"time"
)

var update = flag.Bool("update", false, "rewrite golden files")

func near(a, b float64) bool { return math.Abs(a-b) < 1e-9 }

func figuresOf(t *testing.T, path string) (*Plan, *Figures) {
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
	_, f := figuresOf(t, "testdata/ws/accounts/full.toml")
	v := f.Visits
	if v.Need != 60000 || v.Capacity != 60000 || *v.Utilisation != 100 || *v.KAMsNeeded != 60 {
		t.Errorf("need %v capacity %v utilisation %v KAMs %v", v.Need, v.Capacity, *v.Utilisation, *v.KAMsNeeded)
	}
	if v.ByClass[0].Visits != 36000 || v.ByClass[1].Visits != 24000 || v.ByClass[2].Visits != 0 {
		t.Errorf("by class %+v", v.ByClass)
	}
}

// 120,000 € a year at 8 visits a day on 200 days = 75 € a visit, 600 € a day.
func TestVisitCostLiterature(t *testing.T) {
	ws := DefaultWorkspace()
	ws.Visits.VisitsPerDay = 8
	ws.Costs.Items = []CostItem{{"Gehalt", 100000}, {"Reise", 20000}}
	f := visitFigures(ws)
	if *f.CostPerKAM != 120000 || *f.CostPerDay != 600 || *f.CostPerVisit != 75 {
		t.Errorf("per KAM %v, per day %v, per visit %v", *f.CostPerKAM, *f.CostPerDay, *f.CostPerVisit)
	}
	// Without cost items the costs are not given (null), not 0.
	f = visitFigures(DefaultWorkspace())
	if f.CostPerKAM != nil || f.CostPerVisit != nil || f.Need != 0 || f.Capacity != 500 {
		t.Errorf("defaults: %+v", f)
	}
}

func TestAchievement(t *testing.T) {
	for _, c := range []struct {
		value, target float64
		better        string
		want          float64
		light         string
	}{
		{1_800_000, 2_000_000, "higher", 90, "amber"},
		{2_200_000, 2_000_000, "higher", 110, "green"},
		{100, 200, "higher", 50, "red"},
		{10, 8, "lower", 75, "red"},     // (2 × 8 − 10) / 8
		{6, 8, "lower", 125, "green"},   // below target is better
		{8, 8, "lower", 100, "green"},   // on target
		{20, 8, "lower", 0, "red"},      // never below 0
		{-5, 10, "higher", 0, "red"},    // never below 0
		{7.2, 8, "lower", 110, "green"}, // (16 − 7.2) / 8
	} {
		a := Achievement(c.value, c.target, c.better)
		if !near(a, c.want) || Light(a) != c.light {
			t.Errorf("Achievement(%v, %v, %s) = %v %s, want %v %s", c.value, c.target, c.better, a, Light(a), c.want, c.light)
		}
	}
}

// Perspectives without objectives drop out and the others' weights scale to 100. An
// objective without actual is a starting point (spec A4): it has its achievement from the
// baseline, no light, and stays out of the totals while other objectives have results.
func TestScorecardScaling(t *testing.T) {
	_, f := figuresOf(t, "testdata/ws/accounts/full.toml")
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
	sc := &Scorecard{Weights: map[string]float64{"finance": 25, "customer": 25, "process": 25, "learning": 25},
		Objectives: []Objective{{ID: "a", Perspective: "finance", Target: 10, Actual: ptr(5), Weight: ptr(50), Better: "higher"},
			{ID: "b", Perspective: "finance", Target: 10, Weight: ptr(50), Better: "higher"},
			{ID: "c", Perspective: "learning", Target: 10, Weight: ptr(100), Better: "higher"}}}
	g := scorecardFigures(sc)
	if len(g.Objectives) != 1 || !near(g.Perspectives["finance"], 50) || !near(*g.Total, 50) || !near(g.Weights["learning"], 50) {
		t.Errorf("partial data: %+v total %v", g, *g.Total)
	}
}

// Progress from the baseline (spec A4), worked by hand: not clamped, negative where the
// objective moved away from its target, none where target equals baseline. A scorecard
// without any actual is a starting point as a whole: its totals come from the baselines.
func TestProgressAndStartingPoint(t *testing.T) {
	obj := func(id string, baseline, target float64, actual *float64, better string) Objective {
		return Objective{ID: id, Perspective: "finance", Baseline: &baseline, Target: target, Actual: actual, Weight: ptr(25), Better: better}
	}
	sc := &Scorecard{Weights: map[string]float64{"finance": 100},
		Objectives: []Objective{
			obj("up", 100, 200, ptr(150), "higher"),   // 50 / 100 = 50 %
			obj("over", 100, 200, ptr(250), "higher"), // 150 %
			obj("away", 100, 200, ptr(80), "higher"),  // −20 / 100 = −20 %
			obj("lower", 10, 8, ptr(9.5), "lower"),    // −0.5 / −2 = 25 %
			obj("same", 50, 50, ptr(60), "higher"),    // target = baseline: no progress
		}}
	g := scorecardFigures(sc)
	for id, want := range map[string]float64{"up": 50, "over": 150, "away": -20, "lower": 25} {
		if p := g.Objectives[id].Progress; p == nil || !near(*p, want) {
			t.Errorf("%s: progress %v, want %v", id, p, want)
		}
	}
	if g.Objectives["same"].Progress != nil || g.StartingPoint {
		t.Errorf("same: %+v; starting point %v", g.Objectives["same"], g.StartingPoint)
	}
	// Nothing moved: an unchanged KPI has 0 % progress beside its achievement.
	g = scorecardFigures(&Scorecard{Weights: map[string]float64{"finance": 100},
		Objectives: []Objective{obj("flat", 82, 100, ptr(82), "higher")}})
	if p := g.Objectives["flat"].Progress; p == nil || *p != 0 || g.Objectives["flat"].Light != "amber" {
		t.Errorf("flat: %+v", g.Objectives["flat"])
	}
	// No actual at all: the totals are the starting point, marked, without lights.
	g = scorecardFigures(&Scorecard{Weights: map[string]float64{"finance": 100},
		Objectives: []Objective{obj("a", 60, 100, nil, "higher"), obj("b", 90, 100, nil, "higher")}})
	if !g.StartingPoint || g.Total == nil || !near(*g.Total, 75) || g.Objectives["a"].Light != "" {
		t.Errorf("all starting points: %+v total %v", g, g.Total)
	}
	out, err := json.Marshal(g.Objectives["a"])
	if err != nil || string(out) != `{"achievement":60,"light":null,"progress":null,"starting_point":true}` {
		t.Errorf("JSON %s %v", out, err)
	}
}

func TestRelativeQuality(t *testing.T) {
	_, f := figuresOf(t, "testdata/ws/accounts/full.toml")
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
		if q := CompetenceQuadrant(c.i, c.s); q != c.want {
			t.Errorf("CompetenceQuadrant(%v, %v) = %s, want %s", c.i, c.s, q, c.want)
		}
	}
}

func TestValueCalculation(t *testing.T) {
	// B 150,000, R 30,000, I 60,000 over 3 years: net 3 × 120,000 − 60,000 = 300,000;
	// ROI 300,000 / (90,000 + 60,000) = 200 %; payback 60,000 / 10,000 a month = 6.
	v := valueFigures(ValueConcept{Years: 3, Benefits: []ValueBenefit{{Amount: 150000}},
		Costs: []ValueCost{{Amount: 30000}, {Amount: 60000, Once: true}}})
	if v.NetYearly != 120000 || v.NetTotal != 300000 || *v.ROI != 200 || *v.PaybackMonths != 6 {
		t.Errorf("%+v roi %v payback %v", v, *v.ROI, *v.PaybackMonths)
	}
	// No costs: no ROI, no payback. Costs above benefits: no payback, negative ROI.
	v = valueFigures(ValueConcept{Years: 1, Benefits: []ValueBenefit{{Amount: 1000}}})
	if v.ROI != nil || v.PaybackMonths != nil || v.NetTotal != 1000 {
		t.Errorf("no costs: %+v", v)
	}
	v = valueFigures(ValueConcept{Years: 2, Benefits: []ValueBenefit{{Amount: 100}}, Costs: []ValueCost{{Amount: 200}, {Amount: 50, Once: true}}})
	if v.PaybackMonths != nil || !near(*v.ROI, -250.0/450*100) {
		t.Errorf("loss: %+v roi %v", v, *v.ROI)
	}
}

func TestSelectionFigures(t *testing.T) {
	p, f := figuresOf(t, "testdata/ws/accounts/full.toml")
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
		if q := Quadrant(c.a, c.p); q != c.want {
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

func TestSmallFigures(t *testing.T) {
	for _, c := range []struct {
		from, to Date
		want     float64
	}{
		{Date{2027, 1, 1}, Date{2027, 12, 31}, 1},
		{Date{2028, 1, 1}, Date{2028, 12, 31}, 1}, // leap year
		{Date{2027, 7, 1}, Date{2029, 6, 30}, 2},
		{Date{2027, 1, 1}, Date{2027, 1, 31}, 31.0 / 365},
		{Date{2027, 1, 1}, Date{2026, 1, 1}, 0},
	} {
		if got := periodYears(c.from, c.to); !near(got, c.want) {
			t.Errorf("periodYears(%s, %s) = %v, want %v", c.from, c.to, got, c.want)
		}
	}
	for _, c := range []struct {
		cs   []Contact
		want int
	}{
		{nil, 0},
		{[]Contact{{Influence: 2, Attitude: "champion"}}, 1},
		{[]Contact{{Influence: 3, Attitude: "skeptic"}}, 2},
		{[]Contact{{Influence: 3, Attitude: "neutral"}, {Influence: 3, Attitude: "champion"}}, 3},
	} {
		if got := MapStatus(c.cs); got != c.want {
			t.Errorf("MapStatus(%+v) = %d, want %d", c.cs, got, c.want)
		}
	}
	if s := checklistShare([]ChecklistItem{{Status: "na"}}); s != nil {
		t.Errorf("all na: %v, want nil", *s)
	}
	if f := Compute(nil, testNow); f == nil || f.Warnings == nil {
		t.Error("Compute(nil) must give empty figures")
	}
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
	_, f := figuresOf(t, "testdata/ws/accounts/full.toml")
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
	p, ds := load(t, "", header+"[selection]\nrevenue = 5\n[offering]\npositioning = \"x\"\n")
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
	plan := header + "[selection]\n[selection.attractiveness]\nrevenue = 7.0\npotential = 8.9\nmargin = 7.4\nstrategic_fit = 7.9\nreference = 2.4\n" +
		"[selection.position]\nshare_of_wallet = 0.8\nrelationship = 9.2\nsolution_fit = 3.6\nprice_enforcement = 7.8\n"
	p, ds := load(t, "", plan)
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
		if a := Achievement(c.value, c.target, c.better); !near(a, c.want) || Light(a) != c.light {
			t.Errorf("Achievement(%v, %v, %s) = %v %s, want %v %s", c.value, c.target, c.better, a, Light(a), c.want, c.light)
		}
	}
	// Weights 33.33, 33.33, 33.34 of objectives all on target: the perspective is at 100, green.
	sc := &Scorecard{Weights: map[string]float64{"finance": 100}}
	for i, w := range []float64{33.33, 33.33, 33.34} {
		sc.Objectives = append(sc.Objectives, Objective{ID: itoa(i), Perspective: "finance", Target: 3, Actual: ptr(3), Weight: ptr(w), Better: "higher"})
	}
	f := scorecardFigures(sc)
	if !near(f.Perspectives["finance"], 100) || Light(f.Perspectives["finance"]) != "green" || Light(*f.Total) != "green" {
		t.Errorf("perspective %v total %v, want 100", f.Perspectives["finance"], *f.Total)
	}
}
