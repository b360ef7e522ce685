package charts

import (
	"unicode"
	"unicode/utf8"

	"github.com/golang/freetype/truetype"
	"github.com/kepdev/kep/render/fonts"
	"golang.org/x/image/math/fixed"
)

// glyphCache measures with one font: the glyph index and the advance width at one em
// (the values MeasureText sums) come from the font's render/fonts face, which keeps
// them for the runes of Latin text (the layout measures most labels several times:
// centring, fitting, wrapping), shared by every chart and document of the process.
type glyphCache struct {
	f    *truetype.Font
	em   fixed.Int26_6 // the font's units per em, the scale MeasureText measures at
	face *fonts.Face   // nil for a font no longer kept: then measured directly
}

// glyphsOf returns the glyph cache of a font parsed by parseFont.
func glyphsOf(f *truetype.Font) *glyphCache {
	return &glyphCache{f: f, em: fixed.Int26_6(f.FUnitsPerEm()), face: fonts.FaceOf(f)}
}

// glyph returns the glyph index of rune c and its advance width at one em.
func (g *glyphCache) glyph(c rune) (truetype.Index, fixed.Int26_6) {
	if g.face != nil {
		if i, a, err := g.face.Glyph(c); err == nil {
			return i, a
		}
	}
	i := g.f.Index(c)
	return i, g.f.HMetric(g.em, i).AdvanceWidth
}

// clean is sanitize, without its work for text that it would leave as it is (most labels):
// valid UTF-8 without control characters, U+FFFE or U+FFFF.
func clean(s string) string {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c < 0x20 || c == 0x7f {
				return sanitize(s)
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if (r == utf8.RuneError && n == 1) || unicode.IsControl(r) || r == 0xFFFE || r == 0xFFFF {
			return sanitize(s)
		}
		i += n
	}
	return s
}
