package gitrev

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// needGit skips without git, unless KEP_REQUIRE_TOOLS says CI has it.
func needGit(t *testing.T) {
	t.Helper()
	if _, err := exec.LookPath("git"); err != nil {
		if os.Getenv("KEP_REQUIRE_TOOLS") != "" {
			t.Fatal("git is required (KEP_REQUIRE_TOOLS)")
		}
		t.Skip("git not installed")
	}
}

// gitCmd runs a git command of the test's own (not through the hardened runner).
func gitCmd(t *testing.T, dir string, args ...string) string {
	t.Helper()
	cmd := exec.Command("git", args...)
	cmd.Dir = dir
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("git %v: %v\n%s", args, err, out)
	}
	return string(out)
}

// Show reads a file from a revision by its path relative to the repository root, from
// any folder inside the repository.
func TestShow(t *testing.T) {
	needGit(t)
	dir := t.TempDir()
	// The repository is dir itself: git may look up to it, not above.
	t.Setenv("GIT_CEILING_DIRECTORIES", filepath.Dir(dir))
	t.Setenv("GIT_CONFIG_NOSYSTEM", "1")
	t.Setenv("GIT_CONFIG_GLOBAL", os.DevNull)
	for _, kv := range [][2]string{{"GIT_AUTHOR_NAME", "A"}, {"GIT_AUTHOR_EMAIL", "a@example.com"}, {"GIT_COMMITTER_NAME", "A"}, {"GIT_COMMITTER_EMAIL", "a@example.com"}} {
		t.Setenv(kv[0], kv[1])
	}
	sub := filepath.Join(dir, "accounts", "nord")
	if err := os.MkdirAll(sub, 0o755); err != nil {
		t.Fatal(err)
	}
	plan := filepath.Join(sub, "plan.toml")
	if err := os.WriteFile(plan, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{{"init", "-q"}, {"add", "."}, {"commit", "-q", "-m", "one"}} {
		gitCmd(t, dir, args...)
	}
	if err := os.WriteFile(plan, []byte("new"), 0o644); err != nil {
		t.Fatal(err)
	}
	src, g, err := Show(plan, "HEAD")
	if err != nil || string(src) != "old" || g.Rel != "accounts/nord/plan.toml" {
		t.Errorf("gitShow: %q %+v %v", src, g, err)
	}
	if _, _, err := Show(plan, "v9"); err == nil || !strings.Contains(err.Error(), `unknown revision "v9"`) {
		t.Errorf("unknown revision: %v", err)
	}
	// The commit as the loader sees it: the committed bytes, folders, the .git marker on
	// disk.
	if err := os.WriteFile(filepath.Join(dir, "kep.toml"), []byte("lang = \"en\"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	r := FS{Repo: g.Repo, Commit: g.Commit}
	if data, err := r.ReadFile(plan); err != nil || string(data) != "old" {
		t.Errorf("ReadFile: %q %v", data, err)
	}
	if fi, err := r.Stat(plan); err != nil || fi.IsDir() || fi.Size() != 3 {
		t.Errorf("Stat plan: %v %v", fi, err)
	}
	if fi, err := r.Stat(filepath.Join(dir, "accounts")); err != nil || !fi.IsDir() {
		t.Errorf("Stat folder: %v %v", fi, err)
	}
	if _, err := r.Lstat(filepath.Join(dir, ".git")); err != nil {
		t.Errorf("Lstat .git: %v", err)
	}
	// A file git does not track is seen as it is on disk; one git tracks but the commit
	// lacks (added later) is missing.
	if _, err := r.Stat(filepath.Join(dir, "kep.toml")); err != nil {
		t.Errorf("Stat of an untracked file: %v", err)
	}
	if data, err := r.ReadFile(filepath.Join(dir, "kep.toml")); err != nil || string(data) != "lang = \"en\"\n" {
		t.Errorf("ReadFile of an untracked file: %q %v", data, err)
	}
	later := filepath.Join(dir, "accounts", "later.toml")
	if err := os.WriteFile(later, []byte("new"), 0o644); err != nil {
		t.Fatal(err)
	}
	gitCmd(t, dir, "add", "accounts/later.toml")
	if _, err := r.Stat(later); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("Stat of a file added after the commit: %v", err)
	}
	if _, err := r.ReadFile(later); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("ReadFile of a file added after the commit: %v", err)
	}
	if real, err := r.EvalSymlinks(plan); err != nil || real != filepath.Join(g.Repo.Top, "accounts", "nord", "plan.toml") {
		t.Errorf("EvalSymlinks: %q %v", real, err)
	}
	outside := filepath.Join(t.TempDir(), "x.toml")
	if err := os.WriteFile(outside, []byte("disk"), 0o644); err != nil {
		t.Fatal(err)
	}
	if data, err := r.ReadFile(outside); err != nil || string(data) != "disk" {
		t.Errorf("ReadFile outside the repository: %q %v", data, err)
	}
}

// git runs with kep's environment: no inherited GIT_* (a hook's GIT_DIR, injected
// configuration), English messages, no lazy fetch, no pager.
func TestEnv(t *testing.T) {
	env := Env([]string{"PATH=/bin", "HOME=/h", "GIT_DIR=/evil", "GIT_CONFIG_PARAMETERS='core.fsmonitor'='x'",
		"GIT_CONFIG_COUNT=1", "GIT_EXEC_PATH=/evil", "LANG=de_DE.UTF-8", "LC_MESSAGES=de_DE"})
	got := strings.Join(env, "\n")
	for _, bad := range []string{"GIT_DIR", "GIT_CONFIG_PARAMETERS", "GIT_CONFIG_COUNT", "GIT_EXEC_PATH", "de_DE"} {
		if strings.Contains(got, bad) {
			t.Errorf("environment keeps %s:\n%s", bad, got)
		}
	}
	for _, want := range []string{"PATH=/bin", "HOME=/h", "GIT_NO_LAZY_FETCH=1", "GIT_TERMINAL_PROMPT=0", "LC_ALL=C", "GIT_OPTIONAL_LOCKS=0"} {
		if !strings.Contains(got, want+"\n") && !strings.HasSuffix(got, want) {
			t.Errorf("environment lacks %s:\n%s", want, got)
		}
	}
}

// A folder that looks like a bare repository (HEAD, objects/, refs/, config) is never
// taken for the repository: kep finds the nearest .git itself.
func TestFindIgnoresBareLookalike(t *testing.T) {
	dir := t.TempDir()
	t.Setenv("GIT_CEILING_DIRECTORIES", filepath.Dir(dir))
	sub := filepath.Join(dir, "accounts")
	for _, d := range []string{"objects/pack", "refs/heads"} {
		if err := os.MkdirAll(filepath.Join(sub, d), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	os.WriteFile(filepath.Join(sub, "HEAD"), []byte("ref: refs/heads/x\n"), 0o644)
	os.WriteFile(filepath.Join(sub, "config"), []byte("[core]\nbare = true\n"), 0o644)
	if _, err := Find(sub); !errors.Is(err, ErrNoRepo) {
		t.Errorf("Find in a bare look-alike without .git: %v, want ErrNoRepo", err)
	}
	if err := os.Mkdir(filepath.Join(dir, ".git"), 0o755); err != nil {
		t.Fatal(err)
	}
	r, err := Find(sub)
	if err != nil || r.GitDir != filepath.Join(r.Top, ".git") || filepath.Base(r.Top) != filepath.Base(dir) {
		t.Errorf("Find: %+v %v", r, err)
	}
	// The ceiling stops the search as git's own discovery would.
	t.Setenv("GIT_CEILING_DIRECTORIES", dir)
	if _, err := Find(sub); !errors.Is(err, ErrNoRepo) {
		t.Errorf("Find above GIT_CEILING_DIRECTORIES: %v", err)
	}
}

// A blob larger than the limit is refused while it streams, not read whole; the
// repository's own core.fsmonitor never runs for kep's commands (ls-files reads the
// index, where git would ask the monitor).
func TestBlobLimitAndNoFsmonitor(t *testing.T) {
	needGit(t)
	dir := t.TempDir()
	t.Setenv("GIT_CEILING_DIRECTORIES", filepath.Dir(dir))
	t.Setenv("GIT_CONFIG_NOSYSTEM", "1")
	t.Setenv("GIT_CONFIG_GLOBAL", os.DevNull)
	for _, kv := range [][2]string{{"GIT_AUTHOR_NAME", "A"}, {"GIT_AUTHOR_EMAIL", "a@example.com"}, {"GIT_COMMITTER_NAME", "A"}, {"GIT_COMMITTER_EMAIL", "a@example.com"}} {
		t.Setenv(kv[0], kv[1])
	}
	big := filepath.Join(dir, "big.toml")
	if err := os.WriteFile(big, bytes.Repeat([]byte("# padding\n"), 300<<10), 0o644); err != nil {
		t.Fatal(err)
	}
	gitCmd(t, dir, "init", "-q")
	gitCmd(t, dir, "add", ".")
	gitCmd(t, dir, "commit", "-q", "-m", "big")
	marker := filepath.Join(dir, "FSMONITOR")
	gitCmd(t, dir, "config", "core.fsmonitor", "touch "+marker+"; false")

	old := maxBlob
	maxBlob = 1 << 20
	defer func() { maxBlob = old }()
	_, _, err := Show(big, "HEAD")
	if err == nil || !strings.Contains(err.Error(), "larger than 1 MiB, not read") {
		t.Errorf("Show of a 3 MB blob with a 1 MiB limit: %v", err)
	}
	r, err := Find(dir)
	if err != nil {
		t.Fatal(err)
	}
	if !r.Tracked("big.toml") || r.Tracked("missing.toml") {
		t.Error("Tracked is wrong")
	}
	if _, err := os.Stat(marker); err == nil {
		t.Error("core.fsmonitor of the repository ran")
	}
}

func TestVersionAtLeast(t *testing.T) {
	for s, want := range map[string]bool{"git version 2.39.5": false, "git version 2.44.0": true, "git version 3.0.1": true, "git version 2.45.1.windows.1": true, "nonsense": false} {
		if got := versionAtLeast(s, 2, 44); got != want {
			t.Errorf("versionAtLeast(%q) = %v", s, got)
		}
	}
}
