package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestPartialOutputNone: with PDF and HTML written side by side, the HTML's temporary
// file is written as soon as the HTML is done, while the PDF is still being made, and
// only renamed into place when every format succeeded: a PDF that fails leaves neither
// hansa.html nor a temporary file; one that succeeds leaves both documents and no
// temporary file.
func TestPartialOutputNone(t *testing.T) {
	t.Setenv("SOURCE_DATE_EPOCH", "1795737600")
	plan := filepath.Join("..", "..", "samples", "accounts", "minimal.toml")
	defer func(w func(string)) { testHookWrite = w }(testHookWrite)
	for _, fail := range []bool{false, true} {
		out := filepath.Join(t.TempDir(), "out")
		sawTemp := false
		testHookWrite = func(format string) {
			if format != "pdf" {
				return
			}
			// The PDF waits until the HTML's temporary file is there.
			for end := time.Now().Add(20 * time.Second); time.Now().Before(end) && !sawTemp; time.Sleep(time.Millisecond) {
				entries, _ := os.ReadDir(out)
				for _, e := range entries {
					if isKepTemp(e.Name()) && strings.HasPrefix(e.Name(), ".minimal.html.") {
						sawTemp = true
					}
				}
			}
			if fail {
				panic("pdf boom")
			}
		}
		var stdout, stderr bytes.Buffer
		code := run([]string{"render", "-j", "4", "-f", "pdf,html", "-o", out, plan}, &stdout, &stderr)
		if !sawTemp {
			t.Errorf("fail=%v: the HTML's temporary file was not written while the PDF was made", fail)
		}
		entries, _ := os.ReadDir(out)
		var names []string
		for _, e := range entries {
			names = append(names, e.Name())
		}
		want := "minimal.html minimal.pdf"
		if fail {
			want = ""
			if code != exitUsage || !strings.Contains(stderr.String(), "pdf: internal error: pdf boom") {
				t.Errorf("exit %d, want %d and the panic named; stderr:\n%s", code, exitUsage, stderr.String())
			}
		} else if code != exitOK {
			t.Errorf("exit %d; stderr:\n%s", code, stderr.String())
		}
		if got := strings.Join(names, " "); got != want {
			t.Errorf("fail=%v: the output folder holds %q, want %q", fail, got, want)
		}
	}
}
