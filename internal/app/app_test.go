package app

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"
	"time"

	"github.com/kepdev/kep/plan/check"
)

var testNow = time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)

const fullPlan = "../../plan/testdata/ws/accounts/full.toml"

// A Loader's plan comes with its figures, the same as check.Loader's (for this plan also
// check.Compute's); the loaders of At keep their own date.
func TestLoaderLoad(t *testing.T) {
	base := NewLoader(nil, time.Time{})
	for _, now := range []time.Time{testNow, testNow.AddDate(1, 0, 0)} {
		got := base.At(now).Load(fullPlan)
		if !got.OK() || got.Figures == nil {
			t.Fatalf("%v: %v", now, got.Diags.Err())
		}
		p, f, ds := (&check.Loader{Now: now}).Load(fullPlan)
		if !reflect.DeepEqual(got.Diags, ds) {
			t.Errorf("%v: diagnostics differ from check.Loader's", now)
		}
		if !reflect.DeepEqual(got.Figures, f) || !reflect.DeepEqual(got.Figures, check.Compute(p, now)) {
			t.Errorf("%v: figures differ from check.Loader's or check.Compute's", now)
		}
	}
}

// A plan with errors has no figures; its bytes are checked like a file's.
func TestLoaderErrors(t *testing.T) {
	path := filepath.Join(t.TempDir(), "p.toml")
	src := []byte("format = 1\n[plan]\naccount = 3\n")
	if err := os.WriteFile(path, src, 0o644); err != nil {
		t.Fatal(err)
	}
	l := NewLoader(nil, testNow)
	for _, c := range []Checked{l.Load(path), l.LoadBytes(path, src)} {
		if c.OK() || c.Figures != nil || !c.Diags.HasErrors() {
			t.Fatalf("a plan with errors: OK %v, figures %v, diags %v", c.OK(), c.Figures != nil, c.Diags)
		}
	}
}

// AddReview compares last period's plan with this one; without a plan, nothing.
func TestAddReview(t *testing.T) {
	l := NewLoader(nil, testNow)
	cur, prev := l.Load(fullPlan), l.Load(fullPlan)
	AddReview(cur.Figures, cur.Plan, Checked{})
	if cur.Figures.Review != nil {
		t.Fatal("a review without a previous plan")
	}
	AddReview(cur.Figures, cur.Plan, prev)
	if cur.Figures.Review == nil {
		t.Fatal("no review")
	}
}

// A character the plan's check names as in no font is not reported again by the PDF's
// writer (kep render printed both); one the check cannot see still is.
func TestWriteDropsNamedPlaceholders(t *testing.T) {
	src, err := os.ReadFile(fullPlan)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(filepath.Dir(fullPlan), "cjk-test.toml")
	c := NewLoader(nil, testNow).LoadBytes(path, src)
	if !c.OK() {
		t.Fatal(c.Diags.Err())
	}
	c.Plan.Meta.Account += " 中"
	if named := check.Uncovered(c.Plan); !named['中'] {
		t.Fatalf("check.Uncovered does not name 中: %v", named)
	}
	got := unnamed([]rune{'中', '😀'}, c.Plan)
	if len(got) != 1 || got[0] != '😀' {
		t.Errorf("unnamed = %q, want only the character the plan's texts lack", string(got))
	}
}
