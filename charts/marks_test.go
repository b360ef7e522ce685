package charts

import (
	"math"
	"reflect"
	"testing"
)

// TestPolaritySpread: points that share a value on a criterion are drawn apart, inside
// their row; a point alone stays on the row's centre.
func TestPolaritySpread(t *testing.T) {
	p := Polarity{Criteria: []string{"a", "b"}, Series: []Series{
		{"Wir", []float64{8, 5}}, {"X", []float64{8, 7}}, {"Y", []float64{8, math.NaN()}}, {"Z", []float64{3, 5}},
	}}
	const rowH = 40
	dy := p.spread(2, rowH)
	if dy[3][0] != 0 || dy[1][1] != 0 {
		t.Errorf("a point alone was moved: %v", dy)
	}
	for i, same := range [][]int{{0, 1, 2}, {0, 3}} {
		for a := range same {
			if math.Abs(dy[same[a]][i]) > rowH/2 {
				t.Errorf("criterion %d: series %d leaves its row (%g)", i, same[a], dy[same[a]][i])
			}
			for _, b := range same[a+1:] {
				if math.Abs(dy[same[a]][i]-dy[b][i]) < 6 {
					t.Errorf("criterion %d: series %d and %d drawn %g px apart", i, same[a], b, math.Abs(dy[same[a]][i]-dy[b][i]))
				}
			}
		}
	}
	if dy[0][0] >= dy[1][0] {
		t.Error("'us' is not on top of a shared value")
	}
}

// TestSeriesStyles: the first five series differ in dash pattern (and marker shape, by
// series index), so that a reader without colour tells every pair apart.
func TestSeriesStyles(t *testing.T) {
	for a := 0; a < 5; a++ {
		for b := a + 1; b < 5; b++ {
			if reflect.DeepEqual(seriesDash(a), seriesDash(b)) {
				t.Errorf("series %d and %d have the same dash pattern", a, b)
			}
		}
	}
	if seriesDash(0) != nil {
		t.Error("'us' is not solid")
	}
}

// TestPayback: the marker stands where the caller says, else where the net line crosses
// zero; none beyond the horizon or without a crossing.
func TestPayback(t *testing.T) {
	b, c := Cumulative(3, 180000, 48000, 200000) // net −68,000, 64,000, 196,000
	v := ValueChart{Years: []string{"1", "2", "3"}, Benefit: b, Cost: c}
	net := []float64{b[0] - c[0], b[1] - c[1], b[2] - c[2]}
	if at, ok := v.payback(net); !ok || math.Abs(at-68.0/132) > 1e-9 {
		t.Errorf("from the data: %g, %v", at, ok)
	}
	v.PaybackYears = 200000.0 / 132000
	if at, ok := v.payback(net); !ok || math.Abs(at-(200000.0/132000-1)) > 1e-9 {
		t.Errorf("given: %g, %v", at, ok)
	}
	v.PaybackYears = 4
	if _, ok := v.payback(net); ok {
		t.Error("a payback after the horizon is marked")
	}
	v.PaybackYears = 0
	if _, ok := v.payback([]float64{-3, -2, -1}); ok {
		t.Error("marked without a crossing")
	}
}

// TestWrapCompound: a compound too long for a line breaks after its hyphen rather than
// being shortened, and a text that fits is reported so.
func TestWrapCompound(t *testing.T) {
	st, _ := testTheme.resolve()
	c := &canvas{r: newMeasureRenderer(st), w: 640, h: 400, st: st}
	f := tstyle{size: 10.5}
	max := c.measure("Fischer-Hoffmann", f) - 1
	got := c.wrap("Klaus Fischer-Hoffmann", f, max, 2)
	if len(got) != 2 || got[0] != "Klaus Fischer-" || got[1] != "Hoffmann" {
		t.Errorf("wrap = %q", got)
	}
	if !c.fits("Klaus Fischer-Hoffmann", f, max, 2) || c.fits("Klaus Fischer-Hoffmann", f, max, 1) {
		t.Error("fits is wrong")
	}
}

// circleRecorder notes the circles drawn, in canvas units.
type circleRecorder struct {
	*recorder
	circles [][3]float64
}

func (r *circleRecorder) Circle(radius float64, x, y int) {
	r.circles = append(r.circles, [3]float64{float64(x), float64(y), radius})
	r.recorder.Circle(radius, x, y)
}

// TestFieldNamesBesideBubbles: a field name whose corner a big bubble covers moves to a
// free corner of its field.
func TestFieldNamesBesideBubbles(t *testing.T) {
	st, _ := testTheme.resolve()
	q := Quadrant{XMin: 0, XMax: 10, YMin: 0, YMax: 10, XCut: 5, YCut: 5,
		Names: [4]string{"Relevante Lücke", "Kernkompetenz", "Irrelevante Lücke", "Selektion"},
		Points: []Point{
			{Label: "Präzisions-Planetengetriebe", X: 9.6, Y: 9.6, Size: 900000},
			{Label: "Linearachsen", X: 0.4, Y: 0.3, Size: 800000},
			{Label: "Servo", X: 4, Y: 8, Size: 100000},
		}}
	rec := &circleRecorder{recorder: &recorder{svgRenderer: newMeasureRenderer(st)}}
	q.draw(&canvas{r: rec, w: 640, h: 440, st: st})
	found := 0
	for _, b := range rec.boxes {
		if b.text != "Kernkompetenz" && b.text != "Irrelevante Lücke" {
			continue
		}
		found++
		for _, c := range rec.circles {
			nx, ny := clamp(c[0], b.x0, b.x1), clamp(c[1], b.y0, b.y1)
			if c[2] > 8*scale && math.Hypot(nx-c[0], ny-c[1]) < c[2] {
				t.Errorf("%q at %v lies under the bubble at %v", b.text, b.box, c)
			}
		}
	}
	if found != 2 {
		t.Fatalf("found %d of the field names", found)
	}
}
