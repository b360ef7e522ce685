package render

import (
	"github.com/kepdev/kep/charts"
	"github.com/kepdev/kep/plan"
	"github.com/kepdev/kep/plan/figures"
)

// Building block 1, selection of the key account: visit needs, visit costs and the
// scoring system (Kundenbewertungssystem) with its portfolio.

// block1 follows the book's order: visit needs, visit costs, then the scoring system
// whose class the visit norm of the first part already uses.
func (b *builder) block1(s *Section) {
	L := b.L
	b.visitNeeds(b.sub(s, "visitneeds", L.T("sec.b1.visitneeds")))
	b.visitCosts(b.sub(s, "visitcosts", L.T("sec.b1.visitcosts")))
	b.scoring(b.sub(s, "scoring", L.T("sec.b1.scoring")))
}

// scoring is the scoring system (Kundenbewertungssystem): the verdict, class, quadrant,
// both axes and the portfolio.
func (b *builder) scoring(sc *Section) {
	p, f, L := b.p, b.f, b.L
	sel, sf := p.Selection, f.Selection
	if sf != nil {
		var items []Fact
		if v := b.verdict(); v != "" {
			items = append(items, Fact{Label: L.T(b.prospectKey("b1.verdict")), Value: v})
		}
		if sf.Class != "" {
			items = append(items, Fact{Label: L.T("b1.class"), Value: sf.Class})
		}
		if sf.Quadrant != "" {
			items = append(items, Fact{Label: L.T("sum.quadrant"), Value: b.enum("quadrant", sf.Quadrant)})
		}
		items = append(items,
			Fact{Label: L.T("b1.axis.a"), Value: b.pointsPtr(sf.Attractiveness)},
			Fact{Label: L.T("b1.axis.p"), Value: b.pointsPtr(sf.Position)})
		items = append(items, b.movementFacts()...)
		sc.Blocks = append(sc.Blocks, &Facts{Items: items})
		if sf.KeyAccount != nil && !*sf.KeyAccount {
			sc.Blocks = append(sc.Blocks, &Note{Text: L.T("b1.notkey"), Kind: NoteWarning})
		}
	}
	sc.Blocks = append(sc.Blocks,
		b.scoreTable(L.T("b1.axis.a"), b.ws.Scoring.Attractiveness, sel.Attractiveness, sf, true),
		b.scoreTable(L.T("b1.axis.p"), b.ws.Scoring.Position, sel.Position, sf, false))
	if sf != nil && sf.Attractiveness != nil && sf.Position != nil {
		q := &charts.Quadrant{
			Meta:   charts.Meta{Heading: L.T("b1.portfolio"), Summary: b.tf("b1.portfolio.alt", b.F.Decimal(*sf.Attractiveness, 1), b.F.Decimal(*sf.Position, 1), b.enum("qshort", sf.Quadrant))},
			XTitle: L.T("b1.axis.p"), YTitle: L.T("b1.axis.a"),
			XMin: 0, XMax: 100, YMin: 0, YMax: 100, XCut: 50, YCut: 50,
			Names:  [4]string{b.enum("qshort", "question"), b.enum("qshort", "star"), b.enum("qshort", "marginal"), b.enum("qshort", "cash")},
			Points: []charts.Point{{Label: p.Meta.Account, X: *sf.Position, Y: *sf.Attractiveness, Highlight: true}},
		}
		b.movementArrow(q)
		sc.Blocks = append(sc.Blocks, b.chart("portfolio", q, nil, 560, 420))
	} else {
		sc.Blocks = append(sc.Blocks, &Note{Text: L.T("doc.nochart")})
	}
}

// verdict is building block 1's verdict (A3) in words: "ja", "nein (Klasse C)"; "" without
// class.
func (b *builder) verdict() string {
	sf := b.f.Selection
	if sf == nil || sf.KeyAccount == nil {
		return ""
	}
	if *sf.KeyAccount {
		return b.t("b1.verdict.yes")
	}
	return b.tf("b1.verdict.no", sf.Class)
}

// prospectKey is the label key for this plan: a potential key account (A2) is named so
// and its revenue figures are potentials, labelled with the key's ".p" variant.
func (b *builder) prospectKey(key string) string {
	if b.p.Prospect() {
		return key + ".p"
	}
	return key
}

// visitNeeds is the visit-needs analysis (Besuchsbedarfsanalyse) of the workspace, per
// class and, where the workspace has them, per territory; and the account's planned visits
// against its class's norm.
func (b *builder) visitNeeds(vs *Section) {
	p, f, L := b.p, b.f, b.L
	sel, sf := p.Selection, f.Selection
	acct := []Fact{}
	if p.Prospect() {
		acct = append(acct, Fact{Label: L.T("b1.kind"), Value: b.enum("kind", "prospect")})
	}
	acct = append(acct, Fact{Label: L.T("b1.visits"), Value: b.F.Int(sel.Visits)})
	if sf != nil && sf.NormVisits != nil {
		acct = append(acct, Fact{Label: b.tf(b.prospectKey("b1.norm"), sf.Class), Value: b.F.Decimal(*sf.NormVisits, 1)})
	}
	switch vf := f.Visits; {
	case vf == nil:
	case !vf.Model:
		// No zeros and no green light where the workspace has no visit model: say so.
		vs.Blocks = append(vs.Blocks, &Note{Text: L.T("b1.nomodel")})
	default:
		vs.Blocks = append(vs.Blocks, VisitNeedTables(L, b.F, b.ws, vf)...)
		vs.Blocks = append(vs.Blocks, &Facts{Items: []Fact{
			{Label: L.T("b1.need"), Value: b.F.Decimal(vf.Need, 0)},
			{Label: L.T("b1.capacity"), Value: b.F.Decimal(vf.Capacity, 0)},
			{Label: L.T("b1.utilisation"), Value: b.pctPtr(vf.Utilisation)},
			{Label: L.T("b1.kams_needed"), Value: b.decPtr(vf.KAMsNeeded, 1)},
		}})
	}
	vs.Blocks = append(vs.Blocks, &Facts{Items: acct}) // this account against its norm
}

// VisitNeedTables are the tables of the visit-needs analysis (Besuchsbedarfsanalyse) of a
// workspace, for plan documents and the portfolio report alike: the need per class (with
// territories, per territory and class) and, with territories, need against capacity per
// territory (A2).
func VisitNeedTables(L Labels, F Format, ws *plan.Workspace, vf *figures.VisitFigures) []Block {
	if len(vf.Territories) == 0 {
		return []Block{needTable(L, F, ws, vf)}
	}
	return []Block{needTable(L, F, ws, vf), territoryTable(L, F, vf)}
}

// needTable lists the visit need per class: with territories, per territory and class.
func needTable(L Labels, F Format, ws *plan.Workspace, vf *figures.VisitFigures) *Table {
	minor := false
	for _, cn := range vf.ByClass {
		minor = minor || cn.MinorProspects > 0
	}
	header := []string{L.T("b1.class"), L.T("b1.customers"), L.T("b1.frequency"), L.T("b1.prospects"), L.T("b1.pfrequency")}
	if minor {
		header = append(header, L.T("b1.minor"), L.T("b1.mfrequency"))
	}
	header = append(header, L.T("b1.need"))
	row := func(first []Cell, cn figures.ClassNeed, c plan.VisitClass) []Cell {
		r := append(first, Cell{Text: F.Int(cn.Customers)}, Cell{Text: F.Decimal(c.Frequency, 1)},
			Cell{Text: F.Int(cn.Prospects)}, Cell{Text: F.Decimal(c.ProspectFrequency, 1)})
		if minor {
			r = append(r, Cell{Text: F.Int(cn.MinorProspects)}, Cell{Text: F.Decimal(c.MinorProspectFrequency, 1)})
		}
		return append(r, Cell{Text: F.Decimal(cn.Visits, 0)})
	}
	t := &Table{Caption: L.T("b1.visitneeds"), RowHeader: true}
	if len(vf.Territories) == 0 {
		classes := ws.Visits.Classes
		for i, cn := range vf.ByClass {
			c := plan.VisitClass{Class: cn.Class}
			if i < len(classes) {
				c = classes[i]
			}
			t.Rows = append(t.Rows, row([]Cell{{Text: cn.Class}}, cn, c))
		}
	} else {
		// One row per territory and class that counts anybody.
		header = append([]string{L.T("b1.territory")}, header...)
		t.Caption = L.T("b1.visitneeds.t")
		for i, tn := range vf.Territories {
			var rows []plan.VisitClass
			if i < len(ws.Visits.Territories) {
				rows = ws.Visits.Territories[i].Classes
			}
			for j, cn := range tn.ByClass {
				if cn.Customers+cn.Prospects+cn.MinorProspects == 0 || j >= len(rows) {
					continue
				}
				t.Rows = append(t.Rows, row([]Cell{{Text: tn.Name}, {Text: cn.Class}}, cn, rows[j]))
			}
		}
	}
	t.Header = header
	t.Align = make([]Align, len(header))
	foot := make([]Cell, len(header))
	for i := range header {
		t.Align[i] = Right
	}
	t.Align[0] = Left
	if len(vf.Territories) > 0 {
		t.Align[1] = Left
	}
	foot[0] = Cell{Text: L.T("b1.total"), Strong: true}
	foot[len(foot)-1] = Cell{Text: F.Decimal(vf.Need, 0), Strong: true}
	t.Foot = [][]Cell{foot}
	return t
}

// territoryTable sets each territory's need against its capacity (A2).
func territoryTable(L Labels, F Format, vf *figures.VisitFigures) *Table {
	pct := func(p *float64) string { return F.PercentPtr(p) }
	dec := func(p *float64) string {
		if p == nil {
			return "–"
		}
		return F.Decimal(*p, 1)
	}
	t := &Table{Caption: L.T("b1.byterritory"), RowHeader: true,
		Header: []string{L.T("b1.territory"), L.T("b1.kams"), L.T("b1.need"), L.T("b1.capacity"), L.T("b1.utilisation"), L.T("b1.kams_needed")},
		Align:  []Align{Left, Right, Right, Right, Right, Right}, Widths: []float64{3, 1, 1.4, 1.4, 1.4, 1.4}}
	kams := 0
	for _, tn := range vf.Territories {
		kams += tn.KAMs
		t.Rows = append(t.Rows, []Cell{{Text: tn.Name}, {Text: F.Int(tn.KAMs)}, {Text: F.Decimal(tn.Need, 0)},
			{Text: F.Decimal(tn.Capacity, 0)}, {Text: pct(tn.Utilisation)}, {Text: dec(tn.KAMsNeeded)}})
	}
	t.Foot = [][]Cell{{{Text: L.T("b1.total"), Strong: true}, {Text: F.Int(kams), Strong: true}, {Text: F.Decimal(vf.Need, 0), Strong: true},
		{Text: F.Decimal(vf.Capacity, 0), Strong: true}, {Text: pct(vf.Utilisation), Strong: true}, {Text: dec(vf.KAMsNeeded), Strong: true}}}
	return t
}

// visitCosts is the visit-cost analysis (Besuchskostenanalyse): the yearly cost of a KAM
// and per visit, and the account's visit cost against its revenue and margin.
func (b *builder) visitCosts(vs *Section) {
	p, f, L := b.p, b.f, b.L
	sel, sf := p.Selection, f.Selection
	vf := f.Visits
	if len(b.ws.Costs.Items) == 0 {
		vs.Blocks = append(vs.Blocks, &Note{Text: L.T("b1.nocosts")})
	} else if vf != nil {
		var rows [][]Cell
		for _, it := range b.ws.Costs.Items {
			rows = append(rows, []Cell{{Text: it.Name}, {Text: b.money(it.Amount)}})
		}
		vs.Blocks = append(vs.Blocks, &Table{
			Caption: L.T("b1.visitcosts"), Header: []string{L.T("b1.costitem"), L.T("b1.amount")},
			Align: []Align{Left, Right}, Rows: rows, RowHeader: true, Widths: []float64{3, 1},
			Foot: [][]Cell{{{Text: L.T("b1.total"), Strong: true}, {Text: b.moneyPtr(vf.CostPerKAM), Strong: true}}},
		}, &Facts{Items: []Fact{
			{Label: L.T("b1.cost_per_kam"), Value: b.moneyOrNotGiven(vf.CostPerKAM)},
			{Label: L.T("b1.cost_per_day"), Value: b.moneyOrNotGiven(vf.CostPerDay)},
			{Label: L.T("b1.cost_per_visit"), Value: b.moneyOrNotGiven(vf.CostPerVisit)},
		}})
	}
	acct := []Fact{
		{Label: L.T(b.prospectKey("b1.revenue")), Value: b.money(sel.Revenue)},
		{Label: L.T(b.prospectKey("b1.margin")), Value: b.money(sel.ContributionMargin)},
	}
	if sf != nil {
		acct = append(acct, Fact{Label: L.T("b1.margin_rate"), Value: b.pctPtr(sf.MarginRate)},
			Fact{Label: L.T("b1.visit_cost"), Value: b.moneyPtr(sf.VisitCost)},
			Fact{Label: L.T(b.prospectKey("b1.vc_revenue")), Value: b.pctRound(sf.VisitCostRevenuePct)},
			Fact{Label: L.T(b.prospectKey("b1.vc_margin")), Value: b.pctRound(sf.VisitCostMarginPct)})
	}
	vs.Blocks = append(vs.Blocks, &Facts{Items: acct})
}

func (b *builder) pctRound(p *float64) string {
	if p == nil {
		return "–"
	}
	return b.F.Percent(round2(*p))
}

func (b *builder) decPtr(p *float64, dec int) string {
	if p == nil {
		return "–"
	}
	return b.F.Decimal(*p, dec)
}

func (b *builder) moneyOrNotGiven(p *float64) string {
	if p == nil {
		return b.t("doc.notgiven")
	}
	return b.money(*p)
}

// scoreTable lists one scoring axis: criterion, weight, points, weighted points.
func (b *builder) scoreTable(title string, model []plan.Criterion, points map[string]float64, sf *figures.SelectionFigures, attr bool) *Table {
	L := b.L
	var rows [][]Cell
	for _, c := range model {
		pt, ok := points[c.ID]
		ptText, wText := "–", "–"
		if ok {
			ptText, wText = b.F.Decimal(pt, 1), b.F.Decimal(c.Weight*pt/10, 2)
		}
		rows = append(rows, []Cell{{Text: c.Name}, {Text: b.pct(c.Weight)}, {Text: ptText}, {Text: wText}})
	}
	total := "–"
	if sf != nil {
		if attr {
			total = b.pointsPtr(sf.Attractiveness)
		} else {
			total = b.pointsPtr(sf.Position)
		}
	}
	return &Table{
		Caption: title,
		Header:  []string{L.T("b1.criterion"), L.T("b1.weight"), L.T("b1.points"), L.T("b1.score")},
		Align:   []Align{Left, Right, Right, Right}, Widths: []float64{4, 1.3, 1.3, 1.3},
		Rows: rows, RowHeader: true,
		Foot: [][]Cell{{{Text: L.T("b1.total"), Strong: true}, {}, {}, {Text: total, Strong: true}}},
	}
}
