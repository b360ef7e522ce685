package charts

import (
	"testing"

	"github.com/kepdev/kep/render/fonts"
	"golang.org/x/image/font/gofont/goregular"
)

// kep serve reads a brand font anew on every save of a plan: the charts keep one parse
// per font contents (render/fonts keeps them, for every writer), and at most a bounded
// number of them, however many saves there were (a parse per save once held 4.3 GB
// after 200 saves of a 20 MB font).
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
	if g := glyphsOf(first); g.face == nil {
		t.Fatal("the charts do not measure with the shared face")
	}
	for i := 0; i < 200; i++ {
		// a font changed on every save: the last byte of the file (table padding)
		b := append([]byte(nil), goregular.TTF...)
		b[len(b)-1] = byte(i)
		b[len(b)-2] = byte(i >> 8)
		if _, err := parseFont(b, nil, false); err != nil {
			t.Fatal(err)
		}
		if n := fonts.CachedFaces(); n > 16 {
			t.Fatalf("after %d changed fonts %d are kept", i+1, n)
		}
	}
	if g := glyphsOf(first); g == nil || g.f != first {
		t.Fatal("no glyph cache for a font no longer kept")
	}
	// The built-in fonts are parsed once, and bold in the regular face is a parse of its
	// own.
	a, _ := parseFont(nil, goregular.TTF, false)
	b, _ := parseFont(nil, goregular.TTF, false)
	c, _ := parseFont(nil, goregular.TTF, true)
	if a != b || a == c || c == nil {
		t.Fatal("built-in font parses not shared, or bold not told apart")
	}
}
