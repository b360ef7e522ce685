package edition_test

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kepdev/kep/plan"
	"github.com/kepdev/kep/plan/check"
	"github.com/kepdev/kep/render/edition"
	"github.com/kepdev/kep/render/htmldoc"
	"github.com/kepdev/kep/render/rendertest"
)

// customerHTML writes the customer edition of the samples and of a hostile plan as HTML.
func customerHTML(t *testing.T, dir string) []string {
	t.Helper()
	plans := map[string]*plan.Plan{}
	for _, name := range []string{"hansa", "brightwater", "minimal"} {
		l := &check.Loader{Now: testNow}
		p, diags := l.LoadPlan("../../samples/accounts/" + name + ".toml")
		if diags.HasErrors() {
			t.Fatal(diags)
		}
		plans[name] = p
	}
	plans["hostile"] = rendertest.Plan(60, 40, 20, 300)
	var files []string
	for _, name := range []string{"hansa", "brightwater", "minimal", "hostile"} {
		doc, _, err := edition.Customer(plans[name], edition.Options{Now: testNow})
		if err != nil {
			t.Fatal(err)
		}
		var b bytes.Buffer
		if err := htmldoc.Write(&b, doc, htmldoc.Options{}); err != nil {
			t.Fatal(err)
		}
		out := filepath.Join(dir, name+".customer.html")
		if err := os.WriteFile(out, b.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		files = append(files, out)
	}
	return files
}

// TestCustomerHTMLChecks: the customer edition passes the checks the documents pass:
// the Nu Html Checker and axe-core at a desktop and a phone width.
func TestCustomerHTMLChecks(t *testing.T) {
	if testing.Short() {
		t.Skip("the checkers take minutes; make test runs them")
	}
	tl := rendertest.FindHTMLCheckers(t, true, true)
	files := customerHTML(t, t.TempDir())
	for _, run := range [][]string{files[:len(files)-1], {"--no-langdetect", files[len(files)-1]}} {
		args := append([]string{"-Xss8m", "-jar", tl.VNU, "--format", "gnu", "--also-check-svg"}, run...)
		out, _ := exec.Command(tl.Java, args...).CombinedOutput()
		for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
			if strings.Contains(line, ": error:") || (strings.Contains(line, ": warning:") && !strings.Contains(line, "info warning")) {
				t.Errorf("Nu: %s", line)
			}
		}
	}
	for _, width := range []string{"1280", "390"} {
		cmd := exec.Command(tl.Node, append([]string{filepath.Join("..", "htmldoc", "testdata", "tools", "axe.cjs"), width}, files...)...)
		cmd.Env = append(os.Environ(), "NODE_PATH="+tl.NodePath, "CHROMIUM="+tl.Chromium)
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Errorf("axe at %s px: %v\n%s", width, err, out)
		}
	}
}
