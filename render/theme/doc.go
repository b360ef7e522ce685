// Package theme resolves a brand into what both document writers and the charts draw
// with: the colours and their text-safe variants (one parser, one contrast rule), the
// running header and footer, the default chart size and the number formats of charts.
// It is computed once per document (render.Document.Theme), so that HTML, PDF and the
// charts cannot decide the same thing differently.
package theme
