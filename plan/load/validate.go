package load

import (
	"math"
	"net/url"
	"slices"
	"strings"

	"github.com/kepdev/kep/plan"
	"github.com/kepdev/kep/plan/figures"
)

// One validator per building block checks the rules that span keys: sums, cross
// references, uniqueness, order. They run on the decoded structs after the schema walk
// has passed, before the defaults are filled in (so "not given" is still visible), and
// find their lines through the decoded file's index.
// weightTolerance is how far a sum of weights may stray from 100 (spec: ± 0.01).
const weightTolerance = 0.01

// sumSlack absorbs the rounding of binary floats, in which 33.33 + 33.33 + 33.33 is
// 99.98999999999999: a sum written as 99.99 or 100.01 lies within the spec's ± 0.01.
const sumSlack = 1e-9

// off100 reports whether a sum of weights lies outside 100 ± 0.01.
func off100(sum float64) bool { return math.Abs(sum-100) > weightTolerance+sumSlack }

// sumText shows a sum of weights with the decimals it has, so that a sum just outside
// the tolerance does not read as one inside it (100.015, not 100.01 or 100.02), and
// without the float error (99.99, not 99.98999999999999).
func sumText(sum float64) string { return valueText(figures.Decimal(sum)) }

type checker struct {
	d  *decoded
	ds plan.Diagnostics
}

func (c *checker) errf(path, format string, args ...any) {
	if c.full() {
		return
	}
	c.ds = append(c.ds, c.d.at(path, false, format, args...))
}

// full reports whether the file has more errors than anyone will read.
func (c *checker) full() bool { return c.d.errors > MaxErrors }

// unique reports every id that appears a second time in a list.
func (c *checker) unique(list string, n int, id func(int) string, what string) map[string]bool {
	seen := map[string]bool{}
	for i := 0; i < n; i++ {
		v := id(i)
		if seen[v] {
			c.errf(IndexPath(list, i)+"."+what, "%s %q is used twice", what, v)
		}
		seen[v] = true
	}
	return seen
}

// validateWorkspace checks the workspace after its defaults are filled in; classes are
// the [[visits.classes]] rows as written.
func validateWorkspace(d *decoded, w *plan.Workspace, classes []plan.VisitClass) plan.Diagnostics {
	c := &checker{d: d}
	c.scoring(&w.Scoring, d.raw)
	c.visitClasses(classes, d.raw)
	return c.ds
}

func validatePlan(d *decoded, p *plan.Plan) plan.Diagnostics {
	c := &checker{d: d}
	c.markdownBudget(p) // before anything parses the Markdown
	c.plan(p)
	c.selection(p)                              // block 1
	objectives := c.scorecard(&p.Scorecard)     // block 2
	competitors := c.competitors(p.Competitors) // block 5, before 3 refers to it
	c.offering(p.Offering, competitors)         // block 3
	c.account(p.Account)                        // block 4
	c.goals(p.Goals, objectives)                // block 5
	c.value(p.Value)                            // block 6
	team := c.network(p.Team, p.Contacts)       // block 7
	c.actions(p.Actions, team, objectives)
	c.opportunities(p.Opportunities, team, p.Contacts, objectives)
	c.asks(p.Asks, objectives)
	c.checklists(p.Checklists)
	c.reviews(p.Reviews)
	return c.ds
}

func (c *checker) plan(p *plan.Plan) {
	m := p.Meta
	if !m.From.IsZero() && !m.To.IsZero() && !m.From.Before(m.To) {
		c.errf("plan.to", "the plan period ends (%s) before it starts or on the same day (from = %s)", m.To, m.From)
	}
	approved := m.Status == "approved"
	switch {
	case approved && m.ApprovedBy == "":
		c.errf("plan.approved_by", "required when status is \"approved\"")
	case approved && strings.TrimSpace(m.ApprovedBy) == "":
		// A blank name approves nothing: the approval is printed on the document.
		c.errf("plan.approved_by", "must not be blank when status is \"approved\"")
	case !approved && m.ApprovedBy != "":
		c.errf("plan.approved_by", "given, but status is %q: set status = \"approved\" or remove it", orDefault(m.Status, plan.DefaultStatus))
	}
	switch {
	case approved && m.ApprovedOn == nil:
		c.errf("plan.approved_on", "required when status is \"approved\"")
	case !approved && m.ApprovedOn != nil:
		c.errf("plan.approved_on", "given, but status is %q: set status = \"approved\" or remove it", orDefault(m.Status, plan.DefaultStatus))
	}
}

func orDefault(s, def string) string {
	if s == "" {
		return def
	}
	return s
}

func (c *checker) scoring(s *plan.Scoring, raw map[string]any) {
	if s.ClassB >= s.ClassA {
		c.errf("scoring.class_b", "class_b (%s) must be below class_a (%s)", valueText(s.ClassB), valueText(s.ClassA))
	}
	sc, _ := raw["scoring"].(map[string]any)
	for _, axis := range []struct {
		name string
		list []plan.Criterion
	}{{"attractiveness", s.Attractiveness}, {"position", s.Position}} {
		if _, given := sc[axis.name]; !given {
			continue
		}
		path := "scoring." + axis.name
		if len(axis.list) == 0 {
			c.errf(path, "the %s axis needs at least one criterion", axis.name)
			continue
		}
		list := axis.list
		c.unique(path, len(list), func(i int) string { return list[i].ID }, "id")
		sum := 0.0
		for _, cr := range list {
			sum += cr.Weight
		}
		if off100(sum) {
			c.errf(IndexPath(path, len(list)-1)+".weight", "weights of %s sum to %s, want 100", axis.name, sumText(sum))
		}
	}
}

func (c *checker) visitClasses(classes []plan.VisitClass, raw map[string]any) {
	vs, _ := raw["visits"].(map[string]any)
	c.territories(vs)
	given, _ := rows(vs["classes"])
	_, territories := vs["territories"]
	for i, row := range given {
		path := IndexPath("visits.classes", i)
		for _, k := range []string{"customers", "prospects", "minor_prospects"} {
			_, ok := row[k]
			switch {
			case territories && ok:
				// Counted twice or not at all: the territories hold the counts (A2).
				c.errf(path+"."+k, "the territories count the customers: with [[visits.territories]], give %s in each territory's [[visits.territories.classes]], not here", k)
			case !territories && !ok && k == "customers":
				c.errf(path+".customers", "required key is missing")
			}
		}
	}
	if _, given := vs["classes"]; !given {
		return
	}
	c.uniqueClasses("visits.classes", classes)
	seen := map[string]bool{}
	for _, r := range classes {
		seen[r.Class] = true
	}
	var missing []string
	for _, k := range plan.VisitClasses {
		if !seen[k] {
			missing = append(missing, k)
		}
	}
	if len(missing) > 0 {
		c.errf("visits.classes", "no row for class %s: give one row for each of A, B and C", strings.Join(missing, ", "))
	}
}

// uniqueClasses reports a class that has a second row in a list of visit class rows.
func (c *checker) uniqueClasses(list string, classes []plan.VisitClass) {
	seen := map[string]bool{}
	for i, r := range classes {
		if seen[r.Class] {
			c.errf(IndexPath(list, i)+".class", "class %s has a second row", r.Class)
		}
		seen[r.Class] = true
	}
}

// territories checks the territories' names and class rows as written (before their
// defaults are filled in).
func (c *checker) territories(vs map[string]any) {
	ts, _ := rows(vs["territories"])
	seen := map[string]bool{}
	for i, t := range ts {
		path := IndexPath("visits.territories", i)
		name, _ := t["name"].(string)
		if seen[name] {
			c.errf(path+".name", "territory %q is given twice", name)
		}
		seen[name] = true
		given, _ := rows(t["classes"])
		var classes []plan.VisitClass
		for _, r := range given {
			cl, _ := r["class"].(string)
			classes = append(classes, plan.VisitClass{Class: cl})
		}
		c.uniqueClasses(path+".classes", classes)
	}
}

// selection checks that the points name exactly the criteria of the workspace's model.
func (c *checker) selection(p *plan.Plan) {
	s := p.Selection
	if s == nil || p.Workspace == nil || p.Workspace.Invalid {
		return
	}
	for _, axis := range []struct {
		name   string
		model  []plan.Criterion
		points map[string]float64
	}{{"attractiveness", p.Workspace.Scoring.Attractiveness, s.Attractiveness},
		{"position", p.Workspace.Scoring.Position, s.Position}} {
		if axis.points == nil {
			continue
		}
		path := "selection." + axis.name
		ids := make([]string, 0, len(axis.model))
		known := map[string]bool{}
		for _, cr := range axis.model {
			ids = append(ids, cr.ID)
			known[cr.ID] = true
		}
		for _, k := range sortedKeys(axis.points) {
			if known[k] {
				continue
			}
			if n := nearest(k, ids); n != "" {
				c.errf(joinKey(path, k), "%q is not a criterion of the scoring model, did you mean %q?", k, n)
			} else {
				c.errf(joinKey(path, k), "%q is not a criterion of the scoring model (criteria: %s)", k, strings.Join(ids, ", "))
			}
		}
		for _, cr := range axis.model {
			if _, ok := axis.points[cr.ID]; !ok {
				c.errf(path, "no points for criterion %q (%s)", cr.ID, cr.Name)
			}
		}
	}
}

// scorecard checks perspective and objective weights and targets; it returns the
// objective ids for the cross references of goals and actions.
func (c *checker) scorecard(s *plan.Scorecard) map[string]bool {
	if s.Weights != nil {
		sum := 0.0
		for _, w := range s.Weights {
			sum += w
		}
		if off100(sum) {
			c.errf("scorecard.weights", "weights of the perspectives sum to %s, want 100", sumText(sum))
		}
	}
	ids := c.unique("scorecard.objectives", len(s.Objectives), func(i int) string { return s.Objectives[i].ID }, "id")
	type perspective struct {
		sum           float64
		given, absent int
		last          int
	}
	per := map[string]*perspective{}
	for i, o := range s.Objectives {
		path := IndexPath("scorecard.objectives", i)
		switch {
		case o.Target == 0:
			c.errf(path+".target", "target must not be 0")
		case o.Better == "lower" && o.Target < 0:
			c.errf(path+".target", "target must be above 0 where better = \"lower\"")
		}
		ps := per[o.Perspective]
		if ps == nil {
			ps = &perspective{}
			per[o.Perspective] = ps
		}
		ps.last = i
		if o.Weight == nil {
			ps.absent++
		} else {
			ps.given++
			ps.sum += *o.Weight
		}
	}
	for _, k := range plan.Perspectives {
		ps := per[k]
		if ps == nil || ps.given == 0 {
			continue // no weights: equal shares
		}
		path := IndexPath("scorecard.objectives", ps.last) + ".weight"
		if ps.absent > 0 {
			c.errf(path, "%d of the objectives of perspective %q have a weight and %d have none: weigh all or none", ps.given, k, ps.absent)
			continue
		}
		if off100(ps.sum) {
			c.errf(path, "weights of perspective %q sum to %s, want 100", k, sumText(ps.sum))
		}
	}
	return ids
}

func (c *checker) offering(o *plan.Offering, competitors map[string]bool) {
	if o == nil || len(o.Profile) == 0 {
		return
	}
	sum := 0.0
	rated := map[string]bool{}
	for _, r := range o.Profile {
		sum += r.Weight
		for id := range r.Competitors {
			rated[id] = true
		}
	}
	last := IndexPath("offering.profile", len(o.Profile)-1)
	if off100(sum) {
		c.errf(last+".weight", "weights of the profile sum to %s, want 100", sumText(sum))
	}
	ids := sortedKeys(competitors)
	ratedIDs := sortedKeys(rated)
	for i, r := range o.Profile {
		path := IndexPath("offering.profile", i) + ".competitors"
		for _, id := range sortedKeys(r.Competitors) {
			p := joinKey(path, id)
			if !competitors[id] {
				if n := nearest(id, ids); n != "" {
					c.errf(p, "%q is not the id of a competitor in [[competitors]], did you mean %q?", id, n)
				} else {
					c.errf(p, "%q is not the id of a competitor in [[competitors]]", id)
				}
			}
			if r.Competitors[id] == 0 {
				c.errf(p, "0 points: relative quality divides by the competitor's points; give at least a small value")
			}
		}
		// Relative quality compares over the whole profile, so each rated competitor
		// needs a point on every criterion.
		for _, id := range ratedIDs {
			if c.full() {
				return
			}
			if _, ok := r.Competitors[id]; !ok {
				c.errf(IndexPath("offering.profile", i), "no points for competitor %q, rated on other criteria", id)
			}
		}
	}
}

func (c *checker) account(a *plan.Account) {
	if a == nil {
		return
	}
	if a.Website != "" {
		u, err := url.Parse(a.Website)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			c.errf("account.website", "%q is not a web address: want http:// or https:// and a host", a.Website)
		}
	}
	seen := map[int]bool{}
	for i, h := range a.History {
		if seen[h.Year] {
			c.errf(IndexPath("account.history", i)+".year", "year %d has a second row", h.Year)
		}
		seen[h.Year] = true
	}
}

// competitors checks ids and shares; it returns the ids for the profile's references.
func (c *checker) competitors(cs []plan.Competitor) map[string]bool {
	ids := c.unique("competitors", len(cs), func(i int) string { return cs[i].ID }, "id")
	sum, last := 0.0, -1
	for i, k := range cs {
		if k.ShareOfWallet != nil {
			sum += *k.ShareOfWallet
			last = i
		}
	}
	if sum > 100+weightTolerance+sumSlack {
		c.errf(IndexPath("competitors", last)+".share_of_wallet", "shares of wallet of the competitors sum to %s, more than 100", sumText(sum))
	}
	return ids
}

func (c *checker) value(vs []plan.ValueConcept) {
	c.unique("value", len(vs), func(i int) string { return vs[i].ID }, "id")
}

// ref reports a reference to an id that the list does not hold.
func (c *checker) ref(path, id string, ids map[string]bool, list string) {
	if id == "" || ids[id] {
		return
	}
	if n := nearest(id, sortedKeys(ids)); n != "" {
		c.errf(path, "%q is not an id in %s, did you mean %q?", id, list, n)
		return
	}
	c.errf(path, "%q is not an id in %s", id, list)
}

func (c *checker) goals(gs []plan.Goal, objectives map[string]bool) {
	for i, g := range gs {
		c.ref(IndexPath("goals", i)+".objective", g.Objective, objectives, "[[scorecard.objectives]]")
	}
}

// network checks our team and the account's contacts; it returns the team's ids for
// the owners of actions.
func (c *checker) network(tm []plan.TeamMember, cs []plan.Contact) map[string]bool {
	team := c.unique("team", len(tm), func(i int) string { return tm[i].ID }, "id")
	ids := c.unique("contacts", len(cs), func(i int) string { return cs[i].ID }, "id")
	byID := map[string]int{}
	for i, k := range cs {
		if _, ok := byID[k.ID]; !ok {
			byID[k.ID] = i
		}
	}
	for i, k := range cs {
		path := IndexPath("contacts", i)
		c.ref(path+".owner", k.Owner, team, "[[team]]")
		c.ref(path+".reports_to", k.ReportsTo, ids, "[[contacts]]")
		if k.ReportsTo != "" && k.ReportsTo == k.ID {
			c.errf(path+".reports_to", "contact %q reports to itself", k.ID)
		}
		if k.TargetRelationship != nil && *k.TargetRelationship < k.Relationship {
			c.errf(path+".target_relationship", "target_relationship (%d) is below relationship (%d)", *k.TargetRelationship, k.Relationship)
		}
	}
	// Cycles: each contact reports to at most one, so a walk along reports_to either ends
	// or runs into a circle. Each contact is walked once; a circle is reported once, at
	// its contact that comes first in the file.
	const (
		unvisited = iota
		onPath
		done
	)
	state := make([]int, len(cs))
	for i := range cs {
		var path []int
		at := map[int]int{} // contact → position on the path
		for j := i; state[j] == unvisited; {
			state[j], at[j] = onPath, len(path)
			path = append(path, j)
			next, ok := byID[cs[j].ReportsTo]
			if !ok || next == j {
				break
			}
			if state[next] == onPath {
				c.circle(cs, byID, path[at[next]:])
				break
			}
			j = next
		}
		for _, j := range path {
			state[j] = done
		}
	}
	return team
}

// circle reports a circle of reports_to at its member that comes first in the file.
func (c *checker) circle(cs []plan.Contact, byID map[string]int, members []int) {
	first := slices.Min(members)
	names := []string{cs[first].ID}
	for j := byID[cs[first].ReportsTo]; ; j = byID[cs[j].ReportsTo] {
		names = append(names, cs[j].ID)
		if j == first {
			break
		}
	}
	if len(names) > 8 {
		names = append(names[:6:6], "…", cs[first].ID)
	}
	circle := strings.Join(names, " → ")
	if len(members) > 7 {
		c.errf(IndexPath("contacts", first)+".reports_to", "reports_to goes round in a circle: %s (%d contacts)", circle, len(members))
		return
	}
	c.errf(IndexPath("contacts", first)+".reports_to", "reports_to goes round in a circle: %s", circle)
}

func (c *checker) actions(as []plan.Action, team, objectives map[string]bool) {
	c.unique("actions", len(as), func(i int) string { return as[i].ID }, "id")
	for i, a := range as {
		path := IndexPath("actions", i)
		c.ref(path+".owner", a.Owner, team, "[[team]]")
		c.ref(path+".objective", a.Objective, objectives, "[[scorecard.objectives]]")
	}
}

// opportunities checks ids, references and that a decided opportunity's probability
// says what its stage says (spec A5).
func (c *checker) opportunities(os []plan.Opportunity, team map[string]bool, cs []plan.Contact, objectives map[string]bool) {
	c.unique("opportunities", len(os), func(i int) string { return os[i].ID }, "id")
	contacts := map[string]bool{}
	for _, k := range cs {
		contacts[k.ID] = true
	}
	for i, o := range os {
		path := IndexPath("opportunities", i)
		switch {
		case o.Stage == "won" && o.Probability != 100:
			c.errf(path+".probability", "stage \"won\" means probability 100, not %s: set probability = 100 or choose the stage that fits", valueText(o.Probability))
		case o.Stage == "lost" && o.Probability != 0:
			c.errf(path+".probability", "stage \"lost\" means probability 0, not %s: set probability = 0 or choose the stage that fits", valueText(o.Probability))
		}
		c.ref(path+".objective", o.Objective, objectives, "[[scorecard.objectives]]")
		c.ref(path+".owner", o.Owner, team, "[[team]]")
		c.ref(path+".contact", o.Contact, contacts, "[[contacts]]")
	}
}

// asks checks that a decided ask names who decided and when, and that only a
// conditional approval carries a condition (spec A6).
func (c *checker) asks(as []plan.Ask, objectives map[string]bool) {
	c.unique("asks", len(as), func(i int) string { return as[i].ID }, "id")
	for i, a := range as {
		path := IndexPath("asks", i)
		decided := a.Status != "open"
		switch {
		case decided && strings.TrimSpace(a.DecidedBy) == "":
			c.errf(path+".decided_by", "required when status is %q: who decided", a.Status)
		case !decided && a.DecidedBy != "":
			c.errf(path+".decided_by", "given, but status is \"open\": set the status the decision gave, or remove it")
		}
		switch {
		case decided && a.DecidedOn == nil:
			c.errf(path+".decided_on", "required when status is %q: the date of the decision", a.Status)
		case !decided && a.DecidedOn != nil:
			c.errf(path+".decided_on", "given, but status is \"open\": set the status the decision gave, or remove it")
		}
		switch {
		case a.Status == "conditional" && strings.TrimSpace(a.Condition) == "":
			c.errf(path+".condition", "required when status is \"conditional\": the condition of the approval")
		case a.Status != "conditional" && a.Condition != "":
			c.errf(path+".condition", "only a conditional approval has a condition, but status is %q: set status = \"conditional\" or remove it", a.Status)
		}
		c.ref(path+".objective", a.Objective, objectives, "[[scorecard.objectives]]")
	}
}

func (c *checker) checklists(cl []plan.Checklist) {
	c.unique("checklists", len(cl), func(i int) string { return cl[i].Topic }, "topic")
}

func (c *checker) reviews(rs []plan.Review) {
	for i := 1; i < len(rs); i++ {
		if rs[i].Date.Before(rs[i-1].Date) {
			c.errf(IndexPath("reviews", i)+".date", "%s lies before the review above it (%s): list reviews oldest first, newest last", rs[i].Date, rs[i-1].Date)
		}
	}
}
