package pdfdoc

import (
	"fmt"
	"unicode/utf8"

	"github.com/go-pdf/fpdf"
	"github.com/kepdev/kep/render/fonts"
	"github.com/kepdev/kep/render/hyph"
	"github.com/kepdev/kep/render/theme"
)

// rgb is a colour with 0–255 components.
type rgb struct{ r, g, b int }

// parseColor reads "#rrggbb" or "#rgb" (theme.Parse); anything else gives def.
func parseColor(s string, def rgb) rgb {
	c, ok := theme.Parse(s)
	if !ok {
		return def
	}
	return fromTheme(c)
}

// fromTheme converts a theme colour.
func fromTheme(c theme.Color) rgb { return rgb{int(c.R), int(c.G), int(c.B)} }

// tint blends c towards white by t (0 = c, 1 = white): tints for fills and zebra rows.
func (c rgb) tint(t float64) rgb {
	m := func(v int) int { return v + int(float64(255-v)*t+0.5) }
	return rgb{m(c.r), m(c.g), m(c.b)}
}

func (c rgb) hex() string { return fmt.Sprintf("#%02x%02x%02x", c.r, c.g, c.b) }

// The neutral palette is the theme's, shared with the HTML; the brand brings primary and
// accent.
var (
	ink      = fromTheme(theme.Ink)
	muted    = fromTheme(theme.Muted)
	rule     = fromTheme(theme.Rule)
	zebra    = fromTheme(theme.Zebra)
	codeBack = fromTheme(theme.CodeBack)
	white    = fromTheme(theme.White)
)

// ptToMM converts a font size in points to millimetres, the document's unit.
const ptToMM = 25.4 / 72

// style is a combination of text attributes.
type style uint8

const (
	stBold style = 1 << iota
	stItalic
	stMono
	stStrike
	stUnderline
	stFallback // set by eachRun: the fallback face of the style
	// stBrandFallback, set by eachRun: the brand's fallback face (one for all styles)
	stBrandFallback
)

// engine is the page-level machinery: the fpdf document, the fonts, the content box and
// the current vertical position. All page breaks are made here, never by fpdf, so that
// nothing loops and nothing is drawn below the bottom margin.
type engine struct {
	pdf   *fpdf.Fpdf
	fonts *fontSet
	san   *sanitizer
	hy    *hyph.Hyphenator // the document language's hyphenation; nil: none

	pageW, pageH   float64
	ml, mr, mt, mb float64
	y              float64
	// The document's theme colours: primary and accent as given, accentText the accent
	// darkened for text (theme.TextContrast).
	primary, accent, accentText rgb
	onNewPage                   func() // called after each page break (a block quote continues its bar)
	// pageLeft is called with the page a page break left, once onNewPage has drawn
	// what it draws there: the layout does not come back to it, unless it was kept
	// free for later (the contents).
	pageLeft func(p int)
	// pageTop draws what opens a new page before the content continues (charts waiting,
	// economy.go), called before onNewPage; topHeight is the height it will take.
	pageTop   func()
	topHeight func() float64
	// headEnd is where the last heading ended on page headPage; stranded counts the
	// headings a page break left with nothing below them (tests check it stays 0).
	headEnd                float64
	headPage, stranded     int
	curFamily, curStyle    string
	curSize                float64
	fontValid              bool
	textColor, fillColor   rgb
	drawColor              rgb
	colorsValid, drawValid bool
	fillValid              bool
	registered             map[string]bool
	faceWidths             [10]*fontWidths    // strWidth's faces, by fontSlot; nil: not used yet
	fragSlab               slab[frag]         // the fragments of words
	wordSlab               slab[word]         // words' and breakLines' words
	lineSlab               slab[line]         // breakLines' lines
	runBuf                 []byte             // drawLine's text of a run, reused
	tails                  [2][]frag          // hyphenate's tails while lines are counted
	wrapped                map[wrapKey][]line // wrap's lines of plain texts
	tailAt                 int                // the one of tails hyphenate used last
	tags                   *tagger            // the structure tree (tag.go); nil: untagged
}

// register hands a face to fpdf once per document.
func (e *engine) register(family, st string) {
	if e.registered[family+st] {
		return
	}
	if e.registered == nil {
		e.registered = map[string]bool{}
	}
	e.registered[family+st] = true
	e.fonts.register(e.pdf, family, st, e.registered)
}

func (e *engine) left() float64   { return e.ml }
func (e *engine) right() float64  { return e.pageW - e.mr }
func (e *engine) width() float64  { return e.pageW - e.ml - e.mr }
func (e *engine) bottom() float64 { return e.pageH - e.mb }

// newPage starts a page and puts the position at the top margin.
func (e *engine) newPage() {
	if e.headPage > 0 && e.headPage == e.pdf.PageNo() && e.y <= e.headEnd+0.01 {
		e.stranded++
	}
	e.tags.close() // marked content does not cross pages
	left := e.pdf.PageNo()
	e.pdf.AddPage()
	e.y = e.mt
	e.invalidate()
	if e.pageTop != nil {
		e.pageTop()
	}
	if e.onNewPage != nil {
		e.onNewPage()
	}
	if e.pageLeft != nil && left > 0 {
		e.pageLeft(left)
	}
	e.tags.reopen()
}

// headingSet notes that a heading ends at the position.
func (e *engine) headingSet() { e.headPage, e.headEnd = e.pdf.PageNo(), e.y }

// invalidate forgets the cached graphics state: after AddPage or SetPage the content
// stream's state is not what fpdf last emitted.
func (e *engine) invalidate() {
	e.fontValid, e.colorsValid, e.drawValid, e.fillValid = false, false, false, false
}

// atTop reports whether nothing has been set on the current page yet.
func (e *engine) atTop() bool { return e.y <= e.mt+0.01 }

// need breaks the page unless h millimetres fit below the position.
func (e *engine) need(h float64) {
	if e.y+h > e.bottom()+0.01 && !e.atTop() {
		e.newPage()
	}
}

// gap adds vertical space, dropped at the top of a page.
func (e *engine) gap(h float64) {
	if e.atTop() {
		return
	}
	e.y += h
	if e.y > e.bottom() {
		e.newPage()
	}
}

// font selects family/style/size for the text style st.
func (e *engine) font(st style, size float64) {
	family, fs := fontOf(st)
	if e.fontValid && e.curFamily == family && e.curStyle == fs && e.curSize == size {
		return
	}
	e.register(family, fs)
	e.pdf.SetFont(family, fs, size)
	e.curFamily, e.curStyle, e.curSize, e.fontValid = family, fs, size, true
}

func (e *engine) setText(c rgb) {
	if e.colorsValid && e.textColor == c {
		return
	}
	e.pdf.SetTextColor(c.r, c.g, c.b)
	e.textColor, e.colorsValid = c, true
}

func (e *engine) setFill(c rgb) {
	if e.fillValid && e.fillColor == c {
		return
	}
	e.pdf.SetFillColor(c.r, c.g, c.b)
	e.fillColor, e.fillValid = c, true
	// fpdf wraps text in its own colour only when text and fill colours differ; a cached
	// text colour stays right either way.
}

func (e *engine) setDraw(c rgb, width float64) {
	e.pdf.SetLineWidth(width)
	if e.drawValid && e.drawColor == c {
		return
	}
	e.pdf.SetDrawColor(c.r, c.g, c.b)
	e.drawColor, e.drawValid = c, true
}

func (e *engine) rect(x, y, w, h float64, c rgb) {
	e.setFill(c)
	e.pdf.Rect(x, y, w, h, "F")
}

func (e *engine) hline(x1, x2, y float64, c rgb, width float64) {
	e.setDraw(c, width)
	e.pdf.Line(x1, y, x2, y)
}

// width of s in style st at size (points), in millimetres; s must be clean.
// It does not select the font: selecting writes an operator into the page.
// It adds up what fpdf's StringWidthOf does (the font's widths and kerning, then scaled
// the same way, so the figures are the same to the bit), from the fonts' widths looked up
// once per engine (fontWidths): a map of the widths measured, by text, style and size,
// took longer to hash, fill and grow than the sums (hansa: 18,000 calls, 3,400 texts;
// about 7 % of the layout's CPU). A face is registered when first measured.
func (e *engine) strWidth(s string, st style, size float64) float64 {
	if isASCII(s) { // eachRun's one run, in st
		return e.widthsOf(st).width(s, size, e.pdf.GetConversionRatio())
	}
	w, k := 0.0, e.pdf.GetConversionRatio()
	e.eachRun(noSoft(s), st, func(run string, st style) {
		w += e.widthsOf(st).width(run, size, k)
	})
	return w
}

// letterBound is at least strWidth of every piece of s between two runes (s clean, no
// soft hyphens; its faces measured before): strWidth with only the positive kerning of
// its pairs. A piece's runs lie in s's runs, in the same faces, and each adds up no
// more than its run does here; the scaling and the sum keep that order.
func (e *engine) letterBound(s string, st style, size float64) float64 {
	k := e.pdf.GetConversionRatio()
	if isASCII(s) {
		return e.widthsOf(st).bound(s, size, k)
	}
	w := 0.0
	e.eachRun(s, st, func(run string, st style) {
		w += e.widthsOf(st).bound(run, size, k)
	})
	return w
}

// fontWidths is what strWidth adds up for one face: fpdf's widths by rune and its width
// of a rune the face lacks, and the face's kerning (the one fontSet.register gives fpdf).
type fontWidths struct {
	cw      []uint16
	missing int
	latin   [256]int32 // advance of the runes below 256, looked up once
	kern    *fonts.Kerning
	loaded  bool // fpdf has the face (not after an error)
}

// fontSlot numbers the faces of fontOf: the text faces 0–3 (stBold | stItalic), their
// fallbacks 4–7, mono 8, the brand's fallback 9.
func fontSlot(st style) int {
	switch {
	case st&stBrandFallback != 0:
		return 9
	case st&stMono != 0:
		return 8
	}
	i := int(st & (stBold | stItalic))
	if st&stFallback != 0 {
		i += 4
	}
	return i
}

// widthsOf returns the widths of the face of st (a run's style, as eachRun gives it),
// registering the face at the first call.
func (e *engine) widthsOf(st style) *fontWidths {
	fw := e.faceWidths[fontSlot(st)]
	if fw == nil {
		fw = new(fontWidths)
		e.faceWidths[fontSlot(st)] = fw
		family, fs := fontOf(st)
		e.register(family, fs)
		fw.cw, fw.missing, fw.loaded = e.pdf.UTF8FontWidths(family, fs)
		for c := range fw.latin {
			fw.latin[c] = int32(fw.cwAdvance(rune(c)))
		}
		fw.kern = e.fonts.face(family, fs).kern
	}
	return fw
}

// width is fpdf's StringWidthOf of s at size points, k its scale factor: the widths of
// the runes and the kerning of their pairs in thousandths of an em, scaled as it does.
func (fw *fontWidths) width(s string, size, k float64) float64 {
	if !fw.loaded {
		return 0
	}
	w := fw.kern.Sum(s)
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf {
			w += int(fw.latin[c])
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		w += fw.advance(r)
		i += n
	}
	return float64(w) * (size / k) / 1000
}

// bound is width with only the positive kerning of the pairs.
func (fw *fontWidths) bound(s string, size, k float64) float64 {
	if !fw.loaded {
		return 0
	}
	w := 0
	prev := rune(-1)
	for _, r := range s {
		if prev >= 0 {
			w += max(fw.kern.Pair(prev, r), 0)
		}
		w += fw.advance(r)
		prev = r
	}
	return float64(w) * (size / k) / 1000
}

// advance is the width StringWidthOf adds for r.
func (fw *fontWidths) advance(r rune) int {
	if uint32(r) < uint32(len(fw.latin)) {
		return int(fw.latin[r])
	}
	return fw.cwAdvance(r)
}

// cwAdvance is advance from fpdf's widths.
func (fw *fontWidths) cwAdvance(r rune) int {
	if c, cw := int(r), fw.cw; c < len(cw) && cw[c] > 0 {
		if cw[c] != 65535 {
			return int(cw[c])
		}
		return 0
	}
	return fw.missing
}

// fontOf returns the registered family and fpdf style of st.
func fontOf(st style) (family, fs string) {
	if st&stBrandFallback != 0 {
		return brandFallbackFamily, ""
	}
	if st&stMono != 0 {
		return monoFamily, ""
	}
	family = textFamily
	if st&stFallback != 0 {
		family = fallbackFamily
	}
	switch {
	case st&stBold != 0 && st&stItalic != 0:
		return family, "BI"
	case st&stBold != 0:
		return family, "B"
	case st&stItalic != 0:
		return family, "I"
	}
	return family, ""
}

// text draws one clean line of text with its baseline at y.
func (e *engine) text(x, y float64, s string, st style, size float64, c rgb) {
	if s == "" {
		return
	}
	// Text is set in the fill colour: fpdf then writes it bare. With the two colours
	// different it wraps every text run in its own colour (q … rg BT … ET Q), which
	// was a third of a page's operators.
	e.setFill(c)
	e.setText(c)
	_, fst := fontOf(st)
	slant := st&stMono == 0 && e.fonts.slanted[fst]
	if slant {
		e.pdf.TransformBegin()
		e.pdf.TransformSkewX(slantAngle, x, y) // about the baseline: the line stays put
	}
	// A run starts where the one before ends, measured in that run's font while it is
	// still selected; the last run's width is not needed.
	prev, more := "", false
	e.eachRun(noSoft(s), st, func(run string, st style) {
		if more {
			x += e.pdf.GetStringWidth(prev)
		}
		e.font(st, size)
		e.pdf.Text(x, y, run)
		prev, more = run, true
	})
	if slant {
		e.pdf.TransformEnd()
	}
}
