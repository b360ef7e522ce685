package charts

import (
	"strings"
	"testing"

	"golang.org/x/image/font/gofont/goregular"
)

func newMeasureRenderer(st *style) *svgRenderer {
	return newSVGRenderer(st, []byte(`<svg xmlns="http://www.w3.org/2000/svg">`))
}

// recorder notes the box of every text drawn, in canvas units.
type recorder struct {
	*svgRenderer
	rotated bool
	boxes   []textBox
}

type textBox struct {
	text string
	box
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
	r.boxes = append(r.boxes, textBox{body, b})
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
