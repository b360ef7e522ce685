// Package render turns a checked plan and its derived figures into a Document: the
// ordered sections (cover, derived summary, contents, the seven building blocks, action
// plan, checklists, reviews, appendix) made of typed blocks (paragraphs, Markdown, facts,
// tables, lists, charts, notes, the SWOT grid). The document is built once by Build; the
// HTML writer (render/htmldoc) and the PDF writer only lay it out, so both formats carry
// the same content in the same order.
//
// The package is also the one place for the document language: Labels (German and
// English words) and Format (numbers, money, compact money, percentages and dates).
// Markdown from the plan goes through one goldmark configuration (MarkdownParser,
// ParseMarkdown) with the same link rule for both writers (SafeURL: http, https, mailto).
//
// Use from the command line (cmd/kep):
//
//	plan, figs, diags := loader.Load(path)        // plan/check's Loader; stop on diags.HasErrors()
//	doc, err := render.Build(plan, figs, render.Options{Now: now, KepVersion: version})
//	err = htmldoc.Write(w, doc, htmldoc.Options{})  // one self-contained HTML file
//
// Writers switch on the block types: *Paragraph, *Markdown, *Facts, *Table, *List,
// *Chart, *Note, *SWOT, *Tiles, *Heading. A Section with TOC set is where the table of
// contents goes. Every string in a Document is plain text, never markup.
package render
