package pdfdoc

// The structure of a canvas's PDF (render/onepage, render/slides): what a canvas draws
// outside any element is one P per page, readable but flat. These calls give it its
// structure; they nest, and every BeginTag needs its EndTag.

// BeginTag starts a structure element of type typ (H1, H2, P, L, LI, Lbl, LBody, Table,
// TR, TH, TD, Sect, …) for what the canvas draws next, inside the current one.
func (c *Canvas) BeginTag(typ string) { c.e.tags.begin(typ) }

// EndTag ends the element begun last.
func (c *Canvas) EndTag() { c.e.tags.end() }

// BeginFigure starts a Figure (end it with EndTag) with alt as its alternative text,
// for a chart or the logo.
func (c *Canvas) BeginFigure(alt string) {
	if el := c.e.tags.begin("Figure"); el != nil {
		el.Alt = c.e.san.Clean(alt)
	}
}

// Artifact draws fn's content as decoration that readers skip: bands, rules, page
// numbers, running heads.
func (c *Canvas) Artifact(fn func()) { c.e.tags.artifact(fn) }
