package pdfdoc

import (
	"io"
	"testing"

	"github.com/kepdev/kep/render"
)

// FuzzWrite sets any text as Markdown, paragraph, heading, table cell, list item and
// tile: Write must neither panic nor fail.
func FuzzWrite(f *testing.F) {
	for _, s := range []string{
		"", "**fett** *kursiv* `code` ~~weg~~", "[x](javascript:alert(1)) <script>x</script>",
		"😀 漢字 \U0010FFFF \x00\x1b\u202e", "- a\n  - b\n    - c\n\n> > > q", "| a | b |\n|---|--:|\n| 1 | 2 |",
		"```\n\tcode\n```", "&amp; &#0; &#x110000; &bogus; \\", hostileMarkdown(2000)[:2000],
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d := &render.Document{
			Labels: render.LabelsFor("de"), Title: s, Account: s, Confidentiality: s, Footer: s,
			Cover: []render.Fact{{Label: s, Value: s}},
			Sections: []*render.Section{
				{Title: "Inhalt", TOC: true, NewPage: true, Level: 1},
				{Number: "1", Title: s, Level: 1, NewPage: true, Blocks: []render.Block{
					&render.Markdown{Source: s},
					&render.Paragraph{Text: s},
					&render.Heading{Text: s},
					&render.Table{Caption: s, Header: []string{s, s}, Rows: [][]render.Cell{{{Text: s, Light: render.Amber}, {Text: s, Link: s}}}},
					&render.List{Title: s, Items: []string{s, s}, Ordered: true},
					&render.Tiles{Items: []render.Tile{{Label: s, Value: s, Sub: s, Light: render.Red}}},
					&render.Note{Text: s, Kind: render.NoteWarning},
					&render.SWOT{Quadrants: [4]render.SWOTQuadrant{{Title: s, Items: []string{s}}}},
					&render.Facts{Title: s, Items: []render.Fact{{Label: s, Value: s, Link: s}}},
				}, Sections: []*render.Section{{Number: "1.1", Title: s, Level: 2}}},
			},
		}
		if _, err := Write(io.Discard, d, Options{Now: testNow}); err != nil {
			t.Fatalf("Write: %v", err)
		}
	})
}
