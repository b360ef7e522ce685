package main

import (
	"archive/tar"
	"archive/zip"
	"bytes"
	"compress/gzip"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/kepdev/kep"
)

// The same files give the same archive bytes whatever their times on disk.
func TestPackReproducible(t *testing.T) {
	for _, ext := range []string{".tar.gz", ".zip"} {
		var got [][]byte
		for i, mt := range []time.Time{time.Unix(1e9, 0), time.Unix(2e9, 0)} {
			dir := t.TempDir()
			var files []string
			for _, n := range []string{"kep", "README.md", "LICENSE"} { // not sorted
				p := filepath.Join(dir, n)
				if err := os.WriteFile(p, []byte("content of "+n), 0o600); err != nil {
					t.Fatal(err)
				}
				os.Chtimes(p, mt, mt)
				files = append(files, p)
			}
			out := filepath.Join(dir, "a"+ext)
			if err := pack(out, "kep-v1-x/", time.Unix(1800000000, 0).UTC(), files); err != nil {
				t.Fatal(err)
			}
			b, err := os.ReadFile(out)
			if err != nil {
				t.Fatal(err)
			}
			got = append(got, b)
			if i == 1 && !bytes.Equal(got[0], got[1]) {
				t.Errorf("%s: archives of the same files differ", ext)
			}
		}
		names, modes := list(t, ext, got[0])
		if want := "kep-v1-x/ kep-v1-x/LICENSE kep-v1-x/README.md kep-v1-x/kep"; strings.Join(names, " ") != want {
			t.Errorf("%s: entries %q, want %q", ext, names, want)
		}
		if modes["kep-v1-x/kep"] != 0o755 || modes["kep-v1-x/README.md"] != 0o644 {
			t.Errorf("%s: modes %v", ext, modes)
		}
	}
}

func list(t *testing.T, ext string, b []byte) ([]string, map[string]os.FileMode) {
	t.Helper()
	var names []string
	modes := map[string]os.FileMode{}
	if ext == ".zip" {
		zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range zr.File {
			names = append(names, f.Name)
			modes[f.Name] = f.Mode().Perm()
		}
		return names, modes
	}
	zr, err := gzip.NewReader(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	tr := tar.NewReader(zr)
	for {
		h, err := tr.Next()
		if err == io.EOF {
			return names, modes
		}
		if err != nil {
			t.Fatal(err)
		}
		if h.Uid != 0 || h.Gid != 0 || !h.ModTime.Equal(time.Unix(1800000000, 0)) {
			t.Errorf("%s: owner %d:%d, time %v", h.Name, h.Uid, h.Gid, h.ModTime)
		}
		names = append(names, h.Name)
		modes[h.Name] = os.FileMode(h.Mode).Perm()
	}
}

// TestDistLinux makes the linux archive for this machine's architecture with
// scripts/dist.sh, unpacks it, and runs the binary from it: kep version shows the
// stamped version, and a sample plan renders. Skipped with -short (it builds kep).
func TestDistLinux(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a release archive; not with -short")
	}
	if runtime.GOOS != "linux" {
		t.Skip("the test unpacks and runs the linux archive")
	}
	for _, tool := range []string{"sh", "git", "go"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skipf("no %s", tool)
		}
	}
	root, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	// The layout of a release server: BASE/VERSION/archive and SHA256SUMS.
	base := t.TempDir()
	dist := filepath.Join(base, "v0.0.0-disttest")
	plat := "linux/" + runtime.GOARCH
	cmd := exec.Command("sh", "scripts/dist.sh", plat)
	cmd.Dir = root
	cmd.Env = append(os.Environ(), "DIST="+dist, "VERSION=v0.0.0-disttest")
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("dist.sh: %v\n%s", err, out)
	}
	name := "kep-v0.0.0-disttest-linux-" + runtime.GOARCH
	sums, err := os.ReadFile(filepath.Join(dist, "SHA256SUMS"))
	if err != nil || !strings.Contains(string(sums), "  "+name+".tar.gz\n") {
		t.Fatalf("SHA256SUMS: %v\n%s", err, sums)
	}
	check := exec.Command("sha256sum", "-c", "SHA256SUMS")
	check.Dir = dist
	if out, err := check.CombinedOutput(); err != nil {
		t.Errorf("sha256sum -c: %v\n%s", err, out)
	}

	unpack := t.TempDir()
	if out, err := exec.Command("tar", "-xzf", filepath.Join(dist, name+".tar.gz"), "-C", unpack).CombinedOutput(); err != nil {
		t.Fatalf("tar: %v\n%s", err, out)
	}
	dir := filepath.Join(unpack, name)
	for _, f := range []string{"kep", "README.md", "THIRD_PARTY_NOTICES", "pre-commit"} {
		if _, err := os.Stat(filepath.Join(dir, f)); err != nil {
			t.Error(err)
		}
	}
	// The hook, for a repository made after kep init --workspace: executable, and the
	// one kep init installs.
	if fi, err := os.Stat(filepath.Join(dir, "pre-commit")); err != nil || fi.Mode().Perm() != 0o755 {
		t.Errorf("pre-commit: %v %v", fi, err)
	}
	if h, _ := os.ReadFile(filepath.Join(dir, "pre-commit")); !bytes.Equal(h, kep.PreCommitHook) {
		t.Error("the archive's pre-commit is not hooks/pre-commit")
	}
	notices, _ := os.ReadFile(filepath.Join(dir, "THIRD_PARTY_NOTICES"))
	for _, m := range []string{"github.com/yuin/goldmark", "github.com/BurntSushi/toml", "github.com/go-pdf/fpdf",
		"github.com/wcharczuk/go-chart/v2", "github.com/golang/freetype", "golang.org/x/image", "golang.org/x/text",
		"The Go fonts", "Go programming language", "Noto Sans", "hyph-de-1996", "hyph-en-us", "hyph-fr", "sRGB ICC profile"} {
		if !bytes.Contains(notices, []byte(m)) {
			t.Errorf("THIRD_PARTY_NOTICES does not name %s", m)
		}
	}

	kep := filepath.Join(dir, "kep")
	v, err := exec.Command(kep, "version").CombinedOutput()
	if err != nil || !strings.HasPrefix(string(v), "kep v0.0.0-disttest\n") {
		t.Errorf("kep version: %v\n%s", err, v)
	}
	// The commit, whatever GOFLAGS says about -buildvcs.
	if head, err := exec.Command("git", "-C", root, "rev-parse", "HEAD").Output(); err == nil &&
		!strings.Contains(string(v), "revision: "+strings.TrimSpace(string(head))) {
		t.Errorf("kep version does not name the commit %s:\n%s", head, v)
	}
	work := t.TempDir()
	r := exec.Command(kep, "render", "-o", work, filepath.Join(root, "samples/accounts/hansa.toml"))
	r.Env = append(os.Environ(), "SOURCE_DATE_EPOCH=1800000000")
	if out, err := r.CombinedOutput(); err != nil {
		t.Fatalf("kep render: %v\n%s", err, out)
	}
	for _, f := range []string{"hansa.pdf", "hansa.html"} {
		b, err := os.ReadFile(filepath.Join(work, f))
		if err != nil || len(b) < 1000 {
			t.Errorf("%s: %v (%d bytes)", f, err, len(b))
		}
	}

	testCIScript(t, root, base, name)
}

// testCIScript runs the steps of examples/ci/render-plans.yml (kep-ci.sh) as the
// workflow does, in a plan repository made of the samples: install from the release
// folder base (as file:// URL), validate, changes against the main branch, render.
func testCIScript(t *testing.T, root, base, name string) {
	for _, tool := range []string{"bash", "curl", "sha256sum"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skipf("no %s", tool)
		}
	}
	script := filepath.Join(root, "examples/ci/kep-ci.sh")
	env := append(os.Environ(), "KEP_BASE_URL=file://"+base, "GITHUB_ACTIONS=",
		"GIT_CONFIG_GLOBAL=/dev/null", "GIT_AUTHOR_NAME=t", "GIT_AUTHOR_EMAIL=t@example.com",
		"GIT_COMMITTER_NAME=t", "GIT_COMMITTER_EMAIL=t@example.com")
	sh := func(dir string, env []string, args ...string) (string, error) {
		c := exec.Command(args[0], args[1:]...)
		c.Dir, c.Env = dir, env
		var stdout, stderr bytes.Buffer
		c.Stdout, c.Stderr = &stdout, &stderr
		err := c.Run()
		if err != nil {
			return stdout.String(), fmt.Errorf("%v: %v\n%s", args, err, stderr.String())
		}
		return stdout.String(), nil
	}

	inst := t.TempDir()
	out, err := sh(root, env, "bash", script, "install", "v0.0.0-disttest", inst)
	if err != nil {
		t.Fatal(err)
	}
	kepDir := strings.TrimSpace(out)
	if kepDir != filepath.Join(inst, name) {
		t.Fatalf("install printed %q, want %q", kepDir, filepath.Join(inst, name))
	}
	// A release whose archive does not match its SHA256SUMS is refused.
	bad := filepath.Join(t.TempDir(), "v9")
	os.MkdirAll(bad, 0o755)
	arch, _ := os.ReadFile(filepath.Join(base, "v0.0.0-disttest", name+".tar.gz"))
	badName := strings.Replace(name, "v0.0.0-disttest", "v9", 1)
	os.WriteFile(filepath.Join(bad, badName+".tar.gz"), append(arch, 0), 0o644)
	sum, _ := os.ReadFile(filepath.Join(base, "v0.0.0-disttest", "SHA256SUMS"))
	os.WriteFile(filepath.Join(bad, "SHA256SUMS"), bytes.ReplaceAll(sum, []byte("v0.0.0-disttest"), []byte("v9")), 0o644)
	badEnv := append(append([]string(nil), env...), "KEP_BASE_URL=file://"+filepath.Dir(bad))
	if _, err := sh(root, badEnv, "bash", script, "install", "v9", t.TempDir()); err == nil || !strings.Contains(err.Error(), "does not match SHA256SUMS") {
		t.Errorf("a tampered archive was installed: %v", err)
	}

	// A plan repository: the samples' workspace and two plans on main, a branch that
	// changes one of them.
	repo := t.TempDir()
	for _, f := range []string{"kep.toml", "assets/logo.png", "accounts/hansa.toml", "accounts/minimal.toml"} {
		b, err := os.ReadFile(filepath.Join(root, "samples", f))
		if err != nil {
			t.Fatal(err)
		}
		os.MkdirAll(filepath.Join(repo, filepath.Dir(f)), 0o755)
		if err := os.WriteFile(filepath.Join(repo, f), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	envKep := append(append([]string(nil), env...), "KEP="+filepath.Join(kepDir, "kep"), "SOURCE_DATE_EPOCH=1800000000")
	for _, args := range [][]string{{"git", "init", "-q", "-b", "main"}, {"git", "add", "."}, {"git", "commit", "-q", "-m", "plans"}, {"git", "checkout", "-q", "-b", "change"}} {
		if _, err := sh(repo, envKep, args...); err != nil {
			t.Fatal(err)
		}
	}
	hansa := filepath.Join(repo, "accounts/hansa.toml")
	b, _ := os.ReadFile(hansa)
	const from, to = `name = "Linearachsen"`, `name = "Linearachsen und Portale"`
	if !bytes.Contains(b, []byte(from)) {
		t.Fatalf("hansa.toml has no %q to change", from)
	}
	os.WriteFile(hansa, bytes.Replace(b, []byte(from), []byte(to), 1), 0o644)
	if _, err := sh(repo, envKep, "git", "commit", "-q", "-am", "rename"); err != nil {
		t.Fatal(err)
	}

	if _, err := sh(repo, envKep, "bash", script, "validate"); err != nil {
		t.Errorf("validate: %v", err)
	}
	out, err = sh(repo, envKep, "bash", script, "changes", "main")
	if err != nil {
		t.Errorf("changes: %v", err)
	}
	if !strings.Contains(out, "### accounts/hansa.toml\n") || !strings.Contains(out, "Portale") || strings.Contains(out, "minimal") {
		t.Errorf("changes: want a section for hansa naming %q only, got\n%s", "Portale", out)
	}
	if _, err := sh(repo, envKep, "bash", script, "render", "out"); err != nil {
		t.Errorf("render: %v", err)
	}
	for _, f := range []string{"hansa.pdf", "hansa.html", "minimal.pdf", "minimal.html"} {
		if _, err := os.Stat(filepath.Join(repo, "out", f)); err != nil {
			t.Error(err)
		}
	}
	// A failing plan fails the step.
	os.WriteFile(hansa, []byte("format = 1\n[plan]\n"), 0o644)
	if _, err := sh(repo, envKep, "bash", script, "validate"); err == nil {
		t.Error("validate passed a broken plan")
	}
}

// TestCIExampleInstallsRelease: the CI example installs kep as a release archive through kep-ci.sh, never with
// go install (the module is not published), and calls only steps kep-ci.sh has.
func TestCIExampleInstallsRelease(t *testing.T) {
	wf, err := os.ReadFile("../../examples/ci/render-plans.yml")
	if err != nil {
		t.Fatal(err)
	}
	script, err := os.ReadFile("../../examples/ci/kep-ci.sh")
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Contains(wf, []byte("go install")) || bytes.Contains(wf, []byte("setup-go")) {
		t.Error("render-plans.yml builds kep with Go")
	}
	steps := 0
	for _, line := range strings.Split(string(wf), "\n") {
		_, call, ok := strings.Cut(line, "bash .github/kep-ci.sh ")
		if !ok {
			continue
		}
		steps++
		step, _, _ := strings.Cut(call, " ")
		if !bytes.Contains(script, []byte("\n"+step+") ")) {
			t.Errorf("render-plans.yml calls kep-ci.sh %s, which kep-ci.sh does not have", step)
		}
	}
	if steps != 4 {
		t.Errorf("render-plans.yml calls kep-ci.sh %d times, want 4 (install, validate, changes, render)", steps)
	}
}
