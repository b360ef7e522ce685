package check

import (
	"encoding/json"
	"testing"

	"github.com/kepdev/kep/plan/figures"
)

// reviewWS scores with one criterion per axis, weight 100: the score is points × 10.
const reviewWS = `[scoring]
class_a = 70
class_b = 40
[[scoring.attractiveness]]
id = "a"
name = "A"
weight = 100
[[scoring.position]]
id = "p"
name = "P"
weight = 100
`

const reviewPrev = `format = 1
[plan]
account = "Hansa Logistik AG"
from = 2026-01-01
to = 2026-12-31
[selection]
attractiveness = { a = 6 }
position = { p = 4 }
[[scorecard.objectives]]
id = "f1"
perspective = "finance"
objective = "Umsatz steigern"
kpi = "Umsatz"
target = 2_000_000
actual = 1_800_000
weight = 50
[[scorecard.objectives]]
id = "f2"
perspective = "finance"
objective = "Marge halten"
kpi = "DB"
target = 20
weight = 50
[[scorecard.objectives]]
id = "k1"
perspective = "customer"
objective = "Reklamationen senken"
kpi = "Quote"
target = 2
actual = 1.5
better = "lower"
[[contacts]]
id = "mk"
name = "M. König"
influence = 3
attitude = "neutral"
relationship = 1
[[contacts]]
id = "hb"
name = "H. Brandt"
influence = 2
attitude = "supporter"
relationship = 2
[[contacts]]
id = "gone"
name = "Ex"
influence = 1
attitude = "skeptic"
relationship = 0
[[actions]]
id = "a1"
action = "x"
status = "done"
[[actions]]
id = "a2"
action = "y"
status = "dropped"
[[actions]]
id = "a3"
action = "z"
status = "doing"
[[actions]]
id = "a4"
action = "w"
[[actions]]
id = "a5"
action = "v"
status = "done"
`

// This year: f1 reworded with a new target, f2 dropped, k1 kept, n1 new; the class
// moves from B (60) to A (75), the quadrant from question to star.
const reviewCur = `format = 1
[plan]
account = "  hansa logistik ag "
from = 2027-01-01
to = 2027-12-31
[selection]
attractiveness = { a = 7.5 }
position = { p = 5.5 }
[[scorecard.objectives]]
id = "f1"
perspective = "finance"
objective = "Umsatz mit Hansa auf 2,2 Mio. € steigern"
kpi = "Umsatz"
target = 2_200_000
[[scorecard.objectives]]
id = "k1"
perspective = "customer"
objective = "Reklamationsquote"
kpi = "Quote"
target = 1.5
better = "lower"
[[scorecard.objectives]]
id = "n1"
perspective = "learning"
objective = "Neu"
kpi = "Schulungen"
target = 4
[[contacts]]
id = "mk"
name = "M. König"
influence = 3
attitude = "supporter"
relationship = 2
[[contacts]]
id = "hb"
name = "H. Brandt"
influence = 2
attitude = "supporter"
relationship = 3
[[contacts]]
id = "new"
name = "Neu"
influence = 1
attitude = "neutral"
relationship = 0
`

func loadReview(t *testing.T) *figures.ReviewFigures {
	t.Helper()
	prev, ds := loadPlan(t, reviewWS, reviewPrev)
	if ds.HasErrors() {
		t.Fatal(ds.Err())
	}
	cur, ds := loadPlan(t, reviewWS, reviewCur)
	if ds.HasErrors() {
		t.Fatal(ds.Err())
	}
	if !figures.SameAccount(prev, cur) {
		t.Fatal("same account after trimming and case folding not recognised")
	}
	return figures.CompareReview(prev, cur, figures.Compute(prev, testNow), figures.Compute(cur, testNow))
}

// Objectives are matched by id: f1 was reworded and keeps its entry; f2 is dropped
// (target null); n1 is new (no entry, listed in New).
func TestReviewObjectives(t *testing.T) {
	r := loadReview(t)
	if len(r.Objectives) != 3 {
		t.Fatalf("objectives: %d entries, want 3 (f1, f2, k1)", len(r.Objectives))
	}
	f1 := r.Objectives["f1"]
	// 1,800,000 / 2,000,000 × 100 = 90: amber; this year's target 2,200,000.
	if f1.PrevTarget != 2_000_000 || *f1.PrevActual != 1_800_000 || *f1.PrevAchievement != 90 || *f1.PrevLight != "amber" || *f1.Target != 2_200_000 {
		t.Errorf("f1 = %+v", f1)
	}
	f2 := r.Objectives["f2"]
	if f2.Target != nil || f2.PrevActual != nil || f2.PrevAchievement != nil || f2.PrevLight != nil || f2.PrevTarget != 20 {
		t.Errorf("f2 (dropped, no actual) = %+v", f2)
	}
	k1 := r.Objectives["k1"]
	// lower is better: (2 × 2 − 1.5) / 2 × 100 = 125: green.
	if *k1.PrevAchievement != 125 || *k1.PrevLight != "green" || *k1.Target != 1.5 {
		t.Errorf("k1 = %+v", k1)
	}
	if _, ok := r.Objectives["n1"]; ok || len(r.New) != 1 || r.New[0] != "n1" {
		t.Errorf("new objective n1: entry %v, New %v", ok, r.New)
	}
}

// Actions: 2 done, 1 dropped, 2 open (doing and open); completion 2 / (5 − 1) = 50 %.
func TestReviewActions(t *testing.T) {
	r := loadReview(t)
	a := r.Actions
	if a.Done != 2 || a.Dropped != 1 || a.Open != 2 || a.Completion == nil || *a.Completion != 50 {
		t.Errorf("actions = %+v (completion %v)", a, a.Completion)
	}
}

func TestReviewMovementAndContacts(t *testing.T) {
	r := loadReview(t)
	m := r.Movement
	if m == nil || *m.From.Attractiveness != 60 || *m.From.Position != 40 || *m.From.Class != "B" || *m.From.Quadrant != "question" ||
		*m.To.Attractiveness != 75 || *m.To.Position != 55 || *m.To.Class != "A" || *m.To.Quadrant != "star" {
		t.Fatalf("movement = %+v", m)
	}
	if m.ClassChange() != 1 {
		t.Errorf("B → A: class change %d, want +1", m.ClassChange())
	}
	down := &figures.Movement{From: m.To, To: m.From}
	if down.ClassChange() != -1 {
		t.Errorf("A → B: class change %d, want −1", down.ClassChange())
	}
	got, _ := json.Marshal(r.Contacts)
	want := `{"hb":{"relationship":[2,3]},"mk":{"attitude":["neutral","supporter"],"relationship":[1,2]}}`
	if string(got) != want {
		t.Errorf("contacts =\n%s\nwant\n%s", got, want)
	}
}

// Nothing to count: completion is null; no score on either side: movement is null.
func TestReviewEmpty(t *testing.T) {
	p, ds := loadPlan(t, "", header)
	if ds.HasErrors() {
		t.Fatal(ds.Err())
	}
	r := figures.CompareReview(p, p, figures.Compute(p, testNow), figures.Compute(p, testNow))
	got, _ := json.Marshal(r)
	want := `{"period":{"from":"2027-01-01","to":"2027-12-31"},"objectives":{},"actions":{"done":0,"dropped":0,"open":0,"completion":null},"movement":null,"contacts":{}}`
	if string(got) != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}
