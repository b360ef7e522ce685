package pdfdoc

import (
	"os"
	"path/filepath"
	"testing"
)

// TestDump writes the samples and a hostile document to $KEP_PDF_DIR for looking at them.
func TestDump(t *testing.T) {
	dir := os.Getenv("KEP_PDF_DIR")
	if dir == "" {
		t.Skip("KEP_PDF_DIR not set")
	}
	for _, name := range samples(t) {
		pdf, res := writePDF(t, sampleDoc(t, name))
		t.Logf("%s: %d pages, %d bytes", name, res.Pages, len(pdf))
		if err := os.WriteFile(filepath.Join(dir, name+".pdf"), pdf, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	pdf, res := writePDF(t, hostileDoc(t, 60, 40))
	t.Logf("hostile: %d pages, %d bytes", res.Pages, len(pdf))
	if err := os.WriteFile(filepath.Join(dir, "hostile.pdf"), pdf, 0o644); err != nil {
		t.Fatal(err)
	}
}
