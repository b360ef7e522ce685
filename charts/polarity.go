package charts

import (
	"math"
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
		items = append(items, legendItem{s.Name, st.series(i), "dot"})
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

	for i, s := range p.Criteria {
		c.textMid(c.fit(s, label, labelW), x0-14, y(i), label, right)
	}

	// Competitors first and thinner, "us" last and on top.
	for k := len(p.Series) - 1; k >= 0; k-- {
		s := p.Series[k]
		col := st.series(k)
		width, r := 1.5, 3.5
		if k == 0 {
			width, r = 2.5, 4.5
		}
		var run []pt
		flush := func() {
			c.polyline(run, col, width)
			run = run[:0]
		}
		for i := 0; i < n; i++ {
			v := at(s.Values, i)
			if !finite(v) {
				flush()
				continue
			}
			run = append(run, pt{x(v), y(i)})
		}
		flush()
		for i := 0; i < n; i++ {
			if v := at(s.Values, i); finite(v) {
				c.circle(x(v), y(i), r, col, white, 1.2)
			}
		}
	}
}
