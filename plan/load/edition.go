package load

import (
	"slices"
	"strings"

	"github.com/kepdev/kep/plan"
)

// The customer edition (spec "Editions") is built from a plan that never holds internal
// data: CustomerPlan copies, field by field, only what the customer may read, and every
// customer document is rendered from that copy. Leaving things out is then a property of
// the model, not a filter in each writer that a new section could bypass.
//
// customerKeep classifies every key of the plan schema: true = the customer edition keeps
// it, false = internal. A key added to the schema without a classification fails
// TestCustomerClassification, so that nobody adds a field and forgets the question.
// Keeping a key here is not enough for it to appear: CustomerPlan must copy it too
// (render/edition's marker test checks both directions).
var customerKeep = map[string]bool{
	"format": true, "lang": true, "currency": true,
	// Our brand: the customer edition is our document.
	"brand": true, "brand.company": true, "brand.logo": true, "brand.primary": true,
	"brand.accent": true, "brand.font": true, "brand.font_bold": true, "brand.font_italic": true, "brand.font_bold_italic": true, "brand.font_fallback": true, "brand.paper": true,
	"brand.footer": true, "brand.chapter_breaks": true,
	// The plan: the account, the period and the version; its internal title, approval,
	// status, confidentiality level, the manager's summary and the prospect mark stay home.
	"plan": true, "plan.account": true, "plan.from": true, "plan.to": true, "plan.version": true,
	"plan.owner": true,
	"plan.title": false, "plan.status": false, "plan.approved_by": false, "plan.approved_on": false,
	"plan.confidentiality": false, "plan.summary": false, "plan.kind": false,
	// Block 1: scores, classes, visits, margins.
	"selection": false, "selection.revenue": false, "selection.contribution_margin": false,
	"selection.visits": false, "selection.attractiveness": false, "selection.position": false,
	// Block 2: our KPIs and targets (revenue, margin, share of wallet) are internal; the
	// joint objectives are the linked goals ([[goals]]).
	"scorecard": false, "scorecard.weights": false, "scorecard.weights.finance": false,
	"scorecard.weights.customer": false, "scorecard.weights.process": false, "scorecard.weights.learning": false,
	"scorecard.objectives": false, "scorecard.objectives.id": false, "scorecard.objectives.perspective": false,
	"scorecard.objectives.objective": false, "scorecard.objectives.kpi": false, "scorecard.objectives.unit": false,
	"scorecard.objectives.baseline": false, "scorecard.objectives.target": false, "scorecard.objectives.actual": false,
	"scorecard.objectives.better": false, "scorecard.objectives.weight": false,
	// Block 3: positioning and packages; the profile against competitors, the competence
	// assessment and our prices stay home.
	"offering": true, "offering.positioning": true,
	"offering.profile": false, "offering.profile.criterion": false, "offering.profile.weight": false,
	"offering.profile.own": false, "offering.profile.competitors": false,
	"offering.competences": false, "offering.competences.name": false, "offering.competences.importance": false,
	"offering.competences.strength": false, "offering.competences.revenue": false,
	"offering.packages": true, "offering.packages.name": true, "offering.packages.description": true,
	"offering.packages.components": true, "offering.packages.benefit": true, "offering.packages.price": false,
	// Block 4: the account's facts, strategy, pains and initiatives; our history with it
	// (revenue, margins, share of wallet), the relevance to us, our read of its purchasing
	// and its readiness stay home.
	"account": true, "account.industry": true, "account.headquarters": true, "account.employees": true,
	"account.revenue": true, "account.locations": true, "account.website": true, "account.strategy": true,
	"account.history": false, "account.history.year": false, "account.history.revenue": false,
	"account.history.contribution_margin": false, "account.history.share_of_wallet": false,
	"account.pains": true, "account.pains.pain": true, "account.pains.impact": true, "account.pains.solution": true,
	"account.initiatives": true, "account.initiatives.name": true, "account.initiatives.goal": true,
	"account.initiatives.due": true, "account.initiatives.relevance": false,
	"account.purchasing": false, "account.purchasing.process": false, "account.purchasing.steps": false,
	"account.readiness": false, "account.readiness.criterion": false, "account.readiness.points": false,
	// Block 5: strengths and opportunities; weaknesses, threats, strategies, competitors out.
	"swot": true, "swot.strengths": true, "swot.opportunities": true,
	"swot.weaknesses": false, "swot.threats": false,
	"swot.strategies": false, "swot.strategies.so": false, "swot.strategies.st": false,
	"swot.strategies.wo": false, "swot.strategies.wt": false,
	"competitors": false, "competitors.id": false, "competitors.name": false, "competitors.share_of_wallet": false,
	"competitors.strengths": false, "competitors.weaknesses": false, "competitors.strategy": false,
	"competitors.threat": false,
	"goals":              true, "goals.account_goal": true, "goals.own_goal": true, "goals.contribution": true,
	"goals.objective": false,
	// Block 6: the value concepts with the account's benefits, not the costs.
	"value": true, "value.id": true, "value.name": true, "value.description": true, "value.years": true,
	"value.benefits": true, "value.benefits.item": true, "value.benefits.amount": true, "value.benefits.basis": true,
	"value.costs": false, "value.costs.item": false, "value.costs.amount": false, "value.costs.once": false,
	// Block 7: our team and the account's people by name and function; how we rate them
	// (roles, influence, attitude, relationship), who owns them and our next steps stay home.
	"team": true, "team.id": true, "team.name": true, "team.role": true,
	"contacts": true, "contacts.id": true, "contacts.name": true, "contacts.title": true, "contacts.department": true,
	"contacts.roles": false, "contacts.influence": false, "contacts.attitude": false, "contacts.relationship": false,
	"contacts.target_relationship": false, "contacts.owner": false, "contacts.reports_to": false,
	"contacts.last_contact": false, "contacts.next_step": false,
	// Actions with their owner from our team, without the link to an internal objective.
	"actions": true, "actions.id": true, "actions.action": true, "actions.owner": true, "actions.due": true,
	"actions.status": true, "actions.objective": false,
	"opportunities": false, "opportunities.id": false, "opportunities.name": false, "opportunities.value": false,
	"opportunities.probability": false, "opportunities.stage": false, "opportunities.close": false,
	"opportunities.objective": false, "opportunities.owner": false, "opportunities.contact": false,
	"asks": false, "asks.id": false, "asks.ask": false, "asks.kind": false, "asks.amount": false, "asks.reason": false,
	"asks.status": false, "asks.decided_by": false, "asks.decided_on": false, "asks.condition": false,
	"asks.objective": false,
	"checklists":     false, "checklists.topic": false, "checklists.items": false, "checklists.items.item": false,
	"checklists.items.status": false,
	// Reviews: when they were held and who took part; the notes are internal.
	"reviews": true, "reviews.date": true, "reviews.participants": true, "reviews.notes": false,
	"accepted": false, "accepted.warning": false, "accepted.reason": false, "accepted.until": false,
}

// PlanKey describes one key of the plan format for tools and tests.
type PlanKey struct {
	Path string // dotted, arrays without index: "contacts.attitude"
	// Text is true for keys that hold text written by the user (text, Markdown, lists
	// of text): the keys where a marker string can stand.
	Text bool
	// Table is true for tables and arrays of tables.
	Table bool
	// Customer is true when the customer edition keeps the key; Classified is false
	// for a key customerKeep does not know.
	Customer, Classified bool
}

// PlanKeys lists every key of the plan format (not the workspace-only ones) in schema
// order.
func PlanKeys() []PlanKey {
	var out []PlanKey
	var walk func(pre string, s *keySpec)
	walk = func(pre string, s *keySpec) {
		for _, k := range s.keys {
			if k.wsOnly {
				continue
			}
			path := k.name
			if pre != "" {
				path = pre + "." + k.name
			}
			keep, ok := customerKeep[path]
			pk := PlanKey{Path: path, Customer: keep, Classified: ok,
				Text:  k.kind == kindText || k.kind == kindMarkdown || k.kind == kindTextList,
				Table: k.kind == kindTable || k.kind == kindTables}
			out = append(out, pk)
			if pk.Table {
				walk(path, k)
			}
		}
	}
	walk("", planSchema())
	return out
}

// CustomerPlan returns the customer edition's plan: a new plan holding only the kept
// fields of p, with a workspace that holds the brand and the built-in defaults but none
// of the workspace's scoring, visit or cost model. p is not changed. The result shares
// no slice with p.
func CustomerPlan(p *plan.Plan) *plan.Plan {
	if p == nil {
		return nil
	}
	c := &plan.Plan{Format: p.Format, Lang: p.Lang, Currency: p.Currency, File: p.File, Brand: p.Brand}
	c.Meta = plan.Meta{Account: p.Meta.Account, From: p.Meta.From, To: p.Meta.To, Version: p.Meta.Version,
		Owner: p.Meta.Owner}
	ws := plan.DefaultWorkspace()
	ws.Lang, ws.Currency, ws.Brand = p.Lang, p.Currency, p.Brand
	if p.Workspace != nil {
		ws.File, ws.Dir = p.Workspace.File, p.Workspace.Dir
	}
	c.Workspace = ws

	if o := p.Offering; o != nil && (strings.TrimSpace(o.Positioning) != "" || len(o.Packages) > 0) {
		co := &plan.Offering{Positioning: o.Positioning}
		for _, pk := range o.Packages {
			co.Packages = append(co.Packages, plan.ServicePackage{Name: pk.Name, Description: pk.Description,
				Components: slices.Clone(pk.Components), Benefit: pk.Benefit})
		}
		c.Offering = co
	}
	if a := p.Account; a != nil {
		ca := &plan.Account{Industry: a.Industry, Headquarters: a.Headquarters, Locations: slices.Clone(a.Locations),
			Website: a.Website, Strategy: a.Strategy}
		if a.Employees != nil {
			n := *a.Employees
			ca.Employees = &n
		}
		if a.Revenue != nil {
			v := *a.Revenue
			ca.Revenue = &v
		}
		for _, pn := range a.Pains {
			ca.Pains = append(ca.Pains, plan.Pain{Pain: pn.Pain, Impact: pn.Impact, Solution: pn.Solution})
		}
		for _, in := range a.Initiatives {
			ci := plan.Initiative{Name: in.Name, Goal: in.Goal}
			if in.Due != nil {
				d := *in.Due
				ci.Due = &d
			}
			ca.Initiatives = append(ca.Initiatives, ci)
		}
		c.Account = ca
	}
	if s := p.SWOT; s != nil && (len(s.Strengths) > 0 || len(s.Opportunities) > 0) {
		c.SWOT = &plan.SWOT{Strengths: slices.Clone(s.Strengths), Opportunities: slices.Clone(s.Opportunities)}
	}
	for _, g := range p.Goals {
		c.Goals = append(c.Goals, plan.Goal{AccountGoal: g.AccountGoal, OwnGoal: g.OwnGoal, Contribution: g.Contribution})
	}
	for _, v := range p.Value {
		cv := plan.ValueConcept{ID: v.ID, Name: v.Name, Description: v.Description, Years: v.Years}
		for _, b := range v.Benefits {
			cv.Benefits = append(cv.Benefits, plan.ValueBenefit{Item: b.Item, Amount: b.Amount, Basis: b.Basis})
		}
		c.Value = append(c.Value, cv)
	}
	for _, t := range p.Team {
		c.Team = append(c.Team, plan.TeamMember{ID: t.ID, Name: t.Name, Role: t.Role})
	}
	for _, ct := range p.Contacts {
		c.Contacts = append(c.Contacts, plan.Contact{ID: ct.ID, Name: ct.Name, Title: ct.Title, Department: ct.Department})
	}
	for _, a := range p.Actions {
		ca := plan.Action{ID: a.ID, Action: a.Action, Owner: a.Owner, Status: a.Status}
		if a.Due != nil {
			d := *a.Due
			ca.Due = &d
		}
		c.Actions = append(c.Actions, ca)
	}
	for _, r := range p.Reviews {
		c.Reviews = append(c.Reviews, plan.Review{Date: r.Date, Participants: slices.Clone(r.Participants)})
	}
	return c
}
