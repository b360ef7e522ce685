package fonts

import (
	"encoding/binary"
	"sort"
	"sync/atomic"

	"golang.org/x/image/font"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
)

// Kerning holds a font's pair kerning: the pair adjustment lookups (GPOS type 2) of its
// "kern" feature, or else its legacy kern table. Both writers of the PDF use it, the
// text engine to measure and fpdf to place the glyphs (a TJ array), so what is measured
// is what is drawn. Safe for concurrent use.
type Kerning struct {
	font    *sfnt.Font
	upem    int
	tables  []pairTable // GPOS pair subtables, grouped by lookup
	lookups [][2]int    // the subtables [from, to) of each lookup, in lookup order
	legacy  bool        // no GPOS kerning: the kern table through sfnt
	glyphs  [0x10000 / 64]atomic.Pointer[[64]uint16]
	// pairs remembers Pair of runes below pairRunes, a row per first rune made on first
	// use: a document measures and draws the same few hundred pairs of Latin letters
	// tens of thousands of times. An entry is v<<1 | 1, 0 while not known.
	pairs [pairRunes]atomic.Pointer[[pairRunes]atomic.Int32]
}

// pairRunes bounds the runes whose pairs Kerning remembers: Basic Latin, Latin-1 and
// Latin Extended-A (German, French and the other languages of Western Europe).
const pairRunes = 0x180

// pairTable is one PairPos subtable, decoded into arrays by glyph id for constant-time
// lookups: coverage index (-1: not covered), and for format 2 the classes.
type pairTable struct {
	cov    []int32
	format int
	// format 1: pair sets by coverage index, sorted by second glyph.
	sets [][]pairValue
	// format 2: classes by glyph and the class1 × class2 matrix of advances.
	class1, class2 []uint16
	nClass2        int
	matrix         []int16
}

type pairValue struct {
	second uint16
	adv    int16
}

// NewKerning reads the pair kerning of a TrueType font; nil when it has none (or none
// that can be read: kerning is a refinement, never a reason to refuse a font).
func NewKerning(data []byte) *Kerning {
	f, err := sfnt.Parse(data)
	if err != nil {
		return nil
	}
	t, err := Tables(data)
	if err != nil || len(t["head"]) < 20 {
		return nil
	}
	k := &Kerning{font: f, upem: int(binary.BigEndian.Uint16(t["head"][18:]))}
	if k.upem <= 0 {
		return nil
	}
	if gpos := t["GPOS"]; gpos != nil {
		func() {
			defer func() { // a damaged table: no kerning rather than a crash
				if recover() != nil {
					k.tables, k.lookups = nil, nil
				}
			}()
			k.readGPOS(gpos, f.NumGlyphs())
		}()
	}
	if len(k.tables) == 0 {
		if t["kern"] == nil {
			return nil
		}
		k.legacy = true
	}
	return k
}

// u16 reads a big-endian word at off; a read out of range panics, which NewKerning
// recovers as "no kerning".
func u16(b []byte, off int) int { return int(binary.BigEndian.Uint16(b[off:])) }

func (k *Kerning) readGPOS(g []byte, numGlyphs int) {
	features, lookupList := u16(g, 6), u16(g, 8)
	seen := map[int]bool{}
	var indices []int
	for i, n := 0, u16(g, features); i < n; i++ {
		rec := features + 2 + 6*i
		if string(g[rec:rec+4]) != "kern" {
			continue
		}
		ft := features + u16(g, rec+4)
		for j, m := 0, u16(g, ft+2); j < m; j++ {
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
		from := len(k.tables)
		for s := 0; s < n; s++ {
			st := lk + u16(g, lk+6+2*s)
			styp := typ
			if typ == 9 { // extension: the real subtable is further away
				styp = u16(g, st+2)
				st += int(binary.BigEndian.Uint32(g[st+4:]))
			}
			if styp == 2 {
				k.tables = append(k.tables, readPairPos(g, st, numGlyphs))
			}
		}
		if len(k.tables) > from {
			k.lookups = append(k.lookups, [2]int{from, len(k.tables)})
		}
	}
}

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

func readPairPos(g []byte, st, numGlyphs int) pairTable {
	p := pairTable{format: u16(g, st), cov: readCoverage(g, st+u16(g, st+2), numGlyphs)}
	vf1, vf2 := u16(g, st+4), u16(g, st+6)
	size1, x1 := valueSize(vf1)
	size2, _ := valueSize(vf2)
	adv := func(rec int) int16 {
		if x1 < 0 {
			return 0
		}
		return int16(u16(g, rec+x1))
	}
	switch p.format {
	case 1:
		n := u16(g, st+8)
		p.sets = make([][]pairValue, n)
		for i := 0; i < n; i++ {
			ps := st + u16(g, st+10+2*i)
			m := u16(g, ps)
			set := make([]pairValue, 0, m)
			for j := 0; j < m; j++ {
				rec := ps + 2 + j*(2+size1+size2)
				set = append(set, pairValue{uint16(u16(g, rec)), adv(rec + 2)})
			}
			sort.Slice(set, func(a, b int) bool { return set[a].second < set[b].second })
			p.sets[i] = set
		}
	case 2:
		p.class1 = readClassDef(g, st+u16(g, st+8), numGlyphs)
		p.class2 = readClassDef(g, st+u16(g, st+10), numGlyphs)
		n1, n2 := u16(g, st+12), u16(g, st+14)
		p.nClass2 = n2
		p.matrix = make([]int16, n1*n2)
		for i := 0; i < n1*n2; i++ {
			p.matrix[i] = adv(st + 16 + i*(size1+size2))
		}
	}
	return p
}

func readCoverage(g []byte, c, numGlyphs int) []int32 {
	cov := make([]int32, numGlyphs)
	for i := range cov {
		cov[i] = -1
	}
	switch u16(g, c) {
	case 1:
		for i, n := 0, u16(g, c+2); i < n; i++ {
			if gl := u16(g, c+4+2*i); gl < numGlyphs {
				cov[gl] = int32(i)
			}
		}
	case 2:
		for i, n := 0, u16(g, c+2); i < n; i++ {
			r := c + 4 + 6*i
			start, end, idx := u16(g, r), u16(g, r+2), u16(g, r+4)
			for gl := start; gl <= end && gl < numGlyphs; gl++ {
				cov[gl] = int32(idx + gl - start)
			}
		}
	}
	return cov
}

func readClassDef(g []byte, c, numGlyphs int) []uint16 {
	cls := make([]uint16, numGlyphs)
	switch u16(g, c) {
	case 1:
		start := u16(g, c+2)
		for i, n := 0, u16(g, c+4); i < n; i++ {
			if gl := start + i; gl < numGlyphs {
				cls[gl] = uint16(u16(g, c+6+2*i))
			}
		}
	case 2:
		for i, n := 0, u16(g, c+2); i < n; i++ {
			r := c + 4 + 6*i
			start, end, v := u16(g, r), u16(g, r+2), u16(g, r+4)
			for gl := start; gl <= end && gl < numGlyphs; gl++ {
				cls[gl] = uint16(v)
			}
		}
	}
	return cls
}

// glyph returns the glyph of r (0: none), from a per-block cache.
func (k *Kerning) glyph(r rune) uint16 {
	if r < 0 || r >= 0x10000 {
		return 0
	}
	blk := k.glyphs[r>>6].Load()
	if blk == nil {
		blk = new([64]uint16)
		var buf sfnt.Buffer
		base := r &^ 63
		for i := range blk {
			if g, err := k.font.GlyphIndex(&buf, base+rune(i)); err == nil {
				blk[i] = uint16(g)
			}
		}
		k.glyphs[r>>6].Store(blk)
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
	row := k.pairs[a].Load()
	if row == nil {
		row = new([pairRunes]atomic.Int32)
		if !k.pairs[a].CompareAndSwap(nil, row) {
			row = k.pairs[a].Load()
		}
	}
	if x := row[b].Load(); x != 0 {
		return int(x >> 1)
	}
	v := k.pair(a, b)
	row[b].Store(int32(v)<<1 | 1)
	return v
}

// pair is Pair, looked up in the font's tables.
func (k *Kerning) pair(a, b rune) int {
	ga, gb := k.glyph(a), k.glyph(b)
	if ga == 0 || gb == 0 {
		return 0
	}
	var v int
	if k.legacy {
		var buf sfnt.Buffer
		d, err := k.font.Kern(&buf, sfnt.GlyphIndex(ga), sfnt.GlyphIndex(gb), fixed.I(k.upem), font.HintingNone)
		if err != nil {
			return 0
		}
		v = int(d >> 6)
	} else {
		for _, lk := range k.lookups {
			v += k.lookupPair(lk, ga, gb)
		}
	}
	// To thousandths of an em, rounded half away from zero.
	if v >= 0 {
		return (v*1000 + k.upem/2) / k.upem
	}
	return -((-v*1000 + k.upem/2) / k.upem)
}

// lookupPair applies one lookup: its first subtable that has the pair.
func (k *Kerning) lookupPair(lk [2]int, ga, gb uint16) int {
	for _, t := range k.tables[lk[0]:lk[1]] {
		if int(ga) >= len(t.cov) || int(gb) >= len(t.cov) {
			continue
		}
		ci := t.cov[ga]
		if ci < 0 {
			continue
		}
		switch t.format {
		case 1:
			if int(ci) >= len(t.sets) {
				continue
			}
			set := t.sets[ci]
			i := sort.Search(len(set), func(i int) bool { return set[i].second >= gb })
			if i < len(set) && set[i].second == gb {
				return int(set[i].adv)
			}
		case 2:
			c1, c2 := int(t.class1[ga]), int(t.class2[gb])
			if c2 >= t.nClass2 || (c1+1)*t.nClass2 > len(t.matrix) {
				return 0
			}
			return int(t.matrix[c1*t.nClass2+c2])
		}
	}
	return 0
}
