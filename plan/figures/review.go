package figures

import (
	"strings"

	"github.com/kepdev/kep/plan"
)

// ReviewFigures compare a plan with the plan of its previous period (program.md "Last
// year against this year", `--previous`): how last year's objectives and actions ended,
// how the account moved in building block 1, and whose attitude or relationship changed.
// The JSON tags are the shape of "review" in `kep figures`.
type ReviewFigures struct {
	Period     ReviewPeriod                `json:"period"` // the previous plan's period
	Objectives map[string]*ReviewObjective `json:"objectives"`
	Actions    ReviewActions               `json:"actions"`
	Movement   *Movement                   `json:"movement"` // null when neither plan has a score
	Contacts   map[string]*ContactChange   `json:"contacts"`

	// New names this plan's objectives that the previous plan did not have, in document
	// order (they have no entry in Objectives).
	New []string `json:"-"`
	// PrevScorecard is the previous plan's scorecard achievement, nil when it had no
	// actual (a starting point is no result).
	PrevScorecard *float64 `json:"-"`
}

// ReviewPeriod is the previous plan's period.
type ReviewPeriod struct {
	From plan.Date `json:"from"`
	To   plan.Date `json:"to"`
}

// ReviewObjective is one objective of the previous plan, matched by id with this plan's.
type ReviewObjective struct {
	PrevTarget      float64  `json:"prev_target"`
	PrevActual      *float64 `json:"prev_actual"`
	PrevAchievement *float64 `json:"prev_achievement"` // null without an actual (no result)
	PrevLight       *string  `json:"prev_light"`
	Target          *float64 `json:"target"` // this plan's target; null: dropped since
}

// ReviewActions is how the previous plan's actions ended.
type ReviewActions struct {
	Done       int      `json:"done"`
	Dropped    int      `json:"dropped"`
	Open       int      `json:"open"`       // open and doing
	Completion *float64 `json:"completion"` // done / (all − dropped) × 100; null when nothing counts
}

// Movement is the account's place in the scoring portfolio before and now.
type Movement struct {
	From Place `json:"from"`
	To   Place `json:"to"`
}

// Place is a position in the scoring portfolio.
type Place struct {
	Attractiveness *float64 `json:"attractiveness"`
	Position       *float64 `json:"position"`
	Class          *string  `json:"class"`
	Quadrant       *string  `json:"quadrant"`
}

// ClassChange tells how the class moved: +1 up (C → B, B → A, …), −1 down, 0 the same
// or unknown on either side.
func (m *Movement) ClassChange() int {
	if m == nil || m.From.Class == nil || m.To.Class == nil {
		return 0
	}
	before, now := classRank(*m.From.Class), classRank(*m.To.Class)
	switch {
	case before == 0 || now == 0 || before == now:
		return 0
	case now > before:
		return 1
	}
	return -1
}

// classRank orders the classes, A highest; 0 for no class.
func classRank(c string) int {
	switch c {
	case "A":
		return 3
	case "B":
		return 2
	case "C":
		return 1
	}
	return 0
}

// ContactChange is what changed for one contact present in both plans; a field that did
// not change is nil (left out of the JSON).
type ContactChange struct {
	Attitude     *[2]string `json:"attitude,omitempty"`
	Relationship *[2]int    `json:"relationship,omitempty"`
}

// SameAccount reports whether two plans are of the same account: their names compared
// without case and surrounding spaces.
func SameAccount(a, b *plan.Plan) bool {
	return strings.EqualFold(strings.TrimSpace(a.Meta.Account), strings.TrimSpace(b.Meta.Account))
}

// CompareReview compares cur with prev, the plan of the previous period; prevF and curF
// are their figures (Compute). Objectives and contacts are matched by id, so an objective
// whose text was reworded is still the same objective. Neither plan is changed.
func CompareReview(prev, cur *plan.Plan, prevF, curF *Figures) *ReviewFigures {
	r := &ReviewFigures{
		Period:     ReviewPeriod{From: prev.Meta.From, To: prev.Meta.To},
		Objectives: map[string]*ReviewObjective{},
		Contacts:   map[string]*ContactChange{},
	}
	curTargets := map[string]float64{}
	for _, o := range cur.Scorecard.Objectives {
		curTargets[o.ID] = o.Target
	}
	prevIDs := map[string]bool{}
	for _, o := range prev.Scorecard.Objectives {
		prevIDs[o.ID] = true
		ro := &ReviewObjective{PrevTarget: o.Target, PrevActual: o.Actual}
		if prevF.Scorecard != nil {
			if of := prevF.Scorecard.Objectives[o.ID]; of != nil && !of.StartingPoint && o.Actual != nil {
				a, l := of.Achievement, of.Light
				ro.PrevAchievement, ro.PrevLight = &a, &l
			}
		}
		if t, ok := curTargets[o.ID]; ok {
			ro.Target = &t
		}
		r.Objectives[o.ID] = ro
	}
	if sc := prevF.Scorecard; sc != nil && !sc.StartingPoint {
		r.PrevScorecard = sc.Total
	}
	for _, o := range cur.Scorecard.Objectives {
		if !prevIDs[o.ID] {
			r.New = append(r.New, o.ID)
		}
	}

	for _, a := range prev.Actions {
		switch a.Status {
		case "done":
			r.Actions.Done++
		case "dropped":
			r.Actions.Dropped++
		default: // open (also when not given) and doing
			r.Actions.Open++
		}
	}
	if counted := r.Actions.Done + r.Actions.Open; counted > 0 {
		c := float64(r.Actions.Done) / float64(counted) * 100
		r.Actions.Completion = &c
	}

	from, to := placeOf(prevF.Selection), placeOf(curF.Selection)
	if from != (Place{}) || to != (Place{}) {
		r.Movement = &Movement{From: from, To: to}
	}

	before := map[string]plan.Contact{}
	for _, c := range prev.Contacts {
		before[c.ID] = c
	}
	for _, c := range cur.Contacts {
		old, ok := before[c.ID]
		if !ok {
			continue
		}
		var ch ContactChange
		if old.Attitude != c.Attitude {
			ch.Attitude = &[2]string{old.Attitude, c.Attitude}
		}
		if old.Relationship != c.Relationship {
			ch.Relationship = &[2]int{old.Relationship, c.Relationship}
		}
		if ch != (ContactChange{}) {
			r.Contacts[c.ID] = &ch
		}
	}
	return r
}

func placeOf(s *SelectionFigures) Place {
	if s == nil {
		return Place{}
	}
	return Place{Attractiveness: s.Attractiveness, Position: s.Position,
		Class: nullIfEmpty(s.Class), Quadrant: nullIfEmpty(s.Quadrant)}
}
