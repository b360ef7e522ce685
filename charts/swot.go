package charts

import (
	"math"
	"strconv"
	"strings"
)

// draw lays out the four lists in a 2 × 2 grid; what does not fit is counted ("+3") rather
// than cut off silently: the document lists every item as text as well.
func (s SWOTGrid) draw(c *canvas) {
	st := c.st
	const gap, pad = 8.0, 12.0
	cw, ch := (c.w-gap)/2, (c.h-gap)/2
	if cw < 40 || ch < 40 {
		return
	}
	title := tstyle{size: 13, bold: true}
	item := tstyle{size: 11.5, col: st.ink}
	more := tstyle{size: 11, bold: true, col: st.muted}
	lh := item.size * 1.35
	for i := 0; i < 4; i++ {
		x, y := float64(i%2)*(cw+gap), float64(i/2)*(ch+gap)
		col := st.primary
		if i == Weaknesses || i == Threats {
			col = st.accent
		}
		c.rect(x, y, cw, ch, mix(col, white, 0.93), drawing0, 0)
		c.rect(x, y, cw, 3, col, drawing0, 0)
		title.col = col
		c.text(c.fit(s.Titles[i], title, cw-2*pad), x+pad, y+pad+title.size, title, left)

		var lines [][]string
		for _, it := range s.Items[i] {
			if l := c.wrap(it, item, cw-2*pad-14, 3); len(l) > 0 {
				lines = append(lines, l)
			}
		}
		yy := y + pad + title.size + 12
		bottom := y + ch - pad
		for k, l := range lines {
			need := lh * float64(len(l))
			rest := len(lines) - k
			if yy+need > bottom || (rest > 1 && yy+need+lh > bottom) {
				label := "+" + strconv.Itoa(rest)
				c.text(label, x+pad+14, math.Min(yy, bottom-2)+item.size, more, left)
				break
			}
			c.circle(x+pad+4, yy+item.size*0.62, 2.2, col, drawing0, 0)
			for j, line := range l {
				c.text(strings.TrimSpace(line), x+pad+14, yy+item.size+lh*float64(j), item, left)
			}
			yy += need + 4
		}
	}
}
