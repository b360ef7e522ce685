package charts

import (
	"testing"

	"golang.org/x/image/font/gofont/goregular"
)

// kep serve reads a brand font anew on every save of a plan: the charts keep one parse
// per font contents, and at most maxFonts of them, however many saves there were
// (a parse per save once held 4.3 GB after 200 saves of a 20 MB font).
func TestFontCacheBounded(t *testing.T) {
	first, err := parseFont(append([]byte(nil), goregular.TTF...), nil, false)
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 200; i++ {
		// the same font, read again: new bytes, same contents
		f, err := parseFont(append([]byte(nil), goregular.TTF...), nil, false)
		if err != nil {
			t.Fatal(err)
		}
		if f != first {
			t.Fatalf("save %d: the same font parsed again", i)
		}
	}
	for i := 0; i < 200; i++ {
		// a font changed on every save: the last byte of the file (table padding)
		b := append([]byte(nil), goregular.TTF...)
		b[len(b)-1] = byte(i)
		b[len(b)-2] = byte(i >> 8)
		if _, err := parseFont(b, nil, false); err != nil {
			t.Fatal(err)
		}
		if n := cachedFonts(); n > maxFonts {
			t.Fatalf("after %d changed fonts %d are kept, more than %d", i+1, n, maxFonts)
		}
	}
	if g := glyphsOf(first); g == nil || g.f != first {
		t.Fatal("no glyph cache for a font no longer kept")
	}
}
