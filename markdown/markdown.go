package markdown

import (
	"net/url"
	"strings"
	"sync"

	"github.com/kepdev/kep/markdown/internal/gfm"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// Markdown is the one goldmark configuration of kep: CommonMark with GFM tables and
// strikethrough (spec: "CommonMark with tables and strikethrough"), no autolinks beyond
// CommonMark's, and table alignment written as attributes, not style (the HTML must not
// carry inline styles from the plan). Raw HTML is never rendered: goldmark's default
// leaves it out, and WithUnsafe is never set. The PDF writer walks the tree of
// Markdown().Parser(); the HTML writer renders the same tree (NewHTMLRenderer);
// kep validate finds the links the documents will not show with the same parser.
// It is made on first use, not at start-up: kep version and kep diff never need it.
var Markdown = sync.OnceValue(func() goldmark.Markdown {
	return goldmark.New(
		goldmark.WithExtensions(
			gfm.NewTable(gfm.WithTableCellAlignMethod(gfm.TableCellAlignAttribute)),
			gfm.Strikethrough,
		),
	)
})

// NewHTMLRenderer returns a renderer as Markdown()'s (goldmark's HTML renderer with the
// GFM table's, cells aligned by attribute, and strikethrough's) with over's functions in
// front of them: the HTML writer renders a tree shared with the PDF writer, which it must
// not change, and writes what it used to set in the tree (heading levels, classes) in
// its own functions instead.
func NewHTMLRenderer(over renderer.NodeRenderer) renderer.Renderer {
	return renderer.NewRenderer(renderer.WithNodeRenderers(
		util.Prioritized(html.NewRenderer(), 1000),
		util.Prioritized(gfm.NewTableHTMLRenderer(gfm.WithTableCellAlignMethod(gfm.TableCellAlignAttribute)), 500),
		util.Prioritized(gfm.NewStrikethroughHTMLRenderer(), 500),
		util.Prioritized(over, 100),
	))
}

// Parse parses src and makes the tree safe for either writer: links and images
// with a destination that is not http, https or mailto lose it (their text stays), images
// become their alt text (a document fetches nothing), and raw HTML nodes are replaced by
// their source as plain text, so that "<script>" written in a plan reads as written.
func Parse(src []byte) ast.Node {
	doc := Markdown().Parser().Parse(text.NewReader(src))
	Clean(doc, src)
	return doc
}

// Clean applies Parse's safety rules to a parsed tree in place.
func Clean(doc ast.Node, src []byte) {
	var unsafe []ast.Node
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Link:
			if !SafeURL(string(n.Destination)) {
				unsafe = append(unsafe, n)
			}
		case *ast.AutoLink:
			if !SafeURL(string(n.URL(src))) {
				unsafe = append(unsafe, n)
			}
		case *ast.Image, *ast.RawHTML, *ast.HTMLBlock:
			unsafe = append(unsafe, n)
		}
		return ast.WalkContinue, nil
	})
	for _, n := range unsafe {
		replaceWithText(n, src)
	}
}

// replaceWithText swaps n for plain text: a link or image keeps its children (the link
// text, the alt text); raw HTML becomes its own source as text.
func replaceWithText(n ast.Node, src []byte) {
	parent := n.Parent()
	if parent == nil {
		return
	}
	switch n := n.(type) {
	case *ast.Link, *ast.Image:
		for c := n.FirstChild(); c != nil; {
			next := c.NextSibling()
			parent.InsertBefore(parent, n, c)
			c = next
		}
		parent.RemoveChild(parent, n)
	case *ast.AutoLink:
		parent.ReplaceChild(parent, n, ast.NewString(n.Label(src)))
	case *ast.RawHTML:
		var b strings.Builder
		for i := 0; i < n.Segments.Len(); i++ {
			seg := n.Segments.At(i)
			b.Write(seg.Value(src))
		}
		parent.ReplaceChild(parent, n, ast.NewString([]byte(b.String())))
	case *ast.HTMLBlock:
		var b strings.Builder
		for i := 0; i < n.Lines().Len(); i++ {
			seg := n.Lines().At(i)
			b.Write(seg.Value(src))
		}
		if n.HasClosure() {
			b.Write(n.ClosureLine.Value(src))
		}
		p := ast.NewParagraph()
		p.AppendChild(p, ast.NewString([]byte(strings.TrimRight(b.String(), "\n"))))
		parent.ReplaceChild(parent, n, p)
	}
}

// SafeURL reports whether a link destination may appear in a document (spec: Markdown
// "links only http, https, mailto"): after decoding entities, backslash escapes and
// percent-encoding, and trimming what browsers ignore, its scheme must be http, https or
// mailto. Relative links are refused too: a document travels by e-mail and has nothing
// to be relative to. The writers and kep validate use this one rule.
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
