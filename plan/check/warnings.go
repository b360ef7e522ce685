package check

import (
	"fmt"
	"math"

	"github.com/kepdev/kep/locale"
	"github.com/kepdev/kep/plan"
	"github.com/kepdev/kep/plan/figures"
	"github.com/kepdev/kep/plan/load"
)

// planWarnings are the findings that do not stop rendering (spec: a block left empty, an
// action past its due date, visits off the class norm, neglected key contacts), from the
// plan, its figures f and the as-of date.
func planWarnings(p *plan.Plan, f *figures.Figures, today plan.Date) plan.Diagnostics {
	at := func(path, format string, args ...any) plan.Diagnostic {
		line, col := p.Position(path)
		return plan.Diag(p.File, line, col, path, true, format, args...)
	}
	var ds plan.Diagnostics
	for i, has := range f.Blocks {
		if !has {
			ds = append(ds, at(plan.BlockKeys[i], "building block %d (%s) is empty", i+1, plan.BlockKeys[i]))
		}
	}
	ds = append(ds, p.ExampleWarnings...) // left from kep init (A9), found by the loader
	ws := p.Workspace
	if ws == nil {
		ws = plan.DefaultWorkspace()
	}
	if p.Selection != nil {
		sf := f.Selection // nil for a [selection] without data, which still has a class
		if sf == nil {
			sf = figures.Selection(p, ws, f.Visits)
		}
		if n := sf.NormVisits; n != nil {
			v := float64(p.Selection.Visits)
			norm := locale.MsgWord("the norm")
			if p.Prospect() {
				norm = locale.MsgWord("the prospect norm")
			}
			// Compared in decimals: 3 visits against a norm of 2.4 are 25 % off, not more.
			if figures.Decimal(math.Abs(v-*n)) > figures.Decimal(0.25**n) && !(v == 0 && *n == 0) {
				ds = append(ds, at("selection.visits", "%d visits planned, but %s for class %s is %s in the plan period (more than 25 %% off)",
					p.Selection.Visits, norm, sf.Class, load.TrimFloat(*n)))
			}
		}
		if sf.Class == "C" {
			ds = append(ds, at("selection.attractiveness", "class C: not a key account by the workspace's scoring; check whether it belongs with field sales"))
		}
	}
	for i, a := range p.Actions {
		if figures.IsOpen(a.Status) && a.Due != nil && a.Due.Before(today) {
			state := locale.MsgWord("open")
			if a.Status == "doing" {
				state = locale.MsgWord("in progress")
			}
			ds = append(ds, at(load.IndexPath("actions", i)+".due", "action %s was due on %s and is still %s", actionName(a), a.Due, state))
		}
	}
	for i, o := range p.Opportunities {
		if plan.OpenStage(o.Stage) && o.Close.Before(today) {
			ds = append(ds, at(load.IndexPath("opportunities", i)+".close", "opportunity %s was to be decided on %s and is still open", namedID(o.Name, o.ID), o.Close))
		}
	}
	for _, lf := range linkFindings(p) {
		ds = append(ds, at(lf.path, "%s", lf.msg))
	}
	// The 90-day rule counts back from the as-of date, or from the plan's start while the
	// as-of date lies before it (spec A1): a CFO unmet for eleven months is a finding at
	// the December review, not only at the plan's start.
	ref, refWord := today, locale.Msgf("the as-of date %s", today.String())
	if today.Before(p.Meta.From) {
		ref, refWord = p.Meta.From, locale.Msgf("the plan starts")
	}
	for i, c := range p.Contacts {
		if c.Influence != 3 {
			continue
		}
		path := load.IndexPath("contacts", i)
		switch {
		case c.LastContact == nil:
			ds = append(ds, at(path, "contact %s has influence 3 but no last_contact", contactName(c)))
		case c.LastContact.DaysUntil(ref) > 90:
			ds = append(ds, at(path+".last_contact", "last contact with %s, influence 3, was %d days before %s, more than 90",
				contactName(c), c.LastContact.DaysUntil(ref), refWord))
		}
		if c.Owner == "" {
			ds = append(ds, at(path, "contact %s has influence 3 but no owner", contactName(c)))
		}
	}
	return append(ds, fontWarnings(p)...)
}

// contactName names a contact in a message as a reader knows them: "Dr. Maria Klein" (mk).
func contactName(c plan.Contact) string { return namedID(c.Name, c.ID) }

// actionName names an action by its words and id: "Workshop Retrofit" (a3).
func actionName(a plan.Action) string { return namedID(load.OneLine(a.Action, 60), a.ID) }

func namedID(name, id string) string {
	switch {
	case name == "":
		return fmt.Sprintf("%q", id)
	case id == "":
		return fmt.Sprintf("%q", name)
	}
	return fmt.Sprintf("%q (%s)", name, id)
}

// linkFindings returns the plan's Markdown link findings (markdownLinkFindings of every
// Markdown field; text is the message), found once per plan and as-of date with the
// other warnings.
func linkFindings(p *plan.Plan) []linkFinding { return findLinks(p) }

// linkFinding is a link finding at a key path.
type linkFinding struct {
	path string
	msg  locale.Msg
}

func findLinks(p *plan.Plan) []linkFinding {
	var out []linkFinding
	for _, f := range load.MarkdownFields(p) {
		for _, msg := range markdownLinkMsgs(f.Text) {
			out = append(out, linkFinding{f.Path, msg})
		}
	}
	return out
}
