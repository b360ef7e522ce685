package check

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/kepdev/kep/plan"
)

// The workspace of the prospect tests: class A is visited 24 times a year, an A prospect
// 8 times (spec A2).
const prospectWS = `format = 1
[scoring]
class_a = 70
class_b = 40
[[scoring.attractiveness]]
id = "x"
name = "X"
weight = 100
[[scoring.position]]
id = "y"
name = "Y"
weight = 100
[visits]
[[visits.classes]]
class = "A"
customers = 10
frequency = 24
prospect_frequency = 8
[[visits.classes]]
class = "B"
customers = 10
frequency = 12
[[visits.classes]]
class = "C"
customers = 10
frequency = 4
`

func selectionPlan(kind string, points, visits int) string {
	k := ""
	if kind != "" {
		k = "kind = \"" + kind + "\"\n"
	}
	return header + k + "[selection]\nvisits = " + itoa(visits) + "\n[selection.attractiveness]\nx = " + itoa(points) + "\n[selection.position]\ny = 5\n"
}

func warningsOf(t *testing.T, ds plan.Diagnostics) string {
	t.Helper()
	if ds.HasErrors() {
		t.Fatal(ds.Err())
	}
	return strings.Join(messages(ds, true), "\n")
}

// A class-A prospect planned at the prospect rate (8) is not off its norm; the same plan
// as a buying account is (norm 24), and the message names the prospect norm where it is
// one.
func TestProspectNorm(t *testing.T) {
	p, ds := loadPlan(t, prospectWS, selectionPlan("prospect", 8, 8))
	if w := warningsOf(t, ds); strings.Contains(w, "selection.visits") {
		t.Errorf("prospect at its norm warned:\n%s", w)
	}
	f := Compute(p, testNow)
	if f.Kind != "prospect" || f.Selection.Class != "A" || *f.Selection.NormVisits != 8 {
		t.Errorf("kind %q class %q norm %v, want prospect, A, 8", f.Kind, f.Selection.Class, *f.Selection.NormVisits)
	}
	p, ds = loadPlan(t, prospectWS, selectionPlan("", 8, 8))
	if w := warningsOf(t, ds); !strings.Contains(w, "selection.visits: 8 visits planned, but the norm for class A is 24 in the plan period") {
		t.Errorf("account at the prospect rate not warned:\n%s", w)
	}
	if f := Compute(p, testNow); f.Kind != "account" || *f.Selection.NormVisits != 24 {
		t.Errorf("kind %q norm %v, want account, 24", f.Kind, *f.Selection.NormVisits)
	}
	// A prospect far off its norm: 24 visits against 8.
	_, ds = loadPlan(t, prospectWS, selectionPlan("prospect", 8, 24))
	if w := warningsOf(t, ds); !strings.Contains(w, "selection.visits: 24 visits planned, but the prospect norm for class A is 8 in the plan period (more than 25 % off)") {
		t.Errorf("prospect off its norm:\n%s", w)
	}
	// Class B without prospect_frequency: half of 12 = 6.
	p, _ = loadPlan(t, prospectWS, selectionPlan("prospect", 5, 6))
	if f := Compute(p, testNow); f.Selection.Class != "B" || *f.Selection.NormVisits != 6 {
		t.Errorf("class %q norm %v, want B, 6", f.Selection.Class, *f.Selection.NormVisits)
	}
}

// Building block 1's verdict (A3): class A and B are key accounts, C is not and is warned;
// without a class there is no verdict (null).
func TestKeyAccountVerdict(t *testing.T) {
	const warning = "selection.attractiveness: class C: not a key account by the workspace's scoring; check whether it belongs with field sales"
	for _, c := range []struct {
		points int
		class  string
		want   string
	}{{8, "A", "true"}, {5, "B", "true"}, {2, "C", "false"}} {
		p, ds := loadPlan(t, prospectWS, selectionPlan("", c.points, 24))
		w := warningsOf(t, ds)
		if strings.Contains(w, warning) != (c.class == "C") {
			t.Errorf("class %s: warnings\n%s", c.class, w)
		}
		f := Compute(p, testNow)
		js, _ := json.Marshal(f.Selection)
		if f.Selection.Class != c.class || !strings.Contains(string(js), `"key_account":`+c.want) {
			t.Errorf("class %s: %s", c.class, js)
		}
	}
	p, _ := loadPlan(t, prospectWS, header+"[selection]\nvisits = 3\n")
	js, _ := json.Marshal(Compute(p, testNow))
	if !strings.Contains(string(js), `"key_account":null`) || !strings.Contains(string(js), `"kind":"account"`) {
		t.Errorf("no class: %s", js)
	}
}

// Less important prospects count in the need (A2), by hand:
// A: 10 × 12 + 4 × 6 + 5 × 2 = 154; B: 20 × 6 + 10 × 1 = 130 (prospects 0);
// C: 30 × 2 + 8 × 0 (minor frequency defaults to 0) = 60; need 344.
func TestMinorProspectsInNeed(t *testing.T) {
	ws := `format = 1
[visits]
working_days = 200
visits_per_day = 2
kams = 1
[[visits.classes]]
class = "A"
customers = 10
prospects = 4
minor_prospects = 5
frequency = 12
prospect_frequency = 6
minor_prospect_frequency = 2
[[visits.classes]]
class = "B"
customers = 20
minor_prospects = 10
frequency = 6
minor_prospect_frequency = 1
[[visits.classes]]
class = "C"
customers = 30
minor_prospects = 8
frequency = 2
`
	p, ds := loadPlan(t, ws, header)
	if ds.HasErrors() {
		t.Fatal(ds.Err())
	}
	v := Compute(p, testNow).Visits
	if v.ByClass[0].Visits != 154 || v.ByClass[1].Visits != 130 || v.ByClass[2].Visits != 60 || v.Need != 344 {
		t.Errorf("by class %+v need %v, want 154, 130, 60 and 344", v.ByClass, v.Need)
	}
	if v.ByClass[0].MinorProspects != 5 || v.ByClass[2].MinorProspects != 8 {
		t.Errorf("minor prospects %+v", v.ByClass)
	}
	// 344 of 400 (1 KAM × 200 days × 2 visits): 86 %, 0.86 KAMs.
	if *v.Utilisation != 86 || *v.KAMsNeeded != 0.86 || v.Capacity != 400 {
		t.Errorf("capacity %v utilisation %v KAMs %v", v.Capacity, *v.Utilisation, *v.KAMsNeeded)
	}
}

// Territories (A2): each counts its own customers, at the workspace's norms unless it
// names its own, with the workspace's KAMs, days and visits a day unless it names its own;
// need and capacity are the sums. By hand:
//
//	Nord: 2 KAMs (the workspace's) × 200 × 2.5 = 1,000; A 10 × 12 + 2 × 6 = 132,
//	      B 5 × 8 (its own frequency) = 40, no C row; need 172, 0.344 KAMs.
//	Süd:  1 KAM × 180 × 2 = 360; A 3 × 12 + 4 minor × 3 = 48; need 48, 0.1333… KAMs.
//	Sum:  need 220, capacity 1,360, utilisation 16.176…%, KAMs 0.4773….
func TestTerritoriesSummed(t *testing.T) {
	ws := `format = 1
[visits]
working_days = 200
visits_per_day = 2.5
kams = 2
[[visits.classes]]
class = "A"
frequency = 12
prospect_frequency = 6
minor_prospect_frequency = 3
[[visits.classes]]
class = "B"
frequency = 6
[[visits.classes]]
class = "C"
frequency = 2
[[visits.territories]]
name = "Nord"
[[visits.territories.classes]]
class = "A"
customers = 10
prospects = 2
[[visits.territories.classes]]
class = "B"
customers = 5
frequency = 8
[[visits.territories]]
name = "Süd"
kams = 1
working_days = 180
visits_per_day = 2
[[visits.territories.classes]]
class = "A"
customers = 3
minor_prospects = 4
`
	p, ds := loadPlan(t, ws, header)
	if ds.HasErrors() {
		t.Fatal(ds.Err())
	}
	v := Compute(p, testNow).Visits
	if len(v.Territories) != 2 {
		t.Fatalf("territories %+v", v.Territories)
	}
	n, s := v.Territories[0], v.Territories[1]
	if n.Name != "Nord" || n.KAMs != 2 || n.Need != 172 || n.Capacity != 1000 || !near(*n.KAMsNeeded, 0.344) || !near(*n.Utilisation, 17.2) {
		t.Errorf("Nord %+v", n)
	}
	if n.ByClass[0].Visits != 132 || n.ByClass[1].Visits != 40 || n.ByClass[2].Visits != 0 {
		t.Errorf("Nord by class %+v", n.ByClass)
	}
	if s.Name != "Süd" || s.KAMs != 1 || s.Need != 48 || s.Capacity != 360 || !near(*s.KAMsNeeded, 48.0/360) {
		t.Errorf("Süd %+v", s)
	}
	if v.Need != 220 || v.Capacity != 1360 || !near(*v.Utilisation, 220.0/1360*100) || !near(*v.KAMsNeeded, 0.344+48.0/360) {
		t.Errorf("sum: need %v capacity %v utilisation %v KAMs %v", v.Need, v.Capacity, *v.Utilisation, *v.KAMsNeeded)
	}
	// The classes summed over the territories: A 132 + 48 = 180 (13 customers), B 40.
	if v.ByClass[0].Visits != 180 || v.ByClass[0].Customers != 13 || v.ByClass[0].MinorProspects != 4 || v.ByClass[1].Visits != 40 {
		t.Errorf("by class %+v", v.ByClass)
	}
	js, _ := json.Marshal(v)
	if !strings.Contains(string(js), `"territories":[{"name":"Nord","kams":2,"need":172,"capacity":1000,"utilisation":17.2,"kams_needed":0.344}`) {
		t.Errorf("json %s", js)
	}
	// Without territories, the JSON has no territories key.
	p, _ = loadPlan(t, prospectWS, header)
	if js, _ := json.Marshal(Compute(p, testNow).Visits); strings.Contains(string(js), "territories") {
		t.Errorf("json %s", js)
	}
}

func TestTerritoryRules(t *testing.T) {
	for _, c := range []struct {
		name, ws string
		want     []string
	}{
		{"counts beside territories", "format = 1\n[visits]\n[[visits.classes]]\nclass = \"A\"\ncustomers = 3\nfrequency = 12\n[[visits.territories]]\nname = \"N\"\n", []string{
			`/ws/kep.toml:3:1: visits.classes: no row for class B, C: give one row for each of A, B and C`,
			`/ws/kep.toml:5:1: visits.classes[0].customers: the territories count the customers: with [[visits.territories]], give customers in each territory's [[visits.territories.classes]], not here`,
		}},
		{"customers required without territories", "format = 1\n[visits]\n[[visits.classes]]\nclass = \"A\"\nfrequency = 12\n", []string{
			`/ws/kep.toml:3:1: visits.classes: no row for class B, C: give one row for each of A, B and C`,
			`/ws/kep.toml:3:1: visits.classes[0].customers: required key is missing`,
		}},
		{"territory twice", "format = 1\n[[visits.territories]]\nname = \"N\"\n[[visits.territories]]\nname = \"N\"\n", []string{
			`/ws/kep.toml:5:1: visits.territories[1].name: territory "N" is given twice`,
		}},
		{"class twice in a territory", "format = 1\n[[visits.territories]]\nname = \"N\"\n[[visits.territories.classes]]\nclass = \"A\"\ncustomers = 1\n[[visits.territories.classes]]\nclass = \"A\"\ncustomers = 2\n", []string{
			`/ws/kep.toml:8:1: visits.territories[0].classes[1].class: class A has a second row`,
		}},
		{"territory customers required", "format = 1\n[[visits.territories]]\nname = \"N\"\n[[visits.territories.classes]]\nclass = \"A\"\n", []string{
			`/ws/kep.toml:4:1: visits.territories[0].classes[0].customers: required key is missing`,
		}},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, ds := loadPlan(t, c.ws, header)
			diffLines(t, messages(ds, false), c.want)
		})
	}
}
