package markdown

import (
	"strings"
	"testing"

	"github.com/yuin/goldmark/ast"
)

func TestSafeURL(t *testing.T) {
	for u, want := range map[string]bool{
		"https://example.com": true, "http://example.com/a?b=c": true, "mailto:a@example.com": true,
		"HTTPS://EXAMPLE.COM": true, "javascript:alert(1)": false, "JavaScript:alert(1)": false,
		" javascript:alert(1)": false, "java\tscript:alert(1)": false, "jav&#x61;script:alert(1)": false,
		"javascript%3Aalert(1)": false, "data:text/html,x": false, "vbscript:x": false, "file:///etc/passwd": false,
		"/relative": false, "#anchor": false, "": false, "https://": false, "mailto:": false,
		"\x01javascript:alert(1)": false,
	} {
		if got := SafeURL(u); got != want {
			t.Errorf("SafeURL(%q) = %v, want %v", u, got, want)
		}
	}
}

// TestParseCleans: unsafe links keep their text, images become their alt text and raw
// HTML its source as text; safe links stay.
func TestParseCleans(t *testing.T) {
	src := []byte("[ok](https://example.com) [bad](javascript:alert(1)) ![alt](https://x/y.png) <b>x</b>\n\n<script>s</script>\n")
	doc := Parse(src)
	var links, images, raw int
	var text strings.Builder
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Link:
			links++
		case *ast.Image:
			images++
		case *ast.RawHTML, *ast.HTMLBlock:
			raw++
		case *ast.Text:
			text.Write(n.Segment.Value(src))
		case *ast.String:
			text.Write(n.Value)
		}
		return ast.WalkContinue, nil
	})
	if links != 1 || images != 0 || raw != 0 {
		t.Errorf("links %d, images %d, raw HTML %d; want 1, 0, 0", links, images, raw)
	}
	for _, want := range []string{"bad", "alt", "<b>", "<script>s</script>"} {
		if !strings.Contains(text.String(), want) {
			t.Errorf("text %q lacks %q", text.String(), want)
		}
	}
}
