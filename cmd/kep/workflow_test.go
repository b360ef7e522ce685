package main

import (
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"
)

// TestPreCommitHook runs hooks/pre-commit in real temporary git repositories, with the
// test binary as kep on PATH (TestMain).
func TestPreCommitHook(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git not installed")
	}
	hook, err := filepath.Abs("../../hooks/pre-commit")
	if err != nil {
		t.Fatal(err)
	}
	testscript.Run(t, testscript.Params{
		Dir: "testdata/hooks",
		Setup: func(env *testscript.Env) error {
			env.Setenv("HOOK", hook)
			return nil
		},
	})
}
