package pdfdoc

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/kepdev/kep"
	"github.com/kepdev/kep/render"
)

var testNow = time.Date(2027, 3, 15, 9, 30, 0, 0, time.UTC)

// sampleDoc loads a sample plan and builds its document.
func sampleDoc(t testing.TB, name string) *render.Document {
	t.Helper()
	path := filepath.Join("..", "..", "samples", "accounts", name+".toml")
	plan, diags := (&kep.Loader{Now: testNow}).LoadPlan(path)
	if diags.HasErrors() {
		t.Fatalf("load %s: %v", name, diags)
	}
	figs := kep.Compute(plan, testNow)
	d, err := render.Build(plan, figs, render.Options{Now: testNow, KepVersion: "test"})
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func TestDebugSample(t *testing.T) {
	out := os.Getenv("KEP_PDF_OUT")
	if out == "" {
		t.Skip("KEP_PDF_OUT not set")
	}
	d := sampleDoc(t, "hansa")
	var buf bytes.Buffer
	res, err := Write(&buf, d, Options{Now: testNow, KepVersion: "test"})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("pages %d, %d bytes, replaced %q", res.Pages, buf.Len(), res.Replaced)
	if err := os.WriteFile(out, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}
