package check

import (
	"reflect"
	"testing"

	"github.com/kepdev/kep/plan/figures"
)

// A loaded plan's figures are computed once: the first Compute at the Loader's as-of time
// takes those the Loader found the warnings from, later ones compute their own; every
// call returns figures of its own, equal to those of a plan checked afresh.
func TestComputeTakesTheLoadersFigures(t *testing.T) {
	const path = "../testdata/ws/accounts/full.toml"
	p, ds := (&Loader{Now: testNow}).LoadPlan(path)
	if ds.HasErrors() {
		t.Fatal(ds.Err())
	}
	kept, _ := p.TakeFigures(testNow).(*figures.Figures)
	if kept == nil {
		t.Fatal("the Loader kept no figures for its as-of time")
	}
	if p.TakeFigures(testNow) != nil {
		t.Fatal("kept figures handed out twice")
	}

	q, ds := (&Loader{Now: testNow}).LoadPlan(path)
	if ds.HasErrors() {
		t.Fatal(ds.Err())
	}
	if q.TakeFigures(testNow.AddDate(0, 0, 1)) != nil {
		t.Fatal("figures of another as-of time handed out")
	}
	first := Compute(q, testNow)
	second := Compute(q, testNow)
	if first == second {
		t.Fatal("two Computes returned the same figures")
	}
	if !reflect.DeepEqual(first, second) || !reflect.DeepEqual(first, Compute(p, testNow)) {
		t.Fatal("the kept figures differ from those computed afresh")
	}
	r, _ := (&Loader{Now: testNow}).LoadPlan(path)
	if copyOfR := *r; copyOfR.TakeFigures(testNow) != nil {
		t.Fatal("a copy of the plan took its figures")
	}
	if r.TakeFigures(testNow) == nil {
		t.Fatal("the plan lost its figures to a copy")
	}
}
