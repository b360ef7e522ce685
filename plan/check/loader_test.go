package check

import (
	"strings"
	"sync"
	"testing"

	"github.com/kepdev/kep/plan"
	"github.com/kepdev/kep/plan/load"
)

// One Loader serves many plans in parallel and parses their workspace once.
func TestLoaderConcurrent(t *testing.T) {
	l := &Loader{Now: testNow}
	var wg sync.WaitGroup
	plans := make([]*plan.Plan, 16)
	for i := range plans {
		wg.Add(1)
		go func() {
			defer wg.Done()
			p, ds := l.LoadPlan("../testdata/ws/accounts/full.toml")
			if ds.HasErrors() {
				t.Error(ds.Err())
			}
			plans[i] = p
		}()
	}
	wg.Wait()
	for _, p := range plans[1:] {
		if p == nil || p.Workspace != plans[0].Workspace {
			t.Fatal("plans of one workspace must share one parsed Workspace")
		}
	}
}

// Loaders of different document dates made by At share the parsed workspace (a batch
// dated by file times parses kep.toml and its logo once), also in parallel, and keep
// their own date.
func TestLoaderAt(t *testing.T) {
	base := &Loader{}
	plans := make([]*plan.Plan, 8)
	var wg sync.WaitGroup
	for i := range plans {
		wg.Add(1)
		go func() {
			defer wg.Done()
			l := base.At(testNow.AddDate(0, 0, i))
			if l.Now != testNow.AddDate(0, 0, i) {
				t.Errorf("loader %d: date %v", i, l.Now)
			}
			p, ds := l.LoadPlan("../testdata/ws/accounts/full.toml")
			if ds.HasErrors() {
				t.Error(ds.Err())
			}
			plans[i] = p
		}()
	}
	wg.Wait()
	for _, p := range plans[1:] {
		if p == nil || plans[0] == nil || p.Workspace != plans[0].Workspace {
			t.Fatal("loaders made by At must share one parsed Workspace")
		}
	}
}

// The documents of one plan are written in parallel and each computes its figures: the
// first warning builds the line index, once (run with -race).
func TestComputeConcurrent(t *testing.T) {
	p, ds := (&load.Loader{Now: testNow}).LoadPlan("../testdata/ws/accounts/full.toml")
	if ds.HasErrors() {
		t.Fatal(ds.Err())
	}
	warnings := make([][]string, 4)
	var wg sync.WaitGroup
	for i := range warnings {
		wg.Add(1)
		go func() {
			defer wg.Done()
			warnings[i] = Compute(p, testNow).Warnings
		}()
	}
	wg.Wait()
	for _, w := range warnings[1:] {
		if len(warnings[0]) == 0 || strings.Join(w, "\n") != strings.Join(warnings[0], "\n") {
			t.Fatalf("warnings differ or are missing: %q, %q", w, warnings[0])
		}
	}
}

func BenchmarkLoadAndCompute(b *testing.B) {
	l := &Loader{Now: testNow}
	for b.Loop() {
		p, _ := l.LoadPlan("../testdata/ws/accounts/full.toml")
		Compute(p, testNow)
	}
}
