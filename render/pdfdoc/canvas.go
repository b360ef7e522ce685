package pdfdoc

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/go-pdf/fpdf"
	"github.com/kepdev/kep/charts"
	"github.com/kepdev/kep/render"
)

// Canvas is a page surface placed by coordinates, for the management outputs
// (render/onepage, render/slides) that lay out fixed boxes instead of flowing text. It
// shares the document writer's fonts, sanitizer, colours and metadata, so that those
// PDFs have the same embedded fonts, the same safety against runes fpdf cannot write and
// the same reproducible bytes. Units are millimetres; y grows downwards.
type Canvas struct {
	e    *engine
	d    *render.Document
	logo logoImage
	// logoDone: the logo is registered once per document.
	logoDone bool
}

// Style of canvas text.
type Style uint8

// Canvas text styles; combine Bold|Italic.
const (
	Regular Style = 0
	Bold    Style = Style(stBold)
	Italic  Style = Style(stItalic)
)

// NewCanvas starts a PDF of pages w × h mm for document d: its brand font and colours,
// its title, author, language and dates as metadata (title overrides d.Title when not
// empty). Pages are added with AddPage.
func NewCanvas(d *render.Document, w, h float64, title string, opt Options) (*Canvas, error) {
	if d == nil {
		return nil, errors.New("pdf: no document")
	}
	if !(w > 10 && h > 10 && w < 2000 && h < 2000) {
		return nil, fmt.Errorf("pdf: page size %g × %g mm out of range", w, h)
	}
	fonts, err := fontSetOf(d)
	if err != nil {
		return nil, fmt.Errorf("pdf: %w", err)
	}
	doc := *d
	if title != "" {
		doc.Title = title
	}
	dw := newDocWriter(&doc, fonts, opt)
	// newDocWriter made an A4 or letter document: a canvas has its own page size, given
	// to every page it adds.
	dw.pageW, dw.pageH = w, h
	return &Canvas{e: dw.engine, d: d, logo: prepareLogo(d.Logo, d.LogoType)}, nil
}

// AddPage starts a new page of the canvas size.
func (c *Canvas) AddPage() {
	c.e.tags.close() // marked content does not cross pages (tag.go)
	c.e.pdf.AddPageFormat("P", fpdf.SizeType{Wd: c.e.pageW, Ht: c.e.pageH})
	c.e.invalidate()
	c.e.tags.reopen()
}

// PageCount is the number of pages so far.
func (c *Canvas) PageCount() int { return c.e.pdf.PageCount() }

// Size is the page size in millimetres.
func (c *Canvas) Size() (w, h float64) { return c.e.pageW, c.e.pageH }

// Clean makes s drawable on one line: control characters removed, newlines as spaces,
// runes the font lacks replaced (and reported in the Result).
func (c *Canvas) Clean(s string) string { return c.e.san.Line(s) }

// Width is the width of clean text s at size points, in millimetres.
func (c *Canvas) Width(s string, st Style, size float64) float64 {
	return c.e.strWidth(s, style(st), size)
}

// Text draws clean text with its baseline at y.
func (c *Canvas) Text(x, y float64, s string, st Style, size float64, color string) {
	c.e.text(x, y, s, style(st), size, parseColor(color, ink))
}

// Fit shortens clean text s with "…" until it is at most maxW wide.
func (c *Canvas) Fit(s string, st Style, size, maxW float64) string {
	if c.Width(s, st, size) <= maxW {
		return s
	}
	r := []rune(s)
	ell := c.e.san.Line("…")
	lo, hi := 0, len(r)
	for lo < hi {
		mid := (lo + hi + 1) / 2
		if c.Width(string(r[:mid])+ell, st, size) <= maxW {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	return strings.TrimRight(string(r[:lo]), " ") + ell
}

// Wrap breaks clean text s into lines no wider than maxW (a word wider than a line is
// broken between characters). The lines are returned as text, to be drawn with Text.
func (c *Canvas) Wrap(s string, st Style, size, maxW float64) []string {
	ts := textStyle{size: size, base: style(st), align: 'L'}
	var out []string
	for _, l := range c.e.wrap(plain(s), ts, maxW) {
		var b strings.Builder
		for i, w := range l.words {
			if i > 0 && w.space > 0 {
				b.WriteByte(' ')
			}
			for _, f := range w.frags {
				b.WriteString(f.text)
			}
		}
		out = append(out, b.String())
	}
	return out
}

// Rect fills a rectangle.
func (c *Canvas) Rect(x, y, w, h float64, fill string) {
	c.e.rect(x, y, w, h, parseColor(fill, ink))
}

// Line draws a straight line.
func (c *Canvas) Line(x1, y1, x2, y2 float64, color string, width float64) {
	c.e.setDraw(parseColor(color, rule), width)
	c.e.pdf.Line(x1, y1, x2, y2)
}

// Light draws a traffic light's shape (● ▲ ■), size points high, at the baseline.
func (c *Canvas) Light(x, y float64, l render.Light, size float64) {
	sym := []rune(l.Symbol())
	if len(sym) == 0 {
		return
	}
	c.e.shape(sym[0], x, y, size*ptToMM, parseColor(l.Color(), ink))
}

// Chart draws a chart of the document's chart model into the box. zoom > 1 draws it
// that much larger, type included (a slide read from across the room): the chart is
// laid out for the box divided by zoom and scaled up into it.
func (c *Canvas) Chart(m charts.Chart, x, y, w, h, zoom float64) error {
	if !(zoom > 0) {
		zoom = 1
	}
	dw := &docWriter{engine: c.e, d: c.d}
	if zoom != 1 {
		c.e.pdf.TransformBegin()
		c.e.pdf.TransformScale(zoom*100, zoom*100, x, y)
	}
	err := charts.PDF(c.e.pdf, m, dw.chartTheme(), x, y, w/zoom, h/zoom)
	if zoom != 1 {
		c.e.pdf.TransformEnd()
	}
	c.e.invalidate()
	return err
}

// Logo draws the brand's logo scaled into the box (maxW × maxH) at its top left and
// returns the size drawn; 0, 0 without a logo.
func (c *Canvas) Logo(x, y, maxW, maxH float64) (w, h float64) {
	if !c.logo.ok {
		return 0, 0
	}
	opt := fpdf.ImageOptions{ImageType: c.logo.typ}
	info := c.e.pdf.GetImageInfo("logo")
	if !c.logoDone {
		info = c.e.pdf.RegisterImageOptionsReader("logo", opt, bytes.NewReader(c.logo.data))
		c.logoDone = true
	}
	if info == nil || c.e.pdf.Error() != nil {
		return 0, 0
	}
	iw, ih := info.Width(), info.Height()
	if !(iw > 0 && ih > 0) {
		return 0, 0
	}
	s := min(maxW/iw, maxH/ih)
	w, h = iw*s, ih*s
	c.e.pdf.ImageOptions("logo", x, y, w, h, false, opt, 0, "")
	return w, h
}

// Bookmark adds an outline entry at y of the current page.
func (c *Canvas) Bookmark(title string, level int, y float64) {
	c.e.font(stBold, 10) // fpdf encodes UTF-8 bookmarks only while a UTF-8 font is set
	c.e.pdf.Bookmark(c.Clean(title), level, y)
}

// Finish writes the PDF to w in one piece; nothing is written on an error.
func (c *Canvas) Finish(w io.Writer) (res Result, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("pdf: internal error: %v", r)
		}
	}()
	if err := c.e.pdf.Error(); err != nil {
		return res, fmt.Errorf("pdf: %w", err)
	}
	var buf bytes.Buffer
	if err := c.e.pdf.Output(&buf); err != nil {
		return res, fmt.Errorf("pdf: %w", err)
	}
	res.Pages = c.e.pdf.PageCount()
	res.Replaced = c.e.san.Replaced()
	if err := handOver(w, &buf); err != nil {
		return res, fmt.Errorf("pdf: write: %w", err)
	}
	return res, nil
}
