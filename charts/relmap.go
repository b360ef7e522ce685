package charts

import (
	"math"
	"sort"
	"strconv"
	"strings"
)

func (m RelationshipMap) draw(c *canvas) {
	nx, ny := len(m.AttitudeLabels), len(m.InfluenceLabels)
	if nx == 0 || ny == 0 {
		return
	}
	st := c.st
	small := tstyle{size: 11, col: st.muted}
	label := tstyle{size: 11.5, col: st.ink}
	title := tstyle{size: 12, col: st.ink}

	var items []legendItem
	for i, l := range m.RelationshipLabels {
		if i > 4 {
			break
		}
		items = append(items, legendItem{l, st.primary, "rel" + strconv.Itoa(i)})
	}
	legendH := c.legend(items, small)

	rowW := 0.0
	for _, l := range m.InfluenceLabels {
		rowW = math.Max(rowW, c.measure(l, label))
	}
	rowW = clamp(rowW, 20, c.w*0.2)
	x0 := 8 + rowW + 10
	if m.YTitle != "" {
		x0 += 20
	}
	x1, y0 := c.w-8, 8.0
	y1 := c.h - legendH - 2*label.size*1.25 - 14
	if m.XTitle != "" {
		y1 -= 20
	}
	if x1-x0 < 40 || y1-y0 < 30 {
		return
	}
	cw, ch := (x1-x0)/float64(nx), (y1-y0)/float64(ny)

	// Cells: the attitude scale as a colour strip under the grid, from accent (against us)
	// to primary (for us); the cell with high influence on our side in the strongest tint.
	for i := 0; i < nx; i++ {
		t := 0.0
		if nx > 1 {
			t = float64(i) / float64(nx-1)
		}
		col := mix(st.accent, st.primary, t)
		for j := 0; j < ny; j++ {
			shade := 0.965
			if (i+j)%2 == 1 {
				shade = 0.94
			}
			c.rect(x0+cw*float64(i)+1, y0+ch*float64(j)+1, cw-2, ch-2, mix(col, white, shade), drawing0, 0)
		}
		c.rect(x0+cw*float64(i)+1, y1+2, cw-2, 4, col, drawing0, 0)
		lines := c.wrap(m.AttitudeLabels[i], label, cw-6, 2)
		for k, l := range lines {
			c.text(l, x0+cw*(float64(i)+0.5), y1+8+label.size*1.25*float64(k+1), label, center)
		}
	}
	for j := 0; j < ny; j++ {
		// Row 0 is the lowest influence, drawn at the bottom.
		yc := y0 + ch*(float64(ny-1-j)+0.5)
		c.textMid(c.fit(m.InfluenceLabels[j], label, rowW), x0-10, yc, label, right)
	}
	if m.XTitle != "" {
		c.text(c.fit(m.XTitle, title, x1-x0), (x0+x1)/2, y1+8+label.size*2.5+20, title, center)
	}
	if m.YTitle != "" {
		c.textUp(c.fit(m.YTitle, title, y1-y0), 8+title.size, (y0+y1)/2, title)
	}

	// Group the contacts by cell, strongest relationship first.
	cells := make([][]Contact, nx*ny)
	for _, p := range m.Contacts {
		i := int(clamp(float64(p.Attitude), 0, float64(nx-1)))
		j := int(clamp(float64(p.Influence), 0, float64(ny-1)))
		p.Relationship = int(clamp(float64(p.Relationship), 0, 4))
		cells[j*nx+i] = append(cells[j*nx+i], p)
	}
	for k, list := range cells {
		sort.SliceStable(list, func(a, b int) bool {
			if list[a].Highlight != list[b].Highlight {
				return list[a].Highlight
			}
			return list[a].Relationship > list[b].Relationship
		})
		i, j := k%nx, k/nx
		m.drawCell(c, list, box{x0 + cw*float64(i) + 4, y0 + ch*float64(ny-1-j) + 4,
			x0 + cw*float64(i+1) - 4, y0 + ch*float64(ny-j) - 4})
	}
}

// drawCell places a cell's contacts in a grid of slots: with names while they fit, as
// marks only when there are many, and with a "+N" for what even marks cannot hold.
func (m RelationshipMap) drawCell(c *canvas, list []Contact, b box) {
	if len(list) == 0 {
		return
	}
	st := c.st
	name := tstyle{size: 10.5, col: st.ink}
	w, h := b.x1-b.x0, b.y1-b.y0
	if !(w >= 1 && h >= 1) {
		return // a chart too small for its labels leaves no room (its data table lists them)
	}
	const rmax = 8.0
	// Named slots: a mark with the name to its right, or, where a cell is narrow, the name
	// centred under its mark. The first layout that shows every name in full wins: most
	// columns first, fewer lines before fewer columns, beside the mark before under it,
	// the names' size before a smaller one. Where none does, a name too long for either
	// starts beside its mark and runs on under it, over the slot's whole width (a cell a
	// fifth of a slide wide holds "Martin" / "Zimmermann" so); where even that fails, marks
	// only, as for a crowded cell (a shortened name looks broken; the document's table
	// names every contact). Names are wrapped between words and after a compound's
	// hyphen, never hyphenated.
	fontOf := func(p Contact, size float64) tstyle {
		f := name
		f.size, f.bold, f.name = size, p.Highlight, true
		return f
	}
	type slots struct {
		cols, lines        int
		under              bool
		size, slotH, textW float64
	}
	var layouts []slots
	for _, size := range []float64{name.size, name.size - 1} {
		lh := size * 1.2
		for _, under := range []bool{false, true} {
			for cols := int(math.Max(1, math.Floor(w/110))); cols >= 1; cols-- {
				for lines := 1; lines <= 4; lines++ {
					l := slots{cols, lines, under, size, math.Max(2*rmax+4, float64(lines)*lh+4), w/float64(cols) - 2*rmax - 6}
					if under {
						l.slotH, l.textW = 2*rmax+3+float64(lines)*lh+2, w/float64(cols)-4
					}
					layouts = append(layouts, l)
				}
			}
		}
	}
	var pick *slots
	for k := range layouts {
		l := &layouts[k]
		if float64(len(list)) > float64(l.cols)*math.Floor(h/l.slotH) || l.textW < 10 {
			continue
		}
		full := true
		for _, p := range list {
			full = full && c.fits(p.Name, fontOf(p, l.size), l.textW, l.lines)
		}
		if full {
			pick = l
			break
		}
	}
	if pick == nil && m.drawHanging(c, list, b, rmax, fontOf) {
		return
	}
	if pick != nil {
		sw, lh := w/float64(pick.cols), pick.size*1.2
		for k, p := range list {
			col, row := float64(k%pick.cols), float64(k/pick.cols)
			f := fontOf(p, pick.size)
			l := c.wrap(p.Name, f, pick.textW, pick.lines)
			if pick.under {
				x, y := b.x0+sw*(col+0.5), b.y0+pick.slotH*row+rmax+1
				m.mark(c, x, y, rmax, p)
				for j, t := range l {
					c.textMid(t, x, y+rmax+2+lh*(float64(j)+0.5), f, center)
				}
				continue
			}
			x, y := b.x0+sw*col+rmax+1, b.y0+pick.slotH*(row+0.5)
			m.mark(c, x, y, rmax, p)
			for j, t := range l {
				c.textMid(t, x+rmax+4, y+lh*(float64(j)-float64(len(l)-1)/2), f, left)
			}
		}
		return
	}
	// Marks only, on the largest square slot that holds them all (at least 5 px).
	s := math.Sqrt(w * h / float64(len(list)))
	for s > 5 && math.Floor(w/s)*math.Floor(h/s) < float64(len(list)) {
		s *= 0.95
	}
	s = math.Max(s, 5)
	cols, rows := math.Max(1, math.Floor(w/s)), math.Max(1, math.Floor(h/s))
	capacity := int(cols * rows)
	shown := len(list)
	if shown > capacity {
		shown = capacity - 1 // the last slot says how many more there are
	}
	r := math.Min(rmax, s*0.42)
	for k := 0; k < shown; k++ {
		col, row := float64(k%int(cols)), float64(k/int(cols))
		m.mark(c, b.x0+s*(col+0.5), b.y0+s*(row+0.5), r, list[k])
	}
	if shown < len(list) {
		more := tstyle{size: 10.5, bold: true, col: st.ink}
		txt := "+" + strconv.Itoa(len(list)-shown)
		c.haloText(txt, b.x1-2, b.y1-3, more, right)
	}
}

// mark draws one contact: size and fill grow with the relationship, so that a weak
// relationship reads as an empty ring even without colour.
func (m RelationshipMap) mark(c *canvas, x, y, rmax float64, p Contact) {
	st := c.st
	rel := p.Relationship
	r := rmax * (0.55 + 0.1125*float64(rel))
	fill := mix(st.primary, white, []float64{1, 0.7, 0.5, 0.25, 0}[rel])
	stroke := st.primary
	if p.Highlight {
		stroke = st.accent
	}
	c.circle(x, y, r, fill, stroke, math.Min(1.5, r*0.25))
}

// drawHanging draws the cell's contacts in slots where a name that fits beside its mark
// stands there, and a longer one starts beside the mark and runs on under it, over the
// slot's width and into the cell's margin; rows as high as their highest slot. It draws
// nothing and reports false where no such layout shows every name in full.
func (m RelationshipMap) drawHanging(c *canvas, list []Contact, b box, rmax float64, fontOf func(Contact, float64) tstyle) bool {
	w, h := b.x1-b.x0, b.y1-b.y0
	type slot struct {
		first string   // beside the mark
		rest  []string // under it, or beside it too where first is empty and hang false
		hang  bool
		h     float64
	}
	for _, size := range []float64{10.5, 9.5, minText} {
		lh := size * 1.2
		for cols := int(math.Max(1, math.Floor(w/110))); cols >= 1; cols-- {
			sw := w / float64(cols)
			// The text's room beside a mark, and over a slot's width: the outer slots
			// reach 2 px into the cell's margin, inner ones keep 4 px apart.
			besideW := sw - 2*rmax - 6
			fullW := func(col int) (x0, x1 float64) {
				x0, x1 = b.x0+sw*float64(col), b.x0+sw*float64(col+1)-4
				if col == 0 {
					x0 -= 2
				}
				if col == cols-1 {
					x1 += 6
				}
				return x0, x1
			}
		lines:
			for maxLines := 2; maxLines <= 4; maxLines++ {
				s := make([]slot, len(list))
				for k, p := range list {
					// Beside the mark or hanging under it, whichever is lower.
					f := fontOf(p, size)
					ok := false
					if l, cut := c.wrapCut(p.Name, f, besideW, maxLines); !cut && besideW >= 10 {
						s[k], ok = slot{rest: l, h: math.Max(2*rmax+4, float64(len(l))*lh+4)}, true
					}
					fx0, fx1 := fullW(k % cols)
					first, rest := c.hangFirst(p.Name, f, besideW)
					// The mark, then the lines under it, and a pixel apart from the next slot.
					if l, cut := c.wrapCut(rest, f, fx1-fx0, maxLines-1); !cut && len(l) > 0 {
						if hh := 2*rmax + 2 + lh*float64(len(l)) + 1; !ok || hh < s[k].h {
							s[k], ok = slot{first, l, true, hh}, true
						}
					}
					if !ok {
						continue lines
					}
				}
				// Rows as high as their highest slot; all of them in the cell.
				var rowH []float64
				total := 0.0
				for k := 0; k < len(s); k += cols {
					rh := 0.0
					for j := k; j < k+cols && j < len(s); j++ {
						rh = math.Max(rh, s[j].h)
					}
					rowH = append(rowH, rh)
					total += rh
				}
				// The cell's margin may give 2 px above and below.
				if total > h+4 {
					continue
				}
				y0 := b.y0 - clamp((total-h)/2, 0, 2)
				for r, rh := range rowH {
					for j := r * cols; j < (r+1)*cols && j < len(s); j++ {
						p, sl, col := list[j], s[j], j%cols
						f := fontOf(p, size)
						x := b.x0 + sw*float64(col) + rmax + 1
						if !sl.hang {
							y := y0 + sl.h/2
							m.mark(c, x, y, rmax, p)
							for i, t := range sl.rest {
								c.textMid(t, x+rmax+4, y+lh*(float64(i)-float64(len(sl.rest)-1)/2), f, left)
							}
							continue
						}
						y := y0 + rmax + 1
						m.mark(c, x, y, rmax, p)
						c.textMid(sl.first, x+rmax+4, y, f, left)
						fx0, _ := fullW(col)
						for i, t := range sl.rest {
							c.textMid(t, fx0, y+rmax+1+size*0.45+lh*float64(i), f, left)
						}
					}
					y0 += rh
				}
				return true
			}
		}
	}
	return false
}

// hangFirst splits a name into the words that fit beside a mark, w pixels, (with the
// first part of a compound, "Zimmermann-", where it fits too) and the rest.
func (c *canvas) hangFirst(s string, f tstyle, w float64) (first, rest string) {
	words := strings.Fields(clean(s))
	k := 0
	for k < len(words) && c.measure(strings.Join(words[:k+1], " "), f) <= w {
		k++
	}
	first, rest = strings.Join(words[:k], " "), strings.Join(words[k:], " ")
	if k < len(words) {
		word := words[k]
		for i := strings.LastIndexByte(word, '-'); i > 0; i = strings.LastIndexByte(word[:i], '-') {
			if t := strings.TrimSpace(first + " " + word[:i+1]); i < len(word)-1 && c.measure(t, f) <= w {
				first, rest = t, strings.TrimSpace(word[i+1:]+" "+strings.Join(words[k+1:], " "))
				break
			}
		}
	}
	return first, rest
}
