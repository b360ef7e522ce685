package pdfdoc

import (
	"bytes"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/kepdev/kep/render/rendertest"
)

// TestSamplesArePDFA requires zero findings of Apache PDFBox Preflight (PDF/A-1b) for
// every sample document (the portfolio report: render/portfolio; the change report and
// a plan with its review: cmd/kep).
func TestSamplesArePDFA(t *testing.T) {
	if testing.Short() {
		t.Skip("preflight starts a JVM per document")
	}
	for _, name := range samples(t) {
		pdf, _ := writePDF(t, sampleDoc(t, name))
		if f := rendertest.Preflight(t, pdf); len(f) > 0 {
			t.Errorf("%s: %d preflight findings, first: %s", name, len(f), strings.Join(f[:min(5, len(f))], "\n"))
		}
	}
}

var (
	structElem = regexp.MustCompile(`<</Type /StructElem /S /(\w+) /P \d+ 0 R([^\n]*)`)
	elemKids   = regexp.MustCompile(`(?:/Pg (\d+) 0 R )?/K \[([^\]]*)\]`)
	mcrDict    = regexp.MustCompile(`<</Type /MCR /Pg (\d+) 0 R /MCID (\d+)>>`)
	otherDict  = regexp.MustCompile(`<<[^>]*>>|\d+ 0 R`)
	altText    = regexp.MustCompile(`/Alt \(([^)]|\\\))+\)`)
)

// TestTaggedStructure reads the structure tree back from the PDF's objects (written
// uncompressed): headings, tables with scoped header cells, figures with alternative
// text, links with their annotation, the contents as TOC; poppler says it is tagged.
func TestTaggedStructure(t *testing.T) {
	pdf, _ := writePDF(t, sampleDoc(t, "hansa"))
	count := map[string]int{}
	for _, m := range structElem.FindAllSubmatch(pdf, -1) {
		typ, rest := string(m[1]), string(m[2])
		count[typ]++
		switch typ {
		case "Figure":
			if !altText.MatchString(rest) {
				t.Errorf("a Figure without /Alt: %s", rest)
			}
		case "TH":
			if !strings.Contains(rest, "/Scope /Column") && !strings.Contains(rest, "/Scope /Row") {
				t.Errorf("a TH without scope: %s", rest)
			}
		case "Link":
			if !strings.Contains(rest, "/Type /OBJR") {
				t.Errorf("a Link without its annotation: %s", rest)
			}
		}
	}
	for _, typ := range []string{"Document", "Sect", "H1", "H2", "P", "L", "LI", "Lbl", "LBody",
		"Table", "TR", "TH", "TD", "Figure", "Link", "TOC", "TOCI"} {
		if count[typ] == 0 {
			t.Errorf("no %s element; elements: %v", typ, count)
		}
	}
	if d := duplicateMCIDs(pdf); len(d) > 0 {
		t.Errorf("marked content referenced by two elements (page object, MCID): %v", d)
	}
	for _, want := range []string{"/MarkInfo <</Marked true>>", "/StructTreeRoot ", "/Lang (de)",
		"/ViewerPreferences <</DisplayDocTitle true>>", "/Subtype /Link /F 4 "} {
		if !bytes.Contains(pdf, []byte(want)) {
			t.Errorf("no %q in the PDF", want)
		}
	}
	if bytes.Contains(pdf, []byte("/Subtype /Link /Rect")) {
		t.Error("a link annotation without the print flag")
	}

	info := run(t, pdf, "pdfinfo", "FILE")
	if !strings.Contains(info, "Tagged:          yes") {
		t.Errorf("pdfinfo: not tagged\n%s", info)
	}
	// (pdfinfo -struct-text reads the tree with its text too, but takes minutes for a
	// 30-page document; checked by hand, see the issue note.)
}

// TestNilTaggerIsSafe: an engine without a tagger (nil) draws untagged.
func TestNilTaggerIsSafe(t *testing.T) {
	var tg *tagger
	drawn := 0
	tg.begin("P")
	tg.artifact(func() { drawn++ })
	tg.within(nil, func() { drawn++ })
	tg.cell(0, func() { drawn++ })
	tg.beginArtifact()()
	tg.end()
	tg.endLink()
	if drawn != 3 {
		t.Errorf("drawn %d times, want 3", drawn)
	}
}

// duplicateMCIDs lists the marked-content sequences (page object, MCID) that more than
// one element of the tree claims: each belongs to exactly one.
func duplicateMCIDs(pdf []byte) []string {
	seen := map[string]int{}
	for _, m := range structElem.FindAllSubmatch(pdf, -1) {
		k := elemKids.FindSubmatch(m[2])
		if k == nil {
			continue
		}
		for _, d := range mcrDict.FindAllSubmatch(k[2], -1) {
			seen[string(d[1])+"/"+string(d[2])]++
		}
		for _, id := range strings.Fields(string(otherDict.ReplaceAll(k[2], nil))) {
			seen[string(k[1])+"/"+id]++
		}
	}
	var dup []string
	for k, n := range seen {
		if n > 1 {
			dup = append(dup, k)
		}
	}
	sort.Strings(dup)
	return dup
}
