// Package pdfdoc lays out the plan document model of package render as a print-ready,
// branded PDF: cover, summary, table of contents with page numbers and links, numbered
// sections, tables that repeat their header, vector charts and an outline.
//
// It keeps github.com/go-pdf/fpdf (archived upstream) behind one small API, [Write], and
// guards against its traps: every string is checked against the font before it reaches
// fpdf, page numbers and the table of contents are written in a final pass, and the output
// is byte-identical for identical input.
package pdfdoc
