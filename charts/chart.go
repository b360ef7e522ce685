package charts

import (
	"errors"
	"math"
	"reflect"
	"strings"
)

// Chart is one of the chart models of this package (Radar, Polarity, Quadrant, History,
// SWOTGrid, ValueChart, RelationshipMap). Draw it with SVG or PDF.
type Chart interface {
	// Title is the chart's heading; it is not drawn inside the chart (the document sets
	// it as caption) but names the SVG.
	Title() string
	// Alt is the short text alternative.
	Alt() string
	// Empty reports that there is nothing to draw: the caller leaves the chart out and
	// says so. Drawing an empty chart gives an empty frame, never an error.
	Empty() bool

	draw(c *canvas)
}

// Meta carries the caller's localized title and text alternative of a chart.
type Meta struct {
	Heading string // the chart's title
	Summary string // what the chart shows, in a sentence or two; the text alternative
}

// Title returns the heading.
func (m Meta) Title() string { return sanitize(m.Heading) }

// Alt returns the summary, or the heading where there is none.
func (m Meta) Alt() string {
	if strings.TrimSpace(m.Summary) != "" {
		return sanitize(m.Summary)
	}
	return m.Title()
}

// maxDesign bounds the design size in pixels: beyond it the integer canvas would overflow.
const maxDesign = 20000

// valid reports a nil chart, which an interface holding a nil pointer would otherwise
// turn into a panic.
func valid(c Chart) error {
	if c == nil {
		return errors.New("no chart")
	}
	if v := reflect.ValueOf(c); v.Kind() == reflect.Pointer && v.IsNil() {
		return errors.New("nil chart")
	}
	return nil
}

func finite(v float64) bool { return !math.IsNaN(v) && !math.IsInf(v, 0) }

// at returns v[i], or NaN where the slice is short: data slices of unequal length are
// read as missing values, never as a panic.
func at(v []float64, i int) float64 {
	if i < 0 || i >= len(v) || !finite(v[i]) {
		return math.NaN()
	}
	return v[i]
}

func clamp(v, lo, hi float64) float64 { return math.Max(lo, math.Min(hi, v)) }

// ticks returns "nice" tick values covering [lo, hi] with about n intervals. Degenerate
// ranges (equal or non-finite bounds) are widened first, so there are always a few ticks
// and never thousands.
func ticks(lo, hi float64, n int) []float64 {
	if !finite(lo) || !finite(hi) {
		lo, hi = 0, 1
	}
	if lo > hi {
		lo, hi = hi, lo
	}
	if hi-lo < 1e-9*math.Max(1, math.Abs(hi)) {
		if lo == 0 {
			hi = 1
		} else {
			d := math.Abs(lo) * 0.1
			lo, hi = lo-d, hi+d
			if lo < 0 && hi > 0 && math.Abs(lo) < d*2 {
				lo = 0
			}
		}
	}
	step := niceStep((hi - lo) / float64(n))
	start := math.Floor(lo/step+1e-9) * step
	end := math.Ceil(hi/step-1e-9) * step
	var t []float64
	for i := 0; ; i++ {
		v := start + float64(i)*step
		// Round away float noise (0.30000000000000004) relative to the step.
		v = math.Round(v/step) * step
		if math.Abs(v) < step*1e-9 {
			v = 0
		}
		t = append(t, v)
		if v >= end-step*1e-9 || i > 50 {
			break
		}
	}
	return t
}

func niceStep(raw float64) float64 {
	if !(raw > 0) || !finite(raw) {
		return 1
	}
	e := math.Pow(10, math.Floor(math.Log10(raw)))
	f := raw / e
	switch {
	case f <= 1:
		return e
	case f <= 2:
		return 2 * e
	case f <= 2.5:
		return 2.5 * e
	case f <= 5:
		return 5 * e
	}
	return 10 * e
}

var (
	_ Chart = Radar{}
	_ Chart = Polarity{}
	_ Chart = Quadrant{}
	_ Chart = History{}
	_ Chart = SWOTGrid{}
	_ Chart = ValueChart{}
	_ Chart = RelationshipMap{}
	_ Chart = Waterfall{}
)
