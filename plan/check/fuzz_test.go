package check

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"testing"
)

// FuzzPipeline runs decode, validate and compute on any workspace and plan: no panic,
// and the figures of a plan without errors always encode as JSON (no NaN, no Inf).
// With the samples as seeds, new inputs are large: run it with a short minimisation,
//
//	go test -run X -fuzz FuzzPipeline -fuzztime 3m -fuzzminimizetime 5s .
func FuzzPipeline(f *testing.F) {
	ws, _ := os.ReadFile("../../samples/kep.toml")
	var plans []string
	for _, pattern := range []string{"../../samples/*/*.toml", "../testdata/*/*/*.toml"} {
		m, _ := filepath.Glob(pattern)
		plans = append(plans, m...)
	}
	for _, p := range plans {
		if b, err := os.ReadFile(p); err == nil {
			f.Add(ws, b)
			f.Add([]byte(nil), b)
		}
	}
	// The plan and workspace cases of plan/load's tests seed FuzzFill there.
	f.Fuzz(func(t *testing.T, ws, pl []byte) {
		m := memFS{"/ws/.git/HEAD": nil, "/ws/a/p.toml": pl}
		if ws != nil {
			m["/ws/kep.toml"] = ws
		}
		l := &Loader{FS: m, Now: testNow}
		p, ds := l.LoadPlan("/ws/a/p.toml")
		for _, d := range ds {
			_ = d.String()
		}
		if p == nil {
			return
		}
		fig := Compute(p, testNow)
		b, err := json.Marshal(fig)
		if ds.HasErrors() {
			return
		}
		if err != nil {
			t.Fatalf("figures of a valid plan do not encode: %v", err)
		}
		// Same input, same bytes; and the loader's warnings are the figures' warnings.
		if again, _ := json.Marshal(Compute(p, testNow)); !bytes.Equal(b, again) {
			t.Fatalf("figures differ between two runs:\n%s\n%s", b, again)
		}
		var warnings []string
		for _, d := range ds {
			if d.Warning && d.File == p.File {
				warnings = append(warnings, d.String())
			}
		}
		slices.Sort(warnings)
		got := slices.Clone(fig.Warnings)
		slices.Sort(got)
		if !slices.Equal(warnings, got) {
			t.Fatalf("loader warnings %q, figures warnings %q", warnings, got)
		}
	})
}
