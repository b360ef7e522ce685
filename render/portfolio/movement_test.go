package portfolio

import (
	"strings"
	"testing"

	"github.com/kepdev/kep/charts"
	"github.com/kepdev/kep/plan"
	"github.com/kepdev/kep/plan/check"
	"github.com/kepdev/kep/plan/figures"
	"github.com/kepdev/kep/render"
)

// kep portfolio --previous: Hansa rose from B to A (samples/previous/hansa-2026.toml),
// Brightwater fell from A to B (its previous plan scored higher on revenue and margin:
// 64.5 + 25 × 4 / 10 + 20 × 5 / 10 = 84.5), the minimal plan has no previous plan.
func TestMovement(t *testing.T) {
	plans, figs := loadSamples(t)
	l := &check.Loader{Now: docDate}
	for i, p := range plans {
		var prev *plan.Plan
		switch {
		case strings.HasSuffix(p.File, "hansa.toml"):
			var ds plan.Diagnostics
			prev, ds = l.LoadPlan("../../samples/previous/hansa-2026.toml")
			if ds.HasErrors() {
				t.Fatal(ds.Err())
			}
		case strings.HasSuffix(p.File, "brightwater.toml"):
			prev, _ = l.LoadPlan("../../samples/accounts/brightwater.toml")
			prev.Selection.Attractiveness["revenue"] = 10
			prev.Selection.Attractiveness["margin"] = 10
		default:
			continue
		}
		figs[i].Review = figures.CompareReview(prev, p, check.Compute(prev, docDate), figs[i])
	}
	pf, err := Compute(plans, figs)
	if err != nil {
		t.Fatal(err)
	}
	names := func(as []Account) string {
		var n []string
		for _, a := range as {
			n = append(n, a.Name)
		}
		return strings.Join(n, ", ")
	}
	if pf.Compared != 2 || names(pf.Upgrades) != "Hansa Werkzeugmaschinen AG" || names(pf.Downgrades) != "Brightwater Foods B.V." {
		t.Fatalf("compared %d, up [%s], down [%s]", pf.Compared, names(pf.Upgrades), names(pf.Downgrades))
	}
	if m := pf.Downgrades[0].Movement; *m.From.Attractiveness != 84.5 || *m.To.Attractiveness != 64.5 {
		t.Errorf("Brightwater: attractiveness %v → %v, want 84.5 → 64.5", *m.From.Attractiveness, *m.To.Attractiveness)
	}

	d := Document(pf, Options{Now: docDate, Previous: "@v2026"})
	var ms *render.Section
	var q charts.Quadrant
	d.Walk(func(s *render.Section) {
		if s.ID == "portfolio-movement" {
			ms = s
		}
		for _, b := range s.Blocks {
			if c, ok := b.(*render.Chart); ok && c.Kind == "portfolio" {
				q = c.Model.(charts.Quadrant)
			}
		}
	})
	if ms == nil {
		t.Fatal("no movement section")
	}
	if ms.Heading() != "1.1 Bewegung seit v2026" {
		t.Errorf("heading %q", ms.Heading())
	}
	var text []string
	for _, b := range ms.Blocks {
		switch b := b.(type) {
		case *render.Paragraph:
			text = append(text, b.Text)
		case *render.Table:
			for _, r := range b.Rows {
				var cells []string
				for _, c := range r {
					cells = append(cells, c.Text)
				}
				text = append(text, strings.Join(cells, " | "))
			}
		case *render.List:
			text = append(text, b.Title+": "+strings.Join(b.Items, "; "))
		}
	}
	want := []string{
		"2 von 3 Accounts mit einem Plan in v2026 verglichen; die Pfeile im Portfolio zeigen ihren Weg von dort.",
		"Hansa Werkzeugmaschinen AG | B → A ▲ | Fragezeichen → Star | 68,5 → 80,0 | 47,5 → 60,0",
		"Brightwater Foods B.V. | A → B ▼ | Fragezeichen → Fragezeichen | 84,5 → 64,5 | 44,5 → 44,5",
		"Aufstufungen: Hansa Werkzeugmaschinen AG: B → A",
		"Abstufungen: Brightwater Foods B.V.: A → B",
		"Ohne Plan in v2026 (neu): Muster GmbH.",
	}
	if got := strings.Join(text, "\n"); got != strings.Join(want, "\n") {
		t.Errorf("movement section:\n%s\nwant\n%s", got, strings.Join(want, "\n"))
	}
	arrows := 0
	for _, p := range q.Points {
		if p.From != nil {
			arrows++
		}
	}
	if arrows != 2 {
		t.Errorf("%d arrows in the portfolio, want 2", arrows)
	}

	// Without --previous: no section, no arrows.
	plans, figs = loadSamples(t)
	pf, _ = Compute(plans, figs)
	Document(pf, Options{Now: docDate}).Walk(func(s *render.Section) {
		if s.ID == "portfolio-movement" {
			t.Error("movement section without --previous")
		}
	})
}
