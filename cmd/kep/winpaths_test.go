package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/kepdev/kep/plan"
)

// A pattern the shell did not expand (cmd.exe and PowerShell never do) is expanded by
// kep: accounts\*.toml names the plans in accounts, sorted; one that matches nothing
// says so; a file really named with a star is taken as it is.
func TestExpandPatterns(t *testing.T) {
	dir := planDir(t, map[string]string{
		"accounts/b.toml": fmt.Sprintf(minimalPlan, "B"),
		"accounts/a.toml": fmt.Sprintf(minimalPlan, "A"),
		"accounts/x.txt":  "no plan",
		"odd/a*b.toml":    fmt.Sprintf(minimalPlan, "Star"),
	})
	acc := filepath.Join(dir, "accounts")
	got, err := expandPatterns([]string{filepath.Join(acc, "*.toml"), "plain.toml"})
	want := []string{filepath.Join(acc, "a.toml"), filepath.Join(acc, "b.toml"), "plain.toml"}
	if err != nil || strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("expandPatterns = %q, %v; want %q", got, err, want)
	}
	star := filepath.Join(dir, "odd", "a*b.toml")
	if got, err := expandPatterns([]string{star}); err != nil || len(got) != 1 || got[0] != star {
		t.Errorf("a file named with a star: %q, %v", got, err)
	}
	if _, err := expandPatterns([]string{filepath.Join(acc, "*.xml")}); err == nil || !strings.HasSuffix(err.Error(), "*.xml: no file matches") {
		t.Errorf("no match: %v", err)
	}
	if _, err := expandPatterns([]string{filepath.Join(acc, "[.toml")}); err == nil || !strings.Contains(err.Error(), "not a valid pattern") {
		t.Errorf("bad pattern: %v", err)
	}

	// Through the commands: validate checks both plans; a pattern without a match is
	// exit 2 with the pattern named; kep init takes its FILE literally.
	var stderr bytes.Buffer
	if code := run([]string{"validate", filepath.Join(acc, "*.toml")}, io.Discard, &stderr); code != exitOK {
		t.Errorf("validate pattern: exit %d\n%s", code, stderr.String())
	}
	stderr.Reset()
	if code := run([]string{"render", "-o", t.TempDir(), filepath.Join(acc, "*.plan")}, io.Discard, &stderr); code != exitUsage ||
		!strings.Contains(stderr.String(), "kep render: "+filepath.Join(acc, "*.plan")+": no file matches") {
		t.Errorf("render without match: exit %d\n%s", code, stderr.String())
	}
	stderr.Reset()
	out := t.TempDir()
	if code := run([]string{"render", "-q", "-o", out, filepath.Join(acc, "?.toml")}, io.Discard, &stderr); code != exitOK {
		t.Errorf("render pattern: exit %d\n%s", code, stderr.String())
	}
	for _, f := range []string{"a.pdf", "b.html"} {
		if _, err := os.Stat(filepath.Join(out, f)); err != nil {
			t.Error(err)
		}
	}
	stderr.Reset()
	if code := run([]string{"serve", filepath.Join(acc, "*.none")}, io.Discard, &stderr); code != exitUsage ||
		!strings.Contains(stderr.String(), "no file matches") {
		t.Errorf("serve without match: exit %d\n%s", code, stderr.String())
	}
}

// Messages keep the file:line:col: prefix parseable with Windows paths: a drive letter
// and backslashes come out as they are, before the line and column.
func TestWindowsPathInMessages(t *testing.T) {
	d := plan.Diagnostic{File: `C:\plans\accounts\hansa.toml`, Line: 3, Col: 1, Path: "plan.from", Message: "not a date"}
	if got, want := d.String(), `C:\plans\accounts\hansa.toml:3:1: plan.from: not a date`; got != want {
		t.Errorf("String() = %q, want %q", got, want)
	}
	// The pattern editors and CI problem matchers use: the file is everything up to the
	// last ":LINE:COL:" before the message.
	m := regexp.MustCompile(`^(.*):(\d+):(\d+): (.*)$`).FindStringSubmatch(d.String())
	if m == nil || m[1] != d.File || m[2] != "3" || m[3] != "1" {
		t.Errorf("not parseable: %q", m)
	}
	if got := githubAnnotation(d); got != `::error file=C%3A\plans\accounts\hansa.toml,line=3,col=1::plan.from: not a date` {
		t.Errorf("annotation %q", got)
	}
}

// A plan saved with Windows line ends (CRLF) loads, its findings name the right lines,
// and no message carries a carriage return.
func TestCRLFPlan(t *testing.T) {
	pl := strings.Join([]string{
		"# a plan written on Windows",
		"format = 1",
		"",
		"[plan]",
		`account = "Müller GmbH"`,
		"from = 2027-01-01",
		"to = 2027-12-31",
		"",
		"[selection]",
		"revenue = -1",
		`unknown = "x"`,
		"",
	}, "\r\n")
	dir := planDir(t, map[string]string{"crlf.toml": pl})
	var stderr bytes.Buffer
	if code := run([]string{"validate", filepath.Join(dir, "crlf.toml")}, io.Discard, &stderr); code != exitPlan {
		t.Fatalf("exit %d\n%s", code, stderr.String())
	}
	out := stderr.String()
	if strings.Contains(out, "\r") {
		t.Errorf("a message carries a carriage return: %q", out)
	}
	if !regexp.MustCompile(`crlf\.toml:1[01]:\d+: selection\.`).MatchString(out) {
		t.Errorf("findings do not name lines 10 or 11:\n%s", out)
	}
	for _, l := range strings.Split(strings.TrimSpace(out), "\n") {
		if !regexp.MustCompile(`crlf\.toml:(10|11):\d+: `).MatchString(l) {
			t.Errorf("finding on an unexpected line: %s", l)
		}
	}

	// Valid with CRLF: it renders, and the serve error page quotes lines without \r.
	valid := strings.Replace(strings.Replace(pl, "revenue = -1", "revenue = 1", 1), "unknown = \"x\"\r\n", "", 1)
	writePlan(t, filepath.Join(dir, "ok.toml"), valid)
	stderr.Reset()
	if code := run([]string{"render", "-q", "-o", t.TempDir(), filepath.Join(dir, "ok.toml")}, io.Discard, &stderr); code != exitOK {
		t.Errorf("render CRLF: exit %d\n%s", code, stderr.String())
	}
	_, ts := newTestPreview(t, filepath.Join(dir, "crlf.toml"))
	_, body := get(t, ts.URL+"/plan/1")
	if strings.Contains(body, "\r") || !strings.Contains(body, "revenue = -1") {
		t.Errorf("error page: carriage return or no quoted line:\n%s", tail(body, 2000))
	}
}

// When the port is taken, kep serve names it and the address to try.
func TestServePortTaken(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	addr := ln.Addr().String()
	dir := planDir(t, map[string]string{"a.toml": fmt.Sprintf(minimalPlan, "A")})
	var stderr bytes.Buffer
	code := runServeContext(context.Background(), []string{"--addr", addr, filepath.Join(dir, "a.toml")}, io.Discard, &stderr)
	if want := "kep serve: " + addr + " is in use by another program (another kep serve?); try another port: --addr " + nextPort(addr) + "\n"; code != exitUsage || stderr.String() != want {
		t.Errorf("exit %d, %q; want %q", code, stderr.String(), want)
	}
	if got := nextPort("127.0.0.1:8080"); got != "127.0.0.1:8081" {
		t.Errorf("nextPort = %q", got)
	}
	if got := nextPort("[::1]:9000"); got != "[::1]:9001" {
		t.Errorf("nextPort = %q", got)
	}
}
