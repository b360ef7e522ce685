package charts

import (
	"errors"
	"fmt"
	"io"
	"math"

	"github.com/go-pdf/fpdf"
	"github.com/golang/freetype/truetype"
	chart "github.com/wcharczuk/go-chart/v2"
	"github.com/wcharczuk/go-chart/v2/drawing"
	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/gofont/goregular"
)

// pdfRenderer is a go-chart Renderer that draws straight into an fpdf page as vector paths
// and real text. go-chart describes a path first and then asks to stroke or fill it, so
// path operations are buffered and replayed. Canvas units map to the user units of the
// document by k, with (x0, y0) the top left corner of the chart's box.
type pdfRenderer struct {
	pdf      *fpdf.Fpdf
	st       *style
	x0, y0   float64
	k        float64 // user units per canvas unit
	ptPerU   float64 // points per user unit
	ops      []pathOp
	last     pt // current point in canvas units
	stroke   drawing.Color
	fill     drawing.Color
	text     drawing.Color
	width    float64
	dash     []float64
	font     *truetype.Font
	size     float64
	rotation *float64
	alpha    float64
	// the font last selected in fpdf: selecting writes an operator into the page, and
	// fpdf writes it again for the same font.
	selStyle string
	selSize  float64
	selected bool
}

// pathOp is one buffered path operation; its points are held in place (a slice per
// operation was most of a chart's allocations, ~1,600 per plan), and the buffer is
// reused from path to path.
type pathOp struct {
	kind byte // 'M', 'L', 'C', 'Z'
	p    [6]float64
}

func (r *pdfRenderer) X(v float64) float64 { return r.x0 + v*r.k }
func (r *pdfRenderer) Y(v float64) float64 { return r.y0 + v*r.k }

func (r *pdfRenderer) ResetStyle() {
	r.stroke, r.fill, r.text = drawing.Color{}, drawing.Color{}, drawing.Color{}
	r.width, r.dash, r.rotation = 0, nil, nil
}
func (r *pdfRenderer) GetDPI() float64                 { return 72 }
func (r *pdfRenderer) SetDPI(float64)                  {}
func (r *pdfRenderer) SetClassName(string)             {}
func (r *pdfRenderer) SetStrokeColor(c drawing.Color)  { r.stroke = c }
func (r *pdfRenderer) SetFillColor(c drawing.Color)    { r.fill = c }
func (r *pdfRenderer) SetStrokeWidth(w float64)        { r.width = w }
func (r *pdfRenderer) SetStrokeDashArray(d []float64)  { r.dash = d }
func (r *pdfRenderer) SetFont(f *truetype.Font)        { r.font = f }
func (r *pdfRenderer) SetFontColor(c drawing.Color)    { r.text = c }
func (r *pdfRenderer) SetFontSize(s float64)           { r.size = s }
func (r *pdfRenderer) SetTextRotation(radians float64) { r.rotation = &radians }
func (r *pdfRenderer) ClearTextRotation()              { r.rotation = nil }
func (r *pdfRenderer) Save(io.Writer) error            { return r.pdf.Error() }
func (r *pdfRenderer) MoveTo(x, y int)                 { r.op('M', float64(x), float64(y)) }
func (r *pdfRenderer) LineTo(x, y int)                 { r.op('L', float64(x), float64(y)) }
func (r *pdfRenderer) Close()                          { r.ops = append(r.ops, pathOp{kind: 'Z'}) }
func (r *pdfRenderer) Stroke()                         { r.draw("D"); r.ops = r.ops[:0] }
func (r *pdfRenderer) Fill()                           { r.draw("F"); r.ops = r.ops[:0] }
func (r *pdfRenderer) FillStroke()                     { r.draw("F"); r.draw("D"); r.ops = r.ops[:0] }

func (r *pdfRenderer) op(kind byte, p ...float64) {
	if kind == 'L' && len(r.ops) == 0 {
		kind = 'M'
	}
	o := pathOp{kind: kind}
	copy(o.p[:], p)
	r.ops = append(r.ops, o)
	r.last = pt{p[len(p)-2], p[len(p)-1]}
}

// QuadCurveTo is raised to a cubic curve, which fpdf's path API draws.
func (r *pdfRenderer) QuadCurveTo(cx, cy, x, y int) {
	p0 := r.last
	q := pt{float64(cx), float64(cy)}
	e := pt{float64(x), float64(y)}
	r.op('C', p0.x+2.0/3*(q.x-p0.x), p0.y+2.0/3*(q.y-p0.y),
		e.x+2.0/3*(q.x-e.x), e.y+2.0/3*(q.y-e.y), e.x, e.y)
}

// ArcTo follows go-chart's convention (angles in radians, clockwise in y-down space, as
// its SVG renderer draws them) and approximates the arc by cubic Béziers of at most 90°.
func (r *pdfRenderer) ArcTo(cx, cy int, rx, ry, start, delta float64) {
	n := int(math.Ceil(math.Abs(delta) / (math.Pi / 2)))
	if n == 0 || math.IsNaN(delta) {
		return
	}
	x0, y0 := float64(cx), float64(cy)
	at := func(a float64) pt { return pt{x0 + rx*math.Cos(a), y0 + ry*math.Sin(a)} }
	s := at(start)
	if len(r.ops) == 0 {
		r.op('M', s.x, s.y)
	} else {
		r.op('L', s.x, s.y)
	}
	step := delta / float64(n)
	kappa := 4.0 / 3 * math.Tan(step/4)
	for i := 0; i < n; i++ {
		a1, a2 := start+float64(i)*step, start+float64(i+1)*step
		p1, p2 := at(a1), at(a2)
		r.op('C',
			p1.x-kappa*rx*math.Sin(a1), p1.y+kappa*ry*math.Cos(a1),
			p2.x+kappa*rx*math.Sin(a2), p2.y-kappa*ry*math.Cos(a2),
			p2.x, p2.y)
	}
}

func (r *pdfRenderer) draw(style string) {
	ops := r.ops
	col := r.stroke
	if style == "F" {
		col = r.fill
	}
	if len(ops) == 0 || col.A == 0 || (style == "D" && r.width <= 0) {
		return
	}
	p := r.pdf
	cr, cg, cb := flat(col)
	if style == "F" {
		p.SetFillColor(cr, cg, cb)
	} else {
		p.SetDrawColor(cr, cg, cb)
		p.SetLineWidth(r.width * r.k)
		dash := make([]float64, len(r.dash))
		for i, d := range r.dash {
			dash[i] = d * r.k
		}
		p.SetDashPattern(dash, 0)
	}
	for _, o := range ops {
		switch o.kind {
		case 'M':
			p.MoveTo(r.X(o.p[0]), r.Y(o.p[1]))
		case 'L':
			p.LineTo(r.X(o.p[0]), r.Y(o.p[1]))
		case 'C':
			p.CurveBezierCubicTo(r.X(o.p[0]), r.Y(o.p[1]), r.X(o.p[2]), r.Y(o.p[3]), r.X(o.p[4]), r.Y(o.p[5]))
		case 'Z':
			p.ClosePath()
		}
	}
	p.DrawPath(style)
}

// flat is c drawn opaque as it looks with its alpha over the white page: PDF/A-1 allows
// no transparency (an ExtGState with ca or CA below 1), and charts stand on white.
// Translucent shapes that overlap no longer show through each other.
func flat(c drawing.Color) (int, int, int) {
	a := float64(c.A) / 255
	f := func(v uint8) int { return int(math.Round(float64(v)*a + 255*(1-a))) }
	return f(c.R), f(c.G), f(c.B)
}

func (r *pdfRenderer) setAlpha(a float64) {
	if a != r.alpha {
		r.pdf.SetAlpha(a, "Normal")
		r.alpha = a
	}
}

func (r *pdfRenderer) Circle(radius float64, x, y int) {
	p := r.pdf
	cx, cy, rr := r.X(float64(x)), r.Y(float64(y)), radius*r.k
	if r.fill.A > 0 {
		p.SetFillColor(flat(r.fill))
		p.Circle(cx, cy, rr, "F")
	}
	if r.stroke.A > 0 && r.width > 0 {
		p.SetDrawColor(flat(r.stroke))
		p.SetLineWidth(r.width * r.k)
		p.SetDashPattern(nil, 0)
		p.Circle(cx, cy, rr, "D")
	}
}

func (r *pdfRenderer) useFont() {
	style, size := r.fontStyle(), r.size*r.k*r.ptPerU
	if r.selected && style == r.selStyle && size == r.selSize {
		return
	}
	r.pdf.SetFont(r.st.family, style, size)
	r.selStyle, r.selSize, r.selected = style, size, true
}

func (r *pdfRenderer) fontStyle() string {
	if r.font != nil && r.font == r.st.bold {
		return "B"
	}
	return ""
}

// Text draws at the baseline y, as go-chart's renderers do.
func (r *pdfRenderer) Text(body string, x, y int) {
	p := r.pdf
	r.useFont()
	r.setAlpha(1)
	p.SetTextColor(int(r.text.R), int(r.text.G), int(r.text.B))
	tx, ty := r.X(float64(x)), r.Y(float64(y))
	if r.rotation != nil {
		p.TransformBegin()
		// fpdf turns counter-clockwise, go-chart's radians turn clockwise (y down).
		p.TransformRotate(-*r.rotation*180/math.Pi, tx, ty)
	}
	p.Text(tx, ty, r.st.clean(body))
	if r.rotation != nil {
		p.TransformEnd()
	}
}

// MeasureText uses fpdf's own metrics, so that the layout matches what is drawn.
func (r *pdfRenderer) MeasureText(body string) chart.Box {
	// Measured without selecting the font (see useFont).
	w := r.pdf.StringWidthOf(r.st.family, r.fontStyle(), r.size*r.k*r.ptPerU, r.st.clean(body)) / r.k
	return chart.Box{Right: int(math.Ceil(w)), Bottom: int(r.size)}
}

// PDF draws c as vector paths and text into the current page of pdf, in the box at (x, y)
// of size w × h in the document's user unit. Text uses the font registered under
// Theme.FontFamily (styles "" and "B"); if none is registered, the Go fonts are
// registered under that name. Colours, line width and alpha are restored afterwards, the
// dash pattern is solid, and the font is the theme's family, regular, at the previous size.
func PDF(pdf *fpdf.Fpdf, c Chart, t Theme, x, y, w, h float64) error {
	if err := valid(c); err != nil {
		return err
	}
	if pdf == nil {
		return errors.New("no PDF document")
	}
	if err := pdf.Error(); err != nil {
		return fmt.Errorf("chart %q: %w", c.Title(), err)
	}
	st, err := t.resolve()
	if err != nil {
		return fmt.Errorf("chart %q: %w", c.Title(), err)
	}
	if !(w > 0 && h > 0) || math.IsInf(w+h, 0) {
		return fmt.Errorf("chart %q: invalid box %g × %g", c.Title(), w, h)
	}
	ensureFonts(pdf, st.family, t)
	ptPerU := pdf.GetConversionRatio()
	// The design size in CSS pixels (0.75 pt each) keeps text proportions equal to the SVG.
	dw := w * ptPerU / 0.75
	dh := h * ptPerU / 0.75
	if dw > maxDesign || dh > maxDesign || dw < 1 || dh < 1 || !finite(x+y) {
		return fmt.Errorf("chart %q: box %g × %g at %g, %g out of range", c.Title(), w, h, x, y)
	}
	r := &pdfRenderer{pdf: pdf, st: st, x0: x, y0: y, k: w / (dw * scale), ptPerU: ptPerU}
	alpha, blend := pdf.GetAlpha()
	r.alpha = alpha
	size, _ := pdf.GetFontSize()
	dr, dg, db := pdf.GetDrawColor()
	fr, fg, fb := pdf.GetFillColor()
	tr, tg, tb := pdf.GetTextColor()
	lw := pdf.GetLineWidth()
	pdf.ClipRect(x, y, w, h, false)
	c.draw(&canvas{r: r, w: dw, h: dh, st: st})
	pdf.ClipEnd()
	// The clip's "Q" restored the graphics state of the page, but fpdf still believes in
	// the chart's last font, colours and alpha: set them again, so that both agree.
	pdf.SetFont(st.family, "", size)
	pdf.SetAlpha(alpha, blend)
	pdf.SetDashPattern(nil, 0)
	pdf.SetDrawColor(dr, dg, db)
	pdf.SetFillColor(fr, fg, fb)
	pdf.SetTextColor(tr, tg, tb)
	pdf.SetLineWidth(lw)
	if err := pdf.Error(); err != nil {
		return fmt.Errorf("chart %q: %w", c.Title(), err)
	}
	return nil
}

// ensureFonts registers the theme's fonts (or the Go fonts) where the family is unknown
// to the document, so that PDF works on its own; the PDF writer normally registers them.
func ensureFonts(pdf *fpdf.Fpdf, family string, t Theme) {
	reg := func(style string, b, def []byte) {
		if pdf.GetFontDesc(family, style).Ascent != 0 {
			return
		}
		if len(b) == 0 {
			b = def
		}
		pdf.AddUTF8FontFromBytes(family, style, b)
	}
	reg("", t.Regular, goregular.TTF)
	reg("B", t.Bold, gobold.TTF)
}
