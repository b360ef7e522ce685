package render

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/kepdev/kep/plan"
	"github.com/kepdev/kep/plan/check"
)

// longListsPlan has n contacts, each reporting to the one before, and n open actions,
// all overdue.
func longListsPlan(n int) *plan.Plan {
	p := &plan.Plan{Format: 1, Lang: "en", Currency: "EUR", Meta: plan.Meta{Account: "A"}}
	due := plan.Date{Year: 2020, Month: 1, Day: 1}
	for i := range n {
		c := plan.Contact{ID: fmt.Sprintf("c%d", i), Name: fmt.Sprintf("Contact %d", i), Influence: 2, Attitude: "neutral"}
		if i > 0 {
			c.ReportsTo = fmt.Sprintf("c%d", i-1)
		}
		p.Contacts = append(p.Contacts, c)
		p.Actions = append(p.Actions, plan.Action{ID: fmt.Sprintf("a%d", i), Action: "Act", Due: &due, Status: "open"})
	}
	return p
}

// TestBuildLongLists: the document of a plan with many contacts and overdue actions names
// each contact's manager and marks each overdue action (the lookups behind them were
// list scans, quadratic: 0.5 s for 10,000 each; now maps). That they stay linear is
// shown by BenchmarkBuildLongLists, not by a timed test.
func TestBuildLongLists(t *testing.T) {
	now := time.Date(2027, 6, 1, 0, 0, 0, 0, time.UTC)
	p := longListsPlan(40)
	d, err := Build(p, check.Compute(p, now), Options{Now: now})
	if err != nil {
		t.Fatal(err)
	}
	checkLongLists(t, d)
}

// BenchmarkBuildLongLists: ns/op for 2,000 and 8,000 rows should differ by about 4
// (linear), not 16 (quadratic).
func BenchmarkBuildLongLists(b *testing.B) {
	now := time.Date(2027, 6, 1, 0, 0, 0, 0, time.UTC)
	for _, n := range []int{2000, 8000} {
		p := longListsPlan(n)
		f := check.Compute(p, now)
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			for b.Loop() {
				if _, err := Build(p, f, Options{Now: now}); err != nil {
					b.Fatal(err)
				}
			}
		})
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
