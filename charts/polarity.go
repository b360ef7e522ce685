package charts

import (
	"math"
	"strconv"
	"strings"
)

func (p Polarity) draw(c *canvas) {
	n := len(p.Criteria)
	if n == 0 {
		return
	}
	st := c.st
	lo, hi := p.Min, p.Max
	if (lo == 0 && hi == 0) || !finite(lo) || !finite(hi) || lo == hi {
		lo, hi = 0, 10
	}
	if lo > hi {
		lo, hi = hi, lo
	}
	small := tstyle{size: 11, col: st.muted}
	label := tstyle{size: 12, col: st.ink}
	if n > 14 {
		label.size = 10.5
	}

	var items []legendItem
	for i, s := range p.Series {
		items = append(items, legendItem{s.Name, st.series(i), "series" + strconv.Itoa(i)})
	}
	legendH := c.legend(items, small)

	labelW := 0.0
	for _, s := range p.Criteria {
		labelW = math.Max(labelW, c.measure(s, label))
	}
	labelW = clamp(labelW, 40, c.w*0.36)
	x0, x1 := 8+labelW+14, c.w-16
	top, bottom := 26.0, c.h-legendH-14
	rowH := (bottom - top) / float64(n)
	x := func(v float64) float64 { return x0 + (x1-x0)*(clamp(v, lo, hi)-lo)/(hi-lo) }
	y := func(i int) float64 { return top + rowH*(float64(i)+0.5) }

	// Alternate row bands, then the scale: a line per tick and its number on top.
	for i := 0; i < n; i += 2 {
		c.rect(x0, top+rowH*float64(i), x1-x0, rowH, st.paper, drawing0, 0)
	}
	tk := ticks(lo, hi, int(math.Min(10, hi-lo)))
	for _, t := range tk {
		if t < lo-1e-9 || t > hi+1e-9 {
			continue
		}
		c.line(x(t), top, x(t), bottom, st.grid, 1)
		c.text(st.format(t), x(t), top-8, small, center)
	}
	mid := (lo + hi) / 2
	c.line(x(mid), top, x(mid), bottom, st.axis, 1, 3, 3)

	// A criterion's name takes two lines where one is too short and the row has room.
	lh := label.size * 1.15
	maxLines := 1
	if rowH >= 2*lh+2 {
		maxLines = 2
	}
	for i, s := range p.Criteria {
		lines := c.wrap(s, label, labelW, maxLines)
		for j, l := range lines {
			c.textMid(l, x0-14, y(i)+lh*(float64(j)-float64(len(lines)-1)/2), label, right)
		}
	}

	dy := p.spread(n, rowH)

	// Competitors first and thinner, "us" last and on top. Each series has its own
	// marker shape and dash pattern, so that the lines are told apart without colour.
	radius := func(k int) float64 {
		if k == 0 {
			return 4.5
		}
		return 3.5
	}
	for k := len(p.Series) - 1; k >= 0; k-- {
		s := p.Series[k]
		col := st.series(k)
		width, r := 1.5, radius(k)
		if k == 0 {
			width = 2.5
		}
		var run []pt
		flush := func() {
			c.polyline(run, col, width, seriesDash(k)...)
			run = run[:0]
		}
		for i := 0; i < n; i++ {
			v := at(s.Values, i)
			if !finite(v) {
				flush()
				continue
			}
			run = append(run, pt{x(v), y(i) + dy[k][i]})
		}
		flush()
		for i := 0; i < n; i++ {
			if v := at(s.Values, i); finite(v) {
				c.marker(k, x(v), y(i)+dy[k][i], r, col)
			}
		}
	}
	p.labelSeries(c, x, y, dy, radius, box{x0, top - 2, c.w - 4, bottom + 12})
}

// labelSeries writes each series' name beside its line, in its colour: next to its last
// point (at the bottom), else its first, else another, on a side where the name covers no
// point and no other name. A name that finds no such place is left to the legend.
func (p Polarity) labelSeries(c *canvas, x func(float64) float64, y func(int) float64, dy [][]float64, radius func(int) float64, area box) {
	st := c.st
	n := len(p.Criteria)
	// The points, and the lines between them sampled every few pixels, are kept clear.
	var taken, points []box
	for k, s := range p.Series {
		var prev *pt
		for i := 0; i < n; i++ {
			v := at(s.Values, i)
			if !finite(v) {
				prev = nil
				continue
			}
			r := radius(k) + 1
			q := pt{x(v), y(i) + dy[k][i]}
			taken = append(taken, box{q.x - r, q.y - r, q.x + r, q.y + r})
			points = append(points, taken[len(taken)-1])
			if prev != nil {
				steps := int(math.Min(200, math.Hypot(q.x-prev.x, q.y-prev.y)/4))
				for j := 1; j < steps; j++ {
					t := float64(j) / float64(steps)
					sx, sy := prev.x+(q.x-prev.x)*t, prev.y+(q.y-prev.y)*t
					taken = append(taken, box{sx - 1.5, sy - 1.5, sx + 1.5, sy + 1.5})
				}
			}
			prev = &q
		}
	}
	for k, s := range p.Series {
		f := tstyle{size: 10.5, bold: true, col: st.readable(st.series(k))}
		// The whole name on one line, else on two or three; a shortened name would
		// add nothing to the legend's.
		aw := area.x1 - area.x0
		full := strings.TrimSpace(clean(s.Name))
		triesFor := func(f tstyle) [][]string {
			var tries [][]string
			if full != "" && c.measure(full, f) <= aw*0.7 {
				tries = append(tries, []string{full})
			}
			for n := 2; n <= 3; n++ {
				if l, cut := c.wrapCut(full, f, math.Min(160, aw*0.45), n); !cut && len(l) == n {
					tries = append(tries, l)
				}
			}
			if l, cut := c.wrapCut(full, f, math.Min(100, aw*0.3), 3); !cut && len(l) == 3 {
				tries = append(tries, l)
			}
			return tries
		}
		tries := triesFor(f)
		// The rows of the points to try: the last, the first, then the others upward.
		var ends []int
		for i := n - 1; i >= 0; i-- {
			if finite(at(s.Values, i)) {
				ends = append(ends, i)
			}
		}
		if len(ends) > 1 {
			ends = append([]int{ends[0], ends[len(ends)-1]}, ends[1:len(ends)-1]...)
		}
		lh := f.size * 1.25
		done := false
	place:
		for _, lines := range tries {
			w := 0.0
			for _, l := range lines {
				w = math.Max(w, c.measure(l, f))
			}
			h := lh * float64(len(lines))
			// Beside a point first, then a little farther from it, then above or below it.
			var cands []box
			for _, far := range []float64{0, 10, 20} {
				for _, i := range ends {
					px, py := x(at(s.Values, i)), y(i)+dy[k][i]
					d := radius(k) + 4 + far
					cands = append(cands,
						box{px + d, py - h/2, px + d + w, py + h/2}, // right
						box{px - d - w, py - h/2, px - d, py + h/2}, // left
						box{px + d, py - h - 1, px + d + w, py - 1}, // above right
						box{px + d, py + 1, px + d + w, py + h + 1}, // below right
						box{px - d - w, py - h - 1, px - d, py - 1}, // above left
						box{px - d - w, py + 1, px - d, py + h + 1}, // below left
					)
					if far == 0 {
						continue
					}
					r := radius(k) + 2
					cands = append(cands,
						box{px - w/2, py - r - h, px + w/2, py - r}, // above
						box{px - w/2, py + r, px + w/2, py + r + h}, // below
					)
				}
			}
			{
				for _, b := range cands {
					if !b.inside(area) || overlapsAny(b, taken) {
						continue
					}
					taken = append(taken, b)
					points = append(points, b)
					for j, l := range lines {
						c.haloText(l, b.x0, b.y0+lh*(float64(j)+0.5)+f.size*0.35, f, left)
					}
					done = true
					break place
				}
			}
		}
		if done {
			continue
		}
		// No room beside a point: the name stands apart, where the chart is empty (a
		// profile's weak half), with a thin grey leader line (not read as a piece of the
		// series' line) to the nearest of its points that it reaches without crossing
		// another point or name; the legend only where there is no such place either.
		type spot struct {
			b    box
			from pt
			to   pt
			d    float64
		}
		// At the names' size, else smaller, down to minText.
		var best *spot
	apart:
		for _, size := range []float64{f.size, 9.5, minText} {
			f := f
			f.size = size
			lh := f.size * 1.25
			for _, lines := range triesFor(f) {
				w := 0.0
				for _, l := range lines {
					w = math.Max(w, c.measure(l, f))
				}
				h := lh * float64(len(lines))
				for _, i := range ends {
					px, py := x(at(s.Values, i)), y(i)+dy[k][i]
					r := radius(k) + 2
					for dx := 24.0; dx <= 240; dx += 8 {
						for _, off := range []float64{0, -0.5, 0.5, -1, 1} {
							cy := py + off*h
							for _, b := range []box{{px - dx - w, cy - h/2, px - dx, cy + h/2}, {px + dx, cy - h/2, px + dx + w, cy + h/2}} {
								if !b.inside(area) || overlapsAny(b, taken) {
									continue
								}
								// From the label's nearest point, a little apart, to the point's edge.
								nx, ny := clamp(px, b.x0, b.x1), clamp(py, b.y0, b.y1)
								ddx, ddy := px-nx, py-ny
								d := math.Hypot(ddx, ddy)
								if d < r+6 || (best != nil && d >= best.d) {
									continue
								}
								ux, uy := ddx/d, ddy/d
								from, to := pt{nx + ux*2, ny + uy*2}, pt{px - ux*r, py - uy*r}
								if leaderHits(from, to, points) {
									continue
								}
								best = &spot{b, from, to, d}
							}
						}
					}
				}
				if best != nil {
					b := best.b
					taken = append(taken, b)
					points = append(points, b)
					c.line(best.from.x, best.from.y, best.to.x, best.to.y, st.muted, 0.8)
					for j, l := range lines {
						c.haloText(l, b.x0, b.y0+lh*(float64(j)+0.5)+f.size*0.35, f, left)
					}
					break apart
				}
			}
		}
	}
}

// leaderHits reports that the segment from a to b passes through one of the boxes.
func leaderHits(a, b pt, boxes []box) bool {
	steps := int(math.Min(200, math.Hypot(b.x-a.x, b.y-a.y)/2)) + 1
	for j := 0; j <= steps; j++ {
		t := float64(j) / float64(steps)
		x, y := a.x+(b.x-a.x)*t, a.y+(b.y-a.y)*t
		for _, o := range boxes {
			if x > o.x0 && x < o.x1 && y > o.y0 && y < o.y1 {
				return true
			}
		}
	}
	return false
}

// spread returns each point's vertical offset from its row's centre: where series share a
// value on a criterion their points would hide each other, so they are spread across the
// row ("us" on top, competitors in order below), at most 10 px apart.
func (p Polarity) spread(n int, rowH float64) [][]float64 {
	dy := make([][]float64, len(p.Series))
	for k := range dy {
		dy[k] = make([]float64, n)
	}
	for i := 0; i < n; i++ {
		done := make([]bool, len(p.Series))
		for k := range p.Series {
			v := at(p.Series[k].Values, i)
			if done[k] || !finite(v) {
				continue
			}
			var same []int
			for j := k; j < len(p.Series); j++ {
				if w := at(p.Series[j].Values, i); !done[j] && finite(w) && math.Abs(w-v) < 1e-9 {
					same = append(same, j)
					done[j] = true
				}
			}
			step := math.Min(10, rowH*0.8/float64(len(same)))
			for m, j := range same {
				dy[j][i] = step * (float64(m) - float64(len(same)-1)/2)
			}
		}
	}
	return dy
}
