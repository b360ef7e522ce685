package htmldoc

import (
	"encoding/base64"
	"encoding/binary"
	"fmt"
	mbits "math/bits"
	"strings"
	"unicode/utf8"

	"github.com/kepdev/kep/render/fonts"
	"github.com/kepdev/kep/render/theme"
	"github.com/kepdev/kep/templates"
)

// stylesheet writes the document's CSS: the theme's colours as custom properties (the
// text variants keep a contrast of at least 4.5:1), the paper size and the print header
// and footer (the PDF's words: title, version and status; confidentiality, company and
// page numbers), then the fixed style sheet.
func (p *page) stylesheet() {
	d, th := p.d, p.look
	family := cssString(p.theme.FontFamily)
	if len(d.FontFallback) > 0 {
		family += "," + cssString(fallbackFamily) // the brand's face for the scripts its text faces lack
	}
	p.buf = fmt.Appendf(p.buf, ":root{--font:%s;--primary:%s;--primary-text:%s;--primary-dark:%s;--accent:%s;--accent-text:%s;--tint:%s;--tint-strong:%s;--ink:%s;--muted:%s;--rule:%s;--zebra:%s;--code:%s}\n",
		family, th.Primary.Hex(), th.PrimaryText.Hex(), th.PrimaryDark.Hex(), th.Accent.Hex(),
		th.AccentText.Hex(), th.Tint.Hex(), th.TintStrong.Hex(),
		theme.Ink.Hex(), theme.Muted.Hex(), theme.Rule.Hex(), theme.Zebra.Hex(), theme.CodeBack.Hex())
	size := "A4"
	if d.Paper == "letter" {
		size = "letter"
	}
	foot := th.Confidentiality
	if th.Footer != "" {
		foot += " · " + th.Footer
	}
	const box = "font-family:var(--font),sans-serif;font-size:8pt;color:var(--muted)"
	p.buf = fmt.Appendf(p.buf, "@page{size:%s;margin:16mm 16mm 18mm;@top-left{content:%s;%s}@top-right{content:%s;%s}@bottom-left{content:%s;%s}@bottom-right{content:counter(page) \" / \" counter(pages);%s}}\n",
		size, cssString(th.Header), box, cssString(th.HeaderRight), box, cssString(foot), box, box)
	p.raw("@page:first{@top-left{content:none}@top-right{content:none}@bottom-right{content:none}}\n")
	p.raw(templates.CSS)
}

// fontFaces returns the @font-face rules of the document's font family, regular and
// bold, subset to the runes the document uses; with the built-in family also its italics
// where the page has emphasis (<em>), so that italics are the face's own, not a slant
// the browser makes. italic tells whether the page has any.
func (p *page) fontFaces(used []rune, italic bool) []face {
	reg, bold := fonts.Regular(), fonts.Bold()
	faces := []face{{data: reg, weight: "400", style: "normal"}, {data: bold, weight: "700", style: "normal"}}
	if len(p.d.Font) > 0 {
		reg, bold = p.d.Font, p.d.FontBold
		if len(bold) == 0 {
			bold = reg
		}
		faces[0].data, faces[1].data = reg, bold
		// The brand's italic faces where it gives them ([brand] font_italic,
		// font_bold_italic); without them the browser slants, as the PDF does.
		if it, bi := p.d.FontItalic, p.d.FontBoldItalic; italic {
			if len(it) > 0 {
				faces = append(faces, face{data: it, weight: "400", style: "italic"})
				if len(bi) == 0 {
					bi = it // as the PDF: bold italic is the italic face until one comes
				}
			}
			if len(bi) > 0 {
				faces = append(faces, face{data: bi, weight: "700", style: "italic"})
			}
		}
	} else if italic {
		faces = append(faces, face{data: fonts.Italic(), weight: "400", style: "italic"}, face{data: fonts.BoldItalic(), weight: "700", style: "italic"})
	}
	family := cssString(p.theme.FontFamily)
	for i := range faces {
		faces[i].family = family
	}
	if len(p.d.FontFallback) > 0 {
		// The brand's fallback face ([brand] font_fallback), one for every weight: the
		// browser takes from it what the text faces lack, as the PDF does.
		faces = append(faces, face{data: p.d.FontFallback, family: cssString(fallbackFamily), weight: "100 900", style: "normal"})
	}
	for i := range faces {
		f := &faces[i]
		if t, err := openTTF(f.data); err == nil {
			if sub, err := t.subsetFile(used); err == nil {
				f.sub = sub
			}
		}
	}
	return faces
}

// face is one @font-face rule: its font, subset (sub) unless that failed, and
// descriptors. The subset is encoded from its tables, never copied into one slice.
type face struct {
	data                  []byte
	sub                   *fontFile
	family, weight, style string
}

const (
	faceOpen  = "@font-face{font-family:"
	faceClose = ") format(\"truetype\")}\n"
)

func (f *face) head() [6]string {
	return [6]string{faceOpen, f.family, ";font-weight:", f.weight, ";font-style:", f.style}
}

const faceSrc = ";font-display:swap;src:url(data:font/ttf;base64,"

// size is the length of the rule append writes.
func (f *face) size() int {
	size := len(f.data)
	if f.sub != nil {
		size = f.sub.size
	}
	n := len(faceSrc) + base64.StdEncoding.EncodedLen(size) + len(faceClose)
	for _, s := range f.head() {
		n += len(s)
	}
	return n
}

func (f *face) append(b []byte) []byte {
	for _, s := range f.head() {
		b = append(b, s...)
	}
	b = append(b, faceSrc...)
	if f.sub != nil {
		b = f.sub.appendBase64(b)
	} else {
		b = base64.StdEncoding.AppendEncode(b, f.data)
	}
	return append(b, faceClose...)
}

// fallbackFamily names the brand's fallback face in the style sheet.
const fallbackFamily = "kep fallback"

// alwaysRunes are kept in every font subset: printable ASCII (printed URLs, page
// numbers), the punctuation and letters German and English text needs, and the hyphens
// a browser draws where it breaks a word (U+2010 where the font has it: a subset that
// emptied it drew breaks without a visible hyphen).
const alwaysRunes = " !\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~" +
	"\u00a0\u00ad\u2010äöüÄÖÜß€–—„“”‚‘’…•·×→↓●▲■"

// usedRunes lists the runes of a rendered document, given in parts, and alwaysRunes,
// each once. Each part is scanned on its own: Write's parts meet at ASCII markup, so no
// character lies across two.
func usedRunes(parts ...[]byte) []rune {
	var set runeSet
	for _, r := range alwaysRunes {
		set.add(r)
	}
	for _, doc := range parts {
		set.addText(doc)
	}
	return set.runes()
}

func (set *runeSet) addText(doc []byte) {
	for i := 0; i < len(doc); {
		// Most of a page is printable ASCII, which alwaysRunes holds: skip it eight
		// bytes at a time.
		if i+8 <= len(doc) && printableASCII(binary.LittleEndian.Uint64(doc[i:])) {
			i += 8
			continue
		}
		r, n := rune(doc[i]), 1
		if r >= utf8.RuneSelf {
			r, n = utf8.DecodeRune(doc[i:]) // invalid UTF-8 counts as U+FFFD
		}
		set.add(r)
		i += n
	}
}

// printableASCII reports whether all eight bytes of w are printable ASCII (0x20–0x7e).
// A byte below 0x20, or equal to 0x7f after the XOR, borrows in the subtraction and sets
// its high bit; borrows may flag a good byte too, which only costs the slow path.
func printableASCII(w uint64) bool {
	const ones, highs = 0x0101010101010101, 0x8080808080808080
	return (w|(w-0x20*ones)|((w^0x7f*ones)-ones))&highs == 0
}

// runeSet is a set of runes: a bit per rune of the Basic Multilingual Plane, a map for
// the rare others (emoji).
type runeSet struct {
	bmp    [0x10000 / 64]uint64
	astral map[rune]bool
}

func (s *runeSet) add(r rune) {
	if r < 0x10000 {
		s.bmp[r>>6] |= 1 << (r & 63)
		return
	}
	if s.astral == nil {
		s.astral = map[rune]bool{}
	}
	s.astral[r] = true
}

func (s *runeSet) runes() []rune {
	var out []rune
	for w, bits := range s.bmp {
		for ; bits != 0; bits &= bits - 1 {
			out = append(out, rune(w*64+mbits.TrailingZeros64(bits)))
		}
	}
	for r := range s.astral {
		out = append(out, r)
	}
	return out
}

// cssString quotes s as a CSS string. Everything but letters, digits and spaces is
// written as a six-digit hex escape (followed by the space that ends an escape), so
// nothing from a plan can end the string, the rule or the style element.
func cssString(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r >= '0' && r <= '9', r == ' ':
			b.WriteRune(r)
		case r < 0x20 || r == 0x7f || r > 0x10ffff || (r >= 0xd800 && r <= 0xdfff):
			// control characters and invalid code points are dropped
		default:
			// The space ends the escape and is consumed by the CSS parser.
			fmt.Fprintf(&b, "\\%06x ", r)
		}
	}
	b.WriteByte('"')
	return b.String()
}
