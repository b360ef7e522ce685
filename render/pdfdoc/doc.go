// Package pdfdoc lays out the plan document model of package render as a print-ready,
// branded PDF: cover, summary, table of contents with page numbers and links, numbered
// sections with bookmarks, tables that repeat their header, vector charts (charts.PDF)
// and page furniture with "n / N".
//
// It keeps github.com/go-pdf/fpdf (archived upstream) behind one function, [Write], and
// guards against its traps: every string passes a sanitizer that replaces what the font
// cannot draw (fpdf panics on runes above U+FFFF) and reports it in [Result]; all page
// breaks are made here (fpdf's automatic break is off); the contents and the footers are
// written in a final pass once the page count is known (fpdf's page alias is measured
// and drawn wrongly); output is byte-identical for identical input (dates from
// Options.Now in UTC, catalog sort, subset tags from a hash of the document).
//
// The files follow the pipeline: fonts.go and sanitize.go (faces parsed once per
// process, glyph coverage), layout.go and text.go (the page engine and rich-text line
// breaking), table.go (column widths from the content as in a browser's automatic
// layout, the width hints blended in; crowded tables set smaller before a word breaks;
// no single row alone on a page), markdown.go (goldmark's tree to spans and blocks), blocks.go
// (the document's block types), cover.go and write.go (the document frame). Streams
// are compressed by the vendored fpdf (third_party/fpdf), which reuses its compressors.
// Every PDF is tagged and PDF/A-1b: tag.go keeps the structure tree while the engine
// draws (the writers begin and end elements; decoration is an artifact), pdfa.go turns
// on PDF/A in fpdf (XMP, sRGB output intent, file ID), canvas_tag.go lets a Canvas tag.
//
// Tests check the output with qpdf and poppler-utils when installed; with
// KEP_REQUIRE_TOOLS set (CI) a missing tool fails them. Goldens in testdata are rewritten
// with go test ./render/pdfdoc -update.
package pdfdoc
