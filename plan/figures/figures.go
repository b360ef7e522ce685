package figures

import (
	"encoding/json"

	"github.com/kepdev/kep/plan"
)

// Figures are the derived figures of one plan (spec: every figure marked "derived"). They
// are computed once by Compute and never typed in by a user. The JSON tags are the stable
// shape of `kep figures` (spec/program.md): a figure that cannot be computed is null, and a
// block left empty leaves its object out. Fields tagged json:"-" are extra figures the
// documents need; they may grow, the JSON names may not change.
type Figures struct {
	Account      string `json:"account"`
	Kind         string `json:"kind"` // account | prospect (spec A2)
	From         string `json:"from"`
	To           string `json:"to"`
	Lang         string `json:"lang"`
	Currency     string `json:"currency"`
	Completeness int    `json:"completeness"` // how many of the seven building blocks hold data of the account's own (A9)

	Selection  *SelectionFigures        `json:"selection,omitempty"`
	Visits     *VisitFigures            `json:"visits,omitempty"`
	Scorecard  *ScorecardFigures        `json:"scorecard,omitempty"`
	Offering   *OfferingFigures         `json:"offering,omitempty"`
	Analysis   *AnalysisFigures         `json:"analysis,omitempty"`
	Value      map[string]*ValueFigures `json:"value,omitempty"` // by value concept id
	Network    *NetworkFigures          `json:"network,omitempty"`
	Actions    *ActionFigures           `json:"actions,omitempty"`
	Checklists map[string]*float64      `json:"checklists,omitempty"` // topic → share of yes in %
	Pipeline   *PipelineFigures         `json:"pipeline,omitempty"`   // opportunities (A5)
	Asks       *AskFigures              `json:"asks,omitempty"`       // management asks (A6)
	Warnings   []string                 `json:"warnings"`             // never null: [] when none
	Accepted   int                      `json:"accepted"`             // warnings accepted on purpose (A7)
	// Review compares the plan with its previous period's; set only by CompareReview's
	// callers (--previous), never by Compute.
	Review *ReviewFigures `json:"review,omitempty"`

	// AcceptedWarnings are the accepted warnings with their reasons, for the appendix.
	AcceptedWarnings []AcceptedWarning `json:"-"`

	// Blocks tells for each building block 1–7 (index 0–6) whether it holds data.
	Blocks [7]bool `json:"-"`
	// Examples tells which of them are still the example from kep init (spec A9): shown,
	// but not counted in Completeness.
	Examples [7]bool `json:"-"`
}

// AcceptedWarning is a warning the plan accepts on purpose, with the entry's reason and
// until date (spec A7).
type AcceptedWarning struct {
	Path, Message, Reason string
	Until                 *plan.Date
}

// SelectionFigures are the derived figures of building block 1 for this account.
type SelectionFigures struct {
	Attractiveness      *float64 `json:"attractiveness"` // 0–100
	Position            *float64 `json:"position"`       // 0–100
	Class               string   `json:"class"`          // A | B | C ("" when no score)
	Quadrant            string   `json:"quadrant"`       // star | question | cash | marginal
	MarginRate          *float64 `json:"margin_rate"`
	VisitCost           *float64 `json:"visit_cost"`
	VisitCostRevenuePct *float64 `json:"visit_cost_revenue_pct"`
	VisitCostMarginPct  *float64 `json:"visit_cost_margin_pct"`

	// KeyAccount is building block 1's verdict (spec A3): true for class A and B, false
	// for C, nil without class.
	KeyAccount *bool `json:"-"`

	// NormVisits is the class's visit norm pro rata to the plan period (nil without
	// class): its frequency, or its prospect frequency for a potential key account.
	NormVisits *float64 `json:"-"`
}

// VisitFigures are the visit-needs and visit-cost figures of the workspace.
type VisitFigures struct {
	Need         float64  `json:"need"`
	Capacity     float64  `json:"capacity"`
	Utilisation  *float64 `json:"utilisation"`
	KAMsNeeded   *float64 `json:"kams_needed"`
	CostPerKAM   *float64 `json:"cost_per_kam"` // null when the workspace gives no cost items
	CostPerDay   *float64 `json:"cost_per_day"`
	CostPerVisit *float64 `json:"cost_per_visit"`

	// Territories are the need and capacity per territory (spec A2), in the workspace's
	// order; left out of the JSON where the workspace has none.
	Territories []TerritoryNeed `json:"territories,omitempty"`

	// ByClass is the need per class A, B, C, in that order (summed over territories).
	ByClass []ClassNeed `json:"-"`
	// Model: the workspace counts customers or prospects in some class ([visits.classes]);
	// without, need and utilisation mean nothing and are not shown as results.
	Model bool `json:"-"`
}

// ClassNeed is the visit need of one customer class.
type ClassNeed struct {
	Class                                string
	Customers, Prospects, MinorProspects int
	// CustomerVisits is customers × frequency; Visits adds prospects × prospect frequency
	// and minor prospects × minor prospect frequency.
	CustomerVisits, Visits float64
}

func (n *ClassNeed) add(o ClassNeed) {
	n.Customers += o.Customers
	n.Prospects += o.Prospects
	n.MinorProspects += o.MinorProspects
	n.CustomerVisits += o.CustomerVisits
	n.Visits += o.Visits
}

// TerritoryNeed is the visit need and capacity of one territory (Gebiet, spec A2).
type TerritoryNeed struct {
	Name        string   `json:"name"`
	KAMs        int      `json:"kams"`
	Need        float64  `json:"need"`
	Capacity    float64  `json:"capacity"`
	Utilisation *float64 `json:"utilisation"`
	KAMsNeeded  *float64 `json:"kams_needed"`
	// ByClass is the territory's need per class A, B, C.
	ByClass []ClassNeed `json:"-"`
}

// ScorecardFigures are the achievements of building block 2.
type ScorecardFigures struct {
	// Total and Perspectives are results: computed over the objectives with an actual
	// value. Only when no objective has one are they the starting point computed from the
	// baselines, and StartingPoint says so (spec A4: never shown as a result).
	Total         *float64                     `json:"total"`
	Perspectives  map[string]float64           `json:"perspectives"` // only perspectives with data
	Objectives    map[string]*ObjectiveFigures `json:"objectives"`   // only objectives with data
	StartingPoint bool                         `json:"starting_point"`
	// Weights are the effective perspective weights, scaled to 100 over the perspectives
	// that have objectives.
	Weights map[string]float64 `json:"-"`
}

// ObjectiveFigures is the achievement of one objective.
type ObjectiveFigures struct {
	Achievement float64
	// Light is green, amber or red; "" (JSON null) for a starting point.
	Light string
	// Progress is (actual − baseline) / (target − baseline) × 100, not clamped (spec A4):
	// how far the objective moved from where it started; nil without baseline or actual,
	// or where target equals baseline.
	Progress *float64
	// StartingPoint is true when no actual is given and the achievement is computed from
	// the baseline (Ausgangslage): no result, never red.
	StartingPoint bool
	Weight        float64 // effective weight within the perspective
}

// MarshalJSON writes the stable shape of kep figures: "light": null for a starting point.
func (o ObjectiveFigures) MarshalJSON() ([]byte, error) {
	var light *string
	if o.Light != "" {
		light = &o.Light
	}
	return json.Marshal(struct {
		Achievement   float64  `json:"achievement"`
		Light         *string  `json:"light"`
		Progress      *float64 `json:"progress"`
		StartingPoint bool     `json:"starting_point"`
	}{o.Achievement, light, o.Progress, o.StartingPoint})
}

// OfferingFigures are the derived figures of building block 3.
type OfferingFigures struct {
	RelativeQuality map[string]float64 `json:"relative_quality"` // competitor id → RQ
	WeakestAgainst  string             `json:"weakest_against"`  // competitor with the lowest RQ
	Competences     []CompetenceFigure `json:"competences"`
}

// CompetenceFigure places one competence in the competence portfolio.
type CompetenceFigure struct {
	Name     string `json:"name"`
	Quadrant string `json:"quadrant"` // core | gap | selective | irrelevant
}

// AnalysisFigures are the derived figures of building block 4.
type AnalysisFigures struct {
	Readiness *float64 `json:"readiness"` // mean points × 10
}

// ValueFigures is the value calculation (Mehrwertrechnung) of one value concept.
type ValueFigures struct {
	Benefit       float64  `json:"benefit"`     // B: yearly benefit
	YearlyCost    float64  `json:"yearly_cost"` // R
	Once          float64  `json:"once"`        // I: one-time cost
	NetYearly     float64  `json:"net_yearly"`  // B − R
	NetTotal      float64  `json:"net_total"`   // years × (B − R) − I
	ROI           *float64 `json:"roi"`
	PaybackMonths *float64 `json:"payback_months"`
}

// NetworkFigures are the derived figures of building block 7.
type NetworkFigures struct {
	MapStatus int `json:"map_status"` // 0–3
	Contacts  int `json:"contacts"`
	// Coverage is the buying-centre coverage, one entry per role in BuyingRoles order.
	Coverage []RoleCoverage `json:"-"`
}

// RoleCoverage lists the contacts in one buying-centre role and our best relationship.
type RoleCoverage struct {
	Role             string
	Contacts         []string // contact ids
	BestRelationship int      // -1 when nobody holds the role
}

// ActionFigures count the action plan's state.
type ActionFigures struct {
	Open    int `json:"open"`    // not done and not dropped
	Overdue int `json:"overdue"` // open with a due date before the document date
	// OverdueIDs names the overdue actions.
	OverdueIDs []string `json:"-"`
}

// nullIfEmpty makes a figure that could not be computed null in JSON, as the spec wants
// for every such figure, while Go code keeps the plain string.
func nullIfEmpty(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

// MarshalJSON writes class and quadrant as null where there is no score.
func (f SelectionFigures) MarshalJSON() ([]byte, error) {
	return json.Marshal(struct {
		Attractiveness      *float64 `json:"attractiveness"`
		Position            *float64 `json:"position"`
		Class               *string  `json:"class"`
		Quadrant            *string  `json:"quadrant"`
		MarginRate          *float64 `json:"margin_rate"`
		VisitCost           *float64 `json:"visit_cost"`
		VisitCostRevenuePct *float64 `json:"visit_cost_revenue_pct"`
		VisitCostMarginPct  *float64 `json:"visit_cost_margin_pct"`
		KeyAccount          *bool    `json:"key_account"`
	}{f.Attractiveness, f.Position, nullIfEmpty(f.Class), nullIfEmpty(f.Quadrant),
		f.MarginRate, f.VisitCost, f.VisitCostRevenuePct, f.VisitCostMarginPct, f.KeyAccount})
}

// MarshalJSON writes weakest_against as null where no competitor is rated.
func (f OfferingFigures) MarshalJSON() ([]byte, error) {
	return json.Marshal(struct {
		RelativeQuality map[string]float64 `json:"relative_quality"`
		WeakestAgainst  *string            `json:"weakest_against"`
		Competences     []CompetenceFigure `json:"competences"`
	}{f.RelativeQuality, nullIfEmpty(f.WeakestAgainst), f.Competences})
}
