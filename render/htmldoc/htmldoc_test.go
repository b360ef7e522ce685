package htmldoc

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/kepdev/kep"
	"github.com/kepdev/kep/render"
)

var update = flag.Bool("update", false, "rewrite the golden files")

var testNow = time.Date(2027, 4, 30, 0, 0, 0, 0, time.UTC)

func loadPlan(t testing.TB, path string) *kep.Plan {
	t.Helper()
	l := &kep.Loader{Now: testNow}
	p, diags := l.LoadPlan(path)
	if diags.HasErrors() {
		t.Fatalf("load %s: %v", path, diags)
	}
	return p
}

func renderPlan(t testing.TB, p *kep.Plan) []byte {
	t.Helper()
	d, err := render.Build(p, kep.Compute(p, testNow), render.Options{Now: testNow, KepVersion: "test"})
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
			golden := filepath.Join("testdata", name+".html.golden")
			if *update {
				if err := os.WriteFile(golden, out, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run with -update)", err)
			}
			if !bytes.Equal(out, want) {
				t.Errorf("%s differs from %s:\n%s", name, golden, firstDiff(string(want), string(out)))
			}
		})
	}
}

// firstDiff shows the first differing line with a few lines of context.
func firstDiff(want, got string) string {
	wl, gl := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := 0; i < len(wl) || i < len(gl); i++ {
		var w, g string
		if i < len(wl) {
			w = wl[i]
		}
		if i < len(gl) {
			g = gl[i]
		}
		if w != g {
			return "line " + itoa(i+1) + ":\n- " + clip(w) + "\n+ " + clip(g)
		}
	}
	return "(no line differs)"
}

func clip(s string) string {
	if len(s) > 300 {
		return s[:300] + "…"
	}
	return s
}

func itoa(i int) string { return strings.TrimSpace(strings.Repeat(" ", 0) + fmtInt(i)) }

func fmtInt(i int) string {
	if i == 0 {
		return "0"
	}
	var b []byte
	for ; i > 0; i /= 10 {
		b = append([]byte{byte('0' + i%10)}, b...)
	}
	return string(b)
}
