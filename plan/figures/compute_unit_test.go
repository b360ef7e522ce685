package figures

import (
	"encoding/json"
	"math"
	"testing"
	"time"

	"github.com/kepdev/kep/plan"
)

func near(a, b float64) bool { return math.Abs(a-b) < 1e-9 }

// 120,000 € a year at 8 visits a day on 200 days = 75 € a visit, 600 € a day.
func TestVisitCostLiterature(t *testing.T) {
	ws := plan.DefaultWorkspace()
	ws.Visits.VisitsPerDay = 8
	ws.Costs.Items = []plan.CostItem{{Name: "Gehalt", Amount: 100000}, {Name: "Reise", Amount: 20000}}
	f := Visits(ws)
	if *f.CostPerKAM != 120000 || *f.CostPerDay != 600 || *f.CostPerVisit != 75 {
		t.Errorf("per KAM %v, per day %v, per visit %v", *f.CostPerKAM, *f.CostPerDay, *f.CostPerVisit)
	}
	// Without cost items the costs are not given (null), not 0.
	f = Visits(plan.DefaultWorkspace())
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

// Progress from the baseline (spec A4), worked by hand: not clamped, negative where the
// objective moved away from its target, none where target equals baseline. A scorecard
// without any actual is a starting point as a whole: its totals come from the baselines.
func TestProgressAndStartingPoint(t *testing.T) {
	obj := func(id string, baseline, target float64, actual *float64, better string) plan.Objective {
		return plan.Objective{ID: id, Perspective: "finance", Baseline: &baseline, Target: target, Actual: actual, Weight: ptr(25), Better: better}
	}
	sc := &plan.Scorecard{Weights: map[string]float64{"finance": 100},
		Objectives: []plan.Objective{
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
	g = scorecardFigures(&plan.Scorecard{Weights: map[string]float64{"finance": 100},
		Objectives: []plan.Objective{obj("flat", 82, 100, ptr(82), "higher")}})
	if p := g.Objectives["flat"].Progress; p == nil || *p != 0 || g.Objectives["flat"].Light != "amber" {
		t.Errorf("flat: %+v", g.Objectives["flat"])
	}
	// No actual at all: the totals are the starting point, marked, without lights.
	g = scorecardFigures(&plan.Scorecard{Weights: map[string]float64{"finance": 100},
		Objectives: []plan.Objective{obj("a", 60, 100, nil, "higher"), obj("b", 90, 100, nil, "higher")}})
	if !g.StartingPoint || g.Total == nil || !near(*g.Total, 75) || g.Objectives["a"].Light != "" {
		t.Errorf("all starting points: %+v total %v", g, g.Total)
	}
	out, err := json.Marshal(g.Objectives["a"])
	if err != nil || string(out) != `{"achievement":60,"light":null,"progress":null,"starting_point":true}` {
		t.Errorf("JSON %s %v", out, err)
	}
}

func TestValueCalculation(t *testing.T) {
	// B 150,000, R 30,000, I 60,000 over 3 years: net 3 × 120,000 − 60,000 = 300,000;
	// ROI 300,000 / (90,000 + 60,000) = 200 %; payback 60,000 / 10,000 a month = 6.
	v := valueFigures(plan.ValueConcept{Years: 3, Benefits: []plan.ValueBenefit{{Amount: 150000}},
		Costs: []plan.ValueCost{{Amount: 30000}, {Amount: 60000, Once: true}}})
	if v.NetYearly != 120000 || v.NetTotal != 300000 || *v.ROI != 200 || *v.PaybackMonths != 6 {
		t.Errorf("%+v roi %v payback %v", v, *v.ROI, *v.PaybackMonths)
	}
	// No costs: no ROI, no payback. Costs above benefits: no payback, negative ROI.
	v = valueFigures(plan.ValueConcept{Years: 1, Benefits: []plan.ValueBenefit{{Amount: 1000}}})
	if v.ROI != nil || v.PaybackMonths != nil || v.NetTotal != 1000 {
		t.Errorf("no costs: %+v", v)
	}
	v = valueFigures(plan.ValueConcept{Years: 2, Benefits: []plan.ValueBenefit{{Amount: 100}}, Costs: []plan.ValueCost{{Amount: 200}, {Amount: 50, Once: true}}})
	if v.PaybackMonths != nil || !near(*v.ROI, -250.0/450*100) {
		t.Errorf("loss: %+v roi %v", v, *v.ROI)
	}
}

func TestSmallFigures(t *testing.T) {
	for _, c := range []struct {
		from, to plan.Date
		want     float64
	}{
		{date(2027, 1, 1), date(2027, 12, 31), 1},
		{date(2028, 1, 1), date(2028, 12, 31), 1}, // leap year
		{date(2027, 7, 1), date(2029, 6, 30), 2},
		{date(2027, 1, 1), date(2027, 1, 31), 31.0 / 365},
		{date(2027, 1, 1), date(2026, 1, 1), 0},
	} {
		if got := periodYears(c.from, c.to); !near(got, c.want) {
			t.Errorf("periodYears(%s, %s) = %v, want %v", c.from, c.to, got, c.want)
		}
	}
	for _, c := range []struct {
		cs   []plan.Contact
		want int
	}{
		{nil, 0},
		{[]plan.Contact{{Influence: 2, Attitude: "champion"}}, 1},
		{[]plan.Contact{{Influence: 3, Attitude: "skeptic"}}, 2},
		{[]plan.Contact{{Influence: 3, Attitude: "neutral"}, {Influence: 3, Attitude: "champion"}}, 3},
	} {
		if got := MapStatus(c.cs); got != c.want {
			t.Errorf("MapStatus(%+v) = %d, want %d", c.cs, got, c.want)
		}
	}
	if s := checklistShare([]plan.ChecklistItem{{Status: "na"}}); s != nil {
		t.Errorf("all na: %v, want nil", *s)
	}
	if f := Compute(nil, testNow); f == nil || f.Warnings == nil {
		t.Error("Compute(nil) must give empty figures")
	}
}

func date(y int, m time.Month, d int) plan.Date { return plan.Date{Year: y, Month: m, Day: d} }
