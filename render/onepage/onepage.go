// Package onepage writes the account on one page (kep render -f onepage): A4 landscape
// (Letter with paper = "letter"), always exactly one page, a grid of boxes that each
// choose and shorten their items by fixed rules a manager can predict (most influential
// contacts first, overdue actions first, "+3 more" where a box cuts). The page is first
// laid out as boxes of lines (Page), which tests check for geometry, then drawn.
package onepage

import (
	"cmp"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/kepdev/kep/plan"
	"github.com/kepdev/kep/plan/check"
	"github.com/kepdev/kep/plan/figures"
	"github.com/kepdev/kep/render"
	"github.com/kepdev/kep/render/edition"
	"github.com/kepdev/kep/render/pdfdoc"
)

// Options control the one-pager.
type Options struct {
	PDF pdfdoc.Options
	// Customer makes the customer edition's page: p, f and doc must then be the customer
	// plan, its figures and the customer document (edition.Customer).
	Customer bool
}

// Page is the laid-out page: its size and boxes, in millimetres.
type Page struct {
	W, H  float64
	Boxes []*Box
	// Header holds the lines above the boxes (title, period, as-of date).
	Header []Line
}

// Box is one field of the grid.
type Box struct {
	Title      string
	X, Y, W, H float64
	Lines      []Line
	// Chart is drawn into ChartX … (ChartW × ChartH) when not nil.
	Chart                          *render.Chart
	ChartX, ChartY, ChartW, ChartH float64
	// Shown and More count the items set and the items cut ("+N more").
	Shown, More int
}

// Line is one line of text as drawn: X is its left edge, Base its baseline, W its width.
type Line struct {
	X, Base, W float64
	Text       string
	Style      pdfdoc.Style
	Size       float64
	Color      string
	Light      render.Light // drawn left of X
	// Inline lines stand on the baseline of the line before (a right-aligned amount).
	Inline bool
	// Tag starts a structure element of the tagged PDF (H1, H2, P) that this line and the
	// lines after it without a Tag belong to.
	Tag string
}

// item is one entry of a box: a bold lead line and a regular text of up to two lines.
type item struct {
	lead, text string
	light      render.Light
	color      string // of text; "" ink
	right      string // an amount set flush right on the first line
}

const (
	margin    = 12.0
	gutter    = 5.0
	titleSize = 10.0
	bodySize  = 8.0
	lead      = 3.75 // line height of body text, mm
	pad       = 3.0
	ink       = "#22262b"
	muted     = "#5f666d"
)

// Write lays out and writes the one-pager of plan p with its figures f; doc is the
// plan's document (render.Build, or edition.Customer for the customer edition), whose
// charts, words, formats and brand it shares.
func Write(w io.Writer, p *plan.Plan, f *figures.Figures, doc *render.Document, opt Options) (pdfdoc.Result, *Page, error) {
	if p == nil || doc == nil {
		return pdfdoc.Result{}, nil, fmt.Errorf("onepage: no plan")
	}
	if f == nil {
		f = check.Compute(p, doc.Now)
	}
	pw, ph := 297.0, 210.0
	if doc.Paper == "letter" {
		pw, ph = 279.4, 215.9
	}
	W := edition.WordsFor(doc.Lang)
	c, err := pdfdoc.NewCanvas(doc, pw, ph, W.F("one.title", p.Meta.Account), opt.PDF)
	if err != nil {
		return pdfdoc.Result{}, nil, err
	}
	pg := layout(c, p, f, doc, opt)
	draw(c, pg, doc)
	var res pdfdoc.Result
	res, err = c.Finish(w)
	return res, pg, err
}

// layout places the header and the boxes and fills each box with as many items as fit.
func layout(c *pdfdoc.Canvas, p *plan.Plan, f *figures.Figures, doc *render.Document, opt Options) *Page {
	pw, ph := c.Size()
	pg := &Page{W: pw, H: ph}
	W := edition.WordsFor(doc.Lang)
	// Header: title left (beside the logo), the facts line under it.
	x0 := margin + 34
	title := c.Fit(c.Clean(W.F("one.title", p.Meta.Account)), pdfdoc.Bold, 16, pw-x0-margin)
	pg.Header = append(pg.Header, Line{X: x0, Base: margin + 6, W: c.Width(title, pdfdoc.Bold, 16), Text: title,
		Style: pdfdoc.Bold, Size: 16, Color: "primary", Tag: "H1"})
	facts := joinNonEmpty(" · ", doc.Period, versionText(doc), doc.Status, W.F("one.asof", doc.Date), doc.Confidentiality)
	facts = c.Fit(c.Clean(facts), pdfdoc.Regular, 9, pw-x0-margin)
	pg.Header = append(pg.Header, Line{X: x0, Base: margin + 12, W: c.Width(facts, pdfdoc.Regular, 9), Text: facts,
		Size: 9, Color: muted, Tag: "P"})

	var specs []boxSpec
	if opt.Customer {
		specs = customerBoxes(p, f, doc, W)
	} else {
		specs = internalBoxes(p, f, doc, W)
	}
	top := margin + 19.0
	bottom := ph - margin - 4 // the footer line below
	cols := 4
	rows := (len(specs) + cols - 1) / cols
	if rows == 0 {
		return pg
	}
	bw := (pw - 2*margin - float64(cols-1)*gutter) / float64(cols)
	heights := rowHeights(c, specs, cols, bw, bottom-top-float64(rows-1)*gutter, W)
	y := top
	for r := 0; r < rows; r++ {
		for col := 0; col < cols && r*cols+col < len(specs); col++ {
			s := specs[r*cols+col]
			b := &Box{Title: s.title, X: margin + float64(col)*(bw+gutter), Y: y, W: bw, H: heights[r]}
			fill(c, b, s, W)
			pg.Boxes = append(pg.Boxes, b)
		}
		y += heights[r] + gutter
	}
	return pg
}

// rowHeights shares the height avail between the rows by what their fullest box would
// need to show everything: a row of short lists gives room to a row of long ones, but
// no row gets less than a quarter (a third with two rows) of the page's share, so that the
// page keeps its grid whatever the plan holds.
func rowHeights(c *pdfdoc.Canvas, specs []boxSpec, cols int, bw, avail float64, W edition.Words) []float64 {
	rows := (len(specs) + cols - 1) / cols
	need := make([]float64, rows)
	total := 0.0
	for i, s := range specs {
		b := &Box{X: 0, Y: 0, W: bw, H: avail}
		fill(c, b, s, W)
		h := pad + 2
		for _, l := range b.Lines {
			h = max(h, l.Base+pad)
		}
		if b.Chart != nil {
			h = max(h, b.ChartY+b.ChartH+pad)
		}
		if b.More > 0 {
			h = avail // it would take all there is
		}
		need[i/cols] = max(need[i/cols], h)
	}
	for _, n := range need {
		total += n
	}
	out := make([]float64, rows)
	floor := avail / float64(rows) * 2 / 3
	spare := avail - floor*float64(rows)
	for r := range out {
		out[r] = floor
		if total > 0 {
			out[r] += spare * need[r] / total
		}
	}
	return out
}

func versionText(d *render.Document) string {
	if d.Version == "" {
		return ""
	}
	return d.Labels.T("cover.version") + " " + d.Version
}

// boxSpec is what a box shows before it is fitted.
type boxSpec struct {
	title string
	facts []item // lines above the chart, never cut
	chart *render.Chart
	items []item // the list, cut with "+N more"
	empty string // the line when there are no items and no chart
}

// fill sets the box's title, its facts, its chart and as many items as fit.
func fill(c *pdfdoc.Canvas, b *Box, s boxSpec, W edition.Words) {
	inner := b.W - 2*pad
	y := b.Y + pad + titleSize*0.3528 // baseline of the title
	// A long title is set smaller, down to 8 pt, before it is shortened.
	size, title := titleSize, c.Clean(s.title)
	for size > 8 && c.Width(title, pdfdoc.Bold, size) > inner {
		size -= 0.5
	}
	title = c.Fit(title, pdfdoc.Bold, size, inner)
	b.Lines = append(b.Lines, Line{X: b.X + pad, Base: y, W: c.Width(title, pdfdoc.Bold, size), Text: title,
		Style: pdfdoc.Bold, Size: size, Color: "primary", Tag: "H2"})
	y += 2.2
	bottom := b.Y + b.H - pad
	for _, it := range s.facts {
		ls := itemLines(c, it, b.X+pad, inner, 2)
		if y+float64(rows(ls))*lead > bottom {
			break
		}
		y = place(b, ls, y)
	}
	if s.chart != nil && s.chart.Model != nil && !s.chart.Model.Empty() {
		// The chart takes the room left but what one item needs, and keeps its
		// proportions within it.
		room := bottom - y - 1
		if len(s.items) > 0 {
			room -= 2 * lead
		}
		cw, ch := inner, inner*float64(max(s.chart.Height, 1))/float64(max(s.chart.Width, 1))
		// Where the box has room below, the chart grows taller than its proportions, by
		// up to a third: at a quarter page wide its plot is short, and a longer axis
		// keeps its title and its labels whole.
		ch = max(ch, min(room, ch*4/3))
		if ch > room {
			ch = room
			cw = min(inner, ch*float64(max(s.chart.Width, 1))/float64(max(s.chart.Height, 1)))
		}
		if ch > 15 {
			b.Chart, b.ChartX, b.ChartY, b.ChartW, b.ChartH = s.chart, b.X+pad+(inner-cw)/2, y+1, cw, ch
			y += ch + 2
		}
	}
	if len(s.items) == 0 && b.Chart == nil && len(s.facts) == 0 {
		ls := c.Wrap(c.Clean(s.empty), pdfdoc.Italic, bodySize, inner)
		if len(ls) > 3 {
			ls = ls[:3]
			ls[2] += " …"
		}
		for i, t := range ls {
			t = c.Fit(t, pdfdoc.Italic, bodySize, inner)
			y += lead
			l := Line{X: b.X + pad, Base: y, W: c.Width(t, pdfdoc.Italic, bodySize), Text: t,
				Style: pdfdoc.Italic, Size: bodySize, Color: muted}
			if i == 0 {
				l.Tag = "P"
			}
			b.Lines = append(b.Lines, l)
		}
		return
	}
	for i, it := range s.items {
		ls := itemLines(c, it, b.X+pad, inner, 2)
		need := float64(rows(ls))*lead + 0.8
		if i < len(s.items)-1 {
			need += lead // room for "+N more" under it
		}
		if y+need > bottom {
			b.More = len(s.items) - i
			break
		}
		y = place(b, ls, y) + 0.8
		b.Shown++
	}
	if b.More > 0 {
		t := c.Fit(c.Clean(W.F("one.more", b.More)), pdfdoc.Italic, bodySize, inner)
		y += lead
		b.Lines = append(b.Lines, Line{X: b.X + pad, Base: y, W: c.Width(t, pdfdoc.Italic, bodySize), Text: t,
			Style: pdfdoc.Italic, Size: bodySize, Color: muted, Tag: "P"})
	}
}

// place adds lines below y (the previous baseline) and returns the last baseline.
func place(b *Box, ls []Line, y float64) float64 {
	for i, l := range ls {
		if i == 0 {
			l.Tag = "P" // an item is one paragraph
		}
		if !l.Inline {
			y += lead
		}
		l.Base = y
		b.Lines = append(b.Lines, l)
	}
	return y
}

// rows counts the lines that take a row of their own.
func rows(ls []Line) int {
	n := 0
	for _, l := range ls {
		if !l.Inline {
			n++
		}
	}
	return n
}

// itemLines sets an item: its lead on one line (shortened with "…"), its text on up to
// maxText lines, the last shortened. A light is drawn left of the text.
func itemLines(c *pdfdoc.Canvas, it item, x, width float64, maxText int) []Line {
	var out []Line
	ind := 0.0
	if it.light != "" {
		ind = 3.6
	}
	avail := width - ind
	var right *Line
	if r := c.Clean(it.right); r != "" {
		rw := c.Width(r, pdfdoc.Bold, bodySize)
		right = &Line{X: x + width - rw, W: rw, Text: r, Style: pdfdoc.Bold, Size: bodySize, Color: ink, Inline: true}
		avail -= rw + 2
	}
	if s := c.Clean(it.lead); s != "" {
		ls := c.Wrap(s, pdfdoc.Bold, bodySize, avail)
		if len(ls) > 2 {
			ls = ls[:2]
			ls[1] += " …"
		}
		for i, l := range ls {
			l = c.Fit(l, pdfdoc.Bold, bodySize, avail)
			ln := Line{X: x + ind, W: c.Width(l, pdfdoc.Bold, bodySize), Text: l, Style: pdfdoc.Bold, Size: bodySize, Color: ink}
			if i == 0 {
				ln.Light = it.light
			}
			out = append(out, ln)
			if i == 0 && right != nil {
				out = append(out, *right)
				right = nil
			}
		}
		avail = width - ind
	}
	if s := c.Clean(it.text); s != "" {
		ls := c.Wrap(s, pdfdoc.Regular, bodySize, avail)
		if len(ls) > maxText {
			ls = ls[:maxText]
			ls[maxText-1] = c.Fit(ls[maxText-1]+" …", pdfdoc.Regular, bodySize, avail)
		}
		col := it.color
		if col == "" {
			col = muted
		}
		for i, l := range ls {
			l = c.Fit(l, pdfdoc.Regular, bodySize, avail) // a character wider than the line
			ln := Line{X: x + ind, W: c.Width(l, pdfdoc.Regular, bodySize), Text: l, Size: bodySize, Color: col}
			if i == 0 && len(out) == 0 {
				ln.Light = it.light
			}
			out = append(out, ln)
			if i == 0 && right != nil {
				out = append(out, *right)
				right = nil
			}
		}
	}
	return out
}

// draw paints the laid-out page, tagged: the header's heading and facts, each box a
// section with its heading and one paragraph per item, the chart a figure with its text
// alternative, fills and the footer as artifacts.
func draw(c *pdfdoc.Canvas, pg *Page, doc *render.Document) {
	c.AddPage()
	c.Artifact(func() {
		c.Rect(0, 0, pg.W, 4, doc.Primary)
		c.Logo(margin, margin, 30, 14)
		c.Bookmark(pg.Header[0].Text, 0, margin) // selects a font: no content of its own
	})
	drawLines(c, pg.Header, doc)
	for _, b := range pg.Boxes {
		c.Begin("Sect")
		c.Artifact(func() {
			c.Rect(b.X, b.Y, b.W, b.H, "#f4f6f8")
			c.Rect(b.X, b.Y, b.W, 1.2, doc.Primary)
		})
		drawLines(c, b.Lines, doc)
		if b.Chart != nil {
			// A chart that cannot be drawn leaves its box with the text; the document
			// itself reports chart errors.
			c.Figure(joinNonEmpty(" ", b.Chart.Title+".", b.Chart.Alt))
			_ = c.Chart(b.Chart.Model, b.ChartX, b.ChartY, b.ChartW, b.ChartH, 1)
			c.End()
		}
		c.End()
	}
	foot := c.Fit(c.Clean(joinNonEmpty(" · ", doc.Company, doc.Footer, doc.Generator)), pdfdoc.Regular, 7, pg.W-2*margin)
	c.Artifact(func() { c.Text(margin, pg.H-margin+3, foot, pdfdoc.Regular, 7, muted) })
}

// drawLines draws lines, each run from a line with a Tag as one structure element.
func drawLines(c *pdfdoc.Canvas, ls []Line, doc *render.Document) {
	open := false
	for _, l := range ls {
		if l.Tag != "" {
			if open {
				c.End()
			}
			c.Begin(l.Tag)
			open = true
		}
		drawLine(c, l, doc)
	}
	if open {
		c.End()
	}
}

func drawLine(c *pdfdoc.Canvas, l Line, doc *render.Document) {
	col := l.Color
	if col == "primary" {
		col = pdfdoc.Readable(doc.Primary) // a light brand colour is darkened for text
	}
	if l.Light != "" {
		c.Light(l.X-3.6, l.Base, l.Light, l.Size)
	}
	// A space after the line (invisible) keeps the words of two lines apart for text
	// extraction and screen readers; a line broken with a hyphen joins the next.
	text := l.Text
	if !strings.HasSuffix(text, "-") {
		text += " "
	}
	c.Text(l.X, l.Base, text, l.Style, l.Size, col)
}

func joinNonEmpty(sep string, parts ...string) string {
	var keep []string
	for _, p := range parts {
		if strings.TrimSpace(p) != "" {
			keep = append(keep, p)
		}
	}
	return strings.Join(keep, sep)
}

// chartOf finds the chart of a kind in the document: the one-pager draws the same chart
// model as the document.
func chartOf(doc *render.Document, kind string) *render.Chart {
	var found *render.Chart
	doc.Walk(func(s *render.Section) {
		for _, b := range s.Blocks {
			if ch, ok := b.(*render.Chart); ok && ch.Kind == kind && found == nil {
				found = ch
			}
		}
	})
	return found
}

// ---------------------------------------------------------------- the boxes

func internalBoxes(p *plan.Plan, f *figures.Figures, doc *render.Document, W edition.Words) []boxSpec {
	L, F := doc.Labels, doc.Format
	none := W.T("one.none")
	var out []boxSpec

	// Class and quadrant, with the movement when --previous gave one.
	cls := boxSpec{title: W.T("one.class"), chart: chartOf(doc, "portfolio"), empty: L.T("doc.nochart")}
	if s := f.Selection; s != nil && s.Class != "" {
		cls.facts = append(cls.facts, item{lead: L.T("sum.class") + " " + s.Class + " · " + L.Enum("quadrant", s.Quadrant),
			text: L.T("sum.attractiveness") + " " + ptr(F, s.Attractiveness) + " · " + L.T("sum.position") + " " + ptr(F, s.Position)})
	}
	if rv := f.Review; rv != nil && rv.Movement != nil && rv.Movement.From.Class != nil && rv.Movement.To.Class != nil {
		m := rv.Movement
		q := func(pl figures.Place) string {
			if pl.Quadrant == nil {
				return "–"
			}
			return L.Enum("qshort", *pl.Quadrant)
		}
		cls.facts = append(cls.facts, item{text: W.F("one.moved", *m.From.Class, q(m.From), *m.To.Class, q(m.To))})
	}
	out = append(out, cls)

	// Scorecard lights: red first, then amber, green and starting points; plan order within.
	sc := boxSpec{title: W.T("one.scorecard"), empty: none}
	if s := f.Scorecard; s != nil {
		type row struct {
			it   item
			rank int
		}
		var rows []row
		onTrack, results := 0, 0
		for _, o := range p.Scorecard.Objectives {
			of := s.Objectives[o.ID]
			if of == nil {
				continue
			}
			l := render.Light(of.Light)
			rank := map[render.Light]int{render.Red: 0, render.Amber: 1, render.Green: 2}[l]
			if l == "" {
				rank = 3
			} else {
				results++
				if l == render.Green {
					onTrack++
				}
			}
			txt := F.Percent(of.Achievement)
			if of.StartingPoint {
				txt = L.T("b2.start") + " " + txt
			}
			rows = append(rows, row{item{lead: o.Objective, text: L.Enum("perspective", o.Perspective) + " · " + txt, light: l}, rank})
		}
		slices.SortStableFunc(rows, func(a, b row) int { return cmp.Compare(a.rank, b.rank) })
		switch {
		case s.Total != nil && s.StartingPoint:
			// A starting point is never shown as a result (spec A4).
			sc.facts = append(sc.facts, item{lead: L.T("b2.start") + " " + F.Percent(*s.Total), text: L.T("sum.nored.start")})
		case s.Total != nil:
			sc.facts = append(sc.facts, item{lead: L.T("sum.scorecard") + " " + F.Percent(*s.Total),
				text: W.F("one.objectives", onTrack, results)})
		}
		for _, r := range rows {
			sc.items = append(sc.items, r.it)
		}
	}
	out = append(out, sc)

	// Revenue bridge: its steps as rows with their amounts (a waterfall is unreadable at
	// this size; the document and the slides draw it).
	br := boxSpec{title: W.T("one.bridge"), empty: L.T("pipe.nobase")}
	if pf := f.Pipeline; pf != nil {
		b := pf.Bridge
		if b.Base != nil && p.Account != nil {
			year := 0
			for _, h := range p.Account.History { // a base means a history
				year = max(year, h.Year)
			}
			br.items = append(br.items, item{lead: fmt.Sprintf(L.T("pipe.base"), fmt.Sprint(year)), right: F.Money(*b.Base)})
		}
		br.items = append(br.items, item{lead: L.T("pipe.b.won"), right: F.Money(b.Won)},
			item{lead: L.T("pipe.b.open"), right: F.Money(b.WeightedOpen)})
		if b.Expected != nil {
			br.items = append(br.items, item{lead: L.T("pipe.expected"), right: F.Money(*b.Expected)})
		}
		if b.Planned != nil {
			br.items = append(br.items, item{lead: L.T("pipe.planned"), right: F.Money(*b.Planned)})
		}
		if g := b.Gap; g != nil {
			l := render.Green
			text := L.T("sum.gap.covered")
			if *g > 0 {
				l, text = render.Amber, L.T("sum.gap.open")
			}
			br.items = append(br.items, item{lead: L.T("sum.gap"), text: text, right: F.Money(*g), light: l})
		}
	}
	out = append(out, br)

	// Pains → answers: high impact first, plan order within.
	pains := boxSpec{title: W.T("one.pains"), empty: none}
	if p.Account != nil {
		ps := slices.Clone(p.Account.Pains)
		rank := map[string]int{"high": 0, "medium": 1, "low": 2, "": 3}
		slices.SortStableFunc(ps, func(a, b plan.Pain) int { return cmp.Compare(rank[a.Impact], rank[b.Impact]) })
		for _, pn := range ps {
			t := ""
			if pn.Solution != "" {
				t = "→ " + pn.Solution
			}
			pains.items = append(pains.items, item{lead: pn.Pain, text: t})
		}
	}
	out = append(out, pains)

	// Open asks of management, plan order.
	asks := boxSpec{title: W.T("one.asks"), empty: none}
	for _, a := range p.Asks {
		if a.Status != "open" {
			continue
		}
		t := L.Enum("askkind", a.Kind)
		if a.Amount != nil {
			t += " · " + F.Money(*a.Amount)
		}
		asks.items = append(asks.items, item{lead: a.Ask, text: t})
	}
	out = append(out, asks)

	// Biggest risks: the SWOT threats, plan order.
	risks := boxSpec{title: W.T("one.risks"), empty: none}
	if p.SWOT != nil {
		for _, t := range p.SWOT.Threats {
			risks.items = append(risks.items, item{text: t, light: render.Red})
		}
	}
	out = append(out, risks)

	out = append(out, actionBox(p, f, doc, W))
	out = append(out, contactBox(p, doc, W, true))
	return out
}

// actionBox lists the open actions: overdue first, then by due date, without one last.
func actionBox(p *plan.Plan, f *figures.Figures, doc *render.Document, W edition.Words) boxSpec {
	F := doc.Format
	b := boxSpec{title: W.T("one.actions"), empty: W.T("one.none")}
	overdue := map[string]bool{}
	if f.Actions != nil {
		for _, id := range f.Actions.OverdueIDs {
			overdue[id] = true
		}
	}
	team := map[string]string{}
	for i := len(p.Team) - 1; i >= 0; i-- {
		team[p.Team[i].ID] = p.Team[i].Name
	}
	var open []plan.Action
	for _, a := range p.Actions {
		if a.Status == "done" || a.Status == "dropped" {
			continue
		}
		open = append(open, a)
	}
	slices.SortStableFunc(open, func(a, c plan.Action) int {
		if overdue[a.ID] != overdue[c.ID] {
			if overdue[a.ID] {
				return -1
			}
			return 1
		}
		switch {
		case a.Due == nil && c.Due == nil:
			return 0
		case a.Due == nil:
			return 1
		case c.Due == nil:
			return -1
		}
		return cmp.Compare(a.Due.String(), c.Due.String())
	})
	for _, a := range open {
		owner := a.Owner
		if n, ok := team[owner]; ok {
			owner = n
		}
		t := joinNonEmpty(" · ", owner, F.DatePtr(a.Due))
		it := item{lead: a.Action, text: t}
		if overdue[a.ID] {
			it.text = joinNonEmpty(" · ", t, W.T("one.overdue"))
			it.light, it.color = render.Red, render.Red.Color()
		}
		b.items = append(b.items, it)
	}
	return b
}

// contactBox lists the contacts, most influential first (plan order within); the
// internal page adds attitude and relationship.
func contactBox(p *plan.Plan, doc *render.Document, W edition.Words, internal bool) boxSpec {
	L := doc.Labels
	b := boxSpec{title: W.T("one.contacts"), empty: W.T("one.none")}
	cs := slices.Clone(p.Contacts)
	slices.SortStableFunc(cs, func(a, c plan.Contact) int { return cmp.Compare(c.Influence, a.Influence) })
	for _, ct := range cs {
		it := item{lead: ct.Name, text: joinNonEmpty(" · ", ct.Title, ct.Department)}
		if internal {
			it.text = joinNonEmpty(" · ", ct.Title, L.Enum("attitude", ct.Attitude), L.T("b7.influence")+" "+L.Enum("influence", fmt.Sprint(ct.Influence)))
			switch ct.Attitude {
			case "champion", "supporter":
				it.light = render.Green
			case "neutral":
				it.light = render.Amber
			case "skeptic", "opponent":
				it.light = render.Red
			}
		}
		b.items = append(b.items, it)
	}
	return b
}

func ptr(F render.Format, v *float64) string {
	if v == nil {
		return "–"
	}
	return F.Decimal(*v, 0)
}

// customerBoxes are the boxes of the customer edition's page, all from the customer plan.
func customerBoxes(p *plan.Plan, f *figures.Figures, doc *render.Document, W edition.Words) []boxSpec {
	L, F := doc.Labels, doc.Format
	none := W.T("one.none")
	var out []boxSpec
	goals := boxSpec{title: W.T("one.goals"), empty: none}
	for _, g := range p.Goals {
		goals.items = append(goals.items, item{lead: g.AccountGoal, text: joinNonEmpty(" → ", g.OwnGoal, g.Contribution)})
	}
	out = append(out, goals)
	pains := boxSpec{title: W.T("one.pains"), empty: none}
	inits := boxSpec{title: W.T("one.initiatives"), empty: none}
	if p.Account != nil {
		ps := slices.Clone(p.Account.Pains)
		rank := map[string]int{"high": 0, "medium": 1, "low": 2, "": 3}
		slices.SortStableFunc(ps, func(a, b plan.Pain) int { return cmp.Compare(rank[a.Impact], rank[b.Impact]) })
		for _, pn := range ps {
			t := ""
			if pn.Solution != "" {
				t = "→ " + pn.Solution
			}
			pains.items = append(pains.items, item{lead: pn.Pain, text: t})
		}
		for _, in := range p.Account.Initiatives {
			inits.items = append(inits.items, item{lead: in.Name, text: joinNonEmpty(" · ", in.Goal, F.DatePtr(in.Due))})
		}
	}
	out = append(out, pains, inits)
	offer := boxSpec{title: W.T("cust.offer"), empty: none}
	if o := p.Offering; o != nil {
		for _, pk := range o.Packages {
			offer.items = append(offer.items, item{lead: pk.Name, text: joinNonEmpty(" · ", pk.Benefit, strings.Join(pk.Components, ", "))})
		}
	}
	out = append(out, offer)
	value := boxSpec{title: W.T("one.value"), empty: none}
	for _, v := range p.Value {
		sum := 0.0
		for _, b := range v.Benefits {
			sum += b.Amount
		}
		t := ""
		if len(v.Benefits) > 0 {
			t = W.T("cust.value.year") + " " + F.Money(sum)
		}
		value.items = append(value.items, item{lead: v.Name, text: t})
	}
	out = append(out, value)
	sw := boxSpec{title: W.T("one.strengths"), empty: none}
	if p.SWOT != nil {
		for _, s := range p.SWOT.Strengths {
			sw.items = append(sw.items, item{text: s, light: render.Green})
		}
		for _, s := range p.SWOT.Opportunities {
			sw.items = append(sw.items, item{text: L.T("b5.opportunities") + ": " + s})
		}
	}
	out = append(out, sw)
	out = append(out, actionBox(p, f, doc, W))
	people := contactBox(p, doc, W, false)
	for _, t := range p.Team {
		people.items = append(people.items, item{lead: t.Name, text: joinNonEmpty(" · ", t.Role, doc.Company)})
	}
	out = append(out, people)
	return out
}
