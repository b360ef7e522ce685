package pdfdoc

import (
	"fmt"
	"math"
	"strings"

	"github.com/go-pdf/fpdf"
	"github.com/kepdev/kep/charts"
	"github.com/kepdev/kep/render"
)

// Charts float. A chart that does not fit below the position, even set a quarter
// smaller, waits (docWriter.floats) and the blocks after it fill the rest of the page:
// each block that fits there whole, and then one that can be split (a table of several
// rows, a list, a paragraph of four lines or more, with the heading before it) when its
// start fits, with what its own rules keep together (a heading with its first lines or
// rows, no single row or line on either page). The next page break, between blocks or
// inside that one, opens the next page with the waiting charts, each with its caption,
// its text alternative and its data, and the split block continues below them (a
// table repeats its header). The start of a chapter that runs on may fill the gap as
// well. The charts are read where they stand in the plan (tagger.keep), before what
// filled their gap.

// minChartScale is how far a chart that nearly fits is set smaller instead of floating.
const minChartScale = 0.75

// chartBox is a chart laid out for the page: its size and the lines around it.
type chartBox struct {
	width, height  float64
	title, alt     []line
	titleTS, altTS textStyle
	text           float64      // title and text alternative with their gaps
	data           *tableLayout // the chart's data table; nil without one
	dataH          float64      // what of the data stays with the chart: a short table whole, else its head and first rows
}

func (w *docWriter) chartBox(c *render.Chart) chartBox {
	b := chartBox{
		titleTS: textStyle{size: sizeBody, lead: lead(sizeBody, leadText), color: ink, base: stBold, align: 'L'},
		altTS:   textStyle{size: sizeSmall, lead: lead(sizeSmall, leadText), color: muted, base: stItalic, align: 'L'},
	}
	b.width, b.height = w.chartSize(c)
	b.title = w.wrap(plain(w.san.Line(c.Title)), b.titleTS, w.width())
	b.alt = w.wrap(plain(w.san.Clean(c.Alt)), b.altTS, w.width())
	if len(b.alt) > 6 {
		b.alt = b.alt[:6:6] // wrap's lines are shared: the append below copies
	}
	if c.DataAbove != "" {
		// The table just above prints the chart's numbers: a pointer to it, not a copy.
		b.alt = append(b.alt, w.wrap(plain(w.san.Line(fmt.Sprintf(w.d.Labels.T("doc.chartdata.above"), c.DataAbove))), b.altTS, w.width())...)
	}
	b.text = float64(len(b.title))*b.titleTS.lead + 4 + float64(len(b.alt))*b.altTS.lead + 2
	if c.Data != nil && len(c.Data.Rows) > 0 && c.DataAbove == "" {
		b.data = w.docTable(c.Data, sizeSmall)
		b.dataH = w.smallHeadingHeight(w.d.Labels.T("doc.chartdata")) + b.data.keep(w.bottom()-w.mt)
	}
	return b
}

// need is the height the chart takes with its chart set at scale.
func (b chartBox) need(scale float64) float64 { return b.text + scale*b.height + b.dataH }

// minScale is how far chart m may be set smaller where it nearly fits: not at all for
// the relationship map, whose names are left out where they do not fit beside their
// marks (and the map has no table that would repeat them).
func minScale(m charts.Chart) float64 {
	switch m.(type) {
	case charts.RelationshipMap, *charts.RelationshipMap:
		return 1
	}
	return minChartScale
}

// chartPoints counts the marks of charts that can hold a single one; -1: not such a chart.
func chartPoints(m charts.Chart) int {
	switch m := m.(type) {
	case charts.Quadrant:
		return len(m.Points)
	case *charts.Quadrant:
		return len(m.Points)
	case charts.History:
		return len(m.Years)
	case *charts.History:
		return len(m.Years)
	case charts.ValueChart:
		return len(m.Years)
	case *charts.ValueChart:
		return len(m.Years)
	}
	return -1
}

// belowHeading reports that a heading was the last thing set on this page.
func (w *docWriter) belowHeading() bool {
	return w.headPage == w.pdf.PageNo() && w.y <= w.headEnd+0.01
}

// settle lets pending floats wait while the content ahead, height() millimetres high
// (< 0: not known), fits below the position whole, or when it can be split and its
// start, start() millimetres high (< 0: not split), fits: the floats then open the
// page it continues on (floatsAtTop). Otherwise the page ends and the floats open the
// next one. The heights are asked only while floats wait: measuring a block or a
// section means wrapping its text once more.
func (w *docWriter) settle(height, start func() float64) {
	w.split = false
	if len(w.floats) == 0 {
		return
	}
	if h := height(); h >= 0 && w.y+h <= w.bottom()+0.01 {
		return
	}
	if h := start(); h >= 0 && w.y+h <= w.bottom()+0.01 {
		w.split = true // block splits a short table (splitStart)
		return
	}
	w.flushFloats()
}

// flushFloats starts a page with the pending charts.
func (w *docWriter) flushFloats() {
	if len(w.floats) == 0 {
		return
	}
	if !w.atTop() {
		w.newPage() // which draws them (floatsAtTop)
		return
	}
	w.floatsAtTop()
}

// floatsAtTop draws the waiting charts at the top of the page just begun, before the
// rest of a block that started in their gap (the engine's pageTop).
func (w *docWriter) floatsAtTop() {
	fs := w.floats
	if len(fs) == 0 {
		return
	}
	w.floats = nil
	if w.tags != nil {
		// A table row may be under way: its cells are taken up again below the charts.
		defer func(cells []*fpdf.StructElem) { w.tags.cells = cells }(w.tags.cells)
	}
	for _, c := range fs {
		w.drawChart(c, w.chartBox(c))
	}
}

// floatsHeight is the height the waiting charts take at the top of a page (the
// engine's topHeight).
func (w *docWriter) floatsHeight() float64 {
	h := 0.0
	for _, c := range w.floats {
		h += gapLine + w.chartBox(c).need(1) + gapBlock
	}
	return h
}

// splitStart is the height of the start of block b (followed by rest) that must fit for
// it to begin in the gap of waiting charts and continue below them on the next page;
// -1 where b is not split so (it is short, kept whole, or not a table, list or
// paragraph).
func (w *docWriter) splitStart(b render.Block, rest []render.Block) float64 {
	switch b := b.(type) {
	case *render.Paragraph:
		ts := body(ink)
		if len(w.wrap(plain(w.san.Clean(b.Text)), ts, w.width())) < 4 {
			return -1 // two lines on each page at least
		}
		return math.Max(2*ts.lead, w.keepHeight([]render.Block{b}, ""))
	case *render.Table:
		// Two rows at least on each page, however short the table (tableLayout.split).
		L := w.docTable(b, sizeSmall)
		if L.nBody < 4 {
			return -1
		}
		L.split = true
		k := L.keep(w.bottom() - w.mt)
		L.split = false
		return w.smallHeadingHeight(b.Caption) + k
	case *render.List:
		if len(b.Items) < 4 {
			return -1
		}
		ts := body(ink)
		h := w.smallHeadingHeight(b.Title)
		if b.Title != "" {
			h = math.Max(h, gapLine+smallHeadTS.lead+16) // smallHeading's keep
		}
		for _, it := range b.Items[:2] { // no single item in the gap
			h += float64(len(w.wrap(plain(w.san.Clean(it)), ts, w.width()-5)))*ts.lead + gapItem
		}
		return h
	case *render.Heading:
		if len(rest) == 0 {
			return -1
		}
		s := w.splitStart(rest[0], rest[1:])
		if s < 0 {
			return -1
		}
		return math.Max(w.smallHeadingHeight(b.Text)+s, 8+w.keepHeight(rest, b.Text)+gapLine)
	}
	return -1
}

// sectionStart is sectionHeight for a section whose first block may be split in the
// gap of waiting charts (splitStart); -1: it may not.
func (w *docWriter) sectionStart(s *render.Section, depth int) float64 {
	lvl := min(depth, len(headSize)-1)
	h := headingGap(lvl) + lead(headSize[lvl], leadHead) + gapLine
	if depth == 0 {
		h += gapChapter + chapterRule
	}
	var b float64
	switch {
	case len(s.Blocks) > 0:
		b = w.splitStart(s.Blocks[0], s.Blocks[1:])
	case len(s.Sections) > 0 && s.Sections[0] != nil:
		b = w.sectionStart(s.Sections[0], depth+1)
	default:
		return -1
	}
	if b < 0 {
		return -1
	}
	return h + math.Max(b, w.sectionKeep(s, depth))
}

// blockHeight is the whole height block b takes with its gap after it, rest being the
// blocks after it; -1 where that is not known before setting it.
func (w *docWriter) blockHeight(b render.Block, rest []render.Block) float64 {
	switch b := b.(type) {
	case *render.Paragraph:
		ts := body(ink)
		return float64(len(w.wrap(plain(w.san.Clean(b.Text)), ts, w.width())))*ts.lead + gapBlock
	case *render.Heading:
		// A heading goes into the gap only with all of the block it heads.
		if len(rest) == 0 {
			return w.smallHeadingHeight(b.Text)
		}
		if h := w.blockHeight(rest[0], rest[1:]); h >= 0 {
			return w.smallHeadingHeight(b.Text) + h
		}
	case *render.Table:
		return w.smallHeadingHeight(b.Caption) + w.docTable(b, sizeSmall).height() + gapBlock
	case *render.Facts:
		return w.smallHeadingHeight(b.Title) + w.factsTable(b).height() + gapBlock
	case *render.List:
		ts := body(ink)
		h := w.smallHeadingHeight(b.Title) + gapBlock
		for _, it := range b.Items {
			h += float64(len(w.wrap(plain(w.san.Clean(it)), ts, w.width()-5)))*ts.lead + gapItem
		}
		return h
	case *render.Note:
		return w.noteHeight(b) + gapBlock
	case *render.Markdown:
		return w.markdownHeight(b)
	}
	return -1
}

// markdownHeight sets Markdown on a scratch page to measure it (the Markdown writer
// draws as it walks the tree); -1 when it takes more than a page. Only asked while
// floats wait, which is rare; a text is measured once per document (a heading asks for
// the height of the block below it, and that block for its own).
func (w *docWriter) markdownHeight(m *render.Markdown) float64 {
	if h, ok := w.mdHeights[m.Source]; ok {
		return h
	}
	h := w.measureMarkdown(m)
	if w.mdHeights == nil {
		w.mdHeights = map[string]float64{}
	}
	w.mdHeights[m.Source] = h
	return h
}

// measureMarkdown is markdownHeight, measured.
func (w *docWriter) measureMarkdown(m *render.Markdown) float64 {
	pdf := fpdf.NewCustom(&fpdf.InitType{OrientationStr: "P", UnitStr: "mm", Size: fpdf.SizeType{Wd: w.pageW, Ht: w.pageH}})
	pdf.SetAutoPageBreak(false, 0)
	pdf.SetMargins(w.ml, w.mt, w.mr)
	pdf.SetCellMargin(0)
	e := &engine{pdf: pdf, fonts: w.fonts, san: w.san, pageW: w.pageW, pageH: w.pageH,
		ml: w.ml, mr: w.mr, mt: w.mt, mb: w.mb, primary: w.primary, accent: w.accent}
	e.newPage()
	e.markdown(m, 0)
	if pdf.PageNo() > 1 || pdf.Error() != nil {
		return -1
	}
	return e.y - e.mt + gapBlock - gapLine // and the gap after a Markdown block
}

// sectionHeight is the height of a section's heading with its first block (or its first
// subsection's heading and block): what must fit for it to start in a gap; -1: not known.
func (w *docWriter) sectionHeight(s *render.Section, depth int) float64 {
	lvl := min(depth, len(headSize)-1)
	h := headingGap(lvl) + lead(headSize[lvl], leadHead) + gapLine
	if depth == 0 {
		h += gapChapter + chapterRule // and the rule below a chapter heading
	}
	switch {
	case len(s.Blocks) > 0:
		if _, ok := s.Blocks[0].(*render.Chart); ok {
			return -1
		}
		b := w.blockHeight(s.Blocks[0], s.Blocks[1:])
		if b < 0 {
			return -1
		}
		return h + b
	case len(s.Sections) > 0 && s.Sections[0] != nil:
		b := w.sectionHeight(s.Sections[0], depth+1)
		if b < 0 {
			return -1
		}
		return h + b
	}
	return h
}

// contentsFit reports whether the whole table of contents fits below the position, after
// a short summary: it then follows on the same page instead of starting its own.
func (w *docWriter) contentsFit() bool {
	if w.atTop() {
		return true
	}
	w.tocScale = 1
	y := w.y + gapChapter + lead(headSize[0], leadHead) + gapLine + chapterRule // the heading and its rule
	return y < w.bottom() && w.walkContents(y, nil) == 1
}

// height is the table's whole height.
func (L *tableLayout) height() float64 {
	h := L.headH
	for _, r := range L.rows {
		h += r.h
	}
	return h
}

// chartScale is how much smaller than its design a chart is set: charts with a single
// mark (one account in the portfolio, one year) need no full width to be read.
func chartScale(m charts.Chart) float64 {
	if chartPoints(m) == 1 {
		return 0.6
	}
	return 1
}

// chartMaxH is the height of a chart's box in millimetres at most, a third of the text
// area: a chart reads at this size, and a page holds text beside it.
const chartMaxH = 78.0

// grows reports charts whose design height grows with their content (the polarity
// profile's criteria): it may be higher.
func grows(m charts.Chart) bool {
	switch m.(type) {
	case charts.Polarity, *charts.Polarity:
		return true
	}
	return false
}

// round reports charts drawn around a centre (the radar): a wide box only adds margins.
func round(m charts.Chart) bool {
	switch m.(type) {
	case charts.Radar, *charts.Radar:
		return true
	}
	return false
}

// onCover reports facts whose every value the cover already prints (the summary's
// account, period, version and status): the PDF does not repeat them on the next page.
// The HTML, which has no cover, keeps them.
func (w *docWriter) onCover(b render.Block) bool {
	f, ok := b.(*render.Facts)
	if !ok || len(f.Items) == 0 {
		return false
	}
	cover := map[string]bool{}
	for _, c := range w.d.Cover {
		cover[c.Value] = true
	}
	for _, it := range f.Items {
		if !cover[it.Value] {
			return false
		}
	}
	return true
}

// tilesPerRow chooses 3, 4 or 5 tiles a row for n tiles: the fewest rows, then the
// fewest empty places in the last, among the counts at which every value fits its tile
// on one line (fits).
func tilesPerRow(n int, fits func(per int) bool) int {
	best, score := min(n, 3), math.MaxInt
	for per := 3; per <= 5; per++ {
		if per > 3 && !fits(per) {
			continue
		}
		rows := (n + per - 1) / per
		if s := rows*10 + rows*per - n; s < score {
			best, score = min(per, n), s
		}
	}
	return max(best, 1)
}

// onePage keeps a section to one page in print (render.Section.OnePage): a small heading
// with its block that does not fit below what is set is left out, and a closing line
// names what was left out.
type onePage struct {
	page int
	skip bool     // the block after a left-out heading goes with it
	cut  []string // the headings left out
}

// onePageReserve is the room kept for the closing line.
const onePageReserve = 2*4.9 + gapBlock

// leaveOut reports whether block b, followed by rest, is left out of a one-page section.
func (w *docWriter) leaveOut(op *onePage, b render.Block, rest []render.Block) bool {
	if op == nil {
		return false
	}
	if op.skip {
		op.skip = false
		return true
	}
	h, ok := b.(*render.Heading)
	if !ok {
		return false
	}
	if len(rest) > 0 {
		if _, own := rest[0].(*render.Markdown); own {
			// The author's own text (the manager's summary) stands nowhere else in the
			// document: it is never left out, and runs on when it is longer than a page.
			return false
		}
	}
	need := w.blockHeight(b, rest)
	if need >= 0 && w.pdf.PageNo() == op.page && w.y+need+onePageReserve <= w.bottom() {
		return false
	}
	op.cut = append(op.cut, h.Text)
	// The block the heading heads goes too; a heading right after it starts a unit of
	// its own.
	op.skip = len(rest) > 0 && !isHeading(rest[0])
	return true
}

func isHeading(b render.Block) bool {
	_, ok := b.(*render.Heading)
	return ok
}

// closeOnePage names what a one-page section left out.
func (w *docWriter) closeOnePage(op *onePage) {
	if op == nil || len(op.cut) == 0 {
		return
	}
	w.block(&render.Paragraph{Text: fmt.Sprintf(w.d.Labels.T("sum.cut"), strings.Join(op.cut, ", "))}, 0)
}
