package check

import (
	"strconv"
	"strings"

	"github.com/kepdev/kep/locale"
	"github.com/kepdev/kep/markdown"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"
)

// SafeURL reports whether a link destination may appear in a document: the one rule of
// package markdown (http, https, mailto after decoding what browsers decode), which the
// writers use too.
func SafeURL(raw string) bool { return markdown.SafeURL(raw) }

// markdownLinkFindings returns what the documents will not show of src's links and
// images, in the order they appear: a link whose destination is not http, https or
// mailto is shown as its text, an image as its alt text.
func markdownLinkFindings(src string) []string {
	var out []string
	for _, m := range markdownLinkMsgs(src) {
		out = append(out, m.String())
	}
	return out
}

// markdownLinkMsgs is markdownLinkFindings kept for translation.
func markdownLinkMsgs(src string) []locale.Msg {
	// Only a text with '[' (links, images, reference definitions) or '<' (autolinks) can
	// hold one: package markdown's parser has no linkify extension, so a bare
	// "https://…" or "Ziel: …" is plain text. Most texts of a plan have a colon and
	// neither of these; parsing them all was most of plan/check's time (issue 19).
	// TestLinkFilterExact checks the filter against the parser.
	if !strings.ContainsAny(src, "[<") {
		return nil
	}
	b := []byte(src)
	var out []locale.Msg
	_ = ast.Walk(markdown.Markdown().Parser().Parse(text.NewReader(b)), func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Link:
			if dest := string(n.Destination); !SafeURL(dest) {
				out = append(out, locale.Msgf("the link to %s is shown as plain text: links may go to http, https or mailto addresses", quoteShort(dest)))
			}
		case *ast.AutoLink:
			if dest := string(n.URL(b)); !SafeURL(dest) {
				out = append(out, locale.Msgf("the link to %s is shown as plain text: links may go to http, https or mailto addresses", quoteShort(dest)))
			}
		case *ast.Image:
			out = append(out, locale.Msgf("the image %s is shown as its text: documents show no images from a plan", quoteShort(string(n.Destination))))
		}
		return ast.WalkContinue, nil
	})
	return out
}

// quoteShort quotes s as Go does (control characters escaped), shortened to 60
// characters.
func quoteShort(s string) string {
	if r := []rune(s); len(r) > 60 {
		s = string(r[:59]) + "…"
	}
	return strconv.Quote(s)
}
