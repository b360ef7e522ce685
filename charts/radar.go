package charts

import (
	"math"
)

// Radar is the scorecard radar: one axis per perspective (or objective), a target ring
// and the actual achievement, in percent.
type Radar struct {
	Meta
	Axes   []string
	Target []float64 // per axis, usually 100; NaN or missing leaves the ring out there
	Actual []float64 // per axis; NaN or missing: no data on that axis
	// TargetLabel and ActualLabel name the two series in the legend.
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

func (r Radar) draw(c *canvas) {
	n := len(r.Axes)
	if n == 0 {
		return
	}
	st := c.st
	small := tstyle{size: 11, col: st.muted}
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

	items := []legendItem{{r.ActualLabel, st.primary, "ring"}, {r.TargetLabel, st.accent, "dash"}}
	legendH := c.legend(items, small)
	top, bottom := 8.0, c.h-legendH-8
	lineH := label.size * 1.25
	capW := math.Min(c.w*0.26, 170) // wider labels wrap to a second line
	angle := func(i int) float64 { return -math.Pi/2 + 2*math.Pi*float64(i)/float64(n) }

	// The largest radius that leaves every axis label room beside or above its spoke.
	R := math.Min(c.w/2-20, (bottom-top)/2-10)
	for i, name := range r.Axes {
		a := angle(i)
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
	R = math.Max(R, 20)
	cx, cy := c.w/2, top+(bottom-top)/2

	point := func(i int, v float64) pt {
		a := angle(i)
		d := R * clamp(v, 0, hi) / hi
		return pt{cx + d*math.Cos(a), cy + d*math.Sin(a)}
	}
	ring := func(v float64) []pt {
		p := make([]pt, n)
		for i := range p {
			p[i] = point(i, v)
		}
		return p
	}

	// Grid: rings as polygons (circles for fewer than three axes), spokes, ring values.
	for _, t := range tk[1:] {
		if n >= 3 {
			c.polygon(ring(t), drawing0, st.grid, 1)
		} else {
			c.circle(cx, cy, R*t/hi, drawing0, st.grid, 1)
		}
	}
	for i := 0; i < n; i++ {
		p := point(i, hi)
		c.line(cx, cy, p.x, p.y, st.grid, 1)
	}

	// Target ring.
	var tgt []pt
	for i := 0; i < n; i++ {
		if v := at(r.Target, i); finite(v) {
			tgt = append(tgt, point(i, v))
		}
	}
	switch {
	case len(tgt) == n && n >= 3:
		c.polyline(append(tgt, tgt[0]), st.accent, 1.5, 5, 4)
	case n < 3 && finite(at(r.Target, 0)):
		// Too few axes for a polygon: the target of the first axis as a ring.
		c.polyline(ringPts(cx, cy, R*clamp(at(r.Target, 0), 0, hi)/hi), st.accent, 1.5, 5, 4)
	default:
		c.polyline(tgt, st.accent, 1.5, 5, 4)
	}

	// Actual area through the axes that have a value.
	var act []pt
	var idx []int
	for i := 0; i < n; i++ {
		if v := at(r.Actual, i); finite(v) {
			act = append(act, point(i, v))
			idx = append(idx, i)
		}
	}
	if len(act) >= 3 {
		c.polygon(act, alpha(st.primary, 0.18), st.primary, 2)
	} else {
		c.polyline(act, st.primary, 2)
	}
	for _, p := range act {
		c.circle(p.x, p.y, 3.5, st.primary, white, 1.2)
	}
	var taken []box
	for k, p := range act {
		v := at(r.Actual, idx[k])
		a := angle(idx[k])
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
		c.haloText(txt, p.x+off.x, p.y+off.y+vfont.size*0.35, vfont, anc)
	}

	// Ring values left of the top spoke (values of the first axis are labelled to its
	// right), on a halo over the area's outline; a ring value under a data label is left
	// out, the data label matters more.
	rf := tstyle{size: 9.5, col: st.muted}
	for _, t := range tk[1:] {
		txt := st.format(t) + r.Unit
		w, y := c.measure(txt, rf), cy-R*t/hi-2
		if overlapsAny(box{cx - 7 - w - 2, y - rf.size*0.95, cx - 5, y + rf.size*0.3}, taken) {
			continue
		}
		c.haloText(txt, cx-7, y, rf, right)
	}

	// Axis labels outside the outer ring, up to two lines above and below, four beside.
	for i, name := range r.Axes {
		a := angle(i)
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
			c.textMid(l, x, y0+lineH*(float64(j)+0.5), label, anc)
		}
	}
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
