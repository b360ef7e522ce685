package check

import (
	"slices"
	"strings"
	"testing"
	"time"
)

func TestWarnings(t *testing.T) {
	// All blocks hold data except where a case takes it away; testNow is 2027-05-01.
	full := header + "[selection]\nvisits = 12\n[selection.attractiveness]\nrevenue = 10\npotential = 10\nmargin = 10\nstrategic_fit = 10\nreference = 10\n" +
		obj("f1", "finance", "1", "") + "[offering]\npositioning = \"p\"\n[account]\nindustry = \"i\"\n[swot]\nstrengths = [\"s\"]\n" +
		"[[value]]\nid = \"v\"\nname = \"V\"\n" + team("as")
	cases := []struct {
		name, pl string
		want     []string
	}{
		{"none", full, nil},
		{"empty plan", header, []string{
			`/ws/p.toml: warning: account: building block 4 (account) is empty`,
			`/ws/p.toml: warning: contacts: building block 7 (contacts) is empty`,
			`/ws/p.toml: warning: offering: building block 3 (offering) is empty`,
			`/ws/p.toml: warning: scorecard: building block 2 (scorecard) is empty`,
			`/ws/p.toml: warning: selection: building block 1 (selection) is empty`,
			`/ws/p.toml: warning: swot: building block 5 (swot) is empty`,
			`/ws/p.toml: warning: value: building block 6 (value) is empty`,
		}},
		{"visits off the norm", header + "[selection]\nvisits = 4\n[selection.attractiveness]\nrevenue = 5\npotential = 5\nmargin = 5\nstrategic_fit = 5\nreference = 5\n", []string{
			`/ws/p.toml:7:1: warning: selection.visits: 4 visits planned, but the norm for class B is 6 in the plan period (more than 25 % off)`,
		}},
		{"visits within 25 percent of a half-year norm", strings.Replace(header, "2027-12-31", "2027-06-30", 1) + "[selection]\nvisits = 5\n[selection.attractiveness]\nrevenue = 10\npotential = 10\nmargin = 10\nstrategic_fit = 10\nreference = 10\n", nil},
		{"visits off a half-year norm", strings.Replace(header, "2027-12-31", "2027-06-30", 1) + "[selection]\nvisits = 12\n[selection.attractiveness]\nrevenue = 10\npotential = 10\nmargin = 10\nstrategic_fit = 10\nreference = 10\n", []string{
			`/ws/p.toml:7:1: warning: selection.visits: 12 visits planned, but the norm for class A is 5.95 in the plan period (more than 25 % off)`,
		}},
		{"actions overdue", header + team("as") + "[[actions]]\nid = \"a1\"\naction = \"x\"\ndue = 2027-04-30\n[[actions]]\nid = \"a2\"\naction = \"y\"\ndue = 2027-05-01\n" +
			"[[actions]]\nid = \"a3\"\naction = \"z\"\ndue = 2027-01-01\nstatus = \"done\"\n[[actions]]\nid = \"a4\"\naction = \"w\"\ndue = 2027-01-01\nstatus = \"doing\"\n", []string{
			`/ws/p.toml:12:1: warning: actions[0].due: action "x" (a1) was due on 2027-04-30 and is still open`,
			`/ws/p.toml:25:1: warning: actions[3].due: action "w" (a4) was due on 2027-01-01 and is still in progress`,
		}},
		{"key contacts", header + team("as") + contact3("c1", "owner = \"as\"\nlast_contact = 2027-01-30\n") +
			contact3("c2", "last_contact = 2027-01-31\n") + contact3("c3", "owner = \"as\"\n") +
			contact("c4", "owner = \"as\"\nlast_contact = 2020-01-01\n"), []string{
			`/ws/p.toml:15:1: warning: contacts[0].last_contact: last contact with "N" (c1), influence 3, was 91 days before the as-of date 2027-05-01, more than 90`,
			`/ws/p.toml:16:1: warning: contacts[1]: contact "N" (c2) has influence 3 but no owner`,
			`/ws/p.toml:22:1: warning: contacts[2]: contact "N" (c3) has influence 3 but no last_contact`,
		}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, ds := loadPlan(t, "", c.pl)
			if ds.HasErrors() {
				t.Fatal(ds.Err())
			}
			got := messages(ds, true)
			if c.name != "empty plan" {
				got = slices.DeleteFunc(got, func(m string) bool { return strings.HasSuffix(m, " is empty") })
			}
			diffLines(t, got, c.want)
		})
	}
}

func contact3(id, extra string) string {
	return "[[contacts]]\nid = \"" + id + "\"\nname = \"N\"\ninfluence = 3\nattitude = \"neutral\"\n" + extra
}

// Exactly 25 % off the norm is not "more than 25 %", also where the norm is a decimal
// (3 visits against 2.4 were 0.6000000000000001 off in binary floats).
func TestVisitNormBoundary(t *testing.T) {
	ws := "[[visits.classes]]\nclass = \"A\"\ncustomers = 1\nfrequency = 2.4\n" +
		"[[visits.classes]]\nclass = \"B\"\ncustomers = 1\nfrequency = 1\n[[visits.classes]]\nclass = \"C\"\ncustomers = 1\nfrequency = 1\n"
	sel := "[selection]\nvisits = %d\n[selection.attractiveness]\nrevenue = 10\npotential = 10\nmargin = 10\nstrategic_fit = 10\nreference = 10\n"
	for _, c := range []struct {
		visits int
		want   []string
	}{
		{3, nil}, // 2.4 + 25 %
		{4, []string{`/ws/p.toml:7:1: warning: selection.visits: 4 visits planned, but the norm for class A is 2.4 in the plan period (more than 25 % off)`}},
		{2, nil},
		{1, []string{`/ws/p.toml:7:1: warning: selection.visits: 1 visits planned, but the norm for class A is 2.4 in the plan period (more than 25 % off)`}},
	} {
		_, ds := loadPlan(t, ws, header+strings.Replace(sel, "%d", itoa(c.visits), 1))
		if ds.HasErrors() {
			t.Fatal(ds.Err())
		}
		got := slices.DeleteFunc(messages(ds, true), func(m string) bool { return strings.HasSuffix(m, " is empty") })
		diffLines(t, got, c.want)
	}
}

// A [selection] of zeros holds data: "a block holds data when any of its keys has a
// value", and 0 is a value (revenue not yet known, no visits planned).
func TestZerosAreData(t *testing.T) {
	_, ds := loadPlan(t, "", header+"[selection]\nrevenue = 0\nvisits = 0\n")
	for _, m := range messages(ds, true) {
		if strings.Contains(m, "building block 1") {
			t.Errorf("selection of zeros reported as empty: %s", m)
		}
	}
}

// A Markdown link the documents will not show as a link is a warning at its key.
func TestMarkdownWarnings(t *testing.T) {
	_, ds := loadPlan(t, "", strings.Replace(header, "[plan]\n", "[plan]\nsummary = \"see [x](javascript:alert(1))\"\n", 1))
	want := `warning: plan.summary: the link to "javascript:alert(1)" is shown as plain text: links may go to http, https or mailto addresses`
	found := false
	for _, m := range messages(ds, true) {
		found = found || strings.Contains(m, want)
	}
	if !found {
		t.Errorf("no warning %q in\n%s", want, strings.Join(messages(ds, true), "\n"))
	}
}

// Before the plan starts, the 90-day rule counts back from the plan's start (spec A1); on
// and after it, from the as-of date.
func TestKeyContactRuleBeforeStart(t *testing.T) {
	pl := header + team("as") + contact3("c1", "owner = \"as\"\nlast_contact = 2026-10-02\n")
	for _, c := range []struct {
		now  time.Time
		want string
	}{
		{time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC), `was 91 days before the plan starts, more than 90`},
		{time.Date(2026, 9, 1, 0, 0, 0, 0, time.UTC), `was 91 days before the plan starts, more than 90`},
		{time.Date(2027, 12, 5, 0, 0, 0, 0, time.UTC), `was 429 days before the as-of date 2027-12-05, more than 90`},
	} {
		m := memFS{"/ws/.git/HEAD": []byte("ref"), "/ws/p.toml": []byte(pl)}
		_, ds := (&Loader{FS: m, Now: c.now}).LoadPlan("/ws/p.toml")
		got := strings.Join(messages(ds, true), "\n")
		if !strings.Contains(got, c.want) {
			t.Errorf("as of %s: want %q in\n%s", c.now.Format(time.DateOnly), c.want, got)
		}
	}
}
