// Package fontstest makes broken TrueType fonts from Go Regular for tests: the kinds
// of damage that once crashed kep's writers.
package fontstest

import (
	"encoding/binary"

	"github.com/kepdev/kep/render/fonts"
	"golang.org/x/image/font/gofont/goregular"
	"golang.org/x/image/font/sfnt"
)

// Tables are the tables Mutate edits, by index.
var Tables = []string{"loca", "glyf", "cmap", "hmtx", "hhea", "maxp", "head", "name", "OS/2", "post", "kern", "GPOS"}

// Mutate applies edits to a copy of Go Regular: each edit is four bytes, a table (an
// index into Tables), an offset in it (big-endian, modulo its length) and the new byte.
func Mutate(edits []byte) []byte {
	b := append([]byte(nil), goregular.TTF...)
	t, err := fonts.Tables(b)
	if err != nil {
		panic(err)
	}
	for ; len(edits) >= 4; edits = edits[4:] {
		tab := t[Tables[int(edits[0])%len(Tables)]]
		if len(tab) == 0 {
			continue
		}
		tab[(int(edits[1])<<8|int(edits[2]))%len(tab)] = edits[3]
	}
	return b
}

// glyph returns the glyph index of r in font b and its outline, a slice of b.
func glyph(b []byte, r rune) (int, []byte, bool) {
	f, err := sfnt.Parse(b)
	if err != nil {
		panic(err)
	}
	var buf sfnt.Buffer
	gi, err := f.GlyphIndex(&buf, r)
	if err != nil || gi == 0 {
		return 0, nil, false
	}
	t, _ := fonts.Tables(b)
	g := int(gi)
	loca, glyf := t["loca"], t["glyf"]
	var start, end int
	if binary.BigEndian.Uint16(t["head"][50:]) == 1 {
		start, end = int(binary.BigEndian.Uint32(loca[4*g:])), int(binary.BigEndian.Uint32(loca[4*g+4:]))
	} else {
		start, end = 2*int(binary.BigEndian.Uint16(loca[2*g:])), 2*int(binary.BigEndian.Uint16(loca[2*g+2:]))
	}
	return g, glyf[start:end], true
}

// SelfReferencing is Go Regular with the glyph of r made a composite glyph whose one
// component is itself.
func SelfReferencing(r rune) []byte {
	b := append([]byte(nil), goregular.TTF...)
	g, gl, ok := glyph(b, r)
	if !ok || len(gl) < 16 {
		panic("glyph too small")
	}
	binary.BigEndian.PutUint16(gl, 0xffff) // numberOfContours -1: composite
	binary.BigEndian.PutUint16(gl[10:], 2) // ARGS_ARE_XY_VALUES, byte arguments, last
	binary.BigEndian.PutUint16(gl[12:], uint16(g))
	gl[14], gl[15] = 0, 0
	return b
}

// LocaChanged is Go Regular with the glyph offset of "A" pointed past the glyf table.
func LocaChanged() []byte {
	b := append([]byte(nil), goregular.TTF...)
	f, _ := sfnt.Parse(b)
	var buf sfnt.Buffer
	gi, _ := f.GlyphIndex(&buf, 'A')
	t, _ := fonts.Tables(b)
	loca := t["loca"]
	if binary.BigEndian.Uint16(t["head"][50:]) == 1 {
		binary.BigEndian.PutUint32(loca[4*int(gi)+4:], uint32(len(t["glyf"])+1000))
	} else {
		binary.BigEndian.PutUint16(loca[2*int(gi)+2:], 0xfff0)
	}
	return b
}
