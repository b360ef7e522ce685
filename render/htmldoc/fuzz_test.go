package htmldoc

import (
	"strings"
	"testing"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/kepdev/kep/render/rendertest"
)

// FuzzMarkdown: any Markdown renders without error, and the HTML it gives holds only
// elements goldmark makes from Markdown and only safe links.
func FuzzMarkdown(f *testing.F) {
	for _, s := range []string{rendertest.HostileMarkdown, "[a](javascript:x)", "<script>x</script>", "| a |\n|--|\n| <b> |", "# h\n\n> q\n\n```\n<x>\n```"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		out, err := markdownHTML(src, 3)
		if err != nil {
			t.Fatal(err)
		}
		nodes, err := html.ParseFragment(strings.NewReader(string(out)), &html.Node{Type: html.ElementNode, Data: "div", DataAtom: atom.Div})
		if err != nil {
			t.Fatal(err)
		}
		var walk func(n *html.Node)
		walk = func(n *html.Node) {
			if n.Type == html.ElementNode {
				if !allowedElements[n.Data] || n.Data == "img" || n.Data == "style" || n.Data == "svg" {
					t.Fatalf("element <%s> from %q", n.Data, src)
				}
				for _, a := range n.Attr {
					if strings.HasPrefix(a.Key, "on") || a.Key == "style" || a.Key == "src" {
						t.Fatalf("attribute %s from %q", a.Key, src)
					}
					v := strings.ToLower(a.Val)
					if a.Key == "href" && !(strings.HasPrefix(v, "http://") || strings.HasPrefix(v, "https://") || strings.HasPrefix(v, "mailto:")) {
						t.Fatalf("href %q from %q", a.Val, src)
					}
				}
			}
			for c := n.FirstChild; c != nil; c = c.NextSibling {
				walk(c)
			}
		}
		for _, n := range nodes {
			walk(n)
		}
	})
}
