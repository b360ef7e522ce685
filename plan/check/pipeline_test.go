package check

import (
	"slices"
	"strings"
	"testing"

	"github.com/kepdev/kep/plan/figures"
)

// opp writes one [[opportunities]] entry; extra holds further keys.
func opp(id string, value, probability int, stage, close, extra string) string {
	return "[[opportunities]]\nid = \"" + id + "\"\nname = \"Opp " + id + "\"\nvalue = " + itoa(value) +
		"\nprobability = " + itoa(probability) + "\nstage = \"" + stage + "\"\nclose = " + close + "\n" + extra
}

// ask writes one [[asks]] entry; extra holds further keys.
func ask(id, status, extra string) string {
	return "[[asks]]\nid = \"" + id + "\"\nask = \"Ask " + id + "\"\nkind = \"budget\"\nreason = \"r\"\nstatus = \"" + status + "\"\n" + extra
}

func TestPipelineFigures(t *testing.T) {
	// The plan period is 2027; testNow is 2027-05-01.
	pl := header + "[selection]\nrevenue = 2_000_000\n[account]\n" +
		"[[account.history]]\nyear = 2026\nrevenue = 1_500_000\n[[account.history]]\nyear = 2025\nrevenue = 1_000_000\n" +
		opp("o1", 400_000, 60, "proposal", "2027-06-30", "") + // open, in the period: weighted 240,000
		opp("o2", 100_000, 25, "lead", "2028-03-31", "") + // open, after the period: weighted 25,000
		opp("o3", 150_000, 100, "won", "2027-02-15", "") + // won in the period
		opp("o4", 80_000, 0, "lost", "2027-03-01", "") + // lost: only in the stage figures
		opp("o5", 50_000, 30, "proposal", "2027-04-30", "") + // open, in the period, overdue: weighted 15,000
		opp("o6", 20_000, 100, "won", "2026-12-15", "") // won last period: not in this period's bridge
	p, ds := loadPlan(t, "", pl)
	if ds.HasErrors() {
		t.Fatal(ds.Err())
	}
	f := Compute(p, testNow).Pipeline
	if f == nil {
		t.Fatal("no pipeline figures")
	}
	// Open and won: 400 + 100 + 150 + 50 + 20 thousand; lost o4 not counted.
	total := 400_000.0 + 100_000 + 150_000 + 50_000 + 20_000
	weighted := 400_000*0.6 + 100_000*0.25 + 150_000 + 50_000*0.3 + 20_000
	if !near(f.Total, total) || !near(f.Weighted, weighted) || !near(f.Won, 170_000) {
		t.Errorf("total %v weighted %v won %v, want %v %v 170000", f.Total, f.Weighted, f.Won, total, weighted)
	}
	want := map[string]figures.StageFigures{
		"lead": {Count: 1, Value: 100_000}, "proposal": {Count: 2, Value: 450_000}, "won": {Count: 2, Value: 170_000}, "lost": {Count: 1, Value: 80_000},
	}
	if len(f.Stages) != len(want) {
		t.Errorf("stages %v, want %v", f.Stages, want)
	}
	for k, w := range want {
		if g := f.Stages[k]; g.Count != w.Count || !near(g.Value, w.Value) {
			t.Errorf("stage %s: %+v, want %+v", k, g, w)
		}
	}
	if !slices.Equal(f.OverdueIDs, []string{"o5"}) {
		t.Errorf("overdue %v, want [o5]", f.OverdueIDs)
	}
	b := f.Bridge
	// Base: the newest history row (2026), listed first or not.
	base, won, open := 1_500_000.0, 150_000.0, 400_000*0.6+50_000*0.3
	expected := base + won + open
	if b.Base == nil || !near(*b.Base, base) || !near(b.Won, won) || !near(b.WeightedOpen, open) ||
		b.Expected == nil || !near(*b.Expected, expected) || b.Planned == nil || !near(*b.Planned, 2_000_000) ||
		b.Gap == nil || !near(*b.Gap, 2_000_000-expected) {
		t.Errorf("bridge %+v, want base %v won %v weighted_open %v expected %v planned 2000000 gap %v",
			b, base, won, open, expected, 2_000_000-expected)
	}
}

func TestBridgeNulls(t *testing.T) {
	o := opp("o1", 100_000, 50, "qualified", "2027-09-30", "")
	history := "[account]\n[[account.history]]\nyear = 2026\nrevenue = 900_000\n"
	for _, c := range []struct {
		name, pl                         string
		base, expected, planned, gap     *float64
		wantBase, wantExpected, wantPlan float64
	}{
		{name: "no history, no planned revenue", pl: header + o},
		{name: "history only", pl: header + history + o, wantBase: 900_000, wantExpected: 950_000},
		{name: "planned revenue only", pl: header + "[selection]\nrevenue = 1_200_000\n" + o, wantPlan: 1_200_000},
		{name: "both", pl: header + "[selection]\nrevenue = 1_200_000\n" + history + o, wantBase: 900_000, wantExpected: 950_000, wantPlan: 1_200_000},
	} {
		t.Run(c.name, func(t *testing.T) {
			p, ds := loadPlan(t, "", c.pl)
			if ds.HasErrors() {
				t.Fatal(ds.Err())
			}
			b := Compute(p, testNow).Pipeline.Bridge
			if !near(b.WeightedOpen, 50_000) || b.Won != 0 {
				t.Errorf("weighted_open %v won %v, want 50000 0", b.WeightedOpen, b.Won)
			}
			check := func(name string, got *float64, want float64) {
				t.Helper()
				switch {
				case want == 0 && got != nil:
					t.Errorf("%s = %v, want null", name, *got)
				case want != 0 && (got == nil || !near(*got, want)):
					t.Errorf("%s = %v, want %v", name, got, want)
				}
			}
			check("base", b.Base, c.wantBase)
			check("expected", b.Expected, c.wantExpected)
			check("planned", b.Planned, c.wantPlan)
			gap := 0.0
			if c.wantPlan != 0 && c.wantExpected != 0 {
				gap = c.wantPlan - c.wantExpected // 1,200,000 − 950,000
			}
			check("gap", b.Gap, gap)
		})
	}
}

func TestPipelineRules(t *testing.T) {
	for _, c := range []struct {
		name, pl string
		want     []string
	}{
		{"won is 100, lost is 0", header + opp("o1", 1000, 100, "won", "2027-01-10", "") + opp("o2", 1000, 0, "lost", "2027-01-10", ""), nil},
		{"won below 100", header + opp("o1", 1000, 90, "won", "2027-01-10", ""), []string{
			`/ws/p.toml:10:1: opportunities[0].probability: stage "won" means probability 100, not 90: set probability = 100 or choose the stage that fits`,
		}},
		{"lost above 0", header + opp("o1", 1000, 10, "lost", "2027-01-10", ""), []string{
			`/ws/p.toml:10:1: opportunities[0].probability: stage "lost" means probability 0, not 10: set probability = 0 or choose the stage that fits`,
		}},
		{"value 0", header + opp("o1", 0, 10, "lead", "2027-01-10", ""), []string{
			`/ws/p.toml:9:1: opportunities[0].value: 0 is out of range: want more than 0`,
		}},
		{"references", header + team("jw") + contact("mk", "") + obj("f1", "finance", "1", "") +
			opp("o1", 1000, 10, "lead", "2027-01-10", "owner = \"jv\"\ncontact = \"mx\"\nobjective = \"f2\"\n") +
			opp("o1", 1000, 10, "lead", "2027-01-10", "owner = \"jw\"\ncontact = \"mk\"\nobjective = \"f1\"\n"), nil},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, ds := loadPlan(t, "", c.pl)
			got := messages(ds, false)
			if c.name == "references" {
				joined := strings.Join(got, "\n")
				for _, w := range []string{`opportunities[0].owner: "jv" is not an id in [[team]], did you mean "jw"?`,
					`opportunities[0].contact: "mx" is not an id in [[contacts]], did you mean "mk"?`,
					`opportunities[0].objective: "f2" is not an id in [[scorecard.objectives]], did you mean "f1"?`,
					`opportunities[1].id: id "o1" is used twice`} {
					if !strings.Contains(joined, w) {
						t.Errorf("no error %q in\n%s", w, joined)
					}
				}
				if len(got) != 4 {
					t.Errorf("%d errors, want 4:\n%s", len(got), joined)
				}
				return
			}
			diffLines(t, got, c.want)
		})
	}
}

func TestOverdueDecisions(t *testing.T) {
	// testNow is 2027-05-01: a decision due the day before is overdue, one due that day is not.
	pl := header + opp("o1", 1000, 50, "negotiation", "2027-04-30", "") +
		opp("o2", 1000, 50, "negotiation", "2027-05-01", "") +
		opp("o3", 1000, 100, "won", "2027-01-01", "") + opp("o4", 1000, 0, "lost", "2027-01-01", "")
	p, ds := loadPlan(t, "", pl)
	if ds.HasErrors() {
		t.Fatal(ds.Err())
	}
	got := slices.DeleteFunc(messages(ds, true), func(m string) bool { return strings.HasSuffix(m, " is empty") })
	diffLines(t, got, []string{
		`/ws/p.toml:12:1: warning: opportunities[0].close: opportunity "Opp o1" (o1) was to be decided on 2027-04-30 and is still open`,
	})
	if ids := Compute(p, testNow).Pipeline.OverdueIDs; !slices.Equal(ids, []string{"o1"}) {
		t.Errorf("overdue %v, want [o1]", ids)
	}
}

func TestAsks(t *testing.T) {
	decided := "decided_by = \"Dr. B\"\ndecided_on = 2027-01-20\n"
	pl := header + ask("m1", "open", "amount = 60_000\n") +
		ask("m2", "approved", decided+"amount = 25_000\n") +
		ask("m3", "approved", decided) +
		ask("m4", "conditional", decided+"amount = 40_000\ncondition = \"nur bei Auftrag\"\n") +
		ask("m5", "rejected", decided+"amount = 10_000\n")
	p, ds := loadPlan(t, "", pl)
	if ds.HasErrors() {
		t.Fatal(ds.Err())
	}
	f := Compute(p, testNow).Asks
	want := figures.AskFigures{Open: 1, Approved: 2, Rejected: 1, Conditional: 1, ApprovedAmount: 25_000}
	if f == nil || *f != want {
		t.Errorf("asks %+v, want %+v", f, want)
	}
}

func TestAskRules(t *testing.T) {
	for _, c := range []struct {
		name, pl string
		want     []string
	}{
		{"approved without decider and date", header + ask("m1", "approved", ""), []string{
			`/ws/p.toml:6:1: asks[0].decided_by: required when status is "approved": who decided`,
			`/ws/p.toml:6:1: asks[0].decided_on: required when status is "approved": the date of the decision`,
		}},
		{"rejected without date", header + ask("m1", "rejected", "decided_by = \"B\"\n"), []string{
			`/ws/p.toml:6:1: asks[0].decided_on: required when status is "rejected": the date of the decision`,
		}},
		{"open with a decision", header + ask("m1", "open", "decided_by = \"B\"\ndecided_on = 2027-01-20\n"), []string{
			`/ws/p.toml:12:1: asks[0].decided_by: given, but status is "open": set the status the decision gave, or remove it`,
			`/ws/p.toml:13:1: asks[0].decided_on: given, but status is "open": set the status the decision gave, or remove it`,
		}},
		{"conditional without condition", header + ask("m1", "conditional", "decided_by = \"B\"\ndecided_on = 2027-01-20\n"), []string{
			`/ws/p.toml:6:1: asks[0].condition: required when status is "conditional": the condition of the approval`,
		}},
		{"condition without conditional", header + ask("m1", "approved", "decided_by = \"B\"\ndecided_on = 2027-01-20\ncondition = \"c\"\n"), []string{
			`/ws/p.toml:14:1: asks[0].condition: only a conditional approval has a condition, but status is "approved": set status = "conditional" or remove it`,
		}},
		{"condition on an open ask", header + ask("m1", "open", "condition = \"c\"\n"), []string{
			`/ws/p.toml:12:1: asks[0].condition: only a conditional approval has a condition, but status is "open": set status = "conditional" or remove it`,
		}},
		{"conditional complete", header + ask("m1", "conditional", "decided_by = \"B\"\ndecided_on = 2027-01-20\ncondition = \"c\"\n"), nil},
		{"unknown objective", header + ask("m1", "open", "objective = \"f9\"\n"), []string{
			`/ws/p.toml:12:1: asks[0].objective: "f9" is not an id in [[scorecard.objectives]]`,
		}},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, ds := loadPlan(t, "", c.pl)
			diffLines(t, messages(ds, false), c.want)
		})
	}
}
