package render

import (
	"math"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"github.com/kepdev/kep"
	"github.com/kepdev/kep/charts"
)

// maxChartSize is the largest design size the chart backends accept (charts refuse
// more); a chart that grows with a list, as the profile with its criteria, is drawn
// denser beyond it rather than failing the document.
const maxChartSize = 20000

// chart makes a chart block, or a note when the chart has nothing to draw.
func (b *builder) chart(kind string, m charts.Chart, data *Table, w, h int) Block {
	if m == nil || m.Empty() {
		return &Note{Text: b.t("doc.nochart")}
	}
	w, h = min(w, maxChartSize), min(h, maxChartSize)
	return &Chart{Kind: kind, Model: m, Title: m.Title(), Alt: m.Alt(), Data: data, Width: w, Height: h}
}

// ---------------------------------------------------------------- block 1

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
func VisitNeedTables(L Labels, F Format, ws *kep.Workspace, vf *kep.VisitFigures) []Block {
	if len(vf.Territories) == 0 {
		return []Block{needTable(L, F, ws, vf)}
	}
	return []Block{needTable(L, F, ws, vf), territoryTable(L, F, vf)}
}

// needTable lists the visit need per class: with territories, per territory and class.
func needTable(L Labels, F Format, ws *kep.Workspace, vf *kep.VisitFigures) *Table {
	minor := false
	for _, cn := range vf.ByClass {
		minor = minor || cn.MinorProspects > 0
	}
	header := []string{L.T("b1.class"), L.T("b1.customers"), L.T("b1.frequency"), L.T("b1.prospects"), L.T("b1.pfrequency")}
	if minor {
		header = append(header, L.T("b1.minor"), L.T("b1.mfrequency"))
	}
	header = append(header, L.T("b1.need"))
	row := func(first []Cell, cn kep.ClassNeed, c kep.VisitClass) []Cell {
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
			c := kep.VisitClass{Class: cn.Class}
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
			var rows []kep.VisitClass
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
func territoryTable(L Labels, F Format, vf *kep.VisitFigures) *Table {
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
func (b *builder) scoreTable(title string, model []kep.Criterion, points map[string]float64, sf *kep.SelectionFigures, attr bool) *Table {
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

// ---------------------------------------------------------------- block 2

func (b *builder) block2(s *Section) {
	s.Blocks = append(s.Blocks, b.scorecardTable(false))
	b.lowerNote(s)
	s.Blocks = append(s.Blocks, b.perspectiveTable())
	s.Blocks = append(s.Blocks, b.radar(false))
}

// scorecardTable is the balanced scorecard; planActual drops KPI and weight for the
// review view.
func (b *builder) scorecardTable(planActual bool) *Table {
	L, sf := b.L, b.f.Scorecard
	header := []string{L.T("b2.perspective"), L.T("b2.objective"), L.T("b2.kpi"), L.T("b2.weight"), L.T("b2.baseline"), L.T("b2.target"), L.T("b2.actual"), L.T("b2.achievement"), L.T("b2.light")}
	align := []Align{Left, Left, Left, Right, Right, Right, Right, Right, Left}
	widths := []float64{1.5, 3, 1.9, 1.1, 1.6, 1.6, 1.5, 1.7, 1.5}
	if planActual {
		header = []string{L.T("b2.objective"), L.T("b2.baseline"), L.T("b2.target"), L.T("b2.actual"), L.T("b2.achievement"), L.T("b2.light")}
		align = []Align{Left, Right, Right, Right, Right, Left}
		widths = []float64{4, 1.6, 1.6, 1.6, 1.7, 1.5}
	}
	// Progress from the baseline (spec A4) stands beside the achievement where any
	// objective has one.
	progress := false
	if sf != nil {
		for _, of := range sf.Objectives {
			progress = progress || of.Progress != nil
		}
	}
	if progress {
		at := len(header) - 1
		header = append(header[:at:at], L.T("b2.progress"), header[at])
		align = append(align[:at:at], Right, align[at])
		widths = append(widths[:at:at], 1.7, widths[at])
		if !planActual {
			// Ten columns do not fit a portrait page without breaking the headers: the
			// perspective moves into the objective's cell.
			header, align, widths = header[1:], align[1:], []float64{3.4, 1.9, 1.1, 1.6, 1.6, 1.5, 1.7, 1.6, 1.5}
		}
	}
	var rows [][]Cell
	for _, o := range b.objectivesInOrder() {
		var of *kep.ObjectiveFigures
		if sf != nil {
			of = sf.Objectives[o.ID]
		}
		ach, light, prog := Cell{Text: "–", Muted: true}, Cell{Text: "–", Muted: true}, Cell{Text: "–", Muted: true}
		if of != nil {
			ach = Cell{Text: b.pct(of.Achievement), Muted: of.StartingPoint}
			if of.StartingPoint {
				ach.Text += " *"
				light = Cell{Text: L.T("b2.start"), Muted: true}
			} else {
				light = Cell{Text: b.enum("light", of.Light), Light: Light(of.Light)}
			}
			if of.Progress != nil {
				prog = Cell{Text: b.pct(*of.Progress)}
			}
		}
		tail := []Cell{ach, light}
		if progress {
			tail = []Cell{ach, prog, light}
		}
		obj := o.ID + " – " + o.Objective
		val := func(v *float64) Cell {
			if v == nil {
				return Cell{Text: "–", Muted: true}
			}
			return Cell{Text: b.F.Value(*v, o.Unit)}
		}
		target := Cell{Text: b.F.Value(o.Target, o.Unit)}
		if o.Better == "lower" {
			target.Text += " ↓"
		}
		if planActual {
			rows = append(rows, append([]Cell{{Text: obj}, val(o.Baseline), target, val(o.Actual)}, tail...))
			continue
		}
		w := "–"
		if of != nil {
			w = b.pct(of.Weight)
		} else if o.Weight != nil {
			w = b.pct(*o.Weight)
		}
		if progress {
			rows = append(rows, append([]Cell{{Text: b.enum("perspective", o.Perspective) + ": " + obj}, {Text: o.KPI}, {Text: w}, val(o.Baseline), target, val(o.Actual)}, tail...))
			continue
		}
		rows = append(rows, append([]Cell{{Text: b.enum("perspective", o.Perspective)}, {Text: obj}, {Text: o.KPI}, {Text: w}, val(o.Baseline), target, val(o.Actual)}, tail...))
	}
	t := &Table{Caption: L.T("b2.table"), Header: header, Align: align, Widths: widths, Rows: rows}
	if !planActual && sf != nil && sf.Total != nil {
		foot := []Cell{{Text: L.T("b2.total"), Strong: true}, {}, {}, {}, {}, {}, {}, {Text: b.pct(*sf.Total), Strong: true}}
		if progress {
			foot = append(foot[:1], foot[2:]...) // no perspective column
			foot = append(foot, Cell{})
		}
		if sf.StartingPoint {
			foot[len(foot)-1-btoi(progress)].Text += " *"
			foot = append(foot, Cell{Text: L.T("b2.start"), Muted: true, Strong: true})
		} else {
			l := kep.Light(*sf.Total)
			foot = append(foot, Cell{Text: b.enum("light", l), Light: Light(l), Strong: true})
		}
		t.Foot = [][]Cell{foot}
	}
	return t
}

// lowerNote explains the marks of the scorecard table: the arrow at targets where lower
// is better, the asterisk at achievements computed from the baseline.
func (b *builder) lowerNote(s *Section) {
	var lower, start bool
	for _, o := range b.p.Scorecard.Objectives {
		lower = lower || o.Better == "lower"
		if sf := b.f.Scorecard; sf != nil && sf.Objectives[o.ID] != nil {
			start = start || sf.Objectives[o.ID].StartingPoint
		}
	}
	if lower {
		s.Blocks = append(s.Blocks, &Paragraph{Text: "↓ " + b.enum("better", "lower")})
	}
	if start {
		s.Blocks = append(s.Blocks, &Paragraph{Text: "* " + b.t("b2.startpoint")})
	}
}

func (b *builder) perspectiveTable() Block {
	L, sf := b.L, b.f.Scorecard
	if sf == nil || len(sf.Perspectives) == 0 {
		return &Note{Text: L.T("b2.noachievement")}
	}
	var rows [][]Cell
	for _, per := range kep.Perspectives {
		a, ok := sf.Perspectives[per]
		if !ok {
			continue
		}
		l := kep.Light(a)
		rows = append(rows, []Cell{{Text: b.enum("perspective", per)}, {Text: b.pct(sf.Weights[per])}, {Text: b.pct(a)}, {Text: b.enum("light", l), Light: Light(l)}})
	}
	t := &Table{
		Caption: L.T("b2.perspective") + " – " + L.T("b2.achievement"),
		Header:  []string{L.T("b2.perspective"), L.T("b2.weight"), L.T("b2.achievement"), L.T("b2.light")},
		Align:   []Align{Left, Right, Right, Left}, Widths: []float64{3, 1, 1.4, 1.2}, Rows: rows, RowHeader: true,
	}
	if sf.Total != nil {
		l := kep.Light(*sf.Total)
		t.Foot = [][]Cell{{{Text: L.T("b2.total"), Strong: true}, {Text: b.pct(100)}, {Text: b.pct(*sf.Total), Strong: true}, {Text: b.enum("light", l), Light: Light(l), Strong: true}}}
	}
	return t
}

// radar is the scorecard radar: one axis per perspective, or per objective where a
// perspective has only one objective (spec: program.md, Charts).
func (b *builder) radar(actualOnly bool) Block {
	L, sf := b.L, b.f.Scorecard
	if sf == nil {
		return &Note{Text: L.T("doc.nochart")}
	}
	var axes []string
	var vals []float64
	var rows [][]Cell
	for _, per := range kep.Perspectives {
		var objs []kep.Objective
		for _, o := range b.p.Scorecard.Objectives {
			if o.Perspective == per {
				objs = append(objs, o)
			}
		}
		if len(objs) == 0 {
			continue
		}
		add := func(label string, v float64, ok bool) {
			axes = append(axes, label)
			if !ok {
				v = math.NaN()
			}
			vals = append(vals, v)
			txt := "–"
			if ok {
				txt = b.pct(v)
			}
			rows = append(rows, []Cell{{Text: label}, {Text: b.pct(100)}, {Text: txt}})
		}
		if len(objs) == 1 {
			of := sf.Objectives[objs[0].ID]
			ok := of != nil && (!actualOnly || !of.StartingPoint)
			v := 0.0
			if of != nil {
				v = of.Achievement
			}
			add(b.enum("perspective", per)+": "+objs[0].Objective, v, ok)
			continue
		}
		if actualOnly {
			// the perspective's achievement over objectives with an actual value
			sum, w := 0.0, 0.0
			for _, o := range objs {
				if of := sf.Objectives[o.ID]; of != nil && !of.StartingPoint {
					sum += of.Weight * of.Achievement
					w += of.Weight
				}
			}
			add(b.enum("perspective", per), safeDiv(sum, w), w > 0)
			continue
		}
		a, ok := sf.Perspectives[per]
		add(b.enum("perspective", per), a, ok)
	}
	target := make([]float64, len(axes))
	for i := range target {
		target[i] = 100
	}
	var parts []string
	for i, a := range axes {
		if !math.IsNaN(vals[i]) {
			parts = append(parts, a+" "+b.pct(vals[i]))
		}
	}
	title := L.T("b2.radar")
	if actualOnly {
		title = L.T("pa.radar")
	}
	unit := "\u00a0%"
	if b.F.en() {
		unit = "%"
	}
	r := &charts.Radar{
		Meta: charts.Meta{Heading: title, Summary: b.tf("b2.radar.alt", strings.Join(parts, "; "))},
		Axes: axes, Target: target, Actual: vals,
		TargetLabel: L.T("b2.target"), ActualLabel: L.T("b2.achievement"), Unit: unit,
	}
	data := &Table{Caption: L.T("doc.chartdata") + ": " + title,
		Header: []string{L.T("b2.perspective"), L.T("b2.target"), L.T("b2.achievement")},
		Align:  []Align{Left, Right, Right}, Rows: rows, RowHeader: true}
	return b.chart("radar", r, data, 560, 440)
}

func safeDiv(a, b float64) float64 {
	if b == 0 {
		return 0
	}
	return a / b
}

// ---------------------------------------------------------------- block 3

func (b *builder) block3(s *Section) {
	p, f, L := b.p, b.f, b.L
	o := p.Offering
	if strings.TrimSpace(o.Positioning) != "" {
		ps := b.sub(s, "positioning", L.T("sec.b3.positioning"))
		ps.Blocks = append(ps.Blocks, &Markdown{Source: o.Positioning})
	}
	if len(o.Profile) > 0 {
		ps := b.sub(s, "profile", L.T("sec.b3.profile"))
		comps := b.profileCompetitors()
		header := []string{L.T("b3.criterion"), L.T("b3.weight"), L.T("b3.own")}
		align := []Align{Left, Right, Right}
		for _, c := range comps {
			header = append(header, c.Name)
			align = append(align, Right)
		}
		pol := &charts.Polarity{Criteria: nil, Min: 0, Max: 10}
		us := charts.Series{Name: L.T("b3.own")}
		series := make([]charts.Series, len(comps))
		for i, c := range comps {
			series[i].Name = c.Name
		}
		var rows [][]Cell
		for _, pc := range o.Profile {
			row := []Cell{{Text: pc.Criterion}, {Text: b.pct(pc.Weight)}, {Text: b.F.Decimal(pc.Own, 1)}}
			pol.Criteria = append(pol.Criteria, pc.Criterion)
			us.Values = append(us.Values, pc.Own)
			for i, c := range comps {
				v, ok := pc.Competitors[c.ID]
				if ok {
					row = append(row, Cell{Text: b.F.Decimal(v, 1)})
					series[i].Values = append(series[i].Values, v)
				} else {
					row = append(row, Cell{Text: "–", Muted: true})
					series[i].Values = append(series[i].Values, math.NaN())
				}
			}
			rows = append(rows, row)
		}
		pol.Series = append([]charts.Series{us}, series...)
		pol.Meta = charts.Meta{Heading: L.T("b3.polarity"), Summary: b.tf("b3.polarity.alt", len(comps))}
		var foot [][]Cell
		if of := f.Offering; of != nil && len(comps) > 0 {
			row := []Cell{{Text: L.T("b3.rq"), Strong: true}, {}, {}}
			for _, c := range comps {
				if rq, ok := of.RelativeQuality[c.ID]; ok {
					row = append(row, Cell{Text: b.F.Number(rq, 2), Strong: true})
				} else {
					row = append(row, Cell{Text: "–"})
				}
			}
			foot = append(foot, row)
		}
		ps.Blocks = append(ps.Blocks, &Table{Caption: L.T("b3.polarity"), Header: header, Align: align, Rows: rows, RowHeader: true, Foot: foot})
		ps.Blocks = append(ps.Blocks, b.chart("polarity", pol, nil, 600, 90+34*len(o.Profile)))
		if of := f.Offering; of != nil && len(of.RelativeQuality) > 0 {
			var items []Fact
			for _, c := range comps {
				if rq, ok := of.RelativeQuality[c.ID]; ok {
					items = append(items, Fact{Label: b.tf("b3.rq.against", c.Name), Value: b.F.Number(rq, 2)})
				}
			}
			ps.Blocks = append(ps.Blocks, &Facts{Items: items})
			if w := of.WeakestAgainst; w != "" {
				ps.Blocks = append(ps.Blocks, &Paragraph{Text: b.tf("b3.weakest", b.competitorName(w), b.F.Number(of.RelativeQuality[w], 2))})
			}
		}
	}
	if len(o.Competences) > 0 {
		cs := b.sub(s, "competences", L.T("sec.b3.competences"))
		var rows [][]Cell
		q := &charts.Quadrant{
			XTitle: L.T("b3.strength"), YTitle: L.T("b3.importance"),
			XMin: 0, XMax: 10, YMin: 0, YMax: 10, XCut: 5, YCut: 5,
			Names:     [4]string{b.enum("competence", "gap"), b.enum("competence", "core"), b.enum("competence", "irrelevant"), b.enum("competence", "selective")},
			SizeLabel: L.T("b3.revenue"),
		}
		var parts []string
		for _, c := range o.Competences {
			quad := kep.CompetenceQuadrant(c.Importance, c.Strength)
			rows = append(rows, []Cell{{Text: c.Name}, {Text: b.F.Decimal(c.Importance, 1)}, {Text: b.F.Decimal(c.Strength, 1)}, {Text: b.moneyPtr(c.Revenue)}, {Text: b.enum("competence", quad)}})
			size := 0.0
			if c.Revenue != nil {
				size = *c.Revenue
			}
			q.Points = append(q.Points, charts.Point{Label: c.Name, X: c.Strength, Y: c.Importance, Size: size})
			parts = append(parts, c.Name+" ("+b.enum("competence", quad)+")")
		}
		q.Meta = charts.Meta{Heading: L.T("b3.portfolio"), Summary: b.tf("b3.portfolio.alt", strings.Join(parts, "; "))}
		cs.Blocks = append(cs.Blocks, &Table{
			Caption: L.T("b3.portfolio"),
			Header:  []string{L.T("b3.competence"), L.T("b3.importance"), L.T("b3.strength"), L.T("b3.revenue"), L.T("b3.quadrant")},
			Align:   []Align{Left, Right, Right, Right, Left}, Rows: rows, RowHeader: true,
		}, b.chart("competences", q, nil, 560, 420))
	}
	if len(o.Packages) > 0 {
		ks := b.sub(s, "packages", L.T("sec.b3.packages"))
		for _, pk := range o.Packages {
			ks.Blocks = append(ks.Blocks, &Heading{Text: pk.Name})
			if strings.TrimSpace(pk.Description) != "" {
				ks.Blocks = append(ks.Blocks, &Markdown{Source: pk.Description})
			}
			var items []Fact
			if len(pk.Components) > 0 {
				items = append(items, Fact{Label: L.T("b3.components"), Value: strings.Join(pk.Components, "; ")})
			}
			if pk.Price != nil {
				items = append(items, Fact{Label: L.T("b3.price"), Value: b.money(*pk.Price)})
			}
			if pk.Benefit != "" {
				items = append(items, Fact{Label: L.T("b3.benefit"), Value: pk.Benefit})
			}
			if len(items) > 0 {
				ks.Blocks = append(ks.Blocks, &Facts{Items: items})
			}
		}
	}
}

// profileCompetitors are the competitors rated in the profile: those of [[competitors]]
// in plan order, then ids only named in the profile, sorted.
func (b *builder) profileCompetitors() []kep.Competitor {
	seen := map[string]bool{}
	for _, pc := range b.p.Offering.Profile {
		for id := range pc.Competitors {
			seen[id] = true
		}
	}
	var out []kep.Competitor
	for _, c := range b.p.Competitors {
		if seen[c.ID] {
			out = append(out, c)
			delete(seen, c.ID)
		}
	}
	var rest []string
	for id := range seen {
		rest = append(rest, id)
	}
	sort.Strings(rest)
	for _, id := range rest {
		out = append(out, kep.Competitor{ID: id, Name: id})
	}
	return out
}

func (b *builder) competitorName(id string) string {
	for _, c := range b.p.Competitors {
		if c.ID == id {
			return c.Name
		}
	}
	return id
}

// ---------------------------------------------------------------- block 4

func (b *builder) block4(s *Section) {
	p, f, L := b.p, b.f, b.L
	a := p.Account
	var items []Fact
	add := func(key, v string) {
		if strings.TrimSpace(v) != "" {
			items = append(items, Fact{Label: L.T(key), Value: v})
		}
	}
	add("b4.industry", a.Industry)
	add("b4.hq", a.Headquarters)
	if a.Employees != nil {
		add("b4.employees", b.F.Int(*a.Employees))
	}
	if a.Revenue != nil {
		add("b4.revenue", b.money(*a.Revenue))
	}
	add("b4.locations", strings.Join(a.Locations, ", "))
	if a.Website != "" {
		fct := Fact{Label: L.T("b4.website"), Value: a.Website}
		if SafeURL(a.Website) {
			fct.Link = a.Website
		}
		items = append(items, fct)
	}
	if len(items) > 0 || strings.TrimSpace(a.Strategy) != "" {
		ps := b.sub(s, "profile", L.T("sec.b4.profile"))
		if len(items) > 0 {
			ps.Blocks = append(ps.Blocks, &Facts{Items: items})
		}
		if strings.TrimSpace(a.Strategy) != "" {
			ps.Blocks = append(ps.Blocks, &Heading{Text: L.T("b4.strategy")}, &Markdown{Source: a.Strategy})
		}
	}
	if len(a.History) > 0 {
		hs := b.sub(s, "history", L.T("sec.b4.history"))
		hist := append([]kep.HistoryRow(nil), a.History...)
		sort.SliceStable(hist, func(i, j int) bool { return hist[i].Year < hist[j].Year })
		h := &charts.History{RevenueLabel: L.T("b4.h.revenue"), MarginLabel: L.T("b4.h.margin"), ShareLabel: L.T("b4.h.share"), Unit: "\u00a0%"}
		if b.F.en() {
			h.Unit = "%"
		}
		hasShare := false
		var rows [][]Cell
		for _, r := range hist {
			h.Years = append(h.Years, strconv.Itoa(r.Year))
			h.Revenue = append(h.Revenue, r.Revenue)
			h.Margin = append(h.Margin, ptrOrNaN(r.ContributionMargin))
			h.Share = append(h.Share, ptrOrNaN(r.ShareOfWallet))
			hasShare = hasShare || r.ShareOfWallet != nil
			rows = append(rows, []Cell{{Text: strconv.Itoa(r.Year)}, {Text: b.money(r.Revenue)}, {Text: b.moneyPtr(r.ContributionMargin)}, {Text: b.pctPtr(r.ShareOfWallet)}})
		}
		if !hasShare {
			h.Share = nil
		}
		h.Meta = charts.Meta{Heading: L.T("b4.history"), Summary: b.tf("b4.history.alt", hist[0].Year, hist[len(hist)-1].Year)}
		hs.Blocks = append(hs.Blocks, &Table{
			Caption: L.T("b4.history"),
			Header:  []string{L.T("b4.year"), L.T("b4.h.revenue"), L.T("b4.h.margin"), L.T("b4.h.share")},
			Align:   []Align{Left, Right, Right, Right}, Rows: rows, RowHeader: true,
		}, b.chart("history", h, nil, 600, 360))
	}
	if len(a.Pains) > 0 {
		ps := b.sub(s, "pains", L.T("sec.b4.pains"))
		var rows [][]Cell
		for _, pn := range a.Pains {
			rows = append(rows, []Cell{{Text: pn.Pain}, {Text: b.enum("level", pn.Impact)}, {Text: pn.Solution}})
		}
		ps.Blocks = append(ps.Blocks, &Table{Caption: L.T("sec.b4.pains"), Header: []string{L.T("b4.pain"), L.T("b4.impact"), L.T("b4.solution")}, Rows: rows, RowHeader: true, Widths: []float64{4, 1.3, 4}})
	}
	if len(a.Initiatives) > 0 {
		is := b.sub(s, "initiatives", L.T("sec.b4.initiatives"))
		var rows [][]Cell
		for _, in := range a.Initiatives {
			rows = append(rows, []Cell{{Text: in.Name}, {Text: in.Goal}, {Text: b.date(in.Due)}, {Text: b.enum("level", in.Relevance)}})
		}
		is.Blocks = append(is.Blocks, &Table{Caption: L.T("sec.b4.initiatives"), Header: []string{L.T("b4.initiative"), L.T("b4.goal"), L.T("b4.due"), L.T("b4.relevance")}, Align: []Align{Left, Left, Right, Left}, Rows: rows, RowHeader: true, Widths: []float64{3, 4, 1.6, 1.3}})
	}
	if pu := a.Purchasing; pu != nil && (strings.TrimSpace(pu.Process) != "" || len(pu.Steps) > 0) {
		ps := b.sub(s, "purchasing", L.T("sec.b4.purchasing"))
		if strings.TrimSpace(pu.Process) != "" {
			ps.Blocks = append(ps.Blocks, &Markdown{Source: pu.Process})
		}
		if len(pu.Steps) > 0 {
			ps.Blocks = append(ps.Blocks, &List{Title: L.T("b4.steps"), Items: pu.Steps, Ordered: true})
		}
	}
	if len(a.Readiness) > 0 {
		rs := b.sub(s, "readiness", L.T("sec.b4.readiness"))
		var rows [][]Cell
		for _, r := range a.Readiness {
			rows = append(rows, []Cell{{Text: r.Criterion}, {Text: b.F.Decimal(r.Points, 1)}})
		}
		t := &Table{Caption: L.T("sec.b4.readiness"), Header: []string{L.T("b4.criterion"), L.T("b4.points")}, Align: []Align{Left, Right}, Rows: rows, RowHeader: true, Widths: []float64{5, 1}}
		if f.Analysis != nil && f.Analysis.Readiness != nil {
			t.Foot = [][]Cell{{{Text: L.T("b4.readiness"), Strong: true}, {Text: b.F.Decimal(*f.Analysis.Readiness, 1) + " / 100", Strong: true}}}
		}
		rs.Blocks = append(rs.Blocks, t)
	}
}

func ptrOrNaN(p *float64) float64 {
	if p == nil {
		return math.NaN()
	}
	return *p
}

// ---------------------------------------------------------------- block 5

func (b *builder) block5(s *Section) {
	p, L := b.p, b.L
	if sw := p.SWOT; sw != nil {
		n := len(sw.Strengths) + len(sw.Weaknesses) + len(sw.Opportunities) + len(sw.Threats)
		if n > 0 {
			ss := b.sub(s, "swot", L.T("sec.b5.swot"))
			ss.Blocks = append(ss.Blocks, &SWOT{Quadrants: [4]SWOTQuadrant{
				{Key: "strengths", Title: L.T("b5.strengths"), Items: sw.Strengths},
				{Key: "weaknesses", Title: L.T("b5.weaknesses"), Items: sw.Weaknesses},
				{Key: "opportunities", Title: L.T("b5.opportunities"), Items: sw.Opportunities},
				{Key: "threats", Title: L.T("b5.threats"), Items: sw.Threats},
			}})
		}
		st := sw.Strategies
		if len(st.SO)+len(st.ST)+len(st.WO)+len(st.WT) > 0 {
			ts := b.sub(s, "tows", L.T("sec.b5.tows"))
			for _, x := range []struct {
				key   string
				items []string
			}{{"b5.so", st.SO}, {"b5.st", st.ST}, {"b5.wo", st.WO}, {"b5.wt", st.WT}} {
				if len(x.items) > 0 {
					ts.Blocks = append(ts.Blocks, &List{Title: L.T(x.key), Items: x.items})
				}
			}
		}
	}
	if len(p.Competitors) > 0 {
		cs := b.sub(s, "competitors", L.T("sec.b5.competitors"))
		var rows [][]Cell
		for _, c := range p.Competitors {
			rows = append(rows, []Cell{{Text: c.Name}, {Text: b.pctPtr(c.ShareOfWallet)}, {Text: strings.Join(c.Strengths, "; ")}, {Text: strings.Join(c.Weaknesses, "; ")}, {Text: c.Strategy}, {Text: b.enum("level", c.Threat)}})
		}
		cs.Blocks = append(cs.Blocks, &Table{
			Caption: L.T("sec.b5.competitors"),
			Header:  []string{L.T("b5.competitor"), L.T("b5.share"), L.T("b5.strengths"), L.T("b5.weaknesses"), L.T("b5.strategy"), L.T("b5.threat")},
			Align:   []Align{Left, Right, Left, Left, Left, Left}, Widths: []float64{2, 1.2, 3, 3, 3, 1.2}, Rows: rows, RowHeader: true,
		})
	}
	if len(p.Goals) > 0 {
		gs := b.sub(s, "goals", L.T("sec.b5.goals"))
		var rows [][]Cell
		for _, g := range p.Goals {
			rows = append(rows, []Cell{{Text: g.AccountGoal}, {Text: g.OwnGoal}, {Text: g.Contribution}, {Text: orDash(g.Objective)}})
		}
		gs.Blocks = append(gs.Blocks, &Table{
			Caption: L.T("sec.b5.goals"),
			Header:  []string{L.T("b5.account_goal"), L.T("b5.own_goal"), L.T("b5.contribution"), L.T("b5.objective")},
			Widths:  []float64{3, 3, 3, 1.2}, Rows: rows,
		})
	}
}

func orDash(s string) string {
	if strings.TrimSpace(s) == "" {
		return "–"
	}
	return s
}

// ---------------------------------------------------------------- block 6

func (b *builder) block6(s *Section) {
	L := b.L
	for _, v := range b.p.Value {
		vs := b.sub(s, "v-"+v.ID, v.Name)
		if strings.TrimSpace(v.Description) != "" {
			vs.Blocks = append(vs.Blocks, &Markdown{Source: v.Description})
		}
		vf := b.f.Value[v.ID]
		if vf == nil {
			vs.Blocks = append(vs.Blocks, &Note{Text: L.T("doc.nochart")})
			continue
		}
		var rows [][]Cell
		for _, be := range v.Benefits {
			rows = append(rows, []Cell{{Text: be.Item}, {Text: L.T("b6.benefits")}, {Text: b.money(be.Amount)}, {Text: be.Basis}})
		}
		for _, c := range v.Costs {
			kind := L.T("b6.costs") + ", " + L.T("b6.yearly")
			if c.Once {
				kind = L.T("b6.costs") + ", " + L.T("b6.onetime")
			}
			rows = append(rows, []Cell{{Text: c.Item}, {Text: kind}, {Text: b.money(c.Amount)}, {Text: ""}})
		}
		years := v.Years
		if years < 1 {
			years = 1
		}
		vs.Blocks = append(vs.Blocks, &Table{
			Caption: L.T("b6.calc") + ": " + v.Name,
			Header:  []string{L.T("b6.item"), L.T("b6.kind"), L.T("b6.amount"), L.T("b6.basis")},
			Align:   []Align{Left, Left, Right, Left}, Widths: []float64{3, 2, 1.6, 3}, Rows: rows, RowHeader: true,
		}, &Facts{Items: []Fact{
			{Label: L.T("b6.years"), Value: b.tf("b6.years.n", years)},
			{Label: L.T("b6.benefit"), Value: b.money(vf.Benefit)},
			{Label: L.T("b6.cost"), Value: b.money(vf.YearlyCost)},
			{Label: L.T("b6.once"), Value: b.money(vf.Once)},
			{Label: L.T("b6.net_yearly"), Value: b.money(vf.NetYearly)},
			{Label: b.tf("b6.net_total", years), Value: b.money(vf.NetTotal)},
			{Label: L.T("b6.roi"), Value: b.pctPtr(vf.ROI)},
			{Label: L.T("b6.payback"), Value: b.payback(vf.PaybackMonths)},
		}})
		ben, cost := charts.Cumulative(years, vf.Benefit, vf.YearlyCost, vf.Once)
		vc := &charts.ValueChart{
			Meta:    charts.Meta{Heading: b.tf("b6.chart", years) + ": " + v.Name, Summary: b.tf("b6.chart.alt", years, b.money(vf.NetTotal))},
			Benefit: ben, Cost: cost,
			BenefitLabel: L.T("b6.benefits"), CostLabel: L.T("b6.costs"), NetLabel: b.tf("b6.net_total", years),
		}
		var drows [][]Cell
		for y := 1; y <= years; y++ {
			label := b.yearLabel(y)
			vc.Years = append(vc.Years, label)
			drows = append(drows, []Cell{{Text: label}, {Text: b.money(ben[y-1])}, {Text: b.money(cost[y-1])}, {Text: b.money(ben[y-1] - cost[y-1])}})
		}
		data := &Table{Caption: L.T("doc.chartdata") + ": " + vc.Heading,
			Header: []string{L.T("b4.year"), L.T("b6.benefits"), L.T("b6.costs"), L.T("b6.net")},
			Align:  []Align{Left, Right, Right, Right}, Rows: drows, RowHeader: true}
		vs.Blocks = append(vs.Blocks, b.chart("value", vc, data, 600, 340))
	}
}

func (b *builder) yearLabel(y int) string {
	if b.F.en() {
		return "Year " + strconv.Itoa(y)
	}
	return "Jahr " + strconv.Itoa(y)
}

// ---------------------------------------------------------------- block 7

func (b *builder) block7(s *Section) {
	p, f, L := b.p, b.f, b.L
	if len(p.Team) > 0 {
		ts := b.sub(s, "team", L.T("sec.b7.team"))
		var rows [][]Cell
		for _, t := range p.Team {
			rows = append(rows, []Cell{{Text: t.Name}, {Text: t.Role}})
		}
		ts.Blocks = append(ts.Blocks, &Table{Caption: L.T("sec.b7.team"), Header: []string{L.T("b7.name"), L.T("b7.role")}, Rows: rows, RowHeader: true, Widths: []float64{1, 1}})
	}
	if len(p.Contacts) == 0 {
		return
	}
	cs := b.sub(s, "contacts", L.T("sec.b7.contacts"))
	var rows [][]Cell
	for _, c := range p.Contacts {
		var roles []string
		for _, r := range c.Roles {
			roles = append(roles, b.enum("role", r))
		}
		rel := b.enum("relationship", strconv.Itoa(c.Relationship))
		if c.TargetRelationship != nil && *c.TargetRelationship != c.Relationship {
			rel += " → " + b.enum("relationship", strconv.Itoa(*c.TargetRelationship))
		}
		name := Cell{Text: c.Name, Strong: c.Influence == 3}
		fn := joinNonEmpty(", ", c.Title, c.Department)
		if c.ReportsTo != "" {
			fn = joinNonEmpty("; ", fn, L.T("b7.reports_to")+" "+b.contactName(c.ReportsTo))
		}
		rows = append(rows, []Cell{name, {Text: fn}, {Text: strings.Join(roles, ", ")}, {Text: b.enum("influence", strconv.Itoa(c.Influence))}, {Text: b.enum("attitude", c.Attitude)}, {Text: rel}, {Text: b.teamName(c.Owner)}, {Text: b.date(c.LastContact)}, {Text: c.NextStep}})
	}
	cs.Blocks = append(cs.Blocks, &Table{
		Caption: L.T("sec.b7.contacts"),
		Header:  []string{L.T("b7.name"), L.T("b7.title"), L.T("b7.roles"), L.T("b7.influence"), L.T("b7.attitude"), L.T("b7.relationship"), L.T("b7.owner"), L.T("b7.last"), L.T("b7.next")},
		Align:   []Align{Left, Left, Left, Left, Left, Left, Left, Right, Left},
		Widths:  []float64{2.2, 2.6, 2, 1.1, 1.4, 1.8, 1.6, 1.5, 2.6}, Rows: rows, RowHeader: true,
	})

	ms := b.sub(s, "map", L.T("sec.b7.map"))
	if f.Network != nil {
		ms.Blocks = append(ms.Blocks, &Facts{Items: []Fact{{Label: L.T("b7.mapstatus"), Value: strconv.Itoa(f.Network.MapStatus) + " – " + L.T("mapstatus."+strconv.Itoa(f.Network.MapStatus))}}})
	}
	// Attitude from opponent (left) to champion (right).
	att := make([]string, len(kep.Attitudes))
	attIndex := map[string]int{}
	for i, a := range kep.Attitudes {
		j := len(kep.Attitudes) - 1 - i
		att[j] = b.enum("attitude", a)
		attIndex[a] = j
	}
	rm := &charts.RelationshipMap{
		Meta:            charts.Meta{Heading: L.T("sec.b7.map"), Summary: b.tf("b7.map.alt", len(p.Contacts))},
		AttitudeLabels:  att,
		InfluenceLabels: []string{b.enum("influence", "1"), b.enum("influence", "2"), b.enum("influence", "3")},
		XTitle:          L.T("b7.attitude"), YTitle: L.T("b7.influence"),
	}
	for i := 0; i <= 4; i++ {
		rm.RelationshipLabels = append(rm.RelationshipLabels, b.enum("relationship", strconv.Itoa(i)))
	}
	for _, c := range p.Contacts {
		rm.Contacts = append(rm.Contacts, charts.Contact{Name: c.Name, Attitude: attIndex[c.Attitude], Influence: c.Influence - 1, Relationship: c.Relationship, Highlight: c.Influence == 3})
	}
	ms.Blocks = append(ms.Blocks, b.chart("relationship", rm, nil, 640, 440))

	if nf := f.Network; nf != nil && len(nf.Coverage) > 0 {
		vs := b.sub(s, "coverage", L.T("sec.b7.coverage"))
		var rows [][]Cell
		for _, rc := range nf.Coverage {
			var names []string
			for _, id := range rc.Contacts {
				names = append(names, b.contactName(id))
			}
			who := Cell{Text: strings.Join(names, ", ")}
			best := Cell{Text: "–", Muted: true}
			if len(names) == 0 {
				who = Cell{Text: L.T("b7.uncovered"), Light: Red}
			} else if rc.BestRelationship >= 0 {
				best = Cell{Text: b.enum("relationship", strconv.Itoa(rc.BestRelationship))}
			}
			rows = append(rows, []Cell{{Text: b.enum("role", rc.Role)}, who, best})
		}
		vs.Blocks = append(vs.Blocks, &Table{Caption: L.T("sec.b7.coverage"), Header: []string{L.T("b7.role.col"), L.T("b7.contacts"), L.T("b7.best")}, Rows: rows, RowHeader: true, Widths: []float64{1.5, 4, 1.5}})
	}
}

// ---------------------------------------------------------------- actions, checklists, reviews

func (b *builder) actions(s *Section) {
	L := b.L
	if len(b.p.Actions) == 0 {
		s.Blocks = append(s.Blocks, &Note{Text: L.T("doc.empty")})
		return
	}
	if af := b.f.Actions; af != nil {
		s.Blocks = append(s.Blocks, &Facts{Items: []Fact{{Label: L.T("act.open"), Value: b.F.Int(af.Open)}, {Label: L.T("act.overdue"), Value: b.F.Int(af.Overdue)}}})
	}
	var rows [][]Cell
	for _, a := range b.p.Actions {
		st := a.Status
		if st == "" {
			st = "open"
		}
		due := Cell{Text: b.date(a.Due)}
		if st == "open" || st == "doing" {
			due = b.dueCell(a)
		}
		rows = append(rows, []Cell{{Text: a.ID}, {Text: a.Action}, {Text: b.teamName(a.Owner)}, due, {Text: b.enum("action", st), Muted: st == "done" || st == "dropped"}, {Text: orDash(a.Objective)}})
	}
	s.Blocks = append(s.Blocks, &Table{
		Caption: L.T("sec.actions"),
		Header:  []string{L.T("act.id"), L.T("act.action"), L.T("act.owner"), L.T("act.due"), L.T("act.status"), L.T("act.objective")},
		Align:   []Align{Left, Left, Left, Right, Left, Left}, Widths: []float64{0.8, 5, 2, 1.8, 1.4, 1}, Rows: rows,
	})
}

func (b *builder) checklists(s *Section) {
	L := b.L
	if len(b.p.Checklists) == 0 {
		s.Blocks = append(s.Blocks, &Note{Text: L.T("doc.empty")})
		return
	}
	for _, c := range b.p.Checklists {
		title := b.enum("topic", c.Topic)
		share := b.f.Checklists[c.Topic]
		if share != nil {
			title += " – " + b.pct(*share)
		}
		s.Blocks = append(s.Blocks, &Heading{Text: title})
		var rows [][]Cell
		for _, it := range c.Items {
			cell := Cell{Text: b.enum("check", it.Status)}
			switch it.Status {
			case "yes":
				cell.Light = Green
			case "partly":
				cell.Light = Amber
			case "no":
				cell.Light = Red
			default:
				cell.Muted = true
			}
			rows = append(rows, []Cell{{Text: it.Item}, cell})
		}
		t := &Table{Caption: b.enum("topic", c.Topic), Header: []string{L.T("cl.item"), L.T("cl.status")}, Rows: rows, Widths: []float64{6, 1.4}}
		if share != nil {
			t.Foot = [][]Cell{{{Text: L.T("cl.share"), Strong: true}, {Text: b.pct(*share), Strong: true}}}
		}
		s.Blocks = append(s.Blocks, t)
	}
}

func (b *builder) reviews(s *Section) {
	L := b.L
	if len(b.p.Reviews) == 0 {
		s.Blocks = append(s.Blocks, &Note{Text: L.T("doc.empty")})
		return
	}
	if len(b.p.Scorecard.Objectives) > 0 {
		ps := b.sub(s, "plan-actual", L.T("sec.planactual"))
		ps.Blocks = append(ps.Blocks, b.scorecardTable(true))
		b.lowerNote(ps)
		ps.Blocks = append(ps.Blocks, b.radar(true))
	}
	ns := b.sub(s, "notes", L.T("sec.reviewnotes"))
	revs := append([]kep.Review(nil), b.p.Reviews...)
	sort.SliceStable(revs, func(i, j int) bool { return revs[i].Date.Before(revs[j].Date) })
	for _, r := range revs {
		ns.Blocks = append(ns.Blocks, &Heading{Text: b.F.Date(r.Date)})
		if len(r.Participants) > 0 {
			ns.Blocks = append(ns.Blocks, &Facts{Items: []Fact{{Label: L.T("rev.participants"), Value: strings.Join(r.Participants, ", ")}}})
		}
		if strings.TrimSpace(r.Notes) != "" {
			ns.Blocks = append(ns.Blocks, &Markdown{Source: r.Notes})
		}
	}
}

func (b *builder) changes(s *Section) {
	ch := b.opt.Changes
	if ch.Since != "" {
		s.Blocks = append(s.Blocks, &Paragraph{Text: b.tf("chg.since", ch.Since)})
	}
	if len(ch.Groups) == 0 {
		s.Blocks = append(s.Blocks, &Note{Text: b.t("chg.none")})
	}
	for _, g := range ch.Groups {
		s.Blocks = append(s.Blocks, &List{Title: g.Title, Items: g.Items})
	}
}

func (b *builder) appendix(s *Section) {
	p, L, ws := b.p, b.L, b.ws
	ms := b.sub(s, "model", L.T("sec.appendix.model"))
	ms.Blocks = append(ms.Blocks, &Facts{Items: []Fact{
		{Label: L.T("app.class_a"), Value: b.F.Decimal(ws.Scoring.ClassA, 1)},
		{Label: L.T("app.class_b"), Value: b.F.Decimal(ws.Scoring.ClassB, 1)},
	}})
	for _, ax := range []struct {
		key   string
		model []kep.Criterion
	}{{"b1.axis.a", ws.Scoring.Attractiveness}, {"b1.axis.p", ws.Scoring.Position}} {
		var rows [][]Cell
		for _, c := range ax.model {
			rows = append(rows, []Cell{{Text: c.Name}, {Text: c.ID}, {Text: b.pct(c.Weight)}})
		}
		ms.Blocks = append(ms.Blocks, &Table{Caption: L.T(ax.key), Header: []string{L.T("b1.criterion"), "ID", L.T("b1.weight")}, Align: []Align{Left, Left, Right}, Rows: rows, RowHeader: true, Widths: []float64{4, 2, 1}})
	}
	fs := b.sub(s, "file", L.T("sec.appendix.file"))
	wsName := L.T("app.builtin")
	if ws.File != "" {
		wsName = filepath.Base(ws.File)
	}
	items := []Fact{
		{Label: L.T("app.file"), Value: orDash(filepath.Base(p.File))},
		{Label: L.T("app.format"), Value: strconv.Itoa(p.Format)},
		{Label: L.T("app.version"), Value: orDash(p.Meta.Version)},
		{Label: L.T("app.status"), Value: b.doc.Status},
		{Label: L.T("app.workspace"), Value: wsName},
		{Label: L.T("app.currency"), Value: orDash(p.Currency)},
		{Label: L.T("app.date"), Value: b.doc.Date},
		{Label: L.T("app.generator"), Value: b.doc.Generator},
	}
	if p.File == "" {
		items = items[1:]
	}
	fs.Blocks = append(fs.Blocks, &Facts{Items: items})
	b.acceptedWarnings(s)
}

// acceptedWarnings lists the warnings the plan accepts on purpose ([[accepted]], spec A7)
// with their reasons: not printed by kep validate, but never hidden from the reader.
func (b *builder) acceptedWarnings(s *Section) {
	ws := b.f.AcceptedWarnings
	if len(ws) == 0 {
		return
	}
	L := b.L
	var rows [][]Cell
	for _, a := range ws {
		rows = append(rows, []Cell{{Text: a.Path}, {Text: a.Message}, {Text: a.Reason}, {Text: b.F.DatePtr(a.Until)}})
	}
	as := b.sub(s, "accepted", L.T("sec.appendix.accepted"))
	as.Blocks = append(as.Blocks, &Table{Caption: L.T("sec.appendix.accepted"),
		Header: []string{L.T("app.acc.key"), L.T("app.acc.warning"), L.T("app.acc.reason"), L.T("app.acc.until")},
		Rows:   rows, Widths: []float64{2.2, 4, 3, 1.3}})
}

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}
