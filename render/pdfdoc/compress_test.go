package pdfdoc

import (
	"bytes"
	"regexp"
	"testing"
)

// Every stream of a document is compressed: pages, fonts and maps by fpdf, images as
// their format is. An uncompressed stream triples the size of a text page.
func TestEveryStreamIsCompressed(t *testing.T) {
	pdf, _ := writePDF(t, sampleDoc(t, "hansa"))
	dict := regexp.MustCompile(`(?s)<<([^<>]|<<[^<>]*>>)*>>\nstream\n`)
	n := 0
	for _, m := range dict.FindAll(pdf, -1) {
		n++
		if !bytes.Contains(m, []byte("/Filter")) {
			t.Errorf("stream without a filter: %q", m)
		}
	}
	if n < 30 {
		t.Errorf("found %d streams, want the pages, fonts and maps of 26 pages", n)
	}
	run(t, pdf, "qpdf", "--check", "FILE")
}
