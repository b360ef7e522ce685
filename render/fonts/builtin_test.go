package fonts

import (
	"testing"

	"golang.org/x/image/font/sfnt"
)

// TestBuiltinUnparsed holds what Load knows of the built-in faces without parsing them to
// the fonts: their names, glyph counts and, for every BMP rune, the glyph sfnt finds
// (the coverage, kerning and HTML subsets of the built-in faces depend on it).
func TestBuiltinUnparsed(t *testing.T) {
	for _, b := range builtinFaces() {
		f, err := Load(b.data)
		if err != nil {
			t.Fatalf("%s: %v", b.psName, err)
		}
		s, err := parseSFNT(b.data)
		if err != nil {
			t.Fatalf("%s: %v", b.psName, err)
		}
		if f.SFNT() == nil {
			t.Fatalf("%s: no sfnt parse", b.psName)
		}
		var buf sfnt.Buffer
		if name, _ := s.Name(&buf, sfnt.NameIDPostScript); name != f.PostScriptName() {
			t.Errorf("PostScript name %q, the font's is %q", f.PostScriptName(), name)
		}
		if f.numGlyphs != s.NumGlyphs() {
			t.Errorf("%s: %d glyphs, sfnt counts %d", b.psName, f.numGlyphs, s.NumGlyphs())
		}
		bad := 0
		for r := rune(0); r < 0x10000; r++ {
			want, err := s.GlyphIndex(&buf, r)
			if err != nil {
				want = 0
			}
			if got := f.GlyphIndex(r); got != uint16(want) && bad < 5 {
				t.Errorf("%s: U+%04X: glyph %d, sfnt finds %d", b.psName, r, got, want)
				bad++
			}
		}
	}
}
