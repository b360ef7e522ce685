package render

import (
	"strconv"
	"strings"

	"github.com/kepdev/kep/charts"
	"github.com/kepdev/kep/plan"
	"github.com/kepdev/kep/plan/figures"
)

// The pipeline of opportunities with the revenue bridge (spec A5), a section of building
// block 2 beside the revenue objective it serves, and the management asks (spec A6), a
// chapter of their own after the action plan: what we do, then what we need.

// pipeline adds the section "Verkaufschancen und Umsatzbrücke" to block 2's chapter.
func (b *builder) pipeline(s *Section) {
	pf := b.f.Pipeline
	if pf == nil || len(b.p.Opportunities) == 0 {
		return
	}
	L := b.L
	ps := b.sub(s, "pipeline", L.T("sec.b2.pipeline"))
	ps.Blocks = append(ps.Blocks, &Facts{Items: []Fact{
		{Label: L.T("pipe.total"), Value: b.money(pf.Total)},
		{Label: L.T("pipe.weighted"), Value: b.money(pf.Weighted)},
		{Label: L.T("pipe.won"), Value: b.money(pf.Won)},
	}})
	overdue := map[string]bool{}
	for _, id := range pf.OverdueIDs {
		overdue[id] = true
	}
	var rows [][]Cell
	for _, o := range b.p.Opportunities {
		closeCell := Cell{Text: b.F.Date(o.Close)}
		if overdue[o.ID] {
			closeCell.Light = Red
			closeCell.Text += " (" + L.T("pipe.overdue") + ")"
		}
		lost := o.Stage == "lost"
		rows = append(rows, []Cell{{Text: o.Name, Muted: lost}, {Text: b.enum("stage", o.Stage), Muted: lost},
			{Text: b.money(o.Value), Muted: lost}, {Text: b.pct(o.Probability), Muted: lost},
			{Text: b.money(o.Weighted()), Muted: lost}, closeCell, {Text: orDash(b.teamName(o.Owner)), Name: true}})
	}
	ps.Blocks = append(ps.Blocks, &Table{
		Caption: L.T("pipe.table"),
		Header:  []string{L.T("pipe.name"), L.T("pipe.stage"), L.T("pipe.value"), L.T("pipe.probability"), L.T("pipe.weightedv"), L.T("pipe.close"), L.T("pipe.owner")},
		Align:   []Align{Left, Left, Right, Right, Right, Right, Left},
		Widths:  []float64{4, 1.6, 1.8, 1.3, 1.8, 1.9, 2},
		Rows:    rows, RowHeader: true,
		Foot: [][]Cell{{{Text: L.T("pipe.sum"), Strong: true}, {}, {Text: b.money(pf.Total), Strong: true}, {},
			{Text: b.money(pf.Weighted), Strong: true}, {}, {}}},
	})
	var stages [][]Cell
	for _, st := range plan.OpportunityStages {
		if sf, ok := pf.Stages[st]; ok {
			stages = append(stages, []Cell{{Text: b.enum("stage", st)}, {Text: b.F.Int(sf.Count)}, {Text: b.money(sf.Value)}})
		}
	}
	ps.Blocks = append(ps.Blocks, &Table{
		Caption: L.T("pipe.stages"),
		Header:  []string{L.T("pipe.stage"), L.T("pipe.count"), L.T("pipe.value")},
		Align:   []Align{Left, Right, Right}, Widths: []float64{3, 1.5, 2.5}, Rows: stages, RowHeader: true,
	})
	b.bridge(ps, pf.Bridge)
}

// bridge draws the revenue bridge as a waterfall with its data table, or says which
// figure it lacks.
func (b *builder) bridge(ps *Section, br figures.BridgeFigures) {
	L := b.L
	if br.Base == nil {
		ps.Blocks = append(ps.Blocks, &Heading{Text: L.T("pipe.bridge")}, &Note{Text: L.T("pipe.nobase")})
		return
	}
	newest := 0
	for _, h := range b.p.Account.History { // a base means a history
		newest = max(newest, h.Year)
	}
	year := strconv.Itoa(newest)
	w := &charts.Waterfall{Unit: b.tf("pipe.axis", b.p.Currency), Steps: []charts.WaterfallStep{
		{Label: b.tf("pipe.base", year), Value: *br.Base, Total: true},
		{Label: L.T("pipe.b.won"), Value: br.Won},
		{Label: L.T("pipe.b.open"), Value: br.WeightedOpen},
		{Label: L.T("pipe.expected"), Value: *br.Expected, Total: true},
	}}
	rows := [][]Cell{
		{{Text: b.tf("pipe.base", year)}, {Text: b.money(*br.Base)}},
		{{Text: L.T("pipe.b.won")}, {Text: b.money(br.Won)}},
		{{Text: L.T("pipe.b.open")}, {Text: b.money(br.WeightedOpen)}},
		{{Text: L.T("pipe.expected"), Strong: true}, {Text: b.money(*br.Expected), Strong: true}},
	}
	alt := b.tf("pipe.alt.nogap", b.money(*br.Base), b.money(*br.Expected))
	if br.Planned != nil && br.Gap != nil {
		w.Steps = append(w.Steps,
			charts.WaterfallStep{Label: L.T("pipe.gap"), Value: *br.Gap, Gap: true},
			charts.WaterfallStep{Label: L.T("pipe.planned"), Value: *br.Planned, Total: true})
		gap := Cell{Text: b.money(*br.Gap), Strong: true}
		if *br.Gap > 0 {
			gap.Light = Amber
		}
		rows = append(rows, []Cell{{Text: L.T("pipe.gap"), Strong: true}, gap},
			[]Cell{{Text: L.T("pipe.planned"), Strong: true}, {Text: b.money(*br.Planned), Strong: true}})
		alt = b.tf("pipe.alt", b.money(*br.Base), b.money(*br.Expected), b.money(*br.Planned), b.money(*br.Gap))
	}
	w.Meta = charts.Meta{Heading: L.T("pipe.bridge"), Summary: alt}
	data := &Table{Caption: L.T("pipe.bridge"), Header: []string{L.T("pipe.part"), L.T("pipe.amount")},
		Align: []Align{Left, Right}, Widths: []float64{4, 2}, Rows: rows, RowHeader: true}
	ps.Blocks = append(ps.Blocks, b.chart("bridge", w, data, 600, 340))
	switch {
	case br.Planned == nil:
		ps.Blocks = append(ps.Blocks, &Note{Text: L.T("pipe.noplanned")})
	case *br.Gap > 0:
		ps.Blocks = append(ps.Blocks, &Paragraph{Text: b.tf("pipe.gap.open", b.money(*br.Gap))})
	default:
		ps.Blocks = append(ps.Blocks, &Paragraph{Text: b.tf("pipe.gap.closed", b.money(-*br.Gap))})
	}
}

// askChapter is the decision page: every ask with its status, decider and date, and
// the condition of a conditional approval.
func (b *builder) askChapter(s *Section) {
	L := b.L
	if len(b.p.Asks) == 0 {
		s.Blocks = append(s.Blocks, &Note{Text: L.T("doc.empty")})
		return
	}
	if af := b.f.Asks; af != nil {
		s.Blocks = append(s.Blocks, &Facts{Items: []Fact{
			{Label: L.T("ask.s.open"), Value: b.F.Int(af.Open)},
			{Label: L.T("ask.s.approved"), Value: b.F.Int(af.Approved)},
			{Label: L.T("ask.s.conditional"), Value: b.F.Int(af.Conditional)},
			{Label: L.T("ask.s.rejected"), Value: b.F.Int(af.Rejected)},
			{Label: L.T("ask.approved_amount"), Value: b.money(af.ApprovedAmount)},
		}})
	}
	var rows [][]Cell
	for _, a := range b.p.Asks {
		st := Cell{Text: b.enum("askstatus", a.Status)}
		switch a.Status {
		case "approved":
			st.Light = Green
		case "conditional":
			st.Light = Amber
		case "rejected":
			st.Light = Red
		}
		decided := ""
		if a.Status != "open" {
			decided = joinNonEmpty(", ", a.DecidedBy, b.date(a.DecidedOn))
		}
		rows = append(rows, []Cell{{Text: a.ID}, {Text: a.Ask}, {Text: b.enum("askkind", a.Kind)},
			{Text: b.moneyOrDash(a.Amount)}, st, {Text: orDash(decided)}, {Text: orDash(a.Condition)}, {Text: orDash(a.Objective)}})
	}
	s.Blocks = append(s.Blocks, &Table{
		Caption: L.T("ask.table"),
		Header:  []string{L.T("act.id"), L.T("ask.ask"), L.T("ask.kind"), L.T("ask.amount"), L.T("ask.status"), L.T("ask.decided"), L.T("ask.condition"), L.T("act.objective")},
		Align:   []Align{Left, Left, Left, Right, Left, Left, Left, Left},
		Widths:  []float64{0.7, 3.6, 1.4, 1.6, 1.7, 2.4, 2.4, 0.9}, Rows: rows,
	})
	for _, a := range b.p.Asks {
		if strings.TrimSpace(a.Reason) == "" {
			continue
		}
		s.Blocks = append(s.Blocks, &Heading{Text: a.ID + " – " + a.Ask}, &Markdown{Source: a.Reason})
	}
}

func (b *builder) moneyOrDash(p *float64) string {
	if p == nil {
		return "–"
	}
	return b.money(*p)
}

// openAsks lists the asks still waiting for a decision, for the summary.
func (b *builder) openAsks() []string {
	var items []string
	for _, a := range b.p.Asks {
		if a.Status != "open" {
			continue
		}
		it := a.ID + " – " + a.Ask + " (" + b.enum("askkind", a.Kind)
		if a.Amount != nil {
			it += ", " + b.money(*a.Amount)
		}
		items = append(items, it+")")
	}
	return items
}
