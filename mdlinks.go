package kep

import (
	"net/url"
	"strconv"
	"strings"
	"sync"

	"github.com/kepdev/kep/locale"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// SafeURL reports whether a link destination may appear in a document (spec: Markdown
// "links only http, https, mailto"): after decoding entities, backslash escapes and
// percent-encoding, and trimming what browsers ignore, its scheme must be http, https or
// mailto. Relative links are refused too: a document travels by e-mail and has nothing
// to be relative to. The writers (render) and kep validate use this one rule.
func SafeURL(raw string) bool {
	s := string(util.ResolveEntityNames(util.ResolveNumericReferences(util.UnescapePunctuations([]byte(raw)))))
	if dec, err := url.PathUnescape(s); err == nil {
		s = dec
	}
	// Browsers drop leading control characters and spaces and every tab and newline
	// inside a URL before they read the scheme ("java\tscript:" is javascript:).
	s = strings.Map(func(r rune) rune {
		if r == '\t' || r == '\n' || r == '\r' {
			return -1
		}
		return r
	}, s)
	s = strings.TrimLeft(s, "\x00\x01\x02\x03\x04\x05\x06\x07\x08\x0b\x0c\x0e\x0f\x10\x11\x12\x13\x14\x15\x16\x17\x18\x19\x1a\x1b\x1c\x1d\x1e\x1f ")
	i := strings.IndexByte(s, ':')
	if i <= 0 {
		return false
	}
	switch strings.ToLower(s[:i]) {
	case "http", "https":
		u, err := url.Parse(s)
		return err == nil && u.Host != ""
	case "mailto":
		return len(s) > i+1
	}
	return false
}

// mdParser parses as the writers do (render.MarkdownParser: CommonMark with tables and
// strikethrough), so that a link found here is a link there.
// Made on first use, not at start-up (kep version needs none).
var mdParser = sync.OnceValue(func() parser.Parser {
	return goldmark.New(goldmark.WithExtensions(extension.Table, extension.Strikethrough)).Parser()
})

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
	if !strings.ContainsAny(src, "[<:") {
		return nil // no link, image or autolink possible
	}
	b := []byte(src)
	var out []locale.Msg
	_ = ast.Walk(mdParser().Parse(text.NewReader(b)), func(n ast.Node, entering bool) (ast.WalkStatus, error) {
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
