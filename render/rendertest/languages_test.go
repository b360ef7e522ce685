package rendertest

import (
	"testing"

	"github.com/kepdev/kep/plan"
)

// Each language's plan loads without errors and is written in its language.
func TestLanguagePlans(t *testing.T) {
	for _, lp := range LanguagePlans(t) {
		p, diags := (&plan.Loader{}).LoadPlan(lp.Path)
		if diags.HasErrors() {
			t.Fatalf("%s: %v", lp.Path, diags)
		}
		if p.Lang != lp.Lang {
			t.Errorf("%s: lang = %q, want %q", lp.Path, p.Lang, lp.Lang)
		}
	}
}
