package charts

import (
	"math"
	"strconv"
	"strings"
	"testing"

	"github.com/kepdev/kep/render/fonts"
	"github.com/kepdev/kep/render/hyph"
	"github.com/kepdev/kep/render/theme"
	"github.com/wcharczuk/go-chart/v2/drawing"
)

// TestSeriesColours: the series colours are told apart in normal, protanopic and
// deuteranopic vision (ΔE*ab ≥ 25 among the first four, "us" and three competitors, the
// usual profile; ≥ 15 among six, where marker and dash tell them apart too), for the
// default brand, the samples' brand and brands whose accent is no help (a red-green pair,
// the accent equal to the primary, a yellow and a cyan); the primary stays "us", and the
// accent the first comparison where it stands apart from it.
func TestSeriesColours(t *testing.T) {
	for _, b := range [][2]string{
		{theme.DefaultPrimary.Hex(), theme.DefaultAccent.Hex()}, {"#1f4e79", "#e07b00"},
		{"#c00000", "#2e8b57"}, {"#1f4e79", "#1f4e79"}, {"#ffee00", "#00ffee"},
	} {
		st, err := Theme{Primary: b[0], Accent: b[1]}.resolve()
		if err != nil {
			t.Fatal(err)
		}
		if st.series(0) != st.primary {
			t.Errorf("%v: 'us' is not the primary", b)
		}
		if cvdDistance(st.primary, st.accent) >= apart && st.series(1) != st.accent {
			t.Errorf("%v: the accent is not the first comparison", b)
		}
		for i := 0; i < 6; i++ {
			for j := i + 1; j < 6; j++ {
				min := 15.0
				if j < 4 {
					min = 25
				}
				if d := cvdDistance(st.series(i), st.series(j)); d < min {
					t.Errorf("%v: series %d and %d only %.1f apart", b, i, j, d)
				}
			}
		}
	}
}

// TestReadable: a label in a series' colour reads on white (contrast ≥ 4.5:1).
func TestReadable(t *testing.T) {
	st, _ := Theme{Primary: "#ffee00", Accent: "#00ffee"}.resolve()
	for i := 0; i < 8; i++ {
		c := st.readable(st.series(i))
		if r := 1.05 / (luminance(c) + 0.05); r < 4.5 {
			t.Errorf("series %d: label contrast %.2f", i, r)
		}
	}
	if c := (drawing.Color{R: 0x1f, G: 0x4e, B: 0x79, A: 255}); st.readable(c) != c {
		t.Error("a dark colour was changed")
	}
}

// TestPolarityDirectLabels: each series' name stands beside its line, not only in the
// legend.
func TestPolarityDirectLabels(t *testing.T) {
	for _, s := range samples() {
		p, ok := s.chart.(Polarity)
		if !ok {
			continue
		}
		count := map[string]int{}
		for _, b := range layout(t, s) {
			count[b.text]++
		}
		for _, ser := range p.Series {
			if count[ser.Name] < 2 {
				t.Errorf("%s: %q is named %d times", s.name, ser.Name, count[ser.Name])
			}
		}
		return
	}
	t.Fatal("no polarity sample")
}

// TestWrapHyphenates: a word wider than its line is hyphenated before it is shortened;
// a name never is.
func TestWrapHyphenates(t *testing.T) {
	th := testTheme
	th.Hyphenate = hyph.For("de").Points
	st, _ := th.resolve()
	c := &canvas{r: newMeasureRenderer(st), w: 640, h: 400, st: st}
	f := tstyle{size: 11}
	max := c.measure("Unterstützer", f) - 4
	got := c.wrap("Unterstützer", f, max, 2)
	if len(got) != 2 || !strings.HasSuffix(got[0], "-") || strings.TrimSuffix(got[0], "-")+got[1] != "Unterstützer" {
		t.Errorf("wrap = %q", got)
	}
	if !c.fits("Unterstützer", f, max, 2) || c.fits("Unterstützer", f, max, 1) {
		t.Error("fits is wrong")
	}
	f.name = true
	if got := c.wrap("Zimmermann", f, c.measure("Zimmermann", f)-4, 2); len(got) != 1 || !strings.HasSuffix(got[0], ellipsis) {
		t.Errorf("a name was hyphenated: %q", got)
	}
}

// TestPaybackMarker: the value chart marks the payback point with a diamond on the zero
// line and its label.
func TestPaybackMarker(t *testing.T) {
	b, c := Cumulative(3, 180000, 48000, 200000)
	v := ValueChart{Years: []string{"Jahr 1", "Jahr 2", "Jahr 3"}, Benefit: b, Cost: c,
		BenefitLabel: "Nutzen", CostLabel: "Kosten", NetLabel: "Netto", PaybackLabel: "Amortisation nach 18 Monaten"}
	svg, err := SVG(v, testTheme, 640, 400)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(svg), "Amortisation nach 18 Monaten") {
		t.Error("no payback label")
	}
	v.PaybackLabel = ""
	without, _ := SVG(v, testTheme, 640, 400)
	if strings.Count(string(svg), "<path") <= strings.Count(string(without), "<path")+1 {
		t.Error("no payback line and diamond")
	}
}

// TestMoneyAxis: a money axis states its unit once, in the language's words, and its
// ticks in that unit, never rounded; small amounts and formats without units keep the
// currency on every tick.
func TestMoneyAxis(t *testing.T) {
	de := func(v float64) string { // as render.Format.MoneyCompact in German
		switch a := math.Abs(v); {
		case a >= 1e6:
			return deNumber(v/1e6) + "\u00a0Mio.\u00a0€"
		case a >= 1e4:
			return deNumber(v/1e3) + "\u00a0Tsd.\u00a0€"
		}
		return deNumber(v) + "\u00a0€"
	}
	en := func(v float64) string {
		if math.Abs(v) >= 1e4 {
			return "€" + strconv.FormatFloat(v/1e3, 'f', -1, 64) + "k"
		}
		return "€" + strconv.FormatFloat(v, 'f', -1, 64)
	}
	for _, c := range []struct {
		money func(float64) string
		ticks []float64
		want  string
		unit  string
	}{
		{de, []float64{0, 500000, 1000000, 1500000, 2000000, 2500000}, "0|0,5|1|1,5|2|2,5", "Mio.\u00a0€"},
		{de, []float64{0, 250000, 500000, 750000, 1000000}, "0|250|500|750|1.000", "Tsd.\u00a0€"},
		{de, []float64{0, 2000, 4000, 6000}, "0\u00a0€|2.000\u00a0€|4.000\u00a0€|6.000\u00a0€", ""},
		{en, []float64{-20000, 0, 20000, 40000}, "-20|0|20|40", "€k"},
		{nil, []float64{0, 500000, 1000000}, "0|500.000|1.000.000", ""},
	} {
		th := testTheme
		th.Money = c.money
		st, _ := th.resolve()
		labels, unit := st.moneyAxis(c.ticks)
		if got := strings.Join(labels, "|"); got != c.want || unit != c.unit {
			t.Errorf("%v: %q under %q, want %q under %q", c.ticks, got, unit, c.want, c.unit)
		}
	}
}

// TestLongNamesSmallHyphenated: the charts with long names, hyphenated in German and also
// at six tenths of their size (a slide's or the one-pager's chart), keep every text
// inside the chart and apart from the others, and shorten no word that hyphenation
// could break (the attitude "Unterstützer" of a narrow relationship map).
func TestLongNamesSmallHyphenated(t *testing.T) {
	th := testTheme
	th.Hyphenate = hyph.For("de").Points
	st, err := th.resolve()
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range longNames() {
		for _, k := range []float64{1, 0.6} {
			w, h := float64(s.w)*k, float64(s.h)*k
			rec := &recorder{svgRenderer: newMeasureRenderer(st)}
			s.chart.draw(&canvas{r: rec, w: w, h: h, st: st})
			frame := box{-scale, -scale, (w + 1) * scale, (h + 1) * scale}
			for i, a := range rec.boxes {
				if !a.inside(frame) {
					t.Errorf("%s at %g: text %q at %v leaves the chart", s.name, k, a.text, a.box)
				}
				if s.name == "relationship-long" && strings.HasPrefix(a.text, "Unterst") && strings.HasSuffix(a.text, ellipsis) {
					t.Errorf("%s at %g: %q shortened, not hyphenated", s.name, k, a.text)
				}
				for _, b := range rec.boxes[i+1:] {
					in := box{a.x0 + scale, a.y0 + scale, a.x1 - scale, a.y1 - scale}
					if in.overlaps(b.box) {
						t.Errorf("%s at %g: %q and %q overlap", s.name, k, a.text, b.text)
					}
				}
			}
		}
	}
}

// TestWrapHyphenatedProperties: wrapping with hyphenation never gives a line wider than
// asked (where "…" itself fits), never more lines than asked, and, where it reports
// nothing cut, loses no letter.
func TestWrapHyphenatedProperties(t *testing.T) {
	th := testTheme
	th.Hyphenate = hyph.For("de").Points
	st, _ := th.resolve()
	c := &canvas{r: newMeasureRenderer(st), w: 640, h: 400, st: st}
	texts := []string{"Instandhaltungsplanungsverantwortlicher", "Unterstützer", "Fürsprecher",
		"Technische Beratung und Auslegung", "Hochpräzisions-Planetengetriebe für Werkzeugmaschinenhauptspindeln",
		"Lernen und Entwicklung: Mitarbeitende qualifizieren", "Donaudampfschifffahrtsgesellschaftskapitän und so weiter"}
	squash := func(s string) string { return strings.NewReplacer(" ", "", "-", "").Replace(s) }
	for _, s := range texts {
		for _, name := range []bool{false, true} {
			f := tstyle{size: 11, name: name}
			for max := 20.0; max <= 260; max += 7 {
				for lines := 1; lines <= 4; lines++ {
					got, cut := c.wrapCut(s, f, max, lines)
					if len(got) > lines {
						t.Errorf("%q at %g in %d lines: %d lines", s, max, lines, len(got))
					}
					for _, l := range got {
						if w := c.measure(l, f); w > max+0.01 && c.measure(ellipsis, f) <= max {
							t.Errorf("%q at %g: line %q is %g wide", s, max, l, w)
						}
					}
					if !cut && squash(strings.Join(got, "")) != squash(s) {
						t.Errorf("%q at %g in %d lines: %q lost text without saying so", s, max, lines, got)
					}
				}
			}
		}
	}
}

// docTheme is the theme the documents give the charts of docCharts: the reading face,
// the plan's language's hyphenation and numbers.
func docTheme(name string) Theme {
	th := Theme{Primary: "#1f4e79", Accent: "#e07b00", FontFamily: "Noto Sans",
		Regular: fonts.Regular(), Bold: fonts.Bold(), Format: deNumber, Hyphenate: hyph.For("de").Points}
	if strings.HasPrefix(name, "brightwater") {
		th.Format = func(v float64) string { return strconv.FormatFloat(math.Round(v*10)/10, 'f', -1, 64) }
		th.Money = func(v float64) string {
			if math.Abs(v) >= 1e4 {
				return "€" + strconv.FormatFloat(v/1e3, 'f', -1, 64) + "k"
			}
			return "€" + strconv.FormatFloat(v, 'f', -1, 64)
		}
		th.Hyphenate = hyph.For("en").Points
	}
	return th
}

// docDrawing draws a chart of docCharts and records its texts and shapes.
func docDrawing(t *testing.T, s docChart) (*recorder, *style) {
	t.Helper()
	st, err := docTheme(s.name).resolve()
	if err != nil {
		t.Fatal(err)
	}
	rec := &recorder{svgRenderer: newMeasureRenderer(st)}
	s.chart.draw(&canvas{r: rec, w: s.w, h: s.h, st: st})
	return rec, st
}

// TestDocChartsReadable: the sample plans' charts, at the sizes of the PDF, the slides and
// the one-pager, shorten no label with "…", keep every text inside the chart and no two
// texts on each other; even the one-pager's Hansa bubble (a quarter-page plot, where
// "Werkzeugmaschinen" alone is wider than a field: its name stands above the plot) and a
// slide's relationship cell with two contacts ("Zimmermann" is wider than the room beside
// a mark in a fifth of the map: the name runs on under the mark).
func TestDocChartsReadable(t *testing.T) {
	for _, s := range docCharts() {
		rec, _ := docDrawing(t, s)
		frame := box{-scale, -scale, (s.w + 1) * scale, (s.h + 1) * scale}
		for i, a := range rec.boxes {
			if strings.Contains(a.text, ellipsis) {
				t.Errorf("%s: %q is shortened", s.name, a.text)
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
}

// TestRadarDirectLabels: the radar names each series once, beside its ring and clear of
// every other text, the rings and the points, and then needs no legend.
func TestRadarDirectLabels(t *testing.T) {
	var radars []docChart
	for _, s := range samples() {
		if _, ok := s.chart.(Radar); ok {
			radars = append(radars, docChart{"test-" + s.name, s.chart, float64(s.w), float64(s.h)})
		}
	}
	for _, s := range docCharts() {
		if _, ok := s.chart.(Radar); ok {
			radars = append(radars, s)
		}
	}
	if len(radars) < 3 {
		t.Fatal("too few radars")
	}
	for _, s := range radars {
		r := s.chart.(Radar)
		rec, st := docDrawing(t, s)
		for _, name := range []string{r.TargetLabel, r.ActualLabel} {
			var at []box
			for _, b := range rec.boxes {
				if b.text == name {
					at = append(at, b.box)
				}
			}
			if len(at) != 1 {
				t.Errorf("%s: %q is named %d times", s.name, name, len(at))
				continue
			}
			for _, b := range rec.boxes {
				if b.text != name && b.overlaps(at[0]) {
					t.Errorf("%s: %q stands on %q", s.name, name, b.text)
				}
			}
			for _, l := range rec.strokes {
				if (l.col == st.primary || l.col == st.accent) && l.crosses(at[0]) {
					t.Errorf("%s: %q stands on a ring", s.name, name)
					break
				}
			}
		}
	}
}

// TestValueNetClear: the value chart's net line is named with its last value where
// neither stands on a bar or a line (Brightwater's "Net value over 5 years €272.5k" stood
// on the fifth year's bar).
func TestValueNetClear(t *testing.T) {
	n := 0
	for _, s := range docCharts() {
		v, ok := s.chart.(ValueChart)
		if !ok {
			continue
		}
		n++
		rec, st := docDrawing(t, s)
		last := at(v.Benefit, len(v.Years)-1) - at(v.Cost, len(v.Years)-1)
		value := st.money(last)
		found := false
		for _, b := range rec.boxes {
			if b.text != value && (b.text == v.NetLabel || !strings.Contains(v.NetLabel, b.text)) {
				continue
			}
			found = found || b.text == value
			for _, f := range rec.fills {
				if f.overlaps(b.box) {
					t.Errorf("%s: %q stands on a bar", s.name, b.text)
				}
			}
			for _, l := range rec.strokes {
				if l.crosses(b.box) {
					t.Errorf("%s: %q stands on a line", s.name, b.text)
					break
				}
			}
		}
		if !found {
			t.Errorf("%s: the last net value %q is not shown", s.name, value)
		}
	}
	if n < 3 {
		t.Fatal("too few value charts")
	}
}

// TestQuadrantNamesOffDividers: a bubble's name stands clear of the lines that divide the
// fields (the portfolio's "Brightwater Foods B.V." crossed the vertical one; the PDF's
// flat summary portfolio's Hansa, with 90 px right of the divider for
// "Werkzeugmaschinen AG" and its arrow from 2026 on the left, now has its name on three
// lines beside the bubble; the one-pager's quarter-page plot above the plot).
func TestQuadrantNamesOffDividers(t *testing.T) {
	n := 0
	for _, s := range docCharts() {
		q, ok := s.chart.(Quadrant)
		if !ok {
			continue
		}
		n++
		rec, st := docDrawing(t, s)
		for _, b := range rec.boxes {
			named := false
			for _, p := range q.Points {
				named = named || (b.text != "" && strings.Contains(p.Label, b.text))
			}
			if !named {
				continue
			}
			for _, l := range rec.strokes {
				if l.col == st.axis && l.crosses(b.box) {
					t.Errorf("%s: %q crosses a divider", s.name, b.text)
					break
				}
			}
		}
	}
	if n < 4 {
		t.Fatal("too few quadrants")
	}
}

// TestDocPolarityDirectLabels: on the sample plans' profiles every series is named beside
// its line (whole, or wrapped: its first line) as well as in the legend; on Brightwater's
// slide, where the lines leave "Vandermolen Aandrijvingen B.V." no room beside a point,
// in the profile's empty half with a leader line.
func TestDocPolarityDirectLabels(t *testing.T) {
	for _, s := range docCharts() {
		p, ok := s.chart.(Polarity)
		if !ok {
			continue
		}
		rec, _ := docDrawing(t, s)
		for _, ser := range p.Series {
			n := 0
			for _, b := range rec.boxes {
				if b.text == ser.Name || (strings.Contains(ser.Name, " ") && strings.HasPrefix(ser.Name, b.text+" ")) {
					n++
				}
			}
			if n < 2 {
				t.Errorf("%s: %q is named only in the legend", s.name, ser.Name)
			}
		}
	}
}
