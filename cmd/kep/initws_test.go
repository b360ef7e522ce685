package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/kepdev/kep"
	"github.com/kepdev/kep/plan/load"
	"github.com/kepdev/kep/render/rendertest"
)

// kep init --workspace DIR (issue 19): kep.toml with every workspace key commented in the
// user's language, valid as written and with its examples uncommented; accounts/; a
// .gitignore ignoring out/; the pre-commit hook in a git work tree; nothing overwritten.
func TestInitWorkspace(t *testing.T) {
	rendertest.Tool(t, "git")
	// A word of each language's comments; every language kep init writes has one.
	commentWord := map[string]string{"de": "Kundenbewertungssystem", "en": "Scoring model", "fr": "Système d'évaluation des clients"}
	for _, lang := range load.ScaffoldLangs {
		t.Run(lang, func(t *testing.T) {
			dir := t.TempDir()
			t.Setenv("GIT_CEILING_DIRECTORIES", filepath.Dir(dir))
			if out, err := exec.Command("git", "init", "-q", dir).CombinedOutput(); err != nil {
				t.Fatalf("git init: %v %s", err, out)
			}
			code, _, stderr := runKep(dir, "init", "--workspace", "--lang", lang, dir)
			if code != exitOK {
				t.Fatalf("exit %d:\n%s", code, stderr)
			}
			kt := filepath.Join(dir, "kep.toml")
			src := mustRead(t, kt)
			for _, key := range []string{"[brand]", "[scoring]", "[[scoring.attractiveness]]", "[[scoring.position]]", "[visits]", "[[visits.classes]]", "# [[costs.items]]", "# company", "# logo", "# font_bold"} {
				if !bytes.Contains(src, []byte(key)) {
					t.Errorf("kep.toml lacks %s", key)
				}
			}
			if w, ok := commentWord[lang]; !ok || !bytes.Contains(src, []byte(w)) {
				t.Errorf("comments not in %s", lang)
			}
			if c, _, e := runKep(dir, "validate", "--strict", kt); c != exitOK {
				t.Errorf("kep.toml does not validate:\n%s", e)
			}
			// The examples, uncommented (but the files they name), are valid too.
			ex := regexp.MustCompile(`(?m)^# (\[\[costs\.items\]\]|name = |amount = |company = |footer = )`).ReplaceAll(src, []byte("$1"))
			writeFile(t, kt, ex)
			if c, _, e := runKep(dir, "validate", "--strict", kt); c != exitOK {
				t.Errorf("kep.toml with its examples does not validate:\n%s\n%s", e, ex)
			}
			// So is the territories example (A2), uncommented with the class rows' counts
			// removed: the territories count the customers then.
			terr := regexp.MustCompile(`(?m)^# (\[\[visits\.territories(\.classes)?\]\]|  )`).ReplaceAll(src, []byte("$1"))
			terr = regexp.MustCompile(`(?m)^(customers|prospects|minor_prospects) = .*\n`).ReplaceAll(terr, nil)
			writeFile(t, kt, terr)
			if c, _, e := runKep(dir, "validate", "--strict", kt); c != exitOK || !bytes.Contains(terr, []byte("\n[[visits.territories]]")) {
				t.Errorf("kep.toml with its territories does not validate:\n%s\n%s", e, terr)
			}
			writeFile(t, kt, src)
			if fi, err := os.Stat(filepath.Join(dir, "accounts")); err != nil || !fi.IsDir() {
				t.Error("no accounts/")
			}
			if gi := mustRead(t, filepath.Join(dir, ".gitignore")); !bytes.Contains(gi, []byte("\nout/\n")) {
				t.Errorf(".gitignore: %q", gi)
			}
			hook := filepath.Join(dir, ".git", "hooks", "pre-commit")
			fi, err := os.Stat(hook)
			if err != nil || fi.Mode().Perm()&0o100 == 0 || !bytes.Equal(mustRead(t, hook), kep.PreCommitHook) {
				t.Errorf("hook not installed: %v %v", fi, err)
			}
			// A plan made in the new workspace validates with its examples (A9 warnings).
			pl := filepath.Join(dir, "accounts", "nord.toml")
			if c, _, e := runKep(dir, "init", "--lang", lang, pl); c != exitOK {
				t.Fatalf("kep init plan: %s", e)
			}
			if c, _, e := runKep(dir, "validate", pl); c != exitOK {
				t.Errorf("the plan does not validate in the new workspace:\n%s", e)
			}
			// Never over a file: a second run refuses and changes nothing.
			before := snapshot(t, dir)
			if c, _, e := runKep(dir, "init", "--workspace", dir); c != exitUsage || !strings.Contains(e, "never overwrites") {
				t.Errorf("second run: exit %d\n%s", c, e)
			}
			if snapshot(t, dir) != before {
				t.Error("the second run changed files")
			}
		})
	}
}

// Outside git no hook is installed, and an existing .gitignore gets out/ added once.
func TestInitWorkspaceNoGit(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "plans")
	t.Setenv("GIT_CEILING_DIRECTORIES", filepath.Dir(dir))
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	writeFile(t, filepath.Join(dir, ".gitignore"), []byte("*.bak"))
	code, _, stderr := runKep(dir, "init", "--workspace", "--lang", "en", dir)
	if code != exitOK || !strings.Contains(stderr, "not a git work tree: no pre-commit hook installed") || !strings.Contains(stderr, "added out/ to") {
		t.Fatalf("exit %d:\n%s", code, stderr)
	}
	if gi := string(mustRead(t, filepath.Join(dir, ".gitignore"))); gi != "*.bak\nout/\n" {
		t.Errorf(".gitignore: %q", gi)
	}
}
