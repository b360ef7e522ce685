package rendertest

import (
	"testing"

	"github.com/kepdev/kep/locale"
	"github.com/kepdev/kep/plan/check"
)

// Each language's plan loads without errors and is written in its language.
func TestLanguagePlans(t *testing.T) {
	for _, lp := range LanguagePlans(t) {
		p, diags := (&check.Loader{}).LoadPlan(lp.Path)
		if diags.HasErrors() {
			t.Fatalf("%s: %v", lp.Path, diags)
		}
		if p.Lang != lp.Lang {
			t.Errorf("%s: lang = %q, want %q", lp.Path, p.Lang, lp.Lang)
		}
	}
}

// A language without a plan of its own is checked on its scaffold: it loads without
// errors in its language, in every language.
func TestScaffoldPlans(t *testing.T) {
	for _, lang := range locale.Langs() {
		path := scaffoldPlan(t, lang)
		p, diags := (&check.Loader{}).LoadPlan(path)
		if diags.HasErrors() {
			t.Fatalf("%s: %v", path, diags)
		}
		if p.Lang != lang {
			t.Errorf("%s: lang = %q, want %q", path, p.Lang, lang)
		}
	}
}
