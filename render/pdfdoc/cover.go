package pdfdoc

import (
	"bytes"
	"crypto/sha256"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/go-pdf/fpdf"
	"github.com/kepdev/kep/render/logo"
)

// logoImage is the logo as the PDF embeds it (logo.ForPDF): a JPEG as it is, a PNG
// decoded and written anew in the form fpdf reads right; ok is false without a logo or
// for one that cannot be read (kep validate refuses those).
type logoImage struct {
	data []byte
	typ  string // "PNG" or "JPG"
	ok   bool
}

var logos sync.Map // sha256 → *logoResult
var logosN atomic.Int32

type logoResult struct {
	once sync.Once
	img  logoImage
}

// PrepareLogo prepares a brand logo for the PDF writers ahead of them, e.g. on another
// core while plans are still read: the cover needs it first, and decoding, flattening and
// encoding it are several milliseconds of a document's critical path. The writers then
// take the result (or wait for it) from the same per-process cache; calling it for a
// logo no document uses only costs that work.
func PrepareLogo(data []byte, typ string) { prepareLogo(data, typ) }

func prepareLogo(data []byte, typ string) logoImage {
	if len(data) == 0 {
		return logoImage{}
	}
	key := sha256.Sum256(data)
	v, loaded := logos.LoadOrStore(key, new(logoResult))
	if !loaded {
		boundCache(&logos, &logosN, key, v)
	}
	lr := v.(*logoResult)
	lr.once.Do(func() { lr.img = checkLogo(data, typ) })
	return lr.img
}

// checkLogo prepares the logo; typ, the loader's "png" or "jpeg", is checked against
// the bytes by logo.ForPDF.
func checkLogo(data []byte, typ string) logoImage {
	out, t, err := logo.ForPDF(data)
	if err != nil || (typ != "" && !strings.EqualFold(logo.Kind(data), typ) && !strings.EqualFold(typ, "jpg")) {
		return logoImage{}
	}
	return logoImage{data: out, typ: t, ok: true}
}

// cover sets the title page on the current page: logo and company, title, account, the
// cover facts and the confidentiality. It has no header or footer.
func (w *docWriter) cover(logo logoImage) {
	w.y = w.mt
	d := w.d
	w.rect(0, 0, w.pageW, 7, w.primary)

	// Logo top left, scaled into its box; the company name beside it on the right.
	top := 22.0
	logoBottom := top
	if img := logo; img.ok {
		info := w.pdf.RegisterImageOptionsReader("logo", fpdf.ImageOptions{ImageType: img.typ}, bytes.NewReader(img.data))
		if info != nil && w.pdf.Error() == nil {
			iw, ih := info.Width(), info.Height()
			scale := min(60/iw, 24/ih)
			lw, lh := iw*scale, ih*scale
			if fig := w.tags.begin("Figure"); fig != nil {
				fig.Alt = "Logo " + strings.TrimSpace(d.Company)
			}
			w.pdf.ImageOptions("logo", w.left(), top, lw, lh, false, fpdf.ImageOptions{ImageType: img.typ}, 0, "")
			w.tags.end()
			logoBottom = top + lh
		}
	}
	w.tags.begin("P")
	if c := w.san.Line(d.Company); c != "" && logoBottom > top {
		c = w.fit(c, stBold, sizeH3, w.width()*0.55)
		cw := w.strWidth(c, stBold, sizeH3)
		w.text(w.right()-cw, top+5, c, stBold, sizeH3, ink)
	} else if c != "" {
		// Without a logo the company name stands in its place.
		c = w.fit(c, stBold, sizeH1, w.width())
		w.text(w.left(), top+7, c, stBold, sizeH1, w.primary)
		logoBottom = top + 10
	}
	w.tags.end()

	// Title block at about a third of the page.
	w.y = max(logoBottom+20, w.pageH*0.3)
	w.rect(w.left(), w.y, 22, 1.4, w.accent)
	w.y += 7
	title := textStyle{size: sizeTitle, lead: lead(sizeTitle, leadHead), color: w.primary, base: stBold, align: 'L'}
	lines, title := w.coverLines(w.san.Line(d.Title), title, 4, sizeH1)
	w.tags.begin("P")
	for _, l := range lines {
		w.drawLine(l, w.left(), w.y, w.width(), title)
		w.y += title.lead
	}
	w.tags.end()
	w.y += 3
	if d.Account != "" && !strings.Contains(d.Title, d.Account) {
		acc := textStyle{size: sizeH1, lead: lead(sizeH1, leadHead), color: ink, align: 'L'}
		lines, acc := w.coverLines(w.san.Line(d.Account), acc, 3, sizeH3)
		w.tags.begin("P")
		for _, l := range lines {
			w.drawLine(l, w.left(), w.y, w.width(), acc)
			w.y += acc.lead
		}
		w.tags.end()
	}
	if p := w.san.Line(d.Period); p != "" {
		w.tags.begin("P")
		w.text(w.left(), w.y+5, w.fit(p, 0, sizeH2, w.width()), 0, sizeH2, muted)
		w.tags.end()
		w.y += 8
	}

	// Cover facts in two columns near the bottom, above the confidentiality mark; a value
	// may take up to three lines.
	facts := d.Cover
	colW := w.width() / 2
	ts := textStyle{size: sizeH3, lead: lead(sizeH3, leadHead), color: ink, align: 'L'}
	var rows [][2][]line
	var heights []float64
	total := 0.0
	for i := 0; i < len(facts); i += 2 {
		var r [2][]line
		h := 0
		for j := 0; j < 2 && i+j < len(facts); j++ {
			f := facts[i+j]
			ls := w.wrap(w.factSpans(f.Value, f.Light, f.Link), ts, colW-6)
			if len(ls) > 3 && f.Light == "" && f.Link == "" {
				ls = w.cutLines(w.san.Line(f.Value), ts, 3, colW-6) // with an ellipsis
			}
			r[j] = ls[:min(3, len(ls))]
			h = max(h, len(r[j]))
		}
		rows = append(rows, r)
		heights = append(heights, 6+float64(h)*ts.lead)
		total += heights[len(heights)-1]
	}
	y := max(w.y+16, w.pageH-40-total)
	w.hline(w.left(), w.right(), y-4, rule, 0.25)
	for i, r := range rows {
		if y+heights[i] > w.pageH-30 {
			break // a hostile number of facts: the cover shows what fits
		}
		for j := 0; j < 2 && 2*i+j < len(facts); j++ {
			x := w.left() + float64(j)*colW
			label := w.fit(w.san.Line(strings.ToUpper(facts[2*i+j].Label)), stBold, sizeFurniture, colW-6)
			w.tags.begin("P") // the label, then the value
			w.text(x, y, label, stBold, sizeFurniture, muted)
			w.tags.end()
			w.tags.begin("P")
			for k, l := range r[j] {
				w.drawLine(l, x, y+1.2+float64(k)*ts.lead, colW-6, ts)
			}
			w.tags.end()
		}
		y += heights[i]
	}

	// Confidentiality mark and the closing band.
	if c := w.san.Line(strings.ToUpper(d.Confidentiality)); c != "" {
		c = w.fit(c, stBold, sizeSmall, w.width()-10)
		cw := w.strWidth(c, stBold, sizeSmall)
		by := w.pageH - 26
		w.setDraw(w.accentText, 0.35)
		w.pdf.RoundedRect(w.left(), by, cw+8, 7, 1.2, "1234", "D")
		w.tags.begin("P")
		w.text(w.left()+4, by+4.8, c, stBold, sizeSmall, w.accentText)
		w.tags.end()
	}
	w.rect(0, w.pageH-7, w.pageW, 7, w.primary)
}

// coverLines sets s in at most n lines of the page width: in ts, else in smaller type
// down to minSize, and only where even that does not hold it, cut with an ellipsis at
// the end — a long account name ("… GmbH & Co. KG") is never cut silently.
func (w *docWriter) coverLines(s string, ts textStyle, n int, minSize float64) ([]line, textStyle) {
	lead := ts.lead / ts.size
	for size := ts.size; size >= minSize-1e-9; size -= 1 {
		t := ts
		t.size, t.lead = size, size*lead
		if ls := w.wrap(plain(s), t, w.width()); len(ls) <= n {
			return ls, t
		}
	}
	t := ts
	t.size, t.lead = minSize, minSize*lead
	return w.cutLines(s, t, n, w.width()), t
}

// cutLines wraps s into at most n lines of width wd; where it needs more, the last line
// ends in an ellipsis.
func (w *docWriter) cutLines(s string, ts textStyle, n int, wd float64) []line {
	if ls := w.wrap(plain(s), ts, wd); len(ls) <= n {
		return ls
	}
	r := []rune(s)
	ell := w.san.Line("…")
	lo, hi := 0, len(r)
	for lo < hi { // the longest start of s that fits with the ellipsis
		mid := (lo + hi + 1) / 2
		if len(w.wrap(plain(strings.TrimRight(string(r[:mid]), " ")+ell), ts, wd)) <= n {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	return w.wrap(plain(strings.TrimRight(string(r[:lo]), " ")+ell), ts, wd)
}
