package pdfdoc

import (
	"bytes"
	"regexp"
	"strings"
	"testing"

	"github.com/kepdev/kep/render"
)

// mdSpans renders the first paragraph of src to spans.
func mdSpans(t *testing.T, src string) []span {
	t.Helper()
	w := testWriter(t)
	m := mdWriter{e: w.engine, src: []byte(src)}
	doc := render.ParseMarkdown(m.src)
	return m.inlines(doc.FirstChild(), 0, "")
}

func spanText(ss []span) string {
	var b strings.Builder
	for _, s := range ss {
		b.WriteString(s.text)
	}
	return b.String()
}

func TestMarkdownDecodesEntitiesAndEscapes(t *testing.T) {
	got := spanText(mdSpans(t, `A &amp; B \*kein\* Stern &#x41;&#66; &auml; &euro; \_x\_`))
	if want := "A & B *kein* Stern AB ä € _x_"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestMarkdownStyles(t *testing.T) {
	ss := mdSpans(t, "normal *kursiv* **fett** ~~weg~~ `code &amp;`")
	want := map[string]style{"kursiv": stItalic, "fett": stBold, "weg": stStrike, "code &amp;": stMono}
	for _, s := range ss {
		if st, ok := want[s.text]; ok {
			if s.st != st {
				t.Errorf("%q has style %b, want %b", s.text, s.st, st)
			}
			delete(want, s.text)
		}
	}
	if len(want) > 0 {
		t.Errorf("missing spans %v in %+v", want, ss)
	}
}

func TestMarkdownLinksOnlySafeSchemes(t *testing.T) {
	src := `[ok](https://example.com/a?b=1&amp;c=2) [mail](mailto:kam@example.com) ` +
		`[bad](javascript:alert(1)) [bad2](jav&#x61;script:alert(1)) [bad3](java%73cript:x) ` +
		`[bad4](data:text/html,x) [bad5](vbscript:x) [rel](/relative) <https://auto.example>`
	urls := map[string]string{}
	for _, s := range mdSpans(t, src) {
		if strings.TrimSpace(s.text) != "" {
			urls[s.text] = s.url
		}
	}
	want := map[string]string{
		"ok": "https://example.com/a?b=1&c=2", "mail": "mailto:kam@example.com",
		"bad": "", "bad2": "", "bad3": "", "bad4": "", "bad5": "", "rel": "",
		"https://auto.example": "https://auto.example",
	}
	for text, u := range want {
		got, ok := urls[text]
		if !ok {
			t.Errorf("link text %q missing (spans %v)", text, urls)
			continue
		}
		if got != u {
			t.Errorf("%q links to %q, want %q", text, got, u)
		}
	}
}

var uriRE = regexp.MustCompile(`/URI \(([^)]*)\)`)

func TestMarkdownInDocumentHasNoUnsafeLinkAnnotations(t *testing.T) {
	d := hostileDoc(t, 5, 5)
	pdf, _ := writePDF(t, d)
	found := 0
	for _, m := range uriRE.FindAllSubmatch(pdf, -1) {
		u := string(m[1])
		found++
		if !(strings.HasPrefix(u, "https://") || strings.HasPrefix(u, "http://") || strings.HasPrefix(u, "mailto:")) {
			t.Errorf("unsafe link annotation %q", u)
		}
	}
	if found == 0 {
		t.Error("no link annotations at all: safe links are lost")
	}
	if bytes.Contains(bytes.ToLower(pdf), []byte("javascript")) {
		t.Error("javascript appears in the PDF outside compressed text")
	}
}

func TestMarkdownNestingIsCapped(t *testing.T) {
	var b strings.Builder
	for i := 0; i < 200; i++ {
		b.WriteString(strings.Repeat("  ", i) + "- Ebene\n")
	}
	b.WriteString(strings.Repeat(">", 300) + " Zitat\n")
	w := testWriter(t)
	w.markdown(&render.Markdown{Source: b.String()}, 0)
	if err := w.pdf.Error(); err != nil {
		t.Fatal(err)
	}
}

func TestPDFURIIsASCII(t *testing.T) {
	if got, want := pdfURI("https://example.com/Müller (1)"), "https://example.com/M%C3%BCller%20%281%29"; got != want {
		t.Errorf("pdfURI = %q, want %q", got, want)
	}
}
