package charts

import (
	"bytes"
	"testing"
)

// The levels of the revenue bridge as the document draws it: totals stand on the axis,
// steps float from the running total.
func TestWaterfallLevels(t *testing.T) {
	w := Waterfall{Steps: []WaterfallStep{
		{Label: "Umsatz 2026", Value: 2_050_000, Total: true},
		{Label: "Gewonnen", Value: 60_000},
		{Label: "Offen, gewichtet", Value: 233_500},
		{Label: "Erwartet", Value: 2_343_500, Total: true},
		{Label: "Lücke", Value: 56_500, Gap: true},
		{Label: "Planumsatz", Value: 2_400_000, Total: true},
	}}
	bars, lo, hi := w.levels()
	want := [][2]float64{{0, 2_050_000}, {2_050_000, 2_110_000}, {2_110_000, 2_343_500}, {0, 2_343_500}, {2_343_500, 2_400_000}, {0, 2_400_000}}
	for i, b := range bars {
		if b != want[i] {
			t.Errorf("bar %d: %v, want %v", i, b, want[i])
		}
	}
	if lo != 0 || hi != 2_400_000 {
		t.Errorf("lo %v hi %v, want 0 2400000", lo, hi)
	}
	svg, err := SVG(w, Theme{}, 600, 340)
	if err != nil {
		t.Fatal(err)
	}
	wellFormed(t, svg)
	// The gap is marked: its label in the accent colour, its outline dashed.
	if !bytes.Contains(svg, []byte("Lücke")) || !bytes.Contains(svg, []byte("stroke-dasharray")) {
		t.Error("the gap is not marked in the SVG")
	}
}

// A negative gap (more expected than planned) steps down; a bridge with a step below zero
// puts zero on the axis.
func TestWaterfallNegative(t *testing.T) {
	w := Waterfall{Steps: []WaterfallStep{{Value: 100, Total: true}, {Value: -150}, {Value: -50, Total: true}}}
	bars, lo, hi := w.levels()
	if bars[1] != [2]float64{100, -50} || lo != -50 || hi != 100 {
		t.Errorf("bars %v lo %v hi %v", bars, lo, hi)
	}
	if _, err := SVG(w, Theme{}, 400, 300); err != nil {
		t.Fatal(err)
	}
}
