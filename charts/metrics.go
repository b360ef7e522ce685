package charts

import (
	"sync/atomic"
	"unicode"
	"unicode/utf8"

	"github.com/golang/freetype/truetype"
	"golang.org/x/image/math/fixed"
)

// metricRunes is the number of runes, from U+0000, whose glyph index and advance width
// are kept per font: Latin up to Latin Extended-B covers nearly every label of a plan.
const metricRunes = 0x250

// glyphCache keeps, per font, the glyph index and the advance width at one em (the
// values MeasureText sums) of the runes below metricRunes, filled as runes are met.
// Looking them up in the font means a binary search of the cmap and the hmtx table per
// rune, and the layout measures most labels several times (centring, fitting, wrapping).
// An entry is 1<<63 | index<<32 | uint32(advance), or 0 while unknown; atomic, because
// several documents are rendered at once with the same fonts.
type glyphCache struct {
	f  *truetype.Font
	em fixed.Int26_6 // the font's units per em, the scale MeasureText measures at
	e  [metricRunes]atomic.Uint64
}

// glyphsOf returns the glyph cache of a font parsed by parseFont, or a new one for a
// font no longer kept.
func glyphsOf(f *truetype.Font) *glyphCache {
	fonts.mu.Lock()
	defer fonts.mu.Unlock()
	for _, e := range fonts.list {
		if e.f == f {
			return e.glyphs
		}
	}
	return &glyphCache{f: f, em: fixed.Int26_6(f.FUnitsPerEm())}
}

// glyph returns the glyph index of rune c and its advance width at one em.
func (g *glyphCache) glyph(c rune) (truetype.Index, fixed.Int26_6) {
	if uint32(c) >= metricRunes {
		i := g.f.Index(c)
		return i, g.f.HMetric(g.em, i).AdvanceWidth
	}
	if v := g.e[c].Load(); v != 0 {
		return truetype.Index(v >> 32), fixed.Int26_6(int32(uint32(v)))
	}
	i := g.f.Index(c)
	a := g.f.HMetric(g.em, i).AdvanceWidth
	g.e[c].Store(1<<63 | uint64(i)<<32 | uint64(uint32(int32(a))))
	return i, a
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
