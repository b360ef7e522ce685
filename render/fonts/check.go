package fonts

import (
	"crypto/sha256"
	"encoding/binary"
	"io"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/kepdev/kep/locale"

	"github.com/go-pdf/fpdf"
	"github.com/golang/freetype/truetype"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
)

// MaxCompositeDepth is how deeply composite glyphs may nest. Real fonts nest one or two
// levels (an accent on a letter that is itself composed); fpdf's subsetter follows the
// components recursively, so a font whose glyphs refer to themselves would recurse
// until the stack overflows, which no recover catches.
const MaxCompositeDepth = 8

// Check tells whether a brand font can be used by every writer: the PDF library's
// parser and subsetter (fpdf), the chart renderer (freetype), the HTML subsetter and
// the text coverage (sfnt). It checks the tables those read, the composite glyphs'
// structure and depth, and then makes each of them use the whole font once, as a trial:
// what passes renders. The result is kept per font contents, so a batch or a server
// checks a font once. Errors are messages for the user ("font …"), locale.MsgErrors that
// print in the reader's language.
func Check(data []byte) error {
	key := sha256.Sum256(data)
	v, loaded := checked.LoadOrStore(key, new(checkResult))
	if !loaded && checkedN.Add(1) > maxChecked {
		checked.Clear()
		checked.Store(key, v)
		checkedN.Store(1)
	}
	r := v.(*checkResult)
	r.once.Do(func() { r.err = check(data) })
	return r.err
}

type checkResult struct {
	once sync.Once
	err  error
}

// checked holds the results of Check by SHA-256 of the font, at most maxChecked.
var (
	checked  sync.Map
	checkedN atomic.Int32
)

const maxChecked = 16

func check(data []byte) error {
	switch {
	case strings.HasPrefix(string(data[:min(4, len(data))]), "OTTO"):
		return locale.MsgErrorf("font is OpenType with CFF outlines (.otf): want a TrueType font (.ttf)")
	case strings.HasPrefix(string(data[:min(4, len(data))]), "ttcf"):
		return locale.MsgErrorf("font is a TrueType collection (.ttc): want a single TrueType font (.ttf)")
	case len(data) < 4 || (string(data[:4]) != "\x00\x01\x00\x00" && string(data[:4]) != "true"):
		return locale.MsgErrorf("font is not a TrueType font (.ttf)")
	}
	f, err := parseSFNT(data)
	if err != nil {
		return locale.MsgErrorf("font is not a readable TrueType font: %w", err)
	}
	if f.NumGlyphs() == 0 {
		return locale.MsgErrorf("font has no glyphs")
	}
	// The writers ask sfnt which runes the font has (its choice of character map may
	// differ from fpdf's): it must have some.
	var buf sfnt.Buffer
	found := false
	for r := rune(0); r <= 0xffff && !found; r++ {
		g, err := f.GlyphIndex(&buf, r)
		found = err == nil && g != 0
	}
	if !found {
		return locale.MsgErrorf("font has no usable character map")
	}
	runes, err := checkTables(data)
	if err != nil {
		return locale.MsgErrorf("font is not usable: %w", err)
	}
	if err := trial(data, runes); err != nil {
		return locale.MsgErrorf("font is not usable: %w", err)
	}
	return nil
}

// checkTables checks the tables fpdf and freetype read without bounds checks of their
// own, and returns the runes of the character map fpdf uses.
func checkTables(data []byte) ([]rune, error) {
	t, err := Tables(data)
	if err != nil {
		return nil, err
	}
	for _, tag := range []string{"head", "hhea", "maxp", "hmtx", "loca", "glyf", "cmap", "name", "OS/2", "post"} {
		if _, ok := t[tag]; !ok {
			return nil, locale.MsgErrorf("no %q table", tag)
		}
	}
	head, hhea, maxp, hmtx, loca, glyf := t["head"], t["hhea"], t["maxp"], t["hmtx"], t["loca"], t["glyf"]
	u16 := binary.BigEndian.Uint16
	if len(head) != 54 {
		return nil, locale.MsgErrorf("head table is %d bytes, want 54", len(head))
	}
	if u16(head[18:]) == 0 {
		return nil, locale.MsgErrorf("head table: 0 units per em")
	}
	if g := u16(head[52:]); g != 0 {
		return nil, locale.MsgErrorf("head table: glyph data format %d", g)
	}
	if len(hhea) != 36 {
		return nil, locale.MsgErrorf("hhea table is %d bytes, want 36", len(hhea))
	}
	if m := u16(hhea[32:]); m != 0 {
		return nil, locale.MsgErrorf("hhea table: metric data format %d", m)
	}
	if len(maxp) < 6 {
		return nil, locale.MsgErrorf("maxp table too short")
	}
	if len(t["post"]) < 32 {
		return nil, locale.MsgErrorf("post table too short")
	}
	name := t["name"]
	if len(name) < 6 || u16(name) != 0 {
		return nil, locale.MsgErrorf("name table: want format 0")
	}
	if os2 := t["OS/2"]; len(os2) < 78 {
		return nil, locale.MsgErrorf("OS/2 table too short")
	} else if fs := u16(os2[8:]); fs == 0x0002 || fs&0x0300 != 0 {
		return nil, locale.MsgErrorf("its licence does not allow a subset of it in a document (OS/2 fsType 0x%04x)", fs)
	}
	n := int(u16(maxp[4:]))
	nhm := int(u16(hhea[34:]))
	if nhm < 1 || nhm > n {
		return nil, locale.MsgErrorf("hhea table: %d horizontal metrics for %d glyphs", nhm, n)
	}
	if len(hmtx) != 4*nhm+2*(n-nhm) {
		return nil, locale.MsgErrorf("hmtx table is %d bytes, want %d", len(hmtx), 4*nhm+2*(n-nhm))
	}

	// Glyph offsets: rising, inside glyf.
	offsets := make([]int, n+1)
	switch u16(head[50:]) {
	case 0:
		if len(loca) < 2*(n+1) {
			return nil, locale.MsgErrorf("loca table too short")
		}
		for i := range offsets {
			offsets[i] = 2 * int(u16(loca[2*i:]))
		}
	case 1:
		if len(loca) < 4*(n+1) {
			return nil, locale.MsgErrorf("loca table too short")
		}
		for i := range offsets {
			offsets[i] = int(binary.BigEndian.Uint32(loca[4*i:]))
		}
	default:
		return nil, locale.MsgErrorf("head table: loca format %d", u16(head[50:]))
	}
	for g := 0; g < n; g++ {
		if offsets[g] > offsets[g+1] || offsets[g+1] > len(glyf) {
			return nil, locale.MsgErrorf("loca table: glyph %d lies outside the glyf table", g)
		}
	}

	// Composite glyphs: every component in range and within its glyph, no cycles, at
	// most MaxCompositeDepth levels.
	comps := make([][]int, n)
	for g := 0; g < n; g++ {
		gl := glyf[offsets[g]:offsets[g+1]]
		if len(gl) == 0 {
			continue
		}
		if len(gl) < 10 {
			return nil, locale.MsgErrorf("glyph %d is %d bytes, too short", g, len(gl))
		}
		if int16(u16(gl)) >= 0 {
			continue
		}
		for p, more := 10, true; more; {
			if p+4 > len(gl) {
				return nil, locale.MsgErrorf("composite glyph %d is cut short", g)
			}
			flags := u16(gl[p:])
			c := int(u16(gl[p+2:]))
			if c >= n {
				return nil, locale.MsgErrorf("composite glyph %d uses glyph %d of %d", g, c, n)
			}
			comps[g] = append(comps[g], c)
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
			if p > len(gl) {
				return nil, locale.MsgErrorf("composite glyph %d is cut short", g)
			}
			more = flags&0x0020 != 0
		}
	}
	depth := make([]int, n) // 0: not yet known; -1: being visited
	var visit func(g int) (int, error)
	visit = func(g int) (int, error) {
		switch depth[g] {
		case -1:
			return 0, locale.MsgErrorf("composite glyph %d contains itself", g)
		case 0:
		default:
			return depth[g], nil
		}
		depth[g] = -1
		d := 1
		for _, c := range comps[g] {
			cd, err := visit(c)
			if err != nil {
				return 0, err
			}
			d = max(d, cd+1)
		}
		if d > MaxCompositeDepth+1 {
			return 0, locale.MsgErrorf("composite glyph %d nests %d levels deep, more than %d", g, d-1, MaxCompositeDepth)
		}
		depth[g] = d
		return d, nil
	}
	for g := 0; g < n; g++ {
		if len(comps[g]) > 0 {
			if _, err := visit(g); err != nil {
				return nil, err
			}
		}
	}
	return cmapRunes(t["cmap"], n)
}

// cmapRunes reads the character map as fpdf does (the first format 4 subtable for
// Unicode) and checks it: segments in order and apart, arrays and glyph ids in range.
// fpdf visits every code of every segment, so overlapping segments would make it count
// to billions.
func cmapRunes(cmap []byte, numGlyphs int) ([]rune, error) {
	u16 := binary.BigEndian.Uint16
	if len(cmap) < 4 {
		return nil, locale.MsgErrorf("cmap table too short")
	}
	count := int(u16(cmap[2:]))
	if 4+8*count > len(cmap) {
		return nil, locale.MsgErrorf("cmap table too short")
	}
	var sub []byte
	for i := 0; i < count; i++ {
		r := cmap[4+8*i:]
		platform, enc, off := u16(r), u16(r[2:]), int(binary.BigEndian.Uint32(r[4:]))
		if !(platform == 3 && enc == 1) && platform != 0 {
			continue
		}
		if off+2 > len(cmap) {
			return nil, locale.MsgErrorf("cmap subtable out of range")
		}
		if u16(cmap[off:]) == 4 {
			if off+14 > len(cmap) {
				return nil, locale.MsgErrorf("cmap subtable out of range")
			}
			size := int(u16(cmap[off+2:]))
			if off+size > len(cmap) || size < 14 {
				return nil, locale.MsgErrorf("cmap subtable out of range")
			}
			sub = cmap[off : off+size]
			break
		}
	}
	if sub == nil {
		return nil, locale.MsgErrorf("no Unicode character map (cmap format 4)")
	}
	seg := int(u16(sub[6:])) / 2
	if 16+8*seg > len(sub) {
		return nil, locale.MsgErrorf("cmap format 4: segments out of range")
	}
	ends, starts, deltas, ranges := sub[14:], sub[16+2*seg:], sub[16+4*seg:], sub[16+6*seg:]
	var runes []rune
	prevEnd := -1
	for i := 0; i < seg; i++ {
		start, end := int(u16(starts[2*i:])), int(u16(ends[2*i:]))
		if start > end || start <= prevEnd {
			return nil, locale.MsgErrorf("cmap format 4: segment %d (U+%04X–U+%04X) out of order", i, start, end)
		}
		prevEnd = end
		delta, ro := int(u16(deltas[2*i:])), int(u16(ranges[2*i:]))
		for c := start; c <= end; c++ {
			g := 0
			if ro == 0 {
				g = (c + delta) & 0xffff
			} else {
				at := 16 + 6*seg + 2*i + ro + 2*(c-start)
				if at+2 > len(sub) {
					continue // fpdf reads glyph 0 beyond the subtable
				}
				if g = int(u16(sub[at:])); g != 0 {
					g = (g + delta) & 0xffff
				}
			}
			if g >= numGlyphs {
				return nil, locale.MsgErrorf("cmap format 4: U+%04X maps to glyph %d of %d", c, g, numGlyphs)
			}
			if g != 0 && c != 0xffff && (c < 0xd800 || c > 0xdfff) {
				runes = append(runes, rune(c))
			}
		}
	}
	return runes, nil
}

// trial makes fpdf embed a subset of every rune of the character map, and freetype read
// the metrics the charts use; a panic in either is an error, "its tables are damaged" (the
// panic's text, e.g. "runtime error: index out of range [57456] with length 522", means
// nothing to the user).
func trial(data []byte, runes []rune) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = locale.MsgErrorf("its tables are damaged")
		}
	}()
	tf, err := truetype.Parse(data)
	if err != nil {
		return err
	}
	em := tf.FUnitsPerEm()
	if em <= 0 {
		return locale.MsgErrorf("no units per em")
	}
	// The charts may measure any rune: every one of the BMP is looked up (freetype's
	// character map may differ from fpdf's; above U+FFFF it reads no table).
	scale := fixed.Int26_6(em)
	prev := truetype.Index(0)
	for r := rune(0); r <= 0xffff; r++ {
		i := tf.Index(r)
		tf.HMetric(scale, i)
		tf.Kern(scale, prev, i)
		prev = i
	}

	p := fpdf.New("P", "mm", "A4", "")
	p.SetCompression(false)
	p.AddUTF8FontFromBytes("trial", "", data)
	p.AddPage()
	p.SetFont("trial", "", 10)
	const line = 512
	for i := 0; i < len(runes); i += line {
		p.Text(10, 10, string(runes[i:min(len(runes), i+line)]))
	}
	if err := p.Output(io.Discard); err != nil {
		return err
	}
	return nil
}
