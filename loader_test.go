package kep

import (
	"sync"
	"testing"
)

// One Loader serves many plans in parallel and parses their workspace once.
func TestLoaderConcurrent(t *testing.T) {
	l := &Loader{Now: testNow}
	var wg sync.WaitGroup
	plans := make([]*Plan, 16)
	for i := range plans {
		wg.Add(1)
		go func() {
			defer wg.Done()
			p, ds := l.LoadPlan("testdata/ws/accounts/full.toml")
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

func BenchmarkLoadAndCompute(b *testing.B) {
	l := &Loader{Now: testNow}
	for b.Loop() {
		p, _ := l.LoadPlan("testdata/ws/accounts/full.toml")
		Compute(p, testNow)
	}
}

func TestLoadNotAFile(t *testing.T) {
	for _, path := range []string{"testdata", "/dev/zero", "testdata/missing.toml"} {
		p, ds := (&Loader{}).LoadPlan(path)
		if p != nil || !ds.HasErrors() {
			t.Errorf("%s: want an error and no plan", path)
		}
	}
}
