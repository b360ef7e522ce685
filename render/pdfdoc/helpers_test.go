package pdfdoc

import (
	"bytes"
	"flag"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/kepdev/kep/plan"
	"github.com/kepdev/kep/plan/check"
	"github.com/kepdev/kep/render"
	"github.com/kepdev/kep/render/rendertest"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

var testNow = time.Date(2027, 3, 15, 9, 30, 0, 0, time.UTC)

// samples lists the sample plans by name.
func samples(t testing.TB) []string {
	t.Helper()
	paths, err := filepath.Glob(filepath.Join("..", "..", "samples", "accounts", "*.toml"))
	if err != nil || len(paths) == 0 {
		t.Fatalf("no sample plans: %v", err)
	}
	var names []string
	for _, p := range paths {
		names = append(names, strings.TrimSuffix(filepath.Base(p), ".toml"))
	}
	return names
}

// loadSample loads a sample plan.
func loadSample(t testing.TB, name string) *plan.Plan {
	t.Helper()
	path := filepath.Join("..", "..", "samples", "accounts", name+".toml")
	pl, diags := (&check.Loader{Now: testNow}).LoadPlan(path)
	if diags.HasErrors() {
		t.Fatalf("load %s: %v", name, diags)
	}
	return pl
}

// checkedPlan is a plan the tool checks run on, by name and path.
type checkedPlan struct{ name, path string }

// checkedPlans are the samples and, for every document language no sample is written in,
// rendertest's plan in that language (French): every language passes the same checks.
func checkedPlans(t testing.TB) []checkedPlan {
	t.Helper()
	var out []checkedPlan
	langs := map[string]bool{}
	for _, name := range samples(t) {
		out = append(out, checkedPlan{name, filepath.Join("..", "..", "samples", "accounts", name+".toml")})
		langs[loadSample(t, name).Lang] = true
	}
	for _, lp := range rendertest.LanguagePlans(t) {
		if !langs[lp.Lang] {
			out = append(out, checkedPlan{lp.Name(), lp.Path})
		}
	}
	return out
}

// loadPath loads a plan that must have no errors.
func loadPath(t testing.TB, path string) *plan.Plan {
	t.Helper()
	pl, diags := (&check.Loader{Now: testNow}).LoadPlan(path)
	if diags.HasErrors() {
		t.Fatalf("load %s: %v", path, diags)
	}
	return pl
}

// build makes the document of a plan.
func build(t testing.TB, pl *plan.Plan) *render.Document {
	t.Helper()
	d, err := render.Build(pl, check.Compute(pl, testNow), render.Options{Now: testNow, KepVersion: "test"})
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func sampleDoc(t testing.TB, name string) *render.Document {
	return build(t, loadSample(t, name))
}

// writePDF writes d and fails the test on an error.
func writePDF(t testing.TB, d *render.Document) ([]byte, Result) {
	t.Helper()
	var buf bytes.Buffer
	res, err := Write(&buf, d, Options{Now: testNow, KepVersion: "test"})
	if err != nil {
		t.Fatalf("Write: %v", err)
	}
	if res.Pages < 1 || buf.Len() == 0 {
		t.Fatalf("Write: %d pages, %d bytes", res.Pages, buf.Len())
	}
	return buf.Bytes(), res
}

// run runs a tool on a PDF written to a temporary file and returns its standard output.
func run(t testing.TB, pdf []byte, name string, args ...string) string {
	t.Helper()
	path := rendertest.Tool(t, name)
	file := filepath.Join(t.TempDir(), "doc.pdf")
	if err := os.WriteFile(file, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	for i, a := range args {
		if a == "FILE" {
			args[i] = file
		}
	}
	cmd := exec.Command(path, args...)
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	if err := cmd.Run(); err != nil {
		t.Fatalf("%s %v: %v\n%s%s", name, args, err, out.String(), errb.String())
	}
	return out.String()
}

// checkGolden compares got with testdata/name, or rewrites it with -update.
func checkGolden(t *testing.T, name string, got []byte) {
	t.Helper()
	rendertest.Golden(t, filepath.Join("testdata", name), got, *update)
}
