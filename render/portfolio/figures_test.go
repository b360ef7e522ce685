package portfolio

import (
	"errors"
	"math"
	"testing"

	"github.com/kepdev/kep/plan"
	"github.com/kepdev/kep/plan/figures"
)

func f(v float64) *float64 { return &v }

// testWorkspace: 3 KAMs, 200 days × 2.5 visits = 500 visits per KAM and year; a KAM costs
// 95,000 + 19,000 = 114,000 a year, so a visit costs 114,000 / 500 = 228.
func testWorkspace() *plan.Workspace {
	w := plan.DefaultWorkspace()
	w.File = "ws/kep.toml"
	w.Visits.KAMs = 3
	w.Visits.Classes[0].Customers = 12
	w.Costs.Items = []plan.CostItem{{Name: "Gehalt", Amount: 95000}, {Name: "Reise", Amount: 19000}}
	return w
}

var year = [2]plan.Date{{Year: 2027, Month: 1, Day: 1}, {Year: 2027, Month: 12, Day: 31}}

// plan builds a plan and the figures check.Compute derives for it, worked by hand from the
// spec's formulas (cost per visit 228).
func mkPlan(w *plan.Workspace, name string, attr, pos float64, class, quadrant string,
	revenue, margin float64, visits int, norm float64) (*plan.Plan, *figures.Figures) {
	p := &plan.Plan{Lang: "de", Currency: "EUR", File: "accounts/" + name + ".toml", Workspace: w,
		Meta:      plan.Meta{Account: name, From: year[0], To: year[1], Confidentiality: "confidential"},
		Selection: &plan.Selection{Revenue: revenue, ContributionMargin: margin, Visits: visits}}
	cost := float64(visits) * 228
	fig := &figures.Figures{Account: name, Selection: &figures.SelectionFigures{
		Attractiveness: f(attr), Position: f(pos), Class: class, Quadrant: quadrant,
		MarginRate: f(margin / revenue * 100), VisitCost: f(cost),
		VisitCostRevenuePct: f(cost / revenue * 100), VisitCostMarginPct: f(cost / margin * 100),
		NormVisits: f(norm),
	}}
	return p, fig
}

func near(t *testing.T, what string, got *float64, want float64) {
	t.Helper()
	if got == nil {
		t.Errorf("%s = nil, want %v", what, want)
		return
	}
	if math.Abs(*got-want) > 1e-9*math.Max(1, math.Abs(want)) {
		t.Errorf("%s = %v, want %v", what, *got, want)
	}
}

// Three accounts, given in the wrong order:
//
//	Alpha: A 81.5 P 62 → class A, star;     1,850,000 revenue, 410,000 margin, 24 visits (norm 12)
//	Beta:  A 55   P 30 → class B, question;   600,000 revenue,  90,000 margin,  6 visits (norm 6)
//	Gamma: A 30   P 70 → class C, cash;       200,000 revenue,  50,000 margin,  2 visits (norm 2)
func threeAccounts() ([]*plan.Plan, []*figures.Figures) {
	w := testWorkspace()
	pa, fa := mkPlan(w, "Alpha", 81.5, 62, "A", "star", 1850000, 410000, 24, 12)
	pb, fb := mkPlan(w, "Beta", 55, 30, "B", "question", 600000, 90000, 6, 6)
	pc, fc := mkPlan(w, "Gamma", 30, 70, "C", "cash", 200000, 50000, 2, 2)
	fa.Scorecard = &figures.ScorecardFigures{Total: f(97.3), Perspectives: map[string]float64{"finance": 104.2, "customer": 88}}
	fb.Scorecard = &figures.ScorecardFigures{Total: f(80), Perspectives: map[string]float64{"finance": 80}}
	fb.Visits = &figures.VisitFigures{Need: 2950, Capacity: 1500}
	return []*plan.Plan{pc, pa, pb}, []*figures.Figures{fc, fa, fb}
}

func TestComputeThreeAccounts(t *testing.T) {
	pf, err := Compute(threeAccounts())
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, a := range pf.Accounts {
		names = append(names, a.Name)
	}
	if got := names; len(got) != 3 || got[0] != "Alpha" || got[1] != "Beta" || got[2] != "Gamma" {
		t.Fatalf("ranking = %v, want Alpha Beta Gamma", got)
	}
	for i, a := range pf.Accounts {
		if a.Rank != i+1 {
			t.Errorf("%s: rank %d, want %d", a.Name, a.Rank, i+1)
		}
	}
	tt := pf.Totals
	if tt.Accounts != 3 || tt.Scored != 3 || tt.Revenue != 2650000 || tt.ContributionMargin != 550000 || tt.Visits != 32 || tt.NormVisits != 20 {
		t.Errorf("totals = %+v", tt)
	}
	near(t, "margin rate", tt.MarginRate, 550000.0/2650000*100) // 20.7547…
	near(t, "visit cost", tt.VisitCost, 32*228)                 // 7,296
	near(t, "visit cost / revenue", tt.VisitCostRevenuePct, 7296.0/2650000*100)
	near(t, "visit cost / margin", tt.VisitCostMarginPct, 7296.0/550000*100)

	// Alpha plans 24 visits against a norm of 12: +100 %, named; the others meet the norm.
	if len(pf.Deviations) != 1 || pf.Deviations[0].Name != "Alpha" {
		t.Errorf("deviations = %+v, want Alpha", pf.Deviations)
	}
	near(t, "Alpha deviation", pf.Accounts[0].Deviation, 100)
	near(t, "Beta deviation", pf.Accounts[1].Deviation, 0)

	wantClass := []ClassTotal{
		{Class: "A", Accounts: 1, Customers: 12, Frequency: 12, Revenue: 1850000, Visits: 24, NormVisits: 12},
		{Class: "B", Accounts: 1, Frequency: 6, Revenue: 600000, Visits: 6, NormVisits: 6},
		{Class: "C", Accounts: 1, Frequency: 2, Revenue: 200000, Visits: 2, NormVisits: 2},
	}
	for i, w := range wantClass {
		if pf.ByClass[i] != w {
			t.Errorf("class %s = %+v, want %+v", w.Class, pf.ByClass[i], w)
		}
	}
	wantQ := []QuadrantTotal{{"star", 1, 1850000}, {"question", 1, 600000}, {"cash", 1, 200000}, {"marginal", 0, 0}}
	for i, w := range wantQ {
		if pf.ByQuadrant[i] != w {
			t.Errorf("quadrant %s = %+v, want %+v", w.Quadrant, pf.ByQuadrant[i], w)
		}
	}

	// Scorecards: Alpha 97.3 and Beta 80 → mean 88.65; finance (104.2 + 80) / 2 = 92.1;
	// customer only Alpha 88; process and learning nobody.
	near(t, "mean scorecard", pf.MeanScorecard, 88.65)
	near(t, "mean finance", pf.MeanPerspectives[0], 92.1)
	near(t, "mean customer", pf.MeanPerspectives[1], 88)
	if pf.MeanPerspectives[2] != nil || pf.MeanPerspectives[3] != nil {
		t.Errorf("process/learning mean = %v/%v, want nil", pf.MeanPerspectives[2], pf.MeanPerspectives[3])
	}
	if pf.Accounts[2].Scorecard != nil {
		t.Errorf("Gamma scorecard = %v, want nil", *pf.Accounts[2].Scorecard)
	}
	// The workspace's visit figures come from the first plan's figures that carry them.
	if pf.Visits == nil || pf.Visits.Need != 2950 {
		t.Errorf("visits = %+v, want need 2950", pf.Visits)
	}
	if pf.Lang != "de" || pf.Currency != "EUR" || pf.Confidentiality != "confidential" {
		t.Errorf("lang/currency/confidentiality = %s/%s/%s", pf.Lang, pf.Currency, pf.Confidentiality)
	}
}

// The limit is "more than 25 %": exactly 25 % above or below the norm is still fine.
func TestDeviationLimit(t *testing.T) {
	w := testWorkspace()
	for _, c := range []struct {
		visits   int
		norm     float64
		deviates bool
	}{{15, 12, false}, {9, 12, false}, {16, 12, true}, {8, 12, true}, {0, 12, true}, {0, 0, false}, {1, 0, true}} {
		p, fig := mkPlan(w, "X", 80, 80, "A", "star", 1000, 100, c.visits, c.norm)
		pf, err := Compute([]*plan.Plan{p}, []*figures.Figures{fig})
		if err != nil {
			t.Fatal(err)
		}
		if got := pf.Accounts[0].Deviates; got != c.deviates {
			t.Errorf("%d visits against norm %v: deviates = %v, want %v", c.visits, c.norm, got, c.deviates)
		}
	}
}

// An account without [selection] has no scores: it is listed last, without rank, and counts
// in no class; without cost items there is no visit cost at all.
func TestUnscoredAndNoCosts(t *testing.T) {
	plans, figs := threeAccounts()
	w := plans[0].Workspace
	empty := &plan.Plan{Lang: "de", Currency: "EUR", File: "accounts/aaa.toml", Workspace: w,
		Meta: plan.Meta{Account: "AAA", From: year[0], To: year[1], Confidentiality: "strictly-confidential"}}
	plans = append([]*plan.Plan{empty}, plans...)
	figs = append([]*figures.Figures{{Account: "AAA"}}, figs...)
	pf, err := Compute(plans, figs)
	if err != nil {
		t.Fatal(err)
	}
	last := pf.Accounts[3]
	if last.Name != "AAA" || last.Rank != 0 || last.Class != "" || pf.Totals.Scored != 3 || pf.Totals.Accounts != 4 {
		t.Errorf("unscored account: %+v, totals %+v", last, pf.Totals)
	}
	if pf.Confidentiality != "strictly-confidential" {
		t.Errorf("confidentiality = %s, want the strictest", pf.Confidentiality)
	}

	p, fig := mkPlan(w, "X", 80, 80, "A", "star", 1000, 100, 12, 12)
	fig.Selection.VisitCost, fig.Selection.VisitCostRevenuePct, fig.Selection.VisitCostMarginPct = nil, nil, nil
	pf, err = Compute([]*plan.Plan{p}, []*figures.Figures{fig})
	if err != nil {
		t.Fatal(err)
	}
	if pf.Totals.VisitCost != nil || pf.Totals.VisitCostRevenuePct != nil {
		t.Errorf("visit cost without cost items = %v, want nil", *pf.Totals.VisitCost)
	}
}

func TestMixedPortfolio(t *testing.T) {
	plans, figs := threeAccounts()
	other := testWorkspace()
	other.File = "elsewhere/kep.toml"
	p, fig := mkPlan(other, "Delta", 50, 50, "B", "star", 1000, 100, 6, 6)
	if _, err := Compute(append(plans, p), append(figs, fig)); !errors.Is(err, ErrMixed) {
		t.Errorf("two workspaces: err = %v, want ErrMixed", err)
	}

	plans, figs = threeAccounts()
	p, fig = mkPlan(plans[0].Workspace, "Delta", 50, 50, "B", "star", 1000, 100, 6, 6)
	p.Currency = "USD"
	_, err := Compute(append(plans, p), append(figs, fig))
	if !errors.Is(err, ErrMixed) {
		t.Fatalf("two currencies: err = %v, want ErrMixed", err)
	}
	want := "plans do not belong to one portfolio: accounts/Gamma.toml is in EUR, accounts/Delta.toml in USD"
	if err.Error() != want {
		t.Errorf("err = %q, want %q", err, want)
	}

	if _, err := Compute(nil, nil); err == nil {
		t.Error("no plans: want an error")
	}
	if _, err := Compute([]*plan.Plan{nil}, []*figures.Figures{nil}); err == nil {
		t.Error("a nil plan: want an error")
	}
}

// Plans that all speak English make an English report; a mixed set speaks the workspace's.
func TestLanguage(t *testing.T) {
	plans, figs := threeAccounts()
	for _, p := range plans {
		p.Lang = "en"
	}
	if pf, _ := Compute(plans, figs); pf.Lang != "en" {
		t.Errorf("all en: lang = %s", pf.Lang)
	}
	plans[1].Lang = "de"
	plans[0].Workspace.Lang = "en"
	if pf, _ := Compute(plans, figs); pf.Lang != "en" {
		t.Errorf("mixed with workspace en: lang = %s", pf.Lang)
	}
}
