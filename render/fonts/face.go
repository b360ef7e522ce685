package fonts

import (
	"crypto/sha256"
	"encoding/binary"
	"sync"
	"sync/atomic"

	"github.com/golang/freetype/truetype"
	"github.com/kepdev/kep/locale"
	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/gofont/gobolditalic"
	"golang.org/x/image/font/gofont/goitalic"
	"golang.org/x/image/font/gofont/gomono"
	"golang.org/x/image/font/gofont/goregular"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
)

// Face is one TrueType font, parsed once per process for every writer: the PDF (its
// coverage, name and kerning), the HTML (its subsetter reads the sfnt parse) and the
// charts (freetype's parse and the glyph metrics). Load is the one place fonts are
// parsed and kept; everything a writer asks of a face is computed on first use and
// shared read-only, safe for concurrent use.
type Face struct {
	data []byte
	// sfnt is the font parsed by golang.org/x/image/font/sfnt: made by Load for a brand
	// font (which it checks), on first use (SFNT) for a built-in one, whose coverage,
	// kerning and name need no parse (cmap, numGlyphs, builtinFaces): the nine parses
	// were most of pdfdoc.Warm's CPU and fresh memory in every process (issue 19).
	sfnt     *sfnt.Font
	sfntOnce sync.Once
	// cmap is a built-in face's format 4 character map, read in place (ok false for a
	// brand font); TestBuiltinUnparsed holds it to sfnt's GlyphIndex for every BMP rune.
	cmap      cmap4
	numGlyphs int // a built-in face's maxp count (sfnt's NumGlyphs)
	psName    string
	builtin   bool // one of the embedded faces, never evicted
	index     int  // a built-in face's place in builtinFaces

	// coverage: which BMP runes the font has a glyph for, filled one block of 64 runes
	// on first use (a document uses a few hundred runes; asking the font for all 65,536
	// took 1 ms per face). fpdf cannot write runes above U+FFFF, so none is covered.
	cov BlockCache

	kernOnce sync.Once
	kern     *Kerning

	// tt are freetype parses for the charts: two, because a chart tells its bold text
	// apart by the font's identity, so bold set in the regular face needs a second one.
	tt [2]struct {
		once sync.Once
		f    *truetype.Font
		err  error
	}
	// glyphs caches the glyph index and advance (at one em) of the runes below
	// metricRunes, as 1<<63 | index<<32 | uint32(advance), 0 while unknown; made on
	// first use (the charts'), so that a face the charts never measure with does not
	// cost 4.7 KB of fresh memory.
	glyphs atomic.Pointer[[metricRunes]atomic.Uint64]
}

// metricRunes is the number of runes, from U+0000, whose glyph index and advance width
// are kept per face: Latin up to Latin Extended-B covers nearly every label of a plan.
const metricRunes = 0x250

// Load returns the parsed face of a TrueType font: the built-in faces (the same bytes,
// compared by address) from a table made once, other fonts from a cache by the SHA-256
// of their bytes, so that kep serve, which reads a brand font anew on every save, parses
// each font contents once. At most maxCached brand faces are kept. The bytes must not
// change afterwards.
func Load(data []byte) (*Face, error) {
	if len(data) == 0 {
		return nil, locale.MsgErrorf("font is not a TrueType font (.ttf)")
	}
	if f, err, ok := builtinFace(data); ok {
		return f, err
	}
	// The same bytes again (a chart asks for every chart): found by their address,
	// without hashing them.
	id := ident{&data[0], len(data)}
	if v, ok := byAddr.Load(id); ok {
		r := v.(*loadResult)
		r.once.Do(func() { r.f, r.err = parse(data) })
		return r.f, r.err
	}
	key := sha256.Sum256(data)
	v, loaded := cache.LoadOrStore(key, new(loadResult))
	if !loaded && cacheN.Add(1) > maxCached {
		// Entries in use stay valid for their holders; the next document parses again
		// what it needs.
		cache.Clear()
		byAddr.Clear()
		ttFaces.Range(func(k, v any) bool {
			if !v.(*Face).builtin {
				ttFaces.Delete(k)
			}
			return true
		})
		cache.Store(key, v)
		cacheN.Store(1)
	}
	byAddr.Store(id, v)
	r := v.(*loadResult)
	r.once.Do(func() { r.f, r.err = parse(data) })
	return r.f, r.err
}

// ident is a font's bytes by address and length.
type ident struct {
	p *byte
	n int
}

type loadResult struct {
	once sync.Once
	f    *Face
	err  error
}

var (
	cache   sync.Map // sha256 of the font bytes → *loadResult
	cacheN  atomic.Int32
	byAddr  sync.Map // ident → *loadResult, the bytes a cached face was loaded from
	ttFaces sync.Map // *truetype.Font → *Face (FaceOf)
)

// maxCached bounds the faces of brand fonts kept per process: a batch has a few, but
// kep serve would otherwise keep every version of a font a user tries out.
const maxCached = 16

// CachedFaces is the number of brand faces kept (tests).
func CachedFaces() int {
	n := 0
	cache.Range(func(any, any) bool { n++; return true })
	return n
}

// builtinFaces are the built-in faces with their PostScript names (TestBuiltinUnparsed
// holds the names to the fonts' name tables): Noto Sans in four styles, the Go fonts
// (the fallback for the runes Noto Sans lacks, and the charts' default) and Go Mono.
func builtinFaces() []struct {
	data   []byte
	psName string
} {
	return []struct {
		data   []byte
		psName string
	}{
		{regular, "NotoSans-Regular"}, {bold, "NotoSans-Bold"}, {italic, "NotoSans-Italic"},
		{boldItalic, "NotoSans-BoldItalic"}, {goregular.TTF, "GoRegular"}, {gobold.TTF, "Go-Bold"},
		{goitalic.TTF, "Go-Italic"}, {gobolditalic.TTF, "Go-BoldItalic"}, {gomono.TTF, "GoMono"},
	}
}

type builtinResult struct {
	loadResult
	psName string
	index  int
}

var builtins = sync.OnceValue(func() map[*byte]*builtinResult {
	m := map[*byte]*builtinResult{}
	for i, b := range builtinFaces() {
		m[&b.data[0]] = &builtinResult{psName: b.psName, index: i}
	}
	return m
})

func builtinFace(data []byte) (*Face, error, bool) {
	r, ok := builtins()[&data[0]]
	if !ok {
		return nil, nil, false
	}
	r.once.Do(func() { r.f, r.err = parseBuiltin(data, r.psName, r.index) })
	return r.f, r.err, true
}

// parseBuiltin makes the face of a built-in font without parsing it: its character map
// and glyph count are read in place, its name is known.
func parseBuiltin(data []byte, psName string, index int) (*Face, error) {
	cmap, err := table(data, "cmap")
	if err != nil {
		return nil, locale.MsgErrorf("font is not a readable TrueType font: %w", err)
	}
	maxp, _ := table(data, "maxp")
	m, ok := findCmap4(cmap)
	if !ok || len(maxp) < 6 {
		return nil, locale.MsgErrorf("font has no usable character map")
	}
	return &Face{data: data, cmap: m, numGlyphs: int(binary.BigEndian.Uint16(maxp[4:])),
		psName: psName, builtin: true, index: index}, nil
}

// GoRegular, GoBold, GoItalic and GoBoldItalic are the Go fonts' bytes: the built-in
// fallback for runes the text face lacks (arrows, "≥", box drawing).
func GoRegular() []byte    { return goregular.TTF }
func GoBold() []byte       { return gobold.TTF }
func GoItalic() []byte     { return goitalic.TTF }
func GoBoldItalic() []byte { return gobolditalic.TTF }

func parse(data []byte) (*Face, error) {
	f, err := parseSFNT(data)
	if err != nil {
		return nil, locale.MsgErrorf("font is not a readable TrueType font: %w", err)
	}
	fc := &Face{data: data, sfnt: f}
	if !fc.any() {
		return nil, locale.MsgErrorf("font has no usable character map")
	}
	var buf sfnt.Buffer
	fc.psName, _ = f.Name(&buf, sfnt.NameIDPostScript)
	return fc, nil
}

// Data returns the font's bytes (shared: not to be changed).
func (f *Face) Data() []byte { return f.data }

// SFNT returns the font parsed by golang.org/x/image/font/sfnt (shared, read-only; a
// caller needs its own sfnt.Buffer); a built-in face is parsed on first use.
func (f *Face) SFNT() *sfnt.Font {
	f.sfntOnce.Do(func() {
		if f.sfnt == nil {
			f.sfnt, _ = parseSFNT(f.data) // a built-in font: TestBuiltinUnparsed parses each
		}
	})
	return f.sfnt
}

// GlyphIndex returns the font's glyph for r, 0 for none: sfnt's GlyphIndex (0 where it
// fails), for a built-in face read from its character map in place.
func (f *Face) GlyphIndex(r rune) uint16 {
	if f.cmap.ok && uint32(r) <= 0xFFFF {
		return f.cmap.lookup(uint16(r))
	}
	var buf sfnt.Buffer
	g, err := f.SFNT().GlyphIndex(&buf, r)
	if err != nil {
		return 0
	}
	return uint16(g)
}

// numGlyphsOf is the font's glyph count (sfnt's NumGlyphs).
func (f *Face) numGlyphsOf() int {
	if f.builtin {
		return f.numGlyphs
	}
	return f.SFNT().NumGlyphs()
}

// PostScriptName is the font's PostScript name from its name table, "" without one.
func (f *Face) PostScriptName() string { return f.psName }

// Kerning returns the font's pair kerning, nil when it has none; read on first use.
func (f *Face) Kerning() *Kerning {
	f.kernOnce.Do(func() { f.kern = newKerning(f) })
	return f.kern
}

// TrueType returns the font parsed by freetype for the charts; n (0 or 1) picks one of
// two parses, for a chart that sets bold in the regular face and tells them apart by
// identity.
func (f *Face) TrueType(n int) (*truetype.Font, error) {
	t := &f.tt[n&1]
	t.once.Do(func() {
		t.f, t.err = truetype.Parse(f.data)
		if t.err == nil && t.f.FUnitsPerEm() <= 0 {
			t.f, t.err = nil, locale.MsgErrorf("head table: 0 units per em")
		}
		if t.f != nil {
			ttFaces.Store(t.f, f)
		}
	})
	return t.f, t.err
}

// FaceOf returns the face whose TrueType made tf, nil for a font parsed elsewhere or
// no longer kept.
func FaceOf(tf *truetype.Font) *Face {
	if v, ok := ttFaces.Load(tf); ok {
		return v.(*Face)
	}
	return nil
}

// Glyph returns freetype's glyph index of c and its advance width at one em (the font's
// units per em), kept for the runes below metricRunes: the charts measure most labels
// several times (centring, fitting, wrapping).
func (f *Face) Glyph(c rune) (truetype.Index, fixed.Int26_6, error) {
	tf, err := f.TrueType(0)
	if err != nil {
		return 0, 0, err
	}
	em := fixed.Int26_6(tf.FUnitsPerEm())
	if uint32(c) >= metricRunes {
		i := tf.Index(c)
		return i, tf.HMetric(em, i).AdvanceWidth, nil
	}
	glyphs := f.glyphs.Load()
	if glyphs == nil {
		f.glyphs.CompareAndSwap(nil, new([metricRunes]atomic.Uint64))
		glyphs = f.glyphs.Load()
	}
	if v := glyphs[c].Load(); v != 0 {
		return truetype.Index(v >> 32), fixed.Int26_6(int32(uint32(v))), nil
	}
	i := tf.Index(c)
	a := tf.HMetric(em, i).AdvanceWidth
	glyphs[c].Store(1<<63 | uint64(i)<<32 | uint64(uint32(int32(a))))
	return i, a, nil
}

// Has reports whether the font has a glyph for r (BMP only).
func (f *Face) Has(r rune) bool {
	if r < 0 || r >= 0x10000 {
		return false
	}
	return f.Block(int(r>>6))&(1<<(uint(r)&63)) != 0
}

// Block returns the bitmap of the runes [64*i, 64*i+64) the font has a glyph for,
// computing it on first use. Two goroutines may compute the same block at once; both
// store the same bits, and ready is set only after bits, so a reader that sees ready
// sees the bits.
func (f *Face) Block(i int) uint64 {
	if bits, ok := f.cov.Load(i); ok {
		return bits
	}
	var bits uint64
	for j := 0; j < 64; j++ {
		if f.GlyphIndex(rune(i*64+j)) != 0 {
			bits |= 1 << uint(j)
		}
	}
	f.cov.Store(i, bits)
	return bits
}

// BlockCache holds 64-bit values by the index of a block of 64 BMP runes (0 to 1023),
// in pages of 64 blocks made on first use: a document touches a few pages, and a flat
// table cost 9 KB of fresh memory per face or coverage. Safe for concurrent use; two
// goroutines may store the same value for a block at once.
type BlockCache struct {
	pages [16]atomic.Pointer[blockPage]
}

type blockPage struct {
	ready [64]atomic.Bool
	bits  [64]atomic.Uint64
}

// Load returns block i's value and whether it is stored.
func (c *BlockCache) Load(i int) (uint64, bool) {
	p := c.pages[i>>6].Load()
	if p == nil || !p.ready[i&63].Load() {
		return 0, false
	}
	return p.bits[i&63].Load(), true
}

// Store stores block i's value; ready is set after the bits, so a Load that sees the
// block stored sees its bits.
func (c *BlockCache) Store(i int, bits uint64) {
	p := c.pages[i>>6].Load()
	if p == nil {
		c.pages[i>>6].CompareAndSwap(nil, new(blockPage))
		p = c.pages[i>>6].Load()
	}
	p.bits[i&63].Store(bits)
	p.ready[i&63].Store(true)
}

// any reports whether the font has a glyph for any BMP rune. Latin text fonts answer in
// the first blocks; only a font without them is scanned whole.
func (f *Face) any() bool {
	for i := 0; i < 0x10000/64; i++ {
		if f.Block(i) != 0 {
			return true
		}
	}
	return false
}

// cmap4 is a format 4 character map (Unicode BMP), looked up in place in the font's
// bytes as sfnt's GlyphIndex looks it up (a binary search over the segments; a glyph
// from the glyph ID array taken as it stands, without idDelta, as sfnt v0.48.0 does).
type cmap4 struct {
	ok   bool
	t    []byte // the cmap table
	sub  int    // the subtable's offset in t
	segs int    // segment count
}

// findCmap4 finds the (3, 1) format 4 subtable of a cmap table.
func findCmap4(t []byte) (cmap4, bool) {
	if len(t) < 4 {
		return cmap4{}, false
	}
	n := int(binary.BigEndian.Uint16(t[2:]))
	for i := 0; i < n && 4+8*i+8 <= len(t); i++ {
		r := t[4+8*i:]
		if binary.BigEndian.Uint16(r) != 3 || binary.BigEndian.Uint16(r[2:]) != 1 {
			continue
		}
		off := int(binary.BigEndian.Uint32(r[4:]))
		if off < 0 || off+14 > len(t) || binary.BigEndian.Uint16(t[off:]) != 4 {
			continue
		}
		segs := int(binary.BigEndian.Uint16(t[off+6:])) / 2
		if off+16+8*segs > len(t) {
			continue
		}
		return cmap4{ok: true, t: t, sub: off, segs: segs}, true
	}
	return cmap4{}, false
}

func (m *cmap4) lookup(c uint16) uint16 {
	t, n := m.t, m.segs
	ends := m.sub + 14
	starts := ends + 2*n + 2
	deltas := starts + 2*n
	offsets := deltas + 2*n
	u16 := func(o int) uint16 { return binary.BigEndian.Uint16(t[o:]) }
	for i, j := 0, n; i < j; {
		h := i + (j-i)/2
		switch start, end := u16(starts+2*h), u16(ends+2*h); {
		case c < start:
			j = h
		case end < c:
			i = h + 1
		default:
			ro := int(u16(offsets + 2*h))
			if ro == 0 {
				return c + u16(deltas+2*h)
			}
			o := offsets + 2*h + ro + 2*int(c-start)
			if o+2 > len(t) {
				return 0
			}
			return u16(o)
		}
	}
	return 0
}
