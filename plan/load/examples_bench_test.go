package load

import (
	"os"
	"testing"

	"github.com/kepdev/kep/plan"
)

// BenchmarkExampleFindings is the check's share of a load of a plan with no example value
// left: the sketch alone (examplesketch.go).
func BenchmarkExampleFindings(b *testing.B) {
	src, err := os.ReadFile("../testdata/ws/accounts/full.toml")
	if err != nil {
		b.Fatal(err)
	}
	d, _ := decodeRaw("full.toml", src)
	p, _ := (&Loader{Now: testNow}).LoadPlan("../testdata/ws/accounts/full.toml")
	for b.Loop() {
		exampleFindings(d.raw, p)
	}
}

// BenchmarkExampleFindingsFirst is what a process pays for its first plan: the cache
// of scaffolds is empty (their templates stay parsed).
func BenchmarkExampleFindingsFirst(b *testing.B) {
	src, err := os.ReadFile("../../samples/accounts/hansa.toml")
	if err != nil {
		b.Fatal(err)
	}
	d, _ := decodeRaw("hansa.toml", src)
	p, _ := (&Loader{Now: testNow}).LoadPlan("../../samples/accounts/hansa.toml")
	for b.Loop() {
		exampleRefs.Lock()
		exampleRefs.m = nil
		exampleRefs.Unlock()
		exampleFindings(d.raw, p)
	}
}

// BenchmarkExampleRef is the cost of one scaffold comparison entry (once per language,
// year and workspace).
func BenchmarkExampleRef(b *testing.B) {
	ws := plan.DefaultWorkspace()
	for b.Loop() {
		newExampleRef("de", 2027, ws)
	}
}
