package rendertest

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// External tools (poppler, qpdf, the Nu Html Checker, axe-core, Chromium, taplo) check
// the documents from outside. .ci/run installs them and sets KEP_REQUIRE_TOOLS, which turns
// a missing tool into a failure; elsewhere a test that needs one is skipped. This is the
// one place that policy lives.

// ToolsRequired reports whether missing external tools fail tests (CI) instead of
// skipping them.
func ToolsRequired() bool { return os.Getenv("KEP_REQUIRE_TOOLS") != "" }

// Missing ends t for want of the named tools: a failure where tools are required, a skip
// elsewhere. It does nothing when no tool is named.
func Missing(t testing.TB, names ...string) {
	t.Helper()
	if len(names) == 0 {
		return
	}
	list := strings.Join(names, ", ")
	if ToolsRequired() {
		t.Fatalf("KEP_REQUIRE_TOOLS is set but missing: %s", list)
	}
	t.Skipf("missing %s", list)
}

// Tool returns the path of the program name on PATH, or ends t through Missing.
func Tool(t testing.TB, name string) string {
	t.Helper()
	p, err := exec.LookPath(name)
	if err != nil {
		Missing(t, name)
	}
	return p
}

// HTMLCheckers are the paths the HTML checks need: Java and vnu.jar for the Nu Html
// Checker; Node with axe-core and playwright-core (found through NODE_PATH) driving
// Chromium for axe and screenshots. The script is render/htmldoc/testdata/tools/axe.cjs.
type HTMLCheckers struct {
	Java, VNU, Node, NodePath, Chromium string
}

// FindHTMLCheckers looks the checkers up: vnu.jar through KEP_VNU_JAR or the npm package
// vnu-jar in NODE_PATH, Chromium through CHROMIUM or PATH. What is missing ends t through
// Missing.
func FindHTMLCheckers(t testing.TB, needNode, needVNU bool) HTMLCheckers {
	t.Helper()
	var c HTMLCheckers
	var missing []string
	c.NodePath = os.Getenv("NODE_PATH")
	module := func(name string) string {
		for _, dir := range filepath.SplitList(c.NodePath) {
			if p := filepath.Join(dir, name); exists(p) {
				return p
			}
		}
		return ""
	}
	if needVNU {
		c.Java, _ = exec.LookPath("java")
		c.VNU = os.Getenv("KEP_VNU_JAR")
		if c.VNU == "" {
			if m := module("vnu-jar"); m != "" {
				c.VNU = filepath.Join(m, "build", "dist", "vnu.jar")
			}
		}
		if c.Java == "" {
			missing = append(missing, "java")
		}
		if !exists(c.VNU) {
			missing = append(missing, "vnu.jar (npm vnu-jar in NODE_PATH, or KEP_VNU_JAR)")
		}
	}
	if needNode {
		c.Node, _ = exec.LookPath("node")
		c.Chromium = os.Getenv("CHROMIUM")
		if c.Chromium == "" {
			c.Chromium, _ = exec.LookPath("chromium")
		}
		if c.Node == "" {
			missing = append(missing, "node")
		}
		if c.Chromium == "" {
			missing = append(missing, "chromium")
		}
		for _, m := range []string{"axe-core", "playwright-core"} {
			if module(m) == "" {
				missing = append(missing, m+" (npm, in NODE_PATH)")
			}
		}
	}
	Missing(t, missing...)
	return c
}

func exists(p string) bool {
	_, err := os.Stat(p)
	return p != "" && err == nil
}
