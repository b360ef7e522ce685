package changes

import (
	"fmt"

	"github.com/kepdev/kep/plan"
	planfigures "github.com/kepdev/kep/plan/figures"
	"github.com/kepdev/kep/render"
)

// figures lists the derived figures that moved. They are compared as the document shows
// them, so a difference hidden by rounding is no change.
func (d *differ) figures(o, n *planfigures.Figures) {
	d.block = Figures
	blocks := func(f *planfigures.Figures) val { return shown(fmt.Sprintf(d.w.Phrase("blocks"), f.Completeness)) }
	d.field("figures.completeness", subject{}, d.f("f.completeness"), blocks(o), blocks(n))
	d.selectionFigures(orZero(o.Selection), orZero(n.Selection))
	d.scorecardFigures(orZero(o.Scorecard), orZero(n.Scorecard))
	d.offeringFigures(orZero(o.Offering), orZero(n.Offering))
	oa, na := orZero(o.Analysis), orZero(n.Analysis)
	d.field("analysis.readiness", subject{}, d.f("f.readiness"), ptrVal(oa.Readiness, score(d.fo)), ptrVal(na.Readiness, score(d.fn)))
	d.valueFigures(o.Value, n.Value)
	d.otherFigures(o, n)
}

// shown is a derived value compared as shown.
func shown(s string) val { return val{key: s, show: s, set: true} }

func ptrVal(p *float64, show func(float64) string) val {
	if p == nil {
		return val{}
	}
	return shown(show(*p))
}

// score formats a 0–100 score with one decimal, as the document does.
func score(f render.Format) func(float64) string {
	return func(v float64) string { return f.Number(v, 1) }
}

// orZero is *p, or the zero value where a block of figures is left out.
func orZero[T any](p *T) T {
	var zero T
	if p == nil {
		return zero
	}
	return *p
}

func (d *differ) selectionFigures(o, n planfigures.SelectionFigures) {
	top := subject{}
	d.field("selection.class", top, d.f("f.class"), plain(o.Class), plain(n.Class))
	d.field("selection.quadrant", top, d.f("f.quadrant"), d.enum("qshort", o.Quadrant), d.enum("qshort", n.Quadrant))
	d.field("selection.attractiveness", top, d.f("f.attractiveness"), ptrVal(o.Attractiveness, score(d.fo)), ptrVal(n.Attractiveness, score(d.fn)))
	d.field("selection.position", top, d.f("f.position"), ptrVal(o.Position, score(d.fo)), ptrVal(n.Position, score(d.fn)))
	d.field("selection.margin_rate", top, d.f("f.margin_rate"), ptrVal(o.MarginRate, d.fo.Percent), ptrVal(n.MarginRate, d.fn.Percent))
	d.field("selection.visit_cost", top, d.f("f.visit_cost"), ptrVal(o.VisitCost, d.fo.Money), ptrVal(n.VisitCost, d.fn.Money))
}

func (d *differ) scorecardFigures(o, n planfigures.ScorecardFigures) {
	d.field("scorecard.total", subject{}, d.f("f.total"), ptrVal(o.Total, d.fo.Percent), ptrVal(n.Total, d.fn.Percent))
	for _, p := range plan.Perspectives {
		label := d.f("f.perspective") + " " + d.w.Inline(d.l.Enum("perspective", p))
		d.field("scorecard.perspectives."+p, subject{}, label, mapPct(d.fo, o.Perspectives, p), mapPct(d.fn, n.Perspectives, p))
	}
	for _, id := range d.objectiveIDs() {
		achieved := func(f render.Format, m map[string]*planfigures.ObjectiveFigures) val {
			of := m[id]
			if of == nil {
				return val{}
			}
			state := d.l.Enum("light", of.Light)
			if of.StartingPoint {
				state = d.l.T("b2.start")
			}
			return shown(f.Percent(of.Achievement) + " (" + d.w.Inline(state) + ")")
		}
		s := subject{noun: "objective", name: d.objectiveName(id), of: true}
		d.field("scorecard.objectives."+id+".achievement", s, d.f("f.achievement"), achieved(d.fo, o.Objectives), achieved(d.fn, n.Objectives))
	}
}

func (d *differ) offeringFigures(o, n planfigures.OfferingFigures) {
	ids := d.competitorIDs()
	ids = append(ids, extraKeys(toSet(ids), o.RelativeQuality, n.RelativeQuality)...)
	for _, id := range ids {
		rq := func(f render.Format, m map[string]float64) val {
			v, ok := m[id]
			if !ok {
				return val{}
			}
			return shown(f.Number(v, 2))
		}
		d.field("offering.relative_quality."+id, subject{}, d.f("f.rq")+" "+d.competitorName(id), rq(d.fo, o.RelativeQuality), rq(d.fn, n.RelativeQuality))
	}
	weakest := func(id string) val {
		if id == "" {
			return val{}
		}
		return val{key: id, show: d.competitorName(id), set: true}
	}
	d.field("offering.weakest_against", subject{}, d.f("f.weakest"), weakest(o.WeakestAgainst), weakest(n.WeakestAgainst))
	// Competences are matched by name; names may repeat, so the k-th of a name in the
	// old version goes with the k-th of it in the new one.
	oq := map[string][]string{}
	for _, c := range o.Competences {
		oq[norm(c.Name)] = append(oq[norm(c.Name)], c.Quadrant)
	}
	nth := map[string]int{}
	for _, c := range n.Competences {
		k := norm(c.Name)
		i := nth[k]
		nth[k]++
		if i >= len(oq[k]) {
			continue // a new competence is listed in its block already
		}
		q := oq[k][i]
		d.field("offering.competences["+norm(c.Name)+"].quadrant", d.textItem("competence", c.Name), d.f("f.cquadrant"),
			d.enum("competence", q), d.enum("competence", c.Quadrant))
	}
}

func (d *differ) valueFigures(o, n map[string]*planfigures.ValueFigures) {
	months := func(f render.Format) func(float64) string {
		return func(m float64) string { return fmt.Sprintf(d.w.Phrase("months"), f.Decimal(m, 1)) }
	}
	for _, v := range d.valueIDs() {
		ov, nv := o[v.id], n[v.id]
		if ov == nil || nv == nil {
			continue // added or removed: listed in block 6 already
		}
		s, path := subject{noun: "value", name: v.name}, "value."+v.id
		d.field(path+".net_total", s, d.f("f.net_total"), shown(d.fo.Money(ov.NetTotal)), shown(d.fn.Money(nv.NetTotal)))
		d.field(path+".roi", s, d.f("f.roi"), ptrVal(ov.ROI, d.fo.Percent), ptrVal(nv.ROI, d.fn.Percent))
		d.field(path+".payback_months", s, d.f("f.payback"), ptrVal(ov.PaybackMonths, months(d.fo)), ptrVal(nv.PaybackMonths, months(d.fn)))
	}
}

// otherFigures are the map status, the action counts and the checklists' shares.
func (d *differ) otherFigures(o, n *planfigures.Figures) {
	top := subject{}
	mapStatus := func(nf *planfigures.NetworkFigures) val {
		if nf == nil {
			return val{}
		}
		return val{key: fmt.Sprint(nf.MapStatus), show: d.l.Enum("mapstatus", fmt.Sprint(nf.MapStatus)), set: true}
	}
	d.field("network.map_status", top, d.f("f.map_status"), mapStatus(o.Network), mapStatus(n.Network))
	count := func(af *planfigures.ActionFigures, overdue bool) val {
		switch {
		case af == nil:
			return val{}
		case overdue:
			return integer(d.fn, af.Overdue)
		}
		return integer(d.fn, af.Open)
	}
	d.field("actions.open", top, d.f("f.open"), count(o.Actions, false), count(n.Actions, false))
	d.field("actions.overdue", top, d.f("f.overdue"), count(o.Actions, true), count(n.Actions, true))
	pipe := func(pf *planfigures.PipelineFigures, f render.Format, v func(*planfigures.PipelineFigures) *float64) val {
		if pf == nil {
			return val{}
		}
		return moneyP(f, v(pf))
	}
	for _, k := range []struct {
		path, word string
		v          func(*planfigures.PipelineFigures) *float64
	}{
		{"pipeline.weighted", "f.pipeline", func(pf *planfigures.PipelineFigures) *float64 { return &pf.Weighted }},
		{"pipeline.won", "f.won", func(pf *planfigures.PipelineFigures) *float64 { return &pf.Won }},
		{"pipeline.bridge.expected", "f.expected", func(pf *planfigures.PipelineFigures) *float64 { return pf.Bridge.Expected }},
		{"pipeline.bridge.gap", "f.gap", func(pf *planfigures.PipelineFigures) *float64 { return pf.Bridge.Gap }},
	} {
		d.field(k.path, top, d.f(k.word), pipe(o.Pipeline, d.fo, k.v), pipe(n.Pipeline, d.fn, k.v))
	}
	askCount := func(af *planfigures.AskFigures) val {
		if af == nil {
			return val{}
		}
		return integer(d.fn, af.Open)
	}
	askAmount := func(af *planfigures.AskFigures, f render.Format) val {
		if af == nil {
			return val{}
		}
		return money(f, af.ApprovedAmount)
	}
	d.field("asks.open", top, d.f("f.asks_open"), askCount(o.Asks), askCount(n.Asks))
	d.field("asks.approved_amount", top, d.f("f.approved"), askAmount(o.Asks, d.fo), askAmount(n.Asks, d.fn))
	for _, t := range plan.ChecklistTopics {
		s := subject{noun: "checklist", name: d.l.Enum("topic", t)}
		d.field("checklists."+t, s, d.f("f.checklist"), ptrVal(o.Checklists[t], d.fo.Percent), ptrVal(n.Checklists[t], d.fn.Percent))
	}
}

func mapPct(f render.Format, m map[string]float64, k string) val {
	v, ok := m[k]
	if !ok {
		return val{}
	}
	s := f.Percent(v)
	return val{key: s, show: s, set: true}
}

// objectiveIDs are the objectives of the new plan, then those only the old one has.
func (d *differ) objectiveIDs() []string {
	var ids []string
	seen := map[string]bool{}
	for _, p := range []*plan.Plan{d.new, d.old} {
		for _, o := range p.Scorecard.Objectives {
			if !seen[o.ID] {
				seen[o.ID] = true
				ids = append(ids, o.ID)
			}
		}
	}
	return ids
}

func (d *differ) objectiveName(id string) string {
	for _, p := range []*plan.Plan{d.new, d.old} {
		for _, o := range p.Scorecard.Objectives {
			if o.ID == id {
				return id + " – " + oneLine(o.Objective)
			}
		}
	}
	return id
}

type named struct{ id, name string }

// valueIDs are the value concepts of both plans, the new plan's first.
func (d *differ) valueIDs() []named {
	var out []named
	seen := map[string]bool{}
	for _, p := range []*plan.Plan{d.new, d.old} {
		for _, v := range p.Value {
			if !seen[v.ID] {
				seen[v.ID] = true
				out = append(out, named{v.ID, v.ID + " – " + oneLine(v.Name)})
			}
		}
	}
	return out
}
