package pdfdoc

import (
	"strings"
	"unicode"

	"github.com/go-pdf/fpdf"
)

// span is a run of text in one style; url is an external link target already checked to
// be safe, link an internal link id (0: none).
type span struct {
	text  string
	st    style
	url   string
	link  int
	color *rgb // overrides the block's colour (traffic-light symbols)
	shape rune // a symbol drawn as a shape before text (●, ▲, ■) when the font lacks it
	whole bool // a name: its words get no hyphenation points from the patterns
}

// frag is a measured piece of a word.
type frag struct {
	text string
	w    float64
	// soft holds the byte offsets in text of the soft hyphens its author typed (taken
	// out of text): when set, they are the fragment's only hyphenation points.
	soft []int
	// from is the span the fragment was cut from, for its link and colour (url, link,
	// color): a pointer, not a copy, makes a fragment 64 bytes, not 88 (a table's cells
	// hold thousands).
	from  *span
	shape rune
	st    style
}

// url, link and color are those of the fragment's span.
func (f *frag) url() string {
	if f.from == nil {
		return ""
	}
	return f.from.url
}

func (f *frag) link() int {
	if f.from == nil {
		return 0
	}
	return f.from.link
}

func (f *frag) color() *rgb {
	if f.from == nil {
		return nil
	}
	return f.from.color
}

// word is an unbreakable sequence of fragments with the width of the space before it.
type word struct {
	frags []frag
	w     float64
	space float64
	br    bool // a hard line break, no text
}

// line is one laid-out line.
type line struct {
	words []word
	w     float64
}

// textStyle is how a block of running text is set.
type textStyle struct {
	size  float64 // points
	lead  float64 // line height, mm
	color rgb
	base  style // added to every span's style
	align byte  // 'L', 'R' or 'C'
}

func body(c rgb) textStyle {
	return textStyle{size: sizeBody, lead: lead(sizeBody, leadText), color: c, align: 'L'}
}

// wrap breaks spans into lines no wider than maxW. Spans must be clean. A word that does
// not fit is hyphenated at a point of its language's patterns (or at its author's soft
// hyphens) with a visible hyphen; only a word wider than a whole line with no such point
// that fits is cut elsewhere (breakWord), so no line is ever wider than maxW (except a
// single character wider than the line itself).
//
// The lines of one plain span (plain) are remembered per text, style and width: the
// page breaks ask for the height of a caption, a note, a chart's title and text
// alternative or a paragraph before it is set (keepHeight, settle, floatsHeight), and
// the same text was wrapped again each time. Callers must not change the lines (an
// append to them copies: they are capped).
func (e *engine) wrap(spans []span, ts textStyle, maxW float64) []line {
	if len(spans) != 1 || spans[0] != (span{text: spans[0].text}) {
		return e.wrapWords(e.words(spans, ts), ts, maxW)
	}
	k := wrapKey{spans[0].text, ts, maxW}
	if ls, ok := e.wrapped[k]; ok {
		return ls
	}
	ls := e.wrapWords(e.words(spans, ts), ts, maxW)
	ls = ls[:len(ls):len(ls)]
	if e.wrapped == nil {
		e.wrapped = map[wrapKey][]line{}
	}
	e.wrapped[k] = ls
	return ls
}

// wrapKey is what the lines of a plain text depend on (engine.wrap).
type wrapKey struct {
	text string
	ts   textStyle
	maxW float64
}

// hyphenRoom is the share of a line that must be left for a word to be hyphenated into
// it: text is set ragged right, so a shorter gap is left open rather than filled with a
// syllable and a hyphen. Only text up to hyphenSize (running text, lists, tables) is
// hyphenated so; headings, titles and key figures keep their words whole ("Han-|sa" on
// a cover reads as a mistake) unless a word is wider than the whole line.
const (
	hyphenRoom = 0.12
	hyphenSize = 9.5 // points
)

// wrapWords is wrap on words measured before (tables measure once for widths and lines).
func (e *engine) wrapWords(words []word, ts textStyle, maxW float64) []line {
	lines, _ := e.breakLines(words, ts, maxW, true)
	return lines
}

// lineCount is len(wrapWords(words, ts, maxW)) without building the lines: balancing a
// table's columns asks how many lines each cell takes at many widths.
func (e *engine) lineCount(words []word, ts textStyle, maxW float64) int {
	_, n := e.breakLines(words, ts, maxW, false)
	return n
}

// breakLines breaks words into lines no wider than maxW and returns them (when build)
// with their number.
func (e *engine) breakLines(words []word, ts textStyle, maxW float64, build bool) ([]line, int) {
	var lines []line
	var cur line
	var ws []word // the words of all lines, each line's slice capped at its end
	if build {
		ws = e.wordSlab.grab(len(words) + 1)
		// Room for the lines the words fill at least, and hard breaks.
		total, most := 0.0, 1
		for _, w := range words {
			total += w.space + w.w
			if w.br {
				most++
			}
		}
		if maxW > 0 {
			most += int(min(total/maxW, float64(len(words))))
		}
		lines = e.lineSlab.grab(min(most, len(words)+1))
	}
	// A line of the words as they are (pure: words[from:from+k]) is a slice of words,
	// not a copy of them (the words were stored again for every line wrapped, and the
	// stores into fresh memory were a third of breakLines' time); a line with a
	// hyphenated piece or a cut is copied into ws. The first word's space is that of
	// the text before it: drawLine does not take it.
	n, k := 0, 0 // lines flushed; words on cur
	pure, from := false, 0
	flush := func() {
		if build {
			if pure {
				cur.words = words[from : from+k : from+k]
			} else {
				end := len(ws)
				cur.words = ws[end-k : end : end]
			}
			if k == 0 {
				cur.words = nil
			}
			lines = append(lines, cur)
		}
		n++
		cur, k, pure = line{}, 0, false
	}
	// add puts w on the line; i is its index in words, -1 for a piece made here.
	add := func(w word, i int) {
		if build {
			switch {
			case i >= 0 && k == 0:
				pure, from = true, i
			case i >= 0 && pure:
			default:
				if pure {
					ws = append(ws, words[from:from+k]...)
					pure = false
				}
				ws = append(ws, w)
			}
		}
		k++
	}
	for i, w := range words {
		if w.br {
			flush()
			continue
		}
		for {
			sp := w.space
			if k == 0 {
				sp = 0
			}
			if cur.w+sp+w.w <= maxW+1e-6 {
				w.space = sp
				add(w, i)
				cur.w += sp + w.w
				break
			}
			if avail := maxW - cur.w - sp; k == 0 ||
				ts.size <= hyphenSize && avail >= hyphenRoom*maxW {
				if head, tail, ok := e.hyphenate(w, ts, avail, !build); ok {
					head.space = sp
					add(head, -1)
					cur.w += sp + head.w
					flush()
					w, i = tail, -1
					continue
				}
			}
			if k > 0 {
				flush()
				continue
			}
			// Alone on a line, wider than it, and no hyphenation point fits.
			w.space = 0
			chunks := e.breakWord(w, ts, maxW)
			for j, c := range chunks {
				add(c, -1)
				cur.w = c.w
				if j < len(chunks)-1 {
					flush()
				}
			}
			break
		}
	}
	if k > 0 || n == 0 {
		flush()
	}
	if build {
		e.wordSlab.keep(ws)
		lines = e.lineSlab.keep(lines)
	}
	return lines, n
}

// hyphenate splits w at its last hyphenation point where the part before it and a
// hyphen are no wider than avail: head ends with the hyphen, tail is the rest (with no
// space before it). Points come from the author's soft hyphens in a fragment, else from
// the patterns of the document's language; code and symbols have none.
//
// count: only lines are counted (lineCount), so head is its width alone and tail's
// fragments are in a scratch array of the engine, valid until the next call but one
// (the tail may be hyphenated again, from the other array): balancing a table counts
// its cells' lines at many widths, and building every head and tail was most of its
// allocations.
func (e *engine) hyphenate(w word, ts textStyle, avail float64, count bool) (head, tail word, ok bool) {
	bestF, bestP, bestW := -1, 0, 0.0
	before := 0.0 // width of the fragments before fi
	for fi, f := range w.frags {
		if before > avail {
			break
		}
		hw := e.strWidth("-", f.st, ts.size)
		for _, p := range e.points(&w.frags[fi]) {
			pw := before + e.strWidth(f.text[:p], f.st, ts.size) + hw
			if pw > avail+1e-6 {
				break
			}
			bestF, bestP, bestW = fi, p, pw
		}
		before += f.w
	}
	if bestF < 0 {
		return word{}, word{}, false
	}
	f := w.frags[bestF]
	right := f
	right.text = f.text[bestP:]
	right.w = f.w - e.strWidth(f.text[:bestP], f.st, ts.size)
	// The tail keeps the word's remaining points; it is not looked up as a word of its
	// own, whose points would differ.
	right.soft = shiftPoints(e.points(&f), bestP)
	head.w = bestW
	if count {
		e.tailAt ^= 1 // w's fragments may be in the other array
		tail.frags = append(append(e.tails[e.tailAt][:0], right), w.frags[bestF+1:]...)
		e.tails[e.tailAt] = tail.frags
	} else {
		left := f
		left.text, left.w, left.soft = f.text[:bestP]+"-", bestW-(widthBefore(w, bestF)), nil
		head.frags = append(append(head.frags, w.frags[:bestF]...), left)
		tail.frags = append(append(tail.frags, right), w.frags[bestF+1:]...)
	}
	for _, g := range tail.frags {
		tail.w += g.w
	}
	return head, tail, true
}

// points are the hyphenation points of a fragment: its author's soft hyphens (none for
// a name), else those of the document's language; code and symbols have none.
//
// The language's points are kept in the fragment (as if its author had given them; none:
// noPoints): balancing a table wraps its cells at many widths, and the same fragments
// were looked up in the hyphenator's memo again each time (3,600 of hansa's 4,100
// look-ups).
func (e *engine) points(f *frag) []int {
	if f.soft != nil || f.st&stMono != 0 || f.shape != 0 {
		return f.soft
	}
	f.soft = e.hy.Points(f.text)
	if f.soft == nil {
		f.soft = noPoints
	}
	return f.soft
}

// noPoints is the points of a fragment that has none: not nil, which means not looked up.
var noPoints = []int{}

// widthBefore is the width of the fragments of w before the i-th.
func widthBefore(w word, i int) float64 {
	s := 0.0
	for _, f := range w.frags[:i] {
		s += f.w
	}
	return s
}

// shiftPoints returns the points after at, moved to count from at; nil when none remain
// (a fragment whose author's points are used up is not looked up in the patterns).
func shiftPoints(pts []int, at int) []int {
	if pts == nil {
		return nil
	}
	out := []int{}
	for _, p := range pts {
		if p > at {
			out = append(out, p-at)
		}
	}
	return out
}

// takeSoft removes the soft hyphens (U+00AD) from s and returns their byte offsets in
// the result, ignoring one at either end; nil when s has none.
func takeSoft(s string) (string, []int) {
	if !strings.Contains(s, "\u00ad") {
		return s, nil
	}
	var b strings.Builder
	pts := []int{}
	for _, r := range s {
		if r == '\u00ad' {
			if n := b.Len(); n > 0 && (len(pts) == 0 || pts[len(pts)-1] != n) {
				pts = append(pts, n)
			}
			continue
		}
		b.WriteRune(r)
	}
	out := b.String()
	if n := len(pts); n > 0 && pts[n-1] == len(out) {
		pts = pts[:n-1]
	}
	return out, pts
}

// words splits spans at spaces and newlines into measured words; fragments of adjacent
// spans without a space between them form one word. The words and their fragments are
// taken from the engine's slabs (each word's fragments capped at its end, so an append
// copies).
func (e *engine) words(spans []span, ts textStyle) []word {
	n, nf := 0, 0 // words and fragments at most (a compound is cut after its hyphens)
	for _, sp := range spans {
		n += strings.Count(sp.text, " ") + strings.Count(sp.text, "\n") + 1
		nf += strings.Count(sp.text, "-")
	}
	out := e.wordSlab.grab(n)
	frags := e.fragSlab.grab(n + nf)
	var cur word
	start := 0   // cur's first fragment in frags
	space := 0.0 // width of the space before the next word
	flush := func() {
		if len(frags) > start {
			cur.frags = frags[start:len(frags):len(frags)]
			out = append(out, cur)
		}
		cur, start = word{}, len(frags)
	}
	for k := range spans {
		sp := &spans[k]
		st := sp.st | ts.base
		rest := sp.text
		for rest != "" {
			switch rest[0] {
			case '\n':
				flush()
				out = append(out, word{br: true})
				space = 0
				rest = rest[1:]
			case ' ':
				flush()
				space = e.strWidth(" ", st, ts.size)
				rest = rest[1:]
			default:
				i := strings.IndexAny(rest, " \n")
				if i < 0 {
					i = len(rest)
				}
				add := func(k int, p string) {
					if k > 0 {
						flush() // a line may break after the hyphen, without a space
					}
					if len(frags) == start {
						cur.space, space = space, 0
					}
					p, soft := takeSoft(p)
					if soft == nil && sp.whole {
						soft = []int{} // the author's points only: none
					}
					w := e.strWidth(p, st, ts.size)
					if sp.shape != 0 {
						w = ts.size * ptToMM * 0.9
					}
					frags = append(frags, frag{text: p, st: st, from: sp, shape: sp.shape, w: w, soft: soft})
					cur.w += w
				}
				if st&stMono == 0 && sp.shape == 0 && strings.Contains(rest[:i], "-") {
					for k, p := range hyphenParts(rest[:i]) {
						add(k, p)
					}
				} else {
					add(0, rest[:i])
				}
				rest = rest[i:]
			}
		}
	}
	flush()
	e.fragSlab.keep(frags)
	return e.wordSlab.keep(out)
}

// hyphenParts splits a compound at its hyphens ("Co-Engineering-Projekte" → "Co-",
// "Engineering-", "Projekte"), where two letters stand on either side: not in numbers,
// dates or ranges, nor after a single letter ("E-Mail").
func hyphenParts(s string) []string {
	if !strings.Contains(s, "-") {
		return []string{s}
	}
	r := []rune(s)
	var out []string
	from := 0
	for j := 2; j+2 < len(r); j++ {
		if r[j] == '-' && unicode.IsLetter(r[j-1]) && unicode.IsLetter(r[j-2]) &&
			unicode.IsLetter(r[j+1]) && unicode.IsLetter(r[j+2]) && j-from >= 2 {
			out = append(out, string(r[from:j+1]))
			from = j + 1
		}
	}
	return append(out, string(r[from:]))
}

// breakWord cuts a word wider than maxW that has no hyphenation point to fit (a long
// number, a path, a foreign word) into pieces that fit, at least one character each. It
// prefers to cut after a hyphen, slash or no-break space when that keeps at least 40 %
// of a line, and cuts between any two characters otherwise; a cut between two letters
// or digits gets a hyphen, so that no line ends inside a word without one.
func (e *engine) breakWord(w word, ts textStyle, maxW float64) []word {
	type glyph struct {
		r rune
		f int // index of the fragment
		w float64
	}
	var gs []glyph
	for fi, f := range w.frags {
		for _, r := range f.text {
			gs = append(gs, glyph{r, fi, e.strWidth(string(r), f.st, ts.size)})
		}
	}
	prefix := make([]float64, len(gs)+1)
	for i, g := range gs {
		prefix[i+1] = prefix[i] + g.w
	}
	piece := func(from, to int) word {
		var out word
		for i := from; i < to; {
			j := i
			var b strings.Builder
			for j < to && gs[j].f == gs[i].f {
				b.WriteRune(gs[j].r)
				j++
			}
			f := w.frags[gs[i].f]
			f.text, f.w = b.String(), prefix[j]-prefix[i]
			out.frags = append(out.frags, f)
			out.w += f.w
			i = j
		}
		return out
	}
	hyph := 0.0 // room for the hyphen
	if len(w.frags) > 0 {
		hyph = e.strWidth("-", w.frags[0].st, ts.size)
	}
	var out []word
	start, soft := 0, -1
	for i, g := range gs {
		if prefix[i+1]-prefix[start] > maxW-hyph && i > start {
			cut := i
			if soft > start && prefix[soft]-prefix[start] >= 0.4*maxW {
				cut = soft
			}
			p := piece(start, cut)
			if hyph > 0 && isAlnum(gs[cut-1].r) && isAlnum(gs[cut].r) {
				f := w.frags[gs[cut-1].f]
				f.text, f.w = "-", hyph
				p.frags = append(p.frags, f)
				p.w += hyph
			}
			out = append(out, p)
			start = cut
		}
		switch g.r {
		case '-', '/', '\u00a0', '–':
			soft = i + 1
		}
	}
	return append(out, piece(start, len(gs)))
}

func isAlnum(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// drawLine sets one line with its top at y in a box [x, x+w].
func (e *engine) drawLine(l line, x, y, w float64, ts textStyle) {
	switch ts.align {
	case 'R':
		x += w - l.w
	case 'C':
		x += (w - l.w) / 2
	}
	sizeMM := ts.size * ptToMM
	base := y + (ts.lead-sizeMM)/2 + sizeMM*0.78
	// Plain fragments of one style and colour are drawn as one string, the words joined
	// by the space they were measured with: the viewer places each glyph by the same
	// widths, so nothing moves, but a line takes one text operator instead of one per
	// word (a third of the page's bytes), and a reader copies the text with its spaces.
	// A run of one fragment is drawn from its text; a longer one is joined in e.runBuf.
	var run runText
	run.buf = e.runBuf[:0]
	var runX, runEnd float64
	var runSt style
	var runC rgb
	flush := func() {
		if run.Len() > 0 {
			e.text(runX, base, run.String(), runSt, ts.size, runC)
			run.Reset()
		}
	}
	defer func() { e.runBuf = run.buf[:0] }()
	for wi, wd := range l.words {
		if wi == 0 {
			wd.space = 0 // a line's first word may keep the space before it in the text
		}
		x += wd.space
		for i, f := range wd.frags {
			c := ts.color
			url, link := f.url(), f.link()
			switch {
			case f.color() != nil:
				c = *f.color()
			case url != "" || link != 0:
				c = e.primary
			}
			if f.shape == 0 && url == "" && link == 0 && f.st&(stMono|stUnderline|stStrike) == 0 {
				switch {
				case run.Len() > 0 && f.st == runSt && c == runC && i > 0 && x == runEnd:
					run.add(f.text) // the next piece of the same word
				case run.Len() > 0 && f.st == runSt && c == runC && i == 0 && x-wd.space == runEnd &&
					wd.space == e.strWidth(" ", f.st, ts.size):
					run.addByte(' ')
					run.add(f.text)
				default:
					flush()
					run.add(f.text)
					runX, runSt, runC = x, f.st, c
				}
				x += f.w
				runEnd = x
				continue
			}
			flush()
			if url != "" || link != 0 {
				e.tags.begin("Link") // the link's text and its annotation (endLink)
			}
			if f.st&stMono != 0 {
				e.rect(x-0.3, y+(ts.lead-sizeMM)/2-0.2, f.w+0.6, sizeMM+0.6, codeBack)
			}
			if f.shape != 0 {
				e.shape(f.shape, x, base, sizeMM, c)
			} else {
				e.text(x, base, f.text, f.st, ts.size, c)
			}
			if url != "" || f.st&stUnderline != 0 {
				e.hline(x, x+f.w, base+0.5, c, 0.15)
			}
			if f.st&stStrike != 0 {
				e.hline(x, x+f.w, base-sizeMM*0.28, c, 0.2)
			}
			if url != "" {
				e.pdf.LinkString(x, y, f.w, ts.lead, url)
				e.tags.endLink()
			} else if link != 0 {
				e.pdf.Link(x, y, f.w, ts.lead, link)
				e.tags.endLink()
			}
			x += f.w
		}
	}
	flush()
}

// runText is the text of a run drawLine joins: its first piece as it is, and the bytes of
// all pieces in buf once there is a second.
type runText struct {
	first  string
	buf    []byte
	joined bool
}

func (r *runText) Len() int {
	if r.joined {
		return len(r.buf)
	}
	return len(r.first)
}

func (r *runText) add(s string) {
	switch {
	case r.joined:
		r.buf = append(r.buf, s...)
	case r.first == "":
		r.first = s
	default:
		r.buf = append(append(r.buf[:0], r.first...), s...)
		r.joined = true
	}
}

func (r *runText) addByte(b byte) {
	if !r.joined {
		r.buf = append(r.buf[:0], r.first...)
		r.joined = true
	}
	r.buf = append(r.buf, b)
}

func (r *runText) String() string {
	if r.joined {
		return string(r.buf)
	}
	return r.first
}

func (r *runText) Reset() { r.first, r.buf, r.joined = "", r.buf[:0], false }

// flow sets spans as a paragraph at the position, breaking pages between lines; indent
// shifts it right. A paragraph of two or more lines leaves no single line at the bottom
// or the top of a page.
func (e *engine) flow(spans []span, ts textStyle, indent float64) {
	e.flowLines(e.wrap(spans, ts, e.width()-indent), ts, indent)
}

// flowLines is flow for lines wrapped before.
func (e *engine) flowLines(lines []line, ts textStyle, indent float64) {
	x := e.left() + indent
	w := e.width() - indent
	if len(lines) > 1 {
		e.need(2 * ts.lead)
	} else {
		e.need(ts.lead)
	}
	for i, l := range lines {
		if i > 0 && i == len(lines)-2 {
			e.need(2 * ts.lead) // nor a single last line at the top of a page
		} else {
			e.need(ts.lead)
		}
		e.drawLine(l, x, e.y, w, ts)
		e.y += ts.lead
	}
}

// plain is a convenience for one span of clean text in the block's style.
func plain(s string) []span { return []span{{text: s}} }

// shape draws a traffic-light symbol of text size sizeMM at the baseline.
func (e *engine) shape(r rune, x, base, sizeMM float64, c rgb) {
	cx, cy, rad := x+sizeMM*0.4, base-sizeMM*0.33, sizeMM*0.3
	e.setFill(c)
	switch r {
	case '▲':
		e.pdf.Polygon([]fpdf.PointType{{X: cx - rad, Y: cy + rad*0.85}, {X: cx + rad, Y: cy + rad*0.85}, {X: cx, Y: cy - rad}}, "F")
	case '■':
		e.pdf.Rect(cx-rad*0.85, cy-rad*0.85, rad*1.7, rad*1.7, "F")
	default:
		e.pdf.Circle(cx, cy, rad, "F")
	}
}
