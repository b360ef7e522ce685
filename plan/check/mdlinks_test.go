package check

import (
	"slices"
	"testing"

	"github.com/kepdev/kep/markdown"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"
)

func TestMarkdownLinkFindings(t *testing.T) {
	for _, tc := range []struct {
		src  string
		want []string
	}{
		{"plain text, no link", nil},
		{"[site](https://example.com) and <mailto:a@b.de> and <https://x.de>", nil},
		{"[x](javascript:alert(1))", []string{`the link to "javascript:alert(1)" is shown as plain text: links may go to http, https or mailto addresses`}},
		{"see [the docs](docs/x.html)", []string{`the link to "docs/x.html" is shown as plain text: links may go to http, https or mailto addresses`}},
		{"<ftp://files.example.com/a>", []string{`the link to "ftp://files.example.com/a" is shown as plain text: links may go to http, https or mailto addresses`}},
		{"![logo](https://example.com/l.png)", []string{`the image "https://example.com/l.png" is shown as its text: documents show no images from a plan`}},
		{"| a |\n|---|\n| [x](file:///etc/passwd) |", []string{`the link to "file:///etc/passwd" is shown as plain text: links may go to http, https or mailto addresses`}},
		{"`[x](javascript:1)` in code is no link", nil},
		{"[x](<java\tscript:1>)", []string{`the link to "java\tscript:1" is shown as plain text: links may go to http, https or mailto addresses`}},
	} {
		if got := markdownLinkFindings(tc.src); !slices.Equal(got, tc.want) {
			t.Errorf("%q:\n got %q\nwant %q", tc.src, got, tc.want)
		}
	}
}

// TestLinkFilterExact: a text without '[' or '<' holds no link, image or autolink for
// the parser, so markdownLinkMsgs may skip it unparsed (bare addresses, entities that
// decode to brackets, emails: plain text without a linkify extension).
func TestLinkFilterExact(t *testing.T) {
	texts := []string{
		"Ziel: Umsatz steigern", "https://example.com/x", "javascript:alert(1)", "www.example.com",
		"mail a@b.de or mailto:a@b.de", "&#91;x&#93;(javascript:1)", "&#x5B;x&#x5D;(file:///etc)",
		"&lt;javascript:1&gt;", "\\u005bx](javascript:1)", "x](javascript:1)", "!x(https://e.com/l.png)",
		"| a: b |\n|---|\n| javascript:1 |", "~~file:///etc/passwd~~", "**ftp://x** _mailto:y_",
		"    code: javascript:1", "```\njavascript:1\n```",
	}
	for _, src := range texts {
		b := []byte(src)
		_ = ast.Walk(markdown.Markdown().Parser().Parse(text.NewReader(b)), func(n ast.Node, entering bool) (ast.WalkStatus, error) {
			switch n.(type) {
			case *ast.Link, *ast.AutoLink, *ast.Image:
				t.Errorf("%q: the parser finds a %T, but markdownLinkMsgs skips texts without '[' or '<'", src, n)
			}
			return ast.WalkContinue, nil
		})
	}
}
