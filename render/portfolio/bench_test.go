package portfolio

import (
	"path/filepath"
	"testing"

	"github.com/kepdev/kep"
)

// The benchmarks measure the stages of a document on the samples; scripts/bench.sh measures
// the whole program. No test asserts a time.

func sampleFiles(b *testing.B) []string {
	files, err := filepath.Glob("../../samples/accounts/*.toml")
	if err != nil || len(files) == 0 {
		b.Fatalf("no samples: %v", err)
	}
	return files
}

// BenchmarkLoad is decode + validate + compute of every sample plan with a fresh loader,
// so the workspace file is parsed once per iteration, as in one `kep render` run.
func BenchmarkLoad(b *testing.B) {
	files := sampleFiles(b)
	b.ReportAllocs()
	for b.Loop() {
		l := &kep.Loader{Now: docDate}
		for _, f := range files {
			p, ds := l.LoadPlan(f)
			if ds.HasErrors() {
				b.Fatal(ds)
			}
			kep.Compute(p, docDate)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(files))/1e6, "ms/plan")
}

// BenchmarkPortfolioDocument is the portfolio figures and document over the samples.
func BenchmarkPortfolioDocument(b *testing.B) {
	plans, figs := loadSamples(b)
	b.ReportAllocs()
	for b.Loop() {
		pf, err := Compute(plans, figs)
		if err != nil {
			b.Fatal(err)
		}
		Document(pf, Options{Now: docDate})
	}
}
