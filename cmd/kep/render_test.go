package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestRenderBatch renders 50 plans in parallel with one broken among them: the other 49
// get their documents, the broken one is named and gets none, the exit status is 1, and
// every document is byte-identical to rendering its plan alone. Run under -race, it also
// checks that the workers share loaders, templates and fonts safely.
func TestRenderBatch(t *testing.T) {
	if testing.Short() {
		t.Skip("renders 50 plans")
	}
	t.Setenv("SOURCE_DATE_EPOCH", "1795737600")
	dir := t.TempDir()
	if err := os.CopyFS(filepath.Join(dir, "ws"), os.DirFS("../../samples")); err != nil {
		t.Fatal(err)
	}
	srcs := []string{"hansa", "brightwater", "minimal"}
	var plans []string
	for i := 0; i < 50; i++ {
		name := filepath.Join(dir, "ws", "accounts", fmt.Sprintf("plan%02d.toml", i))
		data, err := os.ReadFile(filepath.Join(dir, "ws", "accounts", srcs[i%3]+".toml"))
		if err != nil {
			t.Fatal(err)
		}
		if i == 17 {
			data = []byte("format = 1\n[plan]\naccount = \"Kaputt\"\nfrom = 2027-01-01\nto = 2026-01-01\n")
		}
		if err := os.WriteFile(name, data, 0o644); err != nil {
			t.Fatal(err)
		}
		plans = append(plans, name)
	}
	out := filepath.Join(dir, "out")
	var stdout, stderr bytes.Buffer
	code := run(append([]string{"render", "-j", "4", "-o", out}, plans...), &stdout, &stderr)
	if code != exitPlan {
		t.Fatalf("exit status %d, want %d; stderr:\n%s", code, exitPlan, stderr.String())
	}
	// Errors come first, before the warnings of the minimal plans.
	broken := plans[17] + ":5:1: plan.to: "
	if !strings.HasPrefix(stderr.String(), broken) {
		t.Errorf("stderr does not start with %q:\n%s", broken, stderr.String())
	}
	// Then one line for each of the 49 × 2 documents written.
	if n := strings.Count(stderr.String(), "\n"); n != 1+15*7+49*2 {
		t.Errorf("%d lines on stderr, want the error, 7 warnings for each of 15 minimal plans and a line for each of 98 documents", n)
	}
	if n := strings.Count(stderr.String(), "\nwrote "+out+string(filepath.Separator)); n != 98 {
		t.Errorf("%d documents named as written, want 98:\n%s", n, stderr.String())
	}
	if stdout.Len() > 0 {
		t.Errorf("stdout not empty: %q", stdout.String())
	}
	entries, err := os.ReadDir(out)
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) != 49*2 {
		t.Errorf("%d files in the output folder, want %d", len(entries), 49*2)
	}
	for _, ext := range []string{"pdf", "html"} {
		if _, err := os.Stat(filepath.Join(out, "plan17."+ext)); err == nil {
			t.Errorf("plan17.%s written for a broken plan", ext)
		}
	}
	// Rendering alone gives the same bytes (a few of each kind, to keep the test short).
	alone := filepath.Join(dir, "alone")
	for _, i := range []int{0, 1, 2, 48, 49} {
		stderr.Reset()
		if code := run([]string{"render", "-j", "1", "-o", alone, plans[i]}, &stdout, &stderr); code != exitOK {
			t.Fatalf("plan%02d alone: exit %d: %s", i, code, stderr.String())
		}
		for _, ext := range []string{"pdf", "html"} {
			name := fmt.Sprintf("plan%02d.%s", i, ext)
			a, err1 := os.ReadFile(filepath.Join(out, name))
			b, err2 := os.ReadFile(filepath.Join(alone, name))
			if err1 != nil || err2 != nil {
				t.Fatalf("read %s: %v %v", name, err1, err2)
			}
			if !bytes.Equal(a, b) {
				t.Errorf("%s differs between the batch and rendering it alone", name)
			}
		}
	}
}

// TestProgressLine checks the line drawn on a terminal: count, elapsed time and file, each
// redraw overwriting the last one, and a clean line at the end.
func TestProgressLine(t *testing.T) {
	var buf bytes.Buffer
	p := newProgress(&buf, 2)
	p.on = true
	p.start("accounts/a-long-name.toml")
	p.done()
	p.start("b.toml")
	p.done()
	p.finish()
	got := buf.String()
	for _, want := range []string{"\rkep render: 0/2  ", "accounts/a-long-name.toml", "\rkep render: 2/2  "} {
		if !strings.Contains(got, want) {
			t.Errorf("progress output %q lacks %q", got, want)
		}
	}
	// The shorter line after the long one is padded so no old characters remain.
	if !strings.HasSuffix(got, "\r"+strings.Repeat(" ", len([]rune(lastLine(got))))+"\r") {
		t.Errorf("progress does not end with a cleared line: %q", got)
	}
	// Nothing at all when the writer is not a terminal.
	buf.Reset()
	q := newProgress(&buf, 1)
	q.start("x.toml")
	q.done()
	q.finish()
	if buf.Len() != 0 {
		t.Errorf("progress wrote %q to a non-terminal", buf.String())
	}
}

// lastLine returns the last drawn progress line (between the last two "\r" before the
// clearing sequence).
func lastLine(s string) string {
	parts := strings.Split(strings.TrimSuffix(s, "\r"), "\r")
	if len(parts) < 3 {
		return ""
	}
	return strings.TrimRight(parts[len(parts)-2], " ")
}
