package render

import (
	"strconv"
	"strings"
	"testing"

	"github.com/kepdev/kep/charts"
	"github.com/kepdev/kep/plan/check"
)

// buildPlan builds the document of a plan given as TOML.
func buildPlan(t *testing.T, src string) *Document {
	t.Helper()
	p, diags := (&check.Loader{Now: testNow}).LoadPlanBytes("p.toml", []byte(src))
	if diags.HasErrors() {
		t.Fatal(diags.Err())
	}
	d, err := Build(p, check.Compute(p, testNow), Options{Now: testNow})
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func sectionByID(d *Document, id string) *Section {
	var found *Section
	d.Walk(func(s *Section) {
		if s.ID == id {
			found = s
		}
	})
	return found
}

// The bridge's chart and data follow the figures; a missing base or planned revenue is
// said in words, never drawn as 0.
func TestBridgeInDocument(t *testing.T) {
	const head = "format = 1\nlang = \"en\"\n[plan]\naccount = \"A\"\nfrom = 2027-01-01\nto = 2027-12-31\n"
	const opp = "[[opportunities]]\nid = \"o1\"\nname = \"Line 3\"\nvalue = 100_000\nprobability = 40\nstage = \"proposal\"\nclose = 2027-06-30\n"
	const history = "[account]\n[[account.history]]\nyear = 2026\nrevenue = 500_000\n"
	for _, c := range []struct {
		name, plan string
		steps      []string // the waterfall's bars, "" without chart
		note       string
	}{
		{"full", head + "[selection]\nrevenue = 600_000\n" + history + opp,
			[]string{"Revenue 2026 500000", "Won 0", "Open, weighted 40000", "Expected 540000", "Gap 60000", "Planned revenue 600000"}, ""},
		{"no planned revenue", head + history + opp,
			[]string{"Revenue 2026 500000", "Won 0", "Open, weighted 40000", "Expected 540000"}, "gives no planned revenue"},
		{"no history", head + "[selection]\nrevenue = 600_000\n" + opp, nil, "No revenue bridge"},
	} {
		t.Run(c.name, func(t *testing.T) {
			s := sectionByID(buildPlan(t, c.plan), "b2-pipeline")
			if s == nil {
				t.Fatal("no pipeline section in block 2")
			}
			var steps []string
			var notes []string
			for _, b := range s.Blocks {
				switch b := b.(type) {
				case *Chart:
					w := b.Model.(*charts.Waterfall)
					for _, st := range w.Steps {
						steps = append(steps, st.Label+" "+strconv.FormatFloat(st.Value, 'f', -1, 64))
					}
					if b.Data == nil || len(b.Data.Rows) != len(w.Steps) || b.Alt == "" {
						t.Errorf("chart without its data table or alt text: %+v", b)
					}
				case *Note:
					notes = append(notes, b.Text)
				}
			}
			if strings.Join(steps, "|") != strings.Join(c.steps, "|") {
				t.Errorf("steps %q, want %q", steps, c.steps)
			}
			if c.note != "" && !strings.Contains(strings.Join(notes, "\n"), c.note) {
				t.Errorf("notes %q, want one with %q", notes, c.note)
			}
		})
	}
}

// The decision page lists every ask with its decision; the summary the open ones.
func TestAsksInDocument(t *testing.T) {
	d := buildPlan(t, "format = 1\nlang = \"en\"\n[plan]\naccount = \"A\"\nfrom = 2027-01-01\nto = 2027-12-31\n"+
		"[[asks]]\nid = \"m1\"\nask = \"Pilot budget\"\nkind = \"budget\"\namount = 60_000\nreason = \"r\"\nstatus = \"open\"\n"+
		"[[asks]]\nid = \"m2\"\nask = \"Sponsor\"\nkind = \"sponsor\"\nreason = \"r\"\nstatus = \"conditional\"\ndecided_by = \"U. B.\"\ndecided_on = 2027-01-20\ncondition = \"with the order\"\n")
	s := sectionByID(d, "asks")
	if s == nil || s.Title != "Management asks" || s.Number != "9" {
		t.Fatalf("asks chapter: %+v", s)
	}
	var rows []string
	for _, b := range s.Blocks {
		if tb, ok := b.(*Table); ok {
			for _, r := range tb.Rows {
				var cells []string
				for _, c := range r {
					cells = append(cells, strings.ReplaceAll(c.Text, "\u00a0", " ")) // dates keep their parts together
				}
				rows = append(rows, strings.Join(cells, " | "))
			}
		}
	}
	want := []string{
		"m1 | Pilot budget | Budget | €60,000 | open | – | – | –",
		"m2 | Sponsor | Sponsor | – | conditional | U. B., 20 Jan 2027 | with the order | –",
	}
	if strings.Join(rows, "\n") != strings.Join(want, "\n") {
		t.Errorf("rows:\n%s\nwant:\n%s", strings.Join(rows, "\n"), strings.Join(want, "\n"))
	}
	var open []string
	for _, b := range sectionByID(d, "summary").Blocks {
		if l, ok := b.(*List); ok {
			open = append(open, l.Items...)
		}
	}
	if strings.Join(open, "\n") != "m1 – Pilot budget (Budget, €60,000)" {
		t.Errorf("summary lists %q, want only the open ask m1", open)
	}
}
