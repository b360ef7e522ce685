package pdfdoc

import "math"

// Readable returns the colour hex ("#rrggbb"), darkened step by step until text in it
// reads on white and on the light tints of a page (contrast of at least 4.5:1): a brand
// may choose a light primary colour (yellow), which is fine for bars but not for headings.
func Readable(hex string) string {
	c := parseColor(hex, ink)
	for i := 0; i < 20 && relLuminance(c) > 0.16; i++ {
		c = rgb{c.r * 85 / 100, c.g * 85 / 100, c.b * 85 / 100}
	}
	return c.hex()
}

// relLuminance is the relative luminance of c (WCAG 2).
func relLuminance(c rgb) float64 {
	lin := func(v int) float64 {
		f := float64(v) / 255
		if f <= 0.03928 {
			return f / 12.92
		}
		return math.Pow((f+0.055)/1.055, 2.4)
	}
	return 0.2126*lin(c.r) + 0.7152*lin(c.g) + 0.0722*lin(c.b)
}
