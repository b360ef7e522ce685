package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/kepdev/kep/render/rendertest"
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
	rendertest.Missing(t, "taplo (npm install -g @taplo/cli)")
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
	if testing.Short() {
		// @taplo/cli is a Node.js program that needs seconds to start; six runs
		// were most of make check's time. make test (CI) runs it.
		t.Skip("taplo: not in -short (make test runs it)")
	}
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

	// Taplo starts slowly (a 35 MB script), so files are checked in a few batches: the
	// valid ones together, the wrong ones together (each error names its file), and each
	// file that names its schema itself on its own.
	samples, err := filepath.Glob("../../samples/accounts/*.toml")
	if err != nil || len(samples) == 0 {
		t.Fatalf("no sample plans: %v", err)
	}
	var valid []string
	for _, s := range samples {
		abs, _ := filepath.Abs(s)
		valid = append(valid, abs)
	}
	cases, err := filepath.Glob("testdata/taplo/*.toml")
	if err != nil || len(cases) == 0 {
		t.Fatalf("no test plans: %v", err)
	}
	want := regexp.MustCompile(`(?m)^# want: (.*)$`)
	wrong := map[string]string{} // file → expected message
	for _, c := range cases {
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
		expect := string(m[1])
		ok := strings.HasPrefix(expect, "ok")
		switch {
		case bytes.HasPrefix(src, []byte("#:schema ")):
			// Checked through its own #:schema line alone.
			out, passed := taploCheck(t, taplo, dir, "", name)
			if passed != ok || (!ok && !strings.Contains(out, expect)) {
				t.Errorf("%s: taplo passed=%v, want %q:\n%s", name, passed, expect, out)
			}
		case ok:
			valid = append(valid, name)
		default:
			wrong[name] = expect
		}
	}
	if out, ok := taploCheck(t, taplo, dir, schema, valid...); !ok {
		t.Errorf("valid plans fail the schema:\n%s", out)
	}
	names := make([]string, 0, len(wrong))
	for name := range wrong {
		names = append(names, name)
	}
	sort.Strings(names)
	out, ok := taploCheck(t, taplo, dir, schema, names...)
	if ok {
		t.Errorf("taplo accepts the wrong plans %v:\n%s", names, out)
	}
	for _, name := range names {
		// Each finding is "error: MESSAGE" followed by a line naming file:line:col.
		found := regexp.MustCompile(`(?m)^error: .*` + regexp.QuoteMeta(wrong[name]) + `.*\n.*` + regexp.QuoteMeta(name) + `:\d+`).MatchString(out)
		if !found {
			t.Errorf("taplo does not report %q for %s:\n%s", wrong[name], name, out)
		}
	}

	// The .taplo.toml of the guide (docs/guide.*.md, section 8) applies the schema to the
	// plans below accounts/ when taplo runs from the repository root.
	t.Run("taplo.toml", func(t *testing.T) {
		var ws bytes.Buffer
		if code := run([]string{"schema", "--workspace"}, &ws, &stderr); code != 0 {
			t.Fatalf("kep schema --workspace: exit %d\n%s", code, stderr.String())
		}
		sampleWS, err := os.ReadFile("../../samples/kep.toml")
		if err != nil {
			t.Fatal(err)
		}
		repo := t.TempDir()
		files := map[string]string{
			"kep.schema.json":           stdout.String(),
			"kep.workspace.schema.json": ws.String(),
			".taplo.toml":               guideTaploConfig(t),
			"kep.toml":                  string(sampleWS),
			"accounts/good.toml":        "format = 1\n\n[plan]\naccount = \"A\"\nfrom = 2027-01-01\nto = 2027-12-31\n",
			"accounts/wrong.toml":       "format = 1\nlang = \"fr\"\n",
			"sub/kep.toml":              "[visits]\nkams = \"drei\"\n",
		}
		for name, content := range files {
			p := filepath.Join(repo, name)
			if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		cmd := exec.Command(taplo, "check", "kep.toml", "sub/kep.toml", "accounts/good.toml", "accounts/wrong.toml")
		cmd.Dir = repo
		cmd.Env = append(os.Environ(), "NO_COLOR=1", "RUST_LOG=error")
		b, err := cmd.CombinedOutput()
		out := string(b)
		if err == nil {
			t.Errorf("taplo accepts the wrong files under .taplo.toml:\n%s", out)
		}
		for _, want := range []string{"wrong.toml:2:", "sub/kep.toml:2:"} {
			if !strings.Contains(out, want) {
				t.Errorf("no error at %s under .taplo.toml:\n%s", want, out)
			}
		}
		for _, good := range []string{"good.toml:", " kep.toml:", "/kep.toml:"} {
			if strings.Contains(strings.ReplaceAll(out, "sub/kep.toml", ""), good) {
				t.Errorf("a valid file fails under .taplo.toml (%s):\n%s", good, out)
			}
		}
	})
}

// guideTaploConfig is the .taplo.toml that docs/guide.en.md shows in its section 8.
func guideTaploConfig(t *testing.T) string {
	t.Helper()
	guide, err := os.ReadFile("../../docs/guide.en.md")
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile("(?s)```toml\n(\\[\\[rule\\]\\].*?)```").FindSubmatch(guide)
	if m == nil {
		t.Fatal("docs/guide.en.md shows no .taplo.toml")
	}
	return string(m[1])
}
