package htmldoc

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kepdev/kep/plan/check"
	"github.com/kepdev/kep/render"
	"github.com/kepdev/kep/render/rendertest"
)

// The external checkers: the Nu Html Checker (vnu.jar, Java), axe-core and screenshots
// in headless Chromium (Node with playwright-core). .ci/run installs them and sets
// KEP_REQUIRE_TOOLS=1, which turns a missing tool into a failure; elsewhere the tests run
// when the tools are found and skip otherwise. Node modules are found through NODE_PATH
// (npm install --prefix DIR -- see testdata/tools/package.json), vnu.jar also through
// KEP_VNU_JAR, Chromium through CHROMIUM (default: chromium on PATH).

// checkedDocs writes the samples, hansa with its review of 2026 (--previous), and a hostile
// plan (small enough for the checkers to finish in seconds; the full-size one is checked by
// TestHostilePlanIsEscaped) to dir.
func checkedDocs(t *testing.T, dir string) []string {
	t.Helper()
	var files []string
	for _, file := range samples(t) {
		out := filepath.Join(dir, strings.TrimSuffix(filepath.Base(file), ".toml")+".html")
		if err := os.WriteFile(out, renderPlan(t, loadPlan(t, file)), 0o644); err != nil {
			t.Fatal(err)
		}
		files = append(files, out)
	}
	// Every document language passes the same checks: a plan in each language the
	// samples are not written in (French).
	for _, lp := range rendertest.LanguagePlans(t) {
		if strings.HasPrefix(filepath.ToSlash(lp.Path), sampleRoot(t)) {
			continue
		}
		out := filepath.Join(dir, lp.Name()+".html")
		if err := os.WriteFile(out, renderPlan(t, loadPlan(t, lp.Path)), 0o644); err != nil {
			t.Fatal(err)
		}
		files = append(files, out)
	}
	// The German sample with the review of its previous year (kep render --previous).
	cur, prev := loadPlan(t, "../../samples/accounts/hansa.toml"), loadPlan(t, "../../samples/previous/hansa-2026.toml")
	rd, err := render.Build(cur, check.Compute(cur, testNow), render.Options{Now: testNow, Previous: prev})
	if err != nil {
		t.Fatal(err)
	}
	var rbuf bytes.Buffer
	if err := Write(&rbuf, rd, Options{}); err != nil {
		t.Fatal(err)
	}
	if out := filepath.Join(dir, "hansa-review.html"); os.WriteFile(out, rbuf.Bytes(), 0o644) == nil {
		files = append(files, out)
	}
	p := rendertest.Plan(60, 40, 20, 5000)
	d, err := render.Build(p, check.Compute(p, testNow), render.Options{Now: testNow})
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := Write(&buf, d, Options{}); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "hostile.html")
	if err := os.WriteFile(out, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return append(files, out)
}

func TestNuHtmlChecker(t *testing.T) {
	t.Parallel()
	tl := rendertest.FindHTMLCheckers(t, false, true)
	files := checkedDocs(t, t.TempDir())
	// The hostile plan is mostly "xxx…": the checker's language guess is meaningless there.
	for _, run := range [][]string{files[:len(files)-1], {"--no-langdetect", files[len(files)-1]}} {
		args := append([]string{"-Xss8m", "-jar", tl.VNU, "--format", "gnu", "--also-check-svg"}, run...)
		out, _ := exec.Command(tl.Java, args...).CombinedOutput()
		for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
			if strings.Contains(line, ": error:") || (strings.Contains(line, ": warning:") && !strings.Contains(line, "info warning")) {
				t.Errorf("Nu: %s", clip(line))
			} else if strings.TrimSpace(line) != "" && !strings.Contains(line, "info warning") {
				t.Logf("Nu: %s", clip(line))
			}
		}
	}
}

func TestAxe(t *testing.T) {
	t.Parallel()
	tl := rendertest.FindHTMLCheckers(t, true, false)
	files := checkedDocs(t, t.TempDir())
	for _, width := range []string{"1280", "390"} {
		cmd := exec.Command(tl.Node, append([]string{filepath.Join("testdata", "tools", "axe.cjs"), width}, files...)...)
		cmd.Env = append(os.Environ(), "NODE_PATH="+tl.NodePath, "CHROMIUM="+tl.Chromium)
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Errorf("axe at %s px: %v\n%s", width, err, out)
		}
	}
}

// TestScreenshots loads each document at a desktop and two phone widths: nothing may be
// fetched, the embedded font must load, and the page must not be wider than the screen
// (tables and charts scroll inside their frames). KEP_SCREENSHOT_DIR keeps the pictures
// (1280 and 390 px) to look at.
func TestScreenshots(t *testing.T) {
	t.Parallel()
	tl := rendertest.FindHTMLCheckers(t, true, false)
	files := checkedDocs(t, t.TempDir())
	shots := os.Getenv("KEP_SCREENSHOT_DIR")
	for _, file := range files {
		prefix := ""
		if shots != "" {
			prefix = filepath.Join(shots, strings.TrimSuffix(filepath.Base(file), ".html"))
		}
		cmd := exec.Command(tl.Node, filepath.Join("testdata", "tools", "shoot.cjs"), file, prefix, "1280,390,360")
		cmd.Env = append(os.Environ(), "NODE_PATH="+tl.NodePath, "CHROMIUM="+tl.Chromium)
		out, err := cmd.Output()
		if err != nil {
			t.Fatalf("%s: %v", file, err)
		}
		for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
			var dims struct {
				Width, ScrollWidth, ClientWidth int
				Fonts, Requests                 []string
			}
			if err := json.Unmarshal([]byte(line), &dims); err != nil {
				t.Fatalf("%s: %v: %s", file, err, line)
			}
			name := fmt.Sprintf("%s at %d px", filepath.Base(file), dims.Width)
			if dims.ScrollWidth > dims.ClientWidth {
				t.Errorf("%s: page is %d px wide, wider than the screen (%d px)", name, dims.ScrollWidth, dims.ClientWidth)
			}
			if len(dims.Requests) > 0 {
				t.Errorf("%s fetched %v", name, dims.Requests)
			}
			if len(dims.Fonts) < 2 {
				t.Errorf("%s: embedded fonts not loaded: %v", name, dims.Fonts)
			}
		}
	}
}

func clip(s string) string {
	if len(s) > 400 {
		return s[:400] + "…"
	}
	return s
}

// sampleRoot is the absolute folder of the sample plans, with forward slashes.
func sampleRoot(t *testing.T) string {
	abs, err := filepath.Abs("../../samples/accounts")
	if err != nil {
		t.Fatal(err)
	}
	return filepath.ToSlash(abs) + "/"
}
