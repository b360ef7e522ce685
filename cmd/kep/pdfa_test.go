package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kepdev/kep/render/rendertest"
)

// TestEveryPDFIsPDFA requires zero findings of Apache PDFBox Preflight (PDF/A-1b) and a
// structure tree for every PDF kep writes from the samples: the plan documents (hansa
// with its review of 2026), the portfolio report, the change report, the one-pager and
// the slides.
func TestEveryPDFIsPDFA(t *testing.T) {
	if testing.Short() {
		t.Skip("preflight starts a JVM per document")
	}
	t.Setenv("SOURCE_DATE_EPOCH", "1796000000")
	s := filepath.Join("..", "..", "samples")
	acc := func(n string) string { return filepath.Join(s, "accounts", n+".toml") }
	out := t.TempDir()
	runs := [][]string{
		{"render", "-q", "-f", "pdf,onepage,slides", "-o", out, "--previous", filepath.Join(s, "previous", "hansa-2026.toml"), acc("hansa")},
		{"render", "-q", "-f", "pdf", "-o", out, acc("brightwater"), acc("minimal")},
		{"portfolio", "-q", "-f", "pdf", "-o", out, acc("hansa"), acc("brightwater"), acc("minimal")},
		{"diff", "-q", "-f", "pdf", "-o", filepath.Join(out, "changes"), filepath.Join(s, "previous", "hansa-2026.toml"), acc("hansa")},
	}
	for _, args := range runs {
		var stdout, stderr bytes.Buffer
		if code := run(args, &stdout, &stderr); code != 0 {
			t.Fatalf("kep %s: exit %d\n%s", strings.Join(args, " "), code, stderr.String())
		}
	}
	var pdfs []string
	err := filepath.WalkDir(out, func(p string, d os.DirEntry, err error) error {
		if err == nil && strings.HasSuffix(p, ".pdf") {
			pdfs = append(pdfs, p)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(pdfs) < 7 {
		t.Fatalf("%d PDFs written, want 7 or more: %v", len(pdfs), pdfs)
	}
	for _, p := range pdfs {
		pdf, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		name := filepath.Base(p)
		if f := rendertest.Preflight(t, pdf); len(f) > 0 {
			t.Errorf("%s: %d preflight findings, first: %s", name, len(f), strings.Join(f[:min(5, len(f))], "\n"))
		}
		for _, want := range []string{"/StructTreeRoot ", "/MarkInfo <</Marked true>>", "/Type /StructElem /S /P "} {
			if !bytes.Contains(pdf, []byte(want)) {
				t.Errorf("%s: no %q", name, want)
			}
		}
	}
}
