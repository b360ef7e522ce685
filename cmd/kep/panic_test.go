package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A panic while one plan of a batch is rendered is that plan's failure: the other plans
// are still written, and kep reports it and exits 2. Also when the panic happens while a
// format is written on a goroutine of its own (one plan: PDF and HTML side by side).
func TestRenderPanicFailsOnlyThatPlan(t *testing.T) {
	t.Setenv("SOURCE_DATE_EPOCH", "1795737600")
	dir := t.TempDir()
	if err := os.CopyFS(filepath.Join(dir, "ws"), os.DirFS("../../samples")); err != nil {
		t.Fatal(err)
	}
	minimal, err := os.ReadFile(filepath.Join(dir, "ws", "accounts", "minimal.toml"))
	if err != nil {
		t.Fatal(err)
	}
	var plans []string
	for _, name := range []string{"a", "b", "c"} {
		p := filepath.Join(dir, "ws", "accounts", name+".toml")
		if err := os.WriteFile(p, minimal, 0o644); err != nil {
			t.Fatal(err)
		}
		plans = append(plans, p)
	}
	defer func(r func(string), w func(string)) { testHookRender, testHookWrite = r, w }(testHookRender, testHookWrite)

	testHookRender = func(path string) {
		if strings.HasSuffix(path, "b.toml") {
			panic("boom")
		}
	}
	out := filepath.Join(dir, "out")
	var stdout, stderr bytes.Buffer
	code := run(append([]string{"render", "-j", "2", "-o", out}, plans...), &stdout, &stderr)
	if code != exitUsage || !strings.Contains(stderr.String(), "b.toml: internal error: boom") {
		t.Fatalf("exit %d, want %d and the panic named; stderr:\n%s", code, exitUsage, stderr.String())
	}
	for _, f := range []string{"a.pdf", "a.html", "c.pdf", "c.html"} {
		if _, err := os.Stat(filepath.Join(out, f)); err != nil {
			t.Errorf("%s not written: %v", f, err)
		}
	}
	for _, f := range []string{"b.pdf", "b.html"} {
		if _, err := os.Stat(filepath.Join(out, f)); err == nil {
			t.Errorf("%s written for the plan that failed", f)
		}
	}

	testHookRender = func(string) {}
	testHookWrite = func(format string) {
		if format == "pdf" {
			panic("pdf boom")
		}
	}
	out2 := filepath.Join(dir, "out2")
	stderr.Reset()
	code = run([]string{"render", "-j", "4", "-o", out2, plans[0]}, &stdout, &stderr)
	if code != exitUsage || !strings.Contains(stderr.String(), "a.toml: pdf: internal error: pdf boom") {
		t.Fatalf("exit %d, want %d and the panic named; stderr:\n%s", code, exitUsage, stderr.String())
	}
	if _, err := os.Stat(filepath.Join(out2, "a.pdf")); err == nil {
		t.Error("a.pdf written although its writer panicked")
	}
}
