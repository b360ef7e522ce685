package charts

import (
	"math"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/wcharczuk/go-chart/v2/drawing"
)

// seriesColoursRef is seriesColours as it was before each colour's view was computed
// once: cvdDistance for every pair it looks at.
func seriesColoursRef(primary, accent drawing.Color, n int) []drawing.Color {
	out := []drawing.Color{primary}
	near := func(c drawing.Color) float64 {
		d := math.Inf(1)
		for _, o := range out {
			d = math.Min(d, cvdDistanceRef(c, o))
		}
		return d
	}
	if near(accent) >= apart {
		out = append(out, accent)
	}
	left := append([]drawing.Color(nil), okabeIto...)
	for len(out) < n && len(left) > 0 {
		best, bd := 0, -1.0
		for k, c := range left {
			if d := near(c); d > bd+1e-9 {
				best, bd = k, d
			}
		}
		out = append(out, left[best])
		left = append(left[:best], left[best+1:]...)
	}
	return out
}

func cvdDistanceRef(a, b drawing.Color) float64 {
	d := math.Inf(1)
	for _, m := range sims {
		la, lb := toLab(simulate(a, m)), toLab(simulate(b, m))
		d = math.Min(d, math.Sqrt(sq(la[0]-lb[0])+sq(la[1]-lb[1])+sq(la[2]-lb[2])))
	}
	return d
}

// TestSeriesColoursAsReference: the palettes and distances are those of the pairwise
// computation, bit for bit, for the okabeIto colours themselves, greys and 5,000 random
// brands, at every length a chart asks for.
func TestSeriesColoursAsReference(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	colours := append(slices.Clone(okabeIto), drawing.Color{A: 255}, drawing.Color{R: 255, G: 255, B: 255, A: 255},
		drawing.Color{R: 0x80, G: 0x80, B: 0x80, A: 255}, drawing.Color{R: 0x1a, G: 0x4f, B: 0x8b, A: 255})
	for range 5000 {
		colours = append(colours, drawing.Color{R: uint8(rng.Uint32()), G: uint8(rng.Uint32()), B: uint8(rng.Uint32()), A: 255})
	}
	for i, p := range colours {
		a := colours[(i*7+3)%len(colours)]
		if got, want := cvdDistance(p, a), cvdDistanceRef(p, a); math.Float64bits(got) != math.Float64bits(want) {
			t.Fatalf("cvdDistance(%v, %v) = %v, want %v", p, a, got, want)
		}
		for _, n := range []int{1, 2, len(okabeIto) + 2, 20} {
			if got, want := seriesColours(p, a, n), seriesColoursRef(p, a, n); !slices.Equal(got, want) {
				t.Fatalf("seriesColours(%v, %v, %d) = %v, want %v", p, a, n, got, want)
			}
		}
	}
}
