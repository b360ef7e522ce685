package charts

import (
	"fmt"
	"strconv"
	"strings"
)

// deNumber formats like the German documents: 1.850.000 and 12,5.
func deNumber(v float64) string {
	s := strconv.FormatFloat(v, 'f', -1, 64)
	if i := strings.IndexByte(s, '.'); i >= 0 && len(s)-i > 2 {
		s = strconv.FormatFloat(v, 'f', 1, 64)
	}
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	intPart, frac, _ := strings.Cut(s, ".")
	var b strings.Builder
	for i, r := range intPart {
		if i > 0 && (len(intPart)-i)%3 == 0 {
			b.WriteByte('.')
		}
		b.WriteRune(r)
	}
	out := b.String()
	if frac != "" {
		out += "," + frac
	}
	if neg {
		out = "-" + out
	}
	return out
}

var testTheme = Theme{Primary: "#1f4e79", Accent: "#c8702a", Format: deNumber}

type namedChart struct {
	name  string
	chart Chart
	w, h  int
}

// samples are realistic charts in German, as the sample plans produce them.
func samples() []namedChart {
	return []namedChart{
		{"radar", Radar{
			Meta:        Meta{Heading: "Scorecard", Summary: "Zielerreichung je Perspektive: Finanzen 93 %, Kunde 108 %, Prozesse 71 %, Lernen 85 %."},
			Axes:        []string{"Finanzen", "Kunde", "Prozesse", "Lernen & Entwicklung"},
			Target:      []float64{100, 100, 100, 100},
			Actual:      []float64{93, 108, 71, 85},
			TargetLabel: "Ziel (100 %)", ActualLabel: "Ist", Unit: " %",
		}, 640, 440},
	}
}

func (n namedChart) String() string { return fmt.Sprintf("%s %dx%d", n.name, n.w, n.h) }

// degenerate are the hard cases every chart must survive readably.
func degenerate() []namedChart {
	long := "Ein sehr, sehr langer Achsenname, der niemals in den verfügbaren Platz passt und gekürzt werden muss"
	return []namedChart{
		{"radar-one-axis", Radar{Axes: []string{"Finanzen"}, Target: []float64{100}, Actual: []float64{40}, Unit: " %"}, 640, 440},
		{"radar-huge", Radar{Axes: []string{long, "b", "c", "d", "e", "f", "g"}, Target: []float64{100, 100, 100, 100, 100, 100, 100}, Actual: []float64{950, 0, 12, 100, 3, 80, 120}, Unit: " %", ActualLabel: long, TargetLabel: "Ziel"}, 640, 440},
	}
}
