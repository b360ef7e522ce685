package load

import (
	"path/filepath"
	"testing"

	"github.com/kepdev/kep/plan/figures"
)

// FuzzExampleSketchNeverHides: for any plan text (seeded with kep init's scaffolds,
// which the fuzzer edits into plans near them: rows deleted, values changed, texts
// moved), wherever the full comparison with the scaffolds finds an example block or
// text, the sketch lets it look (mayHoldExamples): the pre-filter never hides a
// warning.
//
//	go test -run X -fuzz FuzzExampleSketchNeverHides -fuzztime 1m ./plan/load
func FuzzExampleSketchNeverHides(f *testing.F) {
	for _, lang := range ScaffoldLangs {
		for _, year := range []int{2027, 2031} {
			src, err := Scaffold(ScaffoldOptions{Lang: lang, Year: year})
			if err != nil {
				f.Fatal(err)
			}
			f.Add(src)
		}
	}
	path := filepath.Join(f.TempDir(), "plan.toml")
	f.Fuzz(func(t *testing.T, src []byte) {
		p, ds := (&Loader{Now: testNow}).LoadPlanBytes(path, src)
		if p == nil || ds.HasErrors() || p.Meta.From.IsZero() {
			return
		}
		d, _ := decodeRaw(path, src)
		if d == nil {
			return
		}
		blocks := figures.Blocks(p)
		ex, found := exampleFindingsAll(d.raw, p, blocks)
		if (ex != [7]bool{} || len(found) > 0) && !mayHoldExamples(d.raw, blocks) {
			t.Fatalf("the sketch hides %v %v", ex, found)
		}
	})
}
