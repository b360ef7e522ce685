package charts

import (
	"math"
	"sort"
	"strings"
)

// axisRange returns the range to draw: the given one, or def where it is empty or broken.
func axisRange(lo, hi, defLo, defHi float64) (float64, float64) {
	if !finite(lo) || !finite(hi) || lo == hi {
		return defLo, defHi
	}
	if lo > hi {
		lo, hi = hi, lo
	}
	return lo, hi
}

// ticksIn returns nice ticks inside [lo, hi], always including both ends' neighbourhood.
func ticksIn(lo, hi float64, n int) []float64 {
	var t []float64
	for _, v := range ticks(lo, hi, n) {
		if v >= lo-1e-9*(hi-lo) && v <= hi+1e-9*(hi-lo) {
			t = append(t, v)
		}
	}
	return t
}

func (q Quadrant) draw(c *canvas) {
	st := c.st
	xlo, xhi := axisRange(q.XMin, q.XMax, 0, 100)
	ylo, yhi := axisRange(q.YMin, q.YMax, 0, 100)
	xcut, ycut := q.XCut, q.YCut
	if xcut == 0 || !finite(xcut) || xcut <= xlo || xcut >= xhi {
		xcut = (xlo + xhi) / 2
	}
	if ycut == 0 || !finite(ycut) || ycut <= ylo || ycut >= yhi {
		ycut = (ylo + yhi) / 2
	}
	small := tstyle{size: 11, col: st.muted}
	title := tstyle{size: 12, col: st.ink}
	xt, yt := ticksIn(xlo, xhi, 5), ticksIn(ylo, yhi, 5)

	tickW := 0.0
	for _, t := range yt {
		tickW = math.Max(tickW, c.measure(st.format(t), small))
	}
	legendH := c.legend([]legendItem{{q.SizeLabel, st.primary, "ring"}}, small)
	x1, y0 := c.w-14, 12.0
	y1 := c.h - legendH - 24
	if q.XTitle != "" {
		y1 -= 20
	}
	// The y title, read upward beside the axis, takes a second line where the axis is
	// too short for it and the chart is flat, so that the plot keeps its width for the
	// field names.
	x0 := 8 + tickW + 8
	// The title's column beside the ticks is free from the top of the chart to the
	// legend: a title longer than the axis may reach beyond it.
	yRoom := math.Max(y1-y0, c.h-legendH-8)
	yTitle := c.wrap(q.YTitle, title, yRoom, 1)
	if two := c.wrap(q.YTitle, title, y1-y0, 2); len(two) == 2 && !c.fits(q.YTitle, title, yRoom, 1) &&
		x1-x0-20-title.size*1.2 >= 1.3*(y1-y0) {
		yTitle = two
	}
	if len(yTitle) > 0 {
		x0 += 20 + title.size*1.2*float64(len(yTitle)-1)
	}
	if x1-x0 < 40 || y1-y0 < 40 {
		return
	}
	X := func(v float64) float64 { return x0 + (x1-x0)*(clamp(v, xlo, xhi)-xlo)/(xhi-xlo) }
	Y := func(v float64) float64 { return y1 - (y1-y0)*(clamp(v, ylo, yhi)-ylo)/(yhi-ylo) }
	plot := box{x0, y0, x1, y1}

	// Fields: the top right one (the best, by convention) in the strongest tint.
	cx, cy := X(xcut), Y(ycut)
	fields := [4]box{{x0, y0, cx, cy}, {cx, y0, x1, cy}, {x0, cy, cx, y1}, {cx, cy, x1, y1}}
	tints := [4]float64{0.93, 0.86, 0.97, 0.93}
	for i, f := range fields {
		c.rect(f.x0, f.y0, f.x1-f.x0, f.y1-f.y0, mix(st.primary, white, tints[i]), drawing0, 0)
	}
	for _, t := range xt {
		c.line(X(t), y0, X(t), y1, alpha(white, 0.9), 1)
		c.text(st.format(t), X(t), y1+15, small, center)
	}
	for _, t := range yt {
		c.line(x0, Y(t), x1, Y(t), alpha(white, 0.9), 1)
		c.textMid(st.format(t), x0-8, Y(t), small, right)
	}
	c.line(cx, y0, cx, y1, st.axis, 1)
	c.line(x0, cy, x1, cy, st.axis, 1)
	c.rect(x0, y0, x1-x0, y1-y0, drawing0, st.axis, 1)
	if q.XTitle != "" {
		c.text(c.fit(q.XTitle, title, x1-x0), (x0+x1)/2, y1+36, title, center)
	}
	if q.YTitle != "" {
		for j, l := range yTitle {
			// Centred on the axis, moved toward the chart's middle where it is longer.
			half := c.measure(l, title) / 2
			mid := clamp((y0+y1)/2, 4+half, math.Max(4+half, c.h-legendH-4-half))
			c.textUp(l, 8+title.size*(1+1.2*float64(j)), mid, title)
		}
	}

	// Field names sit in each field's outer corner. Their boxes keep bubble labels away;
	// they are drawn last, on a halo, so that a crowd of bubbles does not hide them.
	type name struct {
		text  string
		x, y  float64
		a     anchor
		field int
	}
	var taken []box
	var names []name
	bs := q.bubbles(c, X, Y, plot)
	nameFont := tstyle{size: 11.5, bold: true, col: mix(st.primary, st.ink, 0.3)}
	lh := nameFont.size * 1.2
	for i, f := range fields {
		lines := c.wrap(q.Names[i], nameFont, math.Max(10, f.x1-f.x0-16), 2)
		if f.y1-f.y0 < lh*float64(len(lines))+10 {
			continue
		}
		top := i == TopLeft || i == TopRight
		outer := i == TopRight || i == BottomRight // the name's side: the field's outer one
		// The outer corner first, then the field's other corners: a field name does
		// not stand under a bubble where a corner is free of them.
		type corner struct{ top, right bool }
		corners := []corner{{top, outer}, {top, !outer}, {!top, outer}, {!top, !outer}}
		at := corners[0]
		for _, k := range corners {
			if !bubbleUnder(q.nameBoxes(c, lines, nameFont, f, k.top, k.right), bs) {
				at = k
				break
			}
		}
		for j, b := range q.nameBoxes(c, lines, nameFont, f, at.top, at.right) {
			anc, lx := left, b.x0+2
			if at.right {
				anc, lx = right, b.x1-2
			}
			names = append(names, name{lines[j], lx, b.y0 + 1 + nameFont.size*0.85, anc, i})
			taken = append(taken, b)
		}
	}

	// The dividers, which bubble names keep clear of where they can.
	dividers := []box{{cx - 1, y0, cx + 1, y1}, {x0, cy - 1, x1, cy + 1}}
	late := q.drawBubbles(c, bs, X, Y, plot, taken, len(taken), dividers)
	// A field name under a highlight's name, that found no other room, gives way, all
	// its lines (the field stands in the data table and the text alternative).
	var covered [4]bool
	for k, n := range names {
		for _, l := range late {
			covered[n.field] = covered[n.field] || (l.overNames && l.at.overlaps(taken[k]))
		}
	}
	for _, n := range names {
		if !covered[n.field] {
			c.haloText(n.text, n.x, n.y, nameFont, n.a)
		}
	}
	for _, l := range late { // a highlight's name that found room only over other labels
		l.draw(c, true)
	}
}

// nameBoxes are the boxes of a field name's lines in one corner of field f.
func (q Quadrant) nameBoxes(c *canvas, lines []string, font tstyle, f box, top, right bool) []box {
	lh := font.size * 1.2
	ly := f.y0 + 8
	if !top {
		ly = f.y1 - 8 - lh*float64(len(lines))
	}
	out := make([]box, len(lines))
	for j, l := range lines {
		w := c.measure(l, font)
		bx := f.x0 + 8
		if right {
			bx = f.x1 - 8 - w
		}
		yy := ly + lh*float64(j)
		out[j] = box{bx - 2, yy - 1, bx + w + 2, yy + lh + 1}
	}
	return out
}

// bubbleUnder reports that a bubble reaches into one of the boxes.
func bubbleUnder(boxes []box, bs []bubble) bool {
	for _, b := range bs {
		for _, x := range boxes {
			// the nearest point of the box to the bubble's centre
			nx, ny := clamp(b.x, x.x0, x.x1), clamp(b.y, x.y0, x.y1)
			if math.Hypot(nx-b.x, ny-b.y) < b.r {
				return true
			}
		}
	}
	return false
}

type bubble struct {
	Point
	x, y, r float64
	i       int
}

// bubbles places the points: position, radius by size, big ones first and highlights last
// (the drawing order).
func (q Quadrant) bubbles(c *canvas, X, Y func(float64) float64, plot box) []bubble {
	var bs []bubble
	maxSize := 0.0
	for i, p := range q.Points {
		if !finite(p.X) || !finite(p.Y) {
			continue
		}
		if finite(p.Size) && p.Size > maxSize {
			maxSize = p.Size
		}
		bs = append(bs, bubble{Point: p, x: X(p.X), y: Y(p.Y), i: i})
	}
	side := math.Min(plot.x1-plot.x0, plot.y1-plot.y0)
	rmax := clamp(side*0.085, 8, 34)
	if len(bs) > 20 {
		rmax = math.Max(5, rmax*math.Sqrt(20/float64(len(bs))))
	}
	rmin := math.Max(3, rmax*0.3)
	for k := range bs {
		s := bs[k].Size
		switch {
		case maxSize <= 0 || !finite(s):
			bs[k].r = (rmin + rmax) / 2
			if maxSize > 0 {
				bs[k].r = rmin
			}
		default:
			bs[k].r = rmin + (rmax-rmin)*math.Sqrt(math.Max(0, s)/maxSize)
		}
	}
	// Big bubbles first, so that small ones stay visible on top; highlights last.
	sort.SliceStable(bs, func(a, b int) bool {
		if bs[a].Highlight != bs[b].Highlight {
			return !bs[a].Highlight
		}
		return bs[a].r > bs[b].r
	})
	for k := range bs {
		// A bubble on the plot's edge may reach past it, but never out of the chart.
		b := &bs[k]
		b.r = math.Min(b.r, math.Max(2, math.Min(math.Min(b.x, c.w-b.x), math.Min(b.y, c.h-b.y))))
	}
	return bs
}

// drawBubbles draws the bubbles and labels them; taken holds boxes labels must avoid, the
// first hard of them (the field names) even for highlighted points.
func (q Quadrant) drawBubbles(c *canvas, bs []bubble, X, Y func(float64) float64, plot box, taken []box, hard int, soft []box) (late []label) {
	st := c.st
	highlighted := false
	for _, b := range bs {
		highlighted = highlighted || b.Highlight
	}
	// Movement arrows under the bubbles: from where a point stood before to its bubble.
	for _, b := range bs {
		taken = append(taken, drawMove(c, b, X, Y)...)
	}
	for _, b := range bs {
		fill, stroke := alpha(st.primary, 0.7), white
		if highlighted && !b.Highlight {
			fill = alpha(mix(st.primary, white, 0.45), 0.7)
		}
		if b.Highlight {
			fill = st.accent
		}
		c.circle(b.x, b.y, b.r, fill, stroke, 1.2)
	}
	for _, b := range bs {
		taken = append(taken, box{b.x - b.r*0.7, b.y - b.r*0.7, b.x + b.r*0.7, b.y + b.r*0.7})
	}
	// Labels: highlights first, then the big ones; each takes the first free position
	// around its bubble, or is left out (the table next to the chart has every name).
	order := make([]bubble, len(bs))
	copy(order, bs)
	sort.SliceStable(order, func(a, b int) bool {
		if order[a].Highlight != order[b].Highlight {
			return order[a].Highlight
		}
		return order[a].r > order[b].r
	})
	f := tstyle{size: 11, col: st.ink, name: true}
	hf := tstyle{size: 11, bold: true, col: st.ink, name: true}
	for _, b := range order {
		font := f
		if b.Highlight {
			font = hf
		}
		// The whole name on one line where it fits somewhere, else on two lines (between
		// words), else shortened.
		pw := plot.x1 - plot.x0
		full := c.fit(b.Label, font, math.Min(240, pw*0.6))
		whole := full == strings.TrimSpace(clean(b.Label))
		var tries [][]string
		if full != "" && whole {
			tries = append(tries, []string{full})
		}
		// Two lines, then three, each narrower where that breaks elsewhere.
		seen := map[string]bool{}
		for _, n := range []int{2, 3} {
			for _, wd := range []float64{150, 120, 100, 80} {
				if l, cut := c.wrapCut(b.Label, font, math.Min(wd, pw*0.6), n); !cut && len(l) == n && !seen[strings.Join(l, "\n")] {
					seen[strings.Join(l, "\n")] = true
					tries = append(tries, l)
				}
			}
		}
		whole2 := len(tries) // the tries that show the whole name
		if full != "" && !whole {
			tries = append(tries, []string{full})
		}
		prev := full
		for _, k := range []float64{0.6, 0.4, 0.25} { // shorter and shorter, before covering
			if short := c.fit(b.Label, font, math.Min(130, pw*k)); short != "" && short != prev {
				tries = append(tries, []string{short})
				prev = short
			}
		}
		// The whole name clear of the dividers first, then across them, then shortened
		// clear of them, then shortened across. Each clear of every text first; a
		// highlight's name, that must be there, then over other labels (its whole name
		// before a shortened one), and at last over field names, on a halo.
		type try struct {
			lines []string
			soft  bool
			pass  int
		}
		passes := []int{0}
		if b.Highlight {
			passes = []int{0, 1}
		}
		var order []try
		for _, g := range [][][]string{tries[:whole2], tries[whole2:]} {
			for _, pass := range passes {
				for _, soft := range []bool{true, false} {
					for _, l := range g {
						order = append(order, try{l, soft, pass})
					}
				}
			}
		}
		if b.Highlight {
			for _, l := range tries {
				order = append(order, try{l, false, 2})
			}
		}
		limits := [3]int{len(taken), hard, 0}
		for _, tr := range order {
			avoid := taken[:limits[tr.pass]]
			if tr.soft {
				avoid = append(soft[:len(soft):len(soft)], avoid...)
			}
			if l, ok := placeLabel(c, b, tr.lines, font, plot, avoid); ok {
				if tr.pass == 0 {
					l.draw(c, false)
				} else {
					l.overNames = tr.pass == 2
					late = append(late, l)
				}
				taken = append(taken, l.at)
				break
			}
		}
	}
	return late
}

// label is a bubble's name placed in its box, its lines aligned toward the bubble.
type label struct {
	lines     []string
	at        box
	font      tstyle
	a         anchor
	overNames bool // placed over field names, which give way
}

// draw sets the label's lines, on a halo where it stands over other labels.
func (l label) draw(c *canvas, halo bool) {
	lh := l.font.size * 1.25
	x := l.at.x0
	switch l.a {
	case center:
		x = (l.at.x0 + l.at.x1) / 2
	case right:
		x = l.at.x1
	}
	for j, t := range l.lines {
		y := l.at.y0 + l.font.size*0.975 + lh*float64(j)
		if halo {
			c.haloText(t, x, y, l.font, l.a)
		} else {
			c.text(t, x, y, l.font, l.a)
		}
	}
}

// placeLabel finds the first position around bubble b where the lines fit inside the plot
// and clear of the boxes to avoid.
func placeLabel(c *canvas, b bubble, lines []string, font tstyle, plot box, avoid []box) (label, bool) {
	w := 0.0
	for _, t := range lines {
		w = math.Max(w, c.measure(t, font))
	}
	h := font.size * 1.25 * float64(len(lines))
	d := b.r + 3
	cands := []struct {
		b box
		a anchor
	}{
		{box{b.x + d, b.y - h/2, b.x + d + w, b.y + h/2}, left},                  // right
		{box{b.x - d - w, b.y - h/2, b.x - d, b.y + h/2}, right},                 // left
		{box{b.x - w/2, b.y - d - h, b.x + w/2, b.y - d}, center},                // above
		{box{b.x - w/2, b.y + d, b.x + w/2, b.y + d + h}, center},                // below
		{box{b.x + d*0.7, b.y - d*0.7 - h, b.x + d*0.7 + w, b.y - d*0.7}, left},  // above right
		{box{b.x + d*0.7, b.y + d*0.7, b.x + d*0.7 + w, b.y + d*0.7 + h}, left},  // below right
		{box{b.x - d*0.7 - w, b.y - d*0.7 - h, b.x - d*0.7, b.y - d*0.7}, right}, // above left
		{box{b.x - d*0.7 - w, b.y + d*0.7, b.x - d*0.7, b.y + d*0.7 + h}, right}, // below left
		// beside, raised or lowered: clear of a divider through the bubble's side
		{box{b.x + d, b.y - h*0.85, b.x + d + w, b.y + h*0.15}, left},
		{box{b.x - d - w, b.y - h*0.85, b.x - d, b.y + h*0.15}, right},
		{box{b.x + d, b.y - h*0.15, b.x + d + w, b.y + h*0.85}, left},
		{box{b.x - d - w, b.y - h*0.15, b.x - d, b.y + h*0.85}, right},
	}
	own := box{b.x - b.r*0.7, b.y - b.r*0.7, b.x + b.r*0.7, b.y + b.r*0.7} // as drawBubbles notes it
next:
	for _, cb := range cands {
		// A word's space apart from other labels, so that two names do not read as one;
		// the label's own bubble may be nearer.
		gap := box{cb.b.x0 - font.size*0.5, cb.b.y0, cb.b.x1 + font.size*0.5, cb.b.y1}
		if !cb.b.inside(plot) {
			continue
		}
		for _, a := range avoid {
			if gap.overlaps(a) && (a != own || cb.b.overlaps(a)) {
				continue next
			}
		}
		return label{lines: lines, at: cb.b, font: font, a: cb.a}, true
	}
	return label{}, false
}

// drawMove draws a point's previous position as a ring and an arrow from it to the
// bubble's edge; nothing when the point has no previous position or barely moved. It
// returns the boxes of the ring and its label, which bubble labels keep clear of.
func drawMove(c *canvas, b bubble, X, Y func(float64) float64) (boxes []box) {
	if b.From == nil || !finite(b.From.X) || !finite(b.From.Y) {
		return nil
	}
	st := c.st
	col := mix(st.primary, st.ink, 0.35)
	px, py := X(b.From.X), Y(b.From.Y)
	dx, dy := b.x-px, b.y-py
	d := math.Hypot(dx, dy)
	c.circle(px, py, 4, white, col, 1.5)
	boxes = append(boxes, box{px - 5, py - 5, px + 5, py + 5})
	if b.FromLabel != "" {
		// Beside the ring, on the side away from the arrow.
		f := tstyle{size: 10, col: st.muted}
		t := c.fit(b.FromLabel, f, 120)
		w := c.measure(t, f)
		lx, anc, bx := px-8, right, px-8-w
		if dx < 0 {
			lx, anc, bx = px+8, left, px+8
		}
		c.haloText(t, lx, py+3.5, f, anc)
		boxes = append(boxes, box{bx - 2, py + 3.5 - f.size*0.95, bx + w + 2, py + 3.5 + f.size*0.3})
	}
	if d < b.r+12 {
		return boxes
	}
	ux, uy := dx/d, dy/d
	// From the ring's edge to just before the bubble; the head's tip touches the bubble.
	sx, sy := px+ux*5, py+uy*5
	tx, ty := b.x-ux*(b.r+1.5), b.y-uy*(b.r+1.5)
	const head, half = 9.0, 4.5
	bx, by := tx-ux*head, ty-uy*head
	c.line(sx, sy, bx, by, col, 1.8, 4, 3)
	c.polygon([]pt{{tx, ty}, {bx - uy*half, by + ux*half}, {bx + uy*half, by - ux*half}}, col, drawing0, 0)
	return boxes
}
