// Package nextyear makes the next period's plan from this one (kep next-year): the period
// and version move on, actual values become the new baselines, finished actions go, open
// ones stay, reviews and the approval are cleared. It edits the plan's text in place, so
// comments, key order and formatting of everything it does not change keep their bytes;
// the result is checked by the caller.
package nextyear

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/kepdev/kep/internal/crm"
	"github.com/kepdev/kep/locale"
	"github.com/kepdev/kep/plan"
	"github.com/kepdev/kep/plan/load"
)

// Result says what moved on, for the command's message.
type Result struct {
	From, To  plan.Date // the new period
	Version   string    // the new version ("" when the plan has none)
	Baselines int       // objectives whose actual became the baseline
	Removed   []string  // ids of done and dropped actions, taken out
	Carried   []string  // ids of open actions, kept
	Reviews   int       // reviews cleared
}

// Make returns the next period's plan for src, the bytes of the valid plan p.
func Make(src []byte, p *plan.Plan) ([]byte, Result, error) {
	var res Result
	var edits []crm.Edit
	removeLine := func(sp [2]int) {
		edits = append(edits, crm.Edit{Start: crm.LineStart(src, sp[0]), End: crm.NextLine(src, sp[1]), Text: ""})
	}

	plans, err := crm.Tables(src, "[plan]")
	if err != nil || len(plans) != 1 {
		return nil, res, locale.MsgErrorf("the [plan] table could not be found in the text (%v); write the new plan by hand", err)
	}
	pt := plans[0]
	res.From, res.To = nextDate(p.Meta.From), nextDate(p.Meta.To)
	for key, d := range map[string]plan.Date{"from": res.From, "to": res.To} {
		sp, ok := pt.Keys[key]
		if !ok {
			return nil, res, locale.MsgErrorf("plan.%s is not written as a key of [plan]; write the new plan by hand", key)
		}
		edits = append(edits, crm.Edit{Start: sp[0], End: sp[1], Text: d.String()})
	}
	if sp, ok := pt.Keys["version"]; ok && p.Meta.Version != "" {
		res.Version = nextVersion(p.Meta.Version, p.Meta.From.Year, res.From.Year)
		edits = append(edits, crm.Edit{Start: sp[0], End: sp[1], Text: load.QuoteTOML(res.Version)})
	}
	if sp, ok := pt.Keys["title"]; ok {
		// "Kundenentwicklungsplan 2027 – Hansa" names its year: it moves on too.
		if old := strconv.Itoa(p.Meta.From.Year); strings.Contains(p.Meta.Title, old) {
			t := strings.ReplaceAll(p.Meta.Title, old, strconv.Itoa(res.From.Year))
			edits = append(edits, crm.Edit{Start: sp[0], End: sp[1], Text: load.QuoteTOML(t)})
		}
	}
	if sp, ok := pt.Keys["status"]; ok {
		edits = append(edits, crm.Edit{Start: sp[0], End: sp[1], Text: `"draft"`})
	}
	for _, key := range []string{"approved_by", "approved_on"} {
		if sp, ok := pt.Keys[key]; ok {
			removeLine(sp)
		}
	}

	// Scorecard: this year's actual is next year's starting point.
	objs, err := crm.Tables(src, "[[scorecard.objectives]]")
	if err != nil {
		return nil, res, err
	}
	for _, o := range objs {
		act, ok := o.Keys["actual"]
		if !ok {
			continue
		}
		text := string(src[act[0]:act[1]])
		if base, ok := o.Keys["baseline"]; ok {
			edits = append(edits, crm.Edit{Start: base[0], End: base[1], Text: text})
			removeLine(act)
		} else {
			// The actual's line becomes the baseline's, in its place.
			start := crm.LineStart(src, act[0])
			indent := string(src[start:act[0]])
			indent = indent[:len(indent)-len(strings.TrimLeft(indent, " \t"))]
			edits = append(edits, crm.Edit{Start: start, End: crm.NextLine(src, act[1]), Text: indent + "baseline = " + text + lineEnd(src)})
		}
		res.Baselines++
	}

	// Actions: done and dropped ones go; open ones stay and are named in a comment.
	acts, err := crm.Tables(src, "[[actions]]")
	if err != nil {
		return nil, res, err
	}
	if len(acts) != len(p.Actions) {
		return nil, res, locale.MsgErrorf("the actions could not be matched in the text (%d tables, %d actions); write the new plan by hand", len(acts), len(p.Actions))
	}
	firstKept := -1
	for i, a := range p.Actions {
		if a.Status == "done" || a.Status == "dropped" {
			res.Removed = append(res.Removed, a.ID)
			edits = append(edits, crm.Edit{Start: acts[i].Start, End: blockEnd(src, acts[i]), Text: ""})
			continue
		}
		res.Carried = append(res.Carried, a.ID)
		if firstKept < 0 {
			firstKept = i
		}
	}
	if firstKept >= 0 {
		format, _ := locale.Get(p.Lang).Label("nextyear.carried")
		note := fmt.Sprintf(format, p.Meta.From.Year, strings.Join(res.Carried, ", "), lineEnd(src))
		edits = append(edits, crm.Edit{Start: acts[firstKept].Start, End: acts[firstKept].Start, Text: note})
	}

	revs, err := crm.Tables(src, "[[reviews]]")
	if err != nil {
		return nil, res, err
	}
	for _, r := range revs {
		edits = append(edits, crm.Edit{Start: r.Start, End: blockEnd(src, r), Text: ""})
	}
	res.Reviews = len(revs)

	out, err := crm.Apply(src, edits)
	return out, res, err
}

// blockEnd is where a removed table ends: after its last key and the blank lines after
// it. Comments after it stay: they introduce what follows.
func blockEnd(src []byte, t crm.SourceTable) int {
	i := t.LastKeyEnd
	for i < t.End {
		j := crm.NextLine(src, i)
		if strings.TrimSpace(string(src[i:j])) != "" {
			break
		}
		i = j
	}
	return i
}

// lineEnd is the source's line end: CRLF plans stay CRLF.
func lineEnd(src []byte) string {
	if strings.Contains(string(src), "\r\n") {
		return "\r\n"
	}
	return "\n"
}

// nextDate is d one year on; 29 February becomes 28 February.
func nextDate(d plan.Date) plan.Date {
	if d.Month == time.February && d.Day == 29 {
		d.Day = 28
	}
	d.Year++
	return d
}

// revisionRE is compiled on first use: kep next-year is rare, and a package-level
// expression was compiled in every kep process (issue 19).
var revisionRE = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`\d+$`) })

// nextVersion moves a version on to the new period: the old year becomes the new one and
// what counted the drafts after it starts again ("2027.3" → "2028.1", "2027.0-draft3" →
// "2028.0-draft1"); a version without the year gets the new year in front ("v4" →
// "2028.1"). See docs/format-decisions.md.
func nextVersion(v string, oldYear, newYear int) string {
	old := strconv.Itoa(oldYear)
	i := strings.Index(v, old)
	if i < 0 {
		return strconv.Itoa(newYear) + ".1"
	}
	rest := v[i+len(old):]
	// The last number of the rest counts revisions: it starts again at 1.
	if m := revisionRE().FindStringIndex(rest); m != nil {
		rest = rest[:m[0]] + "1"
	}
	return v[:i] + strconv.Itoa(newYear) + rest
}
