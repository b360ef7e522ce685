package pdfdoc

import (
	"github.com/go-pdf/fpdf"
	"github.com/kepdev/kep/render"
)

// tagger keeps the structure tree of a tagged PDF while the engine draws. There is
// always one marked-content sequence open on the current page: the innermost element's
// own content (a P, an H2, a TD, …) or, where the innermost element only groups others
// (a Table, a TR, an L), an artifact, so that rules, fills and bars between the cells
// and items are decoration. Switching is cheap: fpdf drops a sequence that received
// nothing. Page breaks close the sequence and open it again on the new page (MCIDs are
// per page). The order of the tree is the order of begin calls, which is the reading
// order; content drawn out of order (the cover, the contents) goes into an element
// made at its logical place and filled later with within.
//
// The API for the writers of this package (docWriter, Canvas):
//
//	e.tags.begin("P") … e.tags.end()   an element as child of the current one
//	e.tags.artifact(func() { … })        decoration, running heads, page numbers
//	el := e.tags.reserve("Sect"); later e.tags.within(el, func() { … })
//
// A nil *tagger does nothing, so an engine without one draws an untagged page.
type tagger struct {
	pdf   *fpdf.Fpdf
	stack []*fpdf.StructElem
	open  bool               // a sequence is open on the current page
	cells []*fpdf.StructElem // the cells (TH, TD) of the table row being drawn
	// pageText is, per page, the element of content drawn with no element begun (a
	// Canvas that does not tag): a P, so that its text is read rather than hidden as an
	// artifact. The document writer always begins an element first.
	pageText map[int]*fpdf.StructElem
	// later holds the elements reserved for content drawn later (floating charts).
	later map[any]*fpdf.StructElem
}

// grouping reports the structure types that hold other elements only: content drawn
// while one of them is innermost is an artifact. (A switch: a map was hashed at each of
// the 3,600 sequences hansa's layout opens.)
func grouping(typ string) bool {
	switch typ {
	case "Document", "Part", "Sect", "Div", "BlockQuote", "Table", "THead", "TBody", "TFoot", "TR",
		"L", "LI", "TOC":
		return true
	}
	return false
}

func newTagger(pdf *fpdf.Fpdf) *tagger {
	return &tagger{pdf: pdf, stack: []*fpdf.StructElem{pdf.StructTreeRoot()}}
}

// top is the current element.
func (t *tagger) top() *fpdf.StructElem { return t.stack[len(t.stack)-1] }

// close ends the open sequence.
func (t *tagger) close() {
	if t != nil && t.open {
		t.pdf.EndMarkedContent()
		t.open = false
	}
}

// reopen starts the current element's sequence (or an artifact) on the current page.
func (t *tagger) reopen() {
	if t == nil {
		return
	}
	t.close()
	if len(t.stack) == 1 {
		p := t.pdf.PageNo()
		if t.pageText[p] == nil {
			if t.pageText == nil {
				t.pageText = map[int]*fpdf.StructElem{}
			}
			t.pageText[p] = t.top().Add("P")
		}
		t.pdf.BeginMarkedContent(t.pageText[p])
	} else if top := t.top(); grouping(top.Type) {
		t.pdf.BeginArtifact()
	} else {
		t.pdf.BeginMarkedContent(top)
	}
	t.open = true
}

// begin starts an element of type typ inside the current one.
func (t *tagger) begin(typ string) *fpdf.StructElem {
	if t == nil {
		return nil
	}
	el := t.top().Add(typ)
	t.push(el)
	return el
}

// push makes el, made earlier, the current element.
func (t *tagger) push(el *fpdf.StructElem) {
	if t == nil || el == nil {
		return
	}
	t.stack = append(t.stack, el)
	t.reopen()
}

// end ends the current element; the one around it continues.
func (t *tagger) end() {
	if t == nil || len(t.stack) < 2 {
		return
	}
	t.stack = t.stack[:len(t.stack)-1]
	t.reopen()
}

// reserve makes an element at the current place in the tree, to be filled later.
func (t *tagger) reserve(typ string) *fpdf.StructElem {
	if t == nil {
		return nil
	}
	return t.top().Add(typ)
}

// within draws fn's content into el (made by reserve) on the current page.
func (t *tagger) within(el *fpdf.StructElem, fn func()) {
	if t == nil || el == nil {
		fn()
		return
	}
	was := t.open
	saved := t.stack
	t.close()
	// saved's elements stay as they are: fn's pushes and pops (balanced) only write
	// beyond them, so the stack needs no copy (a table cell is drawn within its element).
	t.stack = append(saved, el)
	t.reopen()
	fn()
	t.close()
	t.stack = saved
	if was {
		t.reopen()
	}
}

// artifact draws fn's content as an artifact on the current page.
func (t *tagger) artifact(fn func()) {
	if t == nil {
		fn()
		return
	}
	was := t.open
	t.close()
	t.pdf.BeginArtifact()
	fn()
	t.pdf.EndMarkedContent()
	if was {
		t.reopen()
	}
}

// link ends a Link element whose annotation was just added: the annotation becomes the
// element's object reference.
func (t *tagger) endLink() {
	if t == nil {
		return
	}
	t.pdf.AddLinkToStruct(t.top())
	t.end()
}

// setPage goes to page p for drawing out of order, with nothing open.
func (t *tagger) setPage(e *engine, p int) {
	t.close()
	e.pdf.SetPage(p)
	e.invalidate()
}

// heading is the structure type of a heading at depth (0: chapter).
func headingTag(depth int) string {
	return "H" + string(rune('1'+min(max(depth, 0), 5)))
}

// blockTag is the element a block of the document model is set in; "" where the block's
// own drawing tags its parts (headings, tables, lists, charts).
func blockTag(b render.Block) string {
	switch b.(type) {
	case *render.Paragraph, *render.Note:
		return "P"
	case *render.Markdown, *render.SWOT, *render.Tiles:
		return "Div"
	}
	return ""
}

// beginArtifact starts drawing an artifact in place of the current sequence; the
// function it returns goes back.
func (t *tagger) beginArtifact() func() {
	if t == nil {
		return func() {}
	}
	was := t.open
	t.close()
	t.pdf.BeginArtifact()
	return func() {
		t.pdf.EndMarkedContent()
		if was {
			t.reopen()
		}
	}
}

// rowCells makes the n cells of the current element, a TR; kind gives each cell's type
// and scope. Empty cells stay in the tree, so that columns line up for a reader.
func (t *tagger) rowCells(n int, kind func(c int) (typ, scope string)) {
	if t == nil {
		return
	}
	t.cells = make([]*fpdf.StructElem, n)
	for c := range t.cells {
		typ, scope := kind(c)
		el := t.top().Add(typ)
		el.Scope, el.Keep = scope, true
		t.cells[c] = el
	}
}

// cell draws fn's content into cell c of the row made by rowCells.
func (t *tagger) cell(c int, fn func()) {
	if t == nil || c >= len(t.cells) {
		fn()
		return
	}
	t.within(t.cells[c], fn)
}

// keep reserves an element of type typ here for the content of key, drawn later.
func (t *tagger) keep(key any, typ string) {
	if t == nil {
		return
	}
	if t.later == nil {
		t.later = map[any]*fpdf.StructElem{}
	}
	t.later[key] = t.reserve(typ)
}

// kept returns, once, the element reserved for key; nil when there is none.
func (t *tagger) kept(key any) *fpdf.StructElem {
	if t == nil {
		return nil
	}
	el := t.later[key]
	delete(t.later, key)
	return el
}
