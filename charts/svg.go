package charts

import (
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/golang/freetype/truetype"
	chart "github.com/wcharczuk/go-chart/v2"
	"github.com/wcharczuk/go-chart/v2/drawing"
	"golang.org/x/image/math/fixed"
)

// svgRenderer is a go-chart Renderer that appends SVG elements to a byte slice. It writes
// exactly the markup of go-chart's own SVG renderer (vector_renderer.go, v2.1.2), which
// this package used to wrap: same elements, attribute order, number formats and style
// strings. go-chart formats every path command and style with fmt.Sprintf and keeps a
// second buffer; writing straight into one slice saves most of the time and garbage. The
// differential tests (svgdiff_test.go) hold the two to the same bytes on any input.
//
// Unlike go-chart's renderer it escapes text and class names (go-chart writes them into
// the markup as they are: a plan's label like "</text><script>" would become markup), and
// it does not name the TrueType font: the family is named once on the root element and
// bold is marked per text, so the SVG uses the same family as the HTML around it.
type svgRenderer struct {
	b    []byte // the markup so far
	path []byte // path data of the shape being described, commands separated by "\n"
	st   *style
	dpi  float64

	// the font and size used to measure; they are kept by ResetStyle, as in go-chart
	font   *truetype.Font
	size   float64
	glyphs *glyphCache // of the font last measured

	// the drawing style, as far as it reaches the markup; ResetStyle clears it
	class    string // escaped
	stroke   drawing.Color
	fill     drawing.Color
	text     drawing.Color
	width    float64
	dash     []float64
	fontSize float64

	rotated bool // text rotation, kept by ResetStyle as in go-chart
	theta   float64

	// colours and the font size as written, for the few values a chart uses over and over
	colors  [16]colorText
	ncolors int
	fsText  []byte  // "font-size:…px" of fsValue
	fsValue float64 // the size in renderer units, as set
	fsDPI   float64
}

// colorText is a colour and its text, "rgba(r,g,b,a)".
type colorText struct {
	c drawing.Color
	n uint8
	s [24]byte
}

var _ chart.Renderer = (*svgRenderer)(nil)

// newSVGRenderer returns a renderer that appends to b.
func newSVGRenderer(st *style, b []byte) *svgRenderer {
	return &svgRenderer{b: b, st: st, dpi: 72}
}

func (r *svgRenderer) ResetStyle() {
	r.class = ""
	r.stroke, r.fill, r.text = drawing.Color{}, drawing.Color{}, drawing.Color{}
	r.width, r.dash, r.fontSize = 0, nil, 0
}

func (r *svgRenderer) GetDPI() float64                 { return r.dpi }
func (r *svgRenderer) SetDPI(dpi float64)              { r.dpi = dpi }
func (r *svgRenderer) SetClassName(name string)        { r.class = xmlEscape(name) }
func (r *svgRenderer) SetStrokeColor(c drawing.Color)  { r.stroke = c }
func (r *svgRenderer) SetFillColor(c drawing.Color)    { r.fill = c }
func (r *svgRenderer) SetStrokeWidth(w float64)        { r.width = w }
func (r *svgRenderer) SetStrokeDashArray(d []float64)  { r.dash = d }
func (r *svgRenderer) SetFont(f *truetype.Font)        { r.font = f }
func (r *svgRenderer) SetFontColor(c drawing.Color)    { r.text = c }
func (r *svgRenderer) SetTextRotation(radians float64) { r.rotated, r.theta = true, radians }
func (r *svgRenderer) ClearTextRotation()              { r.rotated = false }

func (r *svgRenderer) SetFontSize(size float64) {
	r.size = size
	r.fontSize = size
}

// cmd starts a path command: commands are separated by a line break.
func (r *svgRenderer) cmd(c string) {
	if len(r.path) > 0 {
		r.path = append(r.path, '\n')
	}
	r.path = append(r.path, c...)
}

func (r *svgRenderer) MoveTo(x, y int) {
	r.cmd("M ")
	r.path = appendInts(r.path, ' ', x, y)
}

func (r *svgRenderer) LineTo(x, y int) {
	r.cmd("L ")
	r.path = appendInts(r.path, ' ', x, y)
}

func (r *svgRenderer) QuadCurveTo(cx, cy, x, y int) {
	r.cmd("Q")
	r.path = appendInts(r.path, ',', cx, cy)
	r.path = append(r.path, ' ')
	r.path = appendInts(r.path, ',', x, y)
}

// ArcTo follows go-chart's computation to the letter, truncations included.
func (r *svgRenderer) ArcTo(cx, cy int, rx, ry, startAngle, delta float64) {
	startAngle = chart.RadianAdd(startAngle, math.Pi/2.0)
	endAngle := chart.RadianAdd(startAngle, delta)
	startx := cx + int(rx*math.Sin(startAngle))
	starty := cy - int(ry*math.Cos(startAngle))
	if len(r.path) > 0 {
		r.LineTo(startx, starty)
	} else {
		r.MoveTo(startx, starty)
	}
	endx := cx + int(rx*math.Sin(endAngle))
	endy := cy - int(ry*math.Cos(endAngle))
	large := 0
	if delta > math.Pi {
		large = 1
	}
	r.cmd("A ")
	r.path = appendInts(r.path, ' ', int(rx), int(ry))
	r.path = append(r.path, ' ')
	r.path = strconv.AppendFloat(r.path, chart.RadiansToDegrees(delta), 'f', 2, 64)
	r.path = append(r.path, ' ')
	r.path = strconv.AppendInt(r.path, int64(large), 10)
	r.path = append(r.path, " 1 "...)
	r.path = appendInts(r.path, ' ', endx, endy)
}

func (r *svgRenderer) Close() { r.cmd("Z") }

// Stroke, Fill and FillStroke write the same element: go-chart's renderer styles a path
// with both its fill and its stroke whichever is asked for (the canvas sets the part it
// does not want to "none").
func (r *svgRenderer) Stroke()     { r.drawPath() }
func (r *svgRenderer) Fill()       { r.drawPath() }
func (r *svgRenderer) FillStroke() { r.drawPath() }

func (r *svgRenderer) drawPath() {
	b := append(r.b, "<path "...)
	if len(r.dash) > 0 {
		b = append(b, `stroke-dasharray="`...)
		for i, v := range r.dash {
			if i > 0 {
				b = append(b, ", "...)
			}
			b = strconv.AppendFloat(b, v, 'f', 1, 64)
		}
		b = append(b, '"')
	}
	b = append(b, ` d="`...)
	b = append(b, r.path...)
	b = append(b, `" `...)
	b = r.appendStyle(b, r.width, r.stroke, r.fill, drawing.Color{}, 0)
	r.b = append(b, "/>"...)
	r.path = r.path[:0]
}

func (r *svgRenderer) Circle(radius float64, x, y int) {
	b := append(r.b, `<circle cx="`...)
	b = strconv.AppendInt(b, int64(x), 10)
	b = append(b, `" cy="`...)
	b = strconv.AppendInt(b, int64(y), 10)
	b = append(b, `" r="`...)
	b = strconv.AppendInt(b, int64(int(radius)), 10)
	b = append(b, `" `...)
	b = r.appendStyle(b, r.width, r.stroke, r.fill, drawing.Color{}, 0)
	r.b = append(b, "/>"...)
}

// Text writes body escaped, at the baseline y; bold text is marked with a tspan.
func (r *svgRenderer) Text(body string, x, y int) {
	b := append(r.b, `<text x="`...)
	b = strconv.AppendInt(b, int64(x), 10)
	b = append(b, `" y="`...)
	b = strconv.AppendInt(b, int64(y), 10)
	b = append(b, `" `...)
	b = r.appendStyle(b, 0, drawing.Color{}, drawing.Color{}, r.text, r.fontSize)
	if r.rotated {
		b = append(b, ` transform="rotate(`...)
		b = strconv.AppendFloat(b, chart.RadiansToDegrees(r.theta), 'f', 2, 64)
		b = append(b, ',')
		b = appendInts(b, ',', x, y)
		b = append(b, ')', '"')
	}
	b = append(b, '>')
	bold := r.font == r.st.bold
	if bold {
		b = append(b, `<tspan font-weight="bold">`...)
	}
	b = appendEscaped(b, body)
	if bold {
		b = append(b, "</tspan>"...)
	}
	r.b = append(b, "</text>"...)
}

// appendStyle writes go-chart's style attribute (canvas.styleAsSVG) for the given
// stroke width, stroke colour, fill colour, text colour and font size.
func (r *svgRenderer) appendStyle(b []byte, sw float64, sc, fc, tc drawing.Color, fs float64) []byte {
	if r.class != "" {
		b = append(b, `class="`...)
		b = append(b, r.class...)
		if !sc.IsZero() {
			b = append(b, " stroke"...)
		}
		if !fc.IsZero() {
			b = append(b, " fill"...)
		}
		if fs != 0 {
			b = append(b, " text"...)
		}
		return append(b, '"')
	}
	b = append(b, `style="stroke-width:`...)
	if sw != 0 {
		b = strconv.AppendInt(b, int64(int(sw)), 10)
	} else {
		b = append(b, '0')
	}
	b = append(b, ";stroke:"...)
	if !sc.IsZero() {
		b = r.appendColor(b, sc)
	} else {
		b = append(b, "none"...)
	}
	b = append(b, ";fill:"...)
	switch {
	case !tc.IsZero():
		b = r.appendColor(b, tc)
	case !fc.IsZero():
		b = r.appendColor(b, fc)
	default:
		b = append(b, "none"...)
	}
	if fs != 0 {
		if len(r.fsText) == 0 || fs != r.fsValue || r.dpi != r.fsDPI {
			t := append(r.fsText[:0], ";font-size:"...)
			t = strconv.AppendFloat(t, drawing.PointsToPixels(r.dpi, fs), 'f', 1, 64)
			r.fsText, r.fsValue, r.fsDPI = append(t, "px"...), fs, r.dpi
		}
		b = append(b, r.fsText...)
	}
	return append(b, '"')
}

// appendColor writes drawing.Color.String: rgba(r,g,b,a) with the alpha to one decimal.
func (r *svgRenderer) appendColor(b []byte, c drawing.Color) []byte {
	for i := range r.ncolors {
		if e := &r.colors[i]; e.c == c {
			return append(b, e.s[:e.n]...)
		}
	}
	n := len(b)
	b = appendColor(b, c)
	if r.ncolors < len(r.colors) && len(b)-n <= len(r.colors[0].s) {
		e := &r.colors[r.ncolors]
		e.c, e.n = c, uint8(copy(e.s[:], b[n:]))
		r.ncolors++
	}
	return b
}

func appendColor(b []byte, c drawing.Color) []byte {
	b = append(b, "rgba("...)
	b = strconv.AppendUint(b, uint64(c.R), 10)
	b = append(b, ',')
	b = strconv.AppendUint(b, uint64(c.G), 10)
	b = append(b, ',')
	b = strconv.AppendUint(b, uint64(c.B), 10)
	b = append(b, ',')
	b = strconv.AppendFloat(b, float64(c.A)/float64(255), 'f', 1, 64)
	return append(b, ')')
}

// appendInts writes x sep y.
func appendInts(b []byte, sep byte, x, y int) []byte {
	b = strconv.AppendInt(b, int64(x), 10)
	b = append(b, sep)
	return strconv.AppendInt(b, int64(y), 10)
}

// MeasureText measures with the theme's font at 72 DPI, so that one font size unit is one
// canvas unit in both backends. It sums advance widths and kerning from the font's metrics:
// a rasterising face (truetype.NewFace) at canvas sizes allocates megabytes of glyph cache.
func (r *svgRenderer) MeasureText(body string) chart.Box {
	f := r.font
	if f == nil {
		f = r.st.regular
	}
	g := r.glyphs
	if g == nil || g.f != f {
		g = glyphsOf(f)
		r.glyphs = g
	}
	em := g.em
	var w fixed.Int26_6
	prev, first := truetype.Index(0), true
	for _, c := range body {
		i, a := g.glyph(c)
		if !first {
			w += f.Kern(em, prev, i)
		}
		w += a
		prev, first = i, false
	}
	px := float64(w) / float64(em) * r.size
	return chart.Box{Right: int(math.Ceil(px)), Bottom: int(r.size)}
}

// Save ends the SVG and writes everything written so far.
func (r *svgRenderer) Save(w io.Writer) error {
	r.b = append(r.b, "</svg>"...)
	_, err := w.Write(r.b)
	return err
}

// xmlEscape escapes text for element content and attribute values alike.
func xmlEscape(s string) string { return string(appendEscaped(nil, s)) }

// appendEscaped appends s sanitized and escaped for element content and attribute values
// alike: &, <, > and " become entities.
func appendEscaped(b []byte, s string) []byte {
	s = clean(s)
	last := 0
	for i := 0; i < len(s); i++ {
		var esc string
		switch s[i] {
		case '&':
			esc = "&amp;"
		case '<':
			esc = "&lt;"
		case '>':
			esc = "&gt;"
		case '"':
			esc = "&quot;"
		default:
			continue
		}
		b = append(b, s[last:i]...)
		b = append(b, esc...)
		last = i + 1
	}
	return append(b, s[last:]...)
}

// svgPool keeps renderers with their buffers between charts: growing a new buffer to a
// chart's several kilobytes of markup for each one made most of SVG's garbage. The result
// is copied out once, at its exact size.
var svgPool sync.Pool // *svgRenderer

// maxPooled bounds the buffers kept: a crowded chart's megabytes are not held on to.
const maxPooled = 1 << 20

// SVG draws c as an <svg> element for inline use in HTML: it scales to the width of its
// container (viewBox, width 100%), carries role="img", a <title> and an aria-label with
// the chart's text alternative, and names the theme's font family. width and height are
// the design size in CSS pixels, which sets the proportions and the relative text size.
func SVG(c Chart, t Theme, width, height int) ([]byte, error) {
	var out []byte
	err := drawSVG(c, t, width, height, func(svg []byte) { out = append(make([]byte, 0, len(svg)), svg...) })
	if err != nil {
		return nil, err
	}
	return out, nil
}

// AppendSVG is SVG appending the element to dst: the HTML writer's page takes it in
// place, without SVG's copy at exact size (hansa's charts: 75 KB).
func AppendSVG(dst []byte, c Chart, t Theme, width, height int) ([]byte, error) {
	err := drawSVG(c, t, width, height, func(svg []byte) { dst = append(dst, svg...) })
	return dst, err
}

// drawSVG draws c into a pooled renderer and hands the markup to out, which must not
// keep it.
func drawSVG(c Chart, t Theme, width, height int, out func(svg []byte)) error {
	if err := valid(c); err != nil {
		return err
	}
	st, err := t.resolve()
	if err != nil {
		return fmt.Errorf("chart %q: %w", c.Title(), err)
	}
	if width < 50 || height < 50 || width > maxDesign || height > maxDesign {
		return fmt.Errorf("chart %q: size %d×%d out of range", c.Title(), width, height)
	}
	r, _ := svgPool.Get().(*svgRenderer)
	if r == nil {
		r = newSVGRenderer(st, make([]byte, 0, 16<<10))
	}
	// A new style, the buffers and the colour texts (values, so valid for any chart) kept.
	*r = svgRenderer{b: r.b[:0], path: r.path[:0], st: st, dpi: 72, colors: r.colors, ncolors: r.ncolors,
		fsText: r.fsText, fsValue: r.fsValue, fsDPI: r.fsDPI}
	b := append(r.b, `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 `...)
	b = appendInts(b, ' ', width*scale, height*scale)
	b = append(b, `" width="100%" role="img" aria-label="`...)
	b = appendEscaped(b, c.Alt())
	b = append(b, `" style="font-family:`...)
	b = appendCSSFamily(b, st.family)
	b = append(b, `;height:auto"><title>`...)
	b = appendEscaped(b, c.Title())
	r.b = append(b, "</title>"...)
	c.draw(&canvas{r: r, w: float64(width), h: float64(height), st: st})
	r.b = append(r.b, "</svg>"...)
	out(r.b)
	if cap(r.b) <= maxPooled && cap(r.path) <= maxPooled {
		r.st, r.font, r.glyphs, r.dash = nil, nil, nil, nil // hold no fonts
		svgPool.Put(r)
	}
	return nil
}

// cssFamily quotes a family name for CSS and adds a generic fallback.
func cssFamily(name string) string {
	name = strings.Map(func(r rune) rune {
		if r == '\'' || r == '\\' || r == ';' || r == '{' || r == '}' {
			return -1
		}
		return r
	}, name)
	return "'" + name + "',sans-serif"
}

// appendCSSFamily appends xmlEscape(cssFamily(name)), without building either string
// where cssFamily changes nothing in the name (as for the theme's names). Not for invalid
// UTF-8: cssFamily's strings.Map turns every bad byte into U+FFFD, sanitize a run of them.
func appendCSSFamily(b []byte, name string) []byte {
	if strings.ContainsAny(name, "'\\;{}") || !utf8.ValidString(name) {
		return appendEscaped(b, cssFamily(name))
	}
	b = append(b, '\'')
	b = appendEscaped(b, name)
	return append(b, "',sans-serif"...)
}
