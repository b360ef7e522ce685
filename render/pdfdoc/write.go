package pdfdoc

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"math"
	"strings"
	"time"

	"github.com/go-pdf/fpdf"
	"github.com/kepdev/kep/render"
	"github.com/kepdev/kep/render/hyph"
	"github.com/kepdev/kep/render/theme"
)

// Options control a PDF beyond its document. The zero value is usable.
type Options struct {
	// Now is the document's creation and modification date in the PDF metadata (the CLI
	// passes SOURCE_DATE_EPOCH or the plan file's modification time). Zero: the
	// document's Now, else the Unix epoch, never the clock, so output stays reproducible.
	Now time.Time
	// KepVersion names the creator "kep <version>"; empty: the document's Generator.
	KepVersion string
}

// Result tells the caller what the writer did.
type Result struct {
	Pages int // number of pages
	// Replaced lists, in ascending order, the characters of the document the font cannot
	// draw; each was replaced by a visible placeholder. The caller warns once about them.
	Replaced []rune
}

// ReplacedText lists the replaced characters for a warning: "😀 (U+1F600), 漢 (U+6F22)".
func (r Result) ReplacedText() string {
	parts := make([]string, len(r.Replaced))
	for i, c := range r.Replaced {
		parts[i] = fmt.Sprintf("%c (%U)", c, c)
	}
	return strings.Join(parts, ", ")
}

// Page geometry in millimetres.
const (
	marginX      = 20.0
	marginTop    = 22.0
	marginBottom = 21.0
)

// Write lays out d as a PDF and writes it to w in one piece after it has been completed,
// so that a failure writes nothing. It never panics.
func Write(w io.Writer, d *render.Document, opt Options) (res Result, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("pdf: internal error: %v", r)
		}
	}()
	if d == nil {
		return res, errors.New("pdf: no document")
	}
	fonts, err := fontSetOf(d)
	if err != nil {
		return res, fmt.Errorf("pdf: %w", err)
	}
	dw := newDocWriter(d, fonts, opt)
	if err := dw.layout(); err != nil {
		return res, fmt.Errorf("pdf: %w", err)
	}
	var buf bytes.Buffer
	if err := dw.pdf.Output(&buf); err != nil {
		return res, fmt.Errorf("pdf: %w", err)
	}
	res.Pages = dw.pdf.PageCount()
	res.Replaced = dw.san.Replaced()
	if err := handOver(w, &buf); err != nil {
		return res, fmt.Errorf("pdf: write: %w", err)
	}
	return res, nil
}

// handOver writes a finished document to w: an empty bytes.Buffer (kep render passes
// one per format) is given buf's bytes instead of a copy of them, sparing the copy and
// the PDF's size in fresh memory; any other writer gets them written.
func handOver(w io.Writer, buf *bytes.Buffer) error {
	if bb, ok := w.(*bytes.Buffer); ok && bb.Len() == 0 {
		*bb = *buf
		*buf = bytes.Buffer{}
		return nil
	}
	_, err := w.Write(buf.Bytes())
	return err
}

// testHookLogo runs in the logo's goroutine; tests make it panic.
var testHookLogo = func() {}

// docWriter lays out one document.
type docWriter struct {
	*engine
	d     *render.Document
	opt   Options
	links map[*render.Section]int
	pages map[*render.Section]int
	look  theme.Theme // colours, header and footer shared with the HTML

	toc         *render.Section
	tocPage     int     // first page of the contents
	tocLast     int     // its last page (the text after it runs on there)
	tocY        float64 // where its entries start
	chartErr    error
	lastHeading string  // text of a Heading block just set, "" after any other block
	tocScale    float64 // line spacing of the contents, 0.8–1
	// layouts caches the layout of document tables: the heading before a table asks for
	// its height, then the table is drawn (a layout does not depend on the position).
	layouts map[any]*tableLayout
	// mdHeights are the heights of Markdown texts measured (markdownHeight).
	mdHeights map[string]float64
	// prevStub: the chapter before was empty (see section).
	prevStub bool
	// floats are the charts waiting for the top of the next page (economy.go).
	floats []*render.Chart
	// split: the next block starts in the gap of the floats and may be split there.
	split bool
	// coverTag and tocTag hold the structure of the cover and the contents, which are
	// drawn after the rest but read in their place.
	coverTag, tocTag *fpdf.StructElem
	depth            int        // of the section being set (the level of its small headings)
	chartSan         *sanitizer // for the text faces alone (chartSanitizer)
}

func newDocWriter(d *render.Document, fonts *fontSet, opt Options) *docWriter {
	size := "A4"
	if strings.EqualFold(d.Paper, "letter") {
		size = "Letter"
	}
	pdf := fpdf.NewCustom(&fpdf.InitType{OrientationStr: "P", UnitStr: "mm", SizeStr: size})
	th := d.Theme()
	pageW, pageH := pdf.GetPageSize()
	e := &engine{
		pdf: pdf, fonts: fonts, san: newSanitizer(fonts.cov), hy: hyph.For(d.Lang),
		pageW: pageW, pageH: pageH,
		ml: marginX, mr: marginX, mt: marginTop, mb: marginBottom,
		primary: fromTheme(th.Primary), accent: fromTheme(th.Accent), accentText: fromTheme(th.AccentText),
	}
	// Tagged (tag.go) and PDF/A-1b (pdfa.go) by default: every PDF kep writes.
	e.tags = newTagger(pdf)
	setPDFA(pdf)
	dw := &docWriter{engine: e, d: d, opt: opt, look: th,
		links: map[*render.Section]int{}, pages: map[*render.Section]int{}}
	e.pageTop, e.topHeight = dw.floatsAtTop, dw.floatsHeight // charts waiting open a page
	e.pageLeft = dw.pageComplete

	now := opt.Now
	if now.IsZero() {
		now = d.Now
	}
	if now.IsZero() {
		now = time.Unix(0, 0)
	}
	// UTC: the same instant gives the same bytes in every time zone.
	pdf.SetCreationDate(now.UTC())
	pdf.SetModificationDate(now.UTC())
	// Without catalog sort fonts and images come out in map order.
	pdf.SetCatalogSort(true)
	pdf.SetAutoPageBreak(false, 0)
	// Pages, fonts and maps are deflated by fpdf, with pooled compressors (third_party/fpdf).
	pdf.SetCompression(true)
	pdf.SetMargins(e.ml, e.mt, e.mr)
	pdf.SetCellMargin(0)
	pdf.SetDisplayMode("fullwidth", "continuous")
	// Regular and bold now (charts would register the Go fonts under the family name
	// otherwise); italic and mono on first use, so that unused faces are not embedded.
	e.register(textFamily, "")
	e.register(textFamily, "B")

	clean := metaText // the Info dictionary needs no font: no placeholders there
	pdf.SetTitle(clean(d.Title), true)
	author := d.Company
	if author == "" {
		author = d.Owner
	}
	pdf.SetAuthor(clean(author), true)
	subject := d.Account
	if d.Period != "" {
		subject += " · " + d.Period
	}
	pdf.SetSubject(clean(subject), true)
	pdf.SetKeywords(clean(strings.Join(d.Keywords, ", ")), true)
	creator := d.Generator
	if opt.KepVersion != "" {
		creator = "kep " + opt.KepVersion
	}
	pdf.SetCreator(clean(creator), true)
	pdf.SetProducer(clean(creator), true)
	if d.Lang != "" {
		pdf.SetLang(clean(d.Lang))
	}
	return dw
}

// layout sets the whole document: cover, sections, then (knowing every page) the
// contents and the header and footer of each page.
func (w *docWriter) layout() error {
	// The cover is page 1 but drawn last: its logo, parsed and checked once per process
	// (about 2 ms for a logo with transparency), is prepared on another core meanwhile.
	// A panic there is this document's error, not the end of the process.
	logo := make(chan logoImage, 1)
	var logoPanic any
	go func() {
		defer func() {
			if r := recover(); r != nil {
				logoPanic = r // read after the receive below
				logo <- logoImage{}
			}
		}()
		testHookLogo()
		logo <- prepareLogo(w.d.Logo, w.d.LogoType)
	}()
	w.newPage()
	// The cover is drawn last but read first.
	w.coverTag = w.tags.reserve("Sect")
	for _, s := range w.d.Sections {
		if s == nil {
			continue
		}
		w.section(s, 0)
		if err := w.pdf.Error(); err != nil {
			return err
		}
		if w.chartErr != nil {
			return w.chartErr
		}
	}
	w.flushFloats()
	if w.chartErr != nil {
		return w.chartErr
	}
	w.tags.close()
	if w.toc != nil {
		w.fillContents()
		w.tags.close()
	}
	last := w.pdf.PageCount()
	for p := 2; p <= last; p++ {
		// The last page and the contents; PageDone skips the pages given unchanged.
		w.pdf.PageDone(p)
	}
	w.pageFurniture()
	w.tags.setPage(w.engine, 1)
	img := <-logo
	if logoPanic != nil {
		return fmt.Errorf("logo: internal error: %v", logoPanic)
	}
	w.tags.within(w.coverTag, func() { w.cover(img) })
	w.pdf.PageDone(1)   // compressed while Output begins (fonts subset, buffer sized)
	w.pdf.SetPage(last) // fpdf writes pages up to the current one
	return w.pdf.Error()
}

// section sets a section's heading, blocks and subsections.
func (w *docWriter) section(s *render.Section, depth int) {
	if depth == 0 {
		if s.NewPage || s.TOC || w.pdf.PageNo() <= 1 {
			w.flushFloats() // charts waiting go before a chapter's page break
		} else {
			// a chapter that runs on may fill their gap
			w.settle(func() float64 { return w.sectionHeight(s, depth) }, func() float64 { return w.sectionStart(s, depth) })
		}
		// A chapter starts a new page when its section asks for it ([brand]
		// chapter_breaks = "page"; the summary and the contents always), except an empty
		// chapter after another empty one: a plan with many empty building blocks gets no
		// run of nearly blank pages. Otherwise chapters run on after a gap.
		stub := isStub(s)
		shared := stub && w.prevStub && !s.TOC && w.pdf.PageNo() > 1
		if (s.NewPage || w.pdf.PageNo() <= 1 || (s.TOC && !w.contentsFit())) && !shared && !(w.atTop() && w.pdf.PageNo() > 1) {
			w.newPage()
		} else {
			w.gap(gapChapter)
		}
		w.prevStub = stub
	}
	if depth > 0 {
		w.settle(func() float64 { return w.sectionHeight(s, depth) }, func() float64 { return w.sectionStart(s, depth) })
	}
	w.tags.begin("Sect")
	defer w.tags.end()
	w.depth = depth
	w.heading(s, depth, w.sectionKeep(s, depth))
	if s.TOC {
		if w.toc == nil { // one table of contents; a second place for it stays empty
			w.tocTag = w.tags.reserve("TOC")
			w.reserveContents(s)
		}
		return
	}
	w.lastHeading = s.Title
	var op *onePage
	if s.OnePage {
		op = &onePage{page: w.pdf.PageNo()}
	}
	for i, b := range s.Blocks {
		if w.onCover(b) || w.leaveOut(op, b, s.Blocks[i+1:]) {
			continue
		}
		after := ""
		if h, ok := b.(*render.Heading); ok {
			after = h.Text
		}
		if _, ok := b.(*render.Chart); !ok {
			w.settle(func() float64 { return w.blockHeight(b, s.Blocks[i+1:]) }, func() float64 { return w.splitStart(b, s.Blocks[i+1:]) })
		}
		w.block(b, w.keepHeight(s.Blocks[i+1:], after))
	}
	w.closeOnePage(op)
	for _, sub := range s.Sections {
		if sub != nil {
			w.section(sub, depth+1)
			w.depth = depth
		}
	}
}

// isStub reports whether a section holds no more than a note (an empty building block).
func isStub(s *render.Section) bool {
	if len(s.Sections) > 0 || len(s.Blocks) > 1 {
		return false
	}
	for _, b := range s.Blocks {
		if _, ok := b.(*render.Note); !ok {
			return false
		}
	}
	return true
}

// sectionKeep is how much must fit below a section's heading: the start of its first
// block, or of its first subsection with that subsection's heading, so that no heading
// ends a page.
func (w *docWriter) sectionKeep(s *render.Section, depth int) float64 {
	if len(s.Blocks) > 0 {
		return w.keepHeight(s.Blocks, s.Title)
	}
	for _, sub := range s.Sections {
		if sub != nil {
			size := headSize[min(depth+1, len(headSize)-1)]
			return headingGap(depth+1) + lead(size, leadHead) + gapLine + w.sectionKeep(sub, depth+1)
		}
	}
	return 14
}

// Heading sizes by depth, in points.
var headSize = [...]float64{sizeH1, sizeH2, sizeH3}

// chapterRule is the room a chapter heading's rule takes, with the gap below it.
const chapterRule = 3 * unit

// headingGap is the gap above a numbered heading of level lvl (a chapter's gap is
// gapChapter, given by section).
func headingGap(lvl int) float64 {
	switch lvl {
	case 0:
		return 0
	case 1:
		return gapSection
	}
	return gapBlock
}

// heading sets a numbered heading with its bookmark and link target; it stays with at
// least a few lines of what follows.
func (w *docWriter) heading(s *render.Section, depth int, keep float64) {
	lvl := min(depth, len(headSize)-1)
	size := headSize[lvl]
	ts := textStyle{size: size, lead: lead(size, leadHead), color: w.primary, base: stBold, align: 'L'}
	if lvl == 2 {
		ts.color = ink
	}
	var spans []span
	if s.Number != "" {
		num := w.san.Line(s.Number)
		c := w.accent
		if lvl > 0 {
			c = w.accentText // smaller numbers need the contrast of text
		}
		spans = append(spans, span{text: num + w.san.Line("\u00a0\u00a0"), color: &c})
		spans = append(spans, span{text: w.san.Line(s.Title)})
	} else {
		spans = plain(w.san.Line(s.Title))
	}
	w.gap(headingGap(lvl))
	// The heading's lines, the rule and gap below it, and the start of what it heads.
	below := gapLine
	if lvl == 0 {
		below += chapterRule
	}
	lines := w.wrap(spans, ts, w.width())
	w.need(float64(len(lines))*ts.lead + below + math.Min(keep, (w.bottom()-w.mt)*0.8))
	// Bookmark encodes UTF-8 only while a UTF-8 font is selected.
	w.font(stBold, size)
	title := w.san.Line(s.Heading())
	w.pdf.Bookmark(title, depth, w.y)
	link := w.pdf.AddLink()
	w.links[s] = link
	w.pages[s] = w.pdf.PageNo()
	w.pdf.SetLink(link, w.y, -1)

	w.tags.begin(headingTag(lvl))
	w.flowLines(lines, ts, 0)
	w.tags.end()
	w.y += gapLine
	if lvl == 0 {
		w.hline(w.left(), w.right(), w.y, w.primary, 0.5)
		w.y += chapterRule
	}
	w.headingSet()
}

// tocEntry is one line of the table of contents.
type tocEntry struct {
	s     *render.Section
	depth int
}

func (w *docWriter) tocEntries() []tocEntry {
	var out []tocEntry
	var walk func(ss []*render.Section, depth int)
	walk = func(ss []*render.Section, depth int) {
		for _, s := range ss {
			if s == nil || s.TOC {
				continue
			}
			out = append(out, tocEntry{s, depth})
			if depth < 1 {
				walk(s.Sections, depth+1)
			}
		}
	}
	walk(w.d.Sections, 0)
	return out
}

// tocStyle is the style of an entry; the line spacing is scaled by w.tocScale.
func (w *docWriter) tocStyle(depth int) (ts textStyle, before, indent float64) {
	if depth == 0 {
		return textStyle{size: sizeH3, lead: lead(sizeH3, leadText) * w.tocScale, color: ink, base: stBold, align: 'L'}, gapLine * w.tocScale, 0
	}
	return textStyle{size: sizeBody, lead: lead(sizeBody, leadText) * w.tocScale, color: ink, align: 'L'}, 0, 9
}

// walkContents places the entries on the contents pages, starting at y on the first;
// draw is called for each entry with its page offset and top. It returns the number of
// pages used.
func (w *docWriter) walkContents(y float64, draw func(e tocEntry, page int, y float64)) int {
	page := 0
	for i, e := range w.tocEntries() {
		ts, before, _ := w.tocStyle(e.depth)
		if i > 0 && y > w.mt {
			y += before
		}
		if y+ts.lead > w.bottom() {
			page++
			y = w.mt
		}
		if draw != nil {
			draw(e, page, y)
		}
		y += ts.lead
	}
	return page + 1
}

// reserveContents keeps the pages of the table of contents free; fillContents writes it
// once every section's page is known.
func (w *docWriter) reserveContents(s *render.Section) {
	w.toc, w.tocPage, w.tocY = s, w.pdf.PageNo(), w.y
	// Tighter lines rather than a second page with a few entries.
	n := 0
	for w.tocScale = 1; w.tocScale >= 0.8; w.tocScale -= 0.05 {
		if n = w.walkContents(w.y, nil); n == 1 {
			break
		}
	}
	if n > 1 {
		w.tocScale = 1
	}
	end := w.y
	n = w.walkContents(w.y, func(e tocEntry, _ int, y float64) {
		ts, _, _ := w.tocStyle(e.depth)
		end = y + ts.lead
	})
	w.tocLast = w.tocPage + max(n, 1) - 1
	for i := 1; i < n; i++ {
		w.newPage()
	}
	w.y = end // what follows runs on below the last entry
}

// pageComplete hands a page the layout has left to fpdf, which compresses it on another
// core while the layout goes on (PageDone): about 3 ms of CPU for the 420 KB of a
// 23-page plan's pages, which Output did after the layout before (issue 19). The cover
// (drawn last) and the contents (filled last) are handed over when they are done; the
// running heads and footers go into each page's overlay (pageFurniture).
func (w *docWriter) pageComplete(p int) {
	if p > 1 && (w.toc == nil || p < w.tocPage || p > w.tocLast) {
		w.pdf.PageDone(p)
	}
}

func (w *docWriter) fillContents() {
	w.walkContents(w.tocY, func(e tocEntry, page int, y float64) {
		w.tags.setPage(w.engine, w.tocPage+page)
		var toci *fpdf.StructElem
		if w.tocTag != nil {
			toci = w.tocTag.Add("TOCI")
		}
		w.tags.within(toci, func() { w.contentsEntry(e, y) })
	})
}

// contentsEntry draws one entry of the contents at y: a link over the whole line.
func (w *docWriter) contentsEntry(e tocEntry, y float64) {
	{
		w.tags.begin("Link")
		ts, _, indent := w.tocStyle(e.depth)
		base := y + (ts.lead-ts.size*ptToMM)/2 + ts.size*ptToMM*0.78
		x := w.left() + indent
		if e.s.Number != "" {
			w.text(x, base, w.fit(w.san.Line(e.s.Number), ts.base, ts.size, 11), ts.base, ts.size, w.primary)
			x += 9 + 3*float64(e.depth)
		}
		pn := fmt.Sprint(w.pages[e.s])
		pnW := w.strWidth(pn, ts.base, ts.size)
		title := w.fit(w.san.Line(e.s.Title), ts.base, ts.size, w.right()-pnW-8-x)
		w.text(x, base, title, ts.base, ts.size, ink)
		// Dot leader between title and page number.
		from, to := x+w.strWidth(title, ts.base, ts.size)+2, w.right()-pnW-2
		if dotW := w.strWidth(". ", 0, sizeSmall); to-from > dotW {
			dots := strings.TrimSpace(strings.Repeat(". ", int((to-from)/dotW)))
			w.tags.artifact(func() { w.text(to-w.strWidth(dots, 0, sizeSmall), base, dots, 0, sizeSmall, rule) })
		}
		w.text(w.right()-pnW, base, pn, ts.base, ts.size, ink)
		w.pdf.Link(w.left(), y, w.width(), ts.lead, w.links[e.s])
		w.tags.endLink()
	}
}

// fit shortens s with "…" until it is at most maxW wide.
func (w *docWriter) fit(s string, st style, size, maxW float64) string {
	if w.strWidth(s, st, size) <= maxW {
		return s
	}
	r := []rune(s)
	ell := w.san.Line("…")
	lo, hi := 0, len(r)
	for lo < hi {
		mid := (lo + hi + 1) / 2
		if w.strWidth(string(r[:mid])+ell, st, size) <= maxW {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	return strings.TrimRight(string(r[:lo]), " ") + ell
}

// pageFurniture writes header and footer on every page after the cover, now that the
// number of pages is known (fpdf's page-count alias would be measured and drawn wrongly),
// each into the page's overlay: the page's own content, compressed already, stays as it
// is (pageComplete).
func (w *docWriter) pageFurniture() {
	n := w.pdf.PageCount()
	for p := 2; p <= n; p++ {
		w.tags.setPage(w.engine, p)
		w.pdf.BeginOverlay()
		// The overlay continues the graphics state the page's content left, which the
		// engine does not know: it sets colours and font anew (setPage forgot them).
		w.tags.artifact(func() { w.furniture(p, n) })
		w.pdf.EndOverlay()
	}
}

// furniture draws the running head and the footer of page p of n (artifacts).
func (w *docWriter) furniture(p, n int) {
	l := w.d.Labels
	{
		// Header: document title left, version and status right, a rule in the brand
		// colour. The company stands in the footer, as the spec asks.
		hy := w.mt - 10
		right := w.san.Line(w.look.HeaderRight)
		rw := 0.0
		if right != "" {
			right = w.fit(right, stBold, sizeFurniture, w.width()*0.4)
			rw = w.strWidth(right, stBold, sizeFurniture)
			w.text(w.right()-rw, hy, right, stBold, sizeFurniture, muted)
		}
		left := w.fit(w.san.Line(w.look.Header), 0, sizeFurniture, w.width()-rw-6)
		w.text(w.left(), hy, left, 0, sizeFurniture, muted)
		w.hline(w.left(), w.right(), hy+2.2, w.primary, 0.35)

		// Footer: confidentiality and brand footer left, page n / N right.
		fy := w.pageH - w.mb + 12
		w.hline(w.left(), w.right(), fy-4.5, rule, 0.2)
		page := fmt.Sprintf("%s %d / %d", w.san.Line(l.T("doc.page")), p, n)
		pw := w.strWidth(page, 0, sizeFurniture)
		w.text(w.right()-pw, fy, page, 0, sizeFurniture, muted)
		conf := w.san.Line(w.look.Confidentiality)
		avail := w.width() - pw - 8
		x := w.left()
		if conf != "" {
			conf = w.fit(conf, stBold, sizeFurniture, avail)
			w.text(x, fy, conf, stBold, sizeFurniture, w.accentText)
			x += w.strWidth(conf, stBold, sizeFurniture)
		}
		if foot := w.san.Line(w.look.Footer); foot != "" && x < w.left()+avail-10 {
			if conf != "" {
				foot = " · " + foot
			}
			foot = w.fit(foot, 0, sizeFurniture, w.left()+avail-x)
			w.text(x, fy, foot, 0, sizeFurniture, muted)
		}
	}
}
