package fpdf

import "bytes"

// kep patch: a page's overlay, a second content stream drawn after the page's own
// (/Contents [page overlay]). kep draws each page's running head and footer, which name
// the number of pages, into it once the layout is done: the page's own content is then
// complete as soon as the layout leaves the page, and PageDone compresses it on another
// core while the layout goes on, instead of all pages after it (issue 19). The two
// streams read as one: the overlay continues in the graphics state the page left.

// overlayState is the overlay being drawn and the overlays made so far.
type overlayState struct {
	page int           // the page whose overlay is being drawn, 0 if none
	body *bytes.Buffer // that page's own content while its overlay stands in for it
	bufs map[int]*bytes.Buffer
}

// BeginOverlay sends what is drawn on the current page to the page's overlay until
// EndOverlay. The page's own content stays as it is (and PageDone's stream of it
// valid). Nothing else may change pages in between.
func (f *Fpdf) BeginOverlay() {
	if f.err != nil || f.state != 2 || f.page < 1 || f.overlay.page != 0 {
		return
	}
	o := &f.overlay
	if o.bufs == nil {
		o.bufs = make(map[int]*bytes.Buffer)
	}
	b := o.bufs[f.page]
	if b == nil {
		b = new(bytes.Buffer)
		o.bufs[f.page] = b
	}
	o.page, o.body = f.page, f.pages[f.page]
	f.pages[f.page] = b
}

// EndOverlay goes back to drawing the page's own content.
func (f *Fpdf) EndOverlay() {
	o := &f.overlay
	if o.page == 0 {
		return
	}
	f.pages[o.page] = o.body
	o.page, o.body = 0, nil
}

// overlayOf is page n's overlay, nil if it has none (or an empty one).
func (f *Fpdf) overlayOf(n int) *bytes.Buffer {
	if b := f.overlay.bufs[n]; b != nil && b.Len() > 0 {
		return b
	}
	return nil
}
