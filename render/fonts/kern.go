package fonts

import (
	"encoding/binary"
	"sort"
	"sync"
	"sync/atomic"
	"unicode/utf8"

	"golang.org/x/image/font"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
)

// Kerning holds a font's pair kerning: the pair adjustment lookups (GPOS type 2) of its
// "kern" feature, or else its legacy kern table. Both writers of the PDF use it, the
// text engine to measure and fpdf to place the glyphs (a TJ array), so what is measured
// is what is drawn. Safe for concurrent use.
type Kerning struct {
	face    *Face
	upem    int
	tables  []pairTable // GPOS pair subtables, grouped by lookup
	lookups [][2]int    // the subtables [from, to) of each lookup, in lookup order
	legacy  bool        // no GPOS kerning: the kern table through sfnt
	// glyphs caches the glyphs of the BMP by blocks of 64 runes, in pages of 64 blocks
	// made on first use (a flat table of block pointers was 8 KB of fresh memory).
	glyphs [16]atomic.Pointer[[64]atomic.Pointer[[64]uint16]]
	// pairs remembers Pair of runes below pairRunes, a row per first rune made on first
	// use: a document measures and draws the same few hundred pairs of Latin letters
	// tens of thousands of times. An entry is 16 bits, v<<1 | 1 (0 while not known),
	// two to a word: a row is 768 bytes, not 1.5 KB (a document makes a few hundred
	// rows, fresh memory that costs a page fault per 4 KB).
	pairs [pairRunes]atomic.Pointer[pairRow]
	// latin, for a built-in face, holds those pairs ready (kernpairs.go, static data):
	// the memo's rows were ~80 pages of fresh memory per render (issue 19).
	latin      *kernPairs
	tablesOnce sync.Once // a built-in face's tables, read on first use (pair)
}

// kernPairs are a face's kerning of the runes below pairRunes: the row of the first
// rune (index) gives the kerning before each second rune, in thousandths of an em.
// TestKernPairs holds the built-in faces' (kernpairs.go) to their fonts.
//
//go:generate go test -run ^TestKernPairs$ -update
type kernPairs struct {
	index [pairRunes]uint8
	rows  [][pairRunes]int16
}

// pairRow holds the remembered pairs of one first rune (Kerning.pairs).
type pairRow [pairRunes / 2]atomic.Uint32

// pairRunes bounds the runes whose pairs Kerning remembers: Basic Latin, Latin-1 and
// Latin Extended-A (German, French and the other languages of Western Europe).
const pairRunes = 0x180

// pairTable is one PairPos subtable, read in place from the GPOS table's bytes on each
// lookup (binary searches over its sorted arrays), not decoded into arrays by glyph: that
// decoding, an array of numGlyphs entries per coverage and class table, was most of a
// face's parse (~3 % of a render's CPU, and fresh memory; issue 19), while a document
// looks up a few hundred pairs, which Pair remembers. NewKerning checks every offset the
// lookups read, so a lookup never reads past the table.
type pairTable struct {
	g        []byte // the GPOS table
	st       int    // the subtable's offset in g
	format   int
	cov      int // the coverage table's offset
	size1    int // value record sizes
	size2    int
	x1       int // XAdvance's offset in the first value record, -1: none
	nSets    int // format 1: pair sets
	c1, c2   int // format 2: class definition offsets
	n1, n2   int // format 2: class counts
	numGlyph int
}

// NewKerning reads the pair kerning of a TrueType font; nil when it has none (or none
// that can be read: kerning is a refinement, never a reason to refuse a font).
func NewKerning(data []byte) *Kerning {
	f, err := parseSFNT(data)
	if err != nil {
		return nil
	}
	return newKerning(&Face{data: data, sfnt: f})
}

// newKerning is NewKerning of a face, whose glyphs it looks up (for a built-in face
// without a parse: Face.GlyphIndex).
func newKerning(face *Face) *Kerning {
	data := face.data
	head, err := table(data, "head")
	if err != nil || len(head) < 20 {
		return nil
	}
	k := &Kerning{face: face, upem: int(binary.BigEndian.Uint16(head[18:]))}
	if k.upem <= 0 {
		return nil
	}
	if face.builtin {
		// The Latin pairs are ready (kernpairs.go, nil exactly for a face without
		// kerning: TestKernPairs); the tables are read for the first other pair.
		if k.latin = builtinPairs[face.index]; k.latin == nil {
			return nil
		}
		return k
	}
	if !k.readTables() {
		return nil
	}
	return k
}

// readTables reads the font's GPOS pair kerning, else notes its legacy kern table;
// false when it has neither.
func (k *Kerning) readTables() bool {
	data := k.face.data
	if gpos, _ := table(data, "GPOS"); gpos != nil {
		func() {
			defer func() { // a damaged table: no kerning rather than a crash
				if recover() != nil {
					k.tables, k.lookups = nil, nil
				}
			}()
			k.readGPOS(gpos, k.face.numGlyphsOf())
		}()
	}
	if len(k.tables) == 0 {
		if kern, _ := table(data, "kern"); kern == nil {
			return false
		}
		k.legacy = true
	}
	return true
}

// u16 reads a big-endian word at off; a read out of range panics, which NewKerning
// recovers as "no kerning".
func u16(b []byte, off int) int { return int(binary.BigEndian.Uint16(b[off:])) }

func (k *Kerning) readGPOS(g []byte, numGlyphs int) {
	features, lookupList := u16(g, 6), u16(g, 8)
	seen := map[int]bool{}
	seenFeature := map[int]bool{} // records sharing a feature table: its lookups once
	var indices []int
	read := 0 // lookup indices read, at most maxKernIndices
	for i, n := 0, u16(g, features); i < n; i++ {
		rec := features + 2 + 6*i
		if string(g[rec:rec+4]) != "kern" {
			continue
		}
		ft := features + u16(g, rec+4)
		if seenFeature[ft] {
			continue
		}
		seenFeature[ft] = true
		m := u16(g, ft+2)
		if read += m; read > maxKernIndices {
			panic("GPOS: too many kern lookup indices")
		}
		for j := 0; j < m; j++ {
			if li := u16(g, ft+4+2*j); !seen[li] {
				seen[li] = true
				indices = append(indices, li)
			}
		}
	}
	sort.Ints(indices)
	nLookups := u16(g, lookupList)
	for _, li := range indices {
		if li >= nLookups {
			continue
		}
		lk := lookupList + u16(g, lookupList+2+2*li)
		typ, n := u16(g, lk), u16(g, lk+4)
		if typ != 2 && typ != 9 {
			continue
		}
		if read += n; read > maxKernIndices {
			panic("GPOS: too many kern subtables")
		}
		from := len(k.tables)
		for s := 0; s < n; s++ {
			st := lk + u16(g, lk+6+2*s)
			styp := typ
			if typ == 9 { // extension: the real subtable is further away
				styp = u16(g, st+2)
				st += int(binary.BigEndian.Uint32(g[st+4:]))
			}
			if styp == 2 {
				if len(k.tables) == maxPairTables {
					panic("GPOS: too many pair adjustment subtables")
				}
				k.tables = append(k.tables, readPairPos(g, st, numGlyphs))
			}
		}
		if len(k.tables) > from {
			k.lookups = append(k.lookups, [2]int{from, len(k.tables)})
		}
	}
}

// maxPairTables bounds the pair adjustment subtables of a font's kerning (real fonts
// have a few, tens at most); a font with more gets none. Lookups and subtables are
// listed by 16-bit offsets that may all name the same table: without a bound, 180 KB of
// GPOS could list 30,000 lookups of 30,000 subtables each, gigabytes to read in and
// every pair looked up in all of them. At the bound a pair outside Pair's memo (a
// Cyrillic or Greek one, say) costs ~7 µs to look up (~28 µs at 1,024).
const maxPairTables = 256

// maxKernIndices bounds the lookup indices read from the "kern" features' tables and
// the subtable offsets read from their lookups, together (real fonts: a few); feature
// tables overlapping at 2-byte steps would otherwise have 10,900 records read 65,535
// indices each, and 65,535 extension lookups 65,535 subtables each.
const maxKernIndices = 1 << 16

// valueSize is the size in bytes of a value record of format f, and xAdv the offset of
// its XAdvance (-1: none).
func valueSize(f int) (size, xAdv int) {
	xAdv = -1
	for bit := 0; bit < 8; bit++ {
		if f&(1<<bit) != 0 {
			if bit == 2 {
				xAdv = size
			}
			size += 2
		}
	}
	return size, xAdv
}

// readPairPos takes a PairPos subtable at st after checking that every record its
// lookups can read lies inside g; it panics (recovered by NewKerning: no kerning) where
// one does not, as reading them all did before.
func readPairPos(g []byte, st, numGlyphs int) pairTable {
	p := pairTable{g: g, st: st, format: u16(g, st), cov: st + u16(g, st+2), numGlyph: numGlyphs}
	p.size1, p.x1 = valueSize(u16(g, st+4))
	p.size2, _ = valueSize(u16(g, st+6))
	need := func(end int) {
		if end > len(g) {
			panic("GPOS subtable out of range")
		}
	}
	checkRanges(g, p.cov, 2, 6)
	switch p.format {
	case 1:
		p.nSets = u16(g, st+8)
		need(st + 10 + 2*p.nSets)
		for i := 0; i < p.nSets; i++ {
			ps := st + u16(g, st+10+2*i)
			need(ps + 2 + u16(g, ps)*(2+p.size1+p.size2))
		}
	case 2:
		p.c1, p.c2 = st+u16(g, st+8), st+u16(g, st+10)
		checkClassDef(g, p.c1)
		checkClassDef(g, p.c2)
		p.n1, p.n2 = u16(g, st+12), u16(g, st+14)
		need(st + 16 + p.n1*p.n2*(p.size1+p.size2))
	}
	return p
}

// checkRanges checks a coverage table at c: format 1 an array of glyphs (2 bytes each),
// format 2 one of ranges (6 bytes each), both after a count.
func checkRanges(g []byte, c, size1, size2 int) {
	size := 0
	switch u16(g, c) {
	case 1:
		size = size1
	case 2:
		size = size2
	}
	if c+4+size*u16(g, c+2) > len(g) {
		panic("GPOS table out of range")
	}
}

// checkClassDef checks a class definition table at c (format 1: a start glyph, a count
// and that many classes; format 2: ranges of 6 bytes).
func checkClassDef(g []byte, c int) {
	switch u16(g, c) {
	case 1:
		if c+6+2*u16(g, c+4) > len(g) {
			panic("GPOS class definition out of range")
		}
	case 2:
		checkRanges(g, c, 0, 6)
	}
}

// coverage is the coverage index of glyph gl in the subtable, -1 when not covered. The
// glyph array and range records are sorted by glyph, as the format requires.
func (p *pairTable) coverage(gl int) int {
	g, c := p.g, p.cov
	n := u16(g, c+2)
	switch u16(g, c) {
	case 1:
		i := sort.Search(n, func(i int) bool { return u16(g, c+4+2*i) >= gl })
		if i < n && u16(g, c+4+2*i) == gl {
			return i
		}
	case 2:
		if r, ok := findRange(g, c+4, n, gl); ok {
			return u16(g, r+4) + gl - u16(g, r)
		}
	}
	return -1
}

// findRange finds the record of the range (start, end, value: 6 bytes each, sorted by
// start) of n at off that holds gl.
func findRange(g []byte, off, n, gl int) (int, bool) {
	i := sort.Search(n, func(i int) bool { return u16(g, off+6*i) > gl }) - 1
	if i < 0 {
		return 0, false
	}
	r := off + 6*i
	return r, gl <= u16(g, r+2)
}

// class is glyph gl's class in the class definition at c (0: not listed).
func (p *pairTable) class(c, gl int) int {
	g := p.g
	switch u16(g, c) {
	case 1:
		if start := u16(g, c+2); gl >= start && gl-start < u16(g, c+4) {
			return u16(g, c+6+2*(gl-start))
		}
	case 2:
		if r, ok := findRange(g, c+4, u16(g, c+2), gl); ok {
			return u16(g, r+4)
		}
	}
	return 0
}

// adv is the first value record's XAdvance at rec, 0 without one.
func (p *pairTable) adv(rec int) int {
	if p.x1 < 0 {
		return 0
	}
	return int(int16(u16(p.g, rec+p.x1)))
}

// glyph returns the glyph of r (0: none), from a per-block cache.
func (k *Kerning) glyph(r rune) uint16 {
	if r < 0 || r >= 0x10000 {
		return 0
	}
	page := k.glyphs[r>>12].Load()
	if page == nil {
		k.glyphs[r>>12].CompareAndSwap(nil, new([64]atomic.Pointer[[64]uint16]))
		page = k.glyphs[r>>12].Load()
	}
	blk := page[r>>6&63].Load()
	if blk == nil {
		blk = new([64]uint16)
		base := r &^ 63
		for i := range blk {
			blk[i] = k.face.GlyphIndex(base + rune(i))
		}
		page[r>>6&63].Store(blk)
	}
	return blk[r&63]
}

// Pair returns the kerning between the runes a and b in thousandths of an em: negative
// moves b closer to a. 0 for a nil Kerning.
func (k *Kerning) Pair(a, b rune) int {
	if k == nil {
		return 0
	}
	if uint32(a) >= pairRunes || uint32(b) >= pairRunes {
		return k.pair(a, b)
	}
	if k.latin != nil {
		return int(k.latin.rows[k.latin.index[a]][b])
	}
	row := k.pairs[a].Load()
	if row == nil {
		row = new(pairRow)
		if !k.pairs[a].CompareAndSwap(nil, row) {
			row = k.pairs[a].Load()
		}
	}
	cell, shift := &row[b>>1], uint(b&1)*16
	if x := uint16(cell.Load() >> shift); x != 0 {
		return int(int16(x) >> 1)
	}
	v := k.pair(a, b)
	if v < -1<<14 || v >= 1<<14 {
		return v // does not fit an entry: looked up each time (no font kerns so far)
	}
	x := uint32(uint16(int16(v)<<1|1)) << shift
	for { // the other half may be set at the same time
		old := cell.Load()
		if cell.CompareAndSwap(old, old&^(0xffff<<shift)|x) {
			return v
		}
	}
}

// Sum returns the kerning of the consecutive pairs of runes of s in thousandths of an em,
// what Pair gives for each pair added up; 0 for a nil Kerning. The PDF's text engine
// measures its words with it: a built-in face's Latin pairs (umlauts and accents too)
// are looked up here in a loop, not by a call per pair.
func (k *Kerning) Sum(s string) int {
	if k == nil || len(s) < 2 {
		return 0
	}
	l := k.latin
	if l == nil {
		return k.sum(s)
	}
	w, i := 0, 1
	for ; i < len(s); i++ {
		a, b := s[i-1], s[i]
		if a|b >= utf8.RuneSelf {
			break
		}
		w += int(l.rows[l.index[a]][b])
	}
	if i == len(s) {
		return w
	}
	// s[:i-1] is ASCII, and s[i-1] starts a rune: the pairs from it on, rune by rune.
	s = s[i-1:]
	prev, n := utf8.DecodeRuneInString(s)
	for s = s[n:]; s != ""; s = s[n:] {
		var r rune
		if r, n = rune(s[0]), 1; r >= utf8.RuneSelf {
			r, n = utf8.DecodeRuneInString(s)
		}
		if uint32(prev) < pairRunes && uint32(r) < pairRunes {
			w += int(l.rows[l.index[prev]][r])
		} else {
			w += k.Pair(prev, r)
		}
		prev = r
	}
	return w
}

// sum is Sum, pair by pair.
func (k *Kerning) sum(s string) int {
	w := 0
	prev := rune(-1)
	for _, r := range s {
		if prev >= 0 {
			w += k.Pair(prev, r)
		}
		prev = r
	}
	return w
}

// pair is Pair, looked up in the font's tables. NewKerning checked the offsets the
// lookups read; should a damaged font still lead one astray, the pair is not kerned.
func (k *Kerning) pair(a, b rune) (kern int) {
	defer func() {
		if recover() != nil {
			kern = 0
		}
	}()
	ga, gb := k.glyph(a), k.glyph(b)
	if ga == 0 || gb == 0 {
		return 0
	}
	if k.latin != nil {
		k.tablesOnce.Do(func() { k.readTables() })
	}
	var v int
	if k.legacy {
		var buf sfnt.Buffer
		d, err := k.face.SFNT().Kern(&buf, sfnt.GlyphIndex(ga), sfnt.GlyphIndex(gb), fixed.I(k.upem), font.HintingNone)
		if err != nil {
			return 0
		}
		v = int(d >> 6)
	} else {
		for _, lk := range k.lookups {
			v += k.lookupPair(lk, ga, gb)
		}
	}
	// To thousandths of an em, rounded half away from zero, and within ±maxKern (Pair's
	// memo holds an int32 shifted by one; a hostile font's sum over many lookups of
	// XAdvance 32767 at 16 units per em would not fit).
	if v >= 0 {
		return min((v*1000+k.upem/2)/k.upem, maxKern)
	}
	return -min((-v*1000+k.upem/2)/k.upem, maxKern)
}

// maxKern bounds a pair's kerning, in thousandths of an em: 100 em, far beyond any
// real font's.
const maxKern = 100_000

// lookupPair applies one lookup: its first subtable that has the pair.
func (k *Kerning) lookupPair(lk [2]int, ga, gb uint16) int {
	for i := lk[0]; i < lk[1]; i++ {
		t := &k.tables[i]
		if int(ga) >= t.numGlyph || int(gb) >= t.numGlyph {
			continue
		}
		ci := t.coverage(int(ga))
		if ci < 0 {
			continue
		}
		switch t.format {
		case 1:
			if ci >= t.nSets {
				continue
			}
			g := t.g
			ps := t.st + u16(g, t.st+10+2*ci)
			rec := 2 + t.size1 + t.size2
			m := u16(g, ps)
			j := sort.Search(m, func(j int) bool { return u16(g, ps+2+j*rec) >= int(gb) })
			if j < m && u16(g, ps+2+j*rec) == int(gb) {
				return t.adv(ps + 2 + j*rec + 2)
			}
		case 2:
			c1, c2 := t.class(t.c1, int(ga)), t.class(t.c2, int(gb))
			if c2 >= t.n2 || c1 >= t.n1 {
				return 0
			}
			return t.adv(t.st + 16 + (c1*t.n2+c2)*(t.size1+t.size2))
		}
	}
	return 0
}
