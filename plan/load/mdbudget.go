package load

import (
	"fmt"
	"strings"

	"github.com/kepdev/kep/plan"
)

// Limits of all Markdown of one plan together. goldmark's work grows with the blocks and
// inline markup it meets, and some of it with the length of the paragraph around the
// markup: each unclosed "](", title quote or backtick run makes it scan to the end of
// its line or paragraph (2 MiB of "[a](" took minutes). Counting per text let a plan
// repeat a text that is just within a limit 500 times (97 MB of HTML). So the plan has
// one budget, estimated in one pass over each text before anything parses it. Real plans
// use a few percent of it.
const (
	MaxMarkdownSize   = 512 << 10 // bytes
	MaxMarkdownBlocks = 10000     // paragraphs, list items, headings, quote and table lines
	MaxMarkdownMarkup = 50000     // characters that open inline markup: [ ] * _ ` ~ < \
	// MaxMarkdownScan bounds the sum over paragraphs of markup characters times
	// paragraph bytes: how far goldmark may scan forward for closers.
	MaxMarkdownScan = 1 << 24
)

// markdownMarkup are the characters counted as inline markup.
const markdownMarkup = "[]*_`~<\\"

// markdownCost is what a Markdown text costs of the plan's budget.
type markdownCost struct {
	bytes, blocks, markup, scan, cells int
}

func (a *markdownCost) add(b markdownCost) {
	a.bytes += b.bytes
	a.blocks += b.blocks
	a.markup += b.markup
	a.scan += b.scan
	a.cells += b.cells
}

// costOf estimates the cost of a Markdown text line by line: a block starts after a blank
// line or at a block marker; a paragraph runs to the next blank line; table cells are
// counted as in checkMarkdownSize.
func costOf(s string) markdownCost {
	c := markdownCost{bytes: len(s)}
	paraBytes, paraMarkup, cols := 0, 0, 0
	endPara := func() {
		c.scan += paraBytes * paraMarkup
		paraBytes, paraMarkup = 0, 0
	}
	blank := true
	for line := range strings.Lines(s) {
		t := strings.TrimSpace(line)
		if t == "" {
			endPara()
			blank, cols = true, 0
			continue
		}
		if blank || startsBlock(t) {
			c.blocks++
		}
		blank = false
		m := 0
		for i := 0; i < len(line); i++ {
			if strings.IndexByte(markdownMarkup, line[i]) >= 0 {
				m++
			}
		}
		c.markup += m
		paraBytes += len(line)
		paraMarkup += m
		if n := delimiterColumns(line); n > 0 {
			cols = max(cols, n)
			c.cells += n // the header row
		}
		c.cells += cols
	}
	endPara()
	return c
}

// startsBlock reports whether a trimmed line may start a block of its own: a list item,
// block quote, heading, fence, table row or thematic break.
func startsBlock(t string) bool {
	switch t[0] {
	case '-', '*', '+', '>', '#', '|', '`', '~', '=', '_':
		return true
	}
	return markdownDepth(t) > 0 // an ordered list item
}

// markdownBudget refuses a plan whose Markdown together goes beyond the limits, at the
// text where it does.
func (c *checker) markdownBudget(p *plan.Plan) {
	var sum markdownCost
	for _, f := range MarkdownFields(p) {
		sum.add(costOf(f.Text))
		if msg := sum.exceeded(); msg != "" {
			c.errf(f.Path, "%s", msg)
			return
		}
	}
}

// exceeded returns the message for the first limit the plan's Markdown goes beyond, or "".
func (sum markdownCost) exceeded() string {
	const together = "the plan's Markdown texts together"
	switch {
	case sum.bytes > MaxMarkdownSize:
		return fmt.Sprintf("%s are longer than the limit of %d bytes (512 KiB)", together, MaxMarkdownSize)
	case sum.blocks > MaxMarkdownBlocks:
		return fmt.Sprintf("%s have more than the limit of %d blocks (paragraphs, list items, headings, quote and table lines)", together, MaxMarkdownBlocks)
	case sum.markup > MaxMarkdownMarkup:
		return fmt.Sprintf("%s have more than the limit of %d markup characters ([ ] * _ ` ~ < \\)", together, MaxMarkdownMarkup)
	case sum.scan > MaxMarkdownScan:
		return fmt.Sprintf("%s have paragraphs too long for their markup: split long paragraphs with blank lines or use fewer [ ] * _ ` ~ < \\ in them", together)
	case sum.cells > MaxTableCells:
		return fmt.Sprintf("%s have more than the limit of %d table cells", together, MaxTableCells)
	}
	return ""
}
