package portfolio

import (
	"fmt"
	"path/filepath"

	"github.com/kepdev/kep/plan"
	"github.com/kepdev/kep/plan/figures"
	"github.com/kepdev/kep/render"
)

func right(n int) []render.Align {
	a := make([]render.Align, n)
	for i := 1; i < n; i++ {
		a[i] = render.Right
	}
	return a
}

// visits is the workspace's visit-needs and visit-cost analysis (Besuchsbedarfs- und
// Besuchskostenanalyse), the same for every plan of the portfolio.
func (b *builder) visits(num string) *render.Section {
	l := b.l
	s := &render.Section{ID: "visits", Number: num, Title: l.T("pf.visits"), Level: 1, NewPage: true}
	s.Sections = []*render.Section{
		{ID: "visits-need", Number: num + ".1", Title: l.T("sec.b1.visitneeds"), Level: 2, Blocks: b.needBlocks()},
		{ID: "visits-cost", Number: num + ".2", Title: l.T("sec.b1.visitcosts"), Level: 2, Blocks: b.costBlocks()},
	}
	return s
}

func (b *builder) needBlocks() []render.Block {
	l, f, v, ws := b.l, b.f, b.pf.Visits, b.pf.Workspace
	if v == nil || ws == nil {
		return []render.Block{&render.Note{Text: l.T("doc.notgiven")}}
	}
	// The same tables as block 1 of a plan: per class, per territory where there are some.
	tables := render.VisitNeedTables(l.Labels, f, ws, v)
	facts := &render.Facts{Title: l.T("pf.needsum"), Items: []render.Fact{
		{Label: l.T("b1.need"), Value: f.Decimal(v.Need, 1)},
		{Label: l.T("b1.capacity"), Value: f.Decimal(v.Capacity, 1)},
		{Label: l.T("b1.utilisation"), Value: f.PercentPtr(v.Utilisation)},
		{Label: l.T("pf.kams"), Value: f.Int(kamsOf(ws, v))},
		{Label: l.T("b1.kams_needed"), Value: decimalPtr(f, v.KAMsNeeded)},
	}}
	if v.Utilisation != nil {
		facts.Items[2].Light = utilisationLight(*v.Utilisation)
	}
	blocks := append(tables, facts)
	if p := b.needSentence(); p != nil {
		blocks = append(blocks, p)
	}
	return blocks
}

// kamsOf is the number of KAMs of the workspace: with territories, theirs summed (A2).
func kamsOf(ws *plan.Workspace, v *figures.VisitFigures) int {
	if len(v.Territories) == 0 {
		return ws.Visits.KAMs
	}
	n := 0
	for _, t := range v.Territories {
		n += t.KAMs
	}
	return n
}

func decimalPtr(f render.Format, v *float64) string {
	if v == nil {
		return "–"
	}
	return f.Decimal(*v, 1)
}

func (b *builder) costBlocks() []render.Block {
	l, f, v, ws := b.l, b.f, b.pf.Visits, b.pf.Workspace
	if ws == nil || len(ws.Costs.Items) == 0 || v == nil {
		return []render.Block{&render.Note{Text: l.T("pf.nocosts")}}
	}
	t := &render.Table{Caption: l.T("b1.visitcosts"),
		Header: []string{l.T("b1.costitem"), l.T("b1.amount")}, Align: right(2), Widths: []float64{3, 1}}
	for _, it := range ws.Costs.Items {
		t.Rows = append(t.Rows, []render.Cell{{Text: it.Name}, {Text: f.Money(it.Amount)}})
	}
	t.Foot = [][]render.Cell{{{Text: l.T("b1.total"), Strong: true}, {Text: f.MoneyPtr(v.CostPerKAM), Strong: true}}}
	facts := &render.Facts{Items: []render.Fact{
		{Label: l.T("b1.cost_per_kam"), Value: f.MoneyPtr(v.CostPerKAM)},
		{Label: l.T("b1.cost_per_day"), Value: f.MoneyPtr(v.CostPerDay)},
		{Label: l.T("b1.cost_per_visit"), Value: f.MoneyPtr(v.CostPerVisit)},
	}}
	tt := b.pf.Totals
	if tt.VisitCost != nil {
		facts.Items = append(facts.Items,
			render.Fact{Label: l.T("b1.visit_cost") + " (" + l.T("pf.total") + ")", Value: f.Money(*tt.VisitCost)},
			render.Fact{Label: l.T("b1.vc_revenue"), Value: f.PercentPtr(tt.VisitCostRevenuePct)},
			render.Fact{Label: l.T("b1.vc_margin"), Value: f.PercentPtr(tt.VisitCostMarginPct)})
	}
	return []render.Block{t, facts}
}

// norm sets the planned visits against the class norms and names the accounts that
// deviate by more than DeviationLimit percent.
func (b *builder) norm(num string) *render.Section {
	l, f, pf := b.l, b.f, b.pf
	classes := &render.Table{Caption: l.T("pf.norm.class"), RowHeader: true,
		Header: []string{l.T("b1.class"), l.T("pf.withplan"), l.T("b1.visits"), l.T("pf.norm.value"), l.T("pf.deviation")},
		Align:  right(5)}
	for _, c := range pf.ByClass {
		classes.Rows = append(classes.Rows, []render.Cell{{Text: c.Class}, {Text: f.Int(c.Accounts)},
			{Text: f.Int(c.Visits)}, {Text: f.Decimal(c.NormVisits, 1)}, b.deviation(float64(c.Visits), c.NormVisits)})
	}
	t := pf.Totals
	classes.Foot = [][]render.Cell{{{Text: l.T("pf.total"), Strong: true}, {Text: f.Int(t.Scored), Strong: true},
		{Text: f.Int(t.Visits), Strong: true}, {Text: f.Decimal(t.NormVisits, 1), Strong: true},
		b.deviation(float64(t.Visits), t.NormVisits)}}
	blocks := []render.Block{classes, &render.Paragraph{Text: l.T("pf.norm.intro")}}
	if len(pf.Deviations) == 0 {
		blocks = append(blocks, &render.Note{Text: l.T("pf.norm.none")})
	} else {
		dev := &render.Table{Caption: l.T("pf.norm"),
			Header: []string{l.T("pf.account"), l.T("b1.class"), l.T("b1.visits"), l.T("pf.norm.value"), l.T("pf.deviation")},
			Align:  right(5), Widths: []float64{4, 1, 2, 2, 2}}
		for _, a := range pf.Deviations {
			norm := 0.0
			if a.NormVisits != nil {
				norm = *a.NormVisits
			}
			dev.Rows = append(dev.Rows, []render.Cell{{Text: a.Name, Name: true}, {Text: a.Class}, {Text: f.Int(a.Visits)},
				{Text: f.Decimal(norm, 1)}, b.deviation(float64(a.Visits), norm)})
		}
		blocks = append(blocks, dev)
	}
	return &render.Section{ID: "norm", Number: num, Title: l.T("pf.norm"), Level: 1, NewPage: true, Blocks: blocks}
}

// deviation formats planned against norm as a signed percentage, marked when it exceeds
// the limit.
func (b *builder) deviation(planned, norm float64) render.Cell {
	if norm <= 0 {
		return render.Cell{Text: "–", Muted: true}
	}
	d := (planned - norm) / norm * 100
	text := b.f.Percent(d)
	if d > 0 {
		text = "+" + text
	}
	c := render.Cell{Text: text}
	if d > DeviationLimit || d < -DeviationLimit {
		c.Light = render.Red
	}
	return c
}

// scorecards puts the accounts' scorecard achievements side by side.
func (b *builder) scorecards(num string) *render.Section {
	l, pf := b.l, b.pf
	s := &render.Section{ID: "scorecards", Number: num, Title: l.T("pf.scorecards"), Level: 1, NewPage: true}
	header := []string{l.T("pf.account")}
	for _, p := range plan.Perspectives {
		header = append(header, l.Enum("perspective", p))
	}
	header = append(header, l.T("b2.total"))
	t := &render.Table{Caption: l.T("pf.scorecards"), Header: header, Align: right(6), RowHeader: true,
		Widths: []float64{4, 2, 2, 2, 2, 2}}
	start := false
	for _, a := range pf.Accounts {
		if a.Scorecard == nil {
			continue
		}
		t.Rows = append(t.Rows, b.achievementRow(a.Name, a.Perspectives, a.Scorecard, false, a.StartingPoint))
		start = start || a.StartingPoint
	}
	if len(t.Rows) == 0 {
		s.Blocks = []render.Block{&render.Note{Text: l.T("pf.scorecards.none")}}
		return s
	}
	t.Foot = [][]render.Cell{b.achievementRow(l.T("pf.mean"), pf.MeanPerspectives, pf.MeanScorecard, true, false)}
	s.Blocks = []render.Block{t, &render.Paragraph{Text: l.T("pf.lights")}}
	if start {
		s.Blocks = append(s.Blocks, &render.Paragraph{Text: "* " + l.T("b2.startpoint") + " " + l.T("pf.start.mean")})
	}
	return s
}

// achievementRow is one account's row; a starting point (start) shows its figures muted,
// marked with an asterisk and without traffic lights: it is no result (spec A4).
func (b *builder) achievementRow(name string, persp [4]*float64, total *float64, strong, start bool) []render.Cell {
	row := []render.Cell{{Text: name, Strong: strong}}
	for _, v := range append(persp[:], total) {
		switch {
		case v == nil:
			row = append(row, render.Cell{Text: "–", Muted: true})
		case start:
			row = append(row, render.Cell{Text: b.f.Percent(*v) + " *", Muted: true, Strong: strong})
		default:
			row = append(row, render.Cell{Text: b.f.Percent(*v), Light: render.Light(figures.Light(*v)), Strong: strong})
		}
	}
	return row
}

// appendix names the plans the report was made from and the scoring model they share.
func (b *builder) appendix(wsName string) *render.Section {
	l, f, pf := b.l, b.f, b.pf
	plans := &render.Table{Caption: l.T("pf.appendix.plans"),
		Header: []string{l.T("pf.account"), l.T("pf.file")}, Widths: []float64{1, 1}}
	for _, a := range pf.Accounts {
		plans.Rows = append(plans.Rows, []render.Cell{{Text: a.Name, Name: true}, {Text: a.File}})
	}
	s := &render.Section{ID: "appendix", Title: l.T("sec.appendix"), Level: 1, NewPage: true,
		Sections: []*render.Section{{ID: "appendix-plans", Title: l.T("pf.appendix.plans"), Level: 2, Blocks: []render.Block{plans}}}}
	ws := pf.Workspace
	if ws == nil {
		return s
	}
	file := wsName
	switch {
	case ws.File == "":
		file = l.T("app.builtin")
	case file == "":
		file = filepath.Base(ws.File)
	}
	model := []render.Block{&render.Facts{Items: []render.Fact{
		{Label: l.T("app.workspace"), Value: file},
		{Label: l.T("app.class_a"), Value: f.Decimal(ws.Scoring.ClassA, 1)},
		{Label: l.T("app.class_b"), Value: f.Decimal(ws.Scoring.ClassB, 1)},
		{Label: l.T("app.currency"), Value: pf.Currency},
	}}}
	for _, axis := range []struct {
		key  string
		crit []plan.Criterion
	}{{"b1.axis.a", ws.Scoring.Attractiveness}, {"b1.axis.p", ws.Scoring.Position}} {
		t := &render.Table{Caption: l.T(axis.key), Header: []string{l.T("b1.criterion"), l.T("b1.weight")},
			Align: right(2), Widths: []float64{3, 1}}
		for _, c := range axis.crit {
			t.Rows = append(t.Rows, []render.Cell{{Text: c.Name}, {Text: f.Percent(c.Weight)}})
		}
		model = append(model, &render.Heading{Text: l.T(axis.key)}, t)
	}
	s.Sections = append(s.Sections, &render.Section{ID: "appendix-model", Title: l.T("sec.appendix.model"), Level: 2, Blocks: model})
	return s
}

// maxDataRows is the largest portfolio whose chart data is repeated under the chart.
const maxDataRows = 25

// portfolio is the scoring portfolio with one bubble per account and its data table.
func (b *builder) portfolio(num, rankingNum string) *render.Section {
	l, f, pf := b.l, b.f, b.pf
	s := &render.Section{ID: "portfolio", Number: num, Title: l.T("b1.portfolio"), Level: 1, NewPage: true}
	if pf.Totals.Scored == 0 {
		s.Blocks = []render.Block{&render.Note{Text: l.T("pf.portfolio.none")}}
		return s
	}
	data := &render.Table{Caption: l.T("doc.chartdata"),
		Header: []string{l.T("pf.account"), l.T("b1.axis.a"), l.T("b1.axis.p"), l.T("pf.field"), l.T("sum.revenue")},
		Align:  []render.Align{render.Left, render.Right, render.Right, render.Left, render.Right}}
	for _, a := range pf.Accounts {
		if a.Rank == 0 {
			continue
		}
		data.Rows = append(data.Rows, []render.Cell{{Text: a.Name, Name: true}, {Text: b.score(a.Attractiveness)},
			{Text: b.score(a.Position)}, {Text: l.Enum("qshort", a.Quadrant)}, {Text: f.Money(a.Revenue)}})
	}
	var counts []string
	for _, q := range pf.ByQuadrant {
		if q.Accounts > 0 {
			counts = append(counts, fmt.Sprintf("%s %d", l.Enum("qshort", q.Quadrant), q.Accounts))
		}
	}
	alt := fmt.Sprintf(l.T("pf.portfolio.alt"), pf.Totals.Scored, joinList(counts))
	if len(data.Rows) > maxDataRows {
		// The ranking of section 2 holds the same figures; a second long table would only
		// double the pages.
		data = nil
		alt += " " + fmt.Sprintf(l.T("pf.portfolio.see"), rankingNum)
	}
	s.Blocks = []render.Block{b.chart(alt, data), &render.Paragraph{Text: l.T("quadrant.star") + " · " +
		l.T("quadrant.question") + " · " + l.T("quadrant.cash") + " · " + l.T("quadrant.marginal")}}
	b.movement(s)
	return s
}

func joinList(items []string) string {
	out := ""
	for i, s := range items {
		if i > 0 {
			out += ", "
		}
		out += s
	}
	return out
}
