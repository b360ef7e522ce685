package charts

import (
	"bytes"
	"encoding/binary"
	"math"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/wcharczuk/go-chart/v2/drawing"
)

// The SVG backend writes its markup itself, for speed; go-chart's SVG renderer (kept as
// refSVG in svgref_test.go) defines the bytes. These tests hold both to the same output.

var diffThemes = []Theme{
	testTheme,
	{},
	{FontFamily: `Evil'};x{"<&>`, Primary: "#abc", Accent: "zzz"},
	{Regular: goregularBytes(), Bold: goregularBytes(), Format: deNumber},
	{FontFamily: "Bad \xff\xfe <Font> & \"Co\"\x00\t\u0085ä"},
}

func sameSVG(t *testing.T, name string, c Chart, th Theme, w, h int) {
	t.Helper()
	want, werr := refSVG(c, th, w, h)
	got, gerr := SVG(c, th, w, h)
	if (werr == nil) != (gerr == nil) || (werr != nil && werr.Error() != gerr.Error()) {
		t.Fatalf("%s: error %v, reference %v", name, gerr, werr)
	}
	if !bytes.Equal(got, want) {
		i := 0
		for i < len(got) && i < len(want) && got[i] == want[i] {
			i++
		}
		lo := max(0, i-120)
		t.Fatalf("%s (%T): output differs from the reference at byte %d:\n got  %q\n want %q",
			name, c, i, got[lo:min(len(got), i+120)], want[lo:min(len(want), i+120)])
	}
}

func TestSVGMatchesReference(t *testing.T) {
	for _, th := range diffThemes {
		for _, s := range append(samples(), degenerate()...) {
			sameSVG(t, s.name, s.chart, th, s.w, s.h)
		}
		for _, s := range hostile {
			for _, c := range allCharts(s) {
				sameSVG(t, "hostile", c, th, 640, 400)
			}
		}
	}
	sameSVG(t, "too small", Radar{}, Theme{}, 10, 400)
	sameSVG(t, "nil", nil, Theme{}, 640, 400)
	sameSVG(t, "bad font", Radar{}, Theme{Regular: []byte("x")}, 640, 400)
	n := 12
	if testing.Short() {
		n = 3
	}
	for i := 0; i < n; i++ {
		diffRandom(t, uint64(i), 7, "Zufall <ä> & \"ß\" €")
	}
}

func diffRandom(t *testing.T, seed1, seed2 uint64, label string) {
	g := gen{r: rand.New(rand.NewPCG(seed1, seed2)), label: label}
	w := 50 + g.r.IntN(950)
	h := 50 + g.r.IntN(750)
	th := diffThemes[g.r.IntN(len(diffThemes))]
	for _, c := range g.charts() {
		sameSVG(t, "random", c, th, w, h)
	}
}

func FuzzSVGMatchesReference(f *testing.F) {
	f.Add(uint64(1), uint64(2), "label")
	f.Add(uint64(7), uint64(0), `</text><script>alert(1)</script>`)
	f.Add(uint64(99), uint64(3), "a & b \"quotes\" 😀 \xff\x00\t")
	f.Fuzz(diffRandom)
}

// FuzzRendererOps drives both renderers through the go-chart Renderer interface with any
// sequence of calls and arguments, including those the charts never make (class names,
// arcs, curves, odd widths and angles), and compares the markup and the measurements.
func FuzzRendererOps(f *testing.F) {
	f.Add([]byte("\x00\x01\x02\x03\x04\x05\x06\x07\x08\x09\x0a\x0b\x0c\x0d\x0e\x0f\x10\x11\x12\x13\x14\x15\x16\x17"))
	f.Add(bytes.Repeat([]byte{0x05, 0x80, 0x13, 0x07, 0xff, 0x0d, 0x22, 0x09}, 16))
	f.Fuzz(func(t *testing.T, ops []byte) { diffOps(t, ops) })
}

func TestRendererOps(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	n := 400
	if testing.Short() {
		n = 50
	}
	for i := 0; i < n; i++ {
		ops := make([]byte, r.IntN(300))
		for j := range ops {
			ops[j] = byte(r.UintN(256))
		}
		diffOps(t, ops)
	}
}

func diffOps(t *testing.T, ops []byte) {
	st, err := Theme{}.resolve()
	if err != nil {
		t.Fatal(err)
	}
	ref := newRefRenderer(st, 100, 100)
	got := newSVGRenderer(st, nil)
	next := func() uint64 {
		var b [8]byte
		n := copy(b[:], ops)
		ops = ops[n:]
		return binary.LittleEndian.Uint64(b[:])
	}
	num := func() float64 {
		v := next()
		switch v % 8 {
		case 0:
			return math.Float64frombits(v)
		case 1:
			return float64(int64(v)>>40) / 7
		case 2:
			return float64(int8(v >> 8))
		case 3:
			return []float64{0, math.Copysign(0, -1), math.NaN(), math.Inf(1), math.Inf(-1), 0.5, 0.05, 0.95, 1e300, -1e-300}[v>>8%10]
		}
		return float64(int32(v>>16)) / 1000
	}
	integer := func() int {
		v := next()
		if v%4 == 0 {
			return int(int64(v))
		}
		return int(int16(v >> 8))
	}
	color := func() drawing.Color {
		v := next()
		if v%5 == 0 {
			return drawing.Color{}
		}
		return drawing.Color{R: uint8(v >> 8), G: uint8(v >> 16), B: uint8(v >> 24), A: uint8(v >> 32)}
	}
	str := func() string {
		n := int(next() % 12)
		if n > len(ops) {
			n = len(ops)
		}
		s := string(ops[:n])
		ops = ops[n:]
		return s
	}
	for len(ops) > 0 {
		op := ops[0]
		ops = ops[1:]
		switch op % 25 {
		case 0:
			ref.ResetStyle()
			got.ResetStyle()
		case 1:
			c := color()
			ref.SetStrokeColor(c)
			got.SetStrokeColor(c)
		case 2:
			c := color()
			ref.SetFillColor(c)
			got.SetFillColor(c)
		case 3:
			c := color()
			ref.SetFontColor(c)
			got.SetFontColor(c)
		case 4:
			v := num()
			ref.SetStrokeWidth(v)
			got.SetStrokeWidth(v)
		case 5:
			v := num()
			ref.SetFontSize(v)
			got.SetFontSize(v)
		case 6:
			var d []float64
			for i := int(next() % 4); i > 0; i-- {
				d = append(d, num())
			}
			ref.SetStrokeDashArray(d)
			got.SetStrokeDashArray(d)
		case 7:
			x, y := integer(), integer()
			ref.MoveTo(x, y)
			got.MoveTo(x, y)
		case 8, 9:
			x, y := integer(), integer()
			ref.LineTo(x, y)
			got.LineTo(x, y)
		case 10:
			a, b, c, d := integer(), integer(), integer(), integer()
			ref.QuadCurveTo(a, b, c, d)
			got.QuadCurveTo(a, b, c, d)
		case 11:
			cx, cy, rx, ry, s, d := integer(), integer(), num(), num(), num(), num()
			ref.ArcTo(cx, cy, rx, ry, s, d)
			got.ArcTo(cx, cy, rx, ry, s, d)
		case 12:
			ref.Close()
			got.Close()
		case 13:
			ref.Stroke()
			got.Stroke()
		case 14:
			ref.Fill()
			got.Fill()
		case 15:
			ref.FillStroke()
			got.FillStroke()
		case 16:
			r, x, y := num(), integer(), integer()
			ref.Circle(r, x, y)
			got.Circle(r, x, y)
		case 17:
			f := st.regular
			if next()%2 == 0 {
				f = st.bold
			}
			ref.SetFont(f)
			got.SetFont(f)
		case 18, 19:
			s, x, y := str(), integer(), integer()
			ref.Text(s, x, y)
			got.Text(s, x, y)
		case 20:
			a := num()
			ref.SetTextRotation(a)
			got.SetTextRotation(a)
		case 21:
			ref.ClearTextRotation()
			got.ClearTextRotation()
		case 22:
			s := str()
			ref.SetClassName(s)
			got.SetClassName(s)
		case 24:
			v := num()
			ref.SetDPI(v)
			got.SetDPI(v)
		case 23:
			s := str()
			if a, b := ref.MeasureText(s), got.MeasureText(s); a != b {
				t.Fatalf("MeasureText(%q) = %v, reference %v", s, b, a)
			}
		}
	}
	var want, have bytes.Buffer
	if err := ref.Save(&want); err != nil {
		t.Fatal(err)
	}
	if err := got.Save(&have); err != nil {
		t.Fatal(err)
	}
	w := want.Bytes()
	w = w[bytes.IndexByte(w, '>')+1:]
	if !bytes.Equal(have.Bytes(), w) {
		t.Fatalf("markup differs:\n got  %q\n want %q", have.Bytes(), w)
	}
}

// BenchmarkSamplesSVGRef is BenchmarkSamplesSVG on the reference path, for comparing the
// two under the same load.
func BenchmarkSamplesSVGRef(b *testing.B) {
	for b.Loop() {
		for _, s := range samples() {
			if _, err := refSVG(s.chart, testTheme, s.w, s.h); err != nil {
				b.Fatal(err)
			}
		}
	}
}

func FuzzClean(f *testing.F) {
	for _, s := range hostile {
		f.Add(s)
	}
	f.Add("\u0085 \u009f \ufffe \uffff \ufffd \u2028 \x7f")
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := clean(s), sanitize(s); got != want {
			t.Fatalf("clean(%q) = %q, sanitize %q", s, got, want)
		}
	})
}

func FuzzCSSFamily(f *testing.F) {
	for _, s := range append(hostile, "Go", "Source Sans 3", `Evil'};x{`, "a\\b") {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := string(appendCSSFamily(nil, s)), refEscape(refCSSFamily(s)); got != want {
			t.Fatalf("appendCSSFamily(%q) = %q, want %q", s, got, want)
		}
		if got, want := string(appendEscaped(nil, s)), refEscape(s); got != want {
			t.Fatalf("appendEscaped(%q) = %q, want %q", s, got, want)
		}
	})
}

func FuzzFitWrap(f *testing.F) {
	for _, s := range hostile {
		f.Add(s, 100.0, 2, false)
	}
	f.Add("Ein sehr, sehr langer Name, der niemals passt", 80.0, 2, true)
	f.Add("  Donaudampfschifffahrtsgesellschaftskapitän  und   so \t weiter ", 40.0, 3, false)
	f.Add("a b c d e f g h i j k l m n o p q r s t u v w x y z", 5.0, 0, false)
	f.Add("\u00a0non\u2003breaking\u3000spaces\u0085and\v\fmore\u200b ", 30.0, 2, false)
	f.Add(strings.Repeat("Wort ", 100), 200.0, 3, true)
	st, err := Theme{}.resolve()
	if err != nil {
		f.Fatal(err)
	}
	c := &canvas{r: newMeasureRenderer(st), w: 640, h: 400, st: st}
	f.Fuzz(func(t *testing.T, s string, max float64, lines int, bold bool) {
		font := tstyle{size: 11, bold: bold}
		if got, want := c.fit(s, font, max), refFit(c, s, font, max); got != want {
			t.Fatalf("fit(%q, %g) = %q, reference %q", s, max, got, want)
		}
		got, want := c.wrap(s, font, max, lines), refWrap(c, s, font, max, lines)
		if len(got) != len(want) {
			t.Fatalf("wrap(%q, %g, %d) = %q, reference %q", s, max, lines, got, want)
		}
		for i := range got {
			if got[i] != want[i] {
				t.Fatalf("wrap(%q, %g, %d) = %q, reference %q", s, max, lines, got, want)
			}
		}
	})
}
