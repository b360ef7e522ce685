package portfolio

import (
	"io"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/kepdev/kep/plan/check"
	"github.com/kepdev/kep/render"
	"github.com/kepdev/kep/render/htmldoc"
	"github.com/kepdev/kep/render/pdfdoc"
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
		l := &check.Loader{Now: docDate}
		for _, f := range files {
			p, ds := l.LoadPlan(f)
			if ds.HasErrors() {
				b.Fatal(ds)
			}
			check.Compute(p, docDate)
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

// samplePlanDocs loads every sample plan and builds its document once.
func samplePlanDocs(b *testing.B) []*render.Document {
	plans, figs := loadSamples(b)
	docs := make([]*render.Document, len(plans))
	for i, p := range plans {
		d, err := render.Build(p, figs[i], render.Options{Now: docDate})
		if err != nil {
			b.Fatal(err)
		}
		docs[i] = d
	}
	return docs
}

// BenchmarkBuild is the document model of every sample plan (charts are modelled, not drawn).
func BenchmarkBuild(b *testing.B) {
	plans, figs := loadSamples(b)
	b.ReportAllocs()
	for b.Loop() {
		for i, p := range plans {
			if _, err := render.Build(p, figs[i], render.Options{Now: docDate}); err != nil {
				b.Fatal(err)
			}
		}
	}
}

// BenchmarkHTML writes every sample plan as HTML.
func BenchmarkHTML(b *testing.B) {
	docs := samplePlanDocs(b)
	b.ReportAllocs()
	for b.Loop() {
		for _, d := range docs {
			if err := htmldoc.Write(io.Discard, d, htmldoc.Options{}); err != nil {
				b.Fatal(err)
			}
		}
	}
}

// BenchmarkPDF writes every sample plan as PDF.
func BenchmarkPDF(b *testing.B) {
	docs := samplePlanDocs(b)
	b.ReportAllocs()
	for b.Loop() {
		for _, d := range docs {
			if _, err := pdfdoc.Write(io.Discard, d, pdfdoc.Options{Now: docDate}); err != nil {
				b.Fatal(err)
			}
		}
	}
}

// BenchmarkPlanFull is one sample plan (hansa, the largest) from file to PDF and HTML, as
// `kep render` does it, without process start.
func BenchmarkPlanFull(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		l := &check.Loader{Now: docDate}
		p, ds := l.LoadPlan("../../samples/accounts/hansa.toml")
		if ds.HasErrors() {
			b.Fatal(ds)
		}
		d, err := render.Build(p, check.Compute(p, docDate), render.Options{Now: docDate})
		if err != nil {
			b.Fatal(err)
		}
		if _, err := pdfdoc.Write(io.Discard, d, pdfdoc.Options{Now: docDate}); err != nil {
			b.Fatal(err)
		}
		if err := htmldoc.Write(io.Discard, d, htmldoc.Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkPortfolioReport is the portfolio report of the samples in both formats.
func BenchmarkPortfolioReport(b *testing.B) {
	plans, figs := loadSamples(b)
	b.ReportAllocs()
	for b.Loop() {
		pf, err := Compute(plans, figs)
		if err != nil {
			b.Fatal(err)
		}
		d := Document(pf, Options{Now: docDate})
		if _, err := pdfdoc.Write(io.Discard, d, pdfdoc.Options{Now: docDate}); err != nil {
			b.Fatal(err)
		}
		if err := htmldoc.Write(io.Discard, d, htmldoc.Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkBatch renders generated plans (scripts/genplans) to PDF and HTML one after the
// other, as `kep render -j 1` does, sharing one loader; the figure is per plan.
func BenchmarkBatch(b *testing.B) {
	dir := b.TempDir()
	cmd := exec.Command("go", "run", "../../scripts/genplans", "-n", "20", "-o", dir)
	if out, err := cmd.CombinedOutput(); err != nil {
		b.Fatalf("genplans: %v\n%s", err, out)
	}
	files, _ := filepath.Glob(filepath.Join(dir, "accounts", "*.toml"))
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		l := &check.Loader{Now: docDate}
		for _, f := range files {
			p, ds := l.LoadPlan(f)
			if ds.HasErrors() {
				b.Fatal(ds)
			}
			d, err := render.Build(p, check.Compute(p, docDate), render.Options{Now: docDate})
			if err != nil {
				b.Fatal(err)
			}
			if _, err := pdfdoc.Write(io.Discard, d, pdfdoc.Options{Now: docDate}); err != nil {
				b.Fatal(err)
			}
			if err := htmldoc.Write(io.Discard, d, htmldoc.Options{}); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(files))/1e6, "ms/plan")
}
