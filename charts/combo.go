package charts

import (
	"math"
	"strings"

	"github.com/wcharczuk/go-chart/v2/drawing"
)

// combo is the layout shared by History and ValueChart: grouped bars per category on a
// left axis and one optional line, either on the same axis or on a right axis in percent.
//
// go-chart's own bar chart is not used: it fails on one bar or equal bars, does not start
// at zero and has no grouped bars; explicit ranges and ticks are simpler drawn here.
type combo struct {
	cats      []string
	bars      []comboSeries
	line      *comboSeries
	lineRight bool   // the line has its own axis on the right, from 0, in percent
	lineUnit  string // appended to the line's value labels and right ticks
	money     bool   // the left axis is money: ticks (and a line on it) carry the currency
	// mark, when not nil, is a vertical marker at a fractional category index (0 is the
	// first category's centre), e.g. the payback point of the value chart.
	mark *comboMark
}

type comboMark struct {
	at    float64
	label string
}

type comboSeries struct {
	label  string
	col    drawing.Color
	values []float64
}

func (cb combo) draw(c *canvas) {
	n := len(cb.cats)
	if n == 0 {
		return
	}
	st := c.st
	small := tstyle{size: 11, col: st.muted}

	var items []legendItem
	for _, b := range cb.bars {
		items = append(items, legendItem{b.label, b.col, "box"})
	}
	if cb.line != nil {
		items = append(items, legendItem{cb.line.label, cb.line.col, "dot"})
	}
	legendH := c.legend(items, small)

	// Left axis over the bars (and the line when it shares the axis), always with zero.
	lo, hi := 0.0, 0.0
	grow := func(vs []float64) {
		for i := 0; i < n; i++ {
			if v := at(vs, i); finite(v) {
				lo, hi = math.Min(lo, v), math.Max(hi, v)
			}
		}
	}
	for _, b := range cb.bars {
		grow(b.values)
	}
	if cb.line != nil && !cb.lineRight {
		grow(cb.line.values)
	}
	tk := ticks(lo, hi, 5)
	lo, hi = tk[0], tk[len(tk)-1]

	var rtk []float64
	rhi := 100.0
	if cb.line != nil && cb.lineRight {
		for i := 0; i < n; i++ {
			if v := at(cb.line.values, i); finite(v) {
				rhi = math.Max(rhi, v)
			}
		}
		rtk = ticks(0, rhi, 5)
		rhi = rtk[len(rtk)-1]
	}

	leftFormat := st.format
	if cb.money {
		leftFormat = st.money
	}
	tickLabels, unit := make([]string, len(tk)), ""
	for i, t := range tk {
		tickLabels[i] = leftFormat(t)
	}
	if cb.money {
		tickLabels, unit = st.moneyAxis(tk)
	}
	tickW := c.measure(unit, small)
	for _, l := range tickLabels {
		tickW = math.Max(tickW, c.measure(l, small))
	}
	tickW = math.Min(tickW, c.w*0.3)
	rtickW := 0.0
	for _, t := range rtk {
		rtickW = math.Max(rtickW, c.measure(st.format(t)+cb.lineUnit, small))
	}
	x0, x1 := 8+tickW+8, c.w-12
	if rtickW > 0 {
		x1 = c.w - 8 - rtickW - 8
	}
	// A line on the bars' axis (the value chart's net value) is named at its end, right of
	// the plot, with its last value: inside the plot its name and value would stand on
	// the bars. The name wraps to up to three lines; where the plot would become too
	// narrow, the name stands inside the plot as before.
	var end []string
	endW := 0.0
	ef := tstyle{size: 10.5, bold: true}
	if cb.line != nil && !cb.lineRight && n <= 12 {
		last := -1
		for i := 0; i < n; i++ {
			if finite(at(cb.line.values, i)) {
				last = i
			}
		}
		if last >= 0 {
			val := leftFormat(at(cb.line.values, last)) + cb.lineUnit
			room := math.Min(120, c.w*0.2)
			if lines, cut := c.wrapCut(cb.line.label, ef, room, 3); !cut && c.measure(val, ef) <= room {
				// As narrow as the same number of lines allows: no word alone on a line.
				for wd := room - 4; wd > 30; wd -= 4 {
					l, cut := c.wrapCut(cb.line.label, ef, wd, 3)
					if cut || len(l) > len(lines) {
						break
					}
					lines = l
				}
				end = append(lines, val)
				for _, l := range end {
					endW = math.Max(endW, c.measure(l, ef))
				}
				if x1-endW-10-x0 < 40*float64(n) {
					end, endW = nil, 0
				} else {
					x1 -= endW + 10
				}
			}
		}
	}
	y0, y1 := 14.0, c.h-legendH-30
	if cb.mark != nil {
		y0 = 22 // the marker's label stands above the plot
	}
	if unit != "" {
		y0 += 10 // the axis' unit stands above its ticks
	}
	if x1-x0 < 40 || y1-y0 < 30 {
		return
	}
	Y := func(v float64) float64 { return y1 - (y1-y0)*(clamp(v, lo, hi)-lo)/(hi-lo) }
	RY := func(v float64) float64 { return y1 - (y1-y0)*clamp(v, 0, rhi)/rhi }

	for i, t := range tk {
		c.line(x0, Y(t), x1, Y(t), st.grid, 1)
		c.textMid(c.fit(tickLabels[i], small, tickW), x0-8, Y(t), small, right)
	}
	c.text(c.fit(unit, small, tickW), x0-8, y0-10, small, right)
	for _, t := range rtk {
		c.line(x1, RY(t), x1+4, RY(t), st.axis, 1)
		c.textMid(st.format(t)+cb.lineUnit, x1+8, RY(t), small, left)
	}

	gw := (x1 - x0) / float64(n)
	nb := float64(len(cb.bars))
	var taken []box // the line and its value labels, which the line's name keeps clear of
	var bars []box  // which the line's values and name keep clear of where they can
	bw := math.Min(gw*0.72/math.Max(nb, 1), 46)
	gx := func(i int) float64 { return x0 + gw*(float64(i)+0.5) }
	for i := 0; i < n; i++ {
		for k, b := range cb.bars {
			v := at(b.values, i)
			if !finite(v) {
				continue
			}
			bx := gx(i) - bw*nb/2 + bw*float64(k)
			top, bot := Y(math.Max(v, 0)), Y(math.Min(v, 0))
			if bot-top < 0.8 && v != 0 {
				top = bot - 0.8 // a tiny value stays visible
			}
			c.rect(bx+0.5, top, bw-1, bot-top, b.col, drawing0, 0)
			bars = append(bars, box{bx + 0.5, top, bx + bw - 0.5, bot})
		}
	}
	c.line(x0, Y(0), x1, Y(0), st.axis, 1)

	// Category labels, thinned out where they would collide.
	lw := 0.0
	for _, s := range cb.cats {
		lw = math.Max(lw, c.measure(s, small))
	}
	every := 1
	if lw+8 > gw {
		every = int(math.Ceil((math.Min(lw, 90) + 8) / gw))
	}
	for i, s := range cb.cats {
		if i%every == 0 {
			c.text(c.fit(s, small, gw*float64(every)-6), gx(i), y1+16, small, center)
		}
	}

	if cb.mark != nil {
		cb.drawMark(c, x0, x1, y0, y1, Y(0), gw)
	}
	if cb.line == nil {
		return
	}
	ly, lineFormat := Y, leftFormat
	if cb.lineRight {
		ly, lineFormat = RY, st.format
	}
	var run []pt
	var dots []pt
	var vals []float64
	for i := 0; i <= n; i++ {
		v := at(cb.line.values, i)
		if i == n || !finite(v) {
			c.polyline(run, cb.line.col, 2)
			run = run[:0]
			continue
		}
		p := pt{gx(i), ly(v)}
		run = append(run, p)
		dots = append(dots, p)
		vals = append(vals, v)
	}
	vf := tstyle{size: 10.5, bold: true, col: cb.line.col}
	plot := box{x0, y0, x1, y1}
	for k, p := range dots {
		c.circle(p.x, p.y, 3.5, cb.line.col, white, 1.2)
		if n > 12 || (end != nil && k == len(dots)-1) {
			continue // the last value stands with the name at the line's end
		}
		s := c.fit(lineFormat(vals[k])+cb.lineUnit, vf, gw*1.5)
		w, h := c.measure(s, vf), vf.size*1.25
		// Above the point, else beside it above or below, where no bar is; else above,
		// on its halo.
		cands := []box{
			{p.x - w/2 - 2, p.y - 8 - h, p.x + w/2 + 2, p.y - 8},
			{p.x + 3, p.y - 6 - h, p.x + w + 7, p.y - 6},
			{p.x - w - 7, p.y - 6 - h, p.x - 3, p.y - 6},
			{p.x - w/2 - 2, p.y + 8, p.x + w/2 + 2, p.y + 8 + h},
			{p.x + 3, p.y + 6, p.x + w + 7, p.y + 6 + h},
			{p.x - w - 7, p.y + 6, p.x - 3, p.y + 6 + h},
		}
		at := cands[0]
		if at.y0 < y0 {
			at = cands[3]
		}
		for _, b := range cands {
			if b.inside(plot) && !overlapsAny(b, bars) && !overlapsAny(b, taken) {
				at = b
				break
			}
		}
		c.haloText(s, (at.x0+at.x1)/2, at.y1-h/2+vf.size*0.35, vf, center)
		taken = append(taken, at)
	}
	if end != nil {
		// At the last point's height, clear of the plot; in the line's colour.
		p := dots[len(dots)-1]
		lh := ef.size * 1.25
		ef.col = c.st.readable(cb.line.col)
		top := clamp(p.y-lh*float64(len(end))/2, 2, c.h-legendH-lh*float64(len(end))-2)
		for j, l := range end {
			c.textMid(l, x1+10, top+lh*(float64(j)+0.5), ef, left)
		}
		return
	}
	cb.labelLine(c, dots, plot, taken)
}

// labelLine names the line beside its last point, in its colour and on a halo over the
// bars, where the name fits inside the plot clear of the line and its value labels; else
// the legend alone names it.
func (cb combo) labelLine(c *canvas, dots []pt, plot box, taken []box) {
	if len(dots) == 0 {
		return
	}
	for k := 1; k < len(dots); k++ {
		a, b := dots[k-1], dots[k]
		steps := int(math.Min(200, math.Hypot(b.x-a.x, b.y-a.y)/4))
		for j := 0; j <= steps; j++ {
			t := float64(j) / float64(max(steps, 1))
			x, y := a.x+(b.x-a.x)*t, a.y+(b.y-a.y)*t
			taken = append(taken, box{x - 2, y - 2, x + 2, y + 2})
		}
	}
	f := tstyle{size: 10.5, bold: true, col: c.st.readable(cb.line.col)}
	name := strings.TrimSpace(clean(cb.line.label))
	if name == "" || c.measure(name, f) > (plot.x1-plot.x0)*0.5 {
		return
	}
	p := dots[len(dots)-1]
	w, h := c.measure(name, f), f.size*1.25
	for _, b := range []box{
		{p.x + 8, p.y - h/2, p.x + 8 + w, p.y + h/2},   // right
		{p.x - 8 - w, p.y - h - 14, p.x - 8, p.y - 14}, // above left, over the value
		{p.x - w/2, p.y - h - 18, p.x + w/2, p.y - 18}, // above, over the value
		{p.x - 8 - w, p.y + 6, p.x - 8, p.y + 6 + h},   // below left
		{p.x - w - 6, p.y - h/2, p.x - 6, p.y + h/2},   // left
	} {
		if b.inside(plot) && !overlapsAny(b, taken) {
			c.haloText(name, b.x0, b.y0+h/2+f.size*0.35, f, left)
			return
		}
	}
}

func (h History) draw(c *canvas) {
	st := c.st
	cb := combo{cats: h.Years, lineRight: true, lineUnit: h.Unit, money: true, bars: []comboSeries{
		{h.RevenueLabel, st.primary, h.Revenue},
		{h.MarginLabel, mix(st.primary, white, 0.5), h.Margin},
	}}
	if h.Share != nil {
		cb.line = &comboSeries{h.ShareLabel, st.accent, h.Share}
	}
	cb.draw(c)
}

func (v ValueChart) draw(c *canvas) {
	st := c.st
	net := make([]float64, len(v.Years))
	for i := range net {
		net[i] = at(v.Benefit, i) - at(v.Cost, i)
		if !finite(at(v.Benefit, i)) {
			net[i] = -at(v.Cost, i) // no benefit given: the net is the cost
		}
		if !finite(at(v.Cost, i)) {
			net[i] = at(v.Benefit, i)
		}
	}
	cb := combo{cats: v.Years, money: true, bars: []comboSeries{
		{v.BenefitLabel, st.primary, v.Benefit},
		{v.CostLabel, mix(st.accent, white, 0.35), v.Cost},
	}, line: &comboSeries{v.NetLabel, mix(st.primary, st.ink, 0.5), net}}
	if at, ok := v.payback(net); ok && v.PaybackLabel != "" {
		cb.mark = &comboMark{at: at, label: v.PaybackLabel}
	}
	cb.draw(c)
}

// payback is where the net value reaches zero as a fractional index of Years (0: the end
// of the first year): PaybackYears when given, else where the net line crosses zero.
// False when it does not fall within the years shown.
func (v ValueChart) payback(net []float64) (float64, bool) {
	n := len(v.Years)
	if y := v.PaybackYears; y > 0 && finite(y) {
		return y - 1, y <= float64(n)
	}
	for i := 1; i < n; i++ {
		a, b := net[i-1], net[i]
		if finite(a) && finite(b) && a < 0 && b >= 0 {
			return float64(i-1) + a/(a-b), true
		}
	}
	return 0, false
}

// drawMark draws the marker as a dashed vertical line through the plot with a diamond
// where it meets the zero line (the point at which the net value reaches zero) and its
// label above the plot, where no bar or value label reaches, on the side with more room.
func (cb combo) drawMark(c *canvas, x0, x1, y0, y1, zero, gw float64) {
	st := c.st
	x := clamp(x0+gw*(cb.mark.at+0.5), x0+1, x1-1)
	col := st.ink
	c.line(x, y0-4, x, y1, col, 1.2, 4, 3)
	c.marker(2, x, zero, 4.5, col)
	f := tstyle{size: 10.5, bold: true, col: col}
	anc, lx := left, x+4
	if x-x0 > x1-x {
		anc, lx = right, x-4
	}
	room := math.Max(20, map[bool]float64{true: x1 - x - 6, false: x - x0 - 6}[anc == left])
	c.text(c.fit(cb.mark.label, f, room), lx, y0-6, f, anc)
}
