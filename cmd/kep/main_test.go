package main

import (
	"os"
	"path/filepath"
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
	testscript.Run(t, testscript.Params{
		Dir: "testdata/script",
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
