package charts

import "math"

// Waterfall is a bridge from one total to another (the revenue bridge, Umsatzbrücke, of
// spec A5): total bars stand on the axis, steps float from the running total to where
// they lead, and the step marked as the gap (what is still to be found) is drawn in the
// accent colour with a dashed outline.
type Waterfall struct {
	Meta
	Steps []WaterfallStep
	// Unit names the money axis, e.g. "EUR"; drawn above the axis.
	Unit string
}

// WaterfallStep is one bar of a waterfall.
type WaterfallStep struct {
	Label string
	Value float64 // a total's level, or a step's change (negative: down)
	Total bool    // a bar from the axis to Value; the running total becomes Value
	Gap   bool    // the step is the gap: marked
}

// Empty reports that no bar has a value.
func (w Waterfall) Empty() bool {
	for _, s := range w.Steps {
		if finite(s.Value) {
			return false
		}
	}
	return true
}

// levels returns each bar's bottom and top and the lowest and highest level reached.
func (w Waterfall) levels() (bars [][2]float64, lo, hi float64) {
	run := 0.0
	lo, hi = math.Inf(1), math.Inf(-1)
	for _, s := range w.Steps {
		v := s.Value
		if !finite(v) {
			bars = append(bars, [2]float64{math.NaN(), math.NaN()})
			continue
		}
		var b [2]float64
		if s.Total {
			b = [2]float64{0, v}
			run = v
		} else {
			b = [2]float64{run, run + v}
			run += v
		}
		bars = append(bars, b)
		lo = math.Min(lo, math.Min(b[0], b[1]))
		hi = math.Max(hi, math.Max(b[0], b[1]))
	}
	return bars, lo, hi
}

func (w Waterfall) draw(c *canvas) {
	n := len(w.Steps)
	if n == 0 || w.Empty() {
		return
	}
	st := c.st
	small := tstyle{size: 11, col: st.muted}
	bars, lo, hi := w.levels()
	// The totals stand on zero; where the steps are small beside them (a bridge of
	// 2.05 M to 2.4 M), the axis starts at a round value below the lowest step, so the
	// steps can be seen, and the cut total bars say so with a break mark.
	lowestStep := math.Inf(1)
	for i, s := range w.Steps {
		if !s.Total && finite(bars[i][0]) {
			lowestStep = math.Min(lowestStep, math.Min(bars[i][0], bars[i][1]))
		}
	}
	axisLo := math.Min(lo, 0)
	if finite(lowestStep) && lo >= 0 {
		span := hi - lowestStep
		if cut := lowestStep - span*1.5; cut > hi*0.25 {
			axisLo = cut
		}
	}
	tk := ticks(axisLo, hi, 5)
	if axisLo > 0 && tk[0] < 0 {
		tk[0] = 0
	}
	lo, hi = tk[0], tk[len(tk)-1]
	cut := lo > 0

	tickW := 0.0
	for _, t := range tk {
		tickW = math.Max(tickW, c.measure(st.format(t), small))
	}
	tickW = math.Min(tickW, c.w*0.3)
	x0, x1 := 8+tickW+8, c.w-12
	// The bars' names take up to three lines under the axis: room for as many as the
	// longest needs, at least two.
	gw := (x1 - x0) / float64(n)
	lines := 2
	for _, s := range w.Steps {
		f := small
		f.bold = s.Gap || s.Total
		lines = max(lines, len(c.wrap(s.Label, f, gw-4, 3)))
	}
	y0, y1 := 30.0, c.h-20-13*float64(lines)
	if x1-x0 < 40 || y1-y0 < 30 {
		return
	}
	Y := func(v float64) float64 { return y1 - (y1-y0)*(clamp(v, lo, hi)-lo)/(hi-lo) }
	for _, t := range tk {
		c.line(x0, Y(t), x1, Y(t), st.grid, 1)
		c.textMid(c.fit(st.format(t), small, tickW), x0-8, Y(t), small, right)
	}
	c.text(c.fit(w.Unit, small, c.w/2), x0-8, 16, small, left)

	bw := math.Min(gw*0.62, 70)
	gx := func(i int) float64 { return x0 + gw*(float64(i)+0.5) }
	vf := tstyle{size: 10.5, bold: true, col: st.ink}
	prevTop := math.NaN()
	for i, s := range w.Steps {
		b := bars[i]
		if !finite(b[0]) {
			continue
		}
		top, bot := Y(math.Max(b[0], b[1])), Y(math.Min(b[0], b[1]))
		if bot-top < 0.8 {
			top = bot - 0.8 // a step of nothing stays a line
		}
		x := gx(i) - bw/2
		col := mix(st.primary, white, 0.45)
		switch {
		case s.Total:
			col = st.primary
		case s.Gap:
			col = mix(st.accent, white, 0.55)
		case s.Value < 0:
			col = mix(st.ink, white, 0.55)
		}
		c.rect(x, top, bw, bot-top, col, drawing0, 0)
		if s.Gap {
			dash := []float64{4, 3}
			c.line(x, top, x+bw, top, st.accent, 1.5, dash...)
			c.line(x, bot, x+bw, bot, st.accent, 1.5, dash...)
			c.line(x, top, x, bot, st.accent, 1.5, dash...)
			c.line(x+bw, top, x+bw, bot, st.accent, 1.5, dash...)
		}
		if s.Total && cut {
			// The break mark: the bar does not start at zero.
			c.rect(x-1, y1-9, bw+2, 5, white, drawing0, 0)
			c.line(x-2, y1-4, x+bw+2, y1-8, st.ink, 1)
			c.line(x-2, y1-9, x+bw+2, y1-13, st.ink, 1)
		}
		// Connector from the level the previous bar ended at.
		if finite(prevTop) {
			level := b[0]
			if s.Total {
				level = b[1]
			}
			c.line(gx(i-1)+bw/2, Y(level), x, Y(level), st.axis, 1, 2, 2)
		}
		prevTop = b[1]
		label := st.format(s.Value)
		if !s.Total && s.Value > 0 {
			label = "+" + label
		}
		lf := vf
		if s.Gap {
			lf.col = st.accent
		}
		c.haloText(c.fit(label, lf, gw-2), gx(i), top-5, lf, center)
		cf := small
		if s.Gap || s.Total {
			cf.bold = true
		}
		if s.Gap {
			cf.col = st.accent
		}
		for k, l := range c.wrap(s.Label, cf, gw-4, 3) {
			c.text(l, gx(i), y1+16+float64(k)*13, cf, center)
		}
	}
	c.line(x0, y1, x1, y1, st.axis, 1)
}
