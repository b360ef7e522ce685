// Package slides writes the review deck (kep render -f slides): 16:9 pages of 338.7 ×
// 190.5 mm, one message per slide with an action title ("Scorecard: 3 von 5 Zielen im
// Plan"), body type of at least 16 pt, the document's charts (the same chart model)
// sized for a projector, slide numbers, the brand's colours and logo. A slide whose
// data the plan lacks is left out. The deck is laid out first (Deck), which tests check,
// then drawn.
package slides

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

// Options control the deck.
type Options struct {
	PDF pdfdoc.Options
	// Customer makes the customer edition's deck: p, f and doc must then be the customer
	// plan, its figures and the customer document (edition.Customer).
	Customer bool
}

// Page size of a 16:9 slide in millimetres (13.333 × 7.5 in).
const (
	PageW = 338.7
	PageH = 190.5
)

// Type sizes in points. BodyMin is the smallest type of a slide's body; only the footer
// (FootSize) and the charts' ticks are smaller.
const (
	TitleSize = 26.0
	LeadSize  = 18.0
	BodyMin   = 16.0
	FootSize  = 10.0
	// ChartZoom scales the document's charts up for a projector: their labels come out
	// at about 12–14 pt instead of the 8–9 pt of print.
	ChartZoom = 1.5
)

const (
	margin = 16.0
	ink    = "#22262b"
	muted  = "#5f666d"
	ptMM   = 25.4 / 72
)

// Deck is the laid-out deck.
type Deck struct {
	Slides []*Slide
}

// Slide is one laid-out slide.
type Slide struct {
	Kind  string // title, summary, portfolio, scorecard, review, pains, value, swot, competitors, network, pipeline, asks, actions, goals, initiatives, offer, people
	Title string // the action title
	Lines []Line // body lines
	Foot  []Line // footer lines (FootSize)
	// Chart is drawn into the box ChartX, ChartY, ChartW × ChartH when not nil.
	Chart                          *render.Chart
	ChartX, ChartY, ChartW, ChartH float64
	More                           int // items left out ("+N more")
	// Grid, when set, is drawn as a 2 × 2 grid of framed fields (SWOT).
	Grid [][4]float64
}

// Line is one line as drawn: X its left edge, Base its baseline, W its width (mm).
type Line struct {
	X, Base, W float64
	Text       string
	Style      pdfdoc.Style
	Size       float64
	Color      string
	Light      render.Light
	// Tag starts a structure element of the tagged PDF (H1, H2, P) that this line and the
	// lines after it without a Tag belong to.
	Tag string
}

// item is a bullet: a bold lead and a regular text.
type item struct {
	lead, text string
	light      render.Light
	color      string
}

// spec is a slide before layout.
type spec struct {
	kind, title string
	chart       *render.Chart
	items       []item
	swot        *[4][]string // SWOT fields with their titles in swotTitles
	swotTitles  [4]string
}

// Write lays out and writes the deck of plan p with its figures f; doc is the plan's
// document (render.Build, or edition.Customer for the customer edition).
func Write(w io.Writer, p *plan.Plan, f *figures.Figures, doc *render.Document, opt Options) (pdfdoc.Result, error) {
	res, _, err := WriteDeck(w, p, f, doc, opt)
	return res, err
}

// WriteDeck is Write that also returns the layout (for tests).
func WriteDeck(w io.Writer, p *plan.Plan, f *figures.Figures, doc *render.Document, opt Options) (pdfdoc.Result, *Deck, error) {
	if p == nil || doc == nil {
		return pdfdoc.Result{}, nil, fmt.Errorf("slides: no plan")
	}
	if f == nil {
		f = check.Compute(p, doc.Now)
	}
	W := edition.WordsFor(doc.Lang)
	c, err := pdfdoc.NewCanvas(doc, PageW, PageH, "", opt.PDF)
	if err != nil {
		return pdfdoc.Result{}, nil, err
	}
	var specs []spec
	if opt.Customer {
		specs = customerSlides(p, f, doc, W)
	} else {
		specs = internalSlides(p, f, doc, W)
	}
	d := &Deck{}
	for _, s := range specs {
		d.Slides = append(d.Slides, lay(c, s, doc))
	}
	for i, s := range d.Slides {
		foot(c, s, doc, W, i+1, len(d.Slides))
		drawSlide(c, s, doc)
	}
	res, err := c.Finish(w)
	return res, d, err
}

// ---------------------------------------------------------------- layout

func lay(c *pdfdoc.Canvas, s spec, doc *render.Document) *Slide {
	sl := &Slide{Kind: s.kind}
	if s.kind == "title" {
		return layTitle(c, s, doc, sl)
	}
	titleW := PageW - 2*margin - 46 // the logo stands top right
	t := c.Clean(s.title)
	ls := c.Wrap(t, pdfdoc.Bold, TitleSize, titleW)
	if len(ls) > 2 {
		ls = ls[:2]
		ls[1] = c.Fit(ls[1]+" …", pdfdoc.Bold, TitleSize, titleW)
	}
	sl.Title = strings.Join(ls, " ")
	y := margin + 8.0
	for i, l := range ls {
		l = c.Fit(l, pdfdoc.Bold, TitleSize, titleW)
		ln := Line{X: margin, Base: y, W: c.Width(l, pdfdoc.Bold, TitleSize), Text: l,
			Style: pdfdoc.Bold, Size: TitleSize, Color: "primary"}
		if i == 0 {
			ln.Tag = "H1"
		}
		sl.Lines = append(sl.Lines, ln)
		y += TitleSize * ptMM * 1.15
	}
	top := y + 4
	bottom := PageH - margin - 6
	x, width := margin, PageW-2*margin
	if s.swot != nil {
		layGrid(c, s, sl, top, bottom, edition.WordsFor(doc.Lang))
		return sl
	}
	if s.chart != nil && s.chart.Model != nil && !s.chart.Model.Empty() {
		// The chart on the left, as large as the slide allows, keeping its proportions;
		// the bullets beside it.
		cw := width * 0.56
		if len(s.items) == 0 {
			cw = width
		}
		ch := bottom - top
		ratio := float64(max(s.chart.Height, 1)) / float64(max(s.chart.Width, 1))
		if cw*ratio < ch {
			// Where the slide has room below, the chart grows taller than its
			// proportions, by up to a third: a flat chart's rows and axis gain height
			// for labels on two lines.
			ch = min(ch, cw*ratio*4/3)
		} else {
			cw = ch / ratio
		}
		sl.Chart, sl.ChartX, sl.ChartY, sl.ChartW, sl.ChartH = s.chart, x, top, cw, ch
		x += cw + 8
		width = PageW - margin - x
	}
	layItems(c, sl, s.items, x, width, top, bottom, edition.WordsFor(doc.Lang))
	return sl
}

// layItems sets the bullets into the column, as many as fit, and "+N more".
func layItems(c *pdfdoc.Canvas, sl *Slide, items []item, x, width, top, bottom float64, W edition.Words) {
	lead := func(size float64) float64 { return size * ptMM * 1.25 }
	y := top
	for i, it := range items {
		ls := itemLines(c, it, x, width)
		h := 2.5
		for _, l := range ls {
			h += lead(l.Size)
		}
		if i < len(items)-1 {
			h += lead(BodyMin)
		}
		if y+h > bottom {
			sl.More = len(items) - i
			break
		}
		for j, l := range ls {
			y += lead(l.Size)
			l.Base = y
			if j == 0 {
				l.Tag = "P" // a bullet is one paragraph
			}
			sl.Lines = append(sl.Lines, l)
		}
		y += 2.5
	}
	if sl.More > 0 {
		t := c.Fit(c.Clean(W.F("sl.more", sl.More)), pdfdoc.Italic, BodyMin, width)
		y += lead(BodyMin)
		sl.Lines = append(sl.Lines, Line{X: x, Base: y, W: c.Width(t, pdfdoc.Italic, BodyMin), Text: t,
			Style: pdfdoc.Italic, Size: BodyMin, Color: muted, Tag: "P"})
	}
}

// itemLines sets a bullet: the lead on up to two lines at LeadSize, the text on up to
// two lines at BodyMin, each last line shortened with "…".
func itemLines(c *pdfdoc.Canvas, it item, x, width float64) []Line {
	ind := 0.0
	if it.light != "" {
		ind = 6.5
	}
	avail := width - ind
	var out []Line
	add := func(s string, st pdfdoc.Style, size float64, col string) {
		ls := c.Wrap(s, st, size, avail)
		if len(ls) > 2 {
			ls = ls[:2]
			ls[1] += " …"
		}
		for _, l := range ls {
			l = c.Fit(l, st, size, avail)
			ln := Line{X: x + ind, W: c.Width(l, st, size), Text: l, Style: st, Size: size, Color: col}
			if len(out) == 0 {
				ln.Light = it.light
			}
			out = append(out, ln)
		}
	}
	if s := c.Clean(it.lead); s != "" {
		add(s, pdfdoc.Bold, LeadSize, ink)
	}
	if s := c.Clean(it.text); s != "" {
		col := it.color
		if col == "" {
			col = muted
		}
		add(s, pdfdoc.Regular, BodyMin, col)
	}
	return out
}

// layGrid sets the SWOT as a 2 × 2 grid, each field with its title and its first items.
func layGrid(c *pdfdoc.Canvas, s spec, sl *Slide, top, bottom float64, W edition.Words) {
	gw := (PageW - 2*margin - 6) / 2
	gh := (bottom - top - 6) / 2
	for i := 0; i < 4; i++ {
		x := margin + float64(i%2)*(gw+6)
		y := top + float64(i/2)*(gh+6)
		sl.Grid = append(sl.Grid, [4]float64{x, y, gw, gh})
		t := c.Fit(c.Clean(s.swotTitles[i]), pdfdoc.Bold, LeadSize, gw-8)
		sl.Lines = append(sl.Lines, Line{X: x + 4, Base: y + 4 + LeadSize*ptMM, W: c.Width(t, pdfdoc.Bold, LeadSize),
			Text: t, Style: pdfdoc.Bold, Size: LeadSize, Color: "primary", Tag: "H2"})
		var items []item
		for _, v := range s.swot[i] {
			items = append(items, item{text: v})
		}
		sub := &Slide{}
		layItems(c, sub, items, x+4, gw-8, y+5+LeadSize*ptMM, y+gh-2, W)
		for _, l := range sub.Lines {
			if l.Color == muted && l.Style == pdfdoc.Regular {
				l.Color = ink
			}
			sl.Lines = append(sl.Lines, l)
		}
		sl.More += sub.More
	}
}

// layTitle is the opening slide: the account, the plan's name and period, our company.
func layTitle(c *pdfdoc.Canvas, s spec, doc *render.Document, sl *Slide) *Slide {
	sl.Title = s.title
	y := PageH * 0.42
	width := PageW - 2*margin
	for i, it := range s.items {
		size, st, col := 20.0, pdfdoc.Regular, ink
		if i == 0 {
			size, st, col = 36, pdfdoc.Bold, "primary"
		}
		ls := c.Wrap(c.Clean(it.text), st, size, width)
		if len(ls) > 2 {
			ls = ls[:2]
		}
		tag := "P"
		if i == 0 {
			tag = "H1"
		}
		for _, l := range ls {
			l = c.Fit(l, st, size, width)
			sl.Lines = append(sl.Lines, Line{X: margin, Base: y, W: c.Width(l, st, size), Text: l, Style: st, Size: size, Color: col, Tag: tag})
			tag = ""
			y += size * ptMM * 1.3
		}
		y += 3
	}
	return sl
}

// foot sets the footer: company and confidentiality left, the slide number right.
func foot(c *pdfdoc.Canvas, sl *Slide, doc *render.Document, W edition.Words, n, total int) {
	num := c.Clean(W.F("sl.slide", n, total))
	nw := c.Width(num, pdfdoc.Regular, FootSize)
	y := PageH - margin + 4
	sl.Foot = append(sl.Foot, Line{X: PageW - margin - nw, Base: y, W: nw, Text: num, Size: FootSize, Color: muted})
	left := c.Fit(c.Clean(joinNonEmpty(" · ", doc.Confidentiality, doc.Company, doc.Footer)), pdfdoc.Regular, FootSize, PageW-2*margin-nw-10)
	sl.Foot = append(sl.Foot, Line{X: margin, Base: y, W: c.Width(left, pdfdoc.Regular, FootSize), Text: left, Size: FootSize, Color: muted})
}

// ---------------------------------------------------------------- drawing

// drawSlide draws a slide, tagged: a section with the title as heading, one paragraph per
// bullet, the chart a figure with its text alternative, decoration and footer artifacts.
func drawSlide(c *pdfdoc.Canvas, sl *Slide, doc *render.Document) {
	c.AddPage()
	c.Artifact(func() {
		if sl.Kind == "title" {
			c.Rect(0, 0, PageW, 10, doc.Primary)
			c.Rect(margin, PageH*0.42-22, 40, 2.5, doc.Accent)
			c.Logo(margin, 22, 70, 26)
		} else {
			c.Rect(0, 0, PageW, 3, doc.Primary)
			c.Logo(PageW-margin-40, margin-6, 40, 12)
		}
		for _, g := range sl.Grid {
			c.Rect(g[0], g[1], g[2], g[3], "#f4f6f8")
			c.Rect(g[0], g[1], 1.5, g[3], doc.Primary)
		}
		c.Bookmark(sl.Title, 0, margin) // selects a font: no content of its own
	})
	c.Begin("Sect")
	// The title's lines come first; the chart follows them in reading order.
	body := 1
	for body < len(sl.Lines) && sl.Lines[body].Tag == "" {
		body++
	}
	body = min(body, len(sl.Lines))
	drawLines(c, sl.Lines[:body], doc)
	if sl.Chart != nil {
		c.Figure(joinNonEmpty(" ", sl.Chart.Title+".", sl.Chart.Alt))
		_ = c.Chart(sl.Chart.Model, sl.ChartX, sl.ChartY, sl.ChartW, sl.ChartH, ChartZoom)
		c.End()
	}
	drawLines(c, sl.Lines[body:], doc)
	c.End()
	c.Artifact(func() {
		c.Line(margin, PageH-margin-1, PageW-margin, PageH-margin-1, "#c9ced3", 0.3)
		for _, l := range sl.Foot {
			drawLine(c, l, doc)
		}
	})
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
		c.Light(l.X-6.5, l.Base, l.Light, l.Size)
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

// ---------------------------------------------------------------- the slides

func titleSlide(p *plan.Plan, doc *render.Document, W edition.Words, customer bool) spec {
	s := spec{kind: "title", title: doc.Title}
	s.items = append(s.items, item{text: p.Meta.Account})
	if customer {
		s.items = append(s.items, item{text: doc.Title}, item{text: W.F("cust.forline", p.Meta.Account)})
	} else {
		s.items = append(s.items, item{text: W.F("sl.title", doc.Period)})
	}
	s.items = append(s.items, item{text: joinNonEmpty(" · ", doc.Company, doc.Owner, doc.Date)})
	return s
}

func internalSlides(p *plan.Plan, f *figures.Figures, doc *render.Document, W edition.Words) []spec {
	L, F := doc.Labels, doc.Format
	out := []spec{titleSlide(p, doc, W, false)}
	sel := f.Selection
	hasClass := sel != nil && sel.Class != ""

	// Summary: the key figures.
	{
		title := W.F("sl.summary.noc", p.Meta.Account)
		if hasClass {
			title = W.F("sl.summary", p.Meta.Account, sel.Class, L.Enum("qshort", sel.Quadrant))
		}
		s := spec{kind: "summary", title: title}
		if p.Selection != nil && p.Selection.Revenue > 0 {
			s.items = append(s.items, item{lead: F.Money(p.Selection.Revenue), text: L.T("sum.revenue")})
		}
		if sel != nil && sel.MarginRate != nil {
			s.items = append(s.items, item{lead: F.Percent(*sel.MarginRate), text: L.T("sum.margin_rate")})
		}
		if sc := f.Scorecard; sc != nil && sc.Total != nil && !sc.StartingPoint {
			s.items = append(s.items, item{lead: F.Percent(*sc.Total), text: L.T("sum.scorecard")})
		}
		if pf := f.Pipeline; pf != nil {
			s.items = append(s.items, item{lead: F.Money(pf.Weighted), text: L.T("sum.pipeline")})
		}
		if a := f.Actions; a != nil {
			s.items = append(s.items, item{lead: W.F("sl.actions", a.Open, a.Overdue)})
		}
		if len(s.items) > 0 {
			out = append(out, s)
		}
	}

	// Portfolio and movement.
	if ch := chartOf(doc, "portfolio"); ch != nil && hasClass {
		title := W.F("sl.portfolio", L.Enum("qshort", sel.Quadrant), sel.Class)
		s := spec{kind: "portfolio", title: title, chart: ch}
		s.items = append(s.items, item{lead: L.T("sum.attractiveness"), text: ptr(F, sel.Attractiveness)},
			item{lead: L.T("sum.position"), text: ptr(F, sel.Position)})
		if rv := f.Review; rv != nil && rv.Movement != nil && rv.Movement.From.Quadrant != nil && rv.Movement.To.Quadrant != nil {
			m := rv.Movement
			s.title = W.F("sl.moved", L.Enum("qshort", *m.From.Quadrant), L.Enum("qshort", *m.To.Quadrant))
			if m.From.Class != nil && m.To.Class != nil {
				s.items = append(s.items, item{lead: L.T("sum.class"), text: *m.From.Class + " → " + *m.To.Class})
			}
		}
		out = append(out, s)
	}

	// Scorecard: the radar and the objectives, red first.
	if sc := f.Scorecard; sc != nil && len(sc.Objectives) > 0 {
		type row struct {
			it   item
			rank int
		}
		var rows []row
		onTrack, results := 0, 0
		for _, o := range p.Scorecard.Objectives {
			of := sc.Objectives[o.ID]
			if of == nil {
				continue
			}
			l := render.Light(of.Light)
			rank := 3
			switch l {
			case render.Red:
				rank = 0
			case render.Amber:
				rank = 1
			case render.Green:
				rank = 2
			}
			if l != "" {
				results++
				if l == render.Green {
					onTrack++
				}
			}
			state := L.Enum("light", string(l))
			if of.StartingPoint {
				state = L.T("b2.start") // never shown as a result (spec A4)
			}
			rows = append(rows, row{item{lead: o.Objective, text: F.Percent(of.Achievement) + " · " + state, light: l}, rank})
		}
		slices.SortStableFunc(rows, func(a, b row) int { return cmp.Compare(a.rank, b.rank) })
		title := W.F("sl.scorecard", onTrack, results)
		if results == 0 {
			title = W.F("sl.scorecard.s", len(rows))
		}
		s := spec{kind: "scorecard", title: title, chart: chartOf(doc, "radar")}
		for _, r := range rows {
			s.items = append(s.items, r.it)
		}
		out = append(out, s)
	}

	// Review of last year (--previous).
	if rv := f.Review; rv != nil {
		period := F.Period(rv.Period.From, rv.Period.To)
		title := W.F("sl.review.noach", period)
		if rv.PrevScorecard != nil {
			title = W.F("sl.review", period, F.Percent(*rv.PrevScorecard))
		}
		s := spec{kind: "review", title: title}
		a := rv.Actions
		s.items = append(s.items, item{lead: L.T("rv.actions"), text: fmt.Sprintf("%s %d · %s %d · %s %d",
			L.Enum("action", "done"), a.Done, L.Enum("action", "dropped"), a.Dropped, L.Enum("action", "open"), a.Open)})
		if a.Completion != nil {
			s.items = append(s.items, item{lead: L.T("rv.completion"), text: F.Percent(*a.Completion)})
		}
		if m := rv.Movement; m != nil && m.From.Class != nil && m.To.Class != nil {
			s.items = append(s.items, item{lead: L.T("sum.class"), text: *m.From.Class + " → " + *m.To.Class})
		}
		for _, o := range p.Scorecard.Objectives {
			if ro := rv.Objectives[o.ID]; ro != nil && ro.PrevAchievement != nil {
				s.items = append(s.items, item{lead: o.Objective, text: F.Percent(*ro.PrevAchievement)})
			}
		}
		out = append(out, s)
	}

	out = append(out, painSlide(p, doc, W)...)
	out = append(out, valueSlide(p, f, doc, W, false)...)

	// SWOT and strategies.
	if sw := p.SWOT; sw != nil && len(sw.Strengths)+len(sw.Weaknesses)+len(sw.Opportunities)+len(sw.Threats) > 0 {
		grid := [4][]string{sw.Strengths, sw.Weaknesses, sw.Opportunities, sw.Threats}
		s := spec{kind: "swot", title: W.F("sl.swot", len(sw.Strengths), len(sw.Threats)), swot: &grid,
			swotTitles: [4]string{L.T("b5.strengths"), L.T("b5.weaknesses"), L.T("b5.opportunities"), L.T("b5.threats")}}
		out = append(out, s)
		var strat []item
		for _, x := range []struct {
			key  string
			list []string
		}{{"b5.so", sw.Strategies.SO}, {"b5.st", sw.Strategies.ST}, {"b5.wo", sw.Strategies.WO}, {"b5.wt", sw.Strategies.WT}} {
			for _, v := range x.list {
				strat = append(strat, item{lead: L.T(x.key), text: v})
			}
		}
		if len(strat) > 0 {
			out = append(out, spec{kind: "strategies", title: L.T("sec.b5.tows"), items: strat})
		}
	}

	// Competitors: the strongest threat first.
	if len(p.Competitors) > 0 {
		cs := slices.Clone(p.Competitors)
		rank := map[string]int{"high": 0, "medium": 1, "low": 2, "": 3}
		slices.SortStableFunc(cs, func(a, b plan.Competitor) int { return cmp.Compare(rank[a.Threat], rank[b.Threat]) })
		s := spec{kind: "competitors", title: W.F("sl.competitors", len(cs), cs[0].Name), chart: chartOf(doc, "polarity")}
		for _, c := range cs {
			t := joinNonEmpty(" · ", L.T("b5.threat")+" "+L.Enum("level", c.Threat), c.Strategy)
			l := map[string]render.Light{"high": render.Red, "medium": render.Amber, "low": render.Green}[c.Threat]
			s.items = append(s.items, item{lead: c.Name, text: t, light: l})
		}
		out = append(out, s)
	}

	// Network and buying centre: most influential contacts first.
	if len(p.Contacts) > 0 {
		sup := 0
		for _, c := range p.Contacts {
			if c.Attitude == "champion" || c.Attitude == "supporter" {
				sup++
			}
		}
		s := spec{kind: "network", title: W.F("sl.network", len(p.Contacts), sup), chart: chartOf(doc, "relationship")}
		cs := slices.Clone(p.Contacts)
		slices.SortStableFunc(cs, func(a, b plan.Contact) int { return cmp.Compare(b.Influence, a.Influence) })
		for _, c := range cs {
			l := map[string]render.Light{"champion": render.Green, "supporter": render.Green, "neutral": render.Amber,
				"skeptic": render.Red, "opponent": render.Red}[c.Attitude]
			s.items = append(s.items, item{lead: c.Name, text: joinNonEmpty(" · ", c.Title, L.Enum("attitude", c.Attitude)), light: l})
		}
		out = append(out, s)
	}

	// Pipeline and revenue bridge.
	if pf := f.Pipeline; pf != nil {
		title := W.F("sl.pipeline", F.Money(pf.Weighted))
		if g := pf.Bridge.Gap; g != nil {
			if *g > 0 {
				title = W.F("sl.bridge.gap", F.Money(*g))
			} else {
				title = W.T("sl.bridge.ok")
			}
		}
		s := spec{kind: "pipeline", title: title, chart: chartOf(doc, "bridge")}
		s.items = append(s.items, item{lead: F.Money(pf.Total), text: L.T("pipe.total")},
			item{lead: F.Money(pf.Weighted), text: L.T("pipe.weighted")},
			item{lead: F.Money(pf.Won), text: L.T("pipe.won")})
		out = append(out, s)
	}

	// Asks for decision.
	var asks []item
	for _, a := range p.Asks {
		if a.Status != "open" {
			continue
		}
		t := L.Enum("askkind", a.Kind)
		if a.Amount != nil {
			t += " · " + F.Money(*a.Amount)
		}
		asks = append(asks, item{lead: a.Ask, text: t})
	}
	if len(asks) > 0 {
		out = append(out, spec{kind: "asks", title: W.F("sl.asks", len(asks)), items: asks})
	}

	out = append(out, actionSlide(p, f, doc, W, false)...)
	return out
}

func painSlide(p *plan.Plan, doc *render.Document, W edition.Words) []spec {
	if p.Account == nil || len(p.Account.Pains) == 0 {
		return nil
	}
	ps := slices.Clone(p.Account.Pains)
	rank := map[string]int{"high": 0, "medium": 1, "low": 2, "": 3}
	slices.SortStableFunc(ps, func(a, b plan.Pain) int { return cmp.Compare(rank[a.Impact], rank[b.Impact]) })
	answers := 0
	var items []item
	for _, pn := range ps {
		t := ""
		if strings.TrimSpace(pn.Solution) != "" {
			answers++
			t = "→ " + pn.Solution
		}
		items = append(items, item{lead: pn.Pain, text: t})
	}
	return []spec{{kind: "pains", title: W.F("sl.pains", len(ps), answers), items: items}}
}

// valueSlide shows the value concepts, the strongest first, with the document's value
// chart of the strongest (internal) or the benefits (customer).
func valueSlide(p *plan.Plan, f *figures.Figures, doc *render.Document, W edition.Words, customer bool) []spec {
	if len(p.Value) == 0 {
		return nil
	}
	F := doc.Format
	type vc struct {
		v   plan.ValueConcept
		net float64
	}
	var vs []vc
	for _, v := range p.Value {
		net := 0.0
		if customer || f.Value[v.ID] == nil {
			for _, b := range v.Benefits {
				net += b.Amount
			}
		} else {
			net = f.Value[v.ID].NetYearly
		}
		vs = append(vs, vc{v, net})
	}
	slices.SortStableFunc(vs, func(a, b vc) int { return cmp.Compare(b.net, a.net) })
	key := "sl.value"
	if customer {
		key = "sl.value.b"
	}
	s := spec{kind: "value", title: W.F(key, F.Money(vs[0].net))}
	if !customer {
		s.chart = chartOf(doc, "value")
	}
	for _, x := range vs {
		s.items = append(s.items, item{lead: x.v.Name, text: F.Money(x.net)})
	}
	return []spec{s}
}

func actionSlide(p *plan.Plan, f *figures.Figures, doc *render.Document, W edition.Words, customer bool) []spec {
	F := doc.Format
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
		if a.Status != "done" && a.Status != "dropped" {
			open = append(open, a)
		}
	}
	if len(open) == 0 {
		return nil
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
	title := W.F("sl.actions", len(open), len(f.Actions.OverdueIDs))
	if customer {
		title = W.F("sl.actions.c", len(open))
	}
	s := spec{kind: "actions", title: title}
	for _, a := range open {
		owner := a.Owner
		if n, ok := team[owner]; ok {
			owner = n
		}
		it := item{lead: a.Action, text: joinNonEmpty(" · ", owner, F.DatePtr(a.Due))}
		if overdue[a.ID] {
			it.text = joinNonEmpty(" · ", it.text, W.T("sl.overdue"))
			it.light, it.color = render.Red, render.Red.Color()
		}
		s.items = append(s.items, it)
	}
	return []spec{s}
}

func ptr(F render.Format, v *float64) string {
	if v == nil {
		return "–"
	}
	return F.Decimal(*v, 0)
}

// customerSlides are the slides of the customer edition, all from the customer plan.
func customerSlides(p *plan.Plan, f *figures.Figures, doc *render.Document, W edition.Words) []spec {
	L, F := doc.Labels, doc.Format
	out := []spec{titleSlide(p, doc, W, true)}
	if len(p.Goals) > 0 {
		s := spec{kind: "goals", title: W.T("sl.goals")}
		for _, g := range p.Goals {
			s.items = append(s.items, item{lead: g.AccountGoal, text: joinNonEmpty(" → ", g.OwnGoal, g.Contribution)})
		}
		out = append(out, s)
	}
	out = append(out, painSlide(p, doc, W)...)
	if p.Account != nil && len(p.Account.Initiatives) > 0 {
		s := spec{kind: "initiatives", title: W.T("cust.initiatives")}
		for _, in := range p.Account.Initiatives {
			s.items = append(s.items, item{lead: in.Name, text: joinNonEmpty(" · ", in.Goal, F.DatePtr(in.Due))})
		}
		out = append(out, s)
	}
	if o := p.Offering; o != nil && len(o.Packages) > 0 {
		s := spec{kind: "offer", title: W.T("sl.offer")}
		for _, pk := range o.Packages {
			s.items = append(s.items, item{lead: pk.Name, text: joinNonEmpty(" · ", pk.Benefit, strings.Join(pk.Components, ", "))})
		}
		out = append(out, s)
	}
	out = append(out, valueSlide(p, f, doc, W, true)...)
	if sw := p.SWOT; sw != nil && len(sw.Strengths)+len(sw.Opportunities) > 0 {
		s := spec{kind: "strengths", title: W.T("sl.swot.c")}
		for _, v := range sw.Strengths {
			s.items = append(s.items, item{lead: L.T("b5.strengths"), text: v, light: render.Green})
		}
		for _, v := range sw.Opportunities {
			s.items = append(s.items, item{lead: L.T("b5.opportunities"), text: v})
		}
		out = append(out, s)
	}
	if len(p.Contacts)+len(p.Team) > 0 {
		s := spec{kind: "people", title: W.T("sl.network.c")}
		for _, c := range p.Contacts {
			s.items = append(s.items, item{lead: c.Name, text: joinNonEmpty(" · ", c.Title, c.Department)})
		}
		for _, t := range p.Team {
			s.items = append(s.items, item{lead: t.Name, text: joinNonEmpty(" · ", t.Role, doc.Company)})
		}
		out = append(out, s)
	}
	out = append(out, actionSlide(p, f, doc, W, true)...)
	return out
}
