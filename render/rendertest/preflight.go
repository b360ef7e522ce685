package rendertest

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// preflightJars are the jars of Apache PDFBox Preflight and what it needs, as Debian's
// libpdfbox2-java, libactivation-java and libjaxb-api-java install them.
var preflightJars = []string{"preflight.jar", "pdfbox2.jar", "xmpbox.jar", "fontbox2.jar",
	"commons-logging.jar", "javax.activation.jar", "jaxb-api.jar"}

// Preflight validates pdf as PDF/A-1b with Apache PDFBox Preflight and returns its
// findings, one line each ("2.4.3 : Invalid Color space, …"); none for a valid file.
// Without Java or the jars (KEP_PREFLIGHT_DIR, default /usr/share/java) it ends t
// through Missing.
func Preflight(t testing.TB, pdf []byte) []string {
	t.Helper()
	java := Tool(t, "java")
	dir := os.Getenv("KEP_PREFLIGHT_DIR")
	if dir == "" {
		dir = "/usr/share/java"
	}
	var cp []string
	for _, j := range preflightJars {
		p := filepath.Join(dir, j)
		if _, err := os.Stat(p); err != nil {
			Missing(t, p+" (Debian libpdfbox2-java)")
		}
		cp = append(cp, p)
	}
	file := filepath.Join(t.TempDir(), "doc.pdf")
	if err := os.WriteFile(file, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(java, "-cp", strings.Join(cp, string(os.PathListSeparator)),
		"org.apache.pdfbox.preflight.Validator_A1b", file)
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	err := cmd.Run()
	text := out.String()
	if err == nil && strings.Contains(text, "is a valid PDF/A-1b file") {
		return nil
	}
	var findings []string
	for _, l := range strings.Split(text, "\n") {
		if l = strings.TrimSpace(l); l != "" && !strings.Contains(l, "is not a valid PDF/A-1b file") {
			findings = append(findings, l)
		}
	}
	if len(findings) == 0 {
		t.Fatalf("preflight: %v\n%s", err, text)
	}
	return findings
}
