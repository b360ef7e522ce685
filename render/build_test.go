package render

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/kepdev/kep/plan"
	"github.com/kepdev/kep/plan/check"
	"github.com/kepdev/kep/plan/figures"
)

var testNow = time.Date(2027, 4, 30, 0, 0, 0, 0, time.UTC)

func loadSample(t testing.TB, path string) (*plan.Plan, *figures.Figures) {
	t.Helper()
	l := &check.Loader{Now: testNow}
	p, diags := l.LoadPlan(path)
	if diags.HasErrors() {
		t.Fatalf("load %s: %v", path, diags)
	}
	return p, check.Compute(p, testNow)
}

// outline prints the document's sections and block types, for a quick look and a golden.
func outline(d *Document) string {
	var b strings.Builder
	d.Walk(func(s *Section) {
		fmt.Fprintf(&b, "%s%s [%s]\n", strings.Repeat("  ", s.Level-1), s.Heading(), s.ID)
		for _, bl := range s.Blocks {
			fmt.Fprintf(&b, "%s  - %T\n", strings.Repeat("  ", s.Level-1), bl)
		}
	})
	return b.String()
}

func TestBuildSample(t *testing.T) {
	p, f := loadSample(t, "../samples/accounts/hansa.toml")
	d, err := Build(p, f, Options{Now: testNow, KepVersion: "test"})
	if err != nil {
		t.Fatal(err)
	}
	if testing.Verbose() {
		t.Log("\n" + outline(d))
	}
}

func TestBuildOrderAndIDs(t *testing.T) {
	p, f := loadSample(t, "../samples/accounts/hansa.toml")
	d, err := Build(p, f, Options{Now: testNow, Changes: &Changes{Since: "v1"}})
	if err != nil {
		t.Fatal(err)
	}
	var top []string
	for _, s := range d.Sections {
		top = append(top, s.ID)
	}
	want := "summary contents b1 b2 b3 b4 b5 b6 b7 actions asks checklists reviews changes appendix"
	if got := strings.Join(top, " "); got != want {
		t.Errorf("sections %q, want %q", got, want)
	}
	seen := map[string]bool{}
	d.Walk(func(s *Section) {
		if seen[s.ID] {
			t.Errorf("duplicate section id %q", s.ID)
		}
		seen[s.ID] = true
	})
	text := outlineText(d)
	for _, want := range []string{"Nordgetriebe AG", "Hansa Werkzeugmaschinen AG", "Vertraulich", "Freigegeben"} {
		if !strings.Contains(text, want) {
			t.Errorf("document lacks %q", want)
		}
	}
}

// TestBuildEmptyPlan: a plan with nothing but [plan] gives every section, each empty
// block with its note, and no chart.
func TestBuildEmptyPlan(t *testing.T) {
	p := &plan.Plan{Format: 1, Lang: "en", Meta: plan.Meta{Account: "Acme", From: plan.Date{Year: 2027, Month: 1, Day: 1}, To: plan.Date{Year: 2027, Month: 12, Day: 31}}}
	d, err := Build(p, check.Compute(p, testNow), Options{Now: testNow})
	if err != nil {
		t.Fatal(err)
	}
	if d.Title != "Account development plan Acme" || d.Confidentiality != "Confidential" || d.Status != "Draft" {
		t.Errorf("title %q, confidentiality %q, status %q", d.Title, d.Confidentiality, d.Status)
	}
	notes := 0
	d.Walk(func(s *Section) {
		for _, b := range s.Blocks {
			switch b.(type) {
			case *Chart:
				t.Errorf("chart in %s", s.ID)
			case *Note:
				notes++
			}
		}
	})
	if notes < 10 {
		t.Errorf("%d notes, want one per empty block", notes)
	}
}

// outlineText is every plain string of the document, for content checks.
func outlineText(d *Document) string {
	var b strings.Builder
	for _, f := range d.Cover {
		b.WriteString(f.Label + " " + f.Value + "\n")
	}
	d.Walk(func(s *Section) {
		b.WriteString(s.Heading() + "\n")
		for _, bl := range s.Blocks {
			switch x := bl.(type) {
			case *Paragraph:
				b.WriteString(x.Text)
			case *Facts:
				for _, f := range x.Items {
					b.WriteString(f.Label + " " + f.Value + "\n")
				}
			case *Table:
				for _, r := range x.Rows {
					for _, c := range r {
						b.WriteString(c.Text + "\t")
					}
				}
			case *List:
				b.WriteString(strings.Join(x.Items, "\n"))
			}
			b.WriteString("\n")
		}
	})
	return b.String()
}
