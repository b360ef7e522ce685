package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const diffPlan = `format = 1
lang = "en"

[plan]
account = "Nordwerk AG"
from = 2027-01-01
to = 2027-12-31
version = "%s"
`

// The exact exit statuses of kep diff (testscript only tells zero from non-zero): 0 with
// or without changes, 1 on changes with --exit-code and for a version with errors, 2 for
// usage and git trouble.
func TestDiffExitStatus(t *testing.T) {
	dir := t.TempDir()
	write := func(name, content string) string {
		t.Helper()
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	v1 := write("v1.toml", strings.Replace(diffPlan, "%s", "1", 1))
	v2 := write("v2.toml", strings.Replace(diffPlan, "%s", "2", 1))
	bad := write("bad.toml", "format = 1\n[plan]\n")
	t.Setenv("SOURCE_DATE_EPOCH", "1795737600")
	t.Setenv("GIT_CEILING_DIRECTORIES", dir)

	for _, tt := range []struct {
		args []string
		want int
		out  string
	}{
		{[]string{v1, v2}, 0, "  - version: 1 → 2\n"},
		{[]string{v1, v1}, 0, "No changes."},
		{[]string{"--exit-code", v1, v1}, 0, "No changes."},
		{[]string{"--exit-code", v1, v2}, 1, "version: 1 → 2"},
		{[]string{bad, v2}, 1, ""},
		{[]string{v1, bad}, 1, ""},
		{[]string{}, 2, ""},
		{[]string{"--rev", "HEAD", v1, v2}, 2, ""},
		{[]string{v1}, 2, ""}, // not in a git repository
		{[]string{"-f", "odt", v1, v2}, 2, ""},
	} {
		var stdout, stderr bytes.Buffer
		got := runDiff(tt.args, &stdout, &stderr)
		if got != tt.want || !strings.Contains(stdout.String(), tt.out) {
			t.Errorf("kep diff %q: status %d, want %d\nstdout: %s\nstderr: %s", tt.args, got, tt.want, stdout.String(), stderr.String())
		}
	}
}
