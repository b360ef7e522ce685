package figures

import (
	"math"
	"sort"
	"time"

	"github.com/kepdev/kep/plan"
)

// Compute derives every figure of a checked plan. now is the document date (overdue
// actions). It never changes the plan.
func Compute(p *plan.Plan, now time.Time) *Figures {
	f := &Figures{Warnings: []string{}}
	if p == nil {
		return f
	}
	ws := p.Workspace
	if ws == nil {
		ws = plan.DefaultWorkspace()
	}
	f.Account = p.Meta.Account
	f.Kind = p.Meta.Kind
	if f.Kind == "" {
		f.Kind = plan.DefaultKind
	}
	f.From = p.Meta.From.String()
	f.To = p.Meta.To.String()
	f.Lang = p.Lang
	f.Currency = p.Currency
	f.Blocks = Blocks(p)
	f.Examples = p.Examples
	for i, b := range f.Blocks {
		// A block still as kep init wrote it is shown, but not counted (spec A9).
		if b && !f.Examples[i] {
			f.Completeness++
		}
	}
	f.Visits = Visits(ws)
	if f.Blocks[0] {
		f.Selection = Selection(p, ws, f.Visits)
	}
	if f.Blocks[1] {
		f.Scorecard = scorecardFigures(&p.Scorecard)
	}
	if f.Blocks[2] {
		f.Offering = offeringFigures(p)
	}
	if f.Blocks[3] {
		f.Analysis = &AnalysisFigures{Readiness: readiness(p.Account.Readiness)}
	}
	for _, v := range p.Value {
		if len(v.Benefits) == 0 && len(v.Costs) == 0 {
			continue
		}
		if f.Value == nil {
			f.Value = map[string]*ValueFigures{}
		}
		f.Value[v.ID] = valueFigures(v)
	}
	if f.Blocks[6] {
		f.Network = networkFigures(p)
	}
	if len(p.Actions) > 0 {
		f.Actions = actionFigures(p.Actions, plan.DateOf(now))
	}
	if len(p.Opportunities) > 0 {
		f.Pipeline = pipelineFigures(p, plan.DateOf(now))
	}
	if len(p.Asks) > 0 {
		f.Asks = askFigures(p.Asks)
	}
	for _, c := range p.Checklists {
		if f.Checklists == nil {
			f.Checklists = map[string]*float64{}
		}
		f.Checklists[c.Topic] = checklistShare(c.Items)
	}
	// Warnings, AcceptedWarnings and Accepted are plan/check's to fill.
	return f
}

// ptr returns a figure that can be given, or nil (null in JSON) where it is not a finite
// number: extreme but valid inputs (a target of 1e-300) must not break JSON.
func ptr(v float64) *float64 {
	if !finite(v) {
		return nil
	}
	return &v
}

func finite(v float64) bool { return !math.IsInf(v, 0) && !math.IsNaN(v) }

// blocksWithData tells for each building block whether it holds any data.
func Blocks(p *plan.Plan) [7]bool {
	var b [7]bool
	if s := p.Selection; s != nil {
		b[0] = p.SelectionGiven || s.Revenue != 0 || s.ContributionMargin != 0 || s.Visits != 0 ||
			len(s.Attractiveness) > 0 || len(s.Position) > 0
	}
	b[1] = len(p.Scorecard.Objectives) > 0
	if o := p.Offering; o != nil {
		b[2] = o.Positioning != "" || len(o.Profile) > 0 || len(o.Competences) > 0 || len(o.Packages) > 0
	}
	if a := p.Account; a != nil {
		b[3] = a.Industry != "" || a.Headquarters != "" || a.Employees != nil || a.Revenue != nil ||
			len(a.Locations) > 0 || a.Website != "" || a.Strategy != "" || len(a.History) > 0 ||
			len(a.Pains) > 0 || len(a.Initiatives) > 0 || len(a.Readiness) > 0 ||
			(a.Purchasing != nil && (a.Purchasing.Process != "" || len(a.Purchasing.Steps) > 0))
	}
	if s := p.SWOT; s != nil {
		b[4] = len(s.Strengths)+len(s.Weaknesses)+len(s.Opportunities)+len(s.Threats)+
			len(s.Strategies.SO)+len(s.Strategies.ST)+len(s.Strategies.WO)+len(s.Strategies.WT) > 0
	}
	b[4] = b[4] || len(p.Competitors) > 0 || len(p.Goals) > 0
	b[5] = len(p.Value) > 0
	b[6] = len(p.Team) > 0 || len(p.Contacts) > 0
	return b
}

// visitFigures is the visit-needs and visit-cost analysis of the workspace.
func Visits(ws *plan.Workspace) *VisitFigures {
	v := ws.Visits
	f := &VisitFigures{}
	perKAM := v.WorkingDays * v.VisitsPerDay
	if len(v.Territories) == 0 {
		f.ByClass, f.Need = classNeeds(v.Classes)
		f.Capacity = float64(v.KAMs) * perKAM
		if perKAM > 0 {
			f.KAMsNeeded = ptr(f.Need / perKAM)
		}
	} else {
		// Per territory (je Gebiet, spec A2): need and capacity are the territories' sums,
		// and so are the KAMs needed, each territory at its own days and visits a day.
		f.ByClass = make([]ClassNeed, len(v.Classes))
		for i, c := range v.Classes {
			f.ByClass[i] = ClassNeed{Class: c.Class}
		}
		needed := 0.0
		for _, t := range v.Territories {
			tn := TerritoryNeed{Name: t.Name, KAMs: t.KAMs}
			tn.ByClass, tn.Need = classNeeds(t.Classes)
			tperKAM := t.WorkingDays * t.VisitsPerDay
			tn.Capacity = float64(t.KAMs) * tperKAM
			if tn.Capacity > 0 && tn.Need > 0 {
				tn.Utilisation = ptr(tn.Need / tn.Capacity * 100)
			}
			if tperKAM > 0 {
				tn.KAMsNeeded = ptr(tn.Need / tperKAM)
				needed += tn.Need / tperKAM
			}
			for i := range tn.ByClass {
				if i < len(f.ByClass) {
					f.ByClass[i].add(tn.ByClass[i])
				}
			}
			f.Territories = append(f.Territories, tn)
			f.Need += tn.Need
			f.Capacity += tn.Capacity
		}
		f.KAMsNeeded = ptr(needed)
	}
	// Without customers or prospects in any class the workspace has no visit model: a
	// utilisation of 0 % would read as a green light (issue 14), so it is not given.
	f.Model = f.Need > 0
	if !f.Model {
		f.KAMsNeeded = nil
	}
	if f.Capacity > 0 && f.Model {
		f.Utilisation = ptr(f.Need / f.Capacity * 100)
	}
	if len(ws.Costs.Items) > 0 {
		k := 0.0
		for _, it := range ws.Costs.Items {
			k += it.Amount
		}
		f.CostPerKAM = ptr(k)
		if v.WorkingDays > 0 {
			f.CostPerDay = ptr(k / v.WorkingDays)
		}
		if perKAM > 0 {
			f.CostPerVisit = ptr(k / perKAM)
		}
	}
	return f
}

// classNeeds is the visit need of each class row and their sum: customers × frequency +
// prospects × prospect frequency + minor prospects × minor prospect frequency.
func classNeeds(classes []plan.VisitClass) ([]ClassNeed, float64) {
	out := make([]ClassNeed, 0, len(classes))
	sum := 0.0
	for _, c := range classes {
		cv := float64(c.Customers) * c.Frequency
		n := ClassNeed{Class: c.Class, Customers: c.Customers, Prospects: c.Prospects, MinorProspects: c.MinorProspects,
			CustomerVisits: cv,
			Visits:         cv + float64(c.Prospects)*c.ProspectFrequency + float64(c.MinorProspects)*c.MinorProspectFrequency}
		out = append(out, n)
		sum += n.Visits
	}
	return out, sum
}

// score is Σ weight × points / 10 over the axis' criteria (0–100); nil without points.
func score(model []plan.Criterion, points map[string]float64) *float64 {
	if len(points) == 0 {
		return nil
	}
	s := 0.0
	for _, c := range model {
		s += c.Weight * points[c.ID] / 10
	}
	return &s
}

// decimal rounds away the error of binary floats from a figure before it is compared
// with a threshold (class, quadrant, traffic light): weights and points written in
// decimals whose score is 70 must give class A, but their float sum is
// 69.99999999999999. The figures themselves stay unrounded (spec/program.md). Nine
// decimals are far below what a plan states and far above the float error; figures too
// large for that are left alone.
func Decimal(v float64) float64 {
	if !finite(v) || math.Abs(v) >= 1e6 {
		return v
	}
	return math.Round(v*1e9) / 1e9
}

func Selection(p *plan.Plan, ws *plan.Workspace, vf *VisitFigures) *SelectionFigures {
	s := p.Selection
	f := &SelectionFigures{
		Attractiveness: score(ws.Scoring.Attractiveness, s.Attractiveness),
		Position:       score(ws.Scoring.Position, s.Position),
	}
	if a := f.Attractiveness; a != nil {
		switch a := Decimal(*a); {
		case a >= ws.Scoring.ClassA:
			f.Class = "A"
		case a >= ws.Scoring.ClassB:
			f.Class = "B"
		default:
			f.Class = "C"
		}
		ka := f.Class != "C" // building block 1's verdict (spec A3)
		f.KeyAccount = &ka
		for _, c := range ws.Visits.Classes {
			if c.Class == f.Class {
				// A potential key account is visited at its class's prospect rate (A2).
				freq := c.Frequency
				if p.Prospect() {
					freq = c.ProspectFrequency
				}
				f.NormVisits = ptr(freq * periodYears(p.Meta.From, p.Meta.To))
			}
		}
	}
	if a, q := f.Attractiveness, f.Position; a != nil && q != nil {
		f.Quadrant = Quadrant(*a, *q)
	}
	if s.Revenue > 0 {
		f.MarginRate = ptr(s.ContributionMargin / s.Revenue * 100)
	}
	if vf.CostPerVisit != nil {
		cost := float64(s.Visits) * *vf.CostPerVisit
		f.VisitCost = &cost
		if s.Revenue > 0 {
			f.VisitCostRevenuePct = ptr(cost / s.Revenue * 100)
		}
		if s.ContributionMargin > 0 {
			f.VisitCostMarginPct = ptr(cost / s.ContributionMargin * 100)
		}
	}
	return f
}

// Quadrant places scores in the scoring portfolio, cut at 50 on both axes (compared in
// decimals, see decimal).
func Quadrant(attractiveness, position float64) string {
	attractiveness, position = Decimal(attractiveness), Decimal(position)
	switch {
	case attractiveness >= 50 && position >= 50:
		return "star"
	case attractiveness >= 50:
		return "question"
	case position >= 50:
		return "cash"
	}
	return "marginal"
}

// periodYears is the plan period in years: the whole years from `from`, then the rest in
// days of the following year, so that a calendar year (also a leap year) is exactly 1.
func periodYears(from, to plan.Date) float64 {
	if to.Before(from) {
		return 0
	}
	end := to.Time().AddDate(0, 0, 1) // to is the period's last day
	years := 0.0
	start := from.Time()
	for i := 0; i < 10000; i++ { // TOML years end at 9999
		next := from.Time().AddDate(i+1, 0, 0)
		if next.After(end) {
			yearDays := next.Sub(start).Hours() / 24
			return years + end.Sub(start).Hours()/24/yearDays
		}
		years++
		start = next
	}
	return years
}

// Achievement is the degree to which actual (or baseline) reaches target, in percent,
// never below 0. better is "higher" or "lower".
func Achievement(value, target float64, better string) float64 {
	var a float64
	if better == "lower" {
		a = (2*target - value) / target * 100
	} else {
		a = value / target * 100
	}
	if a < 0 || math.IsNaN(a) {
		return 0
	}
	return a
}

// Light is the traffic light of an achievement: ≥ 100 green, ≥ 80 amber, else red,
// compared in decimals (an achievement of 8.04 / 10.05 is 80, amber).
func Light(achievement float64) string {
	achievement = Decimal(achievement)
	switch {
	case achievement >= 100:
		return "green"
	case achievement >= 80:
		return "amber"
	}
	return "red"
}

func scorecardFigures(sc *plan.Scorecard) *ScorecardFigures {
	f := &ScorecardFigures{
		Perspectives: map[string]float64{},
		Objectives:   map[string]*ObjectiveFigures{},
		Weights:      map[string]float64{},
	}
	type acc struct{ sum, weight float64 }
	per := map[string]*acc{}
	has := map[string]bool{}
	anyActual := false
	for _, o := range sc.Objectives {
		anyActual = anyActual || o.Actual != nil
	}
	f.StartingPoint = !anyActual
	for _, o := range sc.Objectives {
		has[o.Perspective] = true
		w := 0.0
		if o.Weight != nil {
			w = *o.Weight
		}
		v, start := o.Actual, false
		if v == nil {
			v, start = o.Baseline, true
		}
		if v == nil || o.Target == 0 {
			continue
		}
		a := Achievement(*v, o.Target, o.Better)
		if !finite(a) {
			continue
		}
		of := &ObjectiveFigures{Achievement: a, Light: Light(a), StartingPoint: start, Weight: w}
		if start {
			of.Light = ""
		}
		if o.Baseline != nil && o.Actual != nil && o.Target != *o.Baseline {
			if pr := (*o.Actual - *o.Baseline) / (o.Target - *o.Baseline) * 100; finite(pr) {
				of.Progress = &pr
			}
		}
		f.Objectives[o.ID] = of
		// A starting point counts towards the totals only while there is no result at
		// all: then the totals are the starting point, marked as such.
		if start && anyActual {
			continue
		}
		if per[o.Perspective] == nil {
			per[o.Perspective] = &acc{}
		}
		per[o.Perspective].sum += w * a
		per[o.Perspective].weight += w
	}
	// Perspective weights scaled to 100 over the perspectives that have objectives.
	total := 0.0
	for _, k := range plan.Perspectives {
		if has[k] {
			total += sc.Weights[k]
		}
	}
	for _, k := range plan.Perspectives {
		if has[k] && total > 0 {
			f.Weights[k] = sc.Weights[k] / total * 100
		}
	}
	// Objectives without data are left out; the weights of the others are scaled to 100.
	tsum, tweight := 0.0, 0.0
	for _, k := range plan.Perspectives {
		a := per[k]
		if a == nil || a.weight <= 0 {
			continue
		}
		if !finite(a.sum / a.weight) {
			continue
		}
		f.Perspectives[k] = a.sum / a.weight
		tsum += f.Weights[k] * f.Perspectives[k]
		tweight += f.Weights[k]
	}
	if tweight > 0 {
		f.Total = ptr(tsum / tweight)
	}
	return f
}

// offeringFigures computes the relative quality against each competitor,
// RQ = Σ weightᵢ × ownᵢ / cᵢ / 100 over the profile's criteria, and the competence quadrants.
func offeringFigures(p *plan.Plan) *OfferingFigures {
	o := p.Offering
	f := &OfferingFigures{RelativeQuality: map[string]float64{}, Competences: []CompetenceFigure{}}
	var ids []string
	seen := map[string]bool{}
	for _, c := range p.Competitors {
		if !seen[c.ID] {
			seen[c.ID] = true
			ids = append(ids, c.ID)
		}
	}
	// Competitors rated in the profile but unknown (an error the validator reports) are
	// still computed, sorted, so Compute works on any plan.
	var extra []string
	for _, r := range o.Profile {
		for id := range r.Competitors {
			if !seen[id] {
				seen[id] = true
				extra = append(extra, id)
			}
		}
	}
	sort.Strings(extra)
	ids = append(ids, extra...)
	lowest := math.Inf(1)
	for _, id := range ids {
		rq, rated := 0.0, false
		for _, r := range o.Profile {
			c, ok := r.Competitors[id]
			if !ok || c == 0 {
				continue
			}
			rated = true
			rq += r.Weight * r.Own / c / 100
		}
		if !rated || !finite(rq) {
			continue
		}
		f.RelativeQuality[id] = rq
		if rq < lowest {
			lowest, f.WeakestAgainst = rq, id
		}
	}
	for _, c := range o.Competences {
		f.Competences = append(f.Competences, CompetenceFigure{Name: c.Name, Quadrant: CompetenceQuadrant(c.Importance, c.Strength)})
	}
	return f
}

// CompetenceQuadrant places a competence in the competence portfolio, cut at 5.
func CompetenceQuadrant(importance, strength float64) string {
	switch {
	case importance >= 5 && strength >= 5:
		return "core"
	case importance >= 5:
		return "gap"
	case strength >= 5:
		return "selective"
	}
	return "irrelevant"
}

func readiness(rs []plan.Readiness) *float64 {
	if len(rs) == 0 {
		return nil
	}
	s := 0.0
	for _, r := range rs {
		s += r.Points
	}
	return ptr(s / float64(len(rs)) * 10)
}

func valueFigures(v plan.ValueConcept) *ValueFigures {
	f := &ValueFigures{}
	for _, b := range v.Benefits {
		f.Benefit += b.Amount
	}
	for _, c := range v.Costs {
		if c.Once {
			f.Once += c.Amount
		} else {
			f.YearlyCost += c.Amount
		}
	}
	years := float64(v.Years)
	f.NetYearly = f.Benefit - f.YearlyCost
	f.NetTotal = years*f.NetYearly - f.Once
	if d := years*f.YearlyCost + f.Once; d > 0 {
		f.ROI = ptr(f.NetTotal / d * 100)
	}
	if f.Benefit > f.YearlyCost && f.Once > 0 {
		f.PaybackMonths = ptr(f.Once / (f.NetYearly / 12))
	}
	return f
}

func networkFigures(p *plan.Plan) *NetworkFigures {
	f := &NetworkFigures{Contacts: len(p.Contacts), MapStatus: MapStatus(p.Contacts)}
	for _, role := range plan.BuyingRoles {
		rc := RoleCoverage{Role: role, Contacts: []string{}, BestRelationship: -1}
		for _, c := range p.Contacts {
			for _, r := range c.Roles {
				if r == role {
					rc.Contacts = append(rc.Contacts, c.ID)
					rc.BestRelationship = max(rc.BestRelationship, c.Relationship)
					break
				}
			}
		}
		f.Coverage = append(f.Coverage, rc)
	}
	return f
}

// MapStatus rates the relationship map: 0 no contacts; 1 no contact of influence 3;
// 2 no contact of influence 3 who is champion or supporter; 3 otherwise.
func MapStatus(cs []plan.Contact) int {
	if len(cs) == 0 {
		return 0
	}
	status := 1
	for _, c := range cs {
		if c.Influence == 3 {
			if c.Attitude == "champion" || c.Attitude == "supporter" {
				return 3
			}
			status = 2
		}
	}
	return status
}

// isOpen reports whether an action still needs doing.
func IsOpen(status string) bool { return status != "done" && status != "dropped" }

func actionFigures(as []plan.Action, today plan.Date) *ActionFigures {
	f := &ActionFigures{OverdueIDs: []string{}}
	for _, a := range as {
		if !IsOpen(a.Status) {
			continue
		}
		f.Open++
		if a.Due != nil && a.Due.Before(today) {
			f.Overdue++
			f.OverdueIDs = append(f.OverdueIDs, a.ID)
		}
	}
	return f
}

// checklistShare is the share of yes (partly counts half) among the items not "na".
func checklistShare(items []plan.ChecklistItem) *float64 {
	n, yes := 0, 0.0
	for _, it := range items {
		switch it.Status {
		case "yes":
			yes++
		case "partly":
			yes += 0.5
		case "na":
			continue
		}
		n++
	}
	if n == 0 {
		return nil
	}
	return ptr(yes / float64(n) * 100)
}
