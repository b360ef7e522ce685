package theme

import (
	"fmt"
	"math"
	"strconv"
	"strings"
)

// Color is an opaque sRGB colour. There is no alpha on purpose: PDF/A-1 forbids
// transparency, so tints are mixed toward white instead.
type Color struct{ R, G, B uint8 }

// The brand colours where the workspace gives none (spec: "a calm blue and an orange").
var (
	DefaultPrimary = Color{0x1f, 0x4e, 0x79}
	DefaultAccent  = Color{0xe8, 0x77, 0x2e}

	White = Color{0xff, 0xff, 0xff}
	Black = Color{}
)

// The neutral palette both writers draw with; the brand brings only primary and accent.
// The HTML gets them as custom properties (--ink, --muted, …), the PDF as fill and text
// colours, so a caption is the same grey on paper and on screen.
var (
	Ink      = Color{0x22, 0x26, 0x2b} // running text
	Muted    = Color{0x5f, 0x66, 0x6d} // captions, running heads, footers: ≥ 4.5:1 on white and on Zebra
	Rule     = Color{0xc9, 0xce, 0xd3} // thin table and page rules
	Zebra    = Color{0xf4, 0xf6, 0xf8} // every other table row
	CodeBack = Color{0xf1, 0xf3, 0xf5} // code spans and blocks
)

// Parse reads "#rrggbb" or "#rgb" (surrounding space ignored, either case).
func Parse(s string) (Color, bool) {
	s = strings.TrimSpace(s)
	if !strings.HasPrefix(s, "#") {
		return Color{}, false
	}
	s = s[1:]
	if len(s) == 3 {
		s = string([]byte{s[0], s[0], s[1], s[1], s[2], s[2]})
	}
	if len(s) != 6 {
		return Color{}, false
	}
	v, err := strconv.ParseUint(s, 16, 32)
	if err != nil {
		return Color{}, false
	}
	return Color{uint8(v >> 16), uint8(v >> 8), uint8(v)}, true
}

// ParseOr is Parse with def for anything unreadable: a brand colour is decoration and
// never stops a document (kep validate reports a bad colour before).
func ParseOr(s string, def Color) Color {
	if c, ok := Parse(s); ok {
		return c
	}
	return def
}

// Hex is "#rrggbb" in lower case.
func (c Color) Hex() string { return fmt.Sprintf("#%02x%02x%02x", c.R, c.G, c.B) }

// Mix blends c toward o by t (0 → c, 1 → o), rounding each channel.
func (c Color) Mix(o Color, t float64) Color {
	f := func(a, b uint8) uint8 {
		return uint8(math.Round(math.Max(0, math.Min(255, float64(a)*(1-t)+float64(b)*t))))
	}
	return Color{f(c.R, o.R), f(c.G, o.G), f(c.B, o.B)}
}

// Tint blends c toward white by t: fills, zebra rows, chart fields.
func (c Color) Tint(t float64) Color { return c.Mix(White, t) }

// Luminance is the WCAG 2 relative luminance.
func (c Color) Luminance() float64 {
	ch := func(v uint8) float64 {
		f := float64(v) / 255
		if f <= 0.03928 {
			return f / 12.92
		}
		return math.Pow((f+0.055)/1.055, 2.4)
	}
	return 0.2126*ch(c.R) + 0.7152*ch(c.G) + 0.0722*ch(c.B)
}

// Contrast is the WCAG 2 contrast ratio of a and b (1 … 21).
func Contrast(a, b Color) float64 {
	la, lb := a.Luminance(), b.Luminance()
	if la < lb {
		la, lb = lb, la
	}
	return (la + 0.05) / (lb + 0.05)
}

// TextContrast is the contrast text in a brand colour keeps on white: WCAG AA's 4.5:1
// with a margin for rounding. LargeContrast is for the darker variant (AAA, 7:1).
const (
	TextContrast   = 4.6
	StrongContrast = 7
)

// OnWhite darkens c toward black in steps of 2 % until it has at least the contrast
// want with white: the one rule by which a brand colour becomes a text colour.
func (c Color) OnWhite(want float64) Color {
	for i := 0; i <= 50; i++ {
		d := c.Mix(Black, float64(i)/50)
		if Contrast(d, White) >= want {
			return d
		}
	}
	return Black
}
