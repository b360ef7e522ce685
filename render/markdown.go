package render

import (
	"github.com/kepdev/kep/markdown"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/renderer"
)

// The writers reach the one Markdown setup (package markdown) through these names.

// MarkdownParser returns the shared goldmark instance (markdown.Markdown).
func MarkdownParser() goldmark.Markdown { return markdown.Markdown() }

// ParseMarkdown parses src and makes the tree safe for either writer (markdown.Parse).
func ParseMarkdown(src []byte) ast.Node { return markdown.Parse(src) }

// NewMarkdownRenderer returns the HTML renderer of MarkdownParser with over's functions
// in front of its own (markdown.NewHTMLRenderer).
func NewMarkdownRenderer(over renderer.NodeRenderer) renderer.Renderer {
	return markdown.NewHTMLRenderer(over)
}

// CleanMarkdown applies ParseMarkdown's safety rules to a parsed tree (markdown.Clean).
func CleanMarkdown(doc ast.Node, src []byte) { markdown.Clean(doc, src) }

// SafeURL reports whether a link destination may appear in a document (markdown.SafeURL:
// http, https or mailto, after decoding what browsers decode).
func SafeURL(raw string) bool { return markdown.SafeURL(raw) }
