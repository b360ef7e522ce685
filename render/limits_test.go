package render

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/kepdev/kep"
)

// longListsPlan has n contacts, each reporting to the one before, and n open actions,
// all overdue.
func longListsPlan(n int) *kep.Plan {
	p := &kep.Plan{Format: 1, Lang: "en", Currency: "EUR", Meta: kep.Meta{Account: "A"}}
	due := kep.Date{Year: 2020, Month: 1, Day: 1}
	for i := range n {
		c := kep.Contact{ID: fmt.Sprintf("c%d", i), Name: fmt.Sprintf("Contact %d", i), Influence: 2, Attitude: "neutral"}
		if i > 0 {
			c.ReportsTo = fmt.Sprintf("c%d", i-1)
		}
		p.Contacts = append(p.Contacts, c)
		p.Actions = append(p.Actions, kep.Action{ID: fmt.Sprintf("a%d", i), Action: "Act", Due: &due, Status: "open"})
	}
	return p
}

// TestBuildLongListsLinear: the document of a plan with many contacts and overdue
// actions is built in time linear in their number (looking up a contact's manager and
// an action's overdue mark by scanning the lists made it quadratic: 0.5 s for 10,000
// each). Four times the rows may take at most eight times as long (quadratic: 16).
func TestBuildLongListsLinear(t *testing.T) {
	now := time.Date(2027, 6, 1, 0, 0, 0, 0, time.UTC)
	build := func(n int) time.Duration {
		p := longListsPlan(n)
		f := kep.Compute(p, now)
		best := time.Duration(1 << 62)
		for range 3 {
			start := time.Now()
			d, err := Build(p, f, Options{Now: now})
			best = min(best, time.Since(start))
			if err != nil {
				t.Fatal(err)
			}
			if n == 40 {
				checkLongLists(t, d)
			}
		}
		return best
	}
	build(40)
	small, large := build(2000), build(8000)
	if large > 8*small {
		t.Errorf("8000 rows took %v, 2000 rows %v: more than linear", large, small)
	}
}

// checkLongLists checks what the lookups are for: the manager's name and the overdue
// mark.
func checkLongLists(t *testing.T, d *Document) {
	var text strings.Builder
	var walk func(any)
	walk = func(v any) {
		switch v := v.(type) {
		case *Table:
			for _, r := range v.Rows {
				for _, c := range r {
					text.WriteString(c.Text + "\n")
				}
			}
		case *Section:
			for _, b := range v.Blocks {
				walk(b)
			}
			for _, s := range v.Sections {
				walk(s)
			}
		}
	}
	for _, s := range d.Sections {
		walk(s)
	}
	for _, want := range []string{"Contact 38", "2020 (overdue)"} {
		if !strings.Contains(text.String(), want) {
			t.Errorf("document lacks %q", want)
		}
	}
}
