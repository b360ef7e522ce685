package check

import (
	"reflect"
	"slices"
	"strings"
	"testing"
)

// Load returns the figures the warnings were found from, with the warnings of the plan's
// file, equal to Compute's for a plan whose warnings Compute can find too; each load
// returns figures of its own.
func TestLoadReturnsTheFigures(t *testing.T) {
	const path = "../testdata/ws/accounts/full.toml"
	l := &Loader{Now: testNow}
	p, f, ds := l.Load(path)
	if ds.HasErrors() {
		t.Fatal(ds.Err())
	}
	if f == nil {
		t.Fatal("Load returned no figures for a plan without errors")
	}
	if !reflect.DeepEqual(f, Compute(p, testNow)) {
		t.Fatal("Load's figures differ from Compute's")
	}
	if _, g, _ := l.Load(path); g == f {
		t.Fatal("two loads returned the same figures")
	}
	q, ds2 := l.LoadPlan(path)
	if !reflect.DeepEqual(ds, ds2) || !reflect.DeepEqual(p, q) {
		t.Fatal("LoadPlan differs from Load")
	}
}

// The warnings only the load sees (A8's thousands dots, found by the walk) are in Load's
// figures; Compute, given the plan alone, cannot find them. A plan changed after loading
// gets figures of its changed self from Compute: the plan keeps nothing of the check.
func TestLoadFiguresCarryTheLoadsWarnings(t *testing.T) {
	src := "format = 1\nlang = \"de\"\n[plan]\naccount = \"A\"\nfrom = 2027-01-01\nto = 2027-12-31\n" +
		"[selection]\nrevenue = 1.250\n"
	m := memFS{"/ws/.git/HEAD": []byte("ref"), "/ws/p.toml": []byte(src)}
	p, f, ds := (&Loader{FS: m, Now: testNow}).Load("/ws/p.toml")
	if ds.HasErrors() || f == nil {
		t.Fatalf("figures %v, %v", f != nil, ds.Err())
	}
	dots := func(ws []string) bool {
		return slices.ContainsFunc(ws, func(w string) bool { return strings.Contains(w, "1.250 is read as 1.25") })
	}
	if !dots(f.Warnings) {
		t.Fatalf("Load's figures lack the thousands-dot warning: %q", f.Warnings)
	}
	if dots(Compute(p, testNow).Warnings) {
		t.Fatal("Compute found a warning only the load sees")
	}
	p.Selection.ContributionMargin = 1 // of 1.25: 80 %
	if sf := Compute(p, testNow).Selection; sf == nil || sf.MarginRate == nil || *sf.MarginRate != 80 {
		t.Fatal("Compute after the plan changed: want a margin rate of 80")
	}

	_, f, ds = (&Loader{FS: memFS{"/ws/.git/HEAD": []byte("ref"), "/ws/p.toml": []byte("format = 1\n[plan]\naccount = 3\n")},
		Now: testNow}).Load("/ws/p.toml")
	if !ds.HasErrors() || f != nil {
		t.Fatalf("a plan with errors: figures %v, diags %v", f != nil, ds)
	}
}
