package charts

import (
	"fmt"
	"math"
	"strings"
	"testing"
)

// stressNames are long German names of accounts and offerings, with compounds, hyphens
// and words wider than a quarter-page plot's field.
var stressNames = []string{
	"Hansa Werkzeugmaschinen AG", "Zimmermann-Schulte Antriebstechnik GmbH", "Bäcker & Söhne KG",
	"Nordlicht Energieversorgung", "Präzisions-Planetengetriebe", "Brightwater Foods B.V.",
	"Schwarzwälder Feinmechanik", "Ölwerke Süd", "Instandhaltungsdienstleistungen", "Alpen Logistik",
	"Müller Maschinenbau AG", "Greiner Präzision", "Vandermolen Aandrijvingen B.V.", "Kessler Motion GmbH",
}

// stressQuadrants are portfolios at the documents' sizes (the one-pager's, the PDF's flat
// summary, a slide's and the PDF's full width) with 1, 2, 6, 12 and 25 bubbles of long
// names, the first highlighted, with an arrow from where it stood before.
func stressQuadrants() []docChart {
	var out []docChart
	sizes := [][2]float64{{221.1, 199.1}, {385.5, 176.9}, {432.8, 327.4}, {640, 294.8}}
	for _, n := range []int{1, 2, 6, 12, 25} {
		var pts []Point
		for i := 0; i < n; i++ {
			// Spread over the plot, a few near the dividers and the edges.
			x := math.Mod(float64(i)*37.3+61, 100)
			y := math.Mod(float64(i)*53.9+79, 100)
			p := Point{Label: stressNames[i%len(stressNames)], X: x, Y: y, Size: float64((i*7)%5+1) * 1e5, Highlight: i == 0}
			if i == 0 {
				p.From, p.FromLabel = &XY{X: x - 12.5, Y: y - 11.5}, "2026"
			}
			pts = append(pts, p)
		}
		for _, sz := range sizes {
			q := Quadrant{XTitle: "Lieferantenposition", YTitle: "Kundenattraktivität", XCut: 50, YCut: 50,
				Names: [4]string{"Fragezeichen", "Star", "Mitnahmekunde", "Ertragskunde"}, Points: pts, SizeLabel: "Geplanter Umsatz"}
			out = append(out, docChart{fmt.Sprintf("quadrant-%d-%g", n, sz[0]), q, sz[0], sz[1]})
		}
	}
	return out
}

// TestStressQuadrantNames: on crowded portfolios with long German names every name that
// is drawn is whole (never "…"), at least minText, inside the chart, apart from every
// other text and off the dividers; the highlight is always named, whole.
func TestStressQuadrantNames(t *testing.T) {
	for _, s := range stressQuadrants() {
		q := s.chart.(Quadrant)
		rec, st := docDrawing(t, s)
		checkTexts(t, s, rec)
		var names []textBox
		for _, b := range rec.boxes {
			for _, p := range q.Points {
				if b.text != "" && strings.Contains(p.Label, b.text) {
					names = append(names, b)
					break
				}
			}
		}
		for _, b := range names {
			for _, l := range rec.strokes {
				if l.col == st.axis && l.crosses(b.box) {
					t.Errorf("%s: %q crosses a divider", s.name, b.text)
					break
				}
			}
		}
		var all strings.Builder
		for _, b := range names {
			all.WriteString(b.text + " ")
		}
		if h := q.Points[0].Label; !strings.Contains(squashName(all.String()), squashName(h)) {
			t.Errorf("%s: the highlight %q is not named whole: %q", s.name, h, all.String())
		}
	}
}

// squashName drops spaces: a name broken over lines reads as the name.
func squashName(s string) string { return strings.ReplaceAll(s, " ", "") }

// checkTexts: no text shortened, smaller than minText, outside the chart or on another.
func checkTexts(t *testing.T, s docChart, rec *recorder) {
	t.Helper()
	frame := box{-scale, -scale, (s.w + 1) * scale, (s.h + 1) * scale}
	for i, a := range rec.boxes {
		if strings.Contains(a.text, ellipsis) {
			t.Errorf("%s: %q is shortened", s.name, a.text)
		}
		if a.size < minText*scale-1e-9 {
			t.Errorf("%s: %q is set at %g px", s.name, a.text, a.size/scale)
		}
		if !a.inside(frame) {
			t.Errorf("%s: %q at %v leaves the chart", s.name, a.text, a.box)
		}
		for _, b := range rec.boxes[i+1:] {
			in := box{a.x0 + scale, a.y0 + scale, a.x1 - scale, a.y1 - scale}
			if in.overlaps(b.box) {
				t.Errorf("%s: %q and %q overlap", s.name, a.text, b.text)
			}
		}
	}
}

// stressMaps are relationship maps at the slide's, the PDF's and a narrow size whose cells
// hold one to three contacts with long names ("Zimmermann-Schulte", titles, compounds).
func stressMaps() []docChart {
	people := []string{"Martin Zimmermann-Schulte", "Dr. Hendrik Vogt", "Zimmermann", "Jürgen Haas",
		"Prof. Dr. Annegret Kramp", "Sabine Krüger-Wendt", "Dr. Aylin Güneş", "Oliver Brandes",
		"Tamás Nagy", "Petra Schäfer", "Marieke van Dijk", "Friedrich Oberhauser"}
	var out []docChart
	for _, per := range []int{1, 2, 3} {
		var cs []Contact
		for i, name := range people {
			cell := i / per
			cs = append(cs, Contact{Name: name, Attitude: cell % 5, Influence: (cell / 5) % 3, Relationship: i % 5, Highlight: i%3 == 0})
		}
		for _, sz := range [][2]float64{{432.8, 327.4}, {642.5, 294.8}, {560, 360}} {
			out = append(out, docChart{fmt.Sprintf("relationship-%d-%g", per, sz[0]), RelationshipMap{
				AttitudeLabels: []string{"Gegner", "Skeptiker", "Neutral", "Unterstützer", "Fürsprecher"}, InfluenceLabels: []string{"gering", "mittel", "hoch"},
				RelationshipLabels: []string{"keine", "flüchtig", "regelmäßig", "eng", "vertrauensvoll"}, XTitle: "Haltung", YTitle: "Einfluss", Contacts: cs,
			}, sz[0], sz[1]})
		}
	}
	return out
}

// TestStressRelationshipNames: cells of one to three contacts with long names show no
// name shortened or smaller than minText, every text inside the chart and apart; cells of
// one or two contacts every name whole (three long names in a cell may be marks only).
func TestStressRelationshipNames(t *testing.T) {
	for _, s := range stressMaps() {
		rec, _ := docDrawing(t, s)
		checkTexts(t, s, rec)
		var all strings.Builder
		for _, b := range rec.boxes {
			all.WriteString(b.text + " ")
		}
		for _, p := range s.chart.(RelationshipMap).Contacts {
			if strings.HasPrefix(s.name, "relationship-3-") {
				break
			}
			if !strings.Contains(squashName(all.String()), squashName(p.Name)) {
				t.Errorf("%s: %q is not named whole", s.name, p.Name)
			}
		}
	}
}

// TestStressPolarityNames: profiles with long German competitor names, at a slide's and
// the PDF's size, name every series beside its line (whole, or its first line) as well
// as in the legend, with no name shortened, every text inside the chart and apart.
func TestStressPolarityNames(t *testing.T) {
	criteria := []string{"Liefertreue", "Technische Beratung und Auslegung", "Preis", "Servicenetz und Ersatzteile", "Produktqualität", "Digitale Services"}
	names := []string{"Wir", "Zimmermann-Schulte Antriebstechnik GmbH", "Vandermolen Aandrijvingen B.V.", "Hansa Werkzeugmaschinen AG"}
	values := [][]float64{{8, 9, 5, 7, 8, 8}, {7, 7, 6, 8, 8, 5}, {6, 6, 8, 5, 7, 4}, {7, 5, 7, 6, 7, 3}}
	for _, sz := range [][2]float64{{432.8, 282.7}, {642.5, 314.8}} {
		var series []Series
		for k, n := range names {
			series = append(series, Series{Name: n, Values: values[k]})
		}
		s := docChart{fmt.Sprintf("polarity-%g", sz[0]), Polarity{Criteria: criteria, Series: series, Min: 0, Max: 10}, sz[0], sz[1]}
		rec, _ := docDrawing(t, s)
		checkTexts(t, s, rec)
		for _, n := range names {
			count := 0
			for _, b := range rec.boxes {
				if b.text == n || (strings.Contains(n, " ") && strings.HasPrefix(n, b.text+" ")) {
					count++
				}
			}
			if count < 2 {
				t.Errorf("%s: %q is named only in the legend", s.name, n)
			}
		}
	}
}
