package check

import (
	"strings"
	"testing"
	"time"

	"github.com/kepdev/kep/plan"
)

// [[accepted]] (spec A7): a warning named by an entry is marked with the entry's reason
// (not printed, no --strict failure, listed in the appendix); an entry below its until date
// accepts, after it the warning returns with a note; an entry that accepts nothing is
// itself a warning; figures count the accepted ones.
func TestAcceptedWarnings(t *testing.T) {
	pl := header + team("as") +
		contact3("c1", "owner = \"as\"\nlast_contact = 2026-10-02\n") + // 211 days before 2027-05-01
		contact3("c2", "owner = \"as\"\nlast_contact = 2026-10-02\n") +
		contact3("c3", "owner = \"as\"\nlast_contact = 2026-10-02\n") +
		"[[accepted]]\nwarning = \"contacts[0].last_contact\"\nreason = \"Elternzeit bis März\"\n" +
		"[[accepted]]\nwarning = \"contacts[1]\"\nreason = \"Sabbatical\"\nuntil = 2027-04-30\n" +
		"[[accepted]]\nwarning = \"contacts[2]\"\nreason = \"im Ruhestand\"\nuntil = 2027-05-01\n" +
		"[[accepted]]\nwarning = \"actions[7].due\"\nreason = \"längst erledigt\"\n" +
		"[[accepted]]\nwarning = \"contacts[1\"\nreason = \"halber Pfad\"\n"
	p, ds := loadPlan(t, "", pl)
	if ds.HasErrors() {
		t.Fatal(ds.Err())
	}
	byPath := map[string]plan.Diagnostic{}
	for _, d := range ds {
		if d.Warning && !strings.HasSuffix(d.Message, " is empty") {
			byPath[d.Path] = d
		}
	}
	if d := byPath["contacts[0].last_contact"]; d.Accepted != "Elternzeit bis März" {
		t.Errorf("c1 not accepted: %+v", d)
	}
	// until 2027-04-30 lies before the as-of date 2027-05-01: the warning returns.
	if d := byPath["contacts[1].last_contact"]; d.Accepted != "" || !strings.Contains(d.Message, "accepted until 2027-04-30: the acceptance ran out") {
		t.Errorf("c2 after its until date: %+v", d)
	}
	// until is the as-of date itself: still accepted.
	if d := byPath["contacts[2].last_contact"]; d.Accepted != "im Ruhestand" {
		t.Errorf("c3 on its until date: %+v", d)
	}
	for _, path := range []string{"accepted[3].warning", "accepted[4].warning"} {
		if d := byPath[path]; !strings.Contains(d.Message, "accepts no warning") || d.Line == 0 {
			t.Errorf("%s: %+v", path, d)
		}
	}
	if byPath["accepted[1].warning"].Message != "" {
		t.Error("an expired entry that still names a warning is no stale entry")
	}
	if got := len(ds.Unaccepted()); got != len(ds)-2 {
		t.Errorf("Unaccepted keeps %d of %d", got, len(ds))
	}
	f := Compute(p, testNow)
	if f.Accepted != 2 || len(f.AcceptedWarnings) != 2 {
		t.Fatalf("figures: accepted %d %+v", f.Accepted, f.AcceptedWarnings)
	}
	if a := f.AcceptedWarnings[1]; a.Reason != "im Ruhestand" || a.Until == nil || a.Until.String() != "2027-05-01" || a.Path != "contacts[2].last_contact" {
		t.Errorf("accepted warning for the appendix: %+v", a)
	}
	for _, w := range f.Warnings {
		if strings.Contains(w, "contacts[0].last_contact") {
			t.Errorf("an accepted warning is listed in the figures' warnings: %s", w)
		}
	}
	// A later as-of date: Compute finds the warnings anew, c3's acceptance has run out.
	g := Compute(p, time.Date(2027, 5, 2, 0, 0, 0, 0, time.UTC))
	if g.Accepted != 1 {
		t.Errorf("a day later: %d accepted, want 1", g.Accepted)
	}
}
