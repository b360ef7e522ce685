package changes

import (
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/kepdev/kep/locale"
	"github.com/kepdev/kep/plan"
	"github.com/kepdev/kep/render"
)

// The comparison of each part of the plan, in document order. Each function sets the
// block and walks both versions through field, set, byID and byText.

func (d *differ) meta() {
	d.block = Plan
	o, n := d.old, d.new
	top := subject{}
	d.field("lang", top, d.f("lang"), d.language(o.Lang), d.language(n.Lang))
	d.field("currency", top, d.f("currency"), plain(o.Currency), plain(n.Currency))
	om, nm := o.Meta, n.Meta
	d.field("plan.account", top, d.f("account"), text(om.Account), text(nm.Account))
	d.field("plan.title", top, d.f("title"), text(om.Title), text(nm.Title))
	d.field("plan.from", top, d.f("period"), d.period(d.fo, om), d.period(d.fn, nm))
	d.field("plan.version", top, d.f("version"), plain(om.Version), plain(nm.Version))
	d.field("plan.status", top, d.f("status"), d.enum("status", or(om.Status, "draft")), d.enum("status", or(nm.Status, "draft")))
	d.field("plan.owner", top, d.f("owner"), text(om.Owner), text(nm.Owner))
	d.field("plan.approved_by", top, d.f("approved_by"), text(om.ApprovedBy), text(nm.ApprovedBy))
	d.field("plan.approved_on", top, d.f("approved_on"), dateP(d.fo, om.ApprovedOn), dateP(d.fn, nm.ApprovedOn))
	d.field("plan.confidentiality", top, d.f("confidentiality"),
		d.enum("confidentiality", or(om.Confidentiality, "confidential")), d.enum("confidentiality", or(nm.Confidentiality, "confidential")))
	d.field("plan.summary", top, d.f("summary"), markdown(om.Summary), markdown(nm.Summary))
	d.field("plan.kind", top, d.f("plan_kind"), d.enum("kind", or(om.Kind, "account")), d.enum("kind", or(nm.Kind, "account")))
}

func (d *differ) language(code string) val {
	code = or(code, locale.Default().Lang)
	v := plain(code)
	if locale.Supported(code) {
		v.show = d.w.LanguageName(code)
	}
	return v
}

func (d *differ) period(f render.Format, m plan.Meta) val {
	if m.From.IsZero() && m.To.IsZero() {
		return val{}
	}
	return val{key: m.From.String() + "/" + m.To.String(), show: f.Period(m.From, m.To), set: true}
}

func (d *differ) brand() {
	d.block = Brand
	o, n := d.old.Brand, d.new.Brand
	top := subject{}
	d.field("brand.company", top, d.f("company"), text(o.Company), text(n.Company))
	d.field("brand.logo", top, d.f("logo"), plain(o.Logo), plain(n.Logo))
	if o.Logo == n.Logo && o.Logo != "" && string(o.LogoData) != string(n.LogoData) {
		// Same path, other picture: the file beside the plan was replaced.
		d.field("brand.logo", top, d.f("logo_image"), val{key: "old", set: true, long: true, opaque: true}, val{key: "new", set: true, long: true, opaque: true})
	}
	d.field("brand.primary", top, d.f("primary"), plain(or(o.Primary, plan.DefaultPrimary)), plain(or(n.Primary, plan.DefaultPrimary)))
	d.field("brand.accent", top, d.f("accent"), plain(or(o.Accent, plan.DefaultAccent)), plain(or(n.Accent, plan.DefaultAccent)))
	d.field("brand.font", top, d.f("font"), plain(o.Font), plain(n.Font))
	d.field("brand.font_bold", top, d.f("font_bold"), plain(o.FontBold), plain(n.FontBold))
	d.field("brand.font_italic", top, d.f("font_italic"), plain(o.FontItalic), plain(n.FontItalic))
	d.field("brand.font_bold_italic", top, d.f("font_bold_italic"), plain(o.FontBoldItalic), plain(n.FontBoldItalic))
	d.field("brand.font_fallback", top, d.f("font_fallback"), plain(o.FontFallback), plain(n.FontFallback))
	d.field("brand.paper", top, d.f("paper"), plain(or(o.Paper, "A4")), plain(or(n.Paper, "A4")))
	d.field("brand.footer", top, d.f("footer"), text(o.Footer), text(n.Footer))
	d.field("brand.chapter_breaks", top, d.f("chapter_breaks"), plain(or(o.ChapterBreaks, "auto")), plain(or(n.ChapterBreaks, "auto")))
}

func (d *differ) selection() {
	d.block = Selection
	o, n := d.old.Selection, d.new.Selection
	var zero plan.Selection
	os, ns := &zero, &zero
	if o != nil {
		os = o
	}
	if n != nil {
		ns = n
	}
	top := subject{}
	d.field("selection.revenue", top, d.f("revenue"), given(o != nil, money(d.fo, os.Revenue)), given(n != nil, money(d.fn, ns.Revenue)))
	d.field("selection.contribution_margin", top, d.f("contribution_margin"),
		given(o != nil, money(d.fo, os.ContributionMargin)), given(n != nil, money(d.fn, ns.ContributionMargin)))
	d.field("selection.visits", top, d.f("visits"), given(o != nil, integer(d.fo, os.Visits)), given(n != nil, integer(d.fn, ns.Visits)))
	d.points("selection.attractiveness", d.f("attractiveness"), d.criteria(func(w *plan.Workspace) []plan.Criterion { return w.Scoring.Attractiveness }),
		os.Attractiveness, ns.Attractiveness)
	d.points("selection.position", d.f("position"), d.criteria(func(w *plan.Workspace) []plan.Criterion { return w.Scoring.Position }),
		os.Position, ns.Position)
}

// criteria lists the criteria of one scoring axis: the new workspace's, then any only the
// old one knows.
func (d *differ) criteria(axis func(*plan.Workspace) []plan.Criterion) []plan.Criterion {
	var out []plan.Criterion
	seen := map[string]bool{}
	for _, w := range []*plan.Workspace{d.new.Workspace, d.old.Workspace} {
		if w == nil {
			continue
		}
		for _, c := range axis(w) {
			if !seen[c.ID] {
				seen[c.ID] = true
				out = append(out, c)
			}
		}
	}
	return out
}

// points compares the points per criterion of one scoring axis, in the model's order and
// then any other ids, sorted.
func (d *differ) points(path, axis string, model []plan.Criterion, o, n map[string]float64) {
	names := map[string]string{}
	var ids []string
	for _, c := range model {
		names[c.ID] = c.Name
		ids = append(ids, c.ID)
	}
	ids = append(ids, extraKeys(names, o, n)...)
	for _, id := range ids {
		label := axis + " – " + or(names[id], id)
		d.field(path+"."+id, subject{}, label, pointsIn(d.fo, o, id), pointsIn(d.fn, n, id))
	}
}

func pointsIn(f render.Format, m map[string]float64, id string) val {
	v, ok := m[id]
	if !ok {
		return val{}
	}
	return decimal(f, v)
}

// extraKeys returns the keys of the maps that known lacks, sorted.
func extraKeys[T any](known map[string]string, ms ...map[string]T) []string {
	seen := map[string]bool{}
	var out []string
	for _, m := range ms {
		for k := range m {
			if _, ok := known[k]; !ok && !seen[k] {
				seen[k] = true
				out = append(out, k)
			}
		}
	}
	sort.Strings(out)
	return out
}

func (d *differ) scorecard() {
	d.block = Scorecard
	o, n := d.old.Scorecard, d.new.Scorecard
	for _, p := range plan.Perspectives {
		label := d.f("pweight") + " " + d.w.Inline(d.l.Enum("perspective", p))
		d.field("scorecard.weights."+p, subject{}, label, pct(d.fo, weightOf(o.Weights, p)), pct(d.fn, weightOf(n.Weights, p)))
	}
	id := func(x plan.Objective) string { return x.ID }
	byID("scorecard.objectives", o.Objectives, n.Objectives, id, func(a, b plan.Objective, path string) {
		s := subject{noun: "objective", name: b.ID + " – " + oneLine(b.Objective), of: true}
		d.field(path+".perspective", s, d.f("perspective"), d.enum("perspective", a.Perspective), d.enum("perspective", b.Perspective))
		d.field(path+".objective", s, d.f("objective"), text(a.Objective), text(b.Objective))
		d.field(path+".kpi", s, d.f("kpi"), text(a.KPI), text(b.KPI))
		d.field(path+".unit", s, d.f("unit"), plain(a.Unit), plain(b.Unit))
		d.field(path+".baseline", s, d.f("baseline"), inUnit(d.fo, a.Baseline, a.Unit), inUnit(d.fn, b.Baseline, b.Unit))
		d.field(path+".target", s, d.f("target"), inUnit(d.fo, &a.Target, a.Unit), inUnit(d.fn, &b.Target, b.Unit))
		d.field(path+".actual", s, d.f("actual"), inUnit(d.fo, a.Actual, a.Unit), inUnit(d.fn, b.Actual, b.Unit))
		d.field(path+".better", s, d.f("better"), d.enum("better", or(a.Better, "higher")), d.enum("better", or(b.Better, "higher")))
		d.field(path+".weight", s, d.f("weight"), pctP(d.fo, a.Weight), pctP(d.fn, b.Weight))
	}, func(b plan.Objective, path string) {
		detail := fmt.Sprintf("%s (%s, %s %s)", oneLine(b.Objective), d.l.Enum("perspective", b.Perspective),
			d.f("target"), inUnit(d.fn, &b.Target, b.Unit).show)
		d.added(path, subject{noun: "objective", name: b.ID}, detail)
	}, func(a plan.Objective, path string) {
		d.removed(path, subject{noun: "objective", name: a.ID}, oneLine(a.Objective))
	})
}

// weightOf is a perspective's effective weight: 25 each where the plan gives none.
func weightOf(ws map[string]float64, p string) float64 {
	if ws == nil {
		return 25
	}
	return ws[p]
}

// inUnit formats a scorecard value in its unit, as the document does.
func inUnit(f render.Format, v *float64, unit string) val {
	if v == nil {
		return val{}
	}
	return val{key: num(*v), show: f.Value(*v, unit), set: true}
}

func (d *differ) offering() {
	d.block = Offering
	o, n := orZero(d.old.Offering), orZero(d.new.Offering)
	d.field("offering.positioning", subject{}, d.f("positioning"), markdown(o.Positioning), markdown(n.Positioning))

	compIDs := d.competitorIDs()
	byText(d, "offering.profile", subject{noun: "criterion"}, o.Profile, n.Profile,
		func(x plan.ProfileCriterion) string { return x.Criterion }, nil,
		func(a, b plan.ProfileCriterion, path string, s subject) {
			d.field(path+".weight", s, d.f("weight"), pct(d.fo, a.Weight), pct(d.fn, b.Weight))
			d.field(path+".own", s, d.f("own"), decimal(d.fo, a.Own), decimal(d.fn, b.Own))
			for _, id := range append(compIDs, extraKeys(toSet(compIDs), a.Competitors, b.Competitors)...) {
				d.field(path+".competitors."+id, s, d.f("points_of")+" "+d.competitorName(id),
					pointsIn(d.fo, a.Competitors, id), pointsIn(d.fn, b.Competitors, id))
			}
		})

	byText(d, "offering.competences", subject{noun: "competence"}, o.Competences, n.Competences,
		func(x plan.Competence) string { return x.Name }, nil,
		func(a, b plan.Competence, path string, s subject) {
			d.field(path+".importance", s, d.f("importance"), decimal(d.fo, a.Importance), decimal(d.fn, b.Importance))
			d.field(path+".strength", s, d.f("strength"), decimal(d.fo, a.Strength), decimal(d.fn, b.Strength))
			d.field(path+".revenue", s, d.f("crevenue"), moneyP(d.fo, a.Revenue), moneyP(d.fn, b.Revenue))
		})

	byText(d, "offering.packages", subject{noun: "package"}, o.Packages, n.Packages,
		func(x plan.ServicePackage) string { return x.Name }, nil,
		func(a, b plan.ServicePackage, path string, s subject) {
			d.field(path+".description", s, d.f("description"), markdown(a.Description), markdown(b.Description))
			d.set(path+".components", subject{noun: "component", in: d.inParent("in", "package", s.name)}, a.Components, b.Components)
			d.field(path+".price", s, d.f("price"), moneyP(d.fo, a.Price), moneyP(d.fn, b.Price))
			d.field(path+".benefit", s, d.f("benefit"), text(a.Benefit), text(b.Benefit))
		})
}

// textItem is the subject of an item known by its text: "Kompetenzfeld „Service“".
func (d *differ) textItem(noun, name string) subject {
	return subject{noun: noun, name: d.w.Quote(oneLine(name))}
}

// inParent is the parent phrase of nested entries: "in Leistungspaket „X“", "bei
// Wettbewerber Y".
func (d *differ) inParent(prep, noun, name string) string {
	return d.w.InParent(prep, noun) + " " + name
}

// competitorIDs are the competitors of the new plan, then those only the old one has.
func (d *differ) competitorIDs() []string {
	var ids []string
	seen := map[string]bool{}
	for _, p := range []*plan.Plan{d.new, d.old} {
		for _, c := range p.Competitors {
			if !seen[c.ID] {
				seen[c.ID] = true
				ids = append(ids, c.ID)
			}
		}
	}
	return ids
}

func (d *differ) competitorName(id string) string {
	for _, p := range []*plan.Plan{d.new, d.old} {
		for _, c := range p.Competitors {
			if c.ID == id && strings.TrimSpace(c.Name) != "" {
				return oneLine(c.Name)
			}
		}
	}
	return id
}

func toSet(ids []string) map[string]string {
	m := make(map[string]string, len(ids))
	for _, id := range ids {
		m[id] = id
	}
	return m
}

func (d *differ) account() {
	d.block = Account
	o, n := orZero(d.old.Account), orZero(d.new.Account)
	top := subject{}
	d.field("account.industry", top, d.f("industry"), text(o.Industry), text(n.Industry))
	d.field("account.headquarters", top, d.f("headquarters"), text(o.Headquarters), text(n.Headquarters))
	d.field("account.employees", top, d.f("employees"), intP(d.fo, o.Employees), intP(d.fn, n.Employees))
	d.field("account.revenue", top, d.f("arevenue"), moneyP(d.fo, o.Revenue), moneyP(d.fn, n.Revenue))
	d.set("account.locations", subject{noun: "location"}, o.Locations, n.Locations)
	d.field("account.website", top, d.f("website"), plain(o.Website), plain(n.Website))
	d.field("account.strategy", top, d.f("strategy"), markdown(o.Strategy), markdown(n.Strategy))
	d.history(o.History, n.History)
	d.accountLists(o, n)
	op, np := orZero(o.Purchasing), orZero(n.Purchasing)
	d.field("account.purchasing.process", top, d.f("process"), markdown(op.Process), markdown(np.Process))
	d.set("account.purchasing.steps", subject{noun: "step"}, op.Steps, np.Steps)
	byText(d, "account.readiness", subject{noun: "readiness"}, o.Readiness, n.Readiness,
		func(x plan.Readiness) string { return x.Criterion },
		func(x plan.Readiness) string { return d.f("points") + " " + d.fn.Decimal(x.Points, 2) },
		func(a, b plan.Readiness, path string, s subject) {
			d.field(path+".points", s, d.f("points"), decimal(d.fo, a.Points), decimal(d.fn, b.Points))
		})
}

// history compares our business with the account year by year.
func (d *differ) history(o, n []plan.HistoryRow) {
	year := func(x plan.HistoryRow) string { return strconv.Itoa(x.Year) }
	byID("account.history", o, n, year, func(a, b plan.HistoryRow, path string) {
		s := subject{noun: "year", name: year(b)}
		d.field(path+".revenue", s, d.f("hrevenue"), money(d.fo, a.Revenue), money(d.fn, b.Revenue))
		d.field(path+".contribution_margin", s, d.f("hmargin"), moneyP(d.fo, a.ContributionMargin), moneyP(d.fn, b.ContributionMargin))
		d.field(path+".share_of_wallet", s, d.f("share_of_wallet"), pctP(d.fo, a.ShareOfWallet), pctP(d.fn, b.ShareOfWallet))
	}, func(b plan.HistoryRow, path string) {
		d.added(path, subject{noun: "year", name: year(b)}, d.f("hrevenue")+" "+d.fn.Money(b.Revenue))
	}, func(a plan.HistoryRow, path string) {
		d.removed(path, subject{noun: "year", name: year(a)}, "")
	})
}

// accountLists compares the account's pains and initiatives.
func (d *differ) accountLists(o, n plan.Account) {
	byText(d, "account.pains", subject{noun: "pain"}, o.Pains, n.Pains,
		func(x plan.Pain) string { return x.Pain }, nil,
		func(a, b plan.Pain, path string, s subject) {
			d.field(path+".impact", s, d.f("impact"), d.enum("level", a.Impact), d.enum("level", b.Impact))
			d.field(path+".solution", s, d.f("solution"), text(a.Solution), text(b.Solution))
		})
	byText(d, "account.initiatives", subject{noun: "initiative"}, o.Initiatives, n.Initiatives,
		func(x plan.Initiative) string { return x.Name }, nil,
		func(a, b plan.Initiative, path string, s subject) {
			d.field(path+".goal", s, d.f("igoal"), text(a.Goal), text(b.Goal))
			d.field(path+".due", s, d.f("due"), dateP(d.fo, a.Due), dateP(d.fn, b.Due))
			d.field(path+".relevance", s, d.f("relevance"), d.enum("level", a.Relevance), d.enum("level", b.Relevance))
		})
}

func (d *differ) linking() {
	d.block = Linking
	o, n := orZero(d.old.SWOT), orZero(d.new.SWOT)
	d.set("swot.strengths", subject{noun: "strength"}, o.Strengths, n.Strengths)
	d.set("swot.weaknesses", subject{noun: "weakness"}, o.Weaknesses, n.Weaknesses)
	d.set("swot.opportunities", subject{noun: "opportunity"}, o.Opportunities, n.Opportunities)
	d.set("swot.threats", subject{noun: "threat"}, o.Threats, n.Threats)
	d.set("swot.strategies.so", subject{noun: "so"}, o.Strategies.SO, n.Strategies.SO)
	d.set("swot.strategies.st", subject{noun: "st"}, o.Strategies.ST, n.Strategies.ST)
	d.set("swot.strategies.wo", subject{noun: "wo"}, o.Strategies.WO, n.Strategies.WO)
	d.set("swot.strategies.wt", subject{noun: "wt"}, o.Strategies.WT, n.Strategies.WT)
	d.competitors()
	byText(d, "goals", subject{noun: "goal"}, d.old.Goals, d.new.Goals,
		func(x plan.Goal) string { return x.AccountGoal },
		func(x plan.Goal) string { return oneLine(x.OwnGoal) },
		func(a, b plan.Goal, path string, s subject) {
			d.field(path+".own_goal", s, d.f("own_goal"), text(a.OwnGoal), text(b.OwnGoal))
			d.field(path+".contribution", s, d.f("contribution"), text(a.Contribution), text(b.Contribution))
			d.field(path+".objective", s, d.f("link_objective"), plain(a.Objective), plain(b.Objective))
		})
}

func (d *differ) competitors() {
	name := func(c plan.Competitor) string { return or(oneLine(c.Name), c.ID) }
	byID("competitors", d.old.Competitors, d.new.Competitors, func(x plan.Competitor) string { return x.ID },
		func(a, b plan.Competitor, path string) {
			s := subject{noun: "competitor", name: name(b)}
			d.field(path+".name", s, d.f("name"), text(a.Name), text(b.Name))
			d.field(path+".share_of_wallet", s, d.f("share_of_wallet"), pctP(d.fo, a.ShareOfWallet), pctP(d.fn, b.ShareOfWallet))
			in := d.inParent("at", "competitor", name(b))
			d.set(path+".strengths", subject{noun: "strength", in: in}, a.Strengths, b.Strengths)
			d.set(path+".weaknesses", subject{noun: "weakness", in: in}, a.Weaknesses, b.Weaknesses)
			d.field(path+".strategy", s, d.f("cstrategy"), text(a.Strategy), text(b.Strategy))
			d.field(path+".threat", s, d.f("threat"), d.enum("level", a.Threat), d.enum("level", b.Threat))
		}, func(b plan.Competitor, path string) {
			d.added(path, subject{noun: "competitor", name: name(b)}, d.competitorDetail(d.fn, b))
		}, func(a plan.Competitor, path string) {
			d.removed(path, subject{noun: "competitor", name: name(a)}, "")
		})
}

func (d *differ) competitorDetail(f render.Format, c plan.Competitor) string {
	var parts []string
	if c.ShareOfWallet != nil {
		parts = append(parts, d.f("share_of_wallet")+" "+f.Percent(*c.ShareOfWallet))
	}
	if c.Threat != "" {
		parts = append(parts, d.f("threat")+" "+d.w.Inline(d.l.Enum("level", c.Threat)))
	}
	return strings.Join(parts, ", ")
}

func (d *differ) value() {
	d.block = Value
	byID("value", d.old.Value, d.new.Value, func(x plan.ValueConcept) string { return x.ID },
		func(a, b plan.ValueConcept, path string) {
			s := subject{noun: "value", name: b.ID + " – " + oneLine(b.Name)}
			d.field(path+".name", s, d.f("name"), text(a.Name), text(b.Name))
			d.field(path+".description", s, d.f("description"), markdown(a.Description), markdown(b.Description))
			d.field(path+".years", s, d.f("years"), d.years(a.Years), d.years(b.Years))
			in := subject{in: d.inParent("in", "value", b.ID)}
			in.noun = "benefit"
			byText(d, path+".benefits", in, a.Benefits, b.Benefits,
				func(x plan.ValueBenefit) string { return x.Item },
				func(x plan.ValueBenefit) string { return d.fn.Money(x.Amount) },
				func(x, y plan.ValueBenefit, path string, s subject) {
					d.field(path+".amount", s, d.f("amount"), money(d.fo, x.Amount), money(d.fn, y.Amount))
					d.field(path+".basis", s, d.f("basis"), text(x.Basis), text(y.Basis))
				})
			in.noun = "cost"
			byText(d, path+".costs", in, a.Costs, b.Costs,
				func(x plan.ValueCost) string { return x.Item },
				func(x plan.ValueCost) string { return d.fn.Money(x.Amount) + ", " + d.once(x.Once).show },
				func(x, y plan.ValueCost, path string, s subject) {
					d.field(path+".amount", s, d.f("amount"), money(d.fo, x.Amount), money(d.fn, y.Amount))
					d.field(path+".once", s, d.f("once"), d.once(x.Once), d.once(y.Once))
				})
		}, func(b plan.ValueConcept, path string) {
			d.added(path, subject{noun: "value", name: b.ID}, oneLine(b.Name))
		}, func(a plan.ValueConcept, path string) {
			d.removed(path, subject{noun: "value", name: a.ID}, oneLine(a.Name))
		})
}

func (d *differ) years(y int) val {
	if y == 0 {
		y = 1 // the default horizon
	}
	return val{key: strconv.Itoa(y), show: fmt.Sprintf(d.l.T("b6.years.n"), y), set: true}
}

func (d *differ) once(once bool) val {
	if once {
		return val{key: "once", show: d.w.Phrase("onetime"), set: true}
	}
	return val{key: "yearly", show: d.w.Phrase("yearly"), set: true}
}

func (d *differ) network() {
	d.block = Network
	name := func(id, n string) string { return or(oneLine(n), id) }
	byID("team", d.old.Team, d.new.Team, func(x plan.TeamMember) string { return x.ID },
		func(a, b plan.TeamMember, path string) {
			s := subject{noun: "team", name: name(b.ID, b.Name)}
			d.field(path+".name", s, d.f("name"), text(a.Name), text(b.Name))
			d.field(path+".role", s, d.f("role"), text(a.Role), text(b.Role))
		}, func(b plan.TeamMember, path string) {
			d.added(path, subject{noun: "team", name: name(b.ID, b.Name)}, oneLine(b.Role))
		}, func(a plan.TeamMember, path string) {
			d.removed(path, subject{noun: "team", name: name(a.ID, a.Name)}, "")
		})
	byID("contacts", d.old.Contacts, d.new.Contacts, func(x plan.Contact) string { return x.ID },
		func(a, b plan.Contact, path string) {
			d.contact(a, b, path, subject{noun: "contact", name: name(b.ID, b.Name)})
		},
		func(b plan.Contact, path string) {
			d.added(path, subject{noun: "contact", name: name(b.ID, b.Name)}, d.contactDetail(b))
		}, func(a plan.Contact, path string) {
			d.removed(path, subject{noun: "contact", name: name(a.ID, a.Name)}, oneLine(a.Title))
		})
}

func (d *differ) contact(a, b plan.Contact, path string, s subject) {
	d.field(path+".name", s, d.f("name"), text(a.Name), text(b.Name))
	d.field(path+".title", s, d.f("ctitle"), text(a.Title), text(b.Title))
	d.field(path+".department", s, d.f("department"), text(a.Department), text(b.Department))
	d.field(path+".roles", s, d.f("roles"), d.roles(a.Roles), d.roles(b.Roles))
	d.field(path+".influence", s, d.f("influence"), d.levelEnum(a.Influence, "influence"), d.levelEnum(b.Influence, "influence"))
	d.field(path+".attitude", s, d.f("attitude"), d.enum("attitude", a.Attitude), d.enum("attitude", b.Attitude))
	d.field(path+".relationship", s, d.f("relationship"), d.levelEnum(a.Relationship, "relationship"), d.levelEnum(b.Relationship, "relationship"))
	d.field(path+".target_relationship", s, d.f("target_relationship"), d.relP(a.TargetRelationship), d.relP(b.TargetRelationship))
	d.field(path+".owner", s, d.f("cowner"), d.person(d.old, a.Owner), d.person(d.new, b.Owner))
	d.field(path+".reports_to", s, d.f("reports_to"), d.contactRef(d.old, a.ReportsTo), d.contactRef(d.new, b.ReportsTo))
	d.field(path+".last_contact", s, d.f("last_contact"), dateP(d.fo, a.LastContact), dateP(d.fn, b.LastContact))
	d.field(path+".next_step", s, d.f("next_step"), text(a.NextStep), text(b.NextStep))
}

// contactDetail says who a new contact is: title, influence and attitude.
func (d *differ) contactDetail(c plan.Contact) string {
	var parts []string
	if t := oneLine(c.Title); t != "" {
		parts = append(parts, t)
	}
	if c.Influence != 0 {
		parts = append(parts, d.f("influence")+" "+d.levelEnum(c.Influence, "influence").show)
	}
	if c.Attitude != "" {
		parts = append(parts, d.f("attitude")+" "+d.enum("attitude", c.Attitude).show)
	}
	return strings.Join(parts, ", ")
}

// roles are a contact's buying-centre roles as a set: in the model's order, labelled.
func (d *differ) roles(rs []string) val {
	if len(rs) == 0 {
		return val{}
	}
	has := map[string]bool{}
	for _, r := range rs {
		has[r] = true
	}
	var ks, shown []string
	for _, r := range plan.BuyingRoles {
		if has[r] {
			ks = append(ks, r)
			shown = append(shown, d.w.Inline(d.l.Enum("role", r)))
			delete(has, r)
		}
	}
	var rest []string
	for r := range has {
		rest = append(rest, r)
	}
	sort.Strings(rest)
	ks = append(ks, rest...)
	shown = append(shown, rest...)
	return val{key: strings.Join(ks, ","), show: strings.Join(shown, ", "), set: true}
}

func (d *differ) relP(p *int) val {
	if p == nil {
		return val{}
	}
	return d.levelEnum(*p, "relationship")
}

// person shows a team member by name, compared by id.
func (d *differ) person(p *plan.Plan, id string) val {
	v := plain(id)
	for _, m := range p.Team {
		if m.ID == id && strings.TrimSpace(m.Name) != "" {
			v.show = oneLine(m.Name)
		}
	}
	return v
}

// contactRef shows a contact by name, compared by id.
func (d *differ) contactRef(p *plan.Plan, id string) val {
	v := plain(id)
	for _, c := range p.Contacts {
		if c.ID == id && strings.TrimSpace(c.Name) != "" {
			v.show = oneLine(c.Name)
		}
	}
	return v
}

func (d *differ) actions() {
	d.block = Actions
	byID("actions", d.old.Actions, d.new.Actions, func(x plan.Action) string { return x.ID },
		func(a, b plan.Action, path string) {
			// Named by id and words, as the reader knows it: "a1 (Workshop Predictive …)";
			// where the words change, the change itself shows them.
			s := subject{noun: "action", name: b.ID}
			if a.Action == b.Action && b.Action != "" {
				s.name += " (" + short(b.Action, 48) + ")"
			}
			d.field(path+".action", s, d.f("action"), text(a.Action), text(b.Action))
			d.field(path+".owner", s, d.f("aowner"), d.person(d.old, a.Owner), d.person(d.new, b.Owner))
			d.field(path+".due", s, d.f("due"), dateP(d.fo, a.Due), dateP(d.fn, b.Due))
			d.field(path+".status", s, d.f("status"), d.enum("action", or(a.Status, "open")), d.enum("action", or(b.Status, "open")))
			d.field(path+".objective", s, d.f("aobjective"), plain(a.Objective), plain(b.Objective))
		}, func(b plan.Action, path string) {
			detail := oneLine(b.Action)
			var parts []string
			if b.Owner != "" {
				parts = append(parts, d.person(d.new, b.Owner).show)
			}
			if b.Due != nil {
				parts = append(parts, d.w.Phrase("due")+" "+d.fn.Date(*b.Due))
			}
			if len(parts) > 0 {
				detail += " (" + strings.Join(parts, ", ") + ")"
			}
			d.added(path, subject{noun: "action", name: b.ID}, detail)
		}, func(a plan.Action, path string) {
			d.removed(path, subject{noun: "action", name: a.ID}, oneLine(a.Action))
		})
}

// opportunities compares the pipeline (spec A5), shown with building block 2.
func (d *differ) opportunities() {
	d.block = Scorecard
	byID("opportunities", d.old.Opportunities, d.new.Opportunities, func(x plan.Opportunity) string { return x.ID },
		func(a, b plan.Opportunity, path string) {
			s := subject{noun: "deal", name: b.ID}
			if a.Name == b.Name && b.Name != "" {
				s.name += " (" + short(b.Name, 48) + ")"
			}
			d.field(path+".name", s, d.f("deal_name"), text(a.Name), text(b.Name))
			d.field(path+".value", s, d.f("deal_value"), money(d.fo, a.Value), money(d.fn, b.Value))
			d.field(path+".probability", s, d.f("probability"), pct(d.fo, a.Probability), pct(d.fn, b.Probability))
			d.field(path+".stage", s, d.f("stage"), d.enum("stage", a.Stage), d.enum("stage", b.Stage))
			d.field(path+".close", s, d.f("close"), date(d.fo, a.Close), date(d.fn, b.Close))
			d.field(path+".objective", s, d.f("aobjective"), plain(a.Objective), plain(b.Objective))
			d.field(path+".owner", s, d.f("aowner"), d.person(d.old, a.Owner), d.person(d.new, b.Owner))
			d.field(path+".contact", s, d.f("deal_contact"), d.contactRef(d.old, a.Contact), d.contactRef(d.new, b.Contact))
		}, func(b plan.Opportunity, path string) {
			detail := oneLine(b.Name) + " (" + d.fn.Money(b.Value) + ", " + d.fn.Percent(b.Probability) + ", " + d.enum("stage", b.Stage).show + ")"
			d.added(path, subject{noun: "deal", name: b.ID}, detail)
		}, func(a plan.Opportunity, path string) {
			d.removed(path, subject{noun: "deal", name: a.ID}, oneLine(a.Name))
		})
}

// asks compares the management asks (spec A6): a decision shows as a change of status.
func (d *differ) asks() {
	d.block = Asks
	byID("asks", d.old.Asks, d.new.Asks, func(x plan.Ask) string { return x.ID },
		func(a, b plan.Ask, path string) {
			s := subject{noun: "ask", name: b.ID}
			if a.Ask == b.Ask && b.Ask != "" {
				s.name += " (" + short(b.Ask, 48) + ")"
			}
			d.field(path+".ask", s, d.f("ask"), text(a.Ask), text(b.Ask))
			d.field(path+".kind", s, d.f("ask_kind"), d.enum("askkind", a.Kind), d.enum("askkind", b.Kind))
			d.field(path+".amount", s, d.f("amount"), moneyP(d.fo, a.Amount), moneyP(d.fn, b.Amount))
			d.field(path+".reason", s, d.f("reason"), markdown(a.Reason), markdown(b.Reason))
			d.field(path+".status", s, d.f("ask_status"), d.enum("askstatus", a.Status), d.enum("askstatus", b.Status))
			d.field(path+".decided_by", s, d.f("decided_by"), text(a.DecidedBy), text(b.DecidedBy))
			d.field(path+".decided_on", s, d.f("decided_on"), dateP(d.fo, a.DecidedOn), dateP(d.fn, b.DecidedOn))
			d.field(path+".condition", s, d.f("condition"), text(a.Condition), text(b.Condition))
			d.field(path+".objective", s, d.f("aobjective"), plain(a.Objective), plain(b.Objective))
		}, func(b plan.Ask, path string) {
			d.added(path, subject{noun: "ask", name: b.ID}, oneLine(b.Ask)+" ("+d.enum("askstatus", b.Status).show+")")
		}, func(a plan.Ask, path string) {
			d.removed(path, subject{noun: "ask", name: a.ID}, oneLine(a.Ask))
		})
}

func (d *differ) checklists() {
	d.block = Checklists
	topic := func(x plan.Checklist) string { return x.Topic }
	byID("checklists", d.old.Checklists, d.new.Checklists, topic, func(a, b plan.Checklist, path string) {
		in := subject{noun: "item", in: d.inParent("in", "checklist", d.l.Enum("topic", b.Topic))}
		byText(d, path+".items", in, a.Items, b.Items,
			func(x plan.ChecklistItem) string { return x.Item },
			func(x plan.ChecklistItem) string { return d.enum("check", x.Status).show },
			func(x, y plan.ChecklistItem, path string, s subject) {
				d.field(path+".status", s, d.f("status"), d.enum("check", x.Status), d.enum("check", y.Status))
			})
	}, func(b plan.Checklist, path string) {
		d.added(path, subject{noun: "checklist", name: d.l.Enum("topic", b.Topic)}, "")
	}, func(a plan.Checklist, path string) {
		d.removed(path, subject{noun: "checklist", name: d.l.Enum("topic", a.Topic)}, "")
	})
}

func (d *differ) reviews() {
	d.block = Reviews
	day := func(x plan.Review) string { return x.Date.String() }
	byID("reviews", d.old.Reviews, d.new.Reviews, day, func(a, b plan.Review, path string) {
		s := subject{noun: "review", name: d.fn.Date(b.Date)}
		d.field(path+".participants", s, d.f("participants"), people(a.Participants), people(b.Participants))
		d.field(path+".notes", s, d.f("notes"), markdown(a.Notes), markdown(b.Notes))
	}, func(b plan.Review, path string) {
		d.added(path, subject{noun: "review", name: d.fn.Date(b.Date)}, people(b.Participants).show)
	}, func(a plan.Review, path string) {
		d.removed(path, subject{noun: "review", name: d.fo.Date(a.Date)}, "")
	})
}

// accepted compares the warnings accepted on purpose ([[accepted]], spec A7), by the
// key path they accept; they belong with the plan's own data.
func (d *differ) accepted() {
	d.block = Plan
	key := func(x plan.Accepted) string { return x.Warning }
	byID("accepted", d.old.Accepted, d.new.Accepted, key, func(a, b plan.Accepted, path string) {
		s := subject{noun: "accepted", name: b.Warning}
		d.field(path+".reason", s, d.f("reason"), text(a.Reason), text(b.Reason))
		d.field(path+".until", s, d.f("until"), dateP(d.fo, a.Until), dateP(d.fn, b.Until))
	}, func(b plan.Accepted, path string) {
		d.added(path, subject{noun: "accepted", name: b.Warning}, b.Reason)
	}, func(a plan.Accepted, path string) {
		d.removed(path, subject{noun: "accepted", name: a.Warning}, "")
	})
}

// people is a list of names compared as a set and shown in the plan's order.
func people(names []string) val {
	var ks, shown []string
	for _, n := range names {
		if n = norm(n); n != "" {
			ks = append(ks, n)
			shown = append(shown, n)
		}
	}
	if len(ks) == 0 {
		return val{}
	}
	sort.Strings(ks)
	return val{key: strings.Join(ks, "\x00"), show: strings.Join(shown, ", "), set: true}
}

// given is v where the block is present, "not given" where it is not.
func given(present bool, v val) val {
	if !present {
		return val{}
	}
	return v
}

func or(s, def string) string {
	if strings.TrimSpace(s) == "" {
		return def
	}
	return s
}
