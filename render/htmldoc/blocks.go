package htmldoc

import (
	"bytes"
	"fmt"
	"math"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/util"

	"github.com/kepdev/kep/charts"
	"github.com/kepdev/kep/render"
)

// block writes one block of section s; h is the level of the block's own headings.
func (p *page) block(bl render.Block, s *render.Section, h int) error {
	switch x := bl.(type) {
	case *render.Paragraph:
		p.raw("<p>")
		p.wrap(x.Text)
		p.raw("</p>")
	case *render.Markdown:
		p.raw(`<div class="md">`)
		if err := p.markdown(x, h); err != nil {
			return err
		}
		p.raw("</div>")
	case *render.Heading:
		p.minorHeading(h, x.Text)
		p.lastHeading = x.Text
	case *render.Note:
		p.raw(`<p class="note`)
		if x.Kind == render.NoteWarning {
			p.raw(" warn")
		}
		p.raw(`">`)
		p.text(x.Text)
		p.raw("</p>")
	case *render.Facts:
		p.facts(x, h)
	case *render.Tiles:
		p.tiles(x)
	case *render.List:
		p.list(x, h)
	case *render.Table:
		p.table(x, s)
	case *render.SWOT:
		p.swot(x, h)
	case *render.Chart:
		if err := p.chart(x, s); err != nil {
			return err
		}
	default:
		return fmt.Errorf("html: unknown block %T", bl)
	}
	p.raw("\n")
	return nil
}

func (p *page) facts(f *render.Facts, h int) {
	if f.Title != "" {
		p.minorHeading(h, f.Title)
	}
	p.raw(`<dl class="facts">`)
	for _, it := range f.Items {
		p.raw("\n<div><dt>")
		p.text(it.Label)
		p.raw("</dt><dd>")
		p.light(it.Light)
		p.link(it.Link, it.Value)
		p.raw("</dd></div>")
	}
	p.raw("\n</dl>")
}

// link writes text, as a link to target when there is one; a link that shows its own
// address is marked "bare" so that print does not repeat it.
func (p *page) link(target, text string) {
	if target == "" {
		p.wrap(text)
		return
	}
	p.raw(`<a href="`)
	p.url(target)
	p.raw(`"`)
	if target == text {
		p.raw(` class="bare"`)
	}
	p.raw(">")
	p.wrap(text)
	p.raw("</a>")
}

func (p *page) tiles(t *render.Tiles) {
	p.raw(`<dl class="tiles">`)
	for _, it := range t.Items {
		p.raw("\n<div class=\"tile")
		if it.Light != "" {
			p.raw(" tile-")
			p.text(string(it.Light))
		}
		p.raw(`"><dt>`)
		p.text(it.Label)
		p.raw(`</dt><dd><span class="tile-value">`)
		p.text(it.Value)
		p.raw("</span>")
		if it.Sub != "" {
			p.raw(`<span class="tile-sub">`)
			p.light(it.Light)
			p.text(it.Sub)
			p.raw("</span>")
		}
		p.raw("</dd></div>")
	}
	p.raw("\n</dl>")
}

func (p *page) list(l *render.List, h int) {
	if l.Title != "" {
		p.minorHeading(h, l.Title)
	}
	tag := "ul"
	if l.Ordered {
		tag = "ol"
	}
	p.raw("<" + tag + ` class="items">`)
	for _, it := range l.Items {
		p.raw("\n<li>")
		p.wrap(it)
		p.raw("</li>")
	}
	p.raw("\n</" + tag + ">")
}

func (p *page) swot(sw *render.SWOT, h int) {
	p.raw(`<div class="swot">`)
	for _, q := range sw.Quadrants {
		p.raw("\n<div class=\"swot-q swot-")
		p.text(q.Key)
		p.raw(`">`)
		p.minorHeading(h, q.Title)
		if len(q.Items) == 0 {
			p.raw(`<p class="note">–</p>`)
		} else {
			p.raw("<ul>")
			for _, it := range q.Items {
				p.raw("<li>")
				p.wrap(it)
				p.raw("</li>")
			}
			p.raw("</ul>")
		}
		p.raw("</div>")
	}
	p.raw("\n</div>")
}

// light writes a traffic light as a coloured shape; the text beside it says the same.
func (p *page) light(l render.Light) {
	if l == "" {
		return
	}
	p.raw(`<span class="light light-`)
	p.text(string(l))
	p.raw(`" aria-hidden="true">`)
	p.text(l.Symbol())
	p.raw("</span>")
}

func (p *page) chart(c *render.Chart, s *render.Section) error {
	w, h := c.Width, c.Height
	if w < 50 || h < 50 { // no size given: the theme's, as in the PDF
		w, h = p.look.ChartWidth, p.look.ChartHeight
	}
	start := len(p.buf)
	p.raw(`<div class="chart chart-`)
	p.text(c.Kind)
	// The design width, enlarged a little for screens.
	p.raw("\">\n<figure>\n<div class=\"chart-svg\" tabindex=\"0\" style=\"max-width:")
	p.int(w * 5 / 4)
	p.raw(`px">`)
	var err error
	if p.buf, err = charts.AppendSVG(p.buf, c.Model, p.theme, w, h); err != nil {
		p.buf = p.buf[:start]
		return fmt.Errorf("html: %w", err)
	}
	p.raw("</div>\n<figcaption>")
	p.text(c.Title)
	p.raw("</figcaption>\n</figure>")
	if c.Data != nil {
		p.raw("\n<details class=\"chart-data\"><summary>")
		p.text(p.d.Labels.T("doc.chartdata"))
		p.raw("</summary>")
		p.table(c.Data, s)
		p.raw("</details>")
	}
	p.raw("\n</div>")
	return nil
}

// table writes a table in a scrolling frame: column classes for alignment, widths, and a
// minimum width so that wide tables scroll inside their frame on a phone instead of
// squeezing every word.
func (p *page) table(t *render.Table, s *render.Section) {
	p.tables++
	id := "t" + strconv.Itoa(p.tables)
	// Landmark names must be unique: caption plus section heading, numbered on repeat.
	name := t.Caption + "\x00" + s.ID
	p.regions[name]++
	dup := p.regions[name]
	// A caption that repeats the heading right above it is for screen readers only.
	hideCaption := t.Caption != "" && (t.Caption == s.Title || strings.HasPrefix(p.lastHeading, t.Caption))
	ncol := len(t.Header)

	p.raw(`<div class="table-wrap" role="region" aria-labelledby="`)
	p.raw(id)
	p.raw(" ")
	p.text(s.ID)
	p.raw("-h\" tabindex=\"0\">\n<table")
	widths := columnWidths(t.Widths, ncol)
	if widths != nil {
		p.raw(` class="fixed"`)
	}
	p.raw(` style="min-width:`)
	if ncol > 3 {
		p.int(ncol * 11 / 2)
	} else {
		p.int(0)
	}
	p.raw("rem\">\n<caption id=\"")
	p.raw(id)
	p.raw(`"`)
	if hideCaption {
		p.raw(` class="sr-only"`)
	}
	p.raw(">")
	p.text(t.Caption)
	if dup > 1 {
		p.raw(`<span class="sr-only"> (`)
		p.int(dup)
		p.raw(")</span>")
	}
	p.raw("</caption>")
	p.tableHead(t, widths)
	p.raw("\n<tbody>")
	for _, r := range t.Rows {
		p.row(t, r, t.RowHeader)
	}
	p.raw("\n</tbody>")
	if len(t.Foot) > 0 {
		p.raw("\n<tfoot>")
		for _, r := range t.Foot {
			p.row(t, r, true)
		}
		p.raw("\n</tfoot>")
	}
	p.raw("\n</table>\n</div>\n")
}

// tableHead writes the column widths, if any, and the header row.
func (p *page) tableHead(t *render.Table, widths []float64) {
	if widths != nil {
		p.raw("\n<colgroup>")
		for _, w := range widths {
			p.raw(`<col style="width:`)
			p.buf = strconv.AppendFloat(p.buf, w, 'f', 2, 64)
			p.raw(`%">`)
		}
		p.raw("</colgroup>")
	}
	p.raw("\n<thead><tr>")
	for i, hd := range t.Header {
		p.raw(`<th scope="col"`)
		if a := alignClass(t, i); a != "" {
			p.raw(` class="` + a + `"`)
		}
		p.raw(">")
		p.text(hd)
		p.raw("</th>")
	}
	p.raw("</tr></thead>")
}

// columnWidths turns relative widths into percentages; nil when the table has none.
func columnWidths(widths []float64, ncol int) []float64 {
	if len(widths) != ncol || ncol == 0 {
		return nil
	}
	sum := 0.0
	for _, w := range widths {
		sum += math.Max(w, 0)
	}
	if sum <= 0 {
		return nil
	}
	out := make([]float64, ncol)
	for i, w := range widths {
		out[i] = math.Max(w, 0) / sum * 100
	}
	return out
}

func alignClass(t *render.Table, i int) string {
	if i < len(t.Align) {
		switch t.Align[i] {
		case render.Right:
			return "r"
		case render.Center:
			return "c"
		}
	}
	return ""
}

// row writes one table row, padded to the header's width; with header, its first cell
// is the row's header.
func (p *page) row(t *render.Table, cells []render.Cell, header bool) {
	p.raw("\n<tr>")
	for i, c := range cells {
		tag := "td"
		if header && i == 0 {
			tag = "th"
			p.raw(`<th scope="row"`)
		} else {
			p.raw("<td")
		}
		cls := alignClass(t, i)
		if c.Strong {
			cls += " strong"
		}
		if c.Muted {
			cls += " muted"
		}
		if c.Name {
			cls += " name" // never hyphenated (hyphenateHTML, the style sheet)
		}
		if cls != "" {
			p.raw(` class="` + strings.TrimPrefix(cls, " ") + `"`)
		}
		p.raw(">")
		p.light(c.Light)
		link := c.Link
		if link != "" && !render.SafeURL(link) {
			link = ""
		}
		p.link(link, c.Text)
		p.raw("</" + tag + ">")
	}
	for i := len(cells); i < len(t.Header); i++ {
		p.raw("<td></td>")
	}
	p.raw("</tr>")
}

// markdown renders Markdown from the plan: raw HTML shown as text, unsafe links and
// images reduced to their text, headings moved below the surrounding section's heading
// (level h) so that the document's outline stays in order, and table alignment as a
// class (the align attribute is obsolete in HTML5, style attributes are not wanted).
// The tree is the document's, shared with the PDF writer (render.Markdown.Tree): the
// heading level, the bare links' class and the cells' alignment are written by the
// page's own node renderers (mdNodes), not set in it.
func (p *page) markdown(m *render.Markdown, h int) error {
	doc, source := m.Tree()
	p.mdLevel = h
	if err := mdRenderer().Render(p, source, doc); err != nil {
		return fmt.Errorf("markdown: %w", err)
	}
	return nil
}

// mdRenderer renders the page's Markdown: goldmark's HTML with mdNodes in front.
var mdRenderer = sync.OnceValue(func() renderer.Renderer { return render.NewMarkdownRenderer(mdNodes{}) })

// mdNodes renders the nodes the page writes otherwise than goldmark does, each as
// goldmark would with what the page used to set in the tree: headings at the page's
// level (mdLevel), autolinks (which show their own address) with class "bare", and a
// table cell's alignment as a class. Their writer is the page.
type mdNodes struct{}

func (mdNodes) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(ast.KindHeading, renderMDHeading)
	reg.Register(ast.KindAutoLink, renderMDAutoLink)
	reg.Register(east.KindTableCell, renderMDTableCell)
}

// renderMDHeading is goldmark's renderHeading at the page's level.
func renderMDHeading(w util.BufWriter, _ []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	level := node.(*ast.Heading).Level
	if p, ok := w.(*page); ok {
		level = p.mdLevel
	}
	if entering {
		_, _ = w.WriteString("<h")
		_ = w.WriteByte("0123456"[level])
		if node.Attributes() != nil {
			html.RenderAttributes(w, node, html.HeadingAttributeFilter)
		}
		_ = w.WriteByte('>')
	} else {
		_, _ = w.WriteString("</h")
		_ = w.WriteByte("0123456"[level])
		_, _ = w.WriteString(">\n")
	}
	return ast.WalkContinue, nil
}

// renderMDAutoLink is goldmark's renderAutoLink (never unsafe) with class="bare": the
// parser gives an autolink no attributes of its own.
func renderMDAutoLink(w util.BufWriter, source []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	n := node.(*ast.AutoLink)
	if !entering {
		return ast.WalkContinue, nil
	}
	_, _ = w.WriteString(`<a href="`)
	url := util.URLEscape(n.URL(source), false)
	label := n.Label(source)
	if n.AutoLinkType == ast.AutoLinkEmail && !bytes.HasPrefix(bytes.ToLower(url), []byte("mailto:")) {
		_, _ = w.WriteString("mailto:")
	}
	if !html.IsDangerousURL(url) {
		_, _ = w.Write(util.EscapeHTML(url))
	}
	_, _ = w.WriteString(`" class="bare">`)
	_, _ = w.Write(util.EscapeHTML(label))
	_, _ = w.WriteString(`</a>`)
	return ast.WalkContinue, nil
}

// renderMDTableCell is the GFM table's renderTableCell for a cell with no alignment of
// its own and the class al-right or al-center where it has one: the parser gives a
// cell no attributes.
func renderMDTableCell(w util.BufWriter, _ []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	n := node.(*east.TableCell)
	tag := "td"
	if n.Parent().Kind() == east.KindTableHeader {
		tag = "th"
	}
	if !entering {
		_, _ = w.WriteString("</" + tag + ">\n")
		return ast.WalkContinue, nil
	}
	_, _ = w.WriteString("<" + tag)
	switch n.Alignment {
	case east.AlignRight:
		_, _ = w.WriteString(` class="al-right"`)
	case east.AlignCenter:
		_, _ = w.WriteString(` class="al-center"`)
	}
	_ = w.WriteByte('>')
	return ast.WalkContinue, nil
}

// wrap writes s escaped and offers line breaks (<wbr>) inside very long words, so that a
// 5,000-character word or URL wraps in a table cell without breaking ordinary words.
func (p *page) wrap(s string) {
	const long, chunk = 32, 16
	if !hasLongWord(s, long) {
		p.buf = appendEscaped(p.buf, s, &escapesNoPlus)
		return
	}
	run := 0
	for _, r := range s {
		if r == ' ' || r == '\n' || r == '\t' {
			run = 0
		} else {
			run++
			if run > long && run%chunk == 1 {
				p.raw("<wbr>")
			}
		}
		if r < utf8.RuneSelf {
			if rep := escapesNoPlus[r]; rep != "" {
				p.raw(rep)
				continue
			}
		}
		p.buf = utf8.AppendRune(p.buf, r) // invalid UTF-8 becomes U+FFFD, as it always did here
	}
}

func hasLongWord(s string, long int) bool {
	if len(s) <= long { // no more runes than bytes: most table cells end here
		return false
	}
	run := 0
	for _, r := range s {
		if r == ' ' || r == '\n' || r == '\t' {
			run = 0
		} else if run++; run > long {
			return true
		}
	}
	return false
}
