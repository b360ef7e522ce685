package htmldoc

import (
	"bytes"
	"testing"

	"github.com/kepdev/kep/render/fonts"
	"github.com/kepdev/kep/render/fonts/fontstest"
	"golang.org/x/image/font/sfnt"
)

// FuzzSubsetFont: a brand font that passes fonts.Check (Go Regular with byte edits to
// its loca, glyf, cmap and other tables: fontstest.Mutate) is subset for the page
// without a panic, the same bytes twice, and the subset parses.
//
//	go test -run X -fuzz FuzzSubsetFont -fuzztime 1m ./render/htmldoc
func FuzzSubsetFont(f *testing.F) {
	f.Add([]byte{}, "AVATAR Wahl")
	f.Add([]byte{0, 0, 10, 0xff}, "Äpfel € „x“")      // a loca entry
	f.Add([]byte{1, 0, 0, 0xff}, "composite ÅÉ")      // a glyph's contour count
	f.Add([]byte{2, 0, 20, 0x7f}, "cmap 0123")        // the character map
	f.Add([]byte{0, 1, 2, 0x80, 1, 3, 4, 5}, "ﬁ ÿ ĳ") // loca and glyf
	f.Fuzz(func(t *testing.T, edits []byte, text string) {
		font := fontstest.Mutate(edits)
		if fonts.Check(font) != nil {
			return
		}
		tt, err := parseTTF(font)
		if err != nil {
			return
		}
		runes := []rune(alwaysRunes + text)
		a, err := tt.subset(runes)
		if err != nil {
			return
		}
		b, _ := tt.subset(runes)
		if !bytes.Equal(a, b) {
			t.Fatal("the subset differs the second time")
		}
		if _, err := sfnt.Parse(a); err != nil {
			t.Fatalf("the subset does not parse: %v", err)
		}
	})
}
