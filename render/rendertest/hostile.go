// Package rendertest builds plans for the tests of the document writers: hostile plans
// whose every text field carries markup, script, unsafe links, emoji and huge content,
// so that the HTML and the PDF writer can both prove they render such plans safely.
package rendertest

import (
	"fmt"
	"strings"
	"time"

	"github.com/kepdev/kep/plan"
)

// Marker appears in every hostile text; a writer's output must show it only as text.
const Marker = "PWNED"

// Hostile is the text put into every text field: markup that would run script in HTML,
// break out of attributes, SVG text and CSS strings, an entity, an emoji (above U+FFFF:
// fpdf panics on those) and German letters.
const Hostile = `<script>alert("` + Marker + `")</script>"><img src=x onerror=alert('` + Marker + `')>` +
	`</text><script>` + Marker + `</script>'; } body{display:none} /* &amp; a & b 😀 Größe €`

// HostileMarkdown is Markdown with raw HTML, unsafe links and images in every form.
const HostileMarkdown = "# Überschrift <script>" + Marker + "</script>\n\n" +
	"[click](javascript:alert('" + Marker + "')) [data](data:text/html;base64,PHNjcmlwdD4=) " +
	"[vb](vbscript:msgbox) [tab](java\tscript:alert(1)) [ent](jav&#x61;script:alert(1)) " +
	"[pct](javascript%3Aalert(1)) [rel](/etc/passwd) [ok](https://example.com/?a=1&b=2) [mail](mailto:a@example.com)\n\n" +
	"<img src=x onerror=alert('" + Marker + "')>\n\n<div onclick=\"" + Marker + "\">raw block</div>\n\n" +
	"![img](https://example.com/x.png \"" + Marker + "\") <javascript:alert(1)> <https://example.com/auto>\n\n" +
	"| a | b |\n|:--|--:|\n| <b>x</b> | " + Marker + " |\n\n~~struck~~ **bold** `code <script>` 😀\n"

// Plan returns a hostile plan: every text field set to Hostile (with a distinguishing
// suffix), every Markdown field to HostileMarkdown, contacts and actions as many as
// asked, a summary of about summaryKB kilobytes and a word of longWord characters.
func Plan(contacts, actions, summaryKB, longWord int) *plan.Plan {
	h := func(field string) string { return Hostile + " " + field }
	word := strings.Repeat("x", longWord)
	f := func(v float64) *float64 { return &v }
	i := func(v int) *int { return &v }
	d := func(y, m, day int) *plan.Date { return &plan.Date{Year: y, Month: time.Month(m), Day: day} }
	var summary strings.Builder
	summary.WriteString(HostileMarkdown + "\n\n" + word + "\n\n")
	for summary.Len() < summaryKB*1024 {
		summary.WriteString("Ein langer Absatz mit Text, **fett** und [Link](https://example.com). ")
		if summary.Len()%4000 < 80 {
			summary.WriteString("\n\n")
		}
	}
	p := &plan.Plan{
		Format: 1, Lang: "de", Currency: "EUR",
		Meta: plan.Meta{
			Account: h("account"), Title: h("title"), From: plan.Date{Year: 2027, Month: 1, Day: 1}, To: plan.Date{Year: 2027, Month: 12, Day: 31},
			Version: h("version"), Status: "approved", Owner: h("owner"), ApprovedBy: h("approved_by"), ApprovedOn: d(2026, 12, 1),
			Confidentiality: "strictly-confidential", Summary: summary.String(), Kind: "account",
		},
		Brand: plan.Brand{Company: h("company"), Primary: "#ffee00", Accent: "#00ffee", Paper: "A4", Footer: h("footer"), ChapterBreaks: "page"},
		Selection: &plan.Selection{Revenue: 1_850_000, ContributionMargin: 410_000, Visits: 24,
			Attractiveness: map[string]float64{"revenue": 8, "potential": 9, "margin": 6, "strategic_fit": 7, "reference": 5},
			Position:       map[string]float64{"share_of_wallet": 4, "relationship": 7, "solution_fit": 6, "price_enforcement": 5}},
		Scorecard: plan.Scorecard{Weights: map[string]float64{"finance": 25, "customer": 25, "process": 25, "learning": 25},
			Objectives: []plan.Objective{
				{ID: "f1", Perspective: "finance", Objective: h("objective") + " " + word, KPI: h("kpi"), Unit: "EUR", Baseline: f(1_600_000), Target: 1_850_000, Actual: f(1_720_000), Better: "higher", Weight: f(100)},
				{ID: "k1", Perspective: "customer", Objective: h("objective2"), KPI: h("kpi2"), Unit: h("unit"), Target: 10, Actual: f(3), Better: "higher", Weight: f(100)},
				{ID: "p1", Perspective: "process", Objective: h("objective3"), KPI: "%", Unit: "%", Baseline: f(12), Target: 5, Better: "lower", Weight: f(100)},
			}},
		Offering: &plan.Offering{Positioning: HostileMarkdown,
			Profile: []plan.ProfileCriterion{
				{Criterion: h("criterion"), Weight: 60, Own: 8, Competitors: map[string]float64{"c1": 6}},
				{Criterion: h("criterion2") + " " + word, Weight: 40, Own: 5, Competitors: map[string]float64{"c1": 9}},
			},
			Competences: []plan.Competence{{Name: h("competence"), Importance: 8, Strength: 3, Revenue: f(250_000)}, {Name: h("competence2"), Importance: 2, Strength: 9}},
			Packages:    []plan.ServicePackage{{Name: h("package"), Description: HostileMarkdown, Components: []string{h("component"), word}, Price: f(48_000), Benefit: h("benefit")}},
		},
		Account: &plan.Account{Industry: h("industry"), Headquarters: h("hq"), Employees: i(2400), Revenue: f(5.2e8),
			Locations: []string{h("location")}, Website: "javascript:alert('" + Marker + "')", Strategy: HostileMarkdown,
			History:     []plan.HistoryRow{{Year: 2025, Revenue: 1_200_000, ContributionMargin: f(260_000), ShareOfWallet: f(22)}, {Year: 2026, Revenue: 1_500_000}},
			Pains:       []plan.Pain{{Pain: h("pain"), Impact: "high", Solution: h("solution")}},
			Initiatives: []plan.Initiative{{Name: h("initiative"), Goal: h("goal"), Due: d(2027, 9, 30), Relevance: "high"}},
			Purchasing:  &plan.Purchasing{Process: HostileMarkdown, Steps: []string{h("step"), word}},
			Readiness:   []plan.Readiness{{Criterion: h("readiness"), Points: 7}},
		},
		SWOT: &plan.SWOT{Strengths: []string{h("s"), word}, Weaknesses: []string{h("w")}, Opportunities: []string{h("o")}, Threats: []string{h("t")},
			Strategies: plan.TOWS{SO: []string{h("so")}, ST: []string{h("st")}, WO: []string{h("wo")}, WT: []string{h("wt")}}},
		Competitors: []plan.Competitor{{ID: "c1", Name: h("competitor"), ShareOfWallet: f(35), Strengths: []string{h("cs")}, Weaknesses: []string{h("cw")}, Strategy: h("strategy"), Threat: "high"}},
		Goals:       []plan.Goal{{AccountGoal: h("account_goal"), OwnGoal: h("own_goal"), Contribution: h("contribution"), Objective: "f1"}},
		Value: []plan.ValueConcept{{ID: "v1", Name: h("value"), Description: HostileMarkdown, Years: 3,
			Benefits: []plan.ValueBenefit{{Item: h("benefit_item"), Amount: 150_000, Basis: h("basis")}},
			Costs:    []plan.ValueCost{{Item: h("cost_item"), Amount: 30_000}, {Item: h("once_item"), Amount: 60_000, Once: true}}}},
		Team: []plan.TeamMember{{ID: "as", Name: h("team"), Role: h("role")}},
		Reviews: []plan.Review{{Date: plan.Date{Year: 2027, Month: 6, Day: 30}, Participants: []string{h("participant")}, Notes: HostileMarkdown},
			{Date: plan.Date{Year: 2027, Month: 3, Day: 31}, Notes: "early " + word}},
		Checklists: []plan.Checklist{{Topic: "partnership", Items: []plan.ChecklistItem{{Item: h("item"), Status: "yes"}, {Item: h("item2"), Status: "partly"}, {Item: word, Status: "na"}}}},
		Opportunities: []plan.Opportunity{
			{ID: "o1", Name: h("opportunity") + " " + word, Value: 240_000, Probability: 60, Stage: "proposal", Close: plan.Date{Year: 2027, Month: 5, Day: 15}, Objective: "f1", Owner: "as", Contact: "c0"},
			{ID: "o2", Name: h("opportunity2"), Value: 90_000, Probability: 100, Stage: "won", Close: plan.Date{Year: 2027, Month: 2, Day: 1}},
		},
		Asks: []plan.Ask{
			{ID: "k1", Ask: h("ask") + " " + word, Kind: "budget", Amount: f(25_000), Reason: HostileMarkdown, Status: "conditional",
				DecidedBy: h("decided_by"), DecidedOn: d(2026, 12, 2), Condition: h("condition"), Objective: "f1"},
			{ID: "k2", Ask: h("ask2"), Kind: "sponsor", Reason: h("reason2"), Status: "open"},
		},
		Accepted: []plan.Accepted{{Warning: "contacts", Reason: h("accepted_reason"), Until: d(2027, 6, 30)},
			{Warning: h("warning"), Reason: h("accepted_reason2")}},
		File: "hostile.toml",
	}
	attitudes := plan.Attitudes
	for n := 0; n < contacts; n++ {
		boss := ""
		if n > 0 {
			boss = fmt.Sprintf("c%d", (n-1)/2)
		}
		p.Contacts = append(p.Contacts, plan.Contact{ReportsTo: boss,
			ID: fmt.Sprintf("c%d", n), Name: fmt.Sprintf("%s Kontakt %d", Hostile, n), Title: h("title"), Department: h("department"),
			Roles: []string{plan.BuyingRoles[n%len(plan.BuyingRoles)]}, Influence: 1 + n%3, Attitude: attitudes[n%len(attitudes)],
			Relationship: n % 5, TargetRelationship: i(1 + n%4), Owner: "as", LastContact: d(2026, 10, 12), NextStep: h("next_step"),
		})
	}
	for n := 0; n < actions; n++ {
		p.Actions = append(p.Actions, plan.Action{ID: fmt.Sprintf("a%d", n), Action: fmt.Sprintf("%s Maßnahme %d", Hostile, n), Owner: "as",
			Due: d(2027, 1+n%12, 1+n%28), Status: []string{"open", "doing", "done", "dropped"}[n%4], Objective: "f1"})
	}
	return p
}
