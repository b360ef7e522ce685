package portfolio

import (
	"strings"
	"testing"
	"time"

	"github.com/kepdev/kep/plan"
	"github.com/kepdev/kep/plan/check"
	"github.com/kepdev/kep/plan/figures"
	"github.com/kepdev/kep/render"
)

// The verdict of block 1 (A3) per account, a potential key account (A2) marked, and
// territories' customers summed per class with their KAMs (by hand: Nord 1 KAM with 5 A
// customers, Süd 2 KAMs with 7 A and 10 C customers; 12 A, 10 C, 3 KAMs).
func TestVerdictProspectAndTerritories(t *testing.T) {
	w := testWorkspace()
	for i := range w.Visits.Classes {
		w.Visits.Classes[i].Customers = 0
	}
	w.Visits.Territories = []plan.Territory{
		{Name: "Nord", KAMs: 1, WorkingDays: 200, VisitsPerDay: 2.5, Classes: []plan.VisitClass{{Class: "A", Customers: 5, Frequency: 12}, {Class: "B", Frequency: 6}, {Class: "C", Frequency: 2}}},
		{Name: "Süd", KAMs: 2, WorkingDays: 200, VisitsPerDay: 2.5, Classes: []plan.VisitClass{{Class: "A", Customers: 7, Frequency: 12}, {Class: "B", Frequency: 6}, {Class: "C", Customers: 10, Frequency: 2}}},
	}
	yes, no := true, false
	pa, fa := mkPlan(w, "Alpha", 81.5, 62, "A", "star", 1850000, 410000, 24, 12)
	fa.Selection.KeyAccount = &yes
	pa.Meta.Kind = "prospect"
	pc, fc := mkPlan(w, "Gamma", 30, 70, "C", "cash", 200000, 50000, 2, 2)
	fc.Selection.KeyAccount = &no
	ws := check.Compute(pa, time.Time{}).Visits // the workspace's visit figures, as Compute gives them
	fa.Visits, fc.Visits = ws, ws
	pf, err := Compute([]*plan.Plan{pa, pc}, []*figures.Figures{fa, fc})
	if err != nil {
		t.Fatal(err)
	}
	if a := pf.Accounts[0]; a.Name != "Alpha" || !*a.KeyAccount || !a.Prospect {
		t.Errorf("Alpha %+v", a)
	}
	if c := pf.Accounts[1]; c.Name != "Gamma" || *c.KeyAccount || c.Prospect {
		t.Errorf("Gamma %+v", c)
	}
	if pf.ByClass[0].Customers != 12 || pf.ByClass[2].Customers != 10 {
		t.Errorf("by class %+v", pf.ByClass)
	}
	if n := kamsOf(w, pf.Visits); n != 3 {
		t.Errorf("KAMs %d, want 3", n)
	}
	d := Document(pf, Options{})
	var rows []string
	for _, s := range d.Sections {
		if s.ID != "ranking" {
			continue
		}
		for _, r := range s.Blocks[0].(*render.Table).Rows {
			var cells []string
			for _, c := range r {
				cells = append(cells, c.Text)
			}
			rows = append(rows, strings.Join(cells[1:4], " | "))
		}
	}
	if got := strings.Join(rows, "\n"); got != "Alpha (potenziell) | A\u00a0· Star | ja\nGamma | C\u00a0· Ertragskunde | nein" {
		t.Errorf("ranking:\n%s", got)
	}
}
