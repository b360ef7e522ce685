package check

import (
	"sync"
	"time"

	"github.com/kepdev/kep/plan"
	"github.com/kepdev/kep/plan/figures"
	"github.com/kepdev/kep/plan/load"
)

// Loader loads plans with plan/load's Loader and checks them: the plan's warnings are
// found here, once per plan and as-of date (the loader's Now), from the plan, its figures
// and that date, acceptances applied; Compute of the same date reuses them. One Loader
// may serve many plans in parallel, like the load.Loader it wraps.
type Loader struct {
	FS  load.FileSystem // nil: the operating system
	Now time.Time       // the document date, for date warnings; zero: time.Now()

	mu     sync.Mutex
	loader *load.Loader // made on first use from FS and Now
}

func (c *Loader) inner() *load.Loader {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.loader == nil {
		c.loader = &load.Loader{FS: c.FS, Now: c.Now, Check: check}
	}
	return c.loader
}

// At returns a loader with the document date now that shares c's file system and parsed
// workspaces (load.Loader.At).
func (c *Loader) At(now time.Time) *Loader {
	return &Loader{FS: c.FS, Now: now, loader: c.inner().At(now)}
}

// LoadPlan is load.Loader.LoadPlan with the plan's warnings: the diagnostics hold every error
// and warning, sorted; the plan is usable for rendering only when diags.HasErrors() is
// false.
func (c *Loader) LoadPlan(path string) (*plan.Plan, plan.Diagnostics) {
	return c.inner().LoadPlan(path)
}

// LoadPlanBytes is LoadPlan on bytes read elsewhere (load.Loader.LoadPlanBytes).
func (c *Loader) LoadPlanBytes(path string, src []byte) (*plan.Plan, plan.Diagnostics) {
	return c.inner().LoadPlanBytes(path, src)
}

// WorkspaceFor is load.Loader.WorkspaceFor.
func (c *Loader) WorkspaceFor(planPath string) (*plan.Workspace, plan.Diagnostics) {
	return c.inner().WorkspaceFor(planPath)
}

// check adds the warnings of a plan that loaded without errors to its load diagnostics
// (load.Loader's Check) and keeps those of its file on the plan for Compute.
func check(p *plan.Plan, ds plan.Diagnostics, now time.Time) plan.Diagnostics {
	today := plan.DateOf(now)
	f := figures.Compute(p, now)
	ds = accept(p, append(ds, planWarnings(p, f, today)...), today)
	// Compute takes the plan's warnings from here (also those of the walk, such as A8's
	// thousands dots) instead of finding them a second time.
	var mine plan.Diagnostics
	for _, d := range ds {
		if d.Warning && d.File == p.File {
			mine = append(mine, d)
		}
	}
	p.SetWarned(today, mine)
	// Compute of the same as-of time takes these figures instead of computing them again.
	p.KeepFigures(now, f)
	return ds
}

// Warnings are the findings of a plan that do not stop rendering (planWarnings), from the
// plan, its figures f (plan/figures' Compute) and the as-of date; acceptances are not
// applied.
func Warnings(p *plan.Plan, f *figures.Figures, today plan.Date) plan.Diagnostics {
	return planWarnings(p, f, today)
}

// Compute derives every figure of a checked plan (plan/figures' Compute) and adds its
// warnings: those its Loader found for the same date, else found now, with acceptances
// applied. The first Compute of a plan its Loader checked, at the Loader's as-of time,
// takes the figures the Loader computed for the warnings instead of computing them again;
// every call returns figures of its own, which the caller may change.
func Compute(p *plan.Plan, now time.Time) *figures.Figures {
	if p == nil {
		return figures.Compute(p, now)
	}
	f, _ := p.TakeFigures(now).(*figures.Figures)
	if f == nil {
		f = figures.Compute(p, now)
	}
	today := plan.DateOf(now)
	warnings, ok := p.Warned(today)
	if !ok {
		warnings = accept(p, planWarnings(p, f, today), today)
	}
	for _, d := range warnings {
		if d.Accepted != "" {
			f.Accepted++
			aw := figures.AcceptedWarning{Path: d.Path, Message: d.Message, Reason: d.Accepted}
			for _, a := range p.Accepted {
				if pathWithin(d.Path, a.Warning) && a.Reason == d.Accepted {
					aw.Until = a.Until
					break
				}
			}
			f.AcceptedWarnings = append(f.AcceptedWarnings, aw)
			continue
		}
		f.Warnings = append(f.Warnings, d.String())
	}
	return f
}
