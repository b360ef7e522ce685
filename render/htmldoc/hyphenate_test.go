package htmldoc

import (
	"strings"
	"testing"

	"github.com/kepdev/kep/render"
	"github.com/kepdev/kep/render/hyph"
)

func TestHyphenateHTML(t *testing.T) {
	de := hyph.For("de")
	for _, c := range []struct{ in, want string }{
		// Text is hyphenated, tags and attributes are not.
		{`<p title="Instandhaltungsplanungsleiter">Instandhaltungsplanungsleiter</p>`,
			`<p title="Instandhaltungsplanungsleiter">In-stand-hal-tungs-pla-nungs-lei-ter</p>`},
		// Headings, code and charts keep their words.
		{`<h2 id="x">Wettbewerbsanalyse</h2><code>Wettbewerbsanalyse</code><svg><text>Wettbewerbsanalyse</text></svg>`,
			`<h2 id="x">Wettbewerbsanalyse</h2><code>Wettbewerbsanalyse</code><svg><text>Wettbewerbsanalyse</text></svg>`},
		// After a skipped element, text is hyphenated again.
		{`<h3>Ziel</h3><p>Zielerreichung</p>`, `<h3>Ziel</h3><p>Ziel-er-rei-chung</p>`},
		// Words shorter than longWord are left to the browser's hyphens: auto.
		{`<p>Aufstufung und Skeptiker</p>`, `<p>Aufstufung und Skeptiker</p>`},
		// Numbers, dates and amounts never get a point; entities stay whole.
		{`<td>18.09.2026</td><td>2.400.000 €</td><td>Forschung&amp;Entwicklung</td>`,
			`<td>18.09.2026</td><td>2.400.000 €</td><td>For-schung&amp;Ent-wick-lung</td>`},
		{`<td>18.09.2026–31.12.2027</td>`, `<td>18.09.2026–31.12.2027</td>`},
		// Addresses stay whole; a compound is hyphenated part by part.
		{`<a href="https://x.de">https://beispiel.de/instandhaltung</a> Key-Account-Analyse`,
			`<a href="https://x.de">https://beispiel.de/instandhaltung</a> Key-Ac-count-Ana-ly-se`},
		// The author's soft hyphens are the word's only points.
		{"<p>Kunden\u00adentwicklungsplan</p>", "<p>Kunden\u00adentwicklungsplan</p>"},
	} {
		got := strings.ReplaceAll(string(hyphenateHTML([]byte(c.in), de)), softHyphen, "-")
		want := c.want
		if strings.Contains(c.in, softHyphen) {
			got, want = string(hyphenateHTML([]byte(c.in), de)), c.want
		}
		if got != want {
			t.Errorf("hyphenateHTML(%q)\n got %q\nwant %q", c.in, got, want)
		}
	}
	// A language without patterns: the markup as it is.
	in := []byte("<p>Instandhaltungsplanungsleiter</p>")
	if got := hyphenateHTML(in, hyph.For("ja")); string(got) != string(in) {
		t.Errorf("no patterns: %q", got)
	}
}

// TestHTMLSoftHyphensOnlyInText: soft hyphens stand at every point of the text's words
// and nowhere in a heading.
func TestHTMLSoftHyphensOnlyInText(t *testing.T) {
	page := string(hyphenateHTML([]byte(`<h2>Lieferzeitverkürzung</h2><p>Einflussnahme und Lieferzeitverkürzung</p>`), hyph.For("de")))
	if !strings.Contains(page, "<h2>Lieferzeitverkürzung</h2>") {
		t.Errorf("a heading was hyphenated: %q", page)
	}
	if got := strings.Count(page, softHyphen); got != 5 {
		t.Errorf("%d soft hyphens in %q, want 5 (Lie·fer·zeit·ver·kür·zung; Einflussnahme is short)", got, page)
	}
}

// TestItalicFaces: a page with emphasis carries the built-in italics as faces of their
// own; a page without carries only regular and bold.
func TestItalicFaces(t *testing.T) {
	d := &render.Document{Lang: "de", Labels: render.LabelsFor("de"), Format: render.NewFormat("de", "EUR")}
	for _, c := range []struct {
		src  string
		want int
	}{{"ohne Betonung", 2}, {"mit *Betonung*", 4}} {
		d.Sections = []*render.Section{{Title: "T", Blocks: []render.Block{&render.Markdown{Source: c.src}}}}
		var buf strings.Builder
		if err := Write(&buf, d, Options{}); err != nil {
			t.Fatal(err)
		}
		if got := strings.Count(buf.String(), "@font-face{"); got != c.want {
			t.Errorf("%q: %d font faces, want %d", c.src, got, c.want)
		}
		if c.want == 4 && !strings.Contains(buf.String(), "font-weight:400;font-style:italic") {
			t.Errorf("%q: no italic face", c.src)
		}
	}
}
