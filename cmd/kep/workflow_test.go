package main

import (
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"

	"github.com/kepdev/kep/render/rendertest"
)

// TestPreCommitHook runs hooks/pre-commit in real temporary git repositories, with the
// test binary as kep on PATH (TestMain).
func TestPreCommitHook(t *testing.T) {
	if testing.Short() {
		t.Skip("git repositories and the shell: make test (CI) runs it")
	}
	rendertest.Tool(t, "git")
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

// TestCIExample runs the shell steps of examples/ci/render-plans.yml (validate, what
// changed, render) in a temporary git repository with kep on PATH, the way GitHub's
// runner would: bash -eo pipefail, the workflow's env, GITHUB_STEP_SUMMARY.
func TestCIExample(t *testing.T) {
	if testing.Short() {
		t.Skip("git repositories and the shell: make test (CI) runs it")
	}
	for _, tool := range []string{"git", "bash", "xargs"} {
		rendertest.Tool(t, tool)
	}
	wf, err := os.ReadFile("../../examples/ci/render-plans.yml")
	if err != nil {
		t.Fatal(err)
	}
	steps, env := workflowSteps(string(wf))
	for _, name := range []string{"Install kep", "Validate", "What changed", "Render"} {
		if steps[name] == "" {
			t.Fatalf("workflow has no run step %q", name)
		}
	}
	// The steps are examples/ci/kep-ci.sh's (its install step is tested with a release
	// archive in scripts/distpack); kep comes from a release, not from Go.
	if !strings.Contains(steps["Install kep"], "kep-ci.sh install \"$KEP_VERSION\"") {
		t.Errorf("Install step does not install a kep release:\n%s", steps["Install kep"])
	}
	for _, want := range []string{"actions/checkout@", "fetch-depth: 0", "actions/upload-artifact@", "path: out/"} {
		if !strings.Contains(string(wf), want) {
			t.Errorf("workflow lacks %q", want)
		}
	}
	samples, err := filepath.Abs("../../samples")
	if err != nil {
		t.Fatal(err)
	}
	testscript.Run(t, testscript.Params{
		Dir: "testdata/ci",
		Setup: func(e *testscript.Env) error {
			for k, v := range env {
				e.Setenv(k, v)
			}
			e.Setenv("HOME", e.WorkDir)
			e.Setenv("GIT_CONFIG_NOSYSTEM", "1")
			e.Setenv("GITHUB_ACTIONS", "true") // as on the runner: annotations
			for name, file := range map[string]string{"Validate": "validate.sh", "What changed": "changes.sh", "Render": "render.sh"} {
				if err := os.WriteFile(filepath.Join(e.WorkDir, file), []byte(steps[name]), 0o644); err != nil {
					return err
				}
			}
			repo := filepath.Join(e.WorkDir, "repo")
			if err := os.CopyFS(repo, os.DirFS(samples)); err != nil {
				return err
			}
			script, err := os.ReadFile("../../examples/ci/kep-ci.sh")
			if err != nil {
				return err
			}
			os.Mkdir(filepath.Join(repo, ".github"), 0o755)
			return os.WriteFile(filepath.Join(repo, ".github/kep-ci.sh"), script, 0o755)
		},
	})
}

// workflowSteps reads the run scripts of a workflow's steps by name, and its top-level
// env. It knows only the YAML this repository's example uses: "- name:" lines, "run: |"
// blocks or one-line runs, and a flat env map; enough to test the example's scripts.
func workflowSteps(yml string) (steps map[string]string, env map[string]string) {
	steps, env = map[string]string{}, map[string]string{}
	lines := strings.Split(yml, "\n")
	indent := func(s string) int { return len(s) - len(strings.TrimLeft(s, " ")) }
	unquote := func(v string) string {
		v, _, _ = strings.Cut(v, " #")
		return strings.Trim(strings.TrimSpace(v), `"'`)
	}
	name, inEnv := "", false
	for i := 0; i < len(lines); i++ {
		l := lines[i]
		trim := strings.TrimSpace(l)
		if indent(l) == 0 {
			inEnv = trim == "env:"
			continue
		}
		if strings.HasPrefix(trim, "#") {
			continue
		}
		if inEnv && indent(l) == 2 {
			if k, v, ok := strings.Cut(trim, ":"); ok {
				env[k] = unquote(v)
			}
			continue
		}
		if v, ok := strings.CutPrefix(trim, "- name:"); ok {
			name = unquote(v)
			continue
		}
		if strings.HasPrefix(trim, "- ") {
			name = ""
		}
		v, ok := strings.CutPrefix(trim, "run:")
		if !ok || name == "" {
			continue
		}
		if v = strings.TrimSpace(v); v != "|" {
			steps[name] = v + "\n"
			continue
		}
		var b strings.Builder
		base := -1
		for i+1 < len(lines) && (strings.TrimSpace(lines[i+1]) == "" || indent(lines[i+1]) > indent(l)) {
			i++
			if base < 0 && strings.TrimSpace(lines[i]) != "" {
				base = indent(lines[i])
			}
			if len(lines[i]) >= base && base >= 0 {
				b.WriteString(lines[i][base:])
			}
			b.WriteString("\n")
		}
		steps[name] = b.String()
	}
	return steps, env
}

// TestGuideExamples keeps the guides honest: the TOML examples of their section on the
// seven building blocks, put together under a plan header, form a valid plan; and every
// image they show exists.
func TestGuideExamples(t *testing.T) {
	for _, lang := range []string{"en", "de"} {
		t.Run(lang, func(t *testing.T) {
			src, err := os.ReadFile("../../docs/guide." + lang + ".md")
			if err != nil {
				t.Fatal(err)
			}
			guide := string(src)
			start, end := strings.Index(guide, "\n## 3."), strings.Index(guide, "\n## 4.")
			if start < 0 || end < start {
				t.Fatal("guide has no sections 3 and 4")
			}
			meta := "[plan]\naccount = \"Hansa\"\nfrom = 2027-01-01\nto = 2027-12-31\n"
			plan := ""
			blocks := regexp.MustCompile("(?s)```toml\n(.*?)```").FindAllStringSubmatch(guide[start:end], -1)
			if len(blocks) < 8 {
				t.Fatalf("section 3 has %d TOML examples, want one per building block and more", len(blocks))
			}
			for _, b := range blocks {
				// An example of [plan] keys (kind) joins the header's [plan].
				if rest, ok := strings.CutPrefix(b[1], "[plan]\n"); ok {
					meta += rest
					continue
				}
				plan += b[1] + "\n"
			}
			plan = "format = 1\nlang = \"" + lang + "\"\n\n" + meta + "\n" + plan
			dir := planDir(t, map[string]string{"guide.toml": plan})
			var stderr strings.Builder
			t.Setenv("SOURCE_DATE_EPOCH", "1795737600") // 2026-11-27: the example action is not overdue
			if code := run([]string{"validate", filepath.Join(dir, "guide.toml")}, io.Discard, &stderr); code != 0 {
				t.Errorf("the guide's examples do not validate (exit %d):\n%s", code, stderr.String())
			}
			// The workspace models of section 2 ([scoring], [visits], [costs]) form a valid
			// kep.toml (the brand's font files are left out: the guide names files of yours).
			models, territories := "", ""
			for _, b := range regexp.MustCompile("(?s)```toml\n(.*?)```").FindAllStringSubmatch(guide[:start], -1) {
				if strings.Contains(b[1], "[[costs.items]]") {
					models = regexp.MustCompile(`(?m)^font(_bold)?(_italic|_fallback)? = .*$`).ReplaceAllString(b[1], "")
				}
				if strings.Contains(b[1], "[[visits.territories]]") {
					territories = b[1]
				}
			}
			if models == "" || territories == "" {
				t.Fatal("section 2 shows no workspace models or no territories")
			}
			// The territories example goes with the models whose class rows keep only the
			// norms: the territories count the customers.
			norms := regexp.MustCompile(`(?m)^(customers|prospects|minor_prospects) = .*\n`).ReplaceAllString(models, "")
			for _, ws := range []string{models, norms + "\n" + territories} {
				wsDir := planDir(t, map[string]string{"kep.toml": ws})
				stderr.Reset()
				if code := run([]string{"validate", "--strict", filepath.Join(wsDir, "kep.toml")}, io.Discard, &stderr); code != 0 {
					t.Errorf("the guide's workspace models do not validate (exit %d):\n%s\n%s", code, stderr.String(), ws)
				}
			}
			for _, m := range regexp.MustCompile(`!\[[^\]]*\]\(([^)]+)\)`).FindAllStringSubmatch(guide, -1) {
				if _, err := os.Stat(filepath.Join("../../docs", m[1])); err != nil {
					t.Errorf("image %s: %v", m[1], err)
				}
			}
		})
	}
}
