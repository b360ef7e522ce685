package portfolio

import (
	"errors"
	"fmt"
	"path/filepath"
	"sort"
	"strings"

	"github.com/kepdev/kep/locale"
	"github.com/kepdev/kep/plan"
	"github.com/kepdev/kep/plan/figures"
)

// DeviationLimit is the share (in percent) by which an account's planned visits may differ
// from its class norm, pro rata to the plan period, before the report names it (spec:
// "more than 25 %").
const DeviationLimit = 25

// Figures are the derived figures of a portfolio of plans. Every slice is in report order,
// so that the documents never depend on map order.
type Figures struct {
	Lang     string // the plans' language when all agree, else the workspace's
	Currency string
	// Confidentiality is the strictest level among the plans: the report shows all of them.
	Confidentiality string
	From, To        plan.Date // earliest start and latest end of the plan periods

	Workspace *plan.Workspace
	Visits    *figures.VisitFigures // need against capacity and cost per visit of the workspace

	Accounts   []Account // ranked by attractiveness; unscored accounts last
	Deviations []Account // accounts whose planned visits deviate from the class norm
	Totals     Totals
	ByClass    []ClassTotal    // A, B, C, in that order
	ByQuadrant []QuadrantTotal // star, question, cash, marginal, in that order
	// MeanScorecard is the unweighted mean over the accounts with data, per perspective
	// (in plan.Perspectives order) and of the total.
	MeanPerspectives [4]*float64
	MeanScorecard    *float64

	// Compared counts the accounts compared with their previous period's plan (kep
	// portfolio --previous: the plans' figures carry a Review); Upgrades and Downgrades
	// are those whose class rose or fell since, in ranking order.
	Compared             int
	Upgrades, Downgrades []Account
}

// Account is one account's row of the portfolio.
type Account struct {
	Rank     int    // 1-based place by attractiveness; 0 for an account without scores
	Name     string // [plan] account
	File     string // the plan file as given
	Class    string // A | B | C, "" without scores
	Quadrant string // star | question | cash | marginal, "" without scores
	// KeyAccount is building block 1's verdict (A3): class A or B; nil without scores.
	KeyAccount *bool
	Prospect   bool // a potential key account (A2): its revenue is a potential

	Attractiveness, Position *float64
	Selected                 bool    // the plan has a [selection] block
	Revenue                  float64 // planned revenue; 0 without [selection]
	ContributionMargin       float64
	MarginRate               *float64
	Visits                   int // planned visits in the period
	NormVisits               *float64
	// Deviation is (visits − norm) / norm × 100; nil without a norm or with a norm of 0.
	Deviation           *float64
	Deviates            bool
	VisitCost           *float64
	VisitCostRevenuePct *float64
	VisitCostMarginPct  *float64

	Scorecard *float64 // total achievement of the scorecard
	// StartingPoint: the plan has no actual yet, Scorecard is computed from baselines.
	StartingPoint bool
	Perspectives  [4]*float64 // achievement per perspective, in plan.Perspectives order

	// Compared: the account was compared with its previous period's plan; Movement is
	// its place there and now (nil when neither plan has a scoring).
	Compared bool
	Movement *figures.Movement
}

// Totals add up the accounts of the portfolio.
type Totals struct {
	Accounts            int
	Scored              int // accounts with attractiveness and position
	Revenue             float64
	ContributionMargin  float64
	MarginRate          *float64 // total margin / total revenue × 100
	Visits              int
	NormVisits          float64
	VisitCost           *float64 // nil when the workspace gives no cost items
	VisitCostRevenuePct *float64
	VisitCostMarginPct  *float64
}

// ClassTotal sums the accounts of one class and sets them against the workspace's norm.
type ClassTotal struct {
	Class      string
	Accounts   int     // plans in this class
	Customers  int     // customers the workspace counts in this class
	Frequency  float64 // the class's visit norm per customer and year
	Revenue    float64
	Visits     int     // planned visits of the accounts in the class
	NormVisits float64 // their norm, pro rata to each plan's period
}

// QuadrantTotal sums the accounts of one quadrant of the scoring portfolio.
type QuadrantTotal struct {
	Quadrant string
	Accounts int
	Revenue  float64
}

// Quadrants of the scoring portfolio, in report order.
var Quadrants = []string{"star", "question", "cash", "marginal"}

// confidentiality levels from least to most strict.
var confidentiality = []string{"public", "internal", "confidential", "strictly-confidential"}

// ErrMixed is wrapped by Compute's error when the plans do not belong together.
var ErrMixed = errors.New("plans do not belong to one portfolio")

// Compute aggregates the plans and their figures (figs[i] computed from plans[i]) into the
// portfolio's figures. Plans of different workspaces or currencies cannot be compared, so
// they are an error that names two plans that differ.
func Compute(plans []*plan.Plan, figs []*figures.Figures) (*Figures, error) {
	if len(plans) == 0 {
		return nil, errors.New("no plans")
	}
	if len(plans) != len(figs) {
		return nil, fmt.Errorf("%d plans but %d figures", len(plans), len(figs))
	}
	for i, p := range plans {
		if p == nil {
			return nil, fmt.Errorf("plan %d of %d is missing", i+1, len(plans))
		}
	}
	if err := sameWorkspace(plans); err != nil {
		return nil, err
	}
	first := plans[0]
	pf := &Figures{
		Currency:        first.Currency,
		Lang:            commonLang(plans),
		Confidentiality: strictest(plans),
		From:            first.Meta.From,
		To:              first.Meta.To,
		Workspace:       first.Workspace,
	}
	for i, p := range plans {
		if p.Meta.From.Before(pf.From) {
			pf.From = p.Meta.From
		}
		if pf.To.Before(p.Meta.To) {
			pf.To = p.Meta.To
		}
		if pf.Visits == nil && figs[i] != nil {
			pf.Visits = figs[i].Visits
		}
		pf.Accounts = append(pf.Accounts, account(p, figs[i]))
	}
	rank(pf.Accounts)
	pf.total()
	return pf, nil
}

func sameWorkspace(plans []*plan.Plan) error {
	first := plans[0]
	for _, p := range plans[1:] {
		if a, b := workspaceName(first), workspaceName(p); a != b {
			return fmt.Errorf("%w: %s belongs to %s, %s to %s", ErrMixed, first.File, a, p.File, b)
		}
		if first.Currency != p.Currency {
			return fmt.Errorf("%w: %s is in %s, %s in %s", ErrMixed, first.File, first.Currency, p.File, p.Currency)
		}
	}
	return nil
}

func workspaceName(p *plan.Plan) string {
	if p.Workspace == nil || p.Workspace.File == "" {
		return "the built-in defaults"
	}
	if abs, err := filepath.Abs(p.Workspace.File); err == nil {
		return abs
	}
	return filepath.Clean(p.Workspace.File)
}

// commonLang is the plans' language when they all agree; a mixed portfolio speaks the
// workspace's language.
func commonLang(plans []*plan.Plan) string {
	lang := plans[0].Lang
	for _, p := range plans[1:] {
		if p.Lang != lang {
			if w := plans[0].Workspace; w != nil && w.Lang != "" {
				return w.Lang
			}
			return locale.Default().Lang
		}
	}
	return lang
}

func strictest(plans []*plan.Plan) string {
	level := 0
	for _, p := range plans {
		for i, c := range confidentiality {
			if c == p.Meta.Confidentiality && i > level {
				level = i
			}
		}
	}
	return confidentiality[level]
}

func account(p *plan.Plan, f *figures.Figures) Account {
	a := Account{Name: p.Meta.Account, File: p.File, Prospect: p.Prospect()}
	if s := p.Selection; s != nil {
		a.Selected = true
		a.Revenue, a.ContributionMargin, a.Visits = s.Revenue, s.ContributionMargin, s.Visits
	}
	if f == nil {
		return a
	}
	if s := f.Selection; s != nil {
		a.Attractiveness, a.Position = s.Attractiveness, s.Position
		a.Class, a.Quadrant, a.KeyAccount = s.Class, s.Quadrant, s.KeyAccount
		a.MarginRate, a.VisitCost = s.MarginRate, s.VisitCost
		a.VisitCostRevenuePct, a.VisitCostMarginPct = s.VisitCostRevenuePct, s.VisitCostMarginPct
		a.NormVisits = s.NormVisits
	}
	if n := a.NormVisits; n != nil && p.Selection != nil {
		v := float64(a.Visits)
		if *n > 0 {
			d := (v - *n) / *n * 100
			a.Deviation = &d
			a.Deviates = d > DeviationLimit || d < -DeviationLimit
		} else {
			a.Deviates = v > 0
		}
	}
	if r := f.Review; r != nil {
		a.Compared, a.Movement = true, r.Movement
	}
	if sc := f.Scorecard; sc != nil {
		a.Scorecard = sc.Total
		a.StartingPoint = sc.StartingPoint
		for i, k := range plan.Perspectives {
			if v, ok := sc.Perspectives[k]; ok {
				a.Perspectives[i] = &v
			}
		}
	}
	return a
}

func scored(a Account) bool { return a.Attractiveness != nil && a.Position != nil }

// rank orders by attractiveness, then position, then revenue, so that equal scores keep
// a stable, meaningful order; accounts without scores follow by name.
func rank(accts []Account) {
	sort.SliceStable(accts, func(i, j int) bool {
		a, b := accts[i], accts[j]
		if scored(a) != scored(b) {
			return scored(a)
		}
		if scored(a) {
			if *a.Attractiveness != *b.Attractiveness {
				return *a.Attractiveness > *b.Attractiveness
			}
			if *a.Position != *b.Position {
				return *a.Position > *b.Position
			}
			if a.Revenue != b.Revenue {
				return a.Revenue > b.Revenue
			}
		}
		if a.Name != b.Name {
			return strings.ToLower(a.Name) < strings.ToLower(b.Name)
		}
		return a.File < b.File
	})
	for i := range accts {
		if scored(accts[i]) {
			accts[i].Rank = i + 1
		}
	}
}

func (pf *Figures) total() {
	t := &pf.Totals
	pf.ByClass = []ClassTotal{{Class: "A"}, {Class: "B"}, {Class: "C"}}
	if w := pf.Workspace; w != nil {
		for _, vc := range w.Visits.Classes {
			if c := classTotal(pf.ByClass, vc.Class); c != nil {
				c.Customers, c.Frequency = vc.Customers, vc.Frequency
			}
		}
	}
	if v := pf.Visits; v != nil {
		// Counted per territory where the workspace has territories (A2): their sums.
		for _, n := range v.ByClass {
			if c := classTotal(pf.ByClass, n.Class); c != nil {
				c.Customers = n.Customers
			}
		}
	}
	for _, q := range Quadrants {
		pf.ByQuadrant = append(pf.ByQuadrant, QuadrantTotal{Quadrant: q})
	}
	var cost float64
	var costs int
	var sums [5]float64
	var counts [5]int
	for _, a := range pf.Accounts {
		t.Accounts++
		t.Revenue += a.Revenue
		t.ContributionMargin += a.ContributionMargin
		t.Visits += a.Visits
		if a.NormVisits != nil {
			t.NormVisits += *a.NormVisits
		}
		if a.VisitCost != nil {
			cost += *a.VisitCost
			costs++
		}
		if scored(a) {
			t.Scored++
		}
		if c := classTotal(pf.ByClass, a.Class); c != nil {
			c.Accounts++
			c.Revenue += a.Revenue
			c.Visits += a.Visits
			if a.NormVisits != nil {
				c.NormVisits += *a.NormVisits
			}
		}
		for i := range pf.ByQuadrant {
			if q := &pf.ByQuadrant[i]; q.Quadrant == a.Quadrant {
				q.Accounts++
				q.Revenue += a.Revenue
			}
		}
		if a.Deviates {
			pf.Deviations = append(pf.Deviations, a)
		}
		if a.Compared {
			pf.Compared++
			switch a.Movement.ClassChange() {
			case 1:
				pf.Upgrades = append(pf.Upgrades, a)
			case -1:
				pf.Downgrades = append(pf.Downgrades, a)
			}
		}
		for i, v := range append(a.Perspectives[:], a.Scorecard) {
			// A starting point (no actual yet) is no result: it stays out of the means.
			if v != nil && !a.StartingPoint {
				sums[i] += *v
				counts[i]++
			}
		}
	}
	t.MarginRate = pct(t.ContributionMargin, t.Revenue)
	if costs > 0 {
		t.VisitCost = &cost
		t.VisitCostRevenuePct = pct(cost, t.Revenue)
		t.VisitCostMarginPct = pct(cost, t.ContributionMargin)
	}
	for i := range sums {
		if counts[i] == 0 {
			continue
		}
		m := sums[i] / float64(counts[i])
		if i < len(pf.MeanPerspectives) {
			pf.MeanPerspectives[i] = &m
		} else {
			pf.MeanScorecard = &m
		}
	}
}

func classTotal(cs []ClassTotal, class string) *ClassTotal {
	for i := range cs {
		if cs[i].Class == class {
			return &cs[i]
		}
	}
	return nil
}

// pct is part / whole × 100, nil where whole is not positive.
func pct(part, whole float64) *float64 {
	if whole <= 0 {
		return nil
	}
	v := part / whole * 100
	return &v
}
