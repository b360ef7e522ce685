package charts

import (
	"bytes"
	"math"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// hostile labels: markup, entities, quotes, control characters, invalid UTF-8, emoji.
var hostile = []string{
	`</text><script>alert(1)</script>`,
	`a & b`,
	`"quotes" and 'apostrophes'`,
	"tab\tnew\nline\x00nul\x1bescape",
	"bad \xff\xfe utf-8",
	"emoji 😀 and ä ö ü ß €",
	`]]><!--`,
}

// allCharts returns one chart of every kind with every string set to s.
func allCharts(s string) []Chart {
	m := Meta{Heading: s, Summary: s}
	return []Chart{
		Radar{Meta: m, Axes: []string{s, s, s}, Target: []float64{100, 100, 100}, Actual: []float64{50, 90, 120}, TargetLabel: s, ActualLabel: s, Unit: s},
		Polarity{Meta: m, Criteria: []string{s, s}, Series: []Series{{s, []float64{3, 7}}, {s, []float64{5, 5}}}},
		Quadrant{Meta: m, XTitle: s, YTitle: s, Names: [4]string{s, s, s, s}, SizeLabel: s, Points: []Point{{Label: s, X: 30, Y: 70, Size: 2}, {Label: s, X: 60, Y: 20, Highlight: true}}},
		History{Meta: m, Years: []string{s, s}, Revenue: []float64{1, 2}, Margin: []float64{0.5, 1}, Share: []float64{10, 20}, RevenueLabel: s, MarginLabel: s, ShareLabel: s, Unit: s},
		SWOTGrid{Meta: m, Titles: [4]string{s, s, s, s}, Items: [4][]string{{s}, {s, s}, {s}, {s}}},
		ValueChart{Meta: m, Years: []string{s}, Benefit: []float64{10}, Cost: []float64{4}, BenefitLabel: s, CostLabel: s, NetLabel: s},
		RelationshipMap{Meta: m, AttitudeLabels: []string{s, s}, InfluenceLabels: []string{s}, RelationshipLabels: []string{s, s, s, s, s}, XTitle: s, YTitle: s, Contacts: []Contact{{Name: s, Relationship: 3}}},
		Waterfall{Meta: m, Unit: s, Steps: []WaterfallStep{{Label: s, Value: 100, Total: true}, {Label: s, Value: 20}, {Label: s, Value: 5, Gap: true}, {Label: s, Value: 125, Total: true}}},
	}
}

func TestSVGEscapesEveryText(t *testing.T) {
	for _, s := range hostile {
		for _, c := range allCharts(s) {
			svg, err := SVG(c, Theme{FontFamily: `Evil'};x{`}, 640, 400)
			if err != nil {
				t.Fatal(err)
			}
			wellFormed(t, svg)
			if bytes.Contains(svg, []byte("<script")) || bytes.Contains(svg, []byte("<!--")) {
				t.Errorf("%T: markup from a label reached the SVG: %s", c, svg)
			}
		}
	}
	svg, _ := SVG(allCharts(hostile[0])[0], Theme{}, 640, 400)
	if !bytes.Contains(svg, []byte("&lt;/text&gt;&lt;script&gt;")) {
		t.Error("label text not kept in escaped form")
	}
}

func TestSVGRoot(t *testing.T) {
	svg, err := SVG(samples()[0].chart, Theme{FontFamily: "Source Sans 3"}, 640, 440)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`viewBox="0 0 6400 4400"`, `width="100%"`, `role="img"`, `aria-label="Zielerreichung je Perspektive`, `<title>Scorecard</title>`, `font-family:'Source Sans 3',sans-serif`} {
		if !bytes.Contains(svg, []byte(want)) {
			t.Errorf("SVG lacks %s", want)
		}
	}
	if bytes.Contains(svg, []byte(` id=`)) {
		t.Error("SVG carries ids, which clash when a document inlines several charts")
	}
}

// TestSVGStyleTraps guards go-chart's SVG traps: stroke widths truncated to integers (a
// thin line would vanish), stroked paths filled with a stale fill colour, NaN in output.
func TestSVGStyleTraps(t *testing.T) {
	width := regexp.MustCompile(`stroke-width:(\d+)`)
	path := regexp.MustCompile(`<path [^>]*>`)
	for _, s := range append(samples(), degenerate()...) {
		svg, err := SVG(s.chart, testTheme, s.w, s.h)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range width.FindAllSubmatch(svg, -1) {
			if w, _ := strconv.Atoi(string(m[1])); w != 0 && w < scale/2 {
				t.Errorf("%s: stroke width %d units is below half a pixel", s.name, w)
			}
		}
		for _, p := range path.FindAll(svg, -1) {
			ps := string(p)
			if !strings.Contains(ps, "stroke:none") && !strings.Contains(ps, "fill:none") {
				t.Errorf("%s: a stroked path is also filled: %s", s.name, ps)
				break
			}
		}
		if bytes.Contains(svg, []byte("NaN")) || bytes.Contains(svg, []byte("Inf")) {
			t.Errorf("%s: NaN or Inf in the SVG", s.name)
		}
	}
}

func TestEmpty(t *testing.T) {
	for _, c := range []Chart{Radar{}, Polarity{}, Quadrant{}, History{}, SWOTGrid{}, ValueChart{}, RelationshipMap{}, Waterfall{},
		Waterfall{Steps: []WaterfallStep{{Label: "x", Value: math.NaN()}}},
		Radar{Axes: []string{"a"}, Actual: []float64{math.NaN()}},
		Polarity{Criteria: []string{"a"}, Series: []Series{{"wir", nil}}},
		Quadrant{Points: []Point{{Label: "x", X: math.NaN(), Y: 1}}},
		History{Years: []string{"2025"}},
		SWOTGrid{Items: [4][]string{{" "}}},
		RelationshipMap{AttitudeLabels: []string{"a"}, InfluenceLabels: []string{"b"}},
	} {
		if !c.Empty() {
			t.Errorf("%#v: want Empty", c)
		}
		svg, err := SVG(c, Theme{}, 400, 300)
		if err != nil {
			t.Errorf("%T: empty chart: %v", c, err)
		}
		wellFormed(t, svg)
	}
	for _, s := range samples() {
		if s.chart.Empty() {
			t.Errorf("%s: sample reports Empty", s.name)
		}
	}
}

func TestTicks(t *testing.T) {
	for _, tc := range []struct{ lo, hi float64 }{
		{5, 5}, {0, 0}, {-3, -3}, {1e-12, 1e-12}, {0, 1e15}, {-1e13, 1e13}, {0.001, 0.002},
		{0, 100}, {0, 10}, {math.NaN(), 3}, {math.Inf(1), 0}, {7, -7}, {1e300, 1e300},
	} {
		tk := ticks(tc.lo, tc.hi, 5)
		if len(tk) < 2 || len(tk) > 12 {
			t.Errorf("ticks(%g, %g) = %d ticks %v", tc.lo, tc.hi, len(tk), tk)
			continue
		}
		lo, hi := tc.lo, tc.hi
		if finite(lo) && finite(hi) && lo <= hi && (tk[0] > lo || tk[len(tk)-1] < hi) {
			t.Errorf("ticks(%g, %g) = %v do not cover the range", lo, hi, tk)
		}
	}
	if got := ticks(0, 100, 5); len(got) != 6 || got[5] != 100 {
		t.Errorf("ticks(0, 100) = %v", got)
	}
}

func TestPlainNumber(t *testing.T) {
	for v, want := range map[float64]string{0: "0", 1850000: "1850000", 0.30000000000000004: "0.3", -2.5: "-2.5", 1e25: "1e+25", math.Copysign(0, -1): "0"} {
		if got := plainNumber(v); got != want {
			t.Errorf("plainNumber(%g) = %q, want %q", v, got, want)
		}
	}
}

func TestFit(t *testing.T) {
	st, _ := Theme{}.resolve()
	c := &canvas{r: newMeasureRenderer(st), w: 640, h: 400, st: st}
	f := tstyle{size: 12}
	long := strings.Repeat("Kundenattraktivität ", 10)
	got := c.fit(long, f, 100)
	if !strings.HasSuffix(got, "…") || c.measure(got, f) > 100 {
		t.Errorf("fit = %q (%.1f px)", got, c.measure(got, f))
	}
	if got := c.fit("kurz", f, 100); got != "kurz" {
		t.Errorf("fit shortened a short text: %q", got)
	}
	if got := c.fit("Wort", f, 1); got != "" {
		t.Errorf("fit into 1 px = %q", got)
	}
	lines := c.wrap(long, f, 150, 2)
	if len(lines) != 2 || !strings.HasSuffix(lines[1], "…") {
		t.Errorf("wrap = %q", lines)
	}
}

func TestSVGClassNamesEscaped(t *testing.T) {
	st, _ := Theme{}.resolve()
	r := newMeasureRenderer(st)
	r.SetClassName(`x" onload="alert(1)`)
	r.SetStrokeColor(st.primary)
	r.MoveTo(0, 0)
	r.LineTo(10, 10)
	r.Stroke()
	var b bytes.Buffer
	if err := r.Save(&b); err != nil {
		t.Fatal(err)
	}
	wellFormed(t, b.Bytes())
	if bytes.Contains(b.Bytes(), []byte(`" onload=`)) {
		t.Errorf("class name not escaped: %s", b.Bytes())
	}
}

func TestBadInput(t *testing.T) {
	var q *Quadrant
	if _, err := SVG(q, Theme{}, 640, 400); err == nil {
		t.Error("nil chart accepted")
	}
	if _, err := SVG(nil, Theme{}, 640, 400); err == nil {
		t.Error("nil interface accepted")
	}
	for _, wh := range [][2]int{{0, 100}, {100, -1}, {1 << 30, 100}} {
		if _, err := SVG(Radar{}, Theme{}, wh[0], wh[1]); err == nil {
			t.Errorf("size %v accepted", wh)
		}
	}
	if _, err := SVG(Radar{}, Theme{Regular: []byte("not a font")}, 640, 400); err == nil {
		t.Error("bad font bytes accepted")
	}
	// A pointer to a chart is a chart too.
	if _, err := SVG(&Radar{Axes: []string{"a"}, Actual: []float64{1}}, Theme{}, 640, 400); err != nil {
		t.Error(err)
	}
}

// Same bytes for regular and bold must not turn every SVG text bold.
func TestSameFontBytes(t *testing.T) {
	st, err := Theme{Regular: goregularBytes(), Bold: goregularBytes()}.resolve()
	if err != nil {
		t.Fatal(err)
	}
	if st.bold == st.regular {
		t.Error("bold and regular share one font value")
	}
}
