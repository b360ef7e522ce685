package load

import (
	"os"
	"testing"

	"github.com/kepdev/kep/plan"
)

// BenchmarkExampleFindings is the comparison's share of a load (the scaffolds cached).
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

// BenchmarkExampleRef is the cost of one scaffold comparison entry (once per language,
// year and workspace).
func BenchmarkExampleRef(b *testing.B) {
	ws := plan.DefaultWorkspace()
	for b.Loop() {
		newExampleRef("de", 2027, ws)
	}
}
