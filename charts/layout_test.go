package charts

import (
	"math"
	"strings"
	"testing"

	"github.com/wcharczuk/go-chart/v2/drawing"
	"golang.org/x/image/font/gofont/goregular"
)

func newMeasureRenderer(st *style) *svgRenderer {
	return newSVGRenderer(st, []byte(`<svg xmlns="http://www.w3.org/2000/svg">`))
}

// recorder notes the box of every text drawn, the segments of every line stroked and the
// bounds of every opaque shape filled, in canvas units.
type recorder struct {
	*svgRenderer
	rotated bool
	boxes   []textBox
	strokes []segment
	fills   []fillBox
	path    []pt
	closed  bool
}

// segment is a straight piece of a stroked line.
type segment struct {
	a, b pt
	col  drawing.Color
}

// fillBox is the bounds of an opaque filled shape.
type fillBox struct {
	box
	col drawing.Color
}

// crosses reports that the segment passes through the inside of b (its box shrunk by a
// design pixel).
func (s segment) crosses(b box) bool {
	in := box{b.x0 + scale, b.y0 + scale, b.x1 - scale, b.y1 - scale}
	steps := int(math.Hypot(s.b.x-s.a.x, s.b.y-s.a.y)/(scale/2)) + 1
	for i := 0; i <= steps; i++ {
		t := float64(i) / float64(steps)
		x, y := s.a.x+(s.b.x-s.a.x)*t, s.a.y+(s.b.y-s.a.y)*t
		if x > in.x0 && x < in.x1 && y > in.y0 && y < in.y1 {
			return true
		}
	}
	return false
}

func (r *recorder) MoveTo(x, y int) {
	r.path, r.closed = append(r.path[:0], pt{float64(x), float64(y)}), false
	r.svgRenderer.MoveTo(x, y)
}
func (r *recorder) LineTo(x, y int) {
	r.path = append(r.path, pt{float64(x), float64(y)})
	r.svgRenderer.LineTo(x, y)
}
func (r *recorder) Close() { r.closed = true; r.svgRenderer.Close() }
func (r *recorder) Stroke() {
	p := r.path
	if r.closed && len(p) > 1 {
		p = append(p, p[0])
	}
	for i := 1; i < len(p); i++ {
		r.strokes = append(r.strokes, segment{p[i-1], p[i], r.stroke})
	}
	r.path = r.path[:0]
	r.svgRenderer.Stroke()
}
func (r *recorder) Fill() {
	if len(r.path) > 0 && r.fill.A == 255 {
		b := box{math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)}
		for _, q := range r.path {
			b = box{math.Min(b.x0, q.x), math.Min(b.y0, q.y), math.Max(b.x1, q.x), math.Max(b.y1, q.y)}
		}
		r.fills = append(r.fills, fillBox{b, r.fill})
	}
	r.path = r.path[:0]
	r.svgRenderer.Fill()
}

type textBox struct {
	text string
	box
	size float64 // in canvas units
}

func (r *recorder) SetTextRotation(a float64) { r.rotated = true }
func (r *recorder) ClearTextRotation()        { r.rotated = false }
func (r *recorder) Text(body string, x, y int) {
	w := float64(r.MeasureText(body).Right)
	fx, fy := float64(x), float64(y)
	b := box{fx, fy - r.size*0.78, fx + w, fy + r.size*0.22}
	if r.rotated { // read bottom to top, baseline at x
		b = box{fx - r.size*0.78, fy - w, fx + r.size*0.22, fy}
	}
	r.boxes = append(r.boxes, textBox{body, b, r.size})
}

func layout(t *testing.T, s namedChart) []textBox {
	t.Helper()
	st, err := testTheme.resolve()
	if err != nil {
		t.Fatal(err)
	}
	rec := &recorder{svgRenderer: newMeasureRenderer(st)}
	s.chart.draw(&canvas{r: rec, w: float64(s.w), h: float64(s.h), st: st})
	return rec.boxes
}

// TestLabelsInside: no text of any chart, degenerate or not, leaves the chart.
func TestLabelsInside(t *testing.T) {
	for _, s := range append(samples(), degenerate()...) {
		frame := box{-scale, -scale, float64(s.w+1) * scale, float64(s.h+1) * scale}
		for _, b := range layout(t, s) {
			if !b.inside(frame) {
				t.Errorf("%s: text %q at %v leaves the %d×%d chart", s.name, b.text, b.box, s.w, s.h)
			}
		}
	}
}

// TestLabelsApart: in the realistic charts no two texts overlap.
func TestLabelsApart(t *testing.T) {
	for _, s := range samples() {
		boxes := layout(t, s)
		for i, a := range boxes {
			for _, b := range boxes[i+1:] {
				in := box{a.x0 + scale, a.y0 + scale, a.x1 - scale, a.y1 - scale}
				if in.overlaps(b.box) {
					t.Errorf("%s: %q and %q overlap", s.name, a.text, b.text)
				}
			}
		}
	}
}

func goregularBytes() []byte { return goregular.TTF }

// TestHighlightLabelled: in a crowd of 2,000 bubbles the highlighted one, in the corner
// under a field name, keeps its name, drawn last.
func TestHighlightLabelled(t *testing.T) {
	for _, s := range degenerate() {
		if s.name != "quadrant-crowd" {
			continue
		}
		boxes := layout(t, s)
		hl, lastName := -1, -1
		for i, b := range boxes {
			switch {
			case b.text == "Kunde 1234":
				hl = i
			case strings.HasSuffix(b.text, "…"): // the shortened field names
				lastName = i
			}
		}
		if hl < 0 {
			t.Fatal("highlighted point not labelled")
		}
		if hl < lastName {
			t.Error("the highlight's label is drawn under the field names")
		}
		return
	}
	t.Fatal("quadrant-crowd sample missing")
}

// longNames are the samples' kinds with long and hostile names: German compounds,
// titles, a name without spaces, markup.
func longNames() []namedChart {
	long := "Dr. Hendrik Vogt-Schwarzenberger, Leiter Instandhaltungsplanung"
	word := "Instandhaltungsplanungsverantwortlicher"
	return []namedChart{
		{"radar-long", Radar{
			Axes:   []string{"Finanzperspektive und Ergebnisbeitrag", word, "Interne Prozesse </text><script>", "Lernen und Entwicklung der Mitarbeitenden"},
			Target: []float64{100, 100, 100, 100}, Actual: []float64{98.48, 90.9, 100, 58},
			TargetLabel: "Zielwert", ActualLabel: "Zielerreichung", Unit: " %",
		}, 560, 440},
		{"relationship-long", RelationshipMap{
			AttitudeLabels:  []string{"Gegner", "Skeptiker", "Neutral", "Unterstützer", "Fürsprecher"},
			InfluenceLabels: []string{"gering", "mittel", "hoch"},
			Contacts: []Contact{
				{Name: long, Attitude: 3, Influence: 2, Relationship: 3, Highlight: true},
				{Name: "Dr. Hendrik Vogt", Attitude: 3, Influence: 1, Relationship: 2, Highlight: true},
				{Name: word, Attitude: 1, Influence: 0, Relationship: 1},
				{Name: "Klaus Fischer-Hoffmann", Attitude: 4, Influence: 2, Relationship: 4},
				{Name: "Martin Zimmermann", Attitude: 3, Influence: 1, Relationship: 2},
				{Name: "Jürgen Haas", Attitude: 3, Influence: 1, Relationship: 1},
			},
		}, 640, 420},
		{"quadrant-long", Quadrant{
			XTitle: "Lieferantenposition", YTitle: "Kundenattraktivität",
			Names: [4]string{"Fragezeichen", "Star", "Mitnahmekunde", "Ertragskunde"},
			Points: []Point{
				{Label: "Hansa Werkzeugmaschinen AG & Co. KGaA, Werk Bremen", X: 92, Y: 95, Size: 2e6, Highlight: true},
				{Label: word, X: 8, Y: 5, Size: 1e6},
				{Label: long, X: 50, Y: 50, Size: 5e5},
			},
		}, 480, 400},
		{"polarity-long", Polarity{
			Criteria: []string{word, "Technische Beratung und Auslegung vor Ort", "Preis"},
			Series:   []Series{{"Wir", []float64{8, 8, 5}}, {word, []float64{8, 7, 5}}, {"X", []float64{8, 7, 5}}},
		}, 640, 300},
	}
}

// TestLongNamesLaidOut: with long and hostile names no two texts overlap and none
// leaves the chart.
func TestLongNamesLaidOut(t *testing.T) {
	for _, s := range longNames() {
		boxes := layout(t, s)
		frame := box{-scale, -scale, float64(s.w+1) * scale, float64(s.h+1) * scale}
		var all strings.Builder
		for _, b := range boxes {
			all.WriteString(b.text + "|")
		}
		if s.name == "relationship-long" && !strings.Contains(all.String(), "Vogt|") {
			t.Errorf("the highlighted Dr. Hendrik Vogt is shortened: %s", all.String())
		}
		for i, a := range boxes {
			if !a.inside(frame) {
				t.Errorf("%s: text %q at %v leaves the chart", s.name, a.text, a.box)
			}
			for _, b := range boxes[i+1:] {
				in := box{a.x0 + scale, a.y0 + scale, a.x1 - scale, a.y1 - scale}
				if in.overlaps(b.box) {
					t.Errorf("%s: %q and %q overlap", s.name, a.text, b.text)
				}
			}
		}
	}
}
