package fonts

import (
	"encoding/binary"

	"github.com/kepdev/kep/locale"
	"golang.org/x/image/font/sfnt"
)

// Tables returns the tables of a TrueType font by tag, as slices of font (so that an edit
// of a table edits font). The HTML writer's subsetter and the hyphen patch both read
// fonts through it.
func Tables(font []byte) (map[string][]byte, error) {
	if len(font) < 12 {
		return nil, locale.MsgErrorf("font too short")
	}
	n := int(binary.BigEndian.Uint16(font[4:]))
	if 12+16*n > len(font) {
		return nil, locale.MsgErrorf("bad table directory")
	}
	t := map[string][]byte{}
	for i := 0; i < n; i++ {
		r := font[12+16*i:]
		off, ln := int(binary.BigEndian.Uint32(r[8:])), int(binary.BigEndian.Uint32(r[12:]))
		if off < 0 || ln < 0 || off+ln > len(font) {
			return nil, locale.MsgErrorf("table out of range")
		}
		t[string(r[:4])] = font[off : off+ln]
	}
	return t, nil
}

// table is Tables(font)[tag], without making the map: the font's last table of that
// tag, nil without one, and Tables' error where it has one (Load and NewKerning read a
// few tables of every built-in face in every process).
func table(font []byte, tag string) ([]byte, error) {
	if len(font) < 12 {
		return nil, locale.MsgErrorf("font too short")
	}
	n := int(binary.BigEndian.Uint16(font[4:]))
	if 12+16*n > len(font) {
		return nil, locale.MsgErrorf("bad table directory")
	}
	var t []byte
	for i := 0; i < n; i++ {
		r := font[12+16*i:]
		off, ln := int(binary.BigEndian.Uint32(r[8:])), int(binary.BigEndian.Uint32(r[12:]))
		if off < 0 || ln < 0 || off+ln > len(font) {
			return nil, locale.MsgErrorf("table out of range")
		}
		if string(r[:4]) == tag {
			t = font[off : off+ln]
		}
	}
	return t, nil
}

// Checksum is the TrueType table checksum: the sum of big-endian words, the last one
// padded with zeros.
func Checksum(b []byte) uint32 {
	var sum uint32
	for len(b) >= 4 {
		sum += binary.BigEndian.Uint32(b)
		b = b[4:]
	}
	if len(b) > 0 {
		var w [4]byte
		copy(w[:], b)
		sum += binary.BigEndian.Uint32(w[:])
	}
	return sum
}

// parseSFNT is sfnt.Parse, which panics on some damaged tables (a GPOS table cut short:
// golang.org/x/image v0.48.0 reads its lookup list past the end, gpos.go:314); the font
// is then refused with an error like any other it cannot read.
func parseSFNT(data []byte) (f *sfnt.Font, err error) {
	defer func() {
		if recover() != nil {
			f, err = nil, locale.MsgErrorf("its tables are damaged")
		}
	}()
	return sfnt.Parse(data)
}
