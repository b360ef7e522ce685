package charts

import (
	"math"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	chart "github.com/wcharczuk/go-chart/v2"
	"github.com/wcharczuk/go-chart/v2/drawing"
)

// scale is the number of renderer units per design pixel. go-chart's renderer takes
// integer coordinates; drawing on a canvas ten times larger keeps sub-pixel precision and
// stroke widths below one pixel (the SVG renderer truncates widths to integers).
const scale = 10

// pt is a point in design pixels.
type pt struct{ x, y float64 }

// anchor aligns text horizontally at the given x.
type anchor int

const (
	left anchor = iota
	center
	right
)

// canvas draws in design pixels on a go-chart Renderer. Every primitive sets its whole
// style first: go-chart's SVG renderer would otherwise fill a stroked path with a stale
// fill colour, or a path with the last font colour.
type canvas struct {
	r    chart.Renderer
	w, h float64 // design size in pixels
	st   *style
}

func u(v float64) int {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return 0
	}
	// Clamp far outside any canvas: int conversion of huge floats is undefined.
	return int(math.Round(math.Max(-1e6, math.Min(1e6, v*scale))))
}

func (c *canvas) pen(stroke, fill drawing.Color, width float64, dash []float64) {
	c.r.ResetStyle()
	c.r.SetFontColor(drawing.Color{})
	c.r.SetFontSize(0)
	c.r.SetStrokeColor(stroke)
	c.r.SetFillColor(fill)
	c.r.SetStrokeWidth(width * scale)
	if len(dash) > 0 {
		d := make([]float64, len(dash))
		for i, v := range dash {
			d[i] = v * scale
		}
		c.r.SetStrokeDashArray(d)
	} else {
		c.r.SetStrokeDashArray(nil)
	}
}

func (c *canvas) line(x1, y1, x2, y2 float64, col drawing.Color, width float64, dash ...float64) {
	c.polyline([]pt{{x1, y1}, {x2, y2}}, col, width, dash...)
}

func (c *canvas) polyline(p []pt, col drawing.Color, width float64, dash ...float64) {
	if len(p) < 2 {
		return
	}
	c.pen(col, drawing.Color{}, width, dash)
	c.path(p, false)
	c.r.Stroke()
}

// polygon fills and/or strokes a closed shape; a zero colour leaves that part out.
func (c *canvas) polygon(p []pt, fill, stroke drawing.Color, width float64) {
	if len(p) < 2 {
		return
	}
	if !fill.IsZero() {
		c.pen(drawing.Color{}, fill, 0, nil)
		c.path(p, true)
		c.r.Fill()
	}
	if !stroke.IsZero() && width > 0 {
		c.pen(stroke, drawing.Color{}, width, nil)
		c.path(p, true)
		c.r.Stroke()
	}
}

func (c *canvas) path(p []pt, closed bool) {
	c.r.MoveTo(u(p[0].x), u(p[0].y))
	for _, q := range p[1:] {
		c.r.LineTo(u(q.x), u(q.y))
	}
	if closed {
		c.r.Close()
	}
}

func (c *canvas) rect(x, y, w, h float64, fill, stroke drawing.Color, width float64) {
	c.polygon([]pt{{x, y}, {x + w, y}, {x + w, y + h}, {x, y + h}}, fill, stroke, width)
}

func (c *canvas) circle(x, y, r float64, fill, stroke drawing.Color, width float64) {
	if r <= 0 {
		return
	}
	c.pen(stroke, fill, width, nil)
	if stroke.IsZero() {
		c.r.SetStrokeWidth(0)
	}
	c.r.Circle(r*scale, u(x), u(y))
}

// tstyle describes a text style in design pixels.
type tstyle struct {
	size float64
	bold bool
	col  drawing.Color
	name bool // a person's or an organisation's name: wrapped, never hyphenated
}

func (c *canvas) setFont(f tstyle) {
	c.r.ResetStyle()
	c.r.SetStrokeColor(drawing.Color{})
	c.r.SetFillColor(drawing.Color{})
	c.r.SetStrokeWidth(0)
	if f.bold {
		c.r.SetFont(c.st.bold)
	} else {
		c.r.SetFont(c.st.regular)
	}
	c.r.SetFontSize(f.size * scale)
	c.r.SetFontColor(f.col)
}

// measure returns the advance width of s in design pixels.
func (c *canvas) measure(s string, f tstyle) float64 {
	c.setFont(f)
	b := c.r.MeasureText(s)
	return float64(b.Right-b.Left) / scale
}

// text draws s with its baseline at y. Strings are sanitized here (clean), once, for both
// backends.
func (c *canvas) text(s string, x, y float64, f tstyle, a anchor) {
	s = clean(s)
	if s == "" {
		return
	}
	switch a {
	case center:
		x -= c.measure(s, f) / 2
	case right:
		x -= c.measure(s, f)
	}
	c.setFont(f)
	c.r.Text(s, u(x), u(y))
}

// textMid draws s vertically centred on y.
func (c *canvas) textMid(s string, x, y float64, f tstyle, a anchor) {
	c.text(s, x, y+f.size*0.35, f, a)
}

// textUp draws s rotated to read bottom to top, centred on (x, y); x is the baseline.
func (c *canvas) textUp(s string, x, y float64, f tstyle) {
	s = clean(s)
	if s == "" {
		return
	}
	w := c.measure(s, f)
	c.setFont(f)
	c.r.SetTextRotation(-math.Pi / 2)
	c.r.Text(s, u(x), u(y+w/2))
	c.r.ClearTextRotation()
}

const ellipsis = "…"

// minText is the smallest text the charts set, in design pixels: 6.75 pt in a document's
// PDF (a design pixel is 0.75 pt), 10.1 pt on a slide (zoom 1.5); only a name that has no
// room at a larger size (a bubble's, a contact's) is set so small.
const minText = 9.0

// fit shortens s with "…" until it is at most max pixels wide.
func (c *canvas) fit(s string, f tstyle, max float64) string {
	s = strings.TrimSpace(clean(s))
	if c.measure(s, f) <= max {
		return s
	}
	// Binary search for the longest prefix of runes that fits with "…". s is valid UTF-8
	// (clean), so its first m runes are the bytes up to the m-th rune boundary.
	lo, hi := 0, utf8.RuneCountInString(s)
	for lo < hi {
		m := (lo + hi + 1) / 2
		if c.measure(strings.TrimSpace(runePrefix(s, m))+ellipsis, f) <= max {
			lo = m
		} else {
			hi = m - 1
		}
	}
	if lo == 0 {
		if c.measure(ellipsis, f) <= max {
			return ellipsis
		}
		return ""
	}
	return strings.TrimSpace(runePrefix(s, lo)) + ellipsis
}

// runePrefix returns the first n runes of s.
func runePrefix(s string, n int) string {
	for i := range s {
		if n == 0 {
			return s[:i]
		}
		n--
	}
	return s
}

// wrap breaks s into lines of at most max pixels, at most maxLines lines; the last line
// is shortened with "…" when text remains. A word longer than a line breaks after the
// hyphen of a compound or at a hyphenation point (Theme.Hyphenate) before it is shortened.
func (c *canvas) wrap(s string, f tstyle, max float64, maxLines int) []string {
	lines, _ := c.wrapCut(s, f, max, maxLines)
	return lines
}

// wrapCut is wrap, and reports that text was shortened or left out.
func (c *canvas) wrapCut(s string, f tstyle, max float64, maxLines int) (lines []string, cut bool) {
	// A line is a run of words joined by single spaces: a substring of all the words so
	// joined (strings.Join(strings.Fields(s), " ")), which saves building every candidate
	// line. at[i] is where word i starts in joined.
	s = clean(s)
	var jb [256]byte
	var ab [32]int
	b, at := jb[:0], ab[:0]
	start := -1 // of the word being read
	for i, r := range s {
		if !unicode.IsSpace(r) {
			if start < 0 {
				start = i
			}
			continue
		}
		if start >= 0 {
			b, at = appendWord(b, at, s[start:i])
			start = -1
		}
	}
	if start >= 0 {
		b, at = appendWord(b, at, s[start:])
	}
	if len(at) == 0 {
		return nil, false
	}
	joined := string(b)
	word := func(i int) string {
		if i+1 < len(at) {
			return joined[at[i] : at[i+1]-1]
		}
		return joined[at[i]:]
	}
	shorten := func(t string) string {
		r := c.fit(t, f, max)
		cut = cut || r != strings.TrimSpace(t)
		return r
	}
	cur, from := "", 0 // the line so far, and where it starts in joined
	for i := 0; i < len(at); i++ {
		try := word(i)
		if cur != "" {
			try = joined[from : at[i]+len(try)]
		}
		if c.measure(try, f) <= max {
			if cur == "" {
				from = at[i]
			}
			cur = try
			continue
		}
		if cur == "" { // a single word wider than the line
			// A compound breaks after its hyphen ("Fischer-" / "Hoffmann") where the
			// rest fits a line of its own; else the word is hyphenated ("Unterstüt-" /
			// "zer") where the lines allow; else it is shortened.
			if k := strings.LastIndexByte(try, '-'); k > 0 && k < len(try)-1 && len(lines)+1 < maxLines &&
				c.measure(try[:k+1], f) <= max && c.measure(try[k+1:], f) <= max {
				lines = append(lines, try[:k+1])
				cur, from = try[k+1:], at[i]+k+1
				continue
			}
			if parts := c.hyphenate(try, f, max); len(parts) > 1 && len(lines)+len(parts) <= maxLines {
				lines = append(lines, parts[:len(parts)-1]...)
				last := parts[len(parts)-1]
				cur, from = last, at[i]+len(try)-len(last)
				continue
			}
			lines = append(lines, shorten(try))
		} else {
			// The line ends after the hyphen of a compound that does not fit whole.
			w := word(i)
			if k := strings.LastIndexByte(w, '-'); k > 0 && k < len(w)-1 && len(lines)+1 < maxLines &&
				c.measure(joined[from:at[i]+k+1], f) <= max && c.measure(w[k+1:], f) <= max {
				lines = append(lines, joined[from:at[i]+k+1])
				cur, from = w[k+1:], at[i]+k+1
				continue
			}
			lines = append(lines, cur)
			i--
		}
		cur = ""
		if len(lines) == maxLines {
			if i+1 < len(at) { // the rest of the words
				lines[len(lines)-1] = shorten(lines[len(lines)-1] + " " + joined[at[i+1]:])
			}
			return lines, cut
		}
	}
	if cur != "" {
		lines = append(lines, cur)
	}
	if len(lines) > maxLines && maxLines > 0 {
		lines, cut = lines[:maxLines], true
	}
	return lines, cut
}

// hyphenate breaks a word that is wider than max at its hyphenation points into parts
// that fit: each but the last with a hyphen added. Nil where the theme does not
// hyphenate or a part would still be too wide.
func (c *canvas) hyphenate(w string, f tstyle, max float64) []string {
	if c.st.hyphenate == nil || f.name {
		return nil
	}
	points := c.st.hyphenate(w)
	var parts []string
	from := 0
	for c.measure(w[from:], f) > max {
		// The longest part that fits with its hyphen.
		best := -1
		for _, p := range points {
			if p > from && p < len(w) && c.measure(w[from:p]+"-", f) <= max {
				best = p
			}
		}
		if best < 0 {
			return nil
		}
		parts = append(parts, w[from:best]+"-")
		from = best
	}
	return append(parts, w[from:])
}

// fits reports that s, wrapped to max pixels, takes at most maxLines lines and is not
// shortened.
func (c *canvas) fits(s string, f tstyle, max float64, maxLines int) bool {
	_, cut := c.wrapCut(s, f, max, maxLines)
	return !cut
}

// appendWord adds a word to the words joined so far and notes where it starts.
func appendWord(b []byte, at []int, w string) ([]byte, []int) {
	if len(at) > 0 {
		b = append(b, ' ')
	}
	return append(b, w...), append(at, len(b))
}

// legendItem is one entry of a legend: a swatch and its label.
type legendItem struct {
	label  string
	col    drawing.Color
	marker string // "line", "box", "dot", "ring", "dash"
}

// legendEntry is a legend item laid out: its label fitted and its width with swatch.
type legendEntry struct {
	legendItem
	w float64
}

const legendSwatch, legendGap, legendPad, legendMargin = 16.0, 6.0, 18.0, 4.0

// legendRows lays items out in rows no wider than the chart. Labels are shortened so that
// no entry is wider than the chart.
func (c *canvas) legendRows(items []legendItem, f tstyle) (rows [][]legendEntry, widths []float64) {
	const sw, gap, pad = legendSwatch, legendGap, legendPad
	maxw := c.w - 16
	for _, it := range items {
		if strings.TrimSpace(clean(it.label)) == "" {
			continue
		}
		it.label = c.fit(it.label, f, math.Max(10, maxw-sw-gap))
		w := sw + gap + c.measure(it.label, f)
		if len(rows) == 0 || widths[len(rows)-1]+pad+w > maxw {
			rows = append(rows, nil)
			widths = append(widths, -pad)
		}
		rows[len(rows)-1] = append(rows[len(rows)-1], legendEntry{it, w})
		widths[len(rows)-1] += pad + w
	}
	return rows, widths
}

// legendHeight is the height legend would take, without drawing it.
func (c *canvas) legendHeight(items []legendItem, f tstyle) float64 {
	rows, _ := c.legendRows(items, f)
	if len(rows) == 0 {
		return 0
	}
	return f.size*1.6*float64(len(rows)) + legendMargin
}

// legend draws items in centred rows at the bottom of the chart and returns the height
// it takes, margin included. Labels are shortened so that no entry is wider than the chart.
func (c *canvas) legend(items []legendItem, f tstyle) float64 {
	const sw, gap, pad, margin = legendSwatch, legendGap, legendPad, legendMargin
	rows, widths := c.legendRows(items, f)
	if len(rows) == 0 {
		return 0
	}
	x0, maxw := 8.0, c.w-16
	lh := f.size * 1.6
	top := c.h - margin - lh*float64(len(rows))
	for i, row := range rows {
		x := x0 + (maxw-widths[i])/2
		cy := top + lh*float64(i) + lh/2
		for _, e := range row {
			c.swatch(e.marker, x, cy, sw, e.col)
			c.textMid(e.label, x+sw+gap, cy, f, left)
			x += e.w + pad
		}
	}
	return lh*float64(len(rows)) + margin
}

func (c *canvas) swatch(kind string, x, cy, w float64, col drawing.Color) {
	if k, err := strconv.Atoi(strings.TrimPrefix(kind, "series")); err == nil && strings.HasPrefix(kind, "series") {
		c.line(x-4, cy, x+w+4, cy, col, 1.5, seriesDash(k)...)
		c.marker(k, x+w/2, cy, 4, col)
		return
	}
	switch kind {
	case "box":
		c.rect(x+w/2-5, cy-5, 10, 10, col, drawing.Color{}, 0)
	case "dot":
		c.line(x, cy, x+w, cy, col, 2)
		c.circle(x+w/2, cy, 3.5, col, white, 1)
	case "ring":
		c.circle(x+w/2, cy, 5, alpha(col, 0.35), col, 1)
	case "rel0", "rel1", "rel2", "rel3", "rel4":
		rel := int(kind[3] - '0')
		r := 7 * (0.55 + 0.1125*float64(rel))
		c.circle(x+w/2, cy, r, mix(col, white, []float64{1, 0.7, 0.5, 0.25, 0}[rel]), col, 1.2)
	case "dash":
		c.line(x, cy, x+w, cy, col, 1.5, 4, 3)
	default:
		c.line(x, cy, x+w, cy, col, 2)
	}
}

// seriesDash is the dash pattern of the k-th series of a line chart: "us" solid, the
// others dashed in patterns of their own.
func seriesDash(k int) []float64 {
	switch k % 5 {
	case 1:
		return []float64{6, 3}
	case 2:
		return []float64{2, 2.5}
	case 3:
		return []float64{9, 3, 2, 3}
	case 4:
		return []float64{4, 2, 1.5, 2, 1.5, 2}
	}
	return nil
}

// marker draws the k-th series' point mark, a shape of its own (circle, square,
// diamond, triangle up, triangle down, repeating) of about radius r, with a white rim
// that keeps it apart from the lines under it.
func (c *canvas) marker(k int, x, y, r float64, col drawing.Color) {
	var p []pt
	switch k % 5 {
	case 0:
		c.circle(x, y, r, col, white, 1.2)
		return
	case 1:
		s := r * 0.9
		p = []pt{{x - s, y - s}, {x + s, y - s}, {x + s, y + s}, {x - s, y + s}}
	case 2:
		s := r * 1.25
		p = []pt{{x, y - s}, {x + s, y}, {x, y + s}, {x - s, y}}
	case 3:
		s := r * 1.2
		p = []pt{{x, y - s}, {x + s, y + s*0.75}, {x - s, y + s*0.75}}
	case 4:
		s := r * 1.2
		p = []pt{{x, y + s}, {x - s, y - s*0.75}, {x + s, y - s*0.75}}
	}
	c.polygon(p, col, white, 1.2)
}

// drawing0 is "no colour": the part of a shape it is given for is not drawn.
var drawing0 = drawing.Color{}

// ringPts approximates a circle by a closed polyline, for dashed circles: go-chart's SVG
// circle element carries no dash pattern.
func ringPts(cx, cy, r float64) []pt {
	p := make([]pt, 73)
	for i := range p {
		a := 2 * math.Pi * float64(i) / 72
		p[i] = pt{cx + r*math.Cos(a), cy + r*math.Sin(a)}
	}
	return p
}

// box is an axis-aligned rectangle in design pixels, for collision tests of labels.
type box struct{ x0, y0, x1, y1 float64 }

func (a box) overlaps(b box) bool {
	return a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1
}

func (a box) inside(b box) bool {
	return a.x0 >= b.x0 && a.x1 <= b.x1 && a.y0 >= b.y0 && a.y1 <= b.y1
}

// haloText draws s on a translucent white backing, so that a value label stays legible
// over lines and bars.
func (c *canvas) haloText(s string, x, y float64, f tstyle, a anchor) {
	s = clean(s)
	w := c.measure(s, f)
	bx := x
	switch a {
	case center:
		bx -= w / 2
	case right:
		bx -= w
	}
	c.rect(bx-2, y-f.size*0.95, w+4, f.size*1.25, alpha(white, 0.85), drawing0, 0)
	c.text(s, x, y, f, a)
}

func overlapsAny(b box, others []box) bool {
	for _, o := range others {
		if b.overlaps(o) {
			return true
		}
	}
	return false
}
