package charts

import (
	"bytes"
	"math"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/go-pdf/fpdf"
)

// gen builds random charts: any numbers a validator could let through (and some it would
// not: negative, huge, infinite), any lengths, hostile and empty strings.
type gen struct {
	r     *rand.Rand
	label string
}

func (g gen) num() float64 {
	switch g.r.IntN(12) {
	case 0:
		return 0
	case 1:
		return -g.r.Float64() * 1e6
	case 2:
		return g.r.Float64() * 1e15
	case 3:
		return g.r.Float64() * 1e-9
	case 4:
		return math.Inf(1 - 2*g.r.IntN(2))
	case 5:
		return 100
	case 6:
		return float64(g.r.IntN(11))
	}
	return g.r.Float64() * 120
}

func (g gen) nums(n int) []float64 {
	if g.r.IntN(10) == 0 {
		return nil
	}
	v := make([]float64, max(0, n+g.r.IntN(3)-1)) // lengths that do not match, on purpose
	for i := range v {
		v[i] = g.num()
	}
	return v
}

func (g gen) str() string {
	switch g.r.IntN(6) {
	case 0:
		return ""
	case 1:
		return g.label
	case 2:
		return hostile[g.r.IntN(len(hostile))]
	case 3:
		return strings.Repeat("Lang ", g.r.IntN(40))
	}
	return "Kürzel " + string(rune('A'+g.r.IntN(26)))
}

func (g gen) strs(n int) []string {
	s := make([]string, n)
	for i := range s {
		s[i] = g.str()
	}
	return s
}

func (g gen) count() int {
	switch g.r.IntN(8) {
	case 0:
		return 0
	case 1:
		return 1
	case 2:
		return 200 + g.r.IntN(1800)
	}
	return 2 + g.r.IntN(12)
}

func (g gen) charts() []Chart {
	m := Meta{Heading: g.str(), Summary: g.str()}
	n := g.count()
	var series []Series
	for i := g.r.IntN(8); i > 0; i-- {
		series = append(series, Series{g.str(), g.nums(n)})
	}
	var points []Point
	for i := g.count(); i > 0; i-- {
		points = append(points, Point{Label: g.str(), X: g.num(), Y: g.num(), Size: g.num(), Highlight: g.r.IntN(20) == 0})
	}
	var contacts []Contact
	for i := g.count(); i > 0; i-- {
		contacts = append(contacts, Contact{Name: g.str(), Attitude: g.r.IntN(9) - 2, Influence: g.r.IntN(6) - 1, Relationship: g.r.IntN(8) - 1, Highlight: g.r.IntN(9) == 0})
	}
	years := g.count() % 40
	benefit, cost := Cumulative(g.r.IntN(12), g.num(), g.num(), g.num())
	var swot [4][]string
	for i := range swot {
		swot[i] = g.strs(g.count() % 60)
	}
	axes := g.count() % 40
	return []Chart{
		Radar{Meta: m, Axes: g.strs(axes), Target: g.nums(axes), Actual: g.nums(axes), TargetLabel: g.str(), ActualLabel: g.str(), Unit: g.str()},
		Polarity{Meta: m, Criteria: g.strs(n % 50), Series: series, Min: g.num(), Max: g.num()},
		Quadrant{Meta: m, XTitle: g.str(), YTitle: g.str(), XMin: g.num(), XMax: g.num(), YMin: g.num(), YMax: g.num(), XCut: g.num(), YCut: g.num(),
			Names: [4]string{g.str(), g.str(), g.str(), g.str()}, Points: points, SizeLabel: g.str()},
		History{Meta: m, Years: g.strs(years), Revenue: g.nums(years), Margin: g.nums(years), Share: g.nums(years), RevenueLabel: g.str(), MarginLabel: g.str(), ShareLabel: g.str(), Unit: g.str()},
		SWOTGrid{Meta: m, Titles: [4]string{g.str(), g.str(), g.str(), g.str()}, Items: swot},
		ValueChart{Meta: m, Years: g.strs(len(benefit)), Benefit: benefit, Cost: cost, BenefitLabel: g.str(), CostLabel: g.str(), NetLabel: g.str()},
		RelationshipMap{Meta: m, AttitudeLabels: g.strs(g.count() % 9), InfluenceLabels: g.strs(g.count() % 6), RelationshipLabels: g.strs(g.r.IntN(7)), XTitle: g.str(), YTitle: g.str(), Contacts: contacts},
		Waterfall{Meta: m, Unit: g.str(), Steps: g.waterfall()},
	}
}

// drawBoth draws every random chart in both backends: no panic, no error, well-formed SVG.
func drawBoth(t *testing.T, seed1, seed2 uint64, label string) {
	g := gen{r: rand.New(rand.NewPCG(seed1, seed2)), label: label}
	pdf := fpdf.New("P", "mm", "A4", "")
	pdf.AddPage()
	w := 100 + g.r.IntN(900)
	h := 60 + g.r.IntN(700)
	for _, c := range g.charts() {
		svg, err := SVG(c, testTheme, w, h)
		if err != nil {
			t.Fatalf("%T: %v", c, err)
		}
		wellFormed(t, svg)
		if bytes.Contains(svg, []byte("NaN")) {
			t.Fatalf("%T: NaN in SVG", c)
		}
		if err := PDF(pdf, c, testTheme, 10, 10, float64(w)/5, float64(h)/5); err != nil {
			t.Fatalf("%T: %v", c, err)
		}
		_ = c.Empty()
		_ = c.Alt()
	}
	var b bytes.Buffer
	if err := pdf.Output(&b); err != nil {
		t.Fatal(err)
	}
}

func TestRandomCharts(t *testing.T) {
	n := 24 // with -race each costs about half a second; the fuzz target goes further
	if testing.Short() {
		n = 6
	}
	for i := 0; i < n; i++ {
		drawBoth(t, uint64(i), 42, "Zufall ä ß €")
	}
}

func FuzzCharts(f *testing.F) {
	f.Add(uint64(1), uint64(2), "label")
	f.Add(uint64(7), uint64(0), `</text><script>alert(1)</script>`)
	f.Add(uint64(99), uint64(3), "a & b \"quotes\" 😀")
	f.Fuzz(drawBoth)
}

// waterfall is a random bridge: totals and steps of any size, NaN and infinities included.
func (g *gen) waterfall() []WaterfallStep {
	n := g.count() % 12
	var steps []WaterfallStep
	for range n {
		steps = append(steps, WaterfallStep{Label: g.str(), Value: g.num(), Total: g.r.IntN(3) == 0, Gap: g.r.IntN(5) == 0})
	}
	return steps
}
