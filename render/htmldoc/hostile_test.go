package htmldoc

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"github.com/kepdev/kep/plan/check"
	"github.com/kepdev/kep/render"
	"github.com/kepdev/kep/render/rendertest"
)

// renderHostile renders the hostile plan with 2,000 contacts, 500 actions, a 200 KB
// summary and a 5,000-character word.
func renderHostile(t testing.TB) []byte {
	t.Helper()
	p := rendertest.Plan(2000, 500, 200, 5000)
	d, err := render.Build(p, check.Compute(p, testNow), render.Options{Now: testNow, KepVersion: "test"})
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := Write(&buf, d, Options{}); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// Elements the writer itself produces (templates, goldmark, charts' SVG); anything else
// in the output would have come from a plan.
var allowedElements = map[string]bool{
	"html": true, "head": true, "body": true, "meta": true, "title": true, "style": true,
	"a": true, "header": true, "main": true, "footer": true, "section": true, "nav": true, "div": true,
	"h1": true, "h2": true, "h3": true, "h4": true, "h5": true, "h6": true, "p": true, "span": true,
	"dl": true, "dt": true, "dd": true, "ul": true, "ol": true, "li": true, "wbr": true, "img": true,
	"table": true, "caption": true, "colgroup": true, "col": true, "thead": true, "tbody": true, "tfoot": true,
	"tr": true, "th": true, "td": true, "figure": true, "figcaption": true, "details": true, "summary": true,
	"strong": true, "em": true, "del": true, "code": true, "pre": true, "blockquote": true, "hr": true, "br": true,
	"svg": true, "g": true, "path": true, "text": true, "circle": true, "rect": true, "line": true, "polyline": true, "polygon": true, "tspan": true,
}

func TestHostilePlanIsEscaped(t *testing.T) {
	out := renderHostile(t)
	if dir := os.Getenv("KEP_HTML_OUT"); dir != "" {
		_ = os.WriteFile(filepath.Join(dir, "hostile.html"), out, 0o644)
	}
	doc, err := html.Parse(bytes.NewReader(out))
	if err != nil {
		t.Fatal(err)
	}
	var styles, imgs int
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			if !allowedElements[n.Data] {
				t.Errorf("element <%s> in output", n.Data)
			}
			switch n.Data {
			case "style":
				styles++
			case "img":
				imgs++
			}
			for _, a := range n.Attr {
				key := strings.ToLower(a.Key)
				if strings.HasPrefix(key, "on") || strings.Contains(key, "pwned") {
					t.Errorf("attribute %s=%q on <%s>", a.Key, a.Val, n.Data)
				}
				if strings.Contains(a.Val, rendertest.Marker) && key != "aria-label" && key != "content" && key != "title" && key != "alt" {
					t.Errorf("plan text in attribute %s of <%s>: %.80q", a.Key, n.Data, a.Val)
				}
				switch key {
				case "href":
					if !(strings.HasPrefix(a.Val, "#") || strings.HasPrefix(a.Val, "https://") || strings.HasPrefix(a.Val, "http://") || strings.HasPrefix(a.Val, "mailto:")) {
						t.Errorf("unsafe href %q", a.Val)
					}
				case "src":
					if !strings.HasPrefix(a.Val, "data:image/png;base64,") && !strings.HasPrefix(a.Val, "data:image/jpeg;base64,") {
						t.Errorf("src %q", a.Val)
					}
				}
			}
		}
		if n.Type == html.ElementNode && n.Data == "style" && n.FirstChild != nil {
			if s := n.FirstChild.Data; strings.Contains(s, "display:none}") || strings.Contains(s, "</") {
				t.Errorf("plan text escaped from a CSS string")
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	if styles != 1 || imgs != 0 {
		t.Errorf("%d style elements, %d images; want 1 and 0", styles, imgs)
	}
	text := strings.ReplaceAll(string(out), "\u00ad", "") // the soft hyphens of hyphenation
	for _, want := range []string{"Kontakt 1999", "Maßnahme 499", "😀", "Größe €", "&lt;script&gt;", "https://example.com/?a=1&amp;b=2", "mailto:a@example.com"} {
		if !strings.Contains(text, want) {
			t.Errorf("output lacks %q", want)
		}
	}
	// Unsafe text may be shown as text (escaped); it must never be markup.
	for _, bad := range []string{"<script", "<img", "<div onclick", "<b>"} {
		if strings.Contains(strings.ToLower(text), bad) {
			i := strings.Index(strings.ToLower(text), bad)
			t.Errorf("output contains %q: …%s…", bad, text[max(0, i-80):min(len(text), i+80)])
		}
	}
}

// TestMarkdownLinks checks the link rule on each kind of unsafe destination.
func TestMarkdownLinks(t *testing.T) {
	for _, tc := range []struct{ src, want, notWant string }{
		{"[x](javascript:alert(1))", "<p>x</p>", "href"},
		{"[x](JaVaScRiPt:alert(1))", "<p>x</p>", "href"},
		{"[x](jav&#x61;script:alert(1))", "<p>x</p>", "href"},
		{"[x](javascript%3Aalert(1))", "<p>x</p>", "href"},
		{"[x](data:text/html,hi)", "<p>x</p>", "href"},
		{"[x](/relative)", "<p>x</p>", "href"},
		{"<javascript:alert(1)>", "javascript:alert(1)", "href"},
		{"![alt](https://example.com/a.png)", "<p>alt</p>", "<img"},
		{"<b onclick=x>raw</b>", "&lt;b onclick=x&gt;raw&lt;/b&gt;", "<b"},
		{"[x](https://example.com)", `<a href="https://example.com">x</a>`, ""},
		{"[x](mailto:a@example.com)", `<a href="mailto:a@example.com">x</a>`, ""},
		{"| a | b |\n|--:|:-:|\n| 1 | 2 |", `<th class="al-right">a</th>`, "align="},
		{"# big", `<h3>big</h3>`, "<h1"},
		{"<https://example.com/a>", `<a href="https://example.com/a" class="bare">`, ""},
	} {
		got, err := markdownHTML(tc.src, 3)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(string(got), tc.want) || (tc.notWant != "" && strings.Contains(string(got), tc.notWant)) {
			t.Errorf("%q → %q; want %q without %q", tc.src, got, tc.want, tc.notWant)
		}
	}
}

func TestCSSStringEscapes(t *testing.T) {
	got := cssString(`a"b\c</style>;}` + "\n😀")
	if strings.ContainsAny(strings.Trim(got, `"`), "\"<>;}\n") || !strings.HasPrefix(got, `"a\000022 b`) {
		t.Errorf("cssString = %s", got)
	}
}

// markdownHTML renders Markdown as a Markdown block of a level-h section does.
func markdownHTML(src string, h int) (string, error) {
	p := &page{}
	err := p.markdown(&render.Markdown{Source: src}, h)
	return string(p.buf), err
}

func wrap(s string) string {
	p := &page{}
	p.wrap(s)
	return string(p.buf)
}

func TestWrapBreaksLongWords(t *testing.T) {
	got := wrap(strings.Repeat("x", 100) + " <b>")
	if strings.Count(got, "<wbr>") != 5 || !strings.HasSuffix(got, " &lt;b&gt;") {
		t.Errorf("wrap = %q", got)
	}
	if got := wrap("Deckungsbeitragsquote"); got != "Deckungsbeitragsquote" {
		t.Errorf("ordinary word changed: %q", got)
	}
}
