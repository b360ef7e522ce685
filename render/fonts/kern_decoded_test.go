package fonts

// The reading of GPOS kerning before it became lazy (issue 19): every subtable decoded at
// parse into arrays by glyph. TestKerningSameAsDecoded holds the lazy reader to it.

import (
	"encoding/binary"
	"os"
	"path/filepath"
	"sort"
	"sync/atomic"
	"testing"

	"golang.org/x/image/font"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
)

// Kerning holds a font's pair kerning: the pair adjustment lookups (GPOS type 2) of its
// "kern" feature, or else its legacy kern table. Both writers of the PDF use it, the
// text engine to measure and fpdf to place the glyphs (a TJ array), so what is measured
// is what is drawn. Safe for concurrent use.
type decodedKerning struct {
	font    *sfnt.Font
	upem    int
	tables  []decodedPairTable // GPOS pair subtables, grouped by lookup
	lookups [][2]int           // the subtables [from, to) of each lookup, in lookup order
	legacy  bool               // no GPOS kerning: the kern table through sfnt
	glyphs  [0x10000 / 64]atomic.Pointer[[64]uint16]
	// pairs remembers Pair of runes below pairRunes, a row per first rune made on first
	// use: a document measures and draws the same few hundred pairs of Latin letters
	// tens of thousands of times. An entry is v<<1 | 1, 0 while not known.
	pairs [pairRunes]atomic.Pointer[[pairRunes]atomic.Int32]
}

// decodedPairTable is one PairPos subtable, decoded into arrays by glyph id for constant-time
// lookups: coverage index (-1: not covered), and for format 2 the classes.
type decodedPairTable struct {
	cov    []int32
	format int
	// format 1: pair sets by coverage index, sorted by second glyph.
	sets [][]decodedPairValue
	// format 2: classes by glyph and the class1 × class2 matrix of advances.
	class1, class2 []uint16
	nClass2        int
	matrix         []int16
}

type decodedPairValue struct {
	second uint16
	adv    int16
}

// newDecodedKerning reads the pair kerning of a TrueType font; nil when it has none (or none
// that can be read: kerning is a refinement, never a reason to refuse a font).
func newDecodedKerning(data []byte) *decodedKerning {
	f, err := sfnt.Parse(data)
	if err != nil {
		return nil
	}
	t, err := Tables(data)
	if err != nil || len(t["head"]) < 20 {
		return nil
	}
	k := &decodedKerning{font: f, upem: int(binary.BigEndian.Uint16(t["head"][18:]))}
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

func (k *decodedKerning) readGPOS(g []byte, numGlyphs int) {
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
				k.tables = append(k.tables, decodedReadPairPos(g, st, numGlyphs))
			}
		}
		if len(k.tables) > from {
			k.lookups = append(k.lookups, [2]int{from, len(k.tables)})
		}
	}
}

func decodedReadPairPos(g []byte, st, numGlyphs int) decodedPairTable {
	p := decodedPairTable{format: u16(g, st), cov: decodedReadCoverage(g, st+u16(g, st+2), numGlyphs)}
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
		p.sets = make([][]decodedPairValue, n)
		for i := 0; i < n; i++ {
			ps := st + u16(g, st+10+2*i)
			m := u16(g, ps)
			set := make([]decodedPairValue, 0, m)
			for j := 0; j < m; j++ {
				rec := ps + 2 + j*(2+size1+size2)
				set = append(set, decodedPairValue{uint16(u16(g, rec)), adv(rec + 2)})
			}
			sort.Slice(set, func(a, b int) bool { return set[a].second < set[b].second })
			p.sets[i] = set
		}
	case 2:
		p.class1 = decodedReadClassDef(g, st+u16(g, st+8), numGlyphs)
		p.class2 = decodedReadClassDef(g, st+u16(g, st+10), numGlyphs)
		n1, n2 := u16(g, st+12), u16(g, st+14)
		p.nClass2 = n2
		p.matrix = make([]int16, n1*n2)
		for i := 0; i < n1*n2; i++ {
			p.matrix[i] = adv(st + 16 + i*(size1+size2))
		}
	}
	return p
}

func decodedReadCoverage(g []byte, c, numGlyphs int) []int32 {
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

func decodedReadClassDef(g []byte, c, numGlyphs int) []uint16 {
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
func (k *decodedKerning) glyph(r rune) uint16 {
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
func (k *decodedKerning) Pair(a, b rune) int {
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
func (k *decodedKerning) pair(a, b rune) int {
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
func (k *decodedKerning) lookupPair(lk [2]int, ga, gb uint16) int {
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

// TestKerningSameAsDecoded: the kerning read in place is the kerning of the decoded
// tables, for every pair of runes a Western text uses and a sample beyond, on the
// built-in faces, the Go faces and whatever TrueType fonts the machine has.
func TestKerningSameAsDecoded(t *testing.T) {
	fonts := map[string][]byte{"regular": Regular(), "bold": Bold(), "italic": Italic(), "bold italic": BoldItalic(),
		"go regular": GoRegular(), "go bold": GoBold(), "go italic": GoItalic(), "mono": Mono()}
	paths, _ := filepath.Glob("/usr/share/fonts/truetype/*/*.ttf")
	for _, p := range paths {
		if b, err := os.ReadFile(p); err == nil {
			fonts[filepath.Base(p)] = b
		}
	}
	var runes []rune
	for r := rune(0x20); r < 0x250; r++ {
		runes = append(runes, r)
	}
	for r := rune(0x250); r < 0x10000; r += 97 {
		runes = append(runes, r)
	}
	runes = append(runes, '–', '—', '„', '“', '”', '‚', '‘', '’', '…', '€', '•', '→', '≥', 0x1F600)
	kerned := 0
	for name, data := range fonts {
		got, want := NewKerning(data), newDecodedKerning(data)
		if (got == nil) != (want == nil) {
			t.Errorf("%s: kerning %v, decoded %v", name, got != nil, want != nil)
			continue
		}
		if got == nil {
			continue
		}
		for _, a := range runes {
			for _, b := range runes {
				g, w := got.pair(a, b), want.pair(a, b)
				if g != w {
					t.Fatalf("%s: pair(%U, %U) = %d, decoded %d", name, a, b, g, w)
				}
				if g != 0 {
					kerned++
				}
			}
		}
	}
	if kerned < 1000 {
		t.Errorf("only %d kerned pairs compared", kerned)
	}
	t.Logf("%d fonts, %d kerned pairs compared", len(fonts), kerned)
}

// BenchmarkNewKerning: reading a built-in face's kerning, once per face and process.
func BenchmarkNewKerning(b *testing.B) {
	b.Run("lazy", func(b *testing.B) {
		b.ReportAllocs()
		for i := 0; i < b.N; i++ {
			NewKerning(Regular())
		}
	})
	b.Run("decoded", func(b *testing.B) {
		b.ReportAllocs()
		for i := 0; i < b.N; i++ {
			newDecodedKerning(Regular())
		}
	})
}
