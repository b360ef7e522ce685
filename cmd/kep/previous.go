package main

import (
	"strings"
	"time"

	"github.com/kepdev/kep/internal/app"
	"github.com/kepdev/kep/internal/gitrev"
	"github.com/kepdev/kep/locale"
	"github.com/kepdev/kep/plan"
	"github.com/kepdev/kep/plan/figures"
)

// previousError is an error in the previous period's plan that --previous names (exit
// status 1, as any plan with errors).
type previousError struct {
	name  string
	diags plan.Diagnostics
}

func (e *previousError) Error() string { return e.In("en") }

// In is the error in lang, its findings in their plan's (as printDiagnostics prints them).
func (e *previousError) In(lang string) string {
	var b strings.Builder
	b.WriteString(locale.Msgf("the previous plan %s has errors:", e.name).In(lang))
	e.diags.Sort()
	for _, d := range e.diags {
		if !d.Warning {
			b.WriteString("\n" + d.StringIn(diagLang(d)))
		}
	}
	return b.String()
}

// checkPrevious checks the value of --previous before any plan is read: "@REV" for the
// same plan file at a git revision, or a plan file, which can only be the predecessor of
// one plan.
func checkPrevious(src string, plans int) error {
	if rev, ok := strings.CutPrefix(src, "@"); ok {
		if rev == "" {
			return errorf("--previous @: give a git revision after the @ (e.g. @HEAD~1 or @v2026)")
		}
		return nil
	}
	if plans > 1 {
		return errorf("--previous %s: a file is the previous plan of one plan; for several plans give a git revision as @REV", src)
	}
	if err := checkPlanInput(src); err != nil {
		return errorf("--previous: %w", err)
	}
	return nil
}

// previousPlan loads the plan of the previous period for the plan cur, read from path:
// src is a plan file or "@REV", the same file at git revision REV (read with the hardened
// git runner, with the workspace of that commit). A plan of another account is refused.
// The status tells how to exit on an error: 1 when the previous plan has errors, 2 for
// git trouble or a previous plan that is not this account's (wrong usage). An error
// wrapping gitrev.ErrNotInRevision means the plan is new since REV.
func previousPlan(src, path string, cur *plan.Plan, l *app.Loader, now time.Time) (app.Checked, int, error) {
	var (
		prev app.Checked
		name = src
	)
	if rev, ok := strings.CutPrefix(src, "@"); ok {
		data, g, err := gitrev.Show(path, rev)
		if err != nil {
			return app.Checked{}, exitUsage, err
		}
		name = rev + ":" + g.Rel
		prev = loadAtRevision(g, path, data, now)
		if prev.Plan != nil {
			prev.Plan.File = name
		}
	} else {
		prev = l.Load(src)
	}
	if !prev.OK() {
		return app.Checked{}, exitPlan, &previousError{name: name, diags: prev.Diags}
	}
	if !figures.SameAccount(prev.Plan, cur) {
		return app.Checked{}, exitUsage, errorf("the previous plan %s is of account %q, this plan of %q: give the previous plan of the same account",
			name, strings.TrimSpace(prev.Plan.Meta.Account), strings.TrimSpace(cur.Meta.Account))
	}
	return prev, exitOK, nil
}
