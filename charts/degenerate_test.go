package charts

import (
	"math/rand/v2"
	"testing"

	"github.com/go-pdf/fpdf"
)

// A chart drawn into a box too small for its labels draws what fits and never panics.
// FuzzSVGMatchesReference found a relationship map at 748 × 131 whose titles and labels
// left its cells a negative height: the slot count became NaN and a contact was read
// out of range.
func TestTinyCellsDoNotPanic(t *testing.T) {
	g := gen{r: rand.New(rand.NewPCG(51, 303)), label: "0"}
	w := 50 + g.r.IntN(950)
	h := 50 + g.r.IntN(750)
	th := diffThemes[g.r.IntN(len(diffThemes))]
	for _, c := range g.charts() {
		if _, err := SVG(c, th, w, h); err != nil {
			t.Logf("%s: %v", c.Title(), err)
		}
		p := fpdf.New("P", "mm", "A4", "")
		p.AddPage()
		if err := PDF(p, c, th, 10, 10, float64(w)*0.2, float64(h)*0.2); err != nil {
			t.Logf("%s: %v", c.Title(), err)
		}
	}
}
