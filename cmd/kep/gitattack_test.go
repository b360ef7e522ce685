package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kepdev/kep/render/rendertest"
)

// gitAttackRepo builds the attack of issue 13 in a temporary repository: a pull request
// adds only ordinary files under accounts/ — HEAD, refs/remotes/origin/main naming a
// commit that does not exist, an empty objects/pack/ and a config with core.worktree, a
// promisor remote whose uploadpack is a shell command, and core.fsmonitor. git run in
// accounts/ takes that folder for a bare repository: its lazy fetch and its fsmonitor each
// run a command. Both commands would create a marker file; the test returns the plan and
// the markers. The same payload also sits in the repository's real .git/config (a
// promisor remote of the user's own): no git command of kep's may start a transport.
func gitAttackRepo(t *testing.T) (plan string, markers []string) {
	t.Helper()
	rendertest.Tool(t, "git")
	dir := t.TempDir()
	t.Setenv("GIT_CEILING_DIRECTORIES", filepath.Dir(dir))
	t.Setenv("SOURCE_DATE_EPOCH", "1795737600")
	git := func(args ...string) {
		t.Helper()
		cmd := exec.Command("git", args...)
		cmd.Dir = dir
		cmd.Env = append(os.Environ(), "GIT_CONFIG_NOSYSTEM=1", "GIT_CONFIG_GLOBAL="+os.DevNull,
			"GIT_AUTHOR_NAME=A", "GIT_AUTHOR_EMAIL=a@example.com", "GIT_COMMITTER_NAME=A", "GIT_COMMITTER_EMAIL=a@example.com")
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("git %v: %v\n%s", args, err, out)
		}
	}
	write := func(name, content string) {
		t.Helper()
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	plan = filepath.Join(dir, "accounts", "hansa.toml")
	write("accounts/hansa.toml", strings.Replace(diffPlan, "%s", "1", 1))
	git("init", "-q")
	git("add", ".")
	git("commit", "-q", "-m", "plan")
	git("update-ref", "refs/remotes/origin/main", "HEAD")

	mark := func(name string) string {
		m := filepath.Join(dir, name)
		markers = append(markers, m)
		return "touch " + m + "; false"
	}
	const missing = "1111111111111111111111111111111111111111"
	write("accounts/HEAD", "ref: refs/heads/x\n")
	write("accounts/refs/remotes/origin/main", missing+"\n")
	write("accounts/refs/heads/.keep", "")
	write("accounts/objects/pack/.keep", "")
	write("accounts/config", `[core]
	repositoryformatversion = 1
	bare = false
	worktree = ..
	fsmonitor = "`+mark("FSMONITOR")+`"
[extensions]
	partialClone = origin
[remote "origin"]
	url = /nonexistent
	promisor = true
	uploadpack = "`+mark("UPLOADPACK")+`"
`)
	write("accounts/hansa.toml", strings.Replace(diffPlan, "%s", "2", 1))
	git("add", ".")
	git("commit", "-q", "-m", "pull request")

	// The user's own partial clone, with a hostile remote too, and a ref to a missing
	// commit: a lazy fetch would run its uploadpack.
	write(".git/refs/remotes/origin/gone", missing+"\n")
	git("config", "core.repositoryformatversion", "1")
	git("config", "extensions.partialClone", "origin")
	git("config", "remote.origin.url", "/nonexistent")
	git("config", "remote.origin.promisor", "true")
	git("config", "remote.origin.uploadpack", mark("REAL_UPLOADPACK"))
	git("config", "core.fsmonitor", mark("REAL_FSMONITOR"))
	return plan, markers
}

func noMarkers(t *testing.T, what string, markers []string) {
	t.Helper()
	for _, m := range markers {
		if _, err := os.Stat(m); err == nil {
			t.Errorf("%s ran the attacker's command (%s exists)", what, filepath.Base(m))
			os.Remove(m)
		}
	}
}

// No committed file and no remote makes kep diff, kep diff --rev, kep render --since,
// --previous @REV (render, figures, portfolio) or kep serve run a command.
func TestGitAttackRunsNothing(t *testing.T) {
	plan, markers := gitAttackRepo(t)
	out := t.TempDir()
	for _, tt := range []struct {
		args []string
		want int
		text string
	}{
		{[]string{"diff", plan}, 0, "No changes."},
		{[]string{"diff", "--rev", "origin/main", plan}, 0, "version: 1 → 2"},
		{[]string{"diff", "--rev", "origin/gone", plan}, 2, `unknown revision "origin/gone"`},
		{[]string{"diff", "--rev", "1111111111111111111111111111111111111111", plan}, 2, "unknown revision"},
		{[]string{"render", "-o", out, "--since", "origin/main", plan}, 0, ""},
		{[]string{"render", "-o", out, "--since", "origin/gone", plan}, 2, "unknown revision"},
		{[]string{"render", "-o", out, "--previous", "@origin/main", plan}, 0, ""},
		{[]string{"render", "-o", out, "--previous", "@origin/gone", plan}, 2, "unknown revision"},
		{[]string{"figures", "--previous", "@origin/main", plan}, 0, `"review"`},
		{[]string{"portfolio", "-o", out, "--previous", "@origin/main", plan}, 0, ""},
	} {
		var stdout, stderr bytes.Buffer
		got := run(tt.args, &stdout, &stderr)
		if got != tt.want || !strings.Contains(stdout.String()+stderr.String(), tt.text) {
			t.Errorf("kep %q: status %d, want %d and %q\nstdout: %s\nstderr: %s", tt.args, got, tt.want, tt.text, stdout.String(), stderr.String())
		}
		noMarkers(t, "kep "+strings.Join(tt.args, " "), markers)
	}
	// The preview loads the plan and its workspace; it runs no git at all.
	_, ts := newTestPreview(t, plan)
	for _, p := range []string{"/", "/plan/1", "/plan/1.pdf"} {
		if resp, _ := get(t, ts.URL+p); resp.StatusCode != 200 {
			t.Errorf("GET %s: %s", p, resp.Status)
		}
	}
	noMarkers(t, "kep serve", markers)
}
