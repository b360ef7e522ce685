package htmldoc

import (
	"bytes"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/kepdev/kep/plan"
	"github.com/kepdev/kep/plan/check"
	"github.com/kepdev/kep/render"
	"github.com/kepdev/kep/render/rendertest"
)

var update = flag.Bool("update", false, "rewrite the golden files")

var testNow = time.Date(2027, 4, 30, 0, 0, 0, 0, time.UTC)

func loadPlan(t testing.TB, path string) *plan.Plan {
	t.Helper()
	l := &check.Loader{Now: testNow}
	p, diags := l.LoadPlan(path)
	if diags.HasErrors() {
		t.Fatalf("load %s: %v", path, diags)
	}
	return p
}

func renderPlan(t testing.TB, p *plan.Plan) []byte {
	t.Helper()
	d, err := render.Build(p, check.Compute(p, testNow), render.Options{Now: testNow, KepVersion: "test"})
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := Write(&buf, d, Options{}); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func samples(t testing.TB) []string {
	files, _ := filepath.Glob("../../samples/accounts/*.toml")
	if len(files) == 0 {
		t.Skip("no samples")
	}
	return files
}

func TestGoldenSamples(t *testing.T) {
	for _, file := range samples(t) {
		name := strings.TrimSuffix(filepath.Base(file), ".toml")
		t.Run(name, func(t *testing.T) {
			out := renderPlan(t, loadPlan(t, file))
			if dir := os.Getenv("KEP_HTML_OUT"); dir != "" {
				_ = os.WriteFile(filepath.Join(dir, name+".html"), out, 0o644)
			}
			rendertest.Golden(t, filepath.Join("testdata", name+".html.golden"), out, *update)
		})
	}
}

// firstDiff shows where want and got first differ, with some context.
func firstDiff(want, got string) string {
	i := 0
	for i < len(want) && i < len(got) && want[i] == got[i] {
		i++
	}
	line := strings.Count(got[:i], "\n") + 1
	from := max(0, i-120)
	return fmt.Sprintf("line %d, byte %d:\n- …%s…\n+ …%s…", line, i, want[from:min(len(want), i+120)], got[from:min(len(got), i+120)])
}

// TestDeterministic renders each sample twice, in time zones a day apart: the bytes must
// not change.
func TestDeterministic(t *testing.T) {
	defer func(l *time.Location) { time.Local = l }(time.Local)
	for _, file := range samples(t) {
		time.Local = time.FixedZone("east", 14*3600)
		a := renderPlan(t, loadPlan(t, file))
		time.Local = time.FixedZone("west", -12*3600)
		b := renderPlan(t, loadPlan(t, file))
		if !bytes.Equal(a, b) {
			t.Errorf("%s: output depends on the time zone: %s", file, firstDiff(string(a), string(b)))
		}
	}
}

func BenchmarkWrite(b *testing.B) {
	files, _ := filepath.Glob("../../samples/accounts/*.toml")
	if len(files) == 0 {
		b.Skip("no samples")
	}
	p := loadPlan(b, files[0])
	f := check.Compute(p, testNow)
	b.ReportAllocs()
	for b.Loop() {
		d, err := render.Build(p, f, render.Options{Now: testNow})
		if err != nil {
			b.Fatal(err)
		}
		if err := Write(io.Discard, d, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

// TestConcurrentWrites: documents written at the same time (pooled buffers, fonts taken
// apart once) come out as when written alone; run with -race.
func TestConcurrentWrites(t *testing.T) {
	var docs []*render.Document
	var want [][]byte
	for _, file := range samples(t) {
		p := loadPlan(t, file)
		d, err := render.Build(p, check.Compute(p, testNow), render.Options{Now: testNow, KepVersion: "test"})
		if err != nil {
			t.Fatal(err)
		}
		docs = append(docs, d)
		want = append(want, renderPlan(t, p))
	}
	var wg sync.WaitGroup
	errs := make(chan error, 4*len(docs))
	for range 4 {
		for i, d := range docs {
			wg.Go(func() {
				var buf bytes.Buffer
				if err := Write(&buf, d, Options{}); err != nil {
					errs <- err
				} else if !bytes.Equal(buf.Bytes(), want[i]) {
					errs <- fmt.Errorf("document %d differs when written concurrently", i)
				}
			})
		}
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
}

// BenchmarkWriteHansa writes the hansa sample's HTML (fonts included) into a fresh
// buffer, as kep render does; the document is built once, outside the loop. "cold"
// empties the buffer pool first, as in a process that writes one document.
func BenchmarkWriteHansa(b *testing.B) {
	p := loadPlan(b, "../../samples/accounts/hansa.toml")
	d, err := render.Build(p, check.Compute(p, testNow), render.Options{Now: testNow})
	if err != nil {
		b.Fatal(err)
	}
	for _, cold := range []bool{false, true} {
		name := "warm"
		if cold {
			name = "cold"
		}
		b.Run(name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if cold {
					bufs = sync.Pool{New: bufs.New}
				}
				var buf bytes.Buffer
				if err := Write(&buf, d, Options{}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func TestContainsAcross(t *testing.T) {
	for _, parts := range [][]string{
		{"", "", ""}, {"<em>"}, {"a<e", "m>b"}, {"<", "e", "", "m", ">"}, {"x<", "em", ">"},
		{"<e", "x", "m>"}, {"<em", ""}, {"abc", "<em", "<em", ">"}, {"<<", "e", "m>"}, {"<e", "<em", "x"},
	} {
		var bs [][]byte
		for _, p := range parts {
			bs = append(bs, []byte(p))
		}
		if got, want := containsAcross(bs, "<em>"), strings.Contains(strings.Join(parts, ""), "<em>"); got != want {
			t.Errorf("containsAcross(%q) = %v, want %v", parts, got, want)
		}
	}
}

// plainWriter hides a bytes.Buffer behind io.Writer: Write then takes its other way
// (writeTo: the chapters hyphenated into a buffer of their own, the fonts behind the
// frame).
type plainWriter struct{ b bytes.Buffer }

func (w *plainWriter) Write(p []byte) (int, error) { return w.b.Write(p) }

// TestWriterKinds: a bytes.Buffer (the chapters hyphenated in place) and any other
// writer get the same bytes, with the fonts and without, hyphenated and not.
func TestWriterKinds(t *testing.T) {
	for _, file := range samples(t) {
		p := loadPlan(t, file)
		d, err := render.Build(p, check.Compute(p, testNow), render.Options{Now: testNow, KepVersion: "test"})
		if err != nil {
			t.Fatal(err)
		}
		// Japanese has no patterns: the chapters stay as written.
		unhyphenated := *d
		unhyphenated.Lang = "ja"
		hyphens := 0
		for _, c := range []struct {
			d   *render.Document
			opt Options
		}{{d, Options{}}, {d, Options{NoFont: true}}, {&unhyphenated, Options{}}} {
			d, opt := c.d, c.opt
			var buf bytes.Buffer
			var plain plainWriter
			if err := Write(&buf, d, opt); err != nil {
				t.Fatal(err)
			}
			if err := Write(&plain, d, opt); err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(buf.Bytes(), plain.b.Bytes()) {
				t.Errorf("%s %s %+v: a bytes.Buffer and another writer get different pages: %s", file, d.Lang, opt, firstDiff(buf.String(), plain.b.String()))
			}
			if !opt.NoFont && !bytes.Contains(buf.Bytes(), []byte("@font-face")) {
				t.Errorf("%s: no fonts", file)
			}
			soft := bytes.Count(buf.Bytes(), []byte(softHyphen))
			if d == &unhyphenated && soft > 0 && soft >= hyphens {
				t.Errorf("%s: %d soft hyphens unhyphenated, %d hyphenated", file, soft, hyphens)
			} else if d != &unhyphenated {
				hyphens = soft
			}
		}
	}
}
