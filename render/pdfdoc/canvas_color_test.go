package pdfdoc

import "testing"

func TestReadable(t *testing.T) {
	for _, hex := range []string{"#ffee00", "#ffffff", "#00ffee", "#1f4e79", "bogus"} {
		got := Readable(hex)
		// Contrast against the box tint #f4f6f8 (luminance about 0.92).
		if l := relLuminance(parseColor(got, white)); (0.92+0.05)/(l+0.05) < 4.5 {
			t.Errorf("Readable(%q) = %s: contrast %.2f", hex, got, (0.92+0.05)/(l+0.05))
		}
	}
	if got := Readable("#1f4e79"); got != "#1f4e79" {
		t.Errorf("a dark colour was changed: %s", got)
	}
}
