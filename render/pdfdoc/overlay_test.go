package pdfdoc

import (
	"bytes"
	"regexp"
	"strconv"
	"testing"
)

// layoutPDF lays out d as Write does, with change applied to the writer first, and
// returns the PDF and the pages the layout handed over (pageLeft) in order.
func layoutPDF(t *testing.T, name string, change func(w *docWriter)) ([]byte, []int) {
	t.Helper()
	d := sampleDoc(t, name)
	fonts, err := fontSetOf(d)
	if err != nil {
		t.Fatal(err)
	}
	w := newDocWriter(d, fonts, Options{})
	var left []int
	if w.engine.pageLeft != nil {
		inner := w.engine.pageLeft
		w.engine.pageLeft = func(p int) { left = append(left, p); inner(p) }
	}
	if change != nil {
		change(w)
	}
	if err := w.layout(); err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := w.pdf.Output(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes(), left
}

// The layout hands each page to fpdf as it leaves it, but for the cover (drawn last)
// and the contents (filled last); what fpdf compressed then is the page's final content:
// the document is the same, byte for byte, as when every page is compressed after the
// layout.
func TestPagesHandedOverEarly(t *testing.T) {
	for _, name := range []string{"hansa", "brightwater", "minimal"} {
		early, left := layoutPDF(t, name, nil)
		late, _ := layoutPDF(t, name, func(w *docWriter) { w.engine.pageLeft = nil })
		if !bytes.Equal(early, late) {
			t.Errorf("%s: the PDF differs when pages are compressed during the layout", name)
		}
		// The engine reports every page it left once: all but the last.
		pages := len(regexp.MustCompile(`/Type /Page\b`).FindAll(early, -1))
		seen := map[int]bool{}
		for _, p := range left {
			if seen[p] || p < 1 || p >= pages {
				t.Errorf("%s: pages left %v, want each of 1 to %d once", name, left, pages-1)
				break
			}
			seen[p] = true
		}
		if len(seen) != pages-1 {
			t.Errorf("%s: pages left %v, want each of 1 to %d once", name, left, pages-1)
		}
	}
}

// Every page after the cover has its running head and footer in a content stream of
// its own after the page's (/Contents [page overlay]), and that stream holds artifacts
// only: no marked content of the structure tree.
func TestFurnitureInOverlay(t *testing.T) {
	pdf, _ := writePDF(t, sampleDoc(t, "hansa"))
	qdf := run(t, pdf, "qpdf", "--qdf", "--object-streams=disable", "FILE", "-")
	contents := regexp.MustCompile(`/Contents (\[\s*(\d+) 0 R\s+(\d+) 0 R\s*\]|\d+ 0 R)`).FindAllStringSubmatch(qdf, -1)
	if len(contents) < 20 {
		t.Fatalf("%d pages with contents, want hansa's 23", len(contents))
	}
	if contents[0][2] != "" {
		t.Errorf("the cover has an overlay: %s", contents[0][1])
	}
	for i, c := range contents[1:] {
		if c[3] == "" {
			t.Errorf("page %d: /Contents %s, want the page's stream and its overlay", i+2, c[1])
			continue
		}
		n, _ := strconv.Atoi(c[3])
		body := regexp.MustCompile(`(?s)\n` + strconv.Itoa(n) + ` 0 obj\n<<.*?>>\nstream\n(.*?)endstream`).FindStringSubmatch(qdf)
		if body == nil {
			t.Fatalf("page %d: overlay object %d not found", i+2, n)
		}
		s := body[1]
		if !regexp.MustCompile(`^/Artifact BMC\n`).MatchString(s) || !bytes.HasSuffix(bytes.TrimSpace([]byte(s)), []byte("EMC")) ||
			bytes.Contains([]byte(s), []byte("/MCID")) || len(s) < 100 {
			t.Errorf("page %d: overlay is not the page's furniture as one artifact:\n%.300s", i+2, s)
		}
	}
}
