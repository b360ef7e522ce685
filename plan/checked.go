package plan

import (
	"sync"
	"time"
)

// keptFigures are the figures plan/check computed to find a plan's warnings, kept for the
// figures step of the same as-of time so that a loaded plan's figures are computed once.
type keptFigures struct {
	owner *Plan     // the plan they are of: a copy of the Plan finds none
	now   time.Time // the as-of time they were computed for

	mu      sync.Mutex
	figures any // plan/figures' *Figures (plan cannot name it); nil once taken
}

// KeepFigures keeps the figures (plan/figures' *Figures) plan/check computed for the as-of
// time now to find the plan's warnings, for TakeFigures. The plan must not change
// afterwards (the loader calls it last).
func (p *Plan) KeepFigures(now time.Time, figures any) {
	p.computed = &keptFigures{owner: p, now: now, figures: figures}
}

// TakeFigures returns the figures KeepFigures kept for the as-of time now and forgets them,
// nil when there are none (another time, a copy of the plan, already taken): the caller
// owns and may change them (the warnings added, a review), so they are handed out once.
func (p *Plan) TakeFigures(now time.Time) any {
	if p == nil || p.computed == nil || p.computed.owner != p || !p.computed.now.Equal(now) {
		return nil
	}
	k := p.computed
	k.mu.Lock()
	defer k.mu.Unlock()
	f := k.figures
	k.figures = nil
	return f
}
