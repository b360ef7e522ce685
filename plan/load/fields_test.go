package load

import (
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/kepdev/kep/plan"
)

// markdownFields covers every Markdown key of the file format: a key added to the schema
// must be added there too.
func TestMarkdownFieldsCoverTheSchema(t *testing.T) {
	var want []string
	var visit func(s *keySpec, path string)
	visit = func(s *keySpec, path string) {
		for _, k := range s.keys {
			p := strings.TrimPrefix(path+"."+k.name, ".")
			if k.kind == kindTables {
				p += "[]"
			}
			if k.kind == kindMarkdown {
				want = append(want, p)
			}
			visit(k, p)
		}
	}
	visit(planSchema(), "")
	p := &plan.Plan{
		Meta:     plan.Meta{Summary: "m"},
		Offering: &plan.Offering{Positioning: "m", Packages: []plan.ServicePackage{{Description: "m"}}},
		Account:  &plan.Account{Strategy: "m", Purchasing: &plan.Purchasing{Process: "m"}},
		Value:    []plan.ValueConcept{{Description: "m"}},
		Reviews:  []plan.Review{{Notes: "m"}},
		Asks:     []plan.Ask{{Reason: "m"}},
	}
	index := regexp.MustCompile(`\[\d+\]`)
	var got []string
	for _, f := range MarkdownFields(p) {
		got = append(got, index.ReplaceAllString(f.Path, "[]"))
	}
	slices.Sort(want)
	slices.Sort(got)
	if !slices.Equal(got, want) {
		t.Errorf("markdownFields covers\n%q\nthe schema's Markdown keys are\n%q", got, want)
	}
}
