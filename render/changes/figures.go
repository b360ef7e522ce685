package changes

import (
	"fmt"

	"github.com/kepdev/kep"
	"github.com/kepdev/kep/render"
)

// figures lists the derived figures that moved. They are compared as the document shows
// them, so a difference hidden by rounding is no change.
func (d *differ) figures(o, n *kep.Figures) {
	d.block = Figures
	top := subject{}
	shown := func(s string) val { return val{key: s, show: s, set: true} }
	ptr := func(p *float64, show func(float64) string) val {
		if p == nil {
			return val{}
		}
		return shown(show(*p))
	}
	score := func(f render.Format) func(float64) string { return func(v float64) string { return f.Number(v, 1) } }

	d.field("figures.completeness", top, d.f("f.completeness"),
		shown(fmt.Sprintf(d.w.phrase("blocks"), o.Completeness)), shown(fmt.Sprintf(d.w.phrase("blocks"), n.Completeness)))

	var os, ns kep.SelectionFigures
	if o.Selection != nil {
		os = *o.Selection
	}
	if n.Selection != nil {
		ns = *n.Selection
	}
	d.field("selection.class", top, d.f("f.class"), plain(os.Class), plain(ns.Class))
	d.field("selection.quadrant", top, d.f("f.quadrant"), d.enum("qshort", os.Quadrant), d.enum("qshort", ns.Quadrant))
	d.field("selection.attractiveness", top, d.f("f.attractiveness"), ptr(os.Attractiveness, score(d.fo)), ptr(ns.Attractiveness, score(d.fn)))
	d.field("selection.position", top, d.f("f.position"), ptr(os.Position, score(d.fo)), ptr(ns.Position, score(d.fn)))
	d.field("selection.margin_rate", top, d.f("f.margin_rate"), ptr(os.MarginRate, d.fo.Percent), ptr(ns.MarginRate, d.fn.Percent))
	d.field("selection.visit_cost", top, d.f("f.visit_cost"), ptr(os.VisitCost, d.fo.Money), ptr(ns.VisitCost, d.fn.Money))

	var osc, nsc kep.ScorecardFigures
	if o.Scorecard != nil {
		osc = *o.Scorecard
	}
	if n.Scorecard != nil {
		nsc = *n.Scorecard
	}
	d.field("scorecard.total", top, d.f("f.total"), ptr(osc.Total, d.fo.Percent), ptr(nsc.Total, d.fn.Percent))
	for _, p := range kep.Perspectives {
		label := d.f("f.perspective") + " " + d.w.inline(d.l.Enum("perspective", p))
		d.field("scorecard.perspectives."+p, top, label, mapPct(d.fo, osc.Perspectives, p), mapPct(d.fn, nsc.Perspectives, p))
	}
	for _, id := range d.objectiveIDs() {
		achieved := func(f render.Format, m map[string]*kep.ObjectiveFigures) val {
			of := m[id]
			if of == nil {
				return val{}
			}
			return shown(f.Percent(of.Achievement) + " (" + d.w.inline(d.l.Enum("light", of.Light)) + ")")
		}
		s := subject{noun: "objective", name: d.objectiveName(id), of: true}
		d.field("scorecard.objectives."+id+".achievement", s, d.f("f.achievement"), achieved(d.fo, osc.Objectives), achieved(d.fn, nsc.Objectives))
	}

	var oo, no kep.OfferingFigures
	if o.Offering != nil {
		oo = *o.Offering
	}
	if n.Offering != nil {
		no = *n.Offering
	}
	ids := d.competitorIDs()
	ids = append(ids, extraKeys(toSet(ids), oo.RelativeQuality, no.RelativeQuality)...)
	for _, id := range ids {
		rq := func(f render.Format, m map[string]float64) val {
			v, ok := m[id]
			if !ok {
				return val{}
			}
			return shown(f.Number(v, 2))
		}
		d.field("offering.relative_quality."+id, top, d.f("f.rq")+" "+d.competitorName(id), rq(d.fo, oo.RelativeQuality), rq(d.fn, no.RelativeQuality))
	}
	weakest := func(id string) val {
		if id == "" {
			return val{}
		}
		return val{key: id, show: d.competitorName(id), set: true}
	}
	d.field("offering.weakest_against", top, d.f("f.weakest"), weakest(oo.WeakestAgainst), weakest(no.WeakestAgainst))
	oq := map[string]string{}
	for _, c := range oo.Competences {
		oq[norm(c.Name)] = c.Quadrant
	}
	for _, c := range no.Competences {
		q, ok := oq[norm(c.Name)]
		if !ok {
			continue // a new competence is listed in its block already
		}
		d.field("offering.competences["+norm(c.Name)+"].quadrant", d.textItem("competence", c.Name), d.f("f.cquadrant"),
			d.enum("competence", q), d.enum("competence", c.Quadrant))
	}

	var oa, na kep.AnalysisFigures
	if o.Analysis != nil {
		oa = *o.Analysis
	}
	if n.Analysis != nil {
		na = *n.Analysis
	}
	d.field("analysis.readiness", top, d.f("f.readiness"), ptr(oa.Readiness, score(d.fo)), ptr(na.Readiness, score(d.fn)))

	for _, v := range d.valueIDs() {
		ov, nv := o.Value[v.id], n.Value[v.id]
		if ov == nil || nv == nil {
			continue // added or removed: listed in block 6 already
		}
		s := subject{noun: "value", name: v.name}
		d.field("value."+v.id+".net_total", s, d.f("f.net_total"), shown(d.fo.Money(ov.NetTotal)), shown(d.fn.Money(nv.NetTotal)))
		d.field("value."+v.id+".roi", s, d.f("f.roi"), ptr(ov.ROI, d.fo.Percent), ptr(nv.ROI, d.fn.Percent))
		months := func(f render.Format) func(float64) string {
			return func(m float64) string { return fmt.Sprintf(d.w.phrase("months"), f.Decimal(m, 1)) }
		}
		d.field("value."+v.id+".payback_months", s, d.f("f.payback"), ptr(ov.PaybackMonths, months(d.fo)), ptr(nv.PaybackMonths, months(d.fn)))
	}

	mapStatus := func(nf *kep.NetworkFigures) val {
		if nf == nil {
			return val{}
		}
		return val{key: fmt.Sprint(nf.MapStatus), show: d.l.Enum("mapstatus", fmt.Sprint(nf.MapStatus)), set: true}
	}
	d.field("network.map_status", top, d.f("f.map_status"), mapStatus(o.Network), mapStatus(n.Network))

	count := func(af *kep.ActionFigures, overdue bool) val {
		if af == nil {
			return val{}
		}
		if overdue {
			return integer(d.fn, af.Overdue)
		}
		return integer(d.fn, af.Open)
	}
	d.field("actions.open", top, d.f("f.open"), count(o.Actions, false), count(n.Actions, false))
	d.field("actions.overdue", top, d.f("f.overdue"), count(o.Actions, true), count(n.Actions, true))

	for _, t := range kep.ChecklistTopics {
		s := subject{noun: "checklist", name: d.l.Enum("topic", t)}
		d.field("checklists."+t, s, d.f("f.checklist"), ptr(o.Checklists[t], d.fo.Percent), ptr(n.Checklists[t], d.fn.Percent))
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
	for _, p := range []*kep.Plan{d.new, d.old} {
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
	for _, p := range []*kep.Plan{d.new, d.old} {
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
	for _, p := range []*kep.Plan{d.new, d.old} {
		for _, v := range p.Value {
			if !seen[v.ID] {
				seen[v.ID] = true
				out = append(out, named{v.ID, v.ID + " – " + oneLine(v.Name)})
			}
		}
	}
	return out
}
