package fontstest

import (
	"encoding/binary"
	"sort"

	"github.com/kepdev/kep/render/fonts"
	"golang.org/x/image/font/gofont/goregular"
)

// WithTables is Go Regular with the given tables added or replaced (a nil table is
// left out), its directory sorted by tag and each table 4-byte aligned. Checksums are
// not computed: no reader of kep's checks them.
func WithTables(repl map[string][]byte) []byte {
	t, err := fonts.Tables(goregular.TTF)
	if err != nil {
		panic(err)
	}
	all := map[string][]byte{}
	for tag, b := range t {
		all[tag] = b
	}
	for tag, b := range repl {
		if b == nil {
			delete(all, tag)
		} else {
			all[tag] = b
		}
	}
	tags := make([]string, 0, len(all))
	for tag := range all {
		tags = append(tags, tag)
	}
	sort.Strings(tags)
	n := len(tags)
	out := make([]byte, 12+16*n)
	copy(out, goregular.TTF[:4])
	binary.BigEndian.PutUint16(out[4:], uint16(n))
	es := 0
	for 1<<(es+1) <= n {
		es++
	}
	binary.BigEndian.PutUint16(out[6:], uint16(16<<es))
	binary.BigEndian.PutUint16(out[8:], uint16(es))
	binary.BigEndian.PutUint16(out[10:], uint16(16*n-16<<es))
	for i, tag := range tags {
		b := all[tag]
		r := out[12+16*i:]
		copy(r, tag)
		binary.BigEndian.PutUint32(r[4:], fonts.Checksum(b))
		binary.BigEndian.PutUint32(r[8:], uint32(len(out)))
		binary.BigEndian.PutUint32(r[12:], uint32(len(b)))
		out = append(out, b...)
		for len(out)%4 != 0 {
			out = append(out, 0)
		}
	}
	return out
}

// Head is Go Regular's head table with unitsPerEm set to upem.
func Head(upem uint16) []byte {
	t, _ := fonts.Tables(goregular.TTF)
	h := append([]byte(nil), t["head"]...)
	binary.BigEndian.PutUint16(h[18:], upem)
	return h
}

type gposBuf []byte

func (b *gposBuf) u16(v int) { *b = binary.BigEndian.AppendUint16(*b, uint16(v)) }

// pairPosAll is a PairPos format 2 subtable that moves the second glyph of every pair
// of glyphs by xAdvance: one range covering all glyphs, empty class definitions, one
// class each.
func pairPosAll(b *gposBuf, xAdvance int16) {
	b.u16(2)  // format
	b.u16(18) // coverage
	b.u16(4)  // value format 1: XAdvance
	b.u16(0)  // value format 2
	b.u16(28) // class definition 1
	b.u16(28) // class definition 2
	b.u16(1)  // class 1 count
	b.u16(1)  // class 2 count
	b.u16(int(uint16(xAdvance)))
	b.u16(2) // coverage: format 2, one range 0-0xffff from index 0
	b.u16(1)
	b.u16(0)
	b.u16(0xffff)
	b.u16(0)
	b.u16(2) // class definition: format 2, no ranges
	b.u16(0)
}

// GPOSFanOut is a GPOS table whose "kern" feature lists lookups lookups (at most
// 32,000), all of them one lookup table of subtables subtables (at most 32,000), all of
// them one pair adjustment of xAdvance for every pair: lookups×subtables subtables for
// a reader that takes each as it is listed, from ~6·(lookups+subtables) bytes.
func GPOSFanOut(lookups, subtables int, xAdvance int16) []byte {
	var b gposBuf
	b.u16(1)
	b.u16(0)
	b.u16(0)                          // no script list
	b.u16(10)                         // feature list
	b.u16(10 + 2 + 6 + 4 + 2*lookups) // lookup list
	// Feature list: one "kern" feature.
	b.u16(1)
	b = append(b, "kern"...)
	b.u16(8)
	b.u16(0)
	b.u16(lookups)
	for i := 0; i < lookups; i++ {
		b.u16(i)
	}
	// Lookup list: every entry the same lookup.
	b.u16(lookups)
	for i := 0; i < lookups; i++ {
		b.u16(2 + 2*lookups)
	}
	b.u16(2) // pair adjustment
	b.u16(0)
	b.u16(subtables)
	for i := 0; i < subtables; i++ {
		b.u16(6 + 2*subtables)
	}
	pairPosAll(&b, xAdvance)
	return b
}

// GPOSFeatureLoop is a GPOS table of features feature records (at most 10,900), all
// "kern" and all one feature table listing indices lookup indices (at most 65,535), of
// which only the first names a lookup: features×indices indices for a reader that
// follows each record, from ~6·features+2·indices bytes.
func GPOSFeatureLoop(features, indices int) []byte {
	var b gposBuf
	b.u16(1)
	b.u16(0)
	b.u16(0)  // no script list
	b.u16(56) // feature list
	b.u16(10) // lookup list: one lookup, one subtable
	b.u16(1)
	b.u16(4)
	b.u16(2)
	b.u16(0)
	b.u16(1)
	b.u16(8)
	pairPosAll(&b, -100)
	for len(b) < 56 {
		b = append(b, 0)
	}
	b.u16(features)
	for i := 0; i < features; i++ {
		b = append(b, "kern"...)
		b.u16(2 + 6*features)
	}
	b.u16(0)
	b.u16(indices)
	for i := 0; i < indices; i++ {
		b.u16(i)
	}
	return b
}
