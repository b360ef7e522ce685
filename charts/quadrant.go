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

// qframe is a quadrant's layout: its scales, plot and y title, and the band above the
// plot that holds a highlight's name where the plot has no room for it whole.
type qframe struct {
	xlo, xhi, ylo, yhi, xcut, ycut float64
	xt, yt                         []float64
	x0, y0, x1, y1                 float64
	yTitle                         []string
	legendH                        float64
}

func (g *qframe) X(v float64) float64 {
	return g.x0 + (g.x1-g.x0)*(clamp(v, g.xlo, g.xhi)-g.xlo)/(g.xhi-g.xlo)
}
func (g *qframe) Y(v float64) float64 {
	return g.y1 - (g.y1-g.y0)*(clamp(v, g.ylo, g.yhi)-g.ylo)/(g.yhi-g.ylo)
}
func (g *qframe) plot() box { return box{g.x0, g.y0, g.x1, g.y1} }

// frame lays the chart out with band pixels above the plot kept free; false where the
// chart is too small for a plot.
func (q Quadrant) frame(c *canvas, band float64) (*qframe, bool) {
	st := c.st
	g := &qframe{}
	g.xlo, g.xhi = axisRange(q.XMin, q.XMax, 0, 100)
	g.ylo, g.yhi = axisRange(q.YMin, q.YMax, 0, 100)
	g.xcut, g.ycut = q.XCut, q.YCut
	if g.xcut == 0 || !finite(g.xcut) || g.xcut <= g.xlo || g.xcut >= g.xhi {
		g.xcut = (g.xlo + g.xhi) / 2
	}
	if g.ycut == 0 || !finite(g.ycut) || g.ycut <= g.ylo || g.ycut >= g.yhi {
		g.ycut = (g.ylo + g.yhi) / 2
	}
	small := tstyle{size: 11, col: st.muted}
	title := tstyle{size: 12, col: st.ink}
	g.xt, g.yt = ticksIn(g.xlo, g.xhi, 5), ticksIn(g.ylo, g.yhi, 5)

	tickW := 0.0
	for _, t := range g.yt {
		tickW = math.Max(tickW, c.measure(st.format(t), small))
	}
	g.legendH = c.legendHeight([]legendItem{{q.SizeLabel, st.primary, "ring"}}, small)
	x1, y0 := c.w-14, 12.0+band
	y1 := c.h - g.legendH - 24
	if q.XTitle != "" {
		y1 -= 20
	}
	// The y title, read upward beside the axis, takes a second line where the axis is
	// too short for it and the chart is flat, so that the plot keeps its width for the
	// field names.
	x0 := 8 + tickW + 8
	// The title's column beside the ticks is free from the top of the chart to the
	// legend: a title longer than the axis may reach beyond it.
	yRoom := math.Max(y1-y0, c.h-g.legendH-8)
	yTitle := c.wrap(q.YTitle, title, yRoom, 1)
	if two := c.wrap(q.YTitle, title, y1-y0, 2); len(two) == 2 && !c.fits(q.YTitle, title, yRoom, 1) &&
		x1-x0-20-title.size*1.2 >= 1.3*(y1-y0) {
		yTitle = two
	}
	if len(yTitle) > 0 {
		x0 += 20 + title.size*1.2*float64(len(yTitle)-1)
	}
	g.x0, g.y0, g.x1, g.y1, g.yTitle = x0, y0, x1, y1, yTitle
	return g, x1-x0 >= 40 && y1-y0 >= 40
}

// fieldName is a line of a field's name, placed.
type fieldName struct {
	text  string
	x, y  float64
	a     anchor
	field int
	at    box
}

func (q Quadrant) draw(c *canvas) {
	st := c.st
	g, ok := q.frame(c, 0)
	if !ok {
		return
	}
	bs := q.bubbles(c, g.X, g.Y, g.plot())
	names := q.fieldNames(c, g, bs, nil)
	// A highlight whose whole name finds no room in the plot, clear of the other texts and
	// the dividers (a quarter-page plot, where "Werkzeugmaschinen" alone is wider than a
	// field), is named in a band above the plot, with a leader line down to its bubble.
	var banded *label
	if i, ok := q.homeless(c, g, bs, names); ok {
		if bl, h, ok := q.bandLabel(c, g, bs, i); ok {
			if g2, ok := q.frame(c, h); ok {
				g, banded = g2, &bl
				bs = q.bubbles(c, g.X, g.Y, g.plot())
				// Placed again over the bubble where the plot moved (a y title on
				// fewer lines); the band stays as high.
				if bl2, h2, ok := q.bandLabel(c, g, bs, i); ok && h2 <= h {
					*banded = bl2
				}
				for _, b := range bs {
					if b.i == i {
						banded.leadTo(b)
					}
				}
				names = q.fieldNames(c, g, bs, banded.leaderBoxes())
			}
		}
	}

	small := tstyle{size: 11, col: st.muted}
	title := tstyle{size: 12, col: st.ink}
	c.legend([]legendItem{{q.SizeLabel, st.primary, "ring"}}, small)
	x0, y0, x1, y1 := g.x0, g.y0, g.x1, g.y1
	X, Y := g.X, g.Y
	plot := g.plot()

	// Fields: the top right one (the best, by convention) in the strongest tint.
	cx, cy := X(g.xcut), Y(g.ycut)
	fields := [4]box{{x0, y0, cx, cy}, {cx, y0, x1, cy}, {x0, cy, cx, y1}, {cx, cy, x1, y1}}
	tints := [4]float64{0.93, 0.86, 0.97, 0.93}
	for i, f := range fields {
		c.rect(f.x0, f.y0, f.x1-f.x0, f.y1-f.y0, mix(st.primary, white, tints[i]), drawing0, 0)
	}
	for _, t := range g.xt {
		c.line(X(t), y0, X(t), y1, alpha(white, 0.9), 1)
		c.text(st.format(t), X(t), y1+15, small, center)
	}
	for _, t := range g.yt {
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
		for j, l := range g.yTitle {
			// Centred on the axis, moved toward the chart's middle where it is longer.
			half := c.measure(l, title) / 2
			mid := clamp((y0+y1)/2, 4+half, math.Max(4+half, c.h-g.legendH-4-half))
			c.textUp(l, 8+title.size*(1+1.2*float64(j)), mid, title)
		}
	}

	// Field names' boxes keep bubble labels away; they are drawn last, on a halo, so that
	// a crowd of bubbles does not hide them.
	var taken []box
	for _, n := range names {
		taken = append(taken, n.at)
	}
	hard := len(taken)
	if banded != nil {
		banded.drawLeader(c)
		taken = append(taken, banded.leaderBoxes()...)
	}
	// The dividers, which bubble names keep clear of.
	dividers := []box{{cx - 1, y0, cx + 1, y1}, {x0, cy - 1, x1, cy + 1}}
	late := q.drawBubbles(c, bs, X, Y, plot, taken, hard, dividers, banded)
	// A field name under a highlight's name, that found no other room, gives way, all
	// its lines (the field stands in the data table and the text alternative).
	var covered [4]bool
	for _, n := range names {
		for _, l := range late {
			covered[n.field] = covered[n.field] || (l.overNames && l.at.overlaps(n.at))
		}
	}
	nameFont := fieldNameFont(st)
	for _, n := range names {
		if !covered[n.field] {
			c.haloText(n.text, n.x, n.y, nameFont, n.a)
		}
	}
	for _, l := range late { // a highlight's name that found room only over other labels
		l.draw(c, true)
	}
	if banded != nil {
		banded.draw(c, false)
	}
}

func fieldNameFont(st *style) tstyle {
	return tstyle{size: 11.5, bold: true, col: mix(st.primary, st.ink, 0.3)}
}

// fieldNames places each field's name in its outer corner, or another corner of the
// field where the outer one has a bubble or one of the boxes to keep clear under it.
func (q Quadrant) fieldNames(c *canvas, g *qframe, bs []bubble, clear []box) []fieldName {
	cx, cy := g.X(g.xcut), g.Y(g.ycut)
	x0, y0, x1, y1 := g.x0, g.y0, g.x1, g.y1
	fields := [4]box{{x0, y0, cx, cy}, {cx, y0, x1, cy}, {x0, cy, cx, y1}, {cx, cy, x1, y1}}
	nameFont := fieldNameFont(c.st)
	lh := nameFont.size * 1.2
	var names []fieldName
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
			nb := q.nameBoxes(c, lines, nameFont, f, k.top, k.right)
			if !bubbleUnder(nb, bs) && !anyOverlaps(nb, clear) {
				at = k
				break
			}
		}
		for j, b := range q.nameBoxes(c, lines, nameFont, f, at.top, at.right) {
			anc, lx := left, b.x0+2
			if at.right {
				anc, lx = right, b.x1-2
			}
			names = append(names, fieldName{lines[j], lx, b.y0 + 1 + nameFont.size*0.85, anc, i, b})
		}
	}
	return names
}

// anyOverlaps reports that one of the boxes a overlaps one of b.
func anyOverlaps(a, b []box) bool {
	for _, x := range a {
		if overlapsAny(x, b) {
			return true
		}
	}
	return false
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

// labelFont is a bubble's name's style at a size.
func labelFont(st *style, b bubble, size float64) tstyle {
	return tstyle{size: size, bold: b.Highlight, col: st.ink, name: true}
}

// nameVariants are the ways to set a bubble's whole name at a size: on one line, then on
// two and three lines; none is shortened, and a name is never hyphenated.
func nameVariants(c *canvas, label string, font tstyle, pw float64) [][]string {
	var out [][]string
	full := strings.TrimSpace(clean(label))
	if full == "" {
		return nil
	}
	if c.measure(full, font) <= math.Min(240, pw*0.6) {
		out = append(out, []string{full})
	}
	// Two lines, then three, broken between words or after a compound's hyphen, none
	// wider than 150 px (nor 60 % of the plot); of each count the most even break first:
	// "Hansa" / "Werkzeugmaschinen AG" before "Hansa Werkzeugmaschinen" / "AG".
	pieces, spaced := namePieces(full)
	if len(pieces) > 24 {
		return out // not a name: left to the table
	}
	max := math.Min(150, pw*0.6)
	line := func(i, j int) string { // pieces i..j-1
		var b strings.Builder
		for k := i; k < j; k++ {
			b.WriteString(pieces[k])
			if k+1 < j && spaced[k] {
				b.WriteByte(' ')
			}
		}
		return b.String()
	}
	for _, n := range []int{2, 3} {
		var group [][]string
		var widths []float64
		add := func(cuts ...int) {
			var l []string
			w, from := 0.0, 0
			for _, k := range append(cuts, len(pieces)) {
				t := line(from, k)
				if tw := c.measure(t, font); tw <= max {
					w = math.Max(w, tw)
				} else {
					return
				}
				l, from = append(l, t), k
			}
			group, widths = append(group, l), append(widths, w)
		}
		for i := 1; i < len(pieces); i++ {
			if n == 2 {
				add(i)
				continue
			}
			for j := i + 1; j < len(pieces); j++ {
				add(i, j)
			}
		}
		sort.Stable(byWidth{group, widths})
		out = append(out, group...)
	}
	return out
}

// namePieces splits a name into the pieces a line may end after: its words, and the
// parts of a compound after each hyphen ("Zimmermann-", "Schulte"); spaced[k] reports
// that a space follows piece k.
func namePieces(s string) (pieces []string, spaced []bool) {
	for _, w := range strings.Fields(s) {
		for {
			k := strings.IndexByte(w, '-')
			if k <= 0 || k == len(w)-1 {
				break
			}
			pieces, spaced = append(pieces, w[:k+1]), append(spaced, false)
			w = w[k+1:]
		}
		pieces, spaced = append(pieces, w), append(spaced, true)
	}
	return pieces, spaced
}

// byWidth sorts line sets by their widest line.
type byWidth struct {
	l [][]string
	w []float64
}

func (b byWidth) Len() int           { return len(b.l) }
func (b byWidth) Less(i, j int) bool { return b.w[i] < b.w[j] }
func (b byWidth) Swap(i, j int) {
	b.l[i], b.l[j] = b.l[j], b.l[i]
	b.w[i], b.w[j] = b.w[j], b.w[i]
}

// Where a label is tried around its bubble: the nearest places, then the same beside it
// raised or lowered and above or below it moved aside, then farther away with a leader.
const (
	near = iota
	aside
	far
)

// homeless returns the point index of the first highlight whose whole name finds no
// place in the plot clear of the field names, arrows, other bubbles and the dividers.
func (q Quadrant) homeless(c *canvas, g *qframe, bs []bubble, names []fieldName) (int, bool) {
	var taken []box
	for _, n := range names {
		taken = append(taken, n.at)
	}
	for _, b := range bs {
		taken = append(taken, moveBoxes(c, b, g.X, g.Y)...)
	}
	for _, b := range bs {
		taken = append(taken, box{b.x - b.r*0.7, b.y - b.r*0.7, b.x + b.r*0.7, b.y + b.r*0.7})
	}
	cx, cy := g.X(g.xcut), g.Y(g.ycut)
	dividers := []box{{cx - 1, g.y0, cx + 1, g.y1}, {g.x0, cy - 1, g.x1, cy + 1}}
	avoid := taken
	plot := g.plot()
	for _, b := range bs {
		if !b.Highlight {
			continue
		}
		l, ok := q.placeWhole(c, b, plot, avoid, dividers, true)
		if !ok {
			return b.i, true
		}
		avoid = append(avoid, l.at)
		avoid = append(avoid, l.leaderBoxes()...)
	}
	return 0, false
}

// placeWhole finds a place for a bubble's whole name clear of the boxes to avoid: at the
// name's size, then smaller down to minText; near the bubble, then aside, then (all
// sizes) farther with a leader. In a crowd of more than 40 bubbles only a highlight's
// name is tried beyond the nearest places at its size (a name left out is in the table).
func (q Quadrant) placeWhole(c *canvas, b bubble, plot box, avoid, dividers []box, crowdOK bool) (label, bool) {
	sizes := []float64{11, 10, 9.5, minText}
	if !crowdOK && !b.Highlight {
		sizes = sizes[:1]
	}
	pw := plot.x1 - plot.x0
	variants := make([][][]string, len(sizes)) // made when first needed
	made := make([]bool, len(sizes))
	try := func(k, where int) (label, bool) {
		if !made[k] {
			variants[k], made[k] = nameVariants(c, b.Label, labelFont(c.st, b, sizes[k]), pw), true
		}
		for _, lines := range variants[k] {
			if l, ok := placeLabel(c, b, lines, labelFont(c.st, b, sizes[k]), plot, avoid, dividers, where); ok {
				return l, true
			}
		}
		return label{}, false
	}
	for k := range sizes {
		if l, ok := try(k, near); ok {
			return l, true
		}
		if !crowdOK && !b.Highlight {
			return label{}, false
		}
		if l, ok := try(k, aside); ok {
			return l, true
		}
	}
	for k := range sizes {
		if l, ok := try(k, far); ok {
			return l, true
		}
	}
	return label{}, false
}

// bandLabel sets the name of the highlight with point index i in the band above the
// plot: on one line or two, at its size or smaller, centred over its bubble where the
// chart allows. It returns the label and the band's height.
func (q Quadrant) bandLabel(c *canvas, g *qframe, bs []bubble, i int) (label, float64, bool) {
	for _, b := range bs {
		if b.i != i {
			continue
		}
		right := c.w - 4
		room := right - g.x0
		// One line, at a smaller size where needed, before two.
		for n := 1; n <= 2; n++ {
			for _, size := range []float64{11, 10, 9.5, minText} {
				f := labelFont(c.st, b, size)
				lines, cut := c.wrapCut(b.Label, f, room, n)
				if cut || len(lines) == 0 {
					continue
				}
				w := 0.0
				for _, l := range lines {
					w = math.Max(w, c.measure(l, f))
				}
				lx := clamp(b.x-w/2, g.x0, right-w)
				h := size * 1.25 * float64(len(lines))
				const top = 5.0
				// The band: the name, and room below it for the leader to start.
				return label{lines: lines, at: box{lx, top, lx + w, top + h}, font: f, a: center, band: true, point: i}, top + h + 8 - 12, true
			}
		}
	}
	return label{}, 0, false
}

// drawBubbles draws the bubbles and labels them; taken holds boxes labels must avoid, the
// first hard of them (the field names) even for highlighted points; soft are the dividers.
// The banded label, where not nil, names its bubble above the plot.
func (q Quadrant) drawBubbles(c *canvas, bs []bubble, X, Y func(float64) float64, plot box, taken []box, hard int, soft []box, banded *label) (late []label) {
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
	// Labels: highlights first, then the big ones; each takes the first free place around
	// its bubble, whole, or is left out (the table next to the chart has every name).
	order := make([]bubble, len(bs))
	copy(order, bs)
	sort.SliceStable(order, func(a, b int) bool {
		if order[a].Highlight != order[b].Highlight {
			return order[a].Highlight
		}
		return order[a].r > order[b].r
	})
	crowdOK := len(bs) <= 40
	for _, b := range order {
		if banded != nil && banded.point == b.i { // named above the plot
			continue
		}
		if l, ok := q.placeWhole(c, b, plot, taken, soft, crowdOK); ok {
			l.draw(c, false)
			taken = append(taken, l.at)
			taken = append(taken, l.leaderBoxes()...)
			continue
		}
		if !b.Highlight {
			continue
		}
		// A highlight's name, that must be there, where neither the plot nor the band
		// had room: over other labels (its whole name before a shortened one), then
		// across the dividers, and at last over field names, on a halo.
		font := labelFont(st, b, 11)
		tries := nameVariants(c, b.Label, font, plot.x1-plot.x0)
		prev := ""
		for _, k := range []float64{0.6, 0.4, 0.25} {
			if short := c.fit(b.Label, font, math.Min(130, (plot.x1-plot.x0)*k)); short != "" && short != prev {
				tries = append(tries, []string{short})
				prev = short
			}
		}
		limits := [3]int{len(taken), hard, 0}
	passes:
		for _, pass := range []int{1, 2} {
			for _, sft := range []bool{true, false} {
				for _, lines := range tries {
					var dv []box
					if sft {
						dv = soft
					}
					if l, ok := placeLabel(c, b, lines, font, plot, taken[:limits[pass]], dv, near); ok {
						l.overNames = pass == 2
						late = append(late, l)
						taken = append(taken, l.at)
						break passes
					}
				}
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
	overNames bool   // placed over field names, which give way
	lead      *[2]pt // a leader line from the name to its bubble, where it stands apart
	band      bool   // in the band above the plot: its leader is drawn under the bubbles
	point     int    // the point's index
}

// draw sets the label's lines, on a halo where it stands over other labels; its leader
// first.
func (l label) draw(c *canvas, halo bool) {
	if !l.band {
		l.drawLeader(c)
	}
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

// drawLeader draws the label's leader line, if it has one.
func (l label) drawLeader(c *canvas) {
	if l.lead != nil {
		c.line(l.lead[0].x, l.lead[0].y, l.lead[1].x, l.lead[1].y, c.st.muted, 0.8)
	}
}

// leaderBoxes are small boxes along the leader line, which other labels keep clear of.
func (l label) leaderBoxes() []box {
	if l.lead == nil {
		return nil
	}
	a, b := l.lead[0], l.lead[1]
	steps := int(math.Min(200, math.Hypot(b.x-a.x, b.y-a.y)/3)) + 1
	out := make([]box, 0, steps+1)
	for j := 0; j <= steps; j++ {
		t := float64(j) / float64(steps)
		x, y := a.x+(b.x-a.x)*t, a.y+(b.y-a.y)*t
		out = append(out, box{x - 1.5, y - 1.5, x + 1.5, y + 1.5})
	}
	return out
}

// leadTo points the label's leader at bubble b: from the label's nearest point, a little
// apart from it, to just outside the bubble's edge. No leader where the label touches
// the bubble.
func (l *label) leadTo(b bubble) {
	l.point = b.i
	nx, ny := clamp(b.x, l.at.x0+3, l.at.x1-3), clamp(b.y, l.at.y0, l.at.y1)
	dx, dy := nx-b.x, ny-b.y
	d := math.Hypot(dx, dy)
	if d < b.r+8 {
		l.lead = nil
		return
	}
	ux, uy := dx/d, dy/d
	l.lead = &[2]pt{{nx - ux*2, ny - uy*2}, {b.x + ux*(b.r+1.5), b.y + uy*(b.r+1.5)}}
}

// placeLabel finds the first place around bubble b of the kind where (near, aside, far)
// where the lines fit inside the plot and, with their leader, clear of the boxes to
// avoid (by a word's space) and of the dividers.
func placeLabel(c *canvas, b bubble, lines []string, font tstyle, plot box, avoid, dividers []box, where int) (label, bool) {
	w := 0.0
	for _, t := range lines {
		w = math.Max(w, c.measure(t, font))
	}
	h := font.size * 1.25 * float64(len(lines))
	d := b.r + 3
	type cand struct {
		b box
		a anchor
	}
	var cands []cand
	switch where {
	case near:
		cands = []cand{
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
	case aside:
		// Beside it with the name's first or last line level with the bubble's top or
		// bottom; above or below it, moved toward either side.
		for _, t := range []float64{0, 1, 0.3, 0.7} {
			top := b.y - h*t
			cands = append(cands, cand{box{b.x + d, top, b.x + d + w, top + h}, left}, cand{box{b.x - d - w, top, b.x - d, top + h}, right})
		}
		for _, t := range []float64{0.25, 0.75, 0.1, 0.9} {
			lx := b.x - w*t
			a := left
			if t > 0.5 {
				a = right
			}
			cands = append(cands, cand{box{lx, b.y - d - h, lx + w, b.y - d}, a}, cand{box{lx, b.y + d, lx + w, b.y + d + h}, a})
		}
	case far:
		// Farther and farther in the eight directions, with a leader line.
		for _, e := range []float64{8, 16, 28, 44, 64} {
			D := d + e
			cands = append(cands,
				cand{box{b.x + D, b.y - h/2, b.x + D + w, b.y + h/2}, left},
				cand{box{b.x - D - w, b.y - h/2, b.x - D, b.y + h/2}, right},
				cand{box{b.x - w/2, b.y - D - h, b.x + w/2, b.y - D}, center},
				cand{box{b.x - w/2, b.y + D, b.x + w/2, b.y + D + h}, center},
				cand{box{b.x + D*0.7, b.y - D*0.7 - h, b.x + D*0.7 + w, b.y - D*0.7}, left},
				cand{box{b.x + D*0.7, b.y + D*0.7, b.x + D*0.7 + w, b.y + D*0.7 + h}, left},
				cand{box{b.x - D*0.7 - w, b.y - D*0.7 - h, b.x - D*0.7, b.y - D*0.7}, right},
				cand{box{b.x - D*0.7 - w, b.y + D*0.7, b.x - D*0.7, b.y + D*0.7 + h}, right},
			)
		}
	}
	own := box{b.x - b.r*0.7, b.y - b.r*0.7, b.x + b.r*0.7, b.y + b.r*0.7} // as drawBubbles notes it
next:
	for _, cb := range cands {
		// A word's space apart from other labels, so that two names do not read as one;
		// the label's own bubble may be nearer.
		gap := box{cb.b.x0 - font.size*0.5, cb.b.y0, cb.b.x1 + font.size*0.5, cb.b.y1}
		if !cb.b.inside(plot) || overlapsAny(gap, dividers) {
			continue
		}
		for _, a := range avoid {
			if gap.overlaps(a) && (a != own || cb.b.overlaps(a)) {
				continue next
			}
		}
		l := label{lines: lines, at: cb.b, font: font, a: cb.a, point: b.i}
		if where == far {
			l.leadTo(b)
			for _, lb := range l.leaderBoxes() {
				if lb.overlaps(own) {
					continue
				}
				if overlapsAny(lb, avoid) || overlapsAny(lb, dividers) {
					continue next
				}
			}
		}
		return l, true
	}
	return label{}, false
}

// drawMove draws a point's previous position as a ring and an arrow from it to the
// bubble's edge; nothing when the point has no previous position or barely moved. It
// returns the boxes of the ring, its label and the arrow, which bubble labels keep clear
// of.
func drawMove(c *canvas, b bubble, X, Y func(float64) float64) []box {
	return move(c, b, X, Y, true)
}

// moveBoxes are the boxes drawMove would return, without drawing.
func moveBoxes(c *canvas, b bubble, X, Y func(float64) float64) []box {
	return move(c, b, X, Y, false)
}

func move(c *canvas, b bubble, X, Y func(float64) float64, draw bool) (boxes []box) {
	if b.From == nil || !finite(b.From.X) || !finite(b.From.Y) {
		return nil
	}
	st := c.st
	col := mix(st.primary, st.ink, 0.35)
	px, py := X(b.From.X), Y(b.From.Y)
	dx, dy := b.x-px, b.y-py
	d := math.Hypot(dx, dy)
	if draw {
		c.circle(px, py, 4, white, col, 1.5)
	}
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
		if draw {
			c.haloText(t, lx, py+3.5, f, anc)
		}
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
	if draw {
		c.line(sx, sy, bx, by, col, 1.8, 4, 3)
		c.polygon([]pt{{tx, ty}, {bx - uy*half, by + ux*half}, {bx + uy*half, by - ux*half}}, col, drawing0, 0)
	}
	// The arrow, every few pixels: no name stands on it.
	steps := int(math.Min(200, math.Hypot(tx-sx, ty-sy)/4)) + 1
	for j := 0; j <= steps; j++ {
		t := float64(j) / float64(steps)
		x, y := sx+(tx-sx)*t, sy+(ty-sy)*t
		boxes = append(boxes, box{x - 2.5, y - 2.5, x + 2.5, y + 2.5})
	}
	return boxes
}
