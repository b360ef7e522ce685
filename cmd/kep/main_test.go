package main

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/rogpeppe/go-internal/testscript"
)

// TestMain lets the test binary act as the kep command inside the scripts: "exec kep …"
// runs run() in a child process of the test, with real exit statuses and output streams.
func TestMain(m *testing.M) {
	// The tests compare English messages: English unless a test asks for another
	// language (KEP_LANG=de in a script), whatever the machine's locale or a plan's lang.
	englishUnlessAsked()
	testscript.Main(m, map[string]func(){
		"kep": func() {
			englishUnlessAsked()
			os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
		},
	})
}

// englishUnlessAsked sets KEP_LANG=en unless it is set; a script that tests the choice
// of language sets it, to empty for the environment to decide (messages_lang.txtar).
func englishUnlessAsked() {
	if _, ok := os.LookupEnv("KEP_LANG"); !ok {
		os.Setenv("KEP_LANG", "en")
	}
}

// TestScripts runs one txtar script per behaviour from testdata/script. Each script starts
// with a copy of the samples in $WORK/samples and SOURCE_DATE_EPOCH set to 2026-11-27, so
// figures and warnings do not depend on the day the tests run.
func TestScripts(t *testing.T) {
	samples, err := filepath.Abs("../../samples")
	if err != nil {
		t.Fatal(err)
	}
	files, err := filepath.Glob(filepath.Join("testdata", "script", "*.txtar"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no scripts: %v", err)
	}
	if testing.Short() {
		files = slices.DeleteFunc(files, func(f string) bool {
			return notShort[strings.TrimSuffix(filepath.Base(f), ".txtar")]
		})
	}
	testscript.Run(t, testscript.Params{
		Files: files,
		Setup: func(env *testscript.Env) error {
			env.Setenv("SOURCE_DATE_EPOCH", "1795737600") // 2026-11-27T00:00:00Z
			return os.CopyFS(filepath.Join(env.WorkDir, "samples"), os.DirFS(samples))
		},
		Cmds: map[string]func(ts *testscript.TestScript, neg bool, args []string){
			// mtime FILE YYYY-MM-DD sets a file's modification time (the document date
			// when SOURCE_DATE_EPOCH is not set).
			"mtime": func(ts *testscript.TestScript, neg bool, args []string) {
				if neg || len(args) != 2 {
					ts.Fatalf("usage: mtime FILE YYYY-MM-DD")
				}
				d, err := time.Parse("2006-01-02", args[1])
				ts.Check(err)
				ts.Check(os.Chtimes(ts.MkAbs(args[0]), d, d))
			},
		},
	})
}

// notShort are the scripts that go test -short (make check) leaves to the full run (make
// test, CI): the costliest ones whose command another script also runs — kep diff against
// git revisions (diff_files diffs files), the one-pager and slides (their packages test
// them), --since, the English scaffold (init_de), time zones, SOURCE_DATE_EPOCH, plans
// named twice, portfolios that do not belong together. A new script runs in both.
var notShort = map[string]bool{
	"diff_git":              true,
	"render_onepage_slides": true,
	"render_since":          true,
	"init_en":               true,
	"timezone":              true,
	"source_date_epoch":     true,
	"same_plan_twice":       true,
	"portfolio_errors":      true,
}

func TestGithubAnnotationEscapes(t *testing.T) {
	got := escapeProperty("a:b,c%d\n") + " " + escapeData("x: 50%,\r\ny")
	want := "a%3Ab%2Cc%25d%0A x: 50%25,%0D%0Ay"
	if got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

// kep init onto an existing file is wrong usage, exit 2: exit 1 means a plan with errors.
func TestInitExistingIsUsage(t *testing.T) {
	dir := t.TempDir()
	plan := filepath.Join(dir, "plan.toml")
	if err := os.WriteFile(plan, []byte("format = 1\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if code, _, stderr := runKep(dir, "init", plan); code != exitUsage || !strings.Contains(stderr, "already exists") {
		t.Errorf("exit %d, stderr %q; want 2 and 'already exists'", code, stderr)
	}
}
