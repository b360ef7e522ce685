package plan

import (
	"fmt"
	"math"
	"sync"

	"github.com/kepdev/kep/locale"
)

// blockKeys name each building block by the key that holds it, for messages.
var blockKeys = [7]string{"selection", "scorecard", "offering", "account", "swot", "value", "contacts"}

// planWarnings are the findings that do not stop rendering (spec: a block left empty, an
// action past its due date, visits off the class norm, neglected key contacts).
func planWarnings(p *Plan, today Date) Diagnostics {
	at := func(path, format string, args ...any) Diagnostic {
		ps := p.idx.at(path)
		return diag(p.File, ps.Line, ps.Col, path, true, format, args...)
	}
	var ds Diagnostics
	for i, has := range blocksWithData(p) {
		if !has {
			ds = append(ds, at(blockKeys[i], "building block %d (%s) is empty", i+1, blockKeys[i]))
		}
	}
	ds = append(ds, p.exampleWarnings...) // left from kep init (A9), found by the loader
	ws := p.Workspace
	if ws == nil {
		ws = DefaultWorkspace()
	}
	if p.Selection != nil {
		sf := selectionFigures(p, ws, visitFigures(ws))
		if n := sf.NormVisits; n != nil {
			v := float64(p.Selection.Visits)
			norm := locale.MsgWord("the norm")
			if p.Prospect() {
				norm = locale.MsgWord("the prospect norm")
			}
			// Compared in decimals: 3 visits against a norm of 2.4 are 25 % off, not more.
			if decimal(math.Abs(v-*n)) > decimal(0.25**n) && !(v == 0 && *n == 0) {
				ds = append(ds, at("selection.visits", "%d visits planned, but %s for class %s is %s in the plan period (more than 25 %% off)",
					p.Selection.Visits, norm, sf.Class, trimFloat(*n)))
			}
		}
		if sf.Class == "C" {
			ds = append(ds, at("selection.attractiveness", "class C: not a key account by the workspace's scoring; check whether it belongs with field sales"))
		}
	}
	for i, a := range p.Actions {
		if isOpen(a.Status) && a.Due != nil && a.Due.Before(today) {
			state := locale.MsgWord("open")
			if a.Status == "doing" {
				state = locale.MsgWord("in progress")
			}
			ds = append(ds, at(indexPath("actions", i)+".due", "action %s was due on %s and is still %s", actionName(a), a.Due, state))
		}
	}
	for i, o := range p.Opportunities {
		if OpenStage(o.Stage) && o.Close.Before(today) {
			ds = append(ds, at(indexPath("opportunities", i)+".close", "opportunity %s was to be decided on %s and is still open", namedID(o.Name, o.ID), o.Close))
		}
	}
	for _, f := range linkFindings(p) {
		ds = append(ds, at(f.path, "%s", f.msg))
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
		path := indexPath("contacts", i)
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
	return ds
}

// contactName names a contact in a message as a reader knows them: "Dr. Maria Klein" (mk).
func contactName(c Contact) string { return namedID(c.Name, c.ID) }

// actionName names an action by its words and id: "Workshop Retrofit" (a3).
func actionName(a Action) string { return namedID(oneLine(a.Action, 60), a.ID) }

func namedID(name, id string) string {
	switch {
	case name == "":
		return fmt.Sprintf("%q", id)
	case id == "":
		return fmt.Sprintf("%q", name)
	}
	return fmt.Sprintf("%q (%s)", name, id)
}

// oneLine shortens s to at most n characters, with an ellipsis where it cuts.
func oneLine(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}

// trimFloat formats a figure for a message: at most two decimals, no trailing zeros.
func trimFloat(v float64) string {
	s := fmt.Sprintf("%.2f", v)
	for s[len(s)-1] == '0' {
		s = s[:len(s)-1]
	}
	if s[len(s)-1] == '.' {
		s = s[:len(s)-1]
	}
	return s
}

type markdownField struct{ path, text string }

// linkFindings returns the plan's Markdown link findings (markdownLinkFindings of every
// Markdown field; text is the message). Loading and Compute both ask, so a loaded plan
// keeps them: the Markdown is parsed once.
func linkFindings(p *Plan) []linkFinding {
	if c := p.links; c != nil {
		c.once.Do(func() { c.found = findLinks(p) })
		return c.found
	}
	return findLinks(p)
}

// linkCache holds a loaded plan's link findings.
type linkCache struct {
	once  sync.Once
	found []linkFinding
}

// linkFinding is a link finding at a key path.
type linkFinding struct {
	path string
	msg  locale.Msg
}

func findLinks(p *Plan) []linkFinding {
	var out []linkFinding
	for _, f := range markdownFields(p) {
		for _, msg := range markdownLinkMsgs(f.text) {
			out = append(out, linkFinding{f.path, msg})
		}
	}
	return out
}

// markdownFields lists the plan's Markdown texts with their key paths (the kindMarkdown
// keys of the schema), in the order of the file format.
func markdownFields(p *Plan) []markdownField {
	var fs []markdownField
	add := func(path, text string) {
		if text != "" {
			fs = append(fs, markdownField{path, text})
		}
	}
	add("plan.summary", p.Meta.Summary)
	if o := p.Offering; o != nil {
		add("offering.positioning", o.Positioning)
		for i, pk := range o.Packages {
			add(indexPath("offering.packages", i)+".description", pk.Description)
		}
	}
	if a := p.Account; a != nil {
		add("account.strategy", a.Strategy)
		if a.Purchasing != nil {
			add("account.purchasing.process", a.Purchasing.Process)
		}
	}
	for i, v := range p.Value {
		add(indexPath("value", i)+".description", v.Description)
	}
	for i, k := range p.Asks {
		add(indexPath("asks", i)+".reason", k.Reason)
	}
	for i, r := range p.Reviews {
		add(indexPath("reviews", i)+".notes", r.Notes)
	}
	return fs
}
