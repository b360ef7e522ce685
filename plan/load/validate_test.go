package load

import (
	"strconv"
	"strings"
	"testing"
)

// Every rule of the plan format, one case each: the snippet follows the smallest valid
// plan (header, lines 1–5), and the whole message with file, line, column and key path is
// asserted.
var planCases = []struct {
	name, plan string
	want       []string
}{
	// Decoding and the schema walk.
	{"syntax error", header + "lang = \n", []string{
		`/ws/p.toml:6:8: plan.lang: want a value after "=": text in quotes, a number, true or false, or a date`,
	}},
	{"unknown key suggests", "lnag = \"en\"\n" + header, []string{
		`/ws/p.toml:1:1: lnag: unknown key "lnag", did you mean "lang"?`,
	}},
	{"unknown key in [plan]", header + "acount = \"B\"\n", []string{
		`/ws/p.toml:6:1: plan.acount: unknown key "acount", did you mean "account"?`,
	}},
	{"unknown key differs only in case", "Lang = \"en\"\n" + header, []string{
		`/ws/p.toml:1:1: Lang: unknown key "Lang": keys are case-sensitive, did you mean "lang"?`,
	}},
	{"unknown key far from any", header + "colour = \"red\"\n", []string{
		`/ws/p.toml:6:1: plan.colour: unknown key "colour" (known keys: account, title, from, to, version, status, owner, approved_by, approved_on, confidentiality, summary, kind)`,
	}},
	{"unknown key in array of tables", header + "[[scorecard.objectives]]\nid = \"f1\"\nperspective = \"finance\"\nobjective = \"x\"\ntarget = 1\nwieght = 100\n", []string{
		`/ws/p.toml:11:1: scorecard.objectives[0].wieght: unknown key "wieght", did you mean "weight"?`,
	}},
	{"unknown key in inline table", header + "[scorecard]\nweights = { finance = 25, customer = 25, process = 25, Learning = 25 }\n", []string{
		`/ws/p.toml:7:56: scorecard.weights.Learning: unknown key "Learning": keys are case-sensitive, did you mean "learning"?`,
	}},
	{"workspace key in plan", header + "[visits]\nkams = 2\n", []string{
		`/ws/p.toml:6:1: visits: [visits] belongs in the workspace file kep.toml, not in a plan: it must be the same for every account`,
	}},
	{"format missing", strings.Replace(header, "format = 1\n", "", 1), []string{
		`/ws/p.toml: format: required key is missing`,
	}},
	{"format unsupported", strings.Replace(header, "format = 1", "format = 2", 1), []string{
		`/ws/p.toml:1:1: format: 2 is not supported: want 1`,
	}},
	{"format as text", strings.Replace(header, "format = 1", "format = \"1\"", 1), []string{
		`/ws/p.toml:1:1: format: want a whole number, not text`,
	}},
	{"plan missing", "format = 1\n", []string{
		`/ws/p.toml: plan: required key is missing`,
	}},
	{"account missing", strings.Replace(header, "account = \"A\"\n", "", 1), []string{
		`/ws/p.toml:2:1: plan.account: required key is missing`,
	}},
	{"account blank", strings.Replace(header, "account = \"A\"", "account = \"  \"", 1), []string{
		`/ws/p.toml:3:1: plan.account: must not be blank`,
	}},
	{"text with line break", strings.Replace(header, "account = \"A\"", "account = \"A\\nB\"", 1), []string{
		`/ws/p.toml:3:1: plan.account: want one line of text, without line breaks`,
	}},
	{"text with control character", strings.Replace(header, "account = \"A\"", "account = \"A\\u0007\"", 1), []string{
		`/ws/p.toml:3:1: plan.account: control character U+0007 in text`,
	}},
	{"markdown with control character", header + "summary = \"\"\"\nok\\u0007\n\"\"\"\n", []string{
		`/ws/p.toml:6:1: plan.summary: control character U+0007 in text`,
	}},
	{"markdown nested too deep", header + "summary = \"\"\"\n" + strings.Repeat("> ", 51) + "x\n\"\"\"\n", []string{
		`/ws/p.toml:6:1: plan.summary: Markdown nested 51 levels deep (block quotes, lists, indentation), more than the limit of 50`,
	}},
	{"markdown table too big", header + "summary = \"\"\"\n|" + strings.Repeat(" a |", 200) + "\n|" + strings.Repeat(" - |", 200) + "\n" + strings.Repeat("| x |\n", 100) + "\"\"\"\n", []string{
		`/ws/p.toml:6:1: plan.summary: Markdown tables with more than 20000 cells`,
	}},
	{"raw control character", header + "summary = \"\"\"\nok\u0000\n\"\"\"\n", []string{
		`/ws/p.toml:7:3: plan.summary: a NUL byte (U+0000): a plan is a text file; delete it`,
	}},
	{"empty path", header + "[brand]\nlogo = \"\"\n", []string{
		`/ws/p.toml:7:1: brand.logo: must not be empty`,
	}},
	{"points not a number", header + "[selection]\n[selection.position]\nrelationship = \"high\"\n", []string{
		`/ws/p.toml:8:1: selection.position.relationship: want a number, not text`,
	}},
	{"points as array", header + "[selection]\nposition = [1, 2]\n", []string{
		`/ws/p.toml:7:1: selection.position: want a table of points, not an array`,
	}},
	{"date in quotes", strings.Replace(header, "from = 2027-01-01", "from = \"2027-01-01\"", 1), []string{
		`/ws/p.toml:4:1: plan.from: want a date like 2027-03-15 without quotes, not text "2027-01-01"`,
	}},
	{"date with time", strings.Replace(header, "from = 2027-01-01", "from = 2027-01-01T08:00:00", 1), []string{
		`/ws/p.toml:4:1: plan.from: want a date like 2027-03-15 (no time, no offset), not a date with time`,
	}},
	{"date with offset", strings.Replace(header, "from = 2027-01-01", "from = 2027-01-01T08:00:00+02:00", 1), []string{
		`/ws/p.toml:4:1: plan.from: want a date like 2027-03-15 (no time, no offset), not a date with time and offset`,
	}},
	{"enum with suggestion", header + "status = \"aproved\"\n", []string{
		`/ws/p.toml:6:1: plan.status: "aproved" is not one of draft, review, approved; did you mean "approved"?`,
	}},
	{"lang enum", "lang = \"it\"\n" + header, []string{
		`/ws/p.toml:1:1: lang: "it" is not one of de, en, fr`,
	}},
	{"currency pattern", "currency = \"eur\"\n" + header, []string{
		`/ws/p.toml:1:1: currency: "eur" is not a currency code: want three capital letters (ISO 4217), e.g. EUR`,
	}},
	{"colour pattern", header + "[brand]\nprimary = \"blue\"\n", []string{
		`/ws/p.toml:7:1: brand.primary: "blue" is not a colour: want #rrggbb, e.g. #1f4e79`,
	}},
	{"paper enum", header + "[brand]\npaper = \"A5\"\n", []string{
		`/ws/p.toml:7:1: brand.paper: "A5" is not one of A4, letter; did you mean "A4"?`,
	}},
	{"chapter breaks enum", header + "[brand]\nchapter_breaks = \"pages\"\n", []string{
		`/ws/p.toml:7:1: brand.chapter_breaks: "pages" is not one of auto, page; did you mean "page"?`,
	}},
	{"points just out of range", header + "[selection]\nrevenue = 1\n[selection.attractiveness]\nrevenue = 10.0001\n", []string{
		`/ws/p.toml:9:1: selection.attractiveness.revenue: 10.0001 is out of range: want 0 to 10`,
	}},
	{"money just below 0", header + "[selection]\nrevenue = -0.001\n", []string{
		`/ws/p.toml:7:1: selection.revenue: -0.001 is out of range: want at least 0`,
	}},
	{"format as float", strings.Replace(header, "format = 1", "format = 1.0", 1), []string{
		`/ws/p.toml:1:1: format: want a whole number, not 1.0`,
	}},
	{"points out of range", header + "[selection]\nrevenue = 1\n[selection.attractiveness]\nrevenue = 11\n", []string{
		`/ws/p.toml:9:1: selection.attractiveness.revenue: 11 is out of range: want 0 to 10`,
	}},
	{"money negative", header + "[selection]\nrevenue = -5\n", []string{
		`/ws/p.toml:7:1: selection.revenue: -5 is out of range: want at least 0`,
	}},
	{"integer wanted", header + "[selection]\nvisits = 2.5\n", []string{
		`/ws/p.toml:7:1: selection.visits: want a whole number, not 2.5`,
	}},
	{"integer too large", header + "[selection]\nrevenue = 10_000_000_000_000_000\n", []string{
		`/ws/p.toml:7:1: selection.revenue: 10000000000000000 is too large`,
	}},
	{"inf rejected", header + "[[scorecard.objectives]]\nid = \"f1\"\nperspective = \"finance\"\nobjective = \"x\"\ntarget = inf\n", []string{
		`/ws/p.toml:10:1: scorecard.objectives[0].target: +Inf is not a number here: inf and nan are not allowed`,
	}},
	{"nan rejected", header + "[selection]\nrevenue = nan\n", []string{
		`/ws/p.toml:7:1: selection.revenue: NaN is not a number here: inf and nan are not allowed`,
	}},
	{"percent out of range", header + "[[competitors]]\nid = \"x\"\nname = \"X\"\nshare_of_wallet = 120\n", []string{
		`/ws/p.toml:9:1: competitors[0].share_of_wallet: 120 is out of range: want 0 to 100`,
	}},
	{"id pattern", header + "[[team]]\nid = \"Anna\"\nname = \"Anna\"\n", []string{
		`/ws/p.toml:7:1: team[0].id: "Anna" is not a valid id: use 1 to 32 lowercase letters, digits, _ or -, starting with a letter or digit`,
	}},
	{"table wanted", "selection = 5\n" + header, []string{
		`/ws/p.toml:1:1: selection: want a table ([selection]), not an integer`,
	}},
	{"array of tables wanted", header + "[team]\nid = \"a\"\n", []string{
		`/ws/p.toml:6:1: team: want an array of tables ([[team]]), not a table`,
	}},
	{"list of text wanted", header + "[swot]\nstrengths = \"many\"\n", []string{
		`/ws/p.toml:7:1: swot.strengths: want a list of text like ["…", "…"], not text`,
	}},
	{"list of text element", header + "[swot]\nstrengths = [\"ok\", 5]\n", []string{
		`/ws/p.toml:7:20: swot.strengths[1]: want text in quotes, not an integer`,
	}},
	{"buying role unknown and twice", header + "[[contacts]]\nid = \"c\"\nname = \"C\"\ninfluence = 1\nattitude = \"neutral\"\nroles = [\"buyer\", \"buyer\", \"payer\"]\n", []string{
		`/ws/p.toml:11:19: contacts[0].roles[1]: "buyer" is listed twice`,
		`/ws/p.toml:11:28: contacts[0].roles[2]: "payer" is not one of initiator, user, influencer, decider, buyer, gatekeeper, approver; did you mean "buyer"?`,
	}},
	{"required keys of a row", header + "[[contacts]]\nid = \"c\"\n", []string{
		`/ws/p.toml:6:1: contacts[0].attitude: required key is missing`,
		`/ws/p.toml:6:1: contacts[0].influence: required key is missing`,
		`/ws/p.toml:6:1: contacts[0].name: required key is missing`,
	}},
	{"influence range", header + "[[contacts]]\nid = \"c\"\nname = \"C\"\ninfluence = 4\nattitude = \"neutral\"\n", []string{
		`/ws/p.toml:9:1: contacts[0].influence: 4 is out of range: want 1 to 3`,
	}},
	{"years range", header + "[[value]]\nid = \"v\"\nname = \"V\"\nyears = 11\n", []string{
		`/ws/p.toml:9:1: value[0].years: 11 is out of range: want 1 to 10`,
	}},
	{"boolean wanted", header + "[[value]]\nid = \"v\"\nname = \"V\"\n[[value.costs]]\nitem = \"x\"\namount = 1\nonce = \"yes\"\n", []string{
		`/ws/p.toml:12:1: value[0].costs[0].once: want true or false, not text`,
	}},
	{"history year range", header + "[account]\n[[account.history]]\nyear = 27\nrevenue = 1\n", []string{
		`/ws/p.toml:8:1: account.history[0].year: 27 is out of range: want 1900 to 2200`,
	}},

	// Validators.
	{"period reversed", strings.Replace(header, "to = 2027-12-31", "to = 2026-12-31", 1), []string{
		`/ws/p.toml:5:1: plan.to: the plan period ends (2026-12-31) before it starts or on the same day (from = 2027-01-01)`,
	}},
	{"period of no days", strings.Replace(header, "to = 2027-12-31", "to = 2027-01-01", 1), []string{
		`/ws/p.toml:5:1: plan.to: the plan period ends (2027-01-01) before it starts or on the same day (from = 2027-01-01)`,
	}},
	{"approved without approval", header + "status = \"approved\"\n", []string{
		`/ws/p.toml:2:1: plan.approved_by: required when status is "approved"`,
		`/ws/p.toml:2:1: plan.approved_on: required when status is "approved"`,
	}},
	{"approval without status", header + "approved_by = \"B\"\napproved_on = 2026-12-01\n", []string{
		`/ws/p.toml:6:1: plan.approved_by: given, but status is "draft": set status = "approved" or remove it`,
		`/ws/p.toml:7:1: plan.approved_on: given, but status is "draft": set status = "approved" or remove it`,
	}},
	{"approved by a blank name", header + "status = \"approved\"\napproved_by = \" \"\napproved_on = 2026-12-01\n", []string{
		`/ws/p.toml:7:1: plan.approved_by: must not be blank when status is "approved"`,
	}},
	{"selection criteria", header + "[selection]\n[selection.attractiveness]\nrevenue = 5\npotential = 5\nmargin = 5\nstrategic_fit = 5\nreferenc = 5\n[selection.position]\nshare_of_wallet = 5\nrelationship = 5\nsolution_fit = 5\nprice_enforcement = 5\n", []string{
		`/ws/p.toml:7:1: selection.attractiveness: no points for criterion "reference" (Referenzwert)`,
		`/ws/p.toml:12:1: selection.attractiveness.referenc: "referenc" is not a criterion of the scoring model, did you mean "reference"?`,
	}},
	{"perspective weights", header + "[scorecard]\nweights = { finance = 50, customer = 30 }\n", []string{
		`/ws/p.toml:7:1: scorecard.weights: weights of the perspectives sum to 80, want 100`,
	}},
	{"objective ids twice", header + obj("f1", "finance", "1", "") + obj("f1", "customer", "1", ""), []string{
		`/ws/p.toml:12:1: scorecard.objectives[1].id: id "f1" is used twice`,
	}},
	{"target zero", header + obj("f1", "finance", "0", ""), []string{
		`/ws/p.toml:10:1: scorecard.objectives[0].target: target must not be 0`,
	}},
	{"target negative for lower", header + obj("f1", "finance", "-3", "better = \"lower\"\n"), []string{
		`/ws/p.toml:10:1: scorecard.objectives[0].target: target must be above 0 where better = "lower"`,
	}},
	{"objective weights", header + obj("f1", "finance", "1", "weight = 50\n") + obj("f2", "finance", "1", "weight = 40\n"), []string{
		`/ws/p.toml:17:1: scorecard.objectives[1].weight: weights of perspective "finance" sum to 90, want 100`,
	}},
	{"objective weights partly", header + obj("f1", "finance", "1", "weight = 50\n") + obj("f2", "finance", "1", ""), []string{
		`/ws/p.toml:12:1: scorecard.objectives[1].weight: 1 of the objectives of perspective "finance" have a weight and 1 have none: weigh all or none`,
	}},
	{"profile weights", header + comp("a") + profile("Q", 60, "a = 5") + profile("P", 30, "a = 5"), []string{
		`/ws/p.toml:16:1: offering.profile[1].weight: weights of the profile sum to 90, want 100`,
	}},
	{"profile competitor unknown", header + comp("acme") + profile("Q", 100, "acne = 5"), []string{
		`/ws/p.toml:13:17: offering.profile[0].competitors.acne: "acne" is not the id of a competitor in [[competitors]], did you mean "acme"?`,
	}},
	{"profile competitor zero", header + comp("a") + profile("Q", 100, "a = 0"), []string{
		`/ws/p.toml:13:17: offering.profile[0].competitors.a: 0 points: relative quality divides by the competitor's points; give at least a small value`,
	}},
	{"profile competitor missing on a criterion", header + comp("a") + comp("b") + profile("Q", 50, "a = 5, b = 4") + profile("P", 50, "a = 5"), []string{
		`/ws/p.toml:17:1: offering.profile[1]: no points for competitor "b", rated on other criteria`,
	}},
	{"website", header + "[account]\nwebsite = \"ftp://example.com\"\n", []string{
		`/ws/p.toml:7:1: account.website: "ftp://example.com" is not a web address: want http:// or https:// and a host`,
	}},
	{"website without host", header + "[account]\nwebsite = \"https://\"\n", []string{
		`/ws/p.toml:7:1: account.website: "https://" is not a web address: want http:// or https:// and a host`,
	}},
	{"history year twice", header + "[account]\n[[account.history]]\nyear = 2025\nrevenue = 1\n[[account.history]]\nyear = 2025\nrevenue = 2\n", []string{
		`/ws/p.toml:11:1: account.history[1].year: year 2025 has a second row`,
	}},
	{"competitor ids twice", header + comp("a") + comp("a"), []string{
		`/ws/p.toml:10:1: competitors[1].id: id "a" is used twice`,
	}},
	{"competitor shares", header + "[[competitors]]\nid = \"a\"\nname = \"A\"\nshare_of_wallet = 60\n[[competitors]]\nid = \"b\"\nname = \"B\"\nshare_of_wallet = 50\n", []string{
		`/ws/p.toml:13:1: competitors[1].share_of_wallet: shares of wallet of the competitors sum to 110, more than 100`,
	}},
	{"goal objective unknown", header + obj("f1", "finance", "1", "") + "[[goals]]\naccount_goal = \"x\"\nown_goal = \"y\"\nobjective = \"f2\"\n", []string{
		`/ws/p.toml:14:1: goals[0].objective: "f2" is not an id in [[scorecard.objectives]], did you mean "f1"?`,
	}},
	{"value ids twice", header + "[[value]]\nid = \"v\"\nname = \"V\"\n[[value]]\nid = \"v\"\nname = \"W\"\n", []string{
		`/ws/p.toml:10:1: value[1].id: id "v" is used twice`,
	}},
	{"team ids twice", header + team("as") + team("as"), []string{
		`/ws/p.toml:10:1: team[1].id: id "as" is used twice`,
	}},
	{"contact owner unknown", header + team("as") + contact("c", "owner = \"ax\"\n"), []string{
		`/ws/p.toml:14:1: contacts[0].owner: "ax" is not an id in [[team]], did you mean "as"?`,
	}},
	{"contact reports to unknown", header + contact("c", "reports_to = \"d\"\n"), []string{
		`/ws/p.toml:11:1: contacts[0].reports_to: "d" is not an id in [[contacts]], did you mean "c"?`,
	}},
	{"contact reports to itself", header + contact("c", "reports_to = \"c\"\n"), []string{
		`/ws/p.toml:11:1: contacts[0].reports_to: contact "c" reports to itself`,
	}},
	{"contact reports cycle", header + contact("a", "reports_to = \"b\"\n") + contact("b", "reports_to = \"c\"\n") + contact("c", "reports_to = \"a\"\n") + contact("d", "reports_to = \"a\"\n"), []string{
		`/ws/p.toml:11:1: contacts[0].reports_to: reports_to goes round in a circle: a → b → c → a`,
	}},
	{"contact ids twice", header + contact("c", "") + contact("c", ""), []string{
		`/ws/p.toml:12:1: contacts[1].id: id "c" is used twice`,
	}},
	{"target relationship below", header + contact("c", "relationship = 3\ntarget_relationship = 2\n"), []string{
		`/ws/p.toml:12:1: contacts[0].target_relationship: target_relationship (2) is below relationship (3)`,
	}},
	{"action references", header + team("as") + obj("f1", "finance", "1", "") + "[[actions]]\nid = \"a1\"\naction = \"x\"\nowner = \"bs\"\nobjective = \"f9\"\n[[actions]]\nid = \"a1\"\naction = \"y\"\n", []string{
		`/ws/p.toml:17:1: actions[0].owner: "bs" is not an id in [[team]], did you mean "as"?`,
		`/ws/p.toml:18:1: actions[0].objective: "f9" is not an id in [[scorecard.objectives]], did you mean "f1"?`,
		`/ws/p.toml:20:1: actions[1].id: id "a1" is used twice`,
	}},
	{"checklist topic twice", header + "[[checklists]]\ntopic = \"swot\"\n[[checklists]]\ntopic = \"swot\"\n", []string{
		`/ws/p.toml:9:1: checklists[1].topic: topic "swot" is used twice`,
	}},
	{"checklist item status", header + "[[checklists]]\ntopic = \"swot\"\n[[checklists.items]]\nitem = \"x\"\nstatus = \"maybe\"\n", []string{
		`/ws/p.toml:10:1: checklists[0].items[0].status: "maybe" is not one of yes, partly, no, na`,
	}},
	{"reviews order", header + "[[reviews]]\ndate = 2027-06-30\n[[reviews]]\ndate = 2027-03-31\n", []string{
		`/ws/p.toml:9:1: reviews[1].date: 2027-03-31 lies before the review above it (2027-06-30): list reviews oldest first, newest last`,
	}},
	{"errors sorted by line", header + "[selection]\nvisits = -1\n[[team]]\nid = \"A\"\nname = \"\"\n", []string{
		`/ws/p.toml:7:1: selection.visits: -1 is out of range: want at least 0`,
		`/ws/p.toml:9:1: team[0].id: "A" is not a valid id: use 1 to 32 lowercase letters, digits, _ or -, starting with a letter or digit`,
		`/ws/p.toml:10:1: team[0].name: must not be blank`,
	}},
}

func obj(id, perspective, target, extra string) string {
	return "[[scorecard.objectives]]\nid = \"" + id + "\"\nperspective = \"" + perspective + "\"\nobjective = \"o\"\ntarget = " + target + "\n" + extra
}

func comp(id string) string { return "[[competitors]]\nid = \"" + id + "\"\nname = \"N\"\n" }

func profile(criterion string, weight int, competitors string) string {
	return "[[offering.profile]]\ncriterion = \"" + criterion + "\"\nweight = " + itoa(weight) + "\nown = 5\ncompetitors = { " + competitors + " }\n"
}

func team(id string) string { return "[[team]]\nid = \"" + id + "\"\nname = \"N\"\n" }

func contact(id, extra string) string {
	return "[[contacts]]\nid = \"" + id + "\"\nname = \"N\"\ninfluence = 2\nattitude = \"neutral\"\n" + extra
}

func itoa(i int) string { return strconv.Itoa(i) }

func TestPlanRules(t *testing.T) {
	for _, c := range planCases {
		t.Run(c.name, func(t *testing.T) {
			_, ds := load(t, "", c.plan)
			diffLines(t, messages(ds, false), c.want)
		})
	}
}

func TestNearest(t *testing.T) {
	for _, c := range []struct{ s, want string }{
		{"lnag", "lang"}, {"wieght", "weight"}, {"acount", "account"}, {"fr", ""},
		{"working_dais", "working_days"}, {"colour", ""}, {"Perspective", "perspective"},
	} {
		if got := nearest(c.s, []string{"lang", "weight", "account", "de", "en", "working_days", "perspective", "name"}); got != c.want {
			t.Errorf("nearest(%q) = %q, want %q", c.s, got, c.want)
		}
	}
}

// The spec allows weights to sum to 100 ± 0.01. Sums written as 99.99 or 100.01 are
// inside although binary floats land a hair outside (33.33 × 3 is 99.98999999999999);
// 99.98 and 100.02 stay outside.
func TestWeightSumTolerance(t *testing.T) {
	objs := func(ws ...string) string {
		s := header
		for i, w := range ws {
			s += obj("f"+itoa(i), "finance", "1", "weight = "+w+"\n")
		}
		return s
	}
	prof := func(ws ...string) string {
		s := header + comp("a")
		for i, w := range ws {
			s += "[[offering.profile]]\ncriterion = \"C" + itoa(i) + "\"\nweight = " + w + "\nown = 5\ncompetitors = { a = 5 }\n"
		}
		return s
	}
	for _, c := range []struct {
		name, pl string
		want     []string
	}{
		{"objectives 99.99", objs("33.33", "33.33", "33.33"), []string{}},
		{"objectives 100.01", objs("70.01", "20", "10"), []string{}},
		{"objectives 100.01 in halves", objs("50.005", "50.005", "0"), []string{}},
		{"objectives 99.98", objs("33.33", "33.33", "33.32"), []string{
			`/ws/p.toml:23:1: scorecard.objectives[2].weight: weights of perspective "finance" sum to 99.98, want 100`,
		}},
		{"objectives 100.02", objs("70.02", "20", "10"), []string{
			`/ws/p.toml:23:1: scorecard.objectives[2].weight: weights of perspective "finance" sum to 100.02, want 100`,
		}},
		{"objectives 100.015", objs("70.015", "20", "10"), []string{
			`/ws/p.toml:23:1: scorecard.objectives[2].weight: weights of perspective "finance" sum to 100.015, want 100`,
		}},
		{"perspectives 99.99", header + "[scorecard]\nweights = { finance = 33.33, customer = 33.33, process = 33.33 }\n", []string{}},
		{"perspectives 99.98", header + "[scorecard]\nweights = { finance = 33.33, customer = 33.33, process = 33.32 }\n", []string{
			`/ws/p.toml:7:1: scorecard.weights: weights of the perspectives sum to 99.98, want 100`,
		}},
		{"profile 99.99", prof("33.33", "33.33", "33.33"), []string{}},
		{"profile 100.02", prof("70.02", "20", "10"), []string{
			`/ws/p.toml:21:1: offering.profile[2].weight: weights of the profile sum to 100.02, want 100`,
		}},
		{"competitor shares 100.01", header + "[[competitors]]\nid = \"a\"\nname = \"A\"\nshare_of_wallet = 70.01\n[[competitors]]\nid = \"b\"\nname = \"B\"\nshare_of_wallet = 30\n", []string{}},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, ds := load(t, "", c.pl)
			diffLines(t, messages(ds, false), c.want)
		})
	}
	ws := "[[scoring.attractiveness]]\nid = \"a\"\nname = \"A\"\nweight = 33.33\n[[scoring.attractiveness]]\nid = \"b\"\nname = \"B\"\nweight = 33.33\n[[scoring.attractiveness]]\nid = \"c\"\nname = \"C\"\nweight = 33.33\n"
	_, ds := load(t, ws, header)
	diffLines(t, messages(ds, false), []string{})
}
