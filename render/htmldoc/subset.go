package htmldoc

import (
	"encoding/base64"
	"encoding/binary"
	"errors"
	"fmt"
	"sort"
	"sync"

	"github.com/kepdev/kep/render/fonts"
)

// Subset returns a TrueType font that keeps only the glyphs of the given runes (and the
// components of composite glyphs, and glyph 0). Glyph numbers stay as they are: the
// glyphs that are not needed become empty, so cmap, hmtx and every other table remain
// valid unchanged. That alone removes most of a font's size (Go Regular: 143 KB → about
// 20 KB for a German document), which matters for a document sent by e-mail. Hinting
// instructions are dropped and the post table is reduced to version 3 (no glyph names).
func Subset(font []byte, runes []rune) ([]byte, error) {
	t, err := openTTF(font)
	if err != nil {
		return nil, err
	}
	return t.subset(runes)
}

// ttf is a TrueType font taken apart for subsetting. It is read-only once made, so the
// built-in fonts are taken apart once per process and shared.
type ttf struct {
	font     []byte
	face     *fonts.Face // its glyphs (a built-in face's without a parse)
	tables   map[string][]byte
	longLoca bool
	loca     []byte // glyph g is glyf[offset(g):offset(g+1)]
	glyf     []byte
	// numGlyphs is maxp's count; loca has an offset for each and one behind the last.
	numGlyphs int
}

var (
	goRegular    = sync.OnceValues(func() (*ttf, error) { return parseTTF(fonts.Regular()) })
	goBold       = sync.OnceValues(func() (*ttf, error) { return parseTTF(fonts.Bold()) })
	goItalic     = sync.OnceValues(func() (*ttf, error) { return parseTTF(fonts.Italic()) })
	goBoldItalic = sync.OnceValues(func() (*ttf, error) { return parseTTF(fonts.BoldItalic()) })
)

// openTTF returns the font taken apart: the built-in ones from the process's cache (the
// same bytes, not a copy: compared by address), other fonts parsed now.
func openTTF(font []byte) (*ttf, error) {
	same := func(a, b []byte) bool { return len(a) == len(b) && len(a) > 0 && &a[0] == &b[0] }
	switch {
	case same(font, fonts.Regular()):
		return goRegular()
	case same(font, fonts.Bold()):
		return goBold()
	case same(font, fonts.Italic()):
		return goItalic()
	case same(font, fonts.BoldItalic()):
		return goBoldItalic()
	}
	return parseTTF(font)
}

func parseTTF(font []byte) (*ttf, error) {
	face, err := fonts.Load(font) // parsed once per process, shared with the PDF
	if err != nil {
		return nil, fmt.Errorf("subset: %w", err)
	}
	tables, err := fonts.Tables(font)
	if err != nil {
		return nil, fmt.Errorf("subset: %w", err)
	}
	head, loca, glyf, maxp := tables["head"], tables["loca"], tables["glyf"], tables["maxp"]
	if len(head) < 54 || loca == nil || glyf == nil || len(maxp) < 6 {
		return nil, errors.New("subset: not a TrueType font with glyf outlines")
	}
	t := &ttf{font: font, face: face, tables: tables, longLoca: binary.BigEndian.Uint16(head[50:]) == 1}
	numGlyphs := int(binary.BigEndian.Uint16(maxp[4:]))
	t.loca, t.glyf, t.numGlyphs = loca, glyf, numGlyphs
	if t.longLoca && len(loca) < 4*(numGlyphs+1) || !t.longLoca && len(loca) < 2*(numGlyphs+1) {
		return nil, errors.New("subset: short loca")
	}
	return t, nil
}

// offset is glyph g's offset in glyf, read from loca; 0 <= g <= numGlyphs.
func (t *ttf) offset(g int) int {
	if t.longLoca {
		return int(binary.BigEndian.Uint32(t.loca[4*g:]))
	}
	return 2 * int(binary.BigEndian.Uint16(t.loca[2*g:]))
}

// glyph returns the outline data of glyph g; nil when g or its offsets are out of range.
func (t *ttf) glyph(g int) []byte {
	if g < 0 || g >= t.numGlyphs {
		return nil
	}
	from, to := t.offset(g), t.offset(g+1)
	if from > to || to > len(t.glyf) {
		return nil
	}
	return t.glyf[from:to]
}

func (t *ttf) subset(runes []rune) ([]byte, error) {
	f, err := t.subsetFile(runes)
	if err != nil {
		return nil, err
	}
	return f.bytes(), nil
}

// subsetFile is subset returning the font in its parts, not copied into one slice.
func (t *ttf) subsetFile(runes []rune) (*fontFile, error) {
	numGlyphs := t.numGlyphs
	keep := make([]bool, numGlyphs)
	if numGlyphs > 0 {
		keep[0] = true
	}
	var stack []int
	for _, r := range runes {
		if g := t.face.GlyphIndex(r); g != 0 {
			stack = append(stack, int(g))
		}
	}
	for len(stack) > 0 {
		g := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if g < 0 || g >= numGlyphs || keep[g] {
			continue
		}
		keep[g] = true
		stack = append(stack, components(t.glyph(g))...)
	}

	// New glyf and loca: kept glyphs copied, padded to 4 bytes; others empty.
	size := 0
	for g, k := range keep {
		if k {
			size += len(t.glyph(g)) + 3
		}
	}
	newGlyf := make([]byte, 0, size)
	newLoca := make([]byte, 0, 4*(numGlyphs+1))
	for g := 0; g <= numGlyphs; g++ {
		if t.longLoca {
			newLoca = binary.BigEndian.AppendUint32(newLoca, uint32(len(newGlyf)))
		} else {
			newLoca = binary.BigEndian.AppendUint16(newLoca, uint16(len(newGlyf)/2))
		}
		if g < numGlyphs && keep[g] {
			newGlyf = appendUnhinted(newGlyf, t.glyph(g))
			for len(newGlyf)%4 != 0 {
				newGlyf = append(newGlyf, 0)
			}
		}
	}
	if !t.longLoca && len(newGlyf) > 0x1fffe {
		return nil, errors.New("subset: glyf too large for short loca")
	}
	tables := make(map[string][]byte, len(t.tables))
	for tag, data := range t.tables {
		switch tag {
		case "fpgm", "prep", "cvt ", "hdmx", "LTSH", "VDMX":
			// Hinting is dropped with the glyphs' instructions: browsers scale outlines
			// without it, and it is a third of a font's size.
		case "GPOS", "GSUB", "GDEF", "DSIG":
			// The layout tables are kept whole by a subset that keeps glyph numbers:
			// Noto Sans's GPOS alone is 67 KB, more than the glyphs a page uses, in every
			// face. Without them the page has no kerning and no ligatures (the PDF has the
			// kerning); DSIG signs the original font, which a subset no longer is.
		default:
			tables[tag] = data
		}
	}
	tables["glyf"], tables["loca"] = newGlyf, newLoca
	if post := tables["post"]; len(post) >= 32 {
		p := append([]byte(nil), post[:32]...)
		binary.BigEndian.PutUint32(p, 0x00030000)
		tables["post"] = p
	}
	return layoutFont(t.font, tables), nil
}

// components lists the glyphs a composite glyph is made of.
func components(g []byte) []int {
	if len(g) < 10 || int16(binary.BigEndian.Uint16(g)) >= 0 {
		return nil
	}
	var out []int
	p := 10
	for p+4 <= len(g) {
		flags := binary.BigEndian.Uint16(g[p:])
		out = append(out, int(binary.BigEndian.Uint16(g[p+2:])))
		p += 4
		if flags&0x0001 != 0 { // ARG_1_AND_2_ARE_WORDS
			p += 4
		} else {
			p += 2
		}
		switch {
		case flags&0x0008 != 0: // WE_HAVE_A_SCALE
			p += 2
		case flags&0x0040 != 0: // WE_HAVE_AN_X_AND_Y_SCALE
			p += 4
		case flags&0x0080 != 0: // WE_HAVE_A_TWO_BY_TWO
			p += 8
		}
		if flags&0x0020 == 0 { // MORE_COMPONENTS
			break
		}
	}
	return out
}

// fontFile is a TrueType font in its parts: the offset table with the table directory,
// then the tables in tag order, each padded with zeros to a multiple of 4 bytes.
type fontFile struct {
	dir    []byte
	tables [][]byte
	size   int
}

// layoutFont lays the tables out in tag order with checksums and the head table's
// checkSumAdjustment, as the TrueType specification asks. Tables start at multiples of
// 4 bytes and padding is zero, so the font's checksum is the sum of the directory's and
// the tables' own.
func layoutFont(orig []byte, tables map[string][]byte) *fontFile {
	tags := make([]string, 0, len(tables))
	for tag := range tables {
		tags = append(tags, tag)
	}
	sort.Strings(tags)
	n := len(tags)
	entrySelector := 0
	for 1<<(entrySelector+1) <= n {
		entrySelector++
	}
	searchRange := (1 << entrySelector) * 16
	dir := make([]byte, 12+16*n)
	copy(dir, orig[:4])
	binary.BigEndian.PutUint16(dir[4:], uint16(n))
	binary.BigEndian.PutUint16(dir[6:], uint16(searchRange))
	binary.BigEndian.PutUint16(dir[8:], uint16(entrySelector))
	binary.BigEndian.PutUint16(dir[10:], uint16(n*16-searchRange))
	f := &fontFile{dir: dir, tables: make([][]byte, n), size: len(dir)}
	var sum uint32
	var head []byte
	for i, tag := range tags {
		data := tables[tag]
		if tag == "head" {
			data = append([]byte(nil), data...)
			binary.BigEndian.PutUint32(data[8:], 0)
			head = data
		}
		c := fonts.Checksum(data)
		sum += c
		rec := dir[12+16*i:]
		copy(rec, tag)
		binary.BigEndian.PutUint32(rec[4:], c)
		binary.BigEndian.PutUint32(rec[8:], uint32(f.size))
		binary.BigEndian.PutUint32(rec[12:], uint32(len(data)))
		f.tables[i] = data
		f.size += (len(data) + 3) &^ 3
	}
	if head != nil {
		binary.BigEndian.PutUint32(head[8:], 0xB1B0AFBA-(sum+fonts.Checksum(dir)))
	}
	return f
}

// bytes returns the font as one slice.
func (f *fontFile) bytes() []byte {
	out := make([]byte, 0, f.size)
	out = append(out, f.dir...)
	for _, t := range f.tables {
		out = append(out, t...)
		out = append(out, make([]byte, -len(t)&3)...)
	}
	return out
}

// appendBase64 appends the font in standard base64, as if it were one slice.
func (f *fontFile) appendBase64(b []byte) []byte {
	var e base64Appender
	b = e.append(b, f.dir)
	var zeros [3]byte
	for _, t := range f.tables {
		b = e.append(b, t)
		b = e.append(b, zeros[:-len(t)&3])
	}
	return e.flush(b)
}

// base64Appender encodes a stream given in pieces: up to two bytes wait for the next.
type base64Appender struct {
	carry [3]byte
	n     int
}

func (e *base64Appender) append(b, p []byte) []byte {
	if e.n > 0 {
		k := copy(e.carry[e.n:], p)
		e.n += k
		p = p[k:]
		if e.n < 3 {
			return b
		}
		b = base64.StdEncoding.AppendEncode(b, e.carry[:])
		e.n = 0
	}
	whole := len(p) - len(p)%3
	b = base64.StdEncoding.AppendEncode(b, p[:whole])
	e.n = copy(e.carry[:], p[whole:])
	return b
}

func (e *base64Appender) flush(b []byte) []byte {
	b = base64.StdEncoding.AppendEncode(b, e.carry[:e.n])
	e.n = 0
	return b
}

// appendUnhinted appends glyph g without its TrueType instructions.
func appendUnhinted(dst, g []byte) []byte {
	if len(g) < 10 {
		return append(dst, g...)
	}
	n := int(int16(binary.BigEndian.Uint16(g)))
	if n >= 0 { // simple glyph: instructions follow the contour end points
		at := 10 + 2*n
		if at+2 > len(g) {
			return append(dst, g...)
		}
		l := int(binary.BigEndian.Uint16(g[at:]))
		if at+2+l > len(g) {
			return append(dst, g...)
		}
		dst = append(dst, g[:at]...)
		dst = append(dst, 0, 0)
		return append(dst, g[at+2+l:]...)
	}
	// composite glyph: instructions, if any, follow the last component
	p, last := 10, -1
	for p+4 <= len(g) {
		flags := binary.BigEndian.Uint16(g[p:])
		last = p
		p += 4
		if flags&0x0001 != 0 {
			p += 4
		} else {
			p += 2
		}
		switch {
		case flags&0x0008 != 0:
			p += 2
		case flags&0x0040 != 0:
			p += 4
		case flags&0x0080 != 0:
			p += 8
		}
		if flags&0x0020 == 0 {
			break
		}
	}
	if last < 0 || p > len(g) {
		return append(dst, g...)
	}
	flags := binary.BigEndian.Uint16(g[last:])
	if flags&0x0100 == 0 {
		return append(dst, g...)
	}
	start := len(dst)
	dst = append(dst, g[:p]...)
	binary.BigEndian.PutUint16(dst[start+last:], flags&^0x0100)
	return dst
}
