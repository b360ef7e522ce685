package check

import (
	"slices"
	"testing"
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
