package portfolio

import (
	"fmt"
	"strings"
	"time"

	"github.com/kepdev/kep/plan"
	"github.com/kepdev/kep/plan/figures"
	"github.com/kepdev/kep/render"
)

// Options control the report; the zero value is usable.
type Options struct {
	Now        time.Time // the document date (SOURCE_DATE_EPOCH in cmd/kep)
	KepVersion string    // "1.2.0", printed as the generator
	// Workspace names the workspace file in the appendix as the user knows it (a path
	// relative to the working folder); empty: the file's base name.
	Workspace string
	// Previous names what the plans were compared with (kep portfolio --previous @REV:
	// "@v2026"); the movement of the accounts is shown when their figures carry a Review.
	Previous string
}

// builder carries the language of one report while its sections are made.
type builder struct {
	pf   *Figures
	l    labels
	f    render.Format
	prev string // Options.Previous
}

// Document lays the portfolio out as a render.Document, with the workspace's brand, so that
// the HTML and PDF writers draw it like a plan document.
func Document(pf *Figures, opts Options) *render.Document {
	b := &builder{pf: pf, l: labelsFor(pf.Lang), f: render.NewFormat(pf.Lang, pf.Currency), prev: opts.Previous}
	l, f := b.l, b.f
	ws := pf.Workspace
	if ws == nil {
		ws = plan.DefaultWorkspace()
	}
	brand := ws.Brand
	title := l.T("pf.title")
	if brand.Company != "" {
		title = fmt.Sprintf(l.T("pf.title.company"), brand.Company)
	}
	// A zero date is 1970-01-01, as in plan documents: output never depends on the clock.
	now := opts.Now
	if now.IsZero() {
		now = time.Unix(0, 0)
	}
	now = now.UTC()
	paper := "A4"
	if strings.EqualFold(brand.Paper, "letter") {
		paper = "letter"
	}
	doc := &render.Document{
		Lang: l.Lang, Labels: l.Labels, Format: f,
		Title:           title,
		Account:         fmt.Sprintf(l.T("pf.accounts.n"), pf.Totals.Accounts),
		Company:         brand.Company,
		Confidentiality: l.Enum("confidentiality", pf.Confidentiality),
		Period:          f.Period(pf.From, pf.To),
		Date:            f.Date(plan.DateOf(now)),
		DateISO:         plan.DateOf(now).String(),
		Now:             now,
		Primary:         brand.Primary, Accent: brand.Accent, Paper: paper,
		Logo: brand.LogoData, LogoType: brand.LogoType,
		Font: brand.FontData, FontBold: brand.FontBoldData,
		FontItalic: brand.FontItalicData, FontBoldItalic: brand.FontBoldItalicData,
		FontFallback: brand.FontFallbackData,
		Footer:       brand.Footer,
		Generator:    strings.TrimSpace("kep " + opts.KepVersion),
		Keywords:     []string{l.T("pf.title"), "KAM"},
	}
	doc.Cover = []render.Fact{
		{Label: l.T("cover.company"), Value: orDash(brand.Company)},
		{Label: l.T("pf.accounts"), Value: f.Int(pf.Totals.Accounts)},
		{Label: l.T("cover.period"), Value: doc.Period},
		{Label: l.T("cover.date"), Value: doc.Date},
		{Label: l.T("cover.confidential"), Value: doc.Confidentiality},
	}
	doc.Sections = []*render.Section{
		b.overview(),
		{ID: "contents", Title: l.T("sec.contents"), Level: 1, TOC: true, NewPage: true},
		b.portfolio("1", "2"),
		b.ranking("2"),
		b.visits("3"),
		b.norm("4"),
		b.scorecards("5"),
		b.appendix(opts.Workspace),
	}
	return doc
}

func orDash(s string) string {
	if s == "" {
		return "–"
	}
	return s
}

func (b *builder) score(v *float64) string {
	if v == nil {
		return "–"
	}
	return b.f.Number(*v, 1)
}

// overview is the management page: key figures, fields and classes at a glance.
func (b *builder) overview() *render.Section {
	l, f, pf, t := b.l, b.f, b.pf, b.pf.Totals
	tiles := []render.Tile{
		{Label: l.T("pf.accounts"), Value: f.Int(t.Accounts), Sub: fmt.Sprintf(l.T("pf.scored"), t.Scored)},
		{Label: l.T("sum.revenue"), Value: f.MoneyCompact(t.Revenue)},
		{Label: l.T("sum.margin_rate"), Value: f.PercentPtr(t.MarginRate)},
		{Label: l.T("sum.visit_ratio"), Value: f.PercentPtr(t.VisitCostRevenuePct)},
	}
	if v := pf.Visits; v != nil && v.Utilisation != nil {
		tiles = append(tiles, render.Tile{Label: l.T("b1.utilisation"), Value: f.Percent(*v.Utilisation),
			Light: utilisationLight(*v.Utilisation)})
	}
	if pf.MeanScorecard != nil {
		tiles = append(tiles, render.Tile{Label: l.T("sum.scorecard"), Value: f.Percent(*pf.MeanScorecard),
			Sub: l.T("pf.mean"), Light: render.Light(figures.Light(*pf.MeanScorecard))})
	}
	s := &render.Section{ID: "summary", Title: l.T("pf.overview"), Level: 1, NewPage: true,
		Blocks: []render.Block{&render.Tiles{Items: tiles}, b.quadrantTable(), b.classTable()}}
	if p := b.needSentence(); p != nil {
		s.Blocks = append(s.Blocks, p)
	}
	return s
}

func utilisationLight(u float64) render.Light {
	switch {
	case u > 100:
		return render.Red
	case u > 90:
		return render.Amber
	}
	return render.Green
}

func (b *builder) share(part float64) string {
	if b.pf.Totals.Revenue <= 0 {
		return "–"
	}
	return b.f.Percent(part / b.pf.Totals.Revenue * 100)
}

func (b *builder) quadrantTable() *render.Table {
	l, f := b.l, b.f
	t := &render.Table{Caption: l.T("pf.byquadrant"), RowHeader: true,
		Header: []string{l.T("sum.quadrant"), l.T("pf.count"), l.T("sum.revenue"), l.T("pf.share")},
		Align:  []render.Align{render.Left, render.Right, render.Right, render.Right}}
	for _, q := range b.pf.ByQuadrant {
		t.Rows = append(t.Rows, []render.Cell{{Text: l.Enum("quadrant", q.Quadrant)},
			{Text: f.Int(q.Accounts)}, {Text: f.Money(q.Revenue)}, {Text: b.share(q.Revenue)}})
	}
	return t
}

func (b *builder) classTable() *render.Table {
	l, f := b.l, b.f
	t := &render.Table{Caption: l.T("pf.byclass"), RowHeader: true,
		Header: []string{l.T("b1.class"), l.T("pf.withplan"), l.T("b1.customers"), l.T("sum.revenue"), l.T("pf.share")},
		Align:  []render.Align{render.Left, render.Right, render.Right, render.Right, render.Right}}
	for _, c := range b.pf.ByClass {
		t.Rows = append(t.Rows, []render.Cell{{Text: c.Class}, {Text: f.Int(c.Accounts)},
			{Text: f.Int(c.Customers)}, {Text: f.Money(c.Revenue)}, {Text: b.share(c.Revenue)}})
	}
	if n := b.pf.Totals.Accounts - b.pf.Totals.Scored; n > 0 {
		t.Rows = append(t.Rows, []render.Cell{{Text: l.T("pf.unscored"), Muted: true}, {Text: f.Int(n), Muted: true},
			{Text: "–", Muted: true}, {Text: "–", Muted: true}, {Text: "–", Muted: true}})
	}
	return t
}

func (b *builder) needSentence() *render.Paragraph {
	v, ws := b.pf.Visits, b.pf.Workspace
	if v == nil || v.Utilisation == nil || v.KAMsNeeded == nil || ws == nil {
		return nil
	}
	key := "pf.need.ok"
	if *v.Utilisation > 100 {
		key = "pf.need.over"
	}
	f := b.f
	return &render.Paragraph{Text: fmt.Sprintf(b.l.T(key), f.Decimal(v.Need, 1), f.Decimal(v.Capacity, 1),
		f.Percent(*v.Utilisation), f.Decimal(*v.KAMsNeeded, 1), f.Int(kamsOf(ws, v)))}
}

// ranking lists every account, best attractiveness first, with its figures of block 1.
func (b *builder) ranking(num string) *render.Section {
	l, f := b.l, b.f
	// Amounts in thousands and the currency in the header keep ten columns on a page.
	sym := strings.TrimSpace(strings.Replace(f.Money(0), "0", "", 1))
	thousands := func(v float64) string { return f.Number(v/1000, 0) }
	whole := func(p *float64) string {
		if p == nil {
			return "–"
		}
		return f.Number(*p, 0)
	}
	t := &render.Table{Caption: l.T("pf.ranking"),
		Header: []string{l.T("pf.rank"), l.T("pf.account"), l.T("pf.h.classfield"), l.T("pf.h.ka"),
			l.T("pf.h.attr"), l.T("pf.h.pos"), fmt.Sprintf(l.T("pf.h.revenue"), sym), l.T("pf.h.margin"),
			fmt.Sprintf(l.T("pf.h.vc"), sym), l.T("pf.h.vcratio")},
		Align: []render.Align{render.Right, render.Left, render.Left, render.Left,
			render.Right, render.Right, render.Right, render.Right, render.Right, render.Right},
		// The account's name gets what the figures leave: long names wrap, numbers never.
		Widths: []float64{5, 23, 13, 5, 10, 9, 11, 8, 8, 8},
	}
	for _, a := range b.pf.Accounts {
		rank := "–"
		if a.Rank > 0 {
			rank = f.Int(a.Rank)
		}
		revenue := "–"
		if a.Selected {
			revenue = thousands(a.Revenue)
		}
		classField := "–"
		if a.Class != "" {
			classField = a.Class + "\u00a0· " + l.Enum("qshort", a.Quadrant)
		}
		name := a.Name
		if a.Prospect {
			name += " " + l.T("pf.prospect") // its revenue is a potential (A2)
		}
		t.Rows = append(t.Rows, []render.Cell{{Text: rank}, {Text: name}, {Text: classField}, b.verdictCell(a),
			{Text: b.score(a.Attractiveness)}, {Text: b.score(a.Position)},
			{Text: revenue}, {Text: f.PercentPtr(a.MarginRate)}, {Text: whole(a.VisitCost)},
			{Text: f.PercentPtr(a.VisitCostRevenuePct)}})
	}
	tt := b.pf.Totals
	// The foot row's first cell is its header (accessibility: never an empty header).
	t.Foot = [][]render.Cell{{{Text: l.T("pf.total"), Strong: true},
		{Text: fmt.Sprintf(l.T("pf.accounts.n"), tt.Accounts), Strong: true}, {}, {}, {}, {},
		{Text: thousands(tt.Revenue), Strong: true}, {Text: f.PercentPtr(tt.MarginRate), Strong: true},
		{Text: whole(tt.VisitCost), Strong: true}, {Text: f.PercentPtr(tt.VisitCostRevenuePct), Strong: true}}}
	return &render.Section{ID: "ranking", Number: num, Title: l.T("pf.ranking"), Level: 1, NewPage: true,
		Blocks: []render.Block{t, &render.Paragraph{Text: l.T("pf.h.legend")}}}
}

// verdictCell is an account's key-account verdict (A3): yes for class A and B, no for C,
// marked amber as the plan's warning is.
func (b *builder) verdictCell(a Account) render.Cell {
	switch {
	case a.KeyAccount == nil:
		return render.Cell{Text: "–"}
	case *a.KeyAccount:
		return render.Cell{Text: b.l.T("b1.verdict.yes")}
	}
	return render.Cell{Text: b.l.T("pf.no"), Light: render.Amber}
}
