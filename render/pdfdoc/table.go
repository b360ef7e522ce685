package pdfdoc

import (
	"math"
	"sort"
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
	widths []float64 // relative widths; nil: from the content
	rows   [][]tcell
	foot   [][]tcell
	size   float64 // points
	plain  bool    // key/value lists: no header fill, no zebra
	indent float64
}

const (
	cellPadX = 1.8
	cellPadY = 1.25
	maxHeadL = 4 // header lines; more would be a broken label, not a header
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

func (t *tableSpec) cellStyle(c tcell, col int) textStyle {
	ts := textStyle{size: t.size, lead: t.size * ptToMM * 1.42, color: ink, align: t.alignOf(col)}
	if c.bold {
		ts.base |= stBold
	}
	if c.muted {
		ts.color = muted
	}
	return ts
}

// table lays out t at the position: the header repeats on every page the table continues
// on, rows move to the next page whole when they fit on one, and a row taller than a page
// is split between lines.
func (e *engine) table(t *tableSpec) {
	n := t.cols()
	if n == 0 {
		return
	}
	x0 := e.left() + t.indent
	W := e.width() - t.indent
	headTS := textStyle{size: t.size, lead: t.size * ptToMM * 1.35, color: white, base: stBold}
	if t.plain {
		headTS.color = muted
	}

	// Measure every cell once.
	measure := func(rows [][]tcell) [][][]word {
		out := make([][][]word, len(rows))
		for i, r := range rows {
			out[i] = make([][]word, n)
			for c := 0; c < n && c < len(r); c++ {
				out[i][c] = e.words(r[c].spans, t.cellStyle(r[c], c))
			}
		}
		return out
	}
	body, foot := measure(t.rows), measure(t.foot)
	head := make([][]word, n)
	for c := 0; c < n && c < len(t.header); c++ {
		head[c] = e.words(plain(t.header[c]), headTS)
	}
	widths := t.columnWidths(W, head, body, foot)
	xs := make([]float64, n)
	x := x0
	for c := range widths {
		xs[c] = x
		x += widths[c]
	}

	var headLines [][]line
	headH := 0.0
	if len(t.header) > 0 {
		headLines = make([][]line, n)
		rowsN := 0
		for c := range head {
			headLines[c] = e.wrapWords(head[c], headTS, widths[c]-2*cellPadX)
			if len(headLines[c]) > maxHeadL {
				headLines[c] = headLines[c][:maxHeadL]
			}
			rowsN = max(rowsN, len(headLines[c]))
		}
		headH = float64(rowsN)*headTS.lead + 2*cellPadY
	}
	drawHead := func() {
		if headLines == nil {
			return
		}
		if t.plain {
			e.hline(x0, x0+W, e.y+headH, rule, 0.3)
		} else {
			e.rect(x0, e.y, W, headH, e.primary)
		}
		for c := range headLines {
			ts := headTS
			ts.align = t.alignOf(c)
			for j, l := range headLines[c] {
				e.drawLine(l, xs[c]+cellPadX, e.y+cellPadY+float64(j)*ts.lead, widths[c]-2*cellPadX, ts)
			}
		}
		e.y += headH
	}
	pageBreak := func() {
		e.newPage()
		drawHead()
	}

	rowLines := func(rows [][]tcell, words [][][]word, i int) ([][]line, []textStyle) {
		ls := make([][]line, n)
		tss := make([]textStyle, n)
		for c := 0; c < n; c++ {
			var cell tcell
			if c < len(rows[i]) {
				cell = rows[i][c]
			}
			tss[c] = t.cellStyle(cell, c)
			ls[c] = e.wrapWords(words[i][c], tss[c], widths[c]-2*cellPadX)
		}
		return ls, tss
	}

	// Keep the header with the first row.
	first := headH + 2*cellPadY + t.size*ptToMM*1.42
	if len(t.rows) > 0 {
		ls, tss := rowLines(t.rows, body, 0)
		first = headH + rowHeight(ls, tss, nil)
	}
	e.need(math.Min(first, e.bottom()-e.mt))
	drawHead()

	draw := func(rows [][]tcell, words [][][]word, footRows bool) {
		for i := range rows {
			ls, tss := rowLines(rows, words, i)
			fill := !t.plain && !footRows && i%2 == 1
			if footRows && i == 0 {
				e.hline(x0, x0+W, e.y, e.primary, 0.35)
			}
			e.tableRow(ls, tss, xs, widths, fill, headH, pageBreak)
			e.hline(x0, x0+W, e.y, rule, 0.12)
		}
	}
	draw(t.rows, body, false)
	draw(t.foot, foot, true)
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
func (e *engine) tableRow(ls [][]line, tss []textStyle, xs, widths []float64, fill bool, headH float64, pageBreak func()) {
	from := make([]int, len(ls))
	started := false
	for {
		h := rowHeight(ls, tss, from)
		avail := e.bottom() - e.y
		if h <= avail+0.01 {
			e.drawRowPart(ls, tss, xs, widths, from, -1, h, fill)
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
		e.drawRowPart(ls, tss, xs, widths, from, k, float64(k)*lead+2*cellPadY, fill)
		for c := range from {
			from[c] = min(len(ls[c]), from[c]+k)
		}
		started = true
		pageBreak()
	}
}

// drawRowPart draws lines from[c] … from[c]+k of each cell (k < 0: all) in a band of
// height h at the position and moves below it.
func (e *engine) drawRowPart(ls [][]line, tss []textStyle, xs, widths []float64, from []int, k int, h float64, fill bool) {
	if fill {
		e.rect(xs[0], e.y, xs[len(xs)-1]+widths[len(widths)-1]-xs[0], h, zebra)
	}
	for c := range ls {
		end := len(ls[c])
		if k >= 0 {
			end = min(end, from[c]+k)
		}
		for j := from[c]; j < end; j++ {
			e.drawLine(ls[c][j], xs[c]+cellPadX, e.y+cellPadY+float64(j-from[c])*tss[c].lead, widths[c]-2*cellPadX, tss[c])
		}
	}
	e.y += h
}

// columnWidths fits the columns into W: the given relative widths, or widths from the
// content like a browser's automatic table layout (every column at least as wide as its
// longest word where possible; a very long word is broken instead of widening it).
func (t *tableSpec) columnWidths(W float64, head [][]word, body, foot [][][]word) []float64 {
	n := len(head)
	out := make([]float64, n)
	minW := make([]float64, n)
	maxW := make([]float64, n)
	note := func(c int, ws []word) {
		lineW, longest := 0.0, 0.0
		for i, w := range ws {
			if w.br {
				maxW[c] = math.Max(maxW[c], lineW)
				lineW = 0
				continue
			}
			if i > 0 && lineW > 0 {
				lineW += w.space
			}
			lineW += w.w
			longest = math.Max(longest, w.w)
		}
		maxW[c] = math.Max(maxW[c], lineW)
		minW[c] = math.Max(minW[c], longest)
	}
	headMin := make([]float64, n)
	for c := 0; c < n; c++ {
		note(c, head[c])
		headMin[c] = minW[c] + 2*cellPadX + 0.5
		for _, rows := range [][][][]word{body, foot} {
			for _, r := range rows {
				note(c, r[c])
			}
		}
	}
	const floor = 10.0 // mm: no column narrower than a short number
	for c := 0; c < n; c++ {
		minW[c] = math.Max(minW[c]+2*cellPadX+0.5, floor)
		maxW[c] = math.Max(maxW[c]+2*cellPadX+0.5, minW[c])
	}
	// Where the longest words do not fit side by side, only the columns with the longest
	// words give way: their minimum is capped at the level that makes the sum fit.
	capMin(minW, W)
	// A header word is broken only when the headers alone do not fit.
	for c := range minW {
		minW[c] = math.Max(minW[c], headMin[c])
	}
	capMin(minW, W)
	sumMin := 0.0
	for c := 0; c < n; c++ {
		maxW[c] = math.Max(maxW[c], minW[c])
		sumMin += minW[c]
	}
	// Every column gets its minimum; the rest goes to the columns whose text still wraps,
	// in proportion to the relative widths given (else to their natural widths), and no
	// column gets more than its text needs until all have that.
	hint := make([]float64, n)
	for c := range hint {
		hint[c] = maxW[c]
		if len(t.widths) > 0 {
			hint[c] = 1
			if c < len(t.widths) && t.widths[c] > 0 && !math.IsInf(t.widths[c], 0) {
				hint[c] = t.widths[c]
			}
		}
	}
	copy(out, minW)
	rest := W - sumMin
	active := make([]bool, n)
	for c := range active {
		active[c] = out[c] < maxW[c]
	}
	for rest > 1e-9 {
		sumHint := 0.0
		for c := range hint {
			if active[c] {
				sumHint += hint[c]
			}
		}
		if sumHint == 0 {
			break
		}
		given := 0.0
		for c := range out {
			if !active[c] {
				continue
			}
			add := rest * hint[c] / sumHint
			if out[c]+add >= maxW[c] {
				add = maxW[c] - out[c]
				active[c] = false
			}
			out[c] += add
			given += add
		}
		rest -= given
		if given < 1e-9 {
			break
		}
	}
	if rest > 1e-9 {
		// Every column has what its text needs: widen all alike to the full width.
		sum := 0.0
		for _, h := range hint {
			sum += h
		}
		for c := range out {
			out[c] += rest * hint[c] / sum
		}
	}
	return out
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
