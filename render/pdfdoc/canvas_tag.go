package pdfdoc

import "strings"

// The structure of a Canvas page for the tagged PDF (tag.go): the one-pager and the slides
// say what they draw — a section per box or slide, its heading, its paragraphs, a chart as
// a figure with its text alternative, decoration and footers as artifacts — so that a
// screen reader reads them in order. Without calls to these, a page's text is one P.

// Begin starts a structure element (Sect, H1, H2, P, L, LI, …) inside the current one.
func (c *Canvas) Begin(typ string) { c.e.tags.begin(typ) }

// End ends the element Begin started last.
func (c *Canvas) End() { c.e.tags.end() }

// Artifact draws fn's content as decoration (rules, fills, running footers).
func (c *Canvas) Artifact(fn func()) { c.e.tags.artifact(fn) }

// Figure starts a Figure element with the text alternative alt; End ends it.
func (c *Canvas) Figure(alt string) {
	if fig := c.e.tags.begin("Figure"); fig != nil {
		fig.Alt = strings.TrimSpace(c.e.san.Clean(alt))
	}
}
