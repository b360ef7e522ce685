package portfolio

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/kepdev/kep/locale"
	"github.com/kepdev/kep/render/htmldoc"
	"github.com/kepdev/kep/render/rendertest"
)

// TestHTMLCheckers runs the Nu Html Checker and axe-core (the same tools and script as
// render/htmldoc's checks) over the portfolio report of the samples in German and English.
// Without the tools it skips, unless KEP_REQUIRE_TOOLS=1 (CI).
func TestHTMLCheckers(t *testing.T) {
	if testing.Short() {
		t.Skip("external checkers")
	}
	tl := rendertest.FindHTMLCheckers(t, true, true)

	dir := t.TempDir()
	var files []string
	for _, lang := range locale.Langs() {
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

	out, err := exec.Command(tl.Java, append([]string{"-Xss8m", "-jar", tl.VNU, "--errors-only", "--also-check-svg"}, files...)...).CombinedOutput()
	if err != nil || len(bytes.TrimSpace(out)) > 0 {
		t.Errorf("Nu Html Checker: %v\n%s", err, out)
	}
	for _, width := range []string{"1280", "390"} {
		cmd := exec.Command(tl.Node, append([]string{filepath.Join("..", "htmldoc", "testdata", "tools", "axe.cjs"), width}, files...)...)
		cmd.Env = append(os.Environ(), "NODE_PATH="+tl.NodePath, "CHROMIUM="+tl.Chromium)
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Errorf("axe at %s px: %v\n%s", width, err, out)
		}
	}
}
