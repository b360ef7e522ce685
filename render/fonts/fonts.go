// Package fonts holds the faces kep sets documents in when the brand has no font of its
// own: the Go fonts (BSD licence, golang.org/x/image/font/gofont), with one change. Their
// hyphen is drawn for code, where "-" is a minus: 0.48 em of ink, wider than their en
// dash, so that German compounds read "Key–Account–Analyse". Here the hyphen's outline
// is narrowed to 60 % (0.29 em) and its advance with it; nothing else changes. The PDF
// and the HTML writer embed these faces, so both documents look alike.
package fonts

import (
	"encoding/binary"
	"fmt"
	"sync"

	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/gofont/gobolditalic"
	"golang.org/x/image/font/gofont/goitalic"
	"golang.org/x/image/font/gofont/gomono"
	"golang.org/x/image/font/gofont/goregular"
	"golang.org/x/image/font/sfnt"
)

// hyphenScale is the share of its width the hyphen keeps.
const hyphenScale = 0.6

var (
	regular    = sync.OnceValue(func() []byte { return narrowHyphen(goregular.TTF) })
	bold       = sync.OnceValue(func() []byte { return narrowHyphen(gobold.TTF) })
	italic     = sync.OnceValue(func() []byte { return narrowHyphen(goitalic.TTF) })
	boldItalic = sync.OnceValue(func() []byte { return narrowHyphen(gobolditalic.TTF) })
)

// Regular, Bold, Italic and BoldItalic return the text faces; the bytes are shared and
// must not be changed. Mono is Go Mono as it is: in code a hyphen is a minus.
func Regular() []byte    { return regular() }
func Bold() []byte       { return bold() }
func Italic() []byte     { return italic() }
func BoldItalic() []byte { return boldItalic() }
func Mono() []byte       { return gomono.TTF }

// narrowHyphen returns a copy of the TrueType font src with the glyph of U+002D narrowed
// to hyphenScale of its width, or src itself where the glyph is not as expected (then
// nothing is lost but the narrower hyphen).
func narrowHyphen(src []byte) []byte {
	out, err := patchHyphen(src)
	if err != nil {
		return src
	}
	return out
}

func patchHyphen(src []byte) ([]byte, error) {
	f, err := sfnt.Parse(src)
	if err != nil {
		return nil, err
	}
	var buf sfnt.Buffer
	gi, err := f.GlyphIndex(&buf, '-')
	if err != nil || gi == 0 {
		return nil, fmt.Errorf("no hyphen")
	}
	g := int(gi)
	b := append([]byte(nil), src...)
	tables, err := Tables(b) // slices of b: edits go into the copy
	if err != nil {
		return nil, err
	}
	head, loca, glyf, hhea, hmtx := tables["head"], tables["loca"], tables["glyf"], tables["hhea"], tables["hmtx"]
	if len(head) < 54 || len(hhea) < 36 || loca == nil || glyf == nil || hmtx == nil {
		return nil, fmt.Errorf("not a TrueType font with glyf outlines")
	}
	longLoca := binary.BigEndian.Uint16(head[50:]) == 1
	var start, end int
	switch {
	case longLoca && 4*g+8 <= len(loca):
		start, end = int(binary.BigEndian.Uint32(loca[4*g:])), int(binary.BigEndian.Uint32(loca[4*g+4:]))
	case !longLoca && 2*g+4 <= len(loca):
		start, end = 2*int(binary.BigEndian.Uint16(loca[2*g:])), 2*int(binary.BigEndian.Uint16(loca[2*g+2:]))
	}
	if start < 0 || end > len(glyf) || end-start < 12 {
		return nil, fmt.Errorf("hyphen glyph out of bounds")
	}
	gl := glyf[start:end]
	if int16(binary.BigEndian.Uint16(gl)) != 1 {
		return nil, fmt.Errorf("hyphen is not one simple contour")
	}
	oldXMin, oldXMax := int(int16(binary.BigEndian.Uint16(gl[2:]))), int(int16(binary.BigEndian.Uint16(gl[6:])))
	nPts := int(binary.BigEndian.Uint16(gl[10:])) + 1
	p := 12
	if p+2 > len(gl) {
		return nil, fmt.Errorf("short glyph")
	}
	p += 2 + int(binary.BigEndian.Uint16(gl[p:])) // instructions
	flags := make([]byte, 0, nPts)
	for len(flags) < nPts {
		if p >= len(gl) {
			return nil, fmt.Errorf("short flags")
		}
		fl := gl[p]
		p++
		flags = append(flags, fl)
		if fl&8 != 0 { // repeat
			if p >= len(gl) {
				return nil, fmt.Errorf("short flags")
			}
			for n := int(gl[p]); n > 0 && len(flags) < nPts; n-- {
				flags = append(flags, fl)
			}
			p++
		}
	}
	// The x coordinates: decoded to absolute values, remembering where each delta is.
	xs := make([]int, nPts)
	type slot struct{ at, size int } // size 0: "same", 1: byte, 2: word
	slots := make([]slot, nPts)
	x := 0
	for i, fl := range flags {
		switch {
		case fl&2 != 0:
			if p >= len(gl) {
				return nil, fmt.Errorf("short x")
			}
			d := int(gl[p])
			if fl&16 == 0 {
				d = -d
			}
			slots[i] = slot{p, 1}
			p++
			x += d
		case fl&16 != 0:
			slots[i] = slot{p, 0}
		default:
			if p+2 > len(gl) {
				return nil, fmt.Errorf("short x")
			}
			slots[i] = slot{p, 2}
			x += int(int16(binary.BigEndian.Uint16(gl[p:])))
			p += 2
		}
		xs[i] = x
	}
	// Narrowed towards the left edge; the deltas keep their encoding.
	prev := 0
	newXMax := oldXMin
	for i := range xs {
		nx := oldXMin + int(float64(xs[i]-oldXMin)*hyphenScale+0.5)
		d := nx - prev
		switch s := slots[i]; s.size {
		case 0:
			if d != 0 {
				return nil, fmt.Errorf("a repeated x moved")
			}
		case 1:
			pos := flags[i]&16 != 0
			if d > 255 || d < -255 || (d > 0) != pos && d != 0 {
				return nil, fmt.Errorf("short x out of range")
			}
			if d < 0 {
				d = -d
			}
			gl[s.at] = byte(d)
		case 2:
			binary.BigEndian.PutUint16(gl[s.at:], uint16(int16(d)))
		}
		prev = nx
		newXMax = max(newXMax, nx)
	}
	binary.BigEndian.PutUint16(gl[6:], uint16(int16(newXMax)))
	// The advance shrinks by what the ink lost; the left side bearing stays.
	nhm := int(binary.BigEndian.Uint16(hhea[34:]))
	if g >= nhm || 4*g+4 > len(hmtx) {
		return nil, fmt.Errorf("hyphen shares the last advance")
	}
	adv := int(binary.BigEndian.Uint16(hmtx[4*g:]))
	binary.BigEndian.PutUint16(hmtx[4*g:], uint16(adv-(oldXMax-newXMax)))
	fixChecksums(b, head)
	return b, nil // the embedded faces are checked by the tests
}

// fixChecksums sets every table's checksum and the font's checkSumAdjustment (in head,
// a slice of b) anew, as the TrueType specification defines them.
func fixChecksums(b, head []byte) {
	binary.BigEndian.PutUint32(head[8:], 0)
	count := int(binary.BigEndian.Uint16(b[4:]))
	for i := 0; i < count; i++ {
		e := 12 + 16*i
		off, n := int(binary.BigEndian.Uint32(b[e+8:])), int(binary.BigEndian.Uint32(b[e+12:]))
		binary.BigEndian.PutUint32(b[e+4:], Checksum(b[off:min(len(b), off+(n+3)&^3)]))
	}
	binary.BigEndian.PutUint32(head[8:], 0xB1B0AFBA-Checksum(b))
}
