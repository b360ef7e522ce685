package htmldoc

import (
	"bytes"
	"encoding/base64"
	"errors"
	"fmt"
	"html/template"
	"io"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/kepdev/kep/charts"
	"github.com/kepdev/kep/render"
	"github.com/kepdev/kep/render/hyph"
	"github.com/kepdev/kep/render/theme"
)

// Options tune the HTML output. The zero value is the self-contained document.
type Options struct {
	// NoFont leaves the embedded @font-face out (a smaller file for previews); the page
	// then falls back to the reader's sans-serif font.
	NoFont bool
}

// bufs recycles page buffers: in a batch, growing a fresh buffer per document was a
// third of the bytes allocated. A document takes one: its chapters as written, then the
// style sheet and the frame. The chapters are hyphenated straight into a bytes.Buffer
// given to Write; only another writer takes a second buffer for them. Most documents'
// chapters take 50–200 KB; a fresh buffer's pages the document does not reach cost
// nothing.
var bufs = sync.Pool{New: func() any { b := make([]byte, 0, 256<<10); return &b }}

// maxPooled keeps the buffers of huge documents out of the pool.
const maxPooled = 4 << 20

func putBuf(bp *[]byte, b []byte) {
	if cap(b) <= maxPooled {
		*bp = b[:0]
		bufs.Put(bp)
	}
}

// The frame is executed with markers in place of the style sheet and the chapters,
// which are written around it (copying them through html/template cost a string, fmt's
// buffer and the page buffer's growth). Both pass html/template unchanged (trusted CSS
// and HTML); nothing else in the frame can hold a NUL, which html/template escapes.
const (
	styleMarker = "\x00kep:style\x00"
	mainMarker  = "\x00kep:main\x00"
)

// Write writes d as one self-contained HTML5 file: style sheet, font, charts (inline
// SVG) and logo (data URI) inside, no script, nothing fetched from the network. Every
// string of the document is escaped (escape.go); Markdown is rendered by goldmark
// without raw HTML and with only http, https and mailto links.
func Write(w io.Writer, d *render.Document, opt Options) error {
	bp := bufs.Get().(*[]byte)
	p := &page{d: d, theme: d.ChartTheme(), look: d.Theme(), buf: (*bp)[:0], regions: map[string]int{}}
	defer func() { putBuf(bp, p.buf) }()
	parts, err := p.document()
	if err != nil {
		return err
	}
	// parts: the frame up to the style sheet, the style sheet, the frame up to the
	// chapters, the chapters (not hyphenated yet) and the rest of the frame.
	h := hyph.For(d.Lang)
	size := 0
	for _, part := range parts {
		size += len(part)
	}
	if h != nil {
		size += len(parts[3]) / 16 // room for the soft hyphens (hansa: 1.6 %)
	}
	var fonts []face
	if !opt.NoFont {
		// The fonts go in front of the style sheet, subset to the characters the page
		// shows (so, found after writing the page). Hyphenation adds only U+00AD, which
		// every subset has (alwaysRunes), and never touches a tag: the chapters' runes
		// and emphasis are found before it.
		fonts = p.fontFaces(usedRunes(parts[:]...), containsAcross(parts[:], "<em>"))
		for _, f := range fonts {
			size += f.size()
		}
	}
	bb, _ := w.(*bytes.Buffer)
	if bb == nil {
		return p.writeTo(w, parts, fonts, h)
	}
	bb.Grow(size) // one allocation for the whole page, not one per doubling
	bb.Write(parts[0])
	if len(fonts) > 0 {
		out := bb.AvailableBuffer() // the fonts are encoded in their place
		for _, f := range fonts {
			out = f.append(out)
		}
		bb.Write(out)
	}
	bb.Write(parts[1])
	bb.Write(parts[2])
	if h != nil {
		// Hyphenated in place too: no buffer of their own, no copy (hansa: 141 KB).
		bb.Write(appendHyphenated(bb.AvailableBuffer(), parts[3], h))
	} else {
		bb.Write(parts[3])
	}
	bb.Write(parts[4])
	return nil
}

// writeTo is Write's end for a writer other than a bytes.Buffer: the chapters are
// hyphenated into a second buffer and the fonts encoded behind the frame.
func (p *page) writeTo(w io.Writer, parts [5][]byte, fonts []face, h *hyph.Hyphenator) error {
	if h != nil {
		hp := bufs.Get().(*[]byte)
		hbuf := appendHyphenated(slices.Grow((*hp)[:0], len(parts[3])+len(parts[3])/16), parts[3], h)
		defer putBuf(hp, hbuf)
		parts[3] = hbuf
	}
	if _, err := w.Write(parts[0]); err != nil {
		return err
	}
	if len(fonts) > 0 {
		out := p.buf[len(p.buf):] // behind the frame, where the buffer may have room
		for _, f := range fonts {
			out = f.append(out)
		}
		if _, err := w.Write(out); err != nil {
			return err
		}
	}
	for _, part := range parts[1:] {
		if _, err := w.Write(part); err != nil {
			return err
		}
	}
	return nil
}

// containsAcross reports whether the concatenation of parts contains sep.
func containsAcross(parts [][]byte, sep string) bool {
	k := len(sep) - 1
	var tail []byte // the last k bytes of the parts so far
	for _, part := range parts {
		if bytes.Contains(part, []byte(sep)) {
			return true
		}
		joint := append(append([]byte(nil), tail...), part[:min(len(part), k)]...)
		if bytes.Contains(joint, []byte(sep)) {
			return true
		}
		joint = append(append(joint[:0], tail...), part[max(0, len(part)-k):]...)
		tail = joint[max(0, len(joint)-k):]
	}
	return false
}

// page writes one document into buf.
type page struct {
	d       *render.Document
	theme   charts.Theme
	look    theme.Theme // colours, header and footer shared with the PDF
	buf     []byte
	tables  int            // tables so far: their ids are t1, t2, …
	regions map[string]int // table regions by caption and section, for unique names
	// lastHeading is the text of the latest Heading block of the current section.
	lastHeading string
	mdLevel     int // the level of the Markdown block's headings being written (mdNodes)
}

// raw appends markup of our own. Everything from the plan goes through text (element
// content and quoted attributes), url (href), fragment (href="#…") or wrap (text that
// may hold very long words).
func (p *page) raw(s string)      { p.buf = append(p.buf, s...) }
func (p *page) text(s string)     { p.buf = appendEscaped(p.buf, s, &escapes) }
func (p *page) int(i int)         { p.buf = strconv.AppendInt(p.buf, int64(i), 10) }
func (p *page) url(s string)      { p.buf = appendURL(p.buf, s) }
func (p *page) fragment(s string) { p.buf = appendFragment(p.buf, s) }

// Write, WriteString, WriteByte and WriteRune let goldmark render into the page
// directly; with Available, Buffered and Flush the page is a goldmark util.BufWriter,
// so goldmark adds no buffer of its own.
func (p *page) Write(b []byte) (int, error) { p.buf = append(p.buf, b...); return len(b), nil }

func (p *page) WriteString(s string) (int, error) { p.raw(s); return len(s), nil }

func (p *page) WriteByte(c byte) error { p.buf = append(p.buf, c); return nil }

func (p *page) WriteRune(r rune) (int, error) {
	n := len(p.buf)
	p.buf = utf8.AppendRune(p.buf, r)
	return len(p.buf) - n, nil
}

func (p *page) Available() int { return cap(p.buf) - len(p.buf) }
func (p *page) Buffered() int  { return 0 }
func (p *page) Flush() error   { return nil }

// frameData fills the frame (frame.go). Style and Main are written by this package; Logo
// is a data URI of an image the document model checked.
type frameData struct {
	D           *render.Document
	Description string
	Style       template.CSS
	Logo        template.URL
	LogoAlt     string
	Main        template.HTML
	Generated   string
}

// document writes the page's chapters, then the style sheet and the frame into p.buf,
// and returns the page in five parts: the frame up to the style sheet (where Write puts
// the fonts), the style sheet, the frame up to the chapters, the chapters (Write
// hyphenates them) and the rest of the frame.
func (p *page) document() (parts [5][]byte, err error) {
	d := p.d
	for _, s := range d.Sections {
		if err := p.section(s, 2); err != nil {
			return parts, err
		}
	}
	mainLen := len(p.buf)
	p.stylesheet()
	styleLen := len(p.buf)
	data := frameData{
		D:           d,
		Description: strings.Join(nonEmpty(d.Title, d.Period, d.Confidentiality), " · "),
		Style:       styleMarker,
		Main:        mainMarker,
		Generated:   fmt.Sprintf(d.Labels.T("doc.generated"), d.Generator, d.Date),
	}
	if len(d.Logo) > 0 && (d.LogoType == "png" || d.LogoType == "jpeg") {
		data.Logo = template.URL("data:image/" + d.LogoType + ";base64," + base64.StdEncoding.EncodeToString(d.Logo))
		data.LogoAlt = d.Company
		if data.LogoAlt == "" {
			data.LogoAlt = "Logo"
		}
	}
	p.frame(&data)
	main, style, fr := p.buf[:mainLen], p.buf[mainLen:styleLen], p.buf[styleLen:]
	const styleOpen = "<style>\n"
	s := bytes.Index(fr, []byte(styleMarker))
	if s < len(styleOpen) || string(fr[s-len(styleOpen):s]) != styleOpen || bytes.Contains(fr[:s-len(styleOpen)], []byte(styleOpen)) {
		return parts, errors.New("html: the frame has no style element")
	}
	m := bytes.Index(fr[s:], []byte(mainMarker))
	if m < 0 {
		return parts, errors.New("html: the frame has no place for the chapters")
	}
	m += s
	return [5][]byte{fr[:s], style, fr[s+len(styleMarker) : m], main, fr[m+len(mainMarker):]}, nil
}

func nonEmpty(ss ...string) []string {
	var out []string
	for _, s := range ss {
		if strings.TrimSpace(s) != "" {
			out = append(out, s)
		}
	}
	return out
}

func clampLevel(l int) int { return max(1, min(l, 6)) }

// heading opens a heading of level h (clamped to 1–6); id and class are optional. The
// id is escaped without '+', as the template's heading function did.
func (p *page) heading(h int, id, class string) {
	p.raw("<h")
	p.int(clampLevel(h))
	if id != "" {
		p.raw(` id="`)
		p.buf = appendEscaped(p.buf, id, &escapesNoPlus)
		p.raw(`"`)
	}
	if class != "" {
		p.raw(` class="` + class + `"`)
	}
	p.raw(">")
}

func (p *page) headingEnd(h int) {
	p.raw("</h")
	p.int(clampLevel(h))
	p.raw(">")
}

// minorHeading is a small heading inside a section, not in the contents.
func (p *page) minorHeading(h int, text string) {
	p.heading(h, "", "minor")
	p.text(text)
	p.headingEnd(h)
}

// section writes s with its heading at level h, its blocks and its subsections.
func (p *page) section(s *render.Section, h int) error {
	p.raw(`<section id="`)
	p.text(s.ID)
	p.raw(`" class="sec lvl`)
	p.int(s.Level)
	if s.NewPage {
		p.raw(" newpage")
	}
	p.raw(`" aria-labelledby="`)
	p.text(s.ID)
	p.raw("-h\">\n")
	p.heading(h, s.ID+"-h", "")
	if s.Number != "" {
		p.raw(`<span class="num">`)
		p.text(s.Number)
		p.raw(`</span> `)
	}
	p.text(s.Title)
	p.headingEnd(h)
	if s.TOC {
		p.toc()
	}
	p.lastHeading = ""
	for _, bl := range s.Blocks {
		if err := p.block(bl, s, clampLevel(h+1)); err != nil {
			return err
		}
	}
	for _, c := range s.Sections {
		if err := p.section(c, h+1); err != nil {
			return err
		}
	}
	p.raw("\n</section>\n")
	return nil
}

// toc writes the table of contents: every section but the contents' own, with their
// subsections.
func (p *page) toc() {
	p.raw("<nav class=\"toc\" aria-labelledby=\"contents-h\">\n<ol>")
	for _, s := range p.d.Sections {
		if s.TOC {
			continue
		}
		p.raw("\n<li><a href=\"#")
		p.fragment(s.ID)
		p.raw(`">`)
		if s.Number != "" {
			p.raw(`<span class="num">`)
			p.text(s.Number)
			p.raw(`</span> `)
		}
		p.text(s.Title)
		p.raw("</a>")
		if len(s.Sections) > 0 {
			p.raw("<ol>")
			for _, c := range s.Sections {
				p.raw(`<li><a href="#`)
				p.fragment(c.ID)
				p.raw(`"><span class="num">`)
				p.text(c.Number)
				p.raw(`</span> `)
				p.text(c.Title)
				p.raw("</a></li>")
			}
			p.raw("</ol>")
		}
		p.raw("</li>")
	}
	p.raw("\n</ol>\n</nav>\n")
}
