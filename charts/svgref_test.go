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

// refRenderer and refSVG are the SVG backend as it was before it wrote the markup itself:
// go-chart's SVG renderer, wrapped to escape text. They are the reference that the
// differential tests (svgdiff_test.go) hold the new backend to, byte for byte.
type refRenderer struct {
	chart.Renderer
	st   *style
	font *truetype.Font
	size float64
}

func (r *refRenderer) SetFont(f *truetype.Font) { r.font = f }

func (r *refRenderer) SetFontSize(size float64) {
	r.size = size
	r.Renderer.SetFontSize(size)
}

func (r *refRenderer) SetClassName(name string) { r.Renderer.SetClassName(refEscape(name)) }

func (r *refRenderer) Text(body string, x, y int) {
	body = refEscape(body)
	if r.font == r.st.bold {
		body = `<tspan font-weight="bold">` + body + `</tspan>`
	}
	r.Renderer.Text(body, x, y)
}

func (r *refRenderer) MeasureText(body string) chart.Box {
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

func refEscape(s string) string { return refEscaper.Replace(sanitize(s)) }

var refEscaper = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&quot;")

func newRefRenderer(st *style, w, h int) *refRenderer {
	inner, _ := chart.SVG(w, h)
	inner.SetDPI(72)
	return &refRenderer{Renderer: inner, st: st}
}

func refSVG(c Chart, t Theme, width, height int) ([]byte, error) {
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
	r := newRefRenderer(st, width*scale, height*scale)
	cv := &canvas{r: r, w: float64(width), h: float64(height), st: st}
	c.draw(cv)
	var buf bytes.Buffer
	if err := r.Save(&buf); err != nil {
		return nil, fmt.Errorf("chart %q: %w", c.Title(), err)
	}
	body := buf.Bytes()
	if i := bytes.IndexByte(body, '>'); i >= 0 {
		body = body[i+1:]
	}
	var out bytes.Buffer
	fmt.Fprintf(&out, `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 %d %d" width="100%%" role="img" aria-label="%s" style="font-family:%s;height:auto">`,
		width*scale, height*scale, refEscape(c.Alt()), refEscape(refCSSFamily(st.family)))
	fmt.Fprintf(&out, "<title>%s</title>", refEscape(c.Title()))
	out.Write(body)
	return out.Bytes(), nil
}

func refCSSFamily(name string) string {
	name = strings.Map(func(r rune) rune {
		if r == '\'' || r == '\\' || r == ';' || r == '{' || r == '}' {
			return -1
		}
		return r
	}, name)
	return "'" + name + "',sans-serif"
}

// refFit and refWrap are canvas.fit and canvas.wrap as they were before they worked on
// substrings; FuzzFitWrap holds the new ones to them.
func refFit(c *canvas, s string, f tstyle, max float64) string {
	s = strings.TrimSpace(sanitize(s))
	if c.measure(s, f) <= max {
		return s
	}
	r := []rune(s)
	lo, hi := 0, len(r)
	for lo < hi {
		m := (lo + hi + 1) / 2
		if c.measure(strings.TrimSpace(string(r[:m]))+ellipsis, f) <= max {
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
	return strings.TrimSpace(string(r[:lo])) + ellipsis
}

func refWrap(c *canvas, s string, f tstyle, max float64, maxLines int) []string {
	words := strings.Fields(sanitize(s))
	var lines []string
	cur := ""
	for i := 0; i < len(words); i++ {
		try := words[i]
		if cur != "" {
			try = cur + " " + words[i]
		}
		if c.measure(try, f) <= max {
			cur = try
			continue
		}
		if cur == "" {
			lines = append(lines, refFit(c, words[i], f, max))
		} else {
			lines = append(lines, cur)
			i--
		}
		cur = ""
		if len(lines) == maxLines {
			rest := strings.Join(words[i+1:], " ")
			if rest != "" {
				lines[len(lines)-1] = refFit(c, lines[len(lines)-1]+" "+rest, f, max)
			}
			return lines
		}
	}
	if cur != "" {
		lines = append(lines, cur)
	}
	if len(lines) > maxLines && maxLines > 0 {
		lines = lines[:maxLines]
	}
	return lines
}
