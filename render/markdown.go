package render

import (
	"strings"
	"sync"

	"github.com/kepdev/kep"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/text"
)

// Markdown configured once for both writers: CommonMark with GFM tables and
// strikethrough (spec: "CommonMark with tables and strikethrough"), no autolinks beyond
// CommonMark's, and table alignment written as attributes, not style (the HTML must not
// carry inline styles from the plan). Raw HTML is never rendered: goldmark's default
// leaves it out, and WithUnsafe is never set.
// It is made on first use, not at start-up: kep version, validate and diff never need it.
var markdown = sync.OnceValue(func() goldmark.Markdown {
	return goldmark.New(
		goldmark.WithExtensions(
			extension.NewTable(extension.WithTableCellAlignMethod(extension.TableCellAlignAttribute)),
			extension.Strikethrough,
		),
	)
})

// MarkdownParser returns the shared goldmark instance. The PDF writer parses with
// MarkdownParser().Parser() and walks the AST; the HTML writer renders with
// MarkdownParser().Renderer() after CleanMarkdown.
func MarkdownParser() goldmark.Markdown { return markdown() }

// ParseMarkdown parses src and makes the tree safe for either writer: links and images
// with a destination that is not http, https or mailto lose it (their text stays), images
// become their alt text (a document fetches nothing), and raw HTML nodes are replaced by
// their source as plain text, so that "<script>" written in a plan reads as written.
func ParseMarkdown(src []byte) ast.Node {
	doc := markdown().Parser().Parse(text.NewReader(src))
	CleanMarkdown(doc, src)
	return doc
}

// CleanMarkdown applies ParseMarkdown's safety rules to a parsed tree in place.
func CleanMarkdown(doc ast.Node, src []byte) {
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

// SafeURL reports whether a link destination may appear in a document (kep.SafeURL:
// http, https or mailto, after decoding what browsers decode).
func SafeURL(raw string) bool { return kep.SafeURL(raw) }
