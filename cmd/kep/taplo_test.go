package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// taploPath finds the taplo CLI (npm @taplo/cli): $KEP_TAPLO, else taplo on PATH. Without
// it the test is skipped, unless KEP_REQUIRE_TOOLS=1 (CI) makes that a failure.
func taploPath(t *testing.T) string {
	t.Helper()
	if p := os.Getenv("KEP_TAPLO"); p != "" {
		return p
	}
	p, err := exec.LookPath("taplo")
	if err == nil {
		return p
	}
	if os.Getenv("KEP_REQUIRE_TOOLS") == "1" {
		t.Fatal("taplo not found (npm install -g @taplo/cli) and KEP_REQUIRE_TOOLS=1")
	}
	t.Skip("taplo not found; install it with npm install -g @taplo/cli")
	return ""
}

// taploCheck runs taplo check on files in dir, with the schema given on the command line
// when schema is not empty; it returns taplo's output and whether it passed.
func taploCheck(t *testing.T, taplo, dir, schema string, files ...string) (string, bool) {
	t.Helper()
	args := []string{"check", "--no-auto-config"}
	if schema != "" {
		args = append(args, "--schema", "file://"+schema)
	}
	cmd := exec.Command(taplo, append(args, files...)...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "NO_COLOR=1", "RUST_LOG=error")
	out, err := cmd.CombinedOutput()
	if _, ok := err.(*exec.ExitError); err != nil && !ok {
		t.Fatalf("taplo: %v", err)
	}
	return string(out), err == nil
}

// TestTaploSchema checks the output of kep schema with Taplo, the checker behind the
// "Even Better TOML" editor extension: the sample plans pass, and each file in
// testdata/taplo passes or fails with the message its "# want:" line names.
func TestTaploSchema(t *testing.T) {
	taplo := taploPath(t)
	var stdout, stderr bytes.Buffer
	if code := run([]string{"schema"}, &stdout, &stderr); code != 0 {
		t.Fatalf("kep schema: exit %d\n%s", code, stderr.String())
	}
	dir := t.TempDir()
	schema := filepath.Join(dir, "kep.schema.json")
	if err := os.WriteFile(schema, stdout.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}

	samples, err := filepath.Glob("../../samples/accounts/*.toml")
	if err != nil || len(samples) == 0 {
		t.Fatalf("no sample plans: %v", err)
	}
	for _, s := range samples {
		abs, _ := filepath.Abs(s)
		if out, ok := taploCheck(t, taplo, dir, schema, abs); !ok {
			t.Errorf("sample %s fails the schema:\n%s", s, out)
		}
	}

	cases, err := filepath.Glob("testdata/taplo/*.toml")
	if err != nil || len(cases) == 0 {
		t.Fatalf("no test plans: %v", err)
	}
	want := regexp.MustCompile(`(?m)^# want: (.*)$`)
	for _, c := range cases {
		t.Run(filepath.Base(c), func(t *testing.T) {
			src, err := os.ReadFile(c)
			if err != nil {
				t.Fatal(err)
			}
			m := want.FindSubmatch(src)
			if m == nil {
				t.Fatalf("%s has no # want: line", c)
			}
			name := filepath.Base(c)
			if err := os.WriteFile(filepath.Join(dir, name), src, 0o644); err != nil {
				t.Fatal(err)
			}
			// A file with its own #:schema line is checked through that line alone.
			sch := schema
			if bytes.HasPrefix(src, []byte("#:schema ")) {
				sch = ""
			}
			out, ok := taploCheck(t, taplo, dir, sch, name)
			expect := string(m[1])
			switch {
			case strings.HasPrefix(expect, "ok"):
				if !ok {
					t.Errorf("taplo rejects %s:\n%s", name, out)
				}
			case ok:
				t.Errorf("taplo accepts %s, want an error %q:\n%s", name, expect, out)
			case !strings.Contains(out, expect):
				t.Errorf("taplo's output for %s lacks %q:\n%s", name, expect, out)
			}
		})
	}
}
