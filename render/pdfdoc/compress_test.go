package pdfdoc

import (
	"bytes"
	"regexp"
	"testing"
)

// Every stream of a document is compressed: pages, fonts and maps by fpdf, images as
// their format is, all but the XMP metadata. An uncompressed stream triples the size of
// a text page.
func TestEveryStreamIsCompressed(t *testing.T) {
	pdf, _ := writePDF(t, sampleDoc(t, "hansa"))
	dict := regexp.MustCompile(`(?s)<<([^<>]|<<[^<>]*>>)*>>\nstream\n`)
	n := 0
	for _, m := range dict.FindAll(pdf, -1) {
		n++
		// The XMP metadata stays plain text: PDF/A-1 forbids a filter on it (6.7.2).
		if !bytes.Contains(m, []byte("/Filter")) && !bytes.Contains(m, []byte("/Type /Metadata")) {
			t.Errorf("stream without a filter: %q", m)
		}
	}
	if n < 30 {
		t.Errorf("found %d streams, want the pages, fonts and maps of 26 pages", n)
	}
	run(t, pdf, "qpdf", "--check", "FILE")
}
