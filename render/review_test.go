package render

import (
	"strings"
	"testing"

	"github.com/kepdev/kep/charts"
	"github.com/kepdev/kep/plan/check"
)

// The review chapter stands after the summary and the table of contents, before block 1,
// unnumbered, and only with a previous plan.
func TestBuildReview(t *testing.T) {
	p, f := loadSample(t, "../samples/accounts/hansa.toml")
	prev, _ := loadSample(t, "../samples/previous/hansa-2026.toml")
	d, err := Build(p, f, Options{Now: testNow, Previous: prev})
	if err != nil {
		t.Fatal(err)
	}
	if f.Review != nil {
		t.Error("Build changed the caller's figures")
	}
	var top []string
	for _, s := range d.Sections {
		top = append(top, s.ID)
	}
	if got, want := strings.Join(top[:4], " "), "summary contents review b1"; got != want {
		t.Fatalf("sections %q, want %q first", got, want)
	}
	rv := d.Sections[2]
	if rv.Title != "Rückblick 2026" || rv.Number != "" {
		t.Errorf("review heading %q (number %q)", rv.Title, rv.Number)
	}
	// The answer at a glance. Achievement 2026, by hand: finance 0.6 × 97.62 + 0.4 × 97.67
	// = 97.64; customer 0.4 × 93.33 + 0.3 × 95 + 0.3 × 0 = 65.83; process 80; learning
	// 0.5 × 50 + 0.5 × 60 = 55; total 0.35 × 97.64 + 0.25 × 65.83 + 0.2 × 80 + 0.2 × 55
	// = 77.63 (red). Actions 4 of 6 done.
	var tiles []string
	for _, tl := range rv.Blocks[1].(*Tiles).Items {
		tiles = append(tiles, plainSpaces(tl.Label+"="+tl.Value+" ("+tl.Sub+")"))
	}
	if got, want := strings.Join(tiles, "; "), "Zielerreichung 2026=77,6 % (rot); Erledigungsquote=66,7 % (4 von 6 erledigt); Klasse=B → A (Aufstufung)"; got != want {
		t.Errorf("tiles %q, want %q", got, want)
	}
	// The summary's line on last period.
	var line string
	for i, bl := range d.Sections[0].Blocks {
		if h, ok := bl.(*Heading); ok && h.Text == "Rückblick 2026" {
			line = plainSpaces(d.Sections[0].Blocks[i+1].(*Paragraph).Text)
		}
	}
	if want := "2026: Zielerreichung 77,6 % (rot); 4 von 6 Maßnahmen erledigt (66,7 %); Klasse B → A (Aufstufung). Mehr im Kapitel „Rückblick 2026“."; line != want {
		t.Errorf("summary line %q, want %q", line, want)
	}
	var subs []string
	for _, s := range rv.Sections {
		subs = append(subs, s.Heading())
	}
	if got, want := strings.Join(subs, "|"), "Ziele: Plan und Ergebnis|Maßnahmen des Vorjahres|Bewegung im Portfolio|Anliegen an das Management und Entscheidungen|Veränderte Beziehungen"; got != want {
		t.Errorf("subsections %q, want %q", got, want)
	}
	// The objectives table: k1 matched by id across its new wording, k3 dropped, p2 new.
	tbl := rv.Sections[0].Blocks[0].(*Table)
	rows := map[string][]string{}
	for _, r := range tbl.Rows {
		var cells []string
		for _, c := range r {
			cells = append(cells, plainSpaces(c.Text))
		}
		rows[strings.Fields(cells[0])[0]] = cells
	}
	for id, want := range map[string]string{
		"k1": "k1 – Lieferanteil bei Antrieben ausbauen (bisher: Lieferanteil bei Getrieben erhöhen)|30 %|28 %|93,3 %|gelb|34 %",
		"k3": "k3 – Als Lieferant für Linearachsen gelistet werden|1 Listungen|0 Listungen|0 %|rot|entfallen",
		"p2": "p2 – Lieferzeit für Standardgetriebe verkürzen|neu|–|–|–|20 Tage ↓",
		"f1": "f1 – Umsatz mit Hansa steigern|2.100.000 €|2.050.000 €|97,6 %|gelb|2.400.000 €",
	} {
		if got := strings.Join(rows[id], "|"); got != want {
			t.Errorf("objective %s:\n got %s\nwant %s", id, got, want)
		}
	}
	if n := len(tbl.Rows); n != 9 { // 8 of 2026 and p2
		t.Errorf("%d objective rows, want 9", n)
	}
	facts := rv.Sections[1].Blocks[0].(*Facts)
	var got []string
	for _, it := range facts.Items {
		got = append(got, it.Label+"="+plainSpaces(it.Value))
	}
	if g, w := strings.Join(got, " "), "Erledigt=4 Verworfen=1 Noch offen=2 Erledigungsquote=66,7 %"; g != w {
		t.Errorf("actions %q, want %q", g, w)
	}
	move := rv.Sections[2].Blocks[0].(*Facts)
	if v := move.Items[2].Value; v != "B → A (Aufstufung)" {
		t.Errorf("class %q", v)
	}

	// The previous asks with their decisions.
	var asks []string
	for _, r := range rv.Sections[3].Blocks[0].(*Table).Rows {
		var cells []string
		for _, c := range r {
			cells = append(cells, plainSpaces(c.Text))
		}
		asks = append(asks, strings.Join(cells, "|"))
	}
	if got, want := strings.Join(asks, "\n"), strings.Join([]string{
		"m1 – Anwendungstechniker für zwei Wochen in die Hansa-Konstruktion|–|genehmigt|Dr. Katrin Albers, 10.02.2026|–",
		"m2 – Budget für die Listung als Linearachsen-Lieferant|25.000 €|abgelehnt|Dr. Katrin Albers, 04.03.2026|–",
		"m3 – Konsignationslager in Bremen vorfinanzieren|80.000 €|unter Bedingung|Geschäftsführung, 18.06.2026|erst nach Rahmenvertrag mit Mengenzusage",
	}, "\n"); got != want {
		t.Errorf("asks:\n%s\nwant\n%s", got, want)
	}

	// Block 1 states the previous class, and its portfolio draws the arrow.
	var chart *charts.Quadrant
	d.Walk(func(s *Section) {
		for _, bl := range s.Blocks {
			if c, ok := bl.(*Chart); ok && c.Kind == "portfolio" {
				chart = c.Model.(*charts.Quadrant)
			}
		}
	})
	if chart == nil || chart.Points[0].From == nil || *chart.Points[0].From != (charts.XY{X: 47.5, Y: 68.5}) || chart.Points[0].FromLabel != "2026" {
		t.Fatalf("portfolio point %+v", chart.Points)
	}
	if !strings.Contains(chart.Alt(), "Im Plan 2026 stand der Account bei Attraktivität 68,5 und Position 47,5 (Klasse B, jetzt A)") {
		t.Errorf("alt text %q", chart.Alt())
	}
}

// Without --previous nothing changes: no chapter, no arrow.
func TestBuildNoReview(t *testing.T) {
	p, f := loadSample(t, "../samples/accounts/hansa.toml")
	d, err := Build(p, f, Options{Now: testNow})
	if err != nil {
		t.Fatal(err)
	}
	d.Walk(func(s *Section) {
		if s.ID == "review" || strings.HasPrefix(s.ID, "review-") {
			t.Errorf("section %s without a previous plan", s.ID)
		}
		for _, bl := range s.Blocks {
			if c, ok := bl.(*Chart); ok && c.Kind == "portfolio" && c.Model.(*charts.Quadrant).Points[0].From != nil {
				t.Error("movement arrow without a previous plan")
			}
		}
	})
}

// A downgrade is named as one, in English too.
func TestBuildReviewDowngradeEN(t *testing.T) {
	p, _ := loadSample(t, "../samples/accounts/hansa.toml")
	prev, _ := loadSample(t, "../samples/previous/hansa-2026.toml")
	// This year's plan as the previous one, last year's as the current: A → B.
	prev.Lang, p.Lang = "en", "en"
	d, err := Build(prev, check.Compute(prev, testNow), Options{Now: testNow, Previous: p})
	if err != nil {
		t.Fatal(err)
	}
	rv := d.Sections[2]
	if rv.Title != "Review of 2027" {
		t.Errorf("title %q", rv.Title)
	}
	move := rv.Sections[2].Blocks[0].(*Facts)
	if v := move.Items[2].Value; v != "A → B (downgrade)" {
		t.Errorf("class %q", v)
	}
}

// plainSpaces turns the no-break spaces of formatted numbers into plain ones.
func plainSpaces(s string) string {
	return strings.NewReplacer("\u00a0", " ", "\u202f", " ").Replace(s)
}
