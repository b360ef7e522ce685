package portfolio

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kepdev/kep/render/htmldoc"
)

// TestHTMLCheckers runs the Nu Html Checker and axe-core (the same tools and script as
// render/htmldoc's checks) over the portfolio report of the samples in German and English.
// Without the tools it skips, unless KEP_REQUIRE_TOOLS=1 (CI).
func TestHTMLCheckers(t *testing.T) {
	if testing.Short() {
		t.Skip("external checkers")
	}
	nodePath := os.Getenv("NODE_PATH")
	module := func(name string) string {
		for _, dir := range filepath.SplitList(nodePath) {
			if p := filepath.Join(dir, name); fileExists(p) {
				return p
			}
		}
		return ""
	}
	java, _ := exec.LookPath("java")
	node, _ := exec.LookPath("node")
	chromium := os.Getenv("CHROMIUM")
	if chromium == "" {
		chromium, _ = exec.LookPath("chromium")
	}
	vnu := os.Getenv("KEP_VNU_JAR")
	if vnu == "" && module("vnu-jar") != "" {
		vnu = filepath.Join(module("vnu-jar"), "build", "dist", "vnu.jar")
	}
	var missing []string
	for name, ok := range map[string]bool{"java": java != "", "vnu.jar": fileExists(vnu), "node": node != "",
		"chromium": chromium != "", "axe-core": module("axe-core") != "", "playwright-core": module("playwright-core") != ""} {
		if !ok {
			missing = append(missing, name)
		}
	}
	if len(missing) > 0 {
		if os.Getenv("KEP_REQUIRE_TOOLS") == "1" {
			t.Fatalf("KEP_REQUIRE_TOOLS=1 but missing: %s", strings.Join(missing, ", "))
		}
		t.Skipf("missing %s", strings.Join(missing, ", "))
	}

	dir := t.TempDir()
	var files []string
	for _, lang := range []string{"de", "en"} {
		plans, figs := loadSamples(t)
		for _, p := range plans {
			p.Lang = lang
		}
		pf, err := Compute(plans, figs)
		if err != nil {
			t.Fatal(err)
		}
		var buf bytes.Buffer
		if err := htmldoc.Write(&buf, Document(pf, Options{Now: docDate}), htmldoc.Options{}); err != nil {
			t.Fatal(err)
		}
		f := filepath.Join(dir, "portfolio-"+lang+".html")
		if err := os.WriteFile(f, buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		files = append(files, f)
	}

	out, err := exec.Command(java, append([]string{"-Xss8m", "-jar", vnu, "--errors-only", "--also-check-svg"}, files...)...).CombinedOutput()
	if err != nil || len(bytes.TrimSpace(out)) > 0 {
		t.Errorf("Nu Html Checker: %v\n%s", err, out)
	}
	for _, width := range []string{"1280", "390"} {
		cmd := exec.Command(node, append([]string{filepath.Join("..", "htmldoc", "testdata", "tools", "axe.cjs"), width}, files...)...)
		cmd.Env = append(os.Environ(), "NODE_PATH="+nodePath, "CHROMIUM="+chromium)
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Errorf("axe at %s px: %v\n%s", width, err, out)
		}
	}
}

func fileExists(p string) bool {
	_, err := os.Stat(p)
	return p != "" && err == nil
}
