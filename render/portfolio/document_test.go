package portfolio

import (
	"bytes"
	"flag"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/kepdev/kep/locale"
	"github.com/kepdev/kep/plan"
	"github.com/kepdev/kep/plan/check"
	"github.com/kepdev/kep/plan/figures"
	"github.com/kepdev/kep/render"
	"github.com/kepdev/kep/render/htmldoc"
	"github.com/kepdev/kep/render/pdfdoc"
	"github.com/kepdev/kep/render/rendertest"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// docDate is the fixed document date of the goldens (as SOURCE_DATE_EPOCH would give).
var docDate = time.Date(2027, 2, 1, 0, 0, 0, 0, time.UTC)

// loadSamples loads and computes every plan of samples/accounts, as `kep portfolio` does.
func loadSamples(t testing.TB) ([]*plan.Plan, []*figures.Figures) {
	t.Helper()
	files, err := filepath.Glob("../../samples/accounts/*.toml")
	if err != nil || len(files) == 0 {
		t.Fatalf("no samples: %v", err)
	}
	l := &check.Loader{Now: docDate}
	var plans []*plan.Plan
	var figs []*figures.Figures
	for _, f := range files {
		p, ds := l.LoadPlan(f)
		if ds.HasErrors() {
			t.Fatalf("%s: %v", f, ds)
		}
		p.File = filepath.Join("samples/accounts", filepath.Base(f)) // independent of the test's folder
		plans = append(plans, p)
		figs = append(figs, check.Compute(p, docDate))
	}
	return plans, figs
}

func samplesDocument(t testing.TB) *render.Document {
	plans, figs := loadSamples(t)
	pf, err := Compute(plans, figs)
	if err != nil {
		t.Fatal(err)
	}
	return Document(pf, Options{Now: docDate, KepVersion: "test", Workspace: "samples/kep.toml"})
}

// TestSamplesText is the golden of the report's content over the samples, as text, so
// that a reviewer reads every figure the report shows.
func TestSamplesText(t *testing.T) {
	rendertest.Golden(t, filepath.Join("testdata", "samples.txt"), []byte(dumpText(samplesDocument(t))), *update)
}

func dumpText(d *render.Document) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s\n%s | %s | %s | %s\n", d.Title, d.Account, d.Period, d.Date, d.Confidentiality)
	for _, f := range d.Cover {
		fmt.Fprintf(&b, "  %s: %s\n", f.Label, f.Value)
	}
	d.Walk(func(s *render.Section) {
		fmt.Fprintf(&b, "\n%s %s\n", strings.Repeat("#", s.Level), s.Heading())
		for _, bl := range s.Blocks {
			dumpBlock(&b, bl)
		}
	})
	return b.String()
}

func dumpBlock(b *strings.Builder, bl render.Block) {
	switch x := bl.(type) {
	case *render.Paragraph:
		fmt.Fprintf(b, "%s\n", x.Text)
	case *render.Note:
		fmt.Fprintf(b, "[note] %s\n", x.Text)
	case *render.Heading:
		fmt.Fprintf(b, "-- %s\n", x.Text)
	case *render.Tiles:
		for _, t := range x.Items {
			fmt.Fprintf(b, "[tile] %s: %s %s %s\n", t.Label, t.Value, t.Sub, t.Light)
		}
	case *render.Facts:
		if x.Title != "" {
			fmt.Fprintf(b, "-- %s\n", x.Title)
		}
		for _, f := range x.Items {
			fmt.Fprintf(b, "  %s: %s %s\n", f.Label, f.Value, f.Light)
		}
	case *render.Chart:
		fmt.Fprintf(b, "[chart %s] %s: %s\n", x.Kind, x.Title, x.Alt)
		if x.Data != nil {
			dumpBlock(b, x.Data)
		}
	case *render.Table:
		fmt.Fprintf(b, "[table] %s\n  | %s |\n", x.Caption, strings.Join(x.Header, " | "))
		for _, rows := range [][][]render.Cell{x.Rows, x.Foot} {
			for _, r := range rows {
				var cells []string
				for _, c := range r {
					s := c.Text
					if c.Light != "" {
						s = c.Light.Symbol() + " " + s
					}
					cells = append(cells, s)
				}
				fmt.Fprintf(b, "  | %s |\n", strings.Join(cells, " | "))
			}
		}
	default:
		fmt.Fprintf(b, "[%T]\n", bl)
	}
}

// TestSamplesTextEnglish: plans that all speak English make an English report.
func TestSamplesTextEnglish(t *testing.T) {
	plans, figs := loadSamples(t)
	for _, p := range plans {
		p.Lang = "en"
	}
	pf, err := Compute(plans, figs)
	if err != nil {
		t.Fatal(err)
	}
	rendertest.Golden(t, filepath.Join("testdata", "samples-en.txt"), []byte(dumpText(Document(pf, Options{Now: docDate, Workspace: "samples/kep.toml"}))), *update)
}

func TestLabelsComplete(t *testing.T) {
	// Every pf. key of one language exists in every other (the locale's own test holds
	// the whole table to this; here for the report's words in particular).
	for _, a := range locale.Languages() {
		for _, k := range a.LabelKeys() {
			if !strings.HasPrefix(k, "pf.") {
				continue
			}
			for _, b := range locale.Languages() {
				if _, ok := b.Label(k); !ok {
					t.Errorf("label %s: none in %s", k, b.Lang)
				}
			}
		}
	}
	// Every key the report uses must resolve: a missing key would show as itself.
	for _, lang := range locale.Langs() {
		plans, figs := loadSamples(t)
		for _, p := range plans {
			p.Lang = lang
		}
		pf, _ := Compute(plans, figs)
		text := dumpText(Document(pf, Options{Now: docDate}))
		for _, prefix := range []string{"pf.", "b1.", "sum.", "sec.", "cover.", "app.", "doc."} {
			if strings.Contains(text, prefix) {
				t.Errorf("%s: unresolved label with prefix %q in report", lang, prefix)
			}
		}
	}
}

// The same input gives the same document.
func TestDeterministic(t *testing.T) {
	a, b := dumpText(samplesDocument(t)), dumpText(samplesDocument(t))
	if a != b {
		t.Error("two builds of the same portfolio differ")
	}
}

// TestSamplesHTML is the golden of the whole report over the samples as HTML, without the
// embedded font and the style sheet, which are the same in every document.
func TestSamplesHTML(t *testing.T) {
	var buf bytes.Buffer
	if err := htmldoc.Write(&buf, samplesDocument(t), htmldoc.Options{NoFont: true}); err != nil {
		t.Fatal(err)
	}
	// The shared style sheet belongs to htmldoc and has its own goldens there.
	html := buf.Bytes()
	if i, j := bytes.Index(html, []byte("<style")), bytes.Index(html, []byte("</style>")); i >= 0 && j > i {
		html = append(append(html[:i:i], "<style>…</style>"...), html[j+len("</style>"):]...)
	}
	rendertest.Golden(t, filepath.Join("testdata", "samples.html"), html, *update)
}

// The PDF of the report is reproducible: the same portfolio gives the same bytes.
func TestSamplesPDFReproducible(t *testing.T) {
	var a, b bytes.Buffer
	for _, buf := range []*bytes.Buffer{&a, &b} {
		if _, err := pdfdoc.Write(buf, samplesDocument(t), pdfdoc.Options{Now: docDate}); err != nil {
			t.Fatal(err)
		}
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Error("two PDFs of the same portfolio differ")
	}
	if !bytes.HasPrefix(a.Bytes(), []byte("%PDF-")) {
		t.Error("not a PDF")
	}
}
