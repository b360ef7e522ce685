package charts

import (
	"math"
	"strings"

	"github.com/wcharczuk/go-chart/v2/drawing"
)

// Radar is the scorecard radar: one axis per perspective (or objective), a target ring
// and the actual achievement, in percent.
type Radar struct {
	Meta
	Axes   []string
	Target []float64 // per axis, usually 100; NaN or missing leaves the ring out there
	Actual []float64 // per axis; NaN or missing: no data on that axis
	// TargetLabel and ActualLabel name the two series beside their rings, and in a
	// legend where a name finds no free place there.
	TargetLabel, ActualLabel string
	Unit                     string // appended to values, e.g. " %"
}

// radarCap limits the scale: an achievement of 900 % would shrink the target ring to a
// dot. Values beyond sit on the rim and carry their number.
const radarCap = 200

// Empty reports that no axis has an actual value.
func (r Radar) Empty() bool {
	for i := range r.Axes {
		if finite(at(r.Actual, i)) {
			return false
		}
	}
	return true
}

// radarText is a text of the radar laid out: drawn vertically centred on y.
type radarText struct {
	text string
	x, y float64
	f    tstyle
	anc  anchor
	halo bool
	box
}

// radarGeom is the radar laid out for the room above a legend of a given height.
type radarGeom struct {
	R, cx, cy, hi float64
	tk            []float64
	n             int
	bottom        float64 // of the room for names, above the legend
	tgt, act      []pt    // the target ring's and the actual area's points
	idx           []int
	texts         []radarText // axis labels, values and ring values
	taken         []box       // those texts, the points and the lines, for direct labels
}

func (g *radarGeom) angle(i int) float64 {
	return -math.Pi/2 + 2*math.Pi*float64(i)/float64(g.n)
}

func (g *radarGeom) point(i int, v float64) pt {
	a := g.angle(i)
	d := g.R * clamp(v, 0, g.hi) / g.hi
	return pt{g.cx + d*math.Cos(a), g.cy + d*math.Sin(a)}
}

func (g *radarGeom) ring(v float64) []pt {
	p := make([]pt, g.n)
	for i := range p {
		p[i] = g.point(i, v)
	}
	return p
}

func (r Radar) draw(c *canvas) {
	n := len(r.Axes)
	if n == 0 {
		return
	}
	st := c.st
	small := tstyle{size: 11, col: st.muted}
	items := []legendItem{{r.ActualLabel, st.primary, "ring"}, {r.TargetLabel, st.accent, "dash"}}

	// Each series is named beside its ring; the legend is drawn only where a name finds no
	// free place.
	g := r.layout(c, 0)
	names, ok := r.placeNames(c, g)
	legendH := 0.0
	if !ok {
		legendH = c.legend(items, small)
		g = r.layout(c, legendH)
		names, _ = r.placeNames(c, g)
	}

	// Grid: rings as polygons (circles for fewer than three axes), spokes.
	cx, cy, R, hi := g.cx, g.cy, g.R, g.hi
	for _, t := range g.tk[1:] {
		if n >= 3 {
			c.polygon(g.ring(t), drawing0, st.grid, 1)
		} else {
			c.circle(cx, cy, R*t/hi, drawing0, st.grid, 1)
		}
	}
	for i := 0; i < n; i++ {
		p := g.point(i, hi)
		c.line(cx, cy, p.x, p.y, st.grid, 1)
	}

	// Target ring.
	switch {
	case len(g.tgt) == n && n >= 3:
		c.polyline(append(g.tgt[:n:n], g.tgt[0]), st.accent, 1.5, 5, 4)
	case n < 3 && finite(at(r.Target, 0)):
		// Too few axes for a polygon: the target of the first axis as a ring.
		c.polyline(ringPts(cx, cy, R*clamp(at(r.Target, 0), 0, hi)/hi), st.accent, 1.5, 5, 4)
	default:
		c.polyline(g.tgt, st.accent, 1.5, 5, 4)
	}

	// Actual area through the axes that have a value.
	if len(g.act) >= 3 {
		c.polygon(g.act, alpha(st.primary, 0.18), st.primary, 2)
	} else {
		c.polyline(g.act, st.primary, 2)
	}
	for _, p := range g.act {
		c.circle(p.x, p.y, 3.5, st.primary, white, 1.2)
	}
	for _, t := range append(g.texts, names...) {
		if t.halo {
			c.haloText(t.text, t.x, t.y+t.f.size*0.35, t.f, t.anc)
		} else {
			c.textMid(t.text, t.x, t.y, t.f, t.anc)
		}
	}
}

// layout places the radar above a legend legendH high: its radius and centre, the
// points of its rings, the axis labels, the values and the ring values.
func (r Radar) layout(c *canvas, legendH float64) *radarGeom {
	n := len(r.Axes)
	st := c.st
	label := tstyle{size: 12, col: st.ink}
	vfont := tstyle{size: 11, bold: true, col: st.primary}

	hi := 100.0
	for i := 0; i < n; i++ {
		for _, v := range []float64{at(r.Target, i), at(r.Actual, i)} {
			if finite(v) {
				hi = math.Max(hi, v)
			}
		}
	}
	// Headroom above the target ring keeps it and the values near it off the outer edge.
	hi = math.Min(math.Max(hi*1.08, 110), radarCap)
	tk := ticks(0, hi, 5)
	hi = tk[len(tk)-1]

	g := &radarGeom{n: n, hi: hi, tk: tk, bottom: c.h - legendH - 2}
	top, bottom := 8.0, c.h-legendH-8
	lineH := label.size * 1.25
	capW := math.Min(c.w*0.26, 170) // wider labels wrap to a second line

	// The largest radius that leaves every axis label room beside or above its spoke.
	R := math.Min(c.w/2-20, (bottom-top)/2-10)
	for i, name := range r.Axes {
		a := g.angle(i)
		ca, sa := math.Abs(math.Cos(a)), math.Abs(math.Sin(a))
		w := c.measure(name, label)
		lines := 1.0
		if w > capW {
			w, lines = capW, float64(len(c.wrap(name, label, capW, axisLines(ca))))
		}
		if ca > 0.25 {
			R = math.Min(R, (c.w/2-18-w)/ca)
		}
		ext := lines * lineH / 2
		if sa > 0.5 {
			ext = lines * lineH
		}
		if sa > 0.05 {
			R = math.Min(R, ((bottom-top)/2-ext-12)/sa)
		}
	}
	g.R = math.Max(R, 20)
	g.cx, g.cy = c.w/2, top+(bottom-top)/2
	cx, cy := g.cx, g.cy
	R = g.R

	for i := 0; i < n; i++ {
		if v := at(r.Target, i); finite(v) {
			g.tgt = append(g.tgt, g.point(i, v))
		}
	}
	for i := 0; i < n; i++ {
		if v := at(r.Actual, i); finite(v) {
			g.act = append(g.act, g.point(i, v))
			g.idx = append(g.idx, i)
		}
	}

	var taken []box
	for k, p := range g.act {
		v := at(r.Actual, g.idx[k])
		a := g.angle(g.idx[k])
		// The value sits beside its point, turned away from the axis, inside the plot.
		off := pt{math.Cos(a+math.Pi/2) * 12, math.Sin(a+math.Pi/2) * 12}
		anc := left
		if off.x < -3 {
			anc = right
		} else if off.x < 3 {
			anc = center
		}
		txt := st.format(v) + r.Unit
		w := c.measure(txt, vfont)
		bx := p.x + off.x
		switch anc {
		case center:
			bx -= w / 2
		case right:
			bx -= w
		}
		b := box{bx - 2, p.y + off.y - vfont.size*0.7, bx + w + 2, p.y + off.y + vfont.size*0.7}
		if overlapsAny(b, taken) {
			continue // e.g. all values zero: one label at the centre says it
		}
		taken = append(taken, b)
		g.texts = append(g.texts, radarText{txt, p.x + off.x, p.y + off.y, vfont, anc, true, b})
	}

	// Ring values left of the top spoke (values of the first axis are labelled to its
	// right), on a halo over the area's outline; a ring value under a data label is left
	// out, the data label matters more.
	rf := tstyle{size: 9.5, col: st.muted}
	for _, t := range tk[1:] {
		txt := st.format(t) + r.Unit
		w, y := c.measure(txt, rf), cy-R*t/hi-2
		b := box{cx - 7 - w - 2, y - rf.size*0.95, cx - 5, y + rf.size*0.3}
		if overlapsAny(b, taken) {
			continue
		}
		taken = append(taken, b)
		g.texts = append(g.texts, radarText{txt, cx - 7, y - rf.size*0.35, rf, right, true, b})
	}

	// Axis labels outside the outer ring, up to two lines above and below, four beside.
	for i, name := range r.Axes {
		a := g.angle(i)
		ca, sa := math.Cos(a), math.Sin(a)
		x, y := cx+(R+10)*ca, cy+(R+10)*sa
		anc := center
		w := math.Min(capW*1.6, c.w-16)
		switch {
		case ca > 0.25:
			anc, w = left, math.Min(capW, c.w-8-x)
		case ca < -0.25:
			anc, w = right, math.Min(capW, x-8)
		}
		lines := c.wrap(name, label, w, axisLines(ca))
		h := lineH * float64(len(lines))
		y0 := y - h/2 // first line's centre is y0 + lineH/2
		switch {
		case sa < -0.5:
			y0 = y - h
		case sa > 0.5:
			y0 = y
		}
		for j, l := range lines {
			lw := c.measure(l, label)
			bx := x
			switch anc {
			case center:
				bx -= lw / 2
			case right:
				bx -= lw
			}
			ly := y0 + lineH*(float64(j)+0.5)
			b := box{bx, ly - lineH/2, bx + lw, ly + lineH/2}
			taken = append(taken, b)
			g.texts = append(g.texts, radarText{l, x, ly, label, anc, false, b})
		}
	}

	// The points and the lines, sampled every few pixels, are kept clear of the names.
	for _, p := range g.act {
		taken = append(taken, box{p.x - 5, p.y - 5, p.x + 5, p.y + 5})
	}
	tgt := g.tgt
	if len(tgt) == n && n >= 3 {
		tgt = append(tgt[:n:n], tgt[0])
	} else if n < 3 && finite(at(r.Target, 0)) {
		tgt = ringPts(cx, cy, R*clamp(at(r.Target, 0), 0, hi)/hi)
	}
	act := g.act
	if len(act) >= 3 {
		act = append(act[:len(act):len(act)], act[0])
	}
	for _, line := range [][]pt{tgt, act} {
		for j := 1; j < len(line); j++ {
			p, q := line[j-1], line[j]
			steps := int(math.Min(200, math.Hypot(q.x-p.x, q.y-p.y)/3)) + 1
			for s := 0; s <= steps; s++ {
				t := float64(s) / float64(steps)
				x, y := p.x+(q.x-p.x)*t, p.y+(q.y-p.y)*t
				taken = append(taken, box{x - 2, y - 2, x + 2, y + 2})
			}
		}
	}
	g.taken = taken
	return g
}

// placeNames finds a free place for each series' name beside its ring, in its colour:
// the target's outside its dashed ring, in the corner between two axes; the actual's
// inside its area near an edge, else outside. ok is false when a name finds none.
func (r Radar) placeNames(c *canvas, g *radarGeom) (names []radarText, ok bool) {
	st := c.st
	frame := box{2, 2, c.w - 2, g.bottom}
	taken := append([]box(nil), g.taken...)
	centre := pt{g.cx, g.cy}
	// anchors are the edges' midpoints of a closed ring, or points on a circle.
	anchors := func(ps []pt, closed bool) []pt {
		var out []pt
		m := len(ps)
		if m < 3 {
			closed = false
		}
		for _, t := range []float64{0.5, 0.3, 0.7} {
			for i := 0; i+1 < m || (closed && i < m); i++ {
				p, q := ps[i], ps[(i+1)%m]
				out = append(out, pt{p.x + (q.x-p.x)*t, p.y + (q.y-p.y)*t})
			}
		}
		return out
	}
	place := func(name string, col drawing.Color, from []pt, out bool) bool {
		name = strings.TrimSpace(clean(name))
		if name == "" {
			return true
		}
		f := tstyle{size: 10.5, bold: true, col: st.readable(col)}
		w, h := c.measure(name, f), f.size*1.25
		var cands []box
		if !out && len(g.act) >= 3 {
			// Inside the area, about its centre, first.
			var m pt
			for _, p := range g.act {
				m.x, m.y = m.x+p.x/float64(len(g.act)), m.y+p.y/float64(len(g.act))
			}
			for _, dy := range []float64{0, -1, 1, -2, 2} {
				for _, dx := range []float64{0, -0.5, 0.5} {
					b := box{m.x - w/2 + dx*w, m.y - h/2 + dy*h, m.x + w/2 + dx*w, m.y + h/2 + dy*h}
					if insidePolygon(b, g.act) {
						cands = append(cands, b)
					}
				}
			}
		}
		// Beside the ring: the box's near side gap px from an anchor, away from the
		// centre (out) or toward it, the preferred direction first.
		for _, dir := range []bool{out, !out} {
			for _, gap := range []float64{5, 14, 24} {
				for _, a := range from {
					dx, dy := a.x-centre.x, a.y-centre.y
					d := math.Hypot(dx, dy)
					if d < 1 {
						continue
					}
					dx, dy = dx/d, dy/d
					if !dir {
						dx, dy = -dx, -dy
					}
					ext := math.Abs(dx)*w/2 + math.Abs(dy)*h/2
					mx, my := a.x+dx*(ext+gap), a.y+dy*(ext+gap)
					cands = append(cands, box{mx - w/2, my - h/2, mx + w/2, my + h/2})
				}
			}
		}
		for _, b := range cands {
			if b.inside(frame) && !overlapsAny(b, taken) {
				taken = append(taken, b)
				names = append(names, radarText{name, b.x0, (b.y0 + b.y1) / 2, f, left, true, b})
				return true
			}
		}
		return false
	}
	var tgtAnchors, actAnchors []pt
	if len(g.tgt) == g.n && g.n >= 3 {
		tgtAnchors = anchors(g.tgt, true)
	} else if g.n < 3 && finite(at(r.Target, 0)) {
		rr := g.R * clamp(at(r.Target, 0), 0, g.hi) / g.hi
		for _, a := range []float64{-math.Pi / 4, -3 * math.Pi / 4, math.Pi / 4, 3 * math.Pi / 4} {
			tgtAnchors = append(tgtAnchors, pt{g.cx + rr*math.Cos(a), g.cy + rr*math.Sin(a)})
		}
	} else {
		tgtAnchors = append(anchors(g.tgt, false), g.tgt...)
	}
	if len(g.act) >= 3 {
		actAnchors = anchors(g.act, true)
	} else {
		actAnchors = append(anchors(g.act, false), g.act...)
	}
	okT := len(tgtAnchors) == 0 || place(r.TargetLabel, st.accent, tgtAnchors, true)
	okA := len(actAnchors) == 0 || place(r.ActualLabel, st.primary, actAnchors, false)
	return names, okT && okA
}

// axisLines is how many lines an axis label may take: five beside the radar, where
// width is scarce and height is not (a perspective with its objective, "Apprentissage et
// développement : Connaître les lignes de conditionnement du client"), two above and
// below it.
func axisLines(cos float64) int {
	if math.Abs(cos) > 0.25 {
		return 5
	}
	return 2
}

// insidePolygon reports that the box's corners lie inside the polygon p.
func insidePolygon(b box, p []pt) bool {
	for _, q := range []pt{{b.x0, b.y0}, {b.x1, b.y0}, {b.x0, b.y1}, {b.x1, b.y1}} {
		in := false
		for i, j := 0, len(p)-1; i < len(p); j, i = i, i+1 {
			if (p[i].y > q.y) != (p[j].y > q.y) && q.x < (p[j].x-p[i].x)*(q.y-p[i].y)/(p[j].y-p[i].y)+p[i].x {
				in = !in
			}
		}
		if !in {
			return false
		}
	}
	return true
}
