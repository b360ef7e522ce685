package charts

import (
	"bytes"
	"fmt"
	"math"
	"strings"

	"github.com/golang/freetype/truetype"
	chart "github.com/wcharczuk/go-chart/v2"
	"golang.org/x/image/math/fixed"
)

// svgRenderer wraps go-chart's SVG renderer, which writes text and class names into the
// markup unescaped: a plan's label like "</text><script>" would become markup. It measures
// the raw text and hands the escaped text to go-chart. Fonts are not passed on: the family
// is named once on the root element and bold is marked per text, so the SVG uses the same
// family as the HTML around it rather than the name stored inside the TrueType file.
type svgRenderer struct {
	chart.Renderer
	st   *style
	font *truetype.Font
	size float64
}

func (r *svgRenderer) SetFont(f *truetype.Font) { r.font = f }

func (r *svgRenderer) SetFontSize(size float64) {
	r.size = size
	r.Renderer.SetFontSize(size)
}

func (r *svgRenderer) SetClassName(name string) { r.Renderer.SetClassName(xmlEscape(name)) }

func (r *svgRenderer) Text(body string, x, y int) {
	body = xmlEscape(body)
	if r.font == r.st.bold {
		body = `<tspan font-weight="bold">` + body + `</tspan>`
	}
	r.Renderer.Text(body, x, y)
}

// MeasureText measures with the theme's font at 72 DPI, so that one font size unit is one
// canvas unit in both backends. It sums advance widths and kerning from the font's metrics:
// a rasterising face (truetype.NewFace) at canvas sizes allocates megabytes of glyph cache.
func (r *svgRenderer) MeasureText(body string) chart.Box {
	f := r.font
	if f == nil {
		f = r.st.regular
	}
	em := fixed.Int26_6(f.FUnitsPerEm())
	var w fixed.Int26_6
	prev, first := truetype.Index(0), true
	for _, c := range body {
		i := f.Index(c)
		if !first {
			w += f.Kern(em, prev, i)
		}
		w += f.HMetric(em, i).AdvanceWidth
		prev, first = i, false
	}
	px := float64(w) / float64(em) * r.size
	return chart.Box{Right: int(math.Ceil(px)), Bottom: int(r.size)}
}

// xmlEscape escapes text for element content and attribute values alike.
func xmlEscape(s string) string { return xmlEscaper.Replace(sanitize(s)) }

var xmlEscaper = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&quot;")

// SVG draws c as an <svg> element for inline use in HTML: it scales to the width of its
// container (viewBox, width 100%), carries role="img", a <title> and an aria-label with
// the chart's text alternative, and names the theme's font family. width and height are
// the design size in CSS pixels, which sets the proportions and the relative text size.
func SVG(c Chart, t Theme, width, height int) ([]byte, error) {
	if err := valid(c); err != nil {
		return nil, err
	}
	st, err := t.resolve()
	if err != nil {
		return nil, fmt.Errorf("chart %q: %w", c.Title(), err)
	}
	if width < 50 || height < 50 || width > maxDesign || height > maxDesign {
		return nil, fmt.Errorf("chart %q: size %d×%d out of range", c.Title(), width, height)
	}
	inner, err := chart.SVG(width*scale, height*scale)
	if err != nil {
		return nil, fmt.Errorf("chart %q: %w", c.Title(), err)
	}
	inner.SetDPI(72) // font-size in the SVG is then the renderer's size, unconverted
	r := &svgRenderer{Renderer: inner, st: st}
	cv := &canvas{r: r, w: float64(width), h: float64(height), st: st}
	c.draw(cv)
	// go-chart writes partial output on error: keep it in a buffer, use it only on success.
	var buf bytes.Buffer
	if err := r.Save(&buf); err != nil {
		return nil, fmt.Errorf("chart %q: %w", c.Title(), err)
	}
	body := buf.Bytes()
	// Replace go-chart's root element by ours; its content ends with "</svg>".
	if i := bytes.IndexByte(body, '>'); i >= 0 {
		body = body[i+1:]
	}
	var out bytes.Buffer
	fmt.Fprintf(&out, `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 %d %d" width="100%%" role="img" aria-label="%s" style="font-family:%s;height:auto">`,
		width*scale, height*scale, xmlEscape(c.Alt()), xmlEscape(cssFamily(st.family)))
	fmt.Fprintf(&out, "<title>%s</title>", xmlEscape(c.Title()))
	out.Write(body)
	return out.Bytes(), nil
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
