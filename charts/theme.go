package charts

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/kepdev/kep/render/fonts"
	"github.com/kepdev/kep/render/theme"
	"unicode"
	"unicode/utf8"

	"github.com/golang/freetype/truetype"
	"github.com/wcharczuk/go-chart/v2/drawing"
	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/gofont/goregular"
)

// Theme carries the brand and the document's conventions into a chart. The zero value is
// usable: calm default colours, the Go fonts and plain number formatting.
type Theme struct {
	// Primary and Accent are "#rrggbb" brand colours. "Us" is drawn in Primary, the first
	// comparison in Accent; further series get calm colours derived from both.
	Primary, Accent string
	// FontFamily names the font in both backends: the PDF writer registers its embedded
	// font under this name (styles "" and "B"), the SVG names it in font-family and the
	// HTML provides it with @font-face. Default "Go".
	FontFamily string
	// Regular and Bold are the TrueType bytes of that family, used to measure text for the
	// SVG layout; the Go fonts when nil.
	Regular, Bold []byte
	// Format formats numbers (ticks, value labels) in the document's language; Money
	// formats amounts with their currency (the money axes of History and ValueChart).
	// Give both writers the same (render.Document.ChartTheme), so that a chart reads the
	// same in the PDF and the HTML.
	Format, Money func(float64) string
	// Hyphenate returns the byte offsets in word before which a hyphen may be set
	// (hyph.Hyphenator.Points of the document's language): a word wider than its label's
	// line is hyphenated before it is shortened. Nil: words are not hyphenated.
	Hyphenate func(word string) []int
	// Clean replaces runes the PDF font cannot draw; applied to every string handed to fpdf
	// (fpdf panics on runes above U+FFFF). Default: such runes become '?'.
	Clean func(string) string
}

// style is a Theme resolved for drawing: parsed colours and fonts, defaults filled in.
type style struct {
	family        string
	regular, bold *truetype.Font
	format, money func(float64) string
	clean         func(string) string

	primary, accent drawing.Color
	ink, muted      drawing.Color   // text, secondary text
	grid, axis      drawing.Color   // thin grid lines, axis lines
	paper           drawing.Color   // background of panels
	palette         []drawing.Color // the series colours (series)

	hyphenate func(word string) []int
}

const defaultFamily = "Go"

func (t Theme) resolve() (*style, error) {
	s := &style{family: t.FontFamily, format: t.Format, clean: t.Clean}
	if s.family == "" {
		s.family = defaultFamily
	}
	if s.format == nil {
		s.format = plainNumber
	}
	s.money = t.Money
	if s.money == nil {
		s.money = s.format
	}
	if s.clean == nil {
		s.clean = dropAstral
	}
	var err error
	if s.regular, err = parseFont(t.Regular, goregular.TTF, false); err != nil {
		return nil, fmt.Errorf("regular font: %w", err)
	}
	if s.bold, err = parseFont(t.Bold, gobold.TTF, false); err != nil {
		return nil, fmt.Errorf("bold font: %w", err)
	}
	if s.bold == s.regular {
		// The same bytes for both: bold is told apart by the font's identity, so it needs
		// a parse of its own.
		if s.bold, err = parseFont(t.Bold, gobold.TTF, true); err != nil {
			return nil, fmt.Errorf("bold font: %w", err)
		}
	}
	s.primary = opaque(theme.ParseOr(t.Primary, theme.DefaultPrimary))
	s.accent = opaque(theme.ParseOr(t.Accent, theme.DefaultAccent))
	s.ink = drawing.Color{R: 0x2f, G: 0x35, B: 0x3d, A: 255}
	s.muted = drawing.Color{R: 0x6b, G: 0x72, B: 0x80, A: 255}
	s.grid = drawing.Color{R: 0xe3, G: 0xe6, B: 0xea, A: 255}
	s.axis = drawing.Color{R: 0xa3, G: 0xaa, B: 0xb4, A: 255}
	s.paper = mix(s.primary, white, 0.95)
	s.palette = palettes.get(s.primary, s.accent)
	s.hyphenate = t.Hyphenate
	return s, nil
}

// series returns the colour of the i-th data series: the brand's primary for the first
// ("us"), then the accent and the Okabe–Ito colours in the order that keeps each as far as
// possible from those before it, for normal, protanopic and deuteranopic vision alike
// (seriesColours). Colour is never the only cue: the series also differ in marker shape
// and dash pattern.
func (s *style) series(i int) drawing.Color {
	return s.palette[i%len(s.palette)]
}

// okabeIto is the colour-blind-safe palette of Okabe and Ito (2008), without its yellow,
// too light for a line on white, and its black, the text colour.
var okabeIto = []drawing.Color{
	{R: 0x00, G: 0x72, B: 0xB2, A: 255}, // blue
	{R: 0xE6, G: 0x9F, B: 0x00, A: 255}, // orange
	{R: 0x00, G: 0x9E, B: 0x73, A: 255}, // bluish green
	{R: 0xCC, G: 0x79, B: 0xA7, A: 255}, // reddish purple
	{R: 0xD5, G: 0x5E, B: 0x00, A: 255}, // vermillion
	{R: 0x56, G: 0xB4, B: 0xE9, A: 255}, // sky blue
}

// apart is the smallest colour difference (CIE ΔE*ab, in the worst of normal, protanopic
// and deuteranopic vision) at which two series count as told apart by colour.
const apart = 30

// palettes remembers the series colours per brand: every chart of every document
// resolves its theme, and choosing the colours simulates colour-blind vision for each
// pair of candidates (about 1 % of a render's CPU when done per chart). A run has one or
// a few brands; the bound keeps hostile workspaces from growing it.
var palettes = &paletteCache{m: map[[2]drawing.Color][]drawing.Color{}}

type paletteCache struct {
	mu sync.Mutex
	m  map[[2]drawing.Color][]drawing.Color
}

func (c *paletteCache) get(primary, accent drawing.Color) []drawing.Color {
	k := [2]drawing.Color{primary, accent}
	c.mu.Lock()
	p, ok := c.m[k]
	c.mu.Unlock()
	if !ok {
		p = seriesColours(primary, accent, len(okabeIto)+2)
		c.mu.Lock()
		if len(c.m) < 64 {
			c.m[k] = p
		}
		c.mu.Unlock()
	}
	return slices.Clone(p) // a chart may not change another's colours
}

// seriesColours returns n series colours: the primary, the accent where it stands apart
// from the primary for colour-blind readers too, then greedily the palette colour whose
// nearest neighbour among those chosen is farthest away (ties in palette order). Each
// colour is seen as each reader sees it once (cvdLabs), not once per pair: the pairs'
// ~700 conversions (math.Pow, math.Cbrt) were 0.15 % of a hansa render's CPU (perf).
func seriesColours(primary, accent drawing.Color, n int) []drawing.Color {
	type seen struct {
		c    drawing.Color
		labs [len(sims)][3]float64
	}
	see := func(c drawing.Color) seen { return seen{c, cvdLabs(c)} }
	out := []seen{see(primary)}
	near := func(c seen) float64 {
		d := math.Inf(1)
		for _, o := range out {
			d = math.Min(d, labDistance(c.labs, o.labs))
		}
		return d
	}
	if a := see(accent); near(a) >= apart {
		out = append(out, a)
	}
	left := make([]seen, len(okabeIto))
	for i, c := range okabeIto {
		left[i] = see(c)
	}
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
	colours := make([]drawing.Color, len(out))
	for i, o := range out {
		colours[i] = o.c
	}
	return colours
}

var sims = [...][9]float64{
	{1, 0, 0, 0, 1, 0, 0, 0, 1},
	{0.11238, 0.88762, 0, 0.11238, 0.88762, 0, 0.00401, -0.00401, 1}, // protanopia
	{0.29275, 0.70725, 0, 0.29275, 0.70725, 0, -0.02234, 0.02234, 1}, // deuteranopia
}

// cvdDistance is the colour difference of a and b (ΔE*ab) as the reader who tells them
// apart worst sees it: normal vision, protanopia or deuteranopia (Viénot, Brettel and
// Mollon 1999, in linear sRGB).
func cvdDistance(a, b drawing.Color) float64 { return labDistance(cvdLabs(a), cvdLabs(b)) }

// cvdLabs is c in L*a*b* as each reader of sims sees it.
func cvdLabs(c drawing.Color) (labs [len(sims)][3]float64) {
	for i, m := range sims {
		labs[i] = toLab(simulate(c, m))
	}
	return labs
}

// labDistance is cvdDistance of two colours' cvdLabs: the smallest ΔE*ab of the readers.
func labDistance(a, b [len(sims)][3]float64) float64 {
	d := math.Inf(1)
	for i := range a {
		la, lb := a[i], b[i]
		d = math.Min(d, math.Sqrt(sq(la[0]-lb[0])+sq(la[1]-lb[1])+sq(la[2]-lb[2])))
	}
	return d
}

func sq(v float64) float64 { return v * v }

// linear returns c's channels in linear sRGB, 0–1.
func linear(c drawing.Color) [3]float64 {
	f := func(v uint8) float64 {
		x := float64(v) / 255
		if x <= 0.04045 {
			return x / 12.92
		}
		return math.Pow((x+0.055)/1.055, 2.4)
	}
	return [3]float64{f(c.R), f(c.G), f(c.B)}
}

func simulate(c drawing.Color, m [9]float64) [3]float64 {
	l := linear(c)
	return [3]float64{
		clamp(m[0]*l[0]+m[1]*l[1]+m[2]*l[2], 0, 1),
		clamp(m[3]*l[0]+m[4]*l[1]+m[5]*l[2], 0, 1),
		clamp(m[6]*l[0]+m[7]*l[1]+m[8]*l[2], 0, 1),
	}
}

// toLab converts linear sRGB to CIE L*a*b* (D65).
func toLab(l [3]float64) [3]float64 {
	x := (0.4124*l[0] + 0.3576*l[1] + 0.1805*l[2]) / 0.95047
	y := 0.2126*l[0] + 0.7152*l[1] + 0.0722*l[2]
	z := (0.0193*l[0] + 0.1192*l[1] + 0.9505*l[2]) / 1.08883
	f := func(t float64) float64 {
		if t > 216.0/24389 {
			return math.Cbrt(t)
		}
		return (24389.0/27*t + 16) / 116
	}
	fx, fy, fz := f(x), f(y), f(z)
	return [3]float64{116*fy - 16, 500 * (fx - fy), 200 * (fy - fz)}
}

// luminance is the relative luminance of c (WCAG).
func luminance(c drawing.Color) float64 {
	l := linear(c)
	return 0.2126*l[0] + 0.7152*l[1] + 0.0722*l[2]
}

// readable returns c, darkened toward the text colour until it reads on white (contrast
// at least 4.5:1), for a label set in a series' colour.
func (s *style) readable(c drawing.Color) drawing.Color {
	for t := 0.0; t <= 1; t += 0.1 {
		d := mix(c, s.ink, t)
		if 1.05/(luminance(d)+0.05) >= 4.5 {
			return d
		}
	}
	return s.ink
}

var white = drawing.Color{R: 255, G: 255, B: 255, A: 255}

// mix blends a toward b by t (0 → a, 1 → b).
func mix(a, b drawing.Color, t float64) drawing.Color {
	f := func(x, y uint8) uint8 { return uint8(math.Round(float64(x)*(1-t) + float64(y)*t)) }
	return drawing.Color{R: f(a.R, b.R), G: f(a.G, b.G), B: f(a.B, b.B), A: 255}
}

func alpha(c drawing.Color, a float64) drawing.Color {
	c.A = uint8(math.Round(a * 255))
	return c
}

// opaque is a theme colour for go-chart's renderer.
func opaque(c theme.Color) drawing.Color { return drawing.Color{R: c.R, G: c.G, B: c.B, A: 255} }

func toHSL(c drawing.Color) (h, s, l float64) {
	r, g, b := float64(c.R)/255, float64(c.G)/255, float64(c.B)/255
	mx, mn := math.Max(r, math.Max(g, b)), math.Min(r, math.Min(g, b))
	l = (mx + mn) / 2
	if mx == mn {
		return 0, 0, l
	}
	d := mx - mn
	if l > 0.5 {
		s = d / (2 - mx - mn)
	} else {
		s = d / (mx + mn)
	}
	switch mx {
	case r:
		h = math.Mod((g-b)/d+6, 6)
	case g:
		h = (b-r)/d + 2
	default:
		h = (r-g)/d + 4
	}
	return h * 60, s, l
}

func fromHSL(h, s, l float64) drawing.Color {
	c := (1 - math.Abs(2*l-1)) * s
	x := c * (1 - math.Abs(math.Mod(h/60, 2)-1))
	m := l - c/2
	var r, g, b float64
	switch {
	case h < 60:
		r, g = c, x
	case h < 120:
		r, g = x, c
	case h < 180:
		g, b = c, x
	case h < 240:
		g, b = x, c
	case h < 300:
		r, b = x, c
	default:
		r, b = c, x
	}
	f := func(v float64) uint8 { return uint8(math.Round((v + m) * 255)) }
	return drawing.Color{R: f(r), G: f(g), B: f(b), A: 255}
}

// parseFont returns the parsed font b (def when b is empty), from render/fonts, which
// parses each font contents once per process for every writer (a batch of plans shares
// one font, and kep serve reads a brand font anew on every save); second asks for a
// parse of its own, for bold set in the regular face, told apart by identity.
func parseFont(b, def []byte, second bool) (*truetype.Font, error) {
	if len(b) == 0 {
		b = def
	}
	f, err := fonts.Load(b)
	if err != nil {
		return nil, err
	}
	n := 0
	if second {
		n = 1
	}
	return f.TrueType(n)
}

// plainNumber formats without grouping, with at most the decimals the value needs.
func plainNumber(v float64) string {
	r := strconv.FormatFloat(v, 'f', -1, 64)
	if math.Abs(v) >= 1e21 || strings.Contains(r, "e") {
		return strconv.FormatFloat(v, 'g', 4, 64)
	}
	if i := strings.IndexByte(r, '.'); i >= 0 && len(r)-i > 3 {
		r = strconv.FormatFloat(v, 'f', 2, 64)
		r = strings.TrimRight(strings.TrimRight(r, "0"), ".")
	}
	if r == "-0" {
		r = "0"
	}
	return r
}

func dropAstral(s string) string {
	return strings.Map(func(r rune) rune {
		if r > 0xFFFF {
			return '?'
		}
		return r
	}, s)
}

// sanitize makes any caller string safe for both backends: valid UTF-8 without control
// characters (which XML 1.0 forbids even escaped) and without line breaks, which a chart
// label cannot show.
func sanitize(s string) string {
	if !utf8.ValidString(s) {
		s = strings.ToValidUTF8(s, "\uFFFD")
	}
	return strings.Map(func(r rune) rune {
		switch {
		case r == '\t' || r == '\n' || r == '\r':
			return ' '
		case unicode.IsControl(r), r == 0xFFFE, r == 0xFFFF, r >= 0xD800 && r <= 0xDFFF:
			return -1
		}
		return r
	}, s)
}

// moneyAxis returns the labels of a money axis' ticks in the one unit of its largest
// tick, and that unit: "0", "0,5" … "2,5" under "Mio. €" rather than "500 Tsd. €" beside
// "1 Mio. €". The unit is what the money format writes around a number of that size
// ("10 Tsd. €" gives "Tsd. €", "€10k" gives "€k"), so it follows the language. An axis
// below ten thousand, or whose ticks would need more than one decimal in the unit, or a
// money format without such units, keeps the amount with its currency on every tick.
func (s *style) moneyAxis(tk []float64) (labels []string, unit string) {
	labels = make([]string, len(tk))
	for i, t := range tk {
		labels[i] = s.money(t)
	}
	m := 0.0
	for _, t := range tk {
		m = math.Max(m, math.Abs(t))
	}
	for _, e := range []float64{1e9, 1e6, 1e3} {
		least := e
		if e == 1e3 {
			least = 1e4 // "5 Tsd. €" is no shorter than "5.000 €"
		}
		if m < least*(1-1e-9) {
			continue
		}
		exact := true
		for _, t := range tk {
			v := t / e * 10
			exact = exact && math.Abs(v-math.Round(v)) < 1e-6
		}
		if !exact {
			continue // 0,25 Mio. would print as 0,3: a smaller unit
		}
		unit = stripNumber(s.money(10 * e))
		if unit == "" || strings.ContainsAny(unit, "0123456789") {
			return labels, ""
		}
		for i, t := range tk {
			labels[i] = s.format(t / e)
		}
		return labels, unit
	}
	return labels, ""
}

// stripNumber removes the first number (digits and the separators between them) from
// s and the space around what is left.
func stripNumber(s string) string {
	i := strings.IndexAny(s, "0123456789")
	if i < 0 {
		return strings.TrimSpace(s)
	}
	j := i
	for j < len(s) {
		c := s[j]
		if c >= '0' && c <= '9' || (c == '.' || c == ',') && j+1 < len(s) && s[j+1] >= '0' && s[j+1] <= '9' {
			j++
			continue
		}
		break
	}
	return strings.TrimFunc(s[:i]+s[j:], unicode.IsSpace)
}
