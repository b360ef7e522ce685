package pdfdoc

import (
	"math"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// tcell is one laid-out table cell.
type tcell struct {
	spans []span
	bold  bool
	muted bool
}

// tableSpec is a table ready for layout: clean text, alignment per column ('L', 'R', 'C').
type tableSpec struct {
	header []string
	align  []byte
	widths []float64 // relative widths (hints); nil: from the content
	rows   [][]tcell
	foot   [][]tcell
	size   float64 // points; the layout may set a crowded table smaller
	plain  bool    // key/value lists: no header fill, no zebra
	// cont is set above a plain table's rows where they continue on a new page (a list
	// of facts has no header to repeat): "Profil (Fortsetzung)".
	cont string
	// rowHead: the first column heads its row (tagged TH with scope Row).
	rowHead bool
	indent  float64
	// names marks the columns that hold names (render.Cell.Name): never broken, so
	// where the longest words do not fit side by side, the other columns give way.
	names []bool
}

const (
	cellPadX   = 1.8
	narrowPadX = 1.1 // crowded tables, before words break
	cellPadY   = unit * 2 / 3
	maxHeadL   = 4 // header lines; more would be a broken label, not a header

	// Tables keep the type scale's size (scale.go) and wrap rather than set themselves
	// smaller: a table in 7 pt beside one in 8.5 pt is one size too many.
	minTableSize = sizeSmall
	minHeadSize  = sizeSmall
	colFloor     = 8.0  // mm: no column narrower (an empty column stays visible)
	prefCap      = 0.55 // of the width: no column asks for more room than this
	shortCol     = 0.2  // of the width: a column of texts this short is kept unwrapped
	keepWhole    = 5    // tables of up to this many rows…
	keepWholeH   = 60.0 // …and this height (mm) are not split between pages
)

func (t *tableSpec) cols() int {
	n := len(t.header)
	for _, rs := range [][][]tcell{t.rows, t.foot} {
		for _, r := range rs {
			n = max(n, len(r))
		}
	}
	return n
}

func (t *tableSpec) alignOf(c int) byte {
	if c < len(t.align) && t.align[c] != 0 {
		return t.align[c]
	}
	return 'L'
}

func (t *tableSpec) cellStyle(c tcell, col int, size float64) textStyle {
	ts := textStyle{size: size, lead: lead(size, leadText), color: ink, align: t.alignOf(col)}
	if c.bold {
		ts.base |= stBold
	}
	if c.muted {
		ts.color = muted
	}
	return ts
}

func (t *tableSpec) headStyle(size float64) textStyle {
	ts := textStyle{size: size, lead: lead(size, leadHead), color: white, base: stBold}
	if t.plain {
		ts.color = muted
	}
	return ts
}

// isFigure reports whether a cell's text is a number, an amount, a percentage or a date,
// perhaps with a short unit ("2.050.000 €", "12 Personen", "160 h ↓", "31 Oct 2027"): such
// a cell is set on one line, never wrapped.
func isFigure(s string) bool {
	s = strings.TrimSpace(s)
	if s == "" || utf8.RuneCountInString(s) > 24 || fields(s) > 3 {
		return false
	}
	r, _ := utf8.DecodeRuneInString(s)
	if !unicode.IsDigit(r) && !strings.ContainsRune("+-−–±<>≤≥~≈€$£¥", r) {
		return false
	}
	return strings.IndexFunc(s, unicode.IsDigit) >= 0
}

// fields is len(strings.Fields(s)), without making them.
func fields(s string) int {
	n, in := 0, false
	for _, r := range s {
		space := unicode.IsSpace(r)
		if !space && !in {
			n++
		}
		in = !space
	}
	return n
}

// glue joins words into one unbreakable word, the spaces kept as text.
func glue(ws []word) []word {
	if len(ws) < 2 {
		return ws
	}
	out := word{space: ws[0].space}
	for i, w := range ws {
		if w.br {
			return ws // a figure has no line break; keep what the author wrote
		}
		if i > 0 && w.space > 0 && len(w.frags) > 0 {
			sp := w.frags[0]
			sp.text, sp.w, sp.shape = " ", w.space, 0
			out.frags = append(out.frags, sp)
			out.w += w.space
		}
		out.frags = append(out.frags, w.frags...)
		out.w += w.w
	}
	return []word{out}
}

// tableLayout is a table measured and fitted to its width.
type tableLayout struct {
	t          *tableSpec
	n          int
	size       float64 // body text size
	headTS     textStyle
	widths, xs []float64
	x0, W      float64
	headLines  [][]line
	headH      float64
	padX       float64         // horizontal cell padding
	rows       []tableRowLines // body rows, then foot rows
	nBody      int
	// split: the table starts in the gap of charts waiting (economy.go) and may break
	// after its first two rows however short it is.
	split bool
}

// tableRowLines is one row wrapped into its columns.
type tableRowLines struct {
	ls  [][]line
	tss []textStyle
	h   float64
}

// measured holds the words of every cell at one size.
type measured struct {
	head       [][]word
	body, foot [][][]word
	headSyl    []float64 // per column: the widest syllable of the header (widestSyllable)
}

func (e *engine) measureTable(t *tableSpec, n int, size, headSize float64) measured {
	cells := func(rows [][]tcell) [][][]word {
		out := make([][][]word, len(rows))
		slab := make([][]word, len(rows)*n) // the rows' cells, one allocation
		for i, r := range rows {
			out[i] = slab[i*n : (i+1)*n : (i+1)*n]
			for c := 0; c < n && c < len(r); c++ {
				ws := e.words(r[c].spans, t.cellStyle(r[c], c, size))
				if isFigure(cellText(r[c].spans)) {
					ws = glue(ws)
				}
				out[i][c] = ws
			}
		}
		return out
	}
	m := measured{body: cells(t.rows), foot: cells(t.foot)}
	m.head = e.measureHead(t, n, headSize)
	m.headSyl = make([]float64, n)
	for c, ws := range m.head {
		for _, w := range ws {
			m.headSyl[c] = math.Max(m.headSyl[c], e.widestSyllable(w, headSize))
		}
	}
	return m
}

// cellText is the text of a cell's spans.
func cellText(spans []span) string {
	if len(spans) == 1 {
		return spans[0].text
	}
	var b strings.Builder
	for _, s := range spans {
		b.WriteString(s.text)
	}
	return b.String()
}

// widestSyllable is the width of the widest piece w can be hyphenated into, with its
// hyphen: a header column narrower than that would have a syllable cut by letter count
// ("Ge-wic-ht" for "Gewicht" beside a column of "20 %"). A word without points is one
// piece.
func (e *engine) widestSyllable(w word, size float64) float64 {
	widest := 0.0
	for i := range w.frags {
		f := &w.frags[i]
		pts := e.points(f)
		if len(pts) == 0 {
			widest = math.Max(widest, f.w)
			continue
		}
		hw := e.strWidth("-", f.st, size)
		last := 0
		for _, p := range pts {
			widest = math.Max(widest, e.strWidth(f.text[last:p], f.st, size)+hw)
			last = p
		}
		widest = math.Max(widest, e.strWidth(f.text[last:], f.st, size))
	}
	return widest
}

// sylBound is at least widestSyllable(w, size), without hyphenating w: no piece of a
// fragment is wider than all its letters with only their positive kerning
// (letterBound), and a hyphen. A fragment whose face has not measured a hyphen yet has
// no bound: measuring one would register the face where widestSyllable might not.
func (e *engine) sylBound(w word, size float64) float64 {
	b := 0.0
	for i := range w.frags {
		f := &w.frags[i]
		if e.faceWidths[fontSlot(f.st)] == nil {
			return math.Inf(1)
		}
		b = math.Max(b, math.Max(f.w, e.letterBound(f.text, f.st, size)+e.strWidth("-", f.st, size)))
	}
	return b
}

func (e *engine) measureHead(t *tableSpec, n int, size float64) [][]word {
	head := make([][]word, n)
	for c := 0; c < n && c < len(t.header); c++ {
		head[c] = e.words(plain(t.header[c]), t.headStyle(size))
	}
	return head
}

// colMetrics are the content widths of the columns without padding: the widest
// unbreakable word of the body and of the header, and the widest cell on one line.
type colMetrics struct {
	bodyMin, headMin, pref []float64
	headSyl                []float64 // the widest syllable of the header, with its hyphen
}

func metrics(m measured) colMetrics {
	n := len(m.head)
	cm := newColMetrics(n)
	copy(cm.headSyl, m.headSyl)
	note := func(c int, ws []word, minW []float64) {
		lineW := 0.0
		for _, w := range ws {
			if w.br {
				cm.pref[c] = math.Max(cm.pref[c], lineW)
				lineW = 0
				continue
			}
			if lineW > 0 {
				lineW += w.space
			}
			lineW += w.w
			minW[c] = math.Max(minW[c], w.w)
		}
		cm.pref[c] = math.Max(cm.pref[c], lineW)
	}
	for c := 0; c < n; c++ {
		note(c, m.head[c], cm.headMin)
		for _, rows := range [][][][]word{m.body, m.foot} {
			for _, r := range rows {
				note(c, r[c], cm.bodyMin)
			}
		}
	}
	return cm
}

// newColMetrics makes the metrics of n columns, their four slices one array.
func newColMetrics(n int) colMetrics {
	a := make([]float64, 4*n)
	return colMetrics{a[:n:n], a[n : 2*n : 2*n], a[2*n : 3*n : 3*n], a[3*n:]}
}

// scaledTo writes into out (made for as many columns by newColMetrics, and reused: the
// search for a table's size tries many) the metrics at another size: fpdf's widths are
// linear in the size.
func (cm colMetrics) scaledTo(out colMetrics, bodyF, headF float64) colMetrics {
	for c := range cm.pref {
		out.bodyMin[c] = cm.bodyMin[c] * bodyF
		out.headMin[c] = cm.headMin[c] * headF
		out.headSyl[c] = 0
		if c < len(cm.headSyl) {
			out.headSyl[c] = cm.headSyl[c] * headF
		}
		out.pref[c] = math.Max(cm.pref[c]*bodyF, 0)
	}
	return out
}

// padOf is the horizontal room a column needs beside its text for the cell padding padX,
// with a little air.
func padOf(padX float64) float64 { return 2*padX + 0.5 }

// sylSum is the width the columns need without breaking a word of the body or a
// syllable of the header.
func (cm colMetrics) sylSum(padX float64) float64 {
	s := 0.0
	for c := range cm.pref {
		w := cm.bodyMin[c]
		if c < len(cm.headSyl) {
			w = math.Max(w, cm.headSyl[c])
		}
		s += math.Max(w+padOf(padX), colFloor)
	}
	return s
}

// minSum is the width the columns need without breaking a word.
func (cm colMetrics) minSum(withHead bool, padX float64) float64 {
	s := 0.0
	for c := range cm.pref {
		w := cm.bodyMin[c]
		if withHead {
			w = math.Max(w, cm.headMin[c])
		}
		s += math.Max(w+padOf(padX), colFloor)
	}
	return s
}

// layoutTable measures t, chooses its text size and column widths for the width W and
// wraps every cell. A crowded table is set smaller (down to minTableSize, its header down
// to minHeadSize) before any word is broken; only a word wider than its column at the
// smallest size is broken.
func (e *engine) layoutTable(t *tableSpec, x0, W float64) *tableLayout {
	n := t.cols()
	L := &tableLayout{t: t, n: n, x0: x0, W: W}
	if n == 0 {
		return L
	}
	base := t.size
	if !(base > 0) {
		base = 8.5
	}
	m0 := e.measureTable(t, n, base, base)
	cm0 := metrics(m0)
	at := newColMetrics(n) // cm0 at the sizes tried
	floor := math.Min(base, minTableSize)
	size, headSize, padX := floor, math.Min(floor, minHeadSize), cellPadX
	found := false
	// The largest size at which no word breaks, with the normal padding and then with a
	// narrow one; the header may be set up to a point smaller than the body.
search:
	for _, px := range []float64{cellPadX, narrowPadX} {
		for s := base; s >= floor-1e-9; s -= 0.5 {
			for hs := s; hs >= math.Min(s, math.Max(s-1, minHeadSize))-1e-9; hs -= 0.5 {
				if cm0.scaledTo(at, s/base, hs/base).minSum(true, px) <= W+1e-9 {
					size, headSize, padX, found = s, hs, px, true
					break search
				}
			}
		}
	}
	if !found {
		// Not even the smallest size fits every word: narrow padding, the header at its
		// smallest, and where the body's words alone still do not fit, the longest break.
		// Rather a size at which the header's syllables fit too, so that the header breaks
		// at its hyphenation points only.
		padX = narrowPadX
		sized := false
		for s := base; s >= floor-1e-9 && !sized; s -= 0.5 {
			if cm0.scaledTo(at, s/base, math.Min(s, minHeadSize)/base).sylSum(padX) <= W+1e-9 {
				size, sized = s, true
			}
		}
		for s := base; s >= floor-1e-9 && !sized; s -= 0.5 {
			if cm0.scaledTo(at, s/base, 1).minSum(false, padX) <= W+1e-9 {
				size, sized = s, true
			}
		}
		headSize = math.Min(size, minHeadSize)
	} else if len(t.rows) <= 200 {
		// A crowded table, whose rows wrap into two lines or more on average, gets the
		// narrow padding and is set at the largest size down to 1.5 points smaller that needs at most a tenth more
		// lines than the smallest: smaller type where it saves many lines, not a few.
		lines := func(s float64) int {
			return t.lineCount(m0, cm0.scaledTo(at, s/base, math.Min(headSize, s)/base), s/base, W, padX)
		}
		if l := lines(size); float64(l) >= 2*float64(len(t.rows)+len(t.foot)) {
			padX = narrowPadX // and closer columns
			l = lines(size)
			low := math.Max(floor, base-1.5)
			best := float64(lines(low))
			for s := size - 0.5; s >= low-1e-9; s -= 0.5 {
				if float64(l) <= 1.1*best {
					break
				}
				size, headSize, l = s, math.Min(headSize, s), lines(s)
			}
		}
	}
	m := m0
	if size != base {
		m = e.measureTable(t, n, size, headSize)
	} else if headSize != base {
		m.head = e.measureHead(t, n, headSize)
	}
	L.size, L.padX = size, padX
	L.headTS = t.headStyle(headSize)
	cm := metrics(m)
	L.widths = t.columnWidths(W, cm, padX)
	if !t.plain && len(t.rows)+len(t.foot) <= balanceRows {
		e.balance(t, m, cm, L.widths, padX, size, headSize)
	}
	L.xs = make([]float64, n)
	x := x0
	for c := range L.widths {
		L.xs[c] = x
		x += L.widths[c]
	}
	if len(t.header) > 0 {
		L.headLines = make([][]line, n)
		rowsN := 0
		for c := range m.head {
			ts := L.headTS
			ts.align = t.alignOf(c)
			L.headLines[c] = e.wrapWords(m.head[c], ts, L.widths[c]-2*L.padX)
			if len(L.headLines[c]) > maxHeadL {
				L.headLines[c] = L.headLines[c][:maxHeadL]
			}
			rowsN = max(rowsN, len(L.headLines[c]))
		}
		L.headH = float64(rowsN)*L.headTS.lead + 2*cellPadY
	}
	L.rows = make([]tableRowLines, 0, len(t.rows)+len(t.foot))
	wrapRows := func(rows [][]tcell, words [][][]word) {
		// The rows' cells and styles, one allocation each.
		ls, tss := make([][]line, len(rows)*n), make([]textStyle, len(rows)*n)
		for i := range rows {
			r := tableRowLines{ls: ls[i*n : (i+1)*n : (i+1)*n], tss: tss[i*n : (i+1)*n : (i+1)*n]}
			for c := 0; c < n; c++ {
				var cell tcell
				if c < len(rows[i]) {
					cell = rows[i][c]
				}
				r.tss[c] = t.cellStyle(cell, c, size)
				r.ls[c] = e.wrapWords(words[i][c], r.tss[c], L.widths[c]-2*L.padX)
			}
			r.h = rowHeight(r.ls, r.tss, nil)
			L.rows = append(L.rows, r)
		}
	}
	wrapRows(t.rows, m.body)
	wrapRows(t.foot, m.foot)
	L.nBody = len(t.rows)
	return L
}

// brokenWord is what a short column's cell with a hyphenated word costs, in lines of
// the table's height: "regel-mäßig" in a column of states is worth it only where it
// saves more than that.
const brokenWord = 2

// balanceRows is the most rows balance looks at (it tries every pair of columns).
const balanceRows = 40

// balance moves width between the columns of a table, a few millimetres at a time, while that
// makes the table shorter: a column of running text is not left narrow beside columns
// whose rows are shorter anyway. It never cuts a word between letters: no column goes
// below its header's widest syllable, a name column below its longest name part, a
// column below a cell's only word ("gering"), or text below its widest syllable. A word
// of a short column (not prose) or of the header is hyphenated only where that saves
// more than brokenWord lines.
func (e *engine) balance(t *tableSpec, m measured, cm colMetrics, widths []float64, padX, size, headSize float64) {
	n := len(widths)
	if n < 3 {
		return
	}
	rows := make([][][]word, 0, len(m.body)+len(m.foot)+1)
	rows = append(rows, m.body...)
	rows = append(rows, m.foot...)
	head := -1 // the header is a row too: its lines count
	if len(t.header) > 0 {
		head = len(rows)
		rows = append(rows, m.head)
	}
	pad := padOf(padX)
	isProse := make([]bool, n)
	widest := make([][]float64, len(rows)) // widest[r][c]: the cell's widest word
	wslab := make([]float64, len(rows)*n)  // the rows' slices, one allocation
	for r := range rows {
		widest[r] = wslab[r*n : (r+1)*n : (r+1)*n]
	}
	// A column goes no narrower than its low: its widest word, or where it has several,
	// syllable, with the padding, at most its width now. The syllables are known only
	// once the words are hyphenated, and most of the hyphenation of a plan's words was
	// for this (hansa: ~60 % of its look-ups of the patterns), while a column comes
	// near its low in few tables; so the low is first only bounded (lows: below by the
	// words that need no hyphenation, above by sylBound) and made exact (exact) when a
	// step would end between the bounds.
	type colLow struct {
		lo, hi float64 // the low is between them; equal once exact
		exact  bool
		wide   float64 // the widest of the words that need no hyphenation
	}
	lows := make([]colLow, n)
	w0 := append([]float64(nil), widths...)
	lowOf := func(c int, wide float64) float64 {
		need := math.Max(wide+pad, colFloor)
		if c < len(cm.headSyl) {
			need = math.Max(need, cm.headSyl[c]+pad)
		}
		return math.Min(w0[c], need)
	}
	syllables := func(c int) bool { return !(c < len(t.names) && t.names[c]) }
	for c := range lows {
		isProse[c] = prose(m, c)
		wide, bound := 0.0, 0.0
		if head >= 0 && c < len(cm.headMin) {
			widest[head][c] = cm.headMin[c]
		}
		for r, row := range rows {
			if c >= len(row) || r == head {
				continue
			}
			for _, w := range row[c] {
				widest[r][c] = math.Max(widest[r][c], w.w)
				if !syllables(c) || len(row[c]) == 1 {
					wide = math.Max(wide, w.w)
				} else {
					bound = math.Max(bound, e.sylBound(w, size))
				}
			}
		}
		lows[c] = colLow{lo: lowOf(c, wide), hi: lowOf(c, math.Max(wide, bound)), wide: wide}
		lows[c].exact = lows[c].lo == lows[c].hi
	}
	// below reports whether x is below column c's low (a step to x goes too far).
	below := func(c int, x float64) bool {
		l := &lows[c]
		if !l.exact {
			if x >= l.hi-1e-9 {
				return false
			}
			if x < l.lo-1e-9 {
				return true
			}
			wide := l.wide
			for r, row := range rows {
				if c >= len(row) || r == head || len(row[c]) == 1 {
					continue
				}
				for _, w := range row[c] {
					wide = math.Max(wide, e.widestSyllable(w, size))
				}
			}
			l.lo, l.exact = lowOf(c, wide), true
		}
		return x < l.lo-1e-9
	}
	// cell is a cell's lines as the table wraps it (hyphenated) and whether a word of a
	// short column breaks, at width w; widths change by whole steps, so few are tried.
	type at struct {
		w     int32 // width in µm
		lines int32
	}
	memo := make([][]at, len(rows)*n) // per cell, the widths tried
	const room = 16                   // widths per cell in one shared array (a first round tries 9); more are appended
	slab := make([]at, len(memo)*room)
	for i := range memo {
		memo[i] = slab[i*room : i*room : (i+1)*room]
	}
	cell := func(r, c int, w float64) (int, int) {
		if c >= len(rows[r]) {
			return 1, 0
		}
		br := 0
		if (r == head || !isProse[c]) && widest[r][c] > w-2*padX+1e-9 {
			br = 1
		}
		k, tried := math.Round(w*1000), &memo[r*n+c]
		kept := math.Abs(k) < math.MaxInt32 // any width on a page
		for _, m := range *tried {
			if kept && m.w == int32(k) {
				return int(m.lines), br
			}
		}
		var l int
		if r == head {
			ts := t.headStyle(headSize)
			ts.align = t.alignOf(c)
			l = min(e.lineCount(rows[r][c], ts, w-2*padX), maxHeadL)
		} else {
			var tc tcell
			if r < len(t.rows) {
				if c < len(t.rows[r]) {
					tc = t.rows[r][c]
				}
			} else if f := t.foot[r-len(t.rows)]; c < len(f) {
				tc = f[c]
			}
			l = e.lineCount(rows[r][c], t.cellStyle(tc, c, size), w-2*padX)
		}
		if kept {
			*tried = append(*tried, at{int32(k), int32(l)})
		}
		return l, br
	}
	lines := make([][]int, len(rows))
	brk := make([][]int, len(rows))
	lslab := make([]int, 2*len(rows)*n) // the rows' slices of both, one allocation
	for r := range rows {
		lines[r], brk[r] = lslab[2*r*n:(2*r+1)*n:(2*r+1)*n], lslab[(2*r+1)*n:(2*r+2)*n:(2*r+2)*n]
		for c := 0; c < n; c++ {
			lines[r][c], brk[r][c] = cell(r, c, widths[c])
		}
	}
	sc := newScorer(lines, brk)
	best := sc.base()
	parts := newParts(n+1, len(rows))
	pa, pbs := parts[n], parts[:n] // a column narrowed; per step, those widened, made when first needed
	fill := func(p *colPart, c int, w float64) {
		p.sumL, p.sumB = 0, 0
		for r := range rows {
			p.l[r], p.b[r] = cell(r, c, w)
			p.sumL += p.l[r]
			p.sumB += p.b[r]
		}
	}
	ready := make([]bool, n)
	for iter := 0; iter < 60; iter++ {
		bestA, bestB, bestStep := -1, -1, 0.0
		// Steps of several millimetres too: a column of text gets a line shorter only
		// when it grows by a word.
		for _, step := range []float64{1, 2, 4, 8} {
			clear(ready)
			for a := 0; a < n; a++ {
				if below(a, widths[a]-step) {
					continue
				}
				fill(&pa, a, widths[a]-step)
				for b := 0; b < n; b++ {
					if a == b {
						continue
					}
					if !ready[b] { // in the order the cells were first wrapped before
						fill(&pbs[b], b, widths[b]+step)
						ready[b] = true
					}
					if s := sc.cost(a, b, &pa, &pbs[b]); s.less(best) {
						bestA, bestB, bestStep, best = a, b, step, s
					}
				}
			}
		}
		if bestA < 0 {
			return
		}
		widths[bestA] -= bestStep
		widths[bestB] += bestStep
		for r := range rows {
			lines[r][bestA], brk[r][bestA] = cell(r, bestA, widths[bestA])
			lines[r][bestB], brk[r][bestB] = cell(r, bestB, widths[bestB])
		}
		sc.tally()
	}
}

// score is what balance minimises: the table's height in lines with each cell of a
// short column whose word breaks counted as brokenWord lines, then those words, then
// the lines of all cells.
type score struct{ h, br, all int }

func (x score) less(y score) bool {
	if x.h+brokenWord*x.br != y.h+brokenWord*y.br {
		return x.h+brokenWord*x.br < y.h+brokenWord*y.br
	}
	if x.br != y.br {
		return x.br < y.br
	}
	return x.all < y.all
}

// scorer scores the table with two columns at other widths without going through the
// other cells again: their lines and breaks are summed per column, and each row's three
// tallest cells are kept, so that the tallest of a row but the two is known at once.
// Scoring every pair of columns by all their cells was most of balance's time (hansa:
// 17,000 scores, 8 of the layout's ~55 million instructions).
type scorer struct {
	lines, brk [][]int // per row and column (balance's, updated between tallies)
	top3       []tall
	colL, colB []int // per column, the sums of lines and breaks
	allL, allB int
}

// tall holds a row's three largest line counts, largest first, and the columns of the
// first two.
type tall struct {
	l      [3]int
	c0, c1 int
}

// colPart is a column at a trial width: its cells' lines and breaks and their sums.
type colPart struct {
	l, b       []int
	sumL, sumB int
}

func newPart(rows int) colPart { return newParts(1, rows)[0] }

// newParts makes n parts of as many rows, their slices one array.
func newParts(n, rows int) []colPart {
	ps, a := make([]colPart, n), make([]int, 2*n*rows)
	for i := range ps {
		ps[i] = colPart{l: a[2*i*rows : (2*i+1)*rows : (2*i+1)*rows], b: a[(2*i+1)*rows : (2*i+2)*rows : (2*i+2)*rows]}
	}
	return ps
}

func newScorer(lines, brk [][]int) *scorer {
	n := 0
	if len(lines) > 0 {
		n = len(lines[0])
	}
	sc := &scorer{lines: lines, brk: brk, top3: make([]tall, len(lines)), colL: make([]int, n), colB: make([]int, n)}
	sc.tally()
	return sc
}

// tally takes the lines and breaks in again after they changed.
func (sc *scorer) tally() {
	clear(sc.colL)
	clear(sc.colB)
	sc.allL, sc.allB = 0, 0
	for r, row := range sc.lines {
		t := tall{c0: -1, c1: -1}
		for c, l := range row {
			sc.colL[c] += l
			sc.colB[c] += sc.brk[r][c]
			switch {
			case l > t.l[0]:
				t.l[2], t.l[1], t.c1, t.l[0], t.c0 = t.l[1], t.l[0], t.c0, l, c
			case l > t.l[1]:
				t.l[2], t.l[1], t.c1 = t.l[1], l, c
			case l > t.l[2]:
				t.l[2] = l
			}
		}
		sc.top3[r] = t
	}
	for c := range sc.colL {
		sc.allL += sc.colL[c]
		sc.allB += sc.colB[c]
	}
}

// base is the score of the table as it is.
func (sc *scorer) base() score {
	s := score{all: sc.allL, br: sc.allB}
	for r := range sc.top3 {
		s.h += max(sc.top3[r].l[0], 1)
	}
	return s
}

// cost is the score with columns a and b (a != b) at pa and pb.
func (sc *scorer) cost(a, b int, pa, pb *colPart) score {
	s := score{all: sc.allL - sc.colL[a] - sc.colL[b] + pa.sumL + pb.sumL,
		br: sc.allB - sc.colB[a] - sc.colB[b] + pa.sumB + pb.sumB}
	for r := range sc.top3 {
		t := &sc.top3[r]
		most := t.l[2] // the tallest cell of the row but a and b
		switch {
		case t.c0 != a && t.c0 != b:
			most = t.l[0]
		case t.c1 != a && t.c1 != b:
			most = t.l[1]
		}
		s.h += max(most, 1, pa.l[r], pb.l[r])
	}
	return s
}

// prose reports a column of running text: four words a cell or more on average (a
// contact's function, a next step), not names, states or short labels.
func prose(m measured, c int) bool {
	words, cells := 0, 0
	for _, rows := range [][][][]word{m.body, m.foot} {
		for _, r := range rows {
			if c < len(r) && len(r[c]) > 0 {
				words += len(r[c])
				cells++
			}
		}
	}
	return cells > 0 && words >= 4*cells
}

// lineCount is how many lines the body would take in total at the metrics cm, the words
// of m scaled by f: greedy wrapping on the widths columnWidths gives, no drawing.
func (t *tableSpec) lineCount(m measured, cm colMetrics, f, W, padX float64) int {
	widths := t.columnWidths(W, cm, padX)
	total := 0
	for _, rows := range [][][][]word{m.body, m.foot} {
		for _, r := range rows {
			most := 1
			for c, ws := range r {
				most = max(most, countLines(ws, f, widths[c]-2*padX))
			}
			total += most
		}
	}
	return total
}

// countLines is len(wrapWords(…)) for words scaled by f, without building the lines.
func countLines(ws []word, f, maxW float64) int {
	n, cur := 1, 0.0
	for _, w := range ws {
		if w.br {
			n, cur = n+1, 0
			continue
		}
		ww := w.w * f
		if cur > 0 && cur+w.space*f+ww <= maxW+1e-6 {
			cur += w.space*f + ww
			continue
		}
		if cur > 0 {
			n++
		}
		if ww > maxW && maxW > 0 {
			n += int(ww / maxW)
			ww = math.Mod(ww, maxW)
		}
		cur = ww
	}
	return n
}

// keep is the height that must fit below the position for the table to start there: the
// header and the first two rows, or all of a short table.
func (L *tableLayout) keep(pageH float64) float64 {
	h, all := L.headH, L.headH
	for i, r := range L.rows {
		if i < 2 {
			h += r.h
		}
		all += r.h
	}
	// A short table stays whole; a list of facts up to half a page more, as it reads as one.
	if !L.split && L.nBody <= keepWhole && all <= keepWholeH || L.t.plain && all <= 1.5*keepWholeH {
		h = all
	}
	if len(L.rows) == 0 {
		h += 2*cellPadY + lead(L.size, leadText)
	}
	return math.Min(h, pageH)
}

// table lays out t at the position: the header repeats on every page the table continues
// on, rows move to the next page whole when they fit on one, neither page of a split
// holds a single row where that can be helped, and a row taller than a page is split
// between lines.
func (e *engine) table(t *tableSpec) {
	L := e.layoutTable(t, e.left()+t.indent, e.width()-t.indent)
	e.drawTable(L)
}

// drawTable draws a laid-out table at the position.
func (e *engine) drawTable(L *tableLayout) {
	if L.n == 0 {
		return
	}
	t, x0, W := L.t, L.x0, L.W
	heads := 0
	drawHead := func() {
		if L.headLines == nil {
			return
		}
		// The header row is read once; where it repeats on the next page it is an
		// artifact.
		if heads++; heads > 1 {
			defer e.tags.beginArtifact()()
		} else {
			e.tags.begin("TR")
			defer e.tags.end()
			e.tags.rowCells(len(L.headLines), func(int) (string, string) { return "TH", "Column" })
		}
		if t.plain {
			e.hline(x0, x0+W, e.y+L.headH, rule, 0.3)
		} else {
			e.rect(x0, e.y, W, L.headH, e.primary)
		}
		for c := range L.headLines {
			ts := L.headTS
			ts.align = t.alignOf(c)
			draw := func() {
				for j, l := range L.headLines[c] {
					e.drawLine(l, L.xs[c]+L.padX, e.y+cellPadY+float64(j)*ts.lead, L.widths[c]-2*L.padX, ts)
				}
			}
			if heads > 1 {
				draw() // the artifact, not the cells of the row under way
			} else {
				e.tags.cell(c, draw)
			}
		}
		e.y += L.headH
	}
	pageBreak := func() {
		e.newPage()
		if t.cont != "" {
			ts := textStyle{size: sizeSmall, lead: lead(sizeSmall, leadText), color: muted, base: stItalic, align: 'L'}
			e.flow(plain(t.cont), ts, t.indent)
			e.y += gapLine
		}
		drawHead()
	}
	e.need(L.keep(e.bottom() - e.mt))
	first := 0.0 // what the first page break sets at the top before the table continues
	if e.topHeight != nil {
		if first = e.topHeight(); first > 0 && t.cont != "" {
			first += lead(sizeSmall, leadText) + gapLine
		}
	}
	forced := L.planBreaks(e.y+L.headH, e.mt+L.headH, e.bottom(), first)
	drawHead()
	for i, r := range L.rows {
		foot := i >= L.nBody
		if forced[i] && !e.atTop() {
			pageBreak()
		}
		if foot && i == L.nBody {
			e.hline(x0, x0+W, e.y, e.primary, 0.35)
		}
		fill := !t.plain && !foot && i%2 == 1
		e.tags.begin("TR")
		// A key–value list heads each row with its key.
		e.tags.rowCells(len(r.ls), func(c int) (string, string) {
			if c == 0 && (t.plain || t.rowHead) {
				return "TH", "Row"
			}
			return "TD", ""
		})
		e.tableRow(r.ls, r.tss, L.xs, L.widths, L.padX, fill, L.headH, pageBreak)
		e.tags.end()
		e.hline(x0, x0+W, e.y, rule, 0.12)
	}
}

// planBreaks finds the page breaks the rows will get, starting at y below the header on
// the first page (top below the header on the following ones), and moves the last one
// back where it would leave fewer than two body rows on the last page. It returns the
// rows a break is forced before. first is what the first break sets at the top of its
// page before the table continues (charts that waited).
func (L *tableLayout) planBreaks(y, top, bottom, first float64) map[int]bool {
	var breaks []int
	for i, r := range L.rows {
		if y+r.h > bottom+0.01 {
			t := top
			if len(breaks) == 0 {
				t += first
			}
			if r.h > bottom-t {
				return nil // a row split between pages: no plan beyond it
			}
			breaks = append(breaks, i)
			y = t
		}
		y += r.h
	}
	if len(breaks) == 0 || L.nBody < 4 {
		return nil
	}
	last := breaks[len(breaks)-1]
	if L.nBody-last >= 2 {
		return nil
	}
	to := L.nBody - 2
	prev := 0
	if len(breaks) > 1 {
		prev = breaks[len(breaks)-2]
	} else {
		top += first
	}
	if to-prev < 2 {
		return nil // the page before would keep a single row instead
	}
	h := 0.0
	for _, r := range L.rows[to:] {
		h += r.h
	}
	if top+h > bottom+0.01 {
		return nil
	}
	return map[int]bool{to: true}
}

// rowHeight is the height of the lines of a row from per-cell offsets from (nil: all).
func rowHeight(ls [][]line, tss []textStyle, from []int) float64 {
	h := 0.0
	for c := range ls {
		k := len(ls[c])
		if from != nil {
			k -= from[c]
		}
		h = math.Max(h, float64(k)*tss[c].lead)
	}
	return h + 2*cellPadY
}

// tableRow draws one row, splitting it between lines only when it is taller than a page.
func (e *engine) tableRow(ls [][]line, tss []textStyle, xs, widths []float64, padX float64, fill bool, headH float64, pageBreak func()) {
	from := make([]int, len(ls))
	started := false
	for {
		h := rowHeight(ls, tss, from)
		avail := e.bottom() - e.y
		if h <= avail+0.01 {
			e.drawRowPart(ls, tss, xs, widths, padX, from, -1, h, fill)
			return
		}
		if !started && h <= e.bottom()-e.mt-headH {
			pageBreak()
			started = true // the row now fits; never break twice for it
			continue
		}
		// Split: as many lines as fit, measured in the tallest lead of the row.
		lead := 0.0
		for _, ts := range tss {
			lead = math.Max(lead, ts.lead)
		}
		k := int((avail - 2*cellPadY) / lead)
		if k < 1 {
			pageBreak()
			started = true
			continue
		}
		e.drawRowPart(ls, tss, xs, widths, padX, from, k, float64(k)*lead+2*cellPadY, fill)
		for c := range from {
			from[c] = min(len(ls[c]), from[c]+k)
		}
		started = true
		pageBreak()
	}
}

// drawRowPart draws lines from[c] … from[c]+k of each cell (k < 0: all) in a band of
// height h at the position and moves below it.
func (e *engine) drawRowPart(ls [][]line, tss []textStyle, xs, widths []float64, padX float64, from []int, k int, h float64, fill bool) {
	if fill {
		e.rect(xs[0], e.y, xs[len(xs)-1]+widths[len(widths)-1]-xs[0], h, zebra)
	}
	for c := range ls {
		end := len(ls[c])
		if k >= 0 {
			end = min(end, from[c]+k)
		}
		e.tags.cell(c, func() {
			for j := from[c]; j < end; j++ {
				e.drawLine(ls[c][j], xs[c]+padX, e.y+cellPadY+float64(j-from[c])*tss[c].lead, widths[c]-2*padX, tss[c])
			}
		})
	}
	e.y += h
}

// columnWidths fits the columns into W from their metrics (content widths at the chosen
// size, without padding). Every column gets at least its widest word (where the words do
// not fit side by side, only the widest give way and are broken); the rest goes to the
// columns whose text still wraps, in proportion to how much more they would take, so
// that text columns get the room and figures only what they need. Relative widths given
// with the table are kept where the content agrees with them: a column is widened where
// they would break its words, and narrowed where they give it more than its text needs
// while another column wraps.
func (t *tableSpec) columnWidths(W float64, cm colMetrics, padX float64) []float64 {
	n := len(cm.pref)
	pad := padOf(padX)
	minW := make([]float64, n)
	pref := make([]float64, n)
	for c := 0; c < n; c++ {
		minW[c] = math.Max(cm.bodyMin[c]+pad, colFloor)
		pref[c] = math.Max(cm.pref[c]+pad, minW[c])
	}
	// Where the longest words do not fit side by side, only the columns with the longest
	// words give way: their minimum is capped at the level that makes the sum fit.
	// A header's widest syllable counts as a word where only columns that break words
	// anyway give way for it: a header is then hyphenated at its points, not cut by
	// letter count ("Ge-|wic-|ht" over a column of "20 %").
	withSyl := append([]float64(nil), minW...)
	for c := 0; c < n && c < len(cm.headSyl); c++ {
		withSyl[c] = math.Max(withSyl[c], cm.headSyl[c]+pad)
	}
	capMinExcept(minW, W, t.names)
	capMinExcept(withSyl, W, t.names)
	ok := true
	for c := range minW {
		capped := minW[c] < math.Max(cm.bodyMin[c]+pad, colFloor)-1e-9
		ok = ok && (withSyl[c] >= minW[c]-1e-9 || capped)
	}
	if ok {
		minW = withSyl
	}
	// Header words get what is left, shared in proportion where it is not enough (they
	// are then hyphenated): first their widest syllables, so that a header breaks at its
	// hyphenation points, not by letter count ("Ge-|wic-|ht"), then the whole words.
	headSyl := cm.headSyl
	if len(headSyl) < n {
		headSyl = make([]float64, n)
	}
	for _, head := range [][]float64{headSyl, cm.headMin} {
		need := make([]float64, n)
		for c := range need {
			need[c] = math.Max(head[c]+pad-minW[c], 0)
		}
		if sn := sum(need); sn > 0 {
			f := math.Min(1, math.Max(W-sum(minW), 0)/sn)
			for c := range minW {
				minW[c] += f * need[c]
			}
		}
	}
	for c := range pref {
		pref[c] = math.Max(pref[c], minW[c])
	}
	hint := t.hints(n)
	if hint != nil && t.plain {
		return fitHints(minW, pref, hint, W)
	}
	var hinted []float64
	if hint != nil {
		hinted = fitHints(minW, pref, hint, W)
	}
	for c := range pref {
		// No column asks for more than part of the width, so that one long text does not
		// take all the room from the others.
		pref[c] = math.Max(math.Min(pref[c], prefCap*W), minW[c])
	}
	out := autoWidths(minW, pref, W)
	if hinted != nil {
		// Half the hints, half the content: hints written for one language's labels do
		// not starve a column whose text runs long in another. Both sum to W and keep
		// every minimum, and so does their mean.
		for c := range out {
			out[c] = (out[c] + hinted[c]) / 2
		}
	}
	return out
}

// autoWidths is the automatic table layout of browsers: every column its minimum, the
// rest in proportion to how much more its text would take (when all of it fits on one
// line, the spare room in proportion to the content).
func autoWidths(minW, pref []float64, W float64) []float64 {
	out := append([]float64(nil), minW...)
	rest := W - sum(minW)
	if sp := sum(pref); sp <= W {
		// Everything fits on one line: the spare room in proportion to the content.
		for c := range out {
			out[c] = pref[c] + (W-sp)*pref[c]/sp
		}
		return out
	}
	// Short texts (names, states) are not wrapped where that takes at most half the
	// spare room: a wrapped name costs a line and gains little.
	shortNeed := 0.0
	for c := range out {
		if pref[c] <= shortCol*W {
			shortNeed += pref[c] - minW[c]
		}
	}
	if shortNeed > 0 && shortNeed <= rest/2 {
		for c := range out {
			if pref[c] <= shortCol*W {
				out[c] = pref[c]
			}
		}
		rest -= shortNeed
	}
	spread(out, out, pref, rest)
	return out
}

// hints are the relative widths given with the table for n columns, nil if none.
func (t *tableSpec) hints(n int) []float64 {
	if len(t.widths) == 0 {
		return nil
	}
	out := make([]float64, n)
	for c := range out {
		out[c] = 1
		if c < len(t.widths) && t.widths[c] > 0 && !math.IsInf(t.widths[c], 0) {
			out[c] = t.widths[c]
		}
	}
	return out
}

// fitHints starts from the relative widths hint and lets the content correct them: no
// column below its minimum, and room a column does not need goes first to the columns
// whose text wraps.
func fitHints(minW, pref, hint []float64, W float64) []float64 {
	n := len(minW)
	out := make([]float64, n)
	surplus := make([]float64, n)
	sh := sum(hint)
	for c := range out {
		out[c] = math.Max(W*hint[c]/sh, minW[c])
		if out[c] > pref[c] {
			surplus[c] = out[c] - pref[c]
			out[c] = pref[c]
		}
	}
	rest := W - sum(out)
	if rest < 0 {
		// Raised minimums: the other columns give way in proportion to their room.
		room := 0.0
		for c := range out {
			room += out[c] - minW[c]
		}
		for c := range out {
			if room > 0 {
				out[c] -= -rest * (out[c] - minW[c]) / room
			}
		}
		return out
	}
	// The wrapping columns first, up to what their text needs…
	rest = spread(out, out, pref, rest)
	// …then the room taken back where the hints put it.
	if ss := sum(surplus); rest > 1e-9 && ss > 0 {
		for c := range out {
			out[c] += rest * surplus[c] / ss
		}
		rest = 0
	}
	if rest > 1e-9 {
		so := sum(out)
		for c := range out {
			out[c] += rest * out[c] / so
		}
	}
	return out
}

// spread adds up to rest to out, each column in proportion to how far from is from pref,
// and no column beyond pref; it returns what is left.
func spread(out, from, pref []float64, rest float64) float64 {
	need := make([]float64, len(out))
	total := 0.0
	for c := range out {
		need[c] = math.Max(pref[c]-from[c], 0)
		total += need[c]
	}
	if total <= 0 || rest <= 0 {
		return rest
	}
	f := math.Min(1, rest/total)
	for c := range out {
		out[c] = from[c] + f*need[c]
	}
	return rest - f*total
}

func sum(xs []float64) float64 {
	s := 0.0
	for _, x := range xs {
		s += x
	}
	return s
}

// capMinExcept is capMin for the columns not marked keep, which keep their value as
// long as they take less than half of W together (else all give way alike).
func capMinExcept(ws []float64, W float64, keep []bool) {
	kept, any := 0.0, false
	for c := range ws {
		if c < len(keep) && keep[c] {
			kept += ws[c]
			any = true
		}
	}
	if !any || sum(ws) <= W || kept >= W/2 {
		capMin(ws, W)
		return
	}
	var rest []float64
	for c := range ws {
		if c >= len(keep) || !keep[c] {
			rest = append(rest, ws[c])
		}
	}
	capMin(rest, W-kept)
	i := 0
	for c := range ws {
		if c >= len(keep) || !keep[c] {
			ws[c] = rest[i]
			i++
		}
	}
}

// capMin lowers the largest values of ws to a common cap so that they sum to at most W.
func capMin(ws []float64, W float64) {
	sum := 0.0
	for _, w := range ws {
		sum += w
	}
	if sum <= W {
		return
	}
	sorted := append([]float64(nil), ws...)
	sort.Float64s(sorted)
	// Find the cap t with sum(min(w, t)) = W.
	below := 0.0
	t := W / float64(len(ws))
	for i, w := range sorted {
		rest := float64(len(sorted) - i)
		if c := (W - below) / rest; c <= w {
			t = c
			break
		}
		below += w
	}
	for i := range ws {
		ws[i] = math.Min(ws[i], t)
	}
}
