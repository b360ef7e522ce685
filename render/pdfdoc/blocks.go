package pdfdoc

import (
	"cmp"
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/kepdev/kep/charts"
	"github.com/kepdev/kep/render"
)

// block sets one content block at the position.
func (w *docWriter) block(b render.Block, keep float64) {
	last := w.lastHeading
	w.lastHeading = ""
	split := w.split
	w.split = false
	if tag := blockTag(b); tag != "" {
		w.tags.begin(tag)
		defer w.tags.end()
	}
	switch b := b.(type) {
	case *render.Paragraph:
		w.flow(plain(w.san.Clean(b.Text)), body(ink), 0)
		w.gap(gapBlock)
	case *render.Markdown:
		w.markdown(b, 0)
		w.gap(gapBlock - gapLine) // its last paragraph ends with gapLine
	case *render.Heading:
		w.need(8 + keep)
		w.smallHeading(b.Text)
		w.lastHeading = b.Text
		return
	case *render.Facts:
		w.facts(b)
	case *render.Table:
		// The caption is left out where the heading just before says the same.
		caption := b.Caption
		if strings.HasPrefix(last, caption) {
			caption = ""
		}
		L := w.docTable(b, sizeSmall)
		if split && len(w.floats) > 0 {
			// Started in the gap of charts waiting: below them on the next page, its
			// continuation is named, as it no longer follows its caption.
			L.split = true
			cont := w.d.Labels.T("doc.continued")
			if name := cmp.Or(b.Caption, last); name != "" {
				cont = name + " (" + cont + ")"
			}
			was := L.t.cont
			L.t.cont = w.san.Line(cont)
			defer func() { L.split, L.t.cont = false, was }()
		}
		w.captioned(caption, L)
		w.gap(gapBlock)
	case *render.List:
		w.smallHeading(b.Title)
		w.list(b.Items, b.Ordered)
		w.gap(gapBlock)
	case *render.Chart:
		w.chart(b)
	case *render.Note:
		w.note(b)
	case *render.SWOT:
		w.swot(b)
	case *render.Tiles:
		w.tiles(b)
	}
}

var smallHeadTS = textStyle{size: sizeH3, lead: lead(sizeH3, leadHead), color: ink, base: stBold, align: 'L'}

// smallHeading is an unnumbered heading inside a section, kept with what follows.
func (w *docWriter) smallHeading(text string) {
	if text == "" {
		return
	}
	w.gap(gapLine)
	w.need(smallHeadTS.lead + 16)
	tag := headingTag(w.depth + 1)
	if w.tags != nil && w.tags.top().Type == "Table" {
		tag = "Caption"
	}
	w.tags.begin(tag)
	w.flow(plain(w.san.Line(text)), smallHeadTS, 0)
	w.tags.end()
	w.y += gapItem
	w.headingSet()
}

// smallHeadingHeight is the height smallHeading takes for text.
func (w *docWriter) smallHeadingHeight(text string) float64 {
	if text == "" {
		return 0
	}
	n := len(w.wrap(plain(w.san.Line(text)), smallHeadTS, w.width()))
	return gapLine + float64(n)*smallHeadTS.lead + gapItem
}

// docTable is the layout of a document table at the text width, made once.
func (w *docWriter) docTable(t *render.Table, size float64) *tableLayout {
	if L, ok := w.layouts[t]; ok {
		return L
	}
	L := w.layoutTable(w.tableSpec(t, size), w.left(), w.width())
	if w.layouts == nil {
		w.layouts = map[any]*tableLayout{}
	}
	w.layouts[t] = L
	return L
}

// captioned draws a table with its caption above, the caption kept with the header and
// the first rows (or all of a short table).
func (w *docWriter) captioned(caption string, L *tableLayout) {
	w.tags.begin("Table")
	defer w.tags.end()
	w.need(w.smallHeadingHeight(caption) + L.keep(w.bottom()-w.mt))
	w.smallHeading(caption)
	w.drawTable(L)
}

// lightSpans shows a traffic light by shape and colour, followed by text or, without
// text, the light's name: it never relies on colour alone.
func (w *docWriter) lightSpans(l render.Light, text string) []span {
	if l == "" {
		return nil
	}
	c := parseColor(l.Color(), muted)
	// The symbol as text where the font has it (it is then found and copied with the
	// text), else drawn as a shape.
	sym := []rune(l.Symbol())
	if len(sym) != 1 {
		sym = []rune{'●'} // a light the model does not know: still a dot
	}
	out := []span{{text: string(sym), color: &c}}
	if !w.san.cov.has(sym[0]) {
		// The text only holds the place; the shape is drawn instead.
		out = []span{{text: "o", shape: sym[0], color: &c}}
	}
	out = append(out, span{text: w.san.Line("\u00a0")})
	if text == "" {
		out = append(out, span{text: w.san.Line(w.d.Labels.T("light." + string(l)))})
	}
	return out
}

// factSpans is a value with its optional light and link.
func (w *docWriter) factSpans(value string, l render.Light, link string) []span {
	out := w.lightSpans(l, value)
	if value != "" {
		sp := span{text: w.san.Clean(value)}
		if link != "" && render.SafeURL(link) {
			sp.url = pdfURI(link)
		}
		out = append(out, sp)
	}
	return out
}

func (w *docWriter) facts(f *render.Facts) {
	w.captioned(f.Title, w.factsTable(f))
	w.gap(gapBlock)
}

// factsTable is the layout of a list of facts: a plain two-column table, made once.
func (w *docWriter) factsTable(f *render.Facts) *tableLayout {
	if L, ok := w.layouts[f]; ok {
		return L
	}
	L := w.layoutTable(w.factsSpec(f, 1), w.left(), w.width())
	// Short facts stand two to a row, as the HTML sets them side by side: a list of
	// figures then takes half the height, and no label or value wraps more than in one
	// column.
	if len(f.Items) >= 4 {
		if L2 := w.layoutTable(w.factsSpec(f, 2), w.left(), w.width()); L2.height() <= 0.65*L.height() && maxLines(L2) <= maxLines(L) {
			L = L2
		}
	}
	if w.layouts == nil {
		w.layouts = map[any]*tableLayout{}
	}
	w.layouts[f] = L
	return L
}

// factsSpec is a list of facts as a plain table of label and value, per facts to a row
// (1 or 2; read row by row, as the HTML's grid).
func (w *docWriter) factsSpec(f *render.Facts, per int) *tableSpec {
	spec := &tableSpec{size: sizeSmall, plain: true, widths: []float64{0.36, 0.64}}
	if per == 2 {
		spec.widths = []float64{0.29, 0.21, 0.29, 0.21}
	}
	cont := w.d.Labels.T("doc.continued")
	if f.Title != "" {
		cont = f.Title + " (" + cont + ")"
	}
	spec.cont = w.san.Line(cont)
	for i := 0; i < len(f.Items); i += per {
		var row []tcell
		for _, it := range f.Items[i:min(i+per, len(f.Items))] {
			row = append(row,
				tcell{spans: plain(w.san.Clean(it.Label)), muted: true},
				tcell{spans: w.factSpans(it.Value, it.Light, it.Link)})
		}
		for len(row) < 2*per {
			row = append(row, tcell{})
		}
		spec.rows = append(spec.rows, row)
	}
	return spec
}

// maxLines is the most lines a cell of the table's body takes.
func maxLines(L *tableLayout) int {
	n := 0
	for _, r := range L.rows {
		for _, ls := range r.ls {
			n = max(n, len(ls))
		}
	}
	return n
}

// tableSpec converts a document table; size is the text size in points.
func (w *docWriter) tableSpec(t *render.Table, size float64) *tableSpec {
	spec := &tableSpec{size: size}
	for _, h := range t.Header {
		spec.header = append(spec.header, w.san.Line(h))
	}
	for _, a := range t.Align {
		switch a {
		case render.Right:
			spec.align = append(spec.align, 'R')
		case render.Center:
			spec.align = append(spec.align, 'C')
		default:
			spec.align = append(spec.align, 'L')
		}
	}
	spec.widths = t.Widths
	spec.rowHead = t.RowHeader
	conv := func(rows [][]render.Cell, strong bool) [][]tcell {
		out := make([][]tcell, len(rows))
		for i, r := range rows {
			out[i] = make([]tcell, len(r))
			for c, cell := range r {
				spans := w.factSpans(cell.Text, cell.Light, cell.Link)
				if cell.Name {
					for k := range spans {
						spans[k].whole = true // a name is not hyphenated
					}
					for len(spec.names) <= c {
						spec.names = append(spec.names, false)
					}
					spec.names[c] = true // nor broken: its column keeps its longest word
				}
				out[i][c] = tcell{
					spans: spans,
					bold:  cell.Strong || strong || (t.RowHeader && c == 0),
					muted: cell.Muted,
				}
			}
		}
		return out
	}
	spec.rows = conv(t.Rows, false)
	spec.foot = conv(t.Foot, true)
	return spec
}

// list sets plain-text items with bullets or numbers.
func (w *docWriter) list(items []string, ordered bool) {
	w.tags.begin("L")
	defer w.tags.end()
	ts := body(ink)
	markW := 5.0
	if ordered {
		markW = math.Max(markW, w.strWidth(strconv.Itoa(len(items))+".", 0, ts.size)+2.5)
	}
	mark := textStyle{size: ts.size, lead: ts.lead, color: w.primary, align: 'R'}
	for i, it := range items {
		m := w.san.Line("•")
		if ordered {
			m = strconv.Itoa(i+1) + "."
		}
		lines := w.wrap(plain(w.san.Clean(it)), ts, w.width()-markW)
		w.need(float64(min(2, len(lines))) * ts.lead) // the marker stays with its text
		w.tags.begin("LI")
		w.tags.begin("Lbl")
		w.drawLine(w.wrap(plain(m), mark, markW)[0], w.left(), w.y, markW-2, mark)
		w.tags.end()
		w.tags.begin("LBody")
		w.flowLines(lines, ts, markW)
		w.tags.end()
		w.tags.end()
		w.y += gapItem
	}
}

// chartTheme is the document's chart theme (the colours and number formats the HTML
// uses too) with the family registered here and this document's sanitizer.
func (w *docWriter) chartTheme() charts.Theme {
	t := w.d.ChartTheme()
	t.FontFamily = textFamily
	t.Regular, t.Bold = w.fonts.styles[""].data, w.fonts.styles["B"].data
	t.Clean = w.chartSanitizer().Line
	return t
}

// chartSanitizer cleans a chart's texts for the text faces alone: a chart draws with
// them and has no fallback face, so a rune only the fallback has (U+2212 in Noto Sans)
// is substituted ("-") or reported like any other, never drawn as a missing glyph
// (PDF/A: a glyph error).
func (w *docWriter) chartSanitizer() *sanitizer {
	if w.chartSan == nil {
		s := newSanitizer(intersect(w.fonts.styles[""].cov, w.fonts.styles["B"].cov))
		s.replaced = w.san.replaced // one report per document
		w.chartSan = s
	}
	return w.chartSan
}

// chartSize is the chart's box: its design size in points scaled down to the text width,
// and no higher than chartMaxH (a chart grows with its content, as the profile with its
// criteria, up to 60 % of the text area). The charts lay themselves out for the box with
// text of a fixed size, so a flatter box than designed keeps its text and loses air.
func (w *docWriter) chartSize(c *render.Chart) (width, height float64) {
	dw, dh := float64(c.Width), float64(c.Height)
	if !(dw > 0 && dh > 0) || math.IsInf(dw+dh, 0) {
		dw, dh = float64(w.look.ChartWidth), float64(w.look.ChartHeight) // the HTML's default too
	}
	s := chartScale(c.Model)
	width = math.Min(w.width(), dw*ptToMM) * s
	height = width * dh / dw
	maxH := chartMaxH * s
	if grows(c.Model) {
		maxH = (w.bottom() - w.mt) * 0.6
	}
	if height > maxH {
		height = maxH
		if round(c.Model) {
			width = math.Min(width, height*dw/dh*1.3) // a circle needs no full width
		}
	}
	return width, height
}

// keepHeight is how much of the blocks bs must fit below a heading (with the text after)
// for the heading to stay on the page: a heading never ends a page, nor stands above a
// chart that moved on.
func (w *docWriter) keepHeight(bs []render.Block, after string) float64 {
	if len(bs) == 0 {
		return 14
	}
	switch b := bs[0].(type) {
	case *render.Heading:
		return 8 + math.Min(w.keepHeight(bs[1:], b.Text), (w.bottom()-w.mt)/2)
	case *render.Table:
		caption := b.Caption
		if strings.HasPrefix(after, caption) {
			caption = "" // left out, see block
		}
		L := w.docTable(b, sizeSmall)
		// With charts waiting, a table of four rows or more may start in their gap.
		L.split = len(w.floats) > 0 && L.nBody >= 4
		defer func() { L.split = false }()
		return w.smallHeadingHeight(caption) + L.keep(w.bottom()-w.mt)
	case *render.Chart:
		if b.Model == nil || b.Model.Empty() {
			return 20
		}
		return w.chartBox(b).need(minScale(b.Model)) // charts that nearly fit are set smaller
	case *render.Tiles:
		return 28
	case *render.SWOT:
		return 45
	case *render.Facts:
		return w.smallHeadingHeight(b.Title) + w.factsTable(b).keep(w.bottom()-w.mt)
	case *render.Note:
		return math.Min(w.noteHeight(b), 14)
	}
	return 14
}

// chart sets a chart here, or lets it float to the top of the next page (economy.go).
func (w *docWriter) chart(c *render.Chart) {
	if c.Model == nil || c.Model.Empty() {
		w.smallHeading(c.Title)
		w.note(&render.Note{Text: w.d.Labels.T("doc.nochart")})
		return
	}
	if len(w.floats) > 0 {
		w.floats = append(w.floats, c) // charts keep their order
		w.tags.keep(c, "Div")          // but are read where they stand in the plan
		return
	}
	box := w.chartBox(c)
	if w.y+gapLine+box.need(minScale(c.Model)) > w.bottom() && !w.atTop() && !w.belowHeading() {
		w.floats = append(w.floats, c)
		w.tags.keep(c, "Div")
		return
	}
	w.drawChart(c, box)
}

// drawChart draws a chart as vectors at a size that keeps its proportions and fits the
// page, with its title above, its text alternative below and its data as a table, all
// on one page (a long data table continues on the next).
func (w *docWriter) drawChart(c *render.Chart, box chartBox) {
	if el := w.tags.kept(c); el != nil { // a float: drawn later, read in its place
		w.tags.within(el, func() { w.drawChart(c, box) })
		return
	}
	width, height := box.width, box.height
	w.gap(gapLine)
	// Rather than leave most of a page empty, a chart that nearly fits is set smaller.
	if avail := w.bottom() - w.y - box.text - box.dataH; height > avail && avail >= minScale(c.Model)*height {
		width, height = width*avail/height, avail
	}
	w.need(box.text + height + box.dataH)
	w.tags.begin("P")
	for _, l := range box.title {
		w.drawLine(l, w.left(), w.y, w.width(), box.titleTS)
		w.y += box.titleTS.lead
	}
	w.tags.end()
	w.y += gapLine
	x := w.left() + (w.width()-width)/2
	// The chart is a figure whose alternative is the text the HTML gives it too.
	if fig := w.tags.begin("Figure"); fig != nil {
		fig.Alt = strings.TrimSpace(w.san.Clean(c.Alt))
		if fig.Alt == "" {
			fig.Alt = w.san.Line(c.Title)
		}
	}
	if err := charts.PDF(w.pdf, c.Model, w.chartTheme(), x, w.y, width, height); err != nil && w.chartErr == nil {
		w.chartErr = fmt.Errorf("chart %q: %w", c.Kind, err)
	}
	w.tags.end()
	w.invalidate() // the chart set fonts and colours of its own
	w.y += height + gapLine
	w.tags.begin("P")
	for _, l := range box.alt {
		w.drawLine(l, w.left(), w.y, w.width(), box.altTS)
		w.y += box.altTS.lead
	}
	w.tags.end()
	w.y += gapLine
	if box.data != nil {
		w.captioned(w.d.Labels.T("doc.chartdata"), box.data)
	}
	w.gap(gapBlock)
}

// noteTS is the style of a note's text; notePad its box's padding.
var noteTS = textStyle{size: sizeSmall, lead: lead(sizeSmall, leadText), color: ink, base: stItalic, align: 'L'}

const notePad = 2 * unit

// noteHeight is the height of a note's box (or its text where too long for a box).
func (w *docWriter) noteHeight(n *render.Note) float64 {
	lines := w.wrap(plain(w.san.Clean(n.Text)), noteTS, w.width()-2*notePad-2)
	return float64(len(lines))*noteTS.lead + 2*notePad
}

// note is a short remark in a tinted box with a bar: accent for warnings.
func (w *docWriter) note(n *render.Note) {
	ts := noteTS
	bar := w.primary
	if n.Kind == render.NoteWarning {
		bar = w.accent
	}
	pad := notePad
	lines := w.wrap(plain(w.san.Clean(n.Text)), ts, w.width()-2*pad-2)
	h := float64(len(lines))*ts.lead + 2*pad
	if h > (w.bottom()-w.mt)/2 {
		w.flow(plain(w.san.Clean(n.Text)), ts, 0) // too long for a box
		w.gap(gapBlock)
		return
	}
	w.need(h)
	w.rect(w.left(), w.y, w.width(), h, bar.tint(0.92))
	w.rect(w.left(), w.y, 1, h, bar)
	for i, l := range lines {
		w.drawLine(l, w.left()+pad+2, w.y+pad+float64(i)*ts.lead, w.width()-2*pad-2, ts)
	}
	w.y += h
	w.gap(gapBlock)
}

// swot draws the 2 × 2 grid; when a row of it is taller than a page, the quadrants
// follow each other as lists instead.
func (w *docWriter) swot(s *render.SWOT) {
	ts := textStyle{size: sizeSmall, lead: lead(sizeSmall, leadText), color: ink, align: 'L'}
	head := textStyle{size: sizeBody, lead: lead(sizeBody, leadText), color: white, base: stBold, align: 'L'}
	gapX, pad := 2*unit, 2*unit
	colW := (w.width() - gapX) / 2
	type quad struct {
		title []line
		items [][]line
		h     float64
	}
	layout := func(q render.SWOTQuadrant) quad {
		var out quad
		out.title = w.wrap(plain(w.san.Line(q.Title)), head, colW-2*pad)[:1]
		out.h = head.lead + 2*pad + pad
		for _, it := range q.Items {
			ls := w.wrap(plain(w.san.Clean(it)), ts, colW-2*pad-4)
			out.items = append(out.items, ls)
			out.h += float64(len(ls))*ts.lead + gapItem
		}
		return out
	}
	colors := [4]rgb{w.primary, w.accentText, w.primary, w.accentText}
	for row := 0; row < 2; row++ {
		a, b := layout(s.Quadrants[2*row]), layout(s.Quadrants[2*row+1])
		h := math.Max(a.h, b.h)
		if h > w.bottom()-w.mt {
			for _, q := range s.Quadrants[2*row : 2*row+2] {
				w.smallHeading(q.Title)
				w.list(q.Items, false)
			}
			continue
		}
		w.need(h)
		for i, q := range []quad{a, b} {
			x := w.left() + float64(i)*(colW+gapX)
			c := colors[2*row+i]
			w.rect(x, w.y, colW, h, c.tint(0.93))
			w.rect(x, w.y, colW, head.lead+2*pad-1, c)
			w.tags.begin(headingTag(w.depth + 1))
			w.drawLine(q.title[0], x+pad, w.y+pad-0.5, colW-2*pad, head)
			w.tags.end()
			w.tags.begin("L")
			y := w.y + head.lead + 2*pad + 1
			mark := textStyle{size: ts.size, lead: ts.lead, color: c, align: 'L'}
			for _, ls := range q.items {
				w.tags.begin("LI")
				w.tags.begin("Lbl")
				w.drawLine(w.wrap(plain(w.san.Line("•")), mark, 4)[0], x+pad, y, 4, mark)
				w.tags.end()
				w.tags.begin("LBody")
				for _, l := range ls {
					w.drawLine(l, x+pad+4, y, colW-2*pad-4, ts)
					y += ts.lead
				}
				w.tags.end()
				w.tags.end()
				y += gapItem
			}
			w.tags.end()
		}
		w.y += h + gapX // gapX = gapBlock: the gap after the block too
	}
}

// tiles sets key figures as a grid of boxes: a big value, its label and a second line.
func (w *docWriter) tiles(t *render.Tiles) {
	n := len(t.Items)
	if n == 0 {
		return
	}
	gapX, pad := 2*unit, 2*unit
	val := textStyle{size: sizeH2, lead: lead(sizeH2, leadHead), color: w.primary, base: stBold, align: 'L'}
	lab := textStyle{size: sizeSmall, lead: lead(sizeSmall, leadText), color: muted, align: 'L'}
	sub := textStyle{size: sizeSmall, lead: lead(sizeSmall, leadText), color: ink, align: 'L'}
	perRow := tilesPerRow(n, func(per int) bool {
		inner := (w.width()-gapX*float64(per-1))/float64(per) - 2*pad - 1
		for _, it := range t.Items {
			if w.strWidth(w.san.Line(it.Value), stBold, val.size) > inner {
				return false
			}
		}
		return true
	})
	tw := (w.width() - gapX*float64(perRow-1)) / float64(perRow)
	inner := tw - 2*pad - 1
	for start := 0; start < n; start += perRow {
		row := t.Items[start:min(n, start+perRow)]
		type tile struct{ v, l, s []line }
		tiles := make([]tile, len(row))
		h := 0.0
		for i, it := range row {
			v := w.wrap(plain(w.san.Line(it.Value)), val, inner)
			l := w.wrap(plain(w.san.Line(it.Label)), lab, inner)
			s := w.wrap(append(w.lightSpans(it.Light, it.Sub), plain(w.san.Line(it.Sub))...), sub, inner)
			v, l, s = v[:min(2, len(v))], l[:min(3, len(l))], s[:min(2, len(s))]
			if it.Sub == "" && it.Light == "" {
				s = nil
			}
			tiles[i] = tile{v, l, s}
			h = math.Max(h, float64(len(v))*val.lead+float64(len(l))*lab.lead+float64(len(s))*sub.lead)
		}
		h += 2*pad + 1
		w.need(h)
		for i, tl := range tiles {
			x := w.left() + float64(i)*(tw+gapX)
			w.tags.begin("P") // a tile reads as one sentence: value, label, remark
			w.rect(x, w.y, tw, h, w.primary.tint(0.93))
			w.rect(x, w.y, 1, h, w.primary)
			y := w.y + pad
			for _, l := range tl.v {
				w.drawLine(l, x+pad+1, y, inner, val)
				y += val.lead
			}
			for _, l := range tl.l {
				w.drawLine(l, x+pad+1, y, inner, lab)
				y += lab.lead
			}
			for _, l := range tl.s {
				w.drawLine(l, x+pad+1, y, inner, sub)
				y += sub.lead
			}
			w.tags.end()
		}
		w.y += h + gapX // gapX = gapBlock: the gap after the block too
	}
}
