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
// and that date, acceptances applied. Load returns the figures they were found from, with
// the warnings of the plan's own file, so that a loaded plan's figures are computed once.
// One Loader may serve many plans in parallel, like the load.Loader it wraps.
type Loader struct {
	FS  load.FileSystem // nil: the operating system
	Now time.Time       // the document date, for date warnings; zero: time.Now()

	mu     sync.Mutex
	loader *load.Loader // made on first use from FS and Now; its Check is unset
}

func (c *Loader) inner() *load.Loader {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.loader == nil {
		c.loader = &load.Loader{FS: c.FS, Now: c.Now}
	}
	return c.loader
}

// At returns a loader with the document date now that shares c's file system and parsed
// workspaces (load.Loader.At).
func (c *Loader) At(now time.Time) *Loader {
	return &Loader{FS: c.FS, Now: now, loader: c.inner().At(now)}
}

// Load reads and checks the plan at path (load.Loader.LoadPlan with the plan's warnings).
// The diagnostics hold every error and warning, sorted; the plan is usable for rendering
// only when ds.HasErrors() is false. f, nil when ds has errors, are the plan's figures
// with the warnings of its own file as Compute adds them (f.Warnings, f.Accepted,
// f.AcceptedWarnings), those only the load sees included (the walk's, such as A8's
// thousands dots); the caller owns f and may change it (a review).
func (c *Loader) Load(path string) (p *plan.Plan, f *figures.Figures, ds plan.Diagnostics) {
	l, kept := c.once()
	p, ds = l.LoadPlan(path)
	return p, checked(*kept, ds), ds
}

// LoadBytes is Load on bytes read elsewhere (load.Loader.LoadPlanBytes).
func (c *Loader) LoadBytes(path string, src []byte) (p *plan.Plan, f *figures.Figures, ds plan.Diagnostics) {
	l, kept := c.once()
	p, ds = l.LoadPlanBytes(path, src)
	return p, checked(*kept, ds), ds
}

// LoadPlan is Load without the figures.
func (c *Loader) LoadPlan(path string) (*plan.Plan, plan.Diagnostics) {
	p, _, ds := c.Load(path)
	return p, ds
}

// LoadPlanBytes is LoadBytes without the figures.
func (c *Loader) LoadPlanBytes(path string, src []byte) (*plan.Plan, plan.Diagnostics) {
	p, _, ds := c.LoadBytes(path, src)
	return p, ds
}

// WorkspaceFor is load.Loader.WorkspaceFor.
func (c *Loader) WorkspaceFor(planPath string) (*plan.Workspace, plan.Diagnostics) {
	return c.inner().WorkspaceFor(planPath)
}

// once returns a load.Loader for one plan (sharing c's parsed workspaces) whose Check
// finds the plan's warnings and leaves the figures it found them from in *f.
func (c *Loader) once() (*load.Loader, **figures.Figures) {
	l := c.inner().At(c.Now)
	f := new(*figures.Figures)
	l.Check = func(p *plan.Plan, ds plan.Diagnostics, now time.Time) plan.Diagnostics {
		ds, *f = check(p, ds, now)
		return ds
	}
	return l, f
}

// checked is the figures of a load whose diagnostics are ds: nil when they hold errors.
func checked(f *figures.Figures, ds plan.Diagnostics) *figures.Figures {
	if f == nil || ds.HasErrors() {
		return nil
	}
	return f
}

// check adds the warnings of a plan that loaded without errors to its load diagnostics
// (load.Loader's Check) and returns them with the plan's figures, which carry those of its
// file.
func check(p *plan.Plan, ds plan.Diagnostics, now time.Time) (plan.Diagnostics, *figures.Figures) {
	today := plan.DateOf(now)
	f := figures.Compute(p, now)
	ds = accept(p, append(ds, planWarnings(p, f, today)...), today)
	// The figures carry the warnings of the plan's file, also those of the walk (such as
	// A8's thousands dots), which Compute cannot find.
	var mine plan.Diagnostics
	for _, d := range ds {
		if d.Warning && d.File == p.File {
			mine = append(mine, d)
		}
	}
	addWarnings(f, p, mine)
	return ds, f
}

// Warnings are the findings of a plan that do not stop rendering (planWarnings), from the
// plan, its figures f (plan/figures' Compute) and the as-of date; acceptances are not
// applied.
func Warnings(p *plan.Plan, f *figures.Figures, today plan.Date) plan.Diagnostics {
	return planWarnings(p, f, today)
}

// Compute derives every figure of a plan (plan/figures' Compute) and adds its warnings,
// found now from the plan, its figures and the as-of date, with acceptances applied. It
// is the stand-alone path, for a plan built or changed in memory: it cannot know the
// warnings only the load sees (the walk's, such as A8's thousands dots), so a caller that
// loaded the plan takes the figures Loader.Load returned instead. Every call returns
// figures of its own, which the caller may change.
func Compute(p *plan.Plan, now time.Time) *figures.Figures {
	f := figures.Compute(p, now)
	if p == nil {
		return f
	}
	today := plan.DateOf(now)
	addWarnings(f, p, accept(p, planWarnings(p, f, today), today))
	return f
}

// addWarnings adds the plan's warnings, acceptances applied, to its figures: the accepted
// ones with their reasons, the others as text.
func addWarnings(f *figures.Figures, p *plan.Plan, warnings plan.Diagnostics) {
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
}
