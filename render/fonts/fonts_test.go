package fonts

import (
	"bytes"
	"testing"

	"golang.org/x/image/font"
	"golang.org/x/image/font/gofont/goregular"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
)

// Every text face gets a narrower hyphen and keeps every other glyph and metric.
func TestHyphenNarrowed(t *testing.T) {
	for name, face := range map[string]func() []byte{"regular": Regular, "bold": Bold, "italic": Italic, "bold italic": BoldItalic} {
		b := face()
		f, err := sfnt.Parse(b)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		var buf sfnt.Buffer
		adv := func(r rune) (int, int) {
			g, err := f.GlyphIndex(&buf, r)
			if err != nil || g == 0 {
				t.Fatalf("%s: no glyph for %q", name, r)
			}
			a, _ := f.GlyphAdvance(&buf, g, fixed.I(1000), font.HintingNone)
			bounds, _, _ := f.GlyphBounds(&buf, g, fixed.I(1000), font.HintingNone)
			return a.Round(), (bounds.Max.X - bounds.Min.X).Round()
		}
		hAdv, hInk := adv('-')
		dAdv, dInk := adv('–')
		if hAdv >= dAdv || hInk >= dInk || hInk < 200 {
			t.Errorf("%s: hyphen advance %d ink %d, en dash advance %d ink %d: want a hyphen narrower than the dash", name, hAdv, hInk, dAdv, dInk)
		}
		if a, _ := adv('n'); a != 556 && name == "regular" {
			t.Errorf("%s: n advance %d, want 556 as in Go Regular", name, a)
		}
	}
	// Only the hyphen's glyph, its advance and the checksums differ from Go Regular.
	diff := 0
	for i := range goregular.TTF {
		if goregular.TTF[i] != Regular()[i] {
			diff++
		}
	}
	if diff == 0 || diff > 40 {
		t.Errorf("%d bytes differ from Go Regular, want a handful", diff)
	}
	if !bytes.Equal(Mono(), Mono()) || len(Regular()) != len(goregular.TTF) {
		t.Error("sizes changed")
	}
}

// A font that is not as expected is used as it is.
func TestNarrowHyphenLeavesOddFontsAlone(t *testing.T) {
	odd := []byte("not a font")
	if got := narrowHyphen(odd); !bytes.Equal(got, odd) {
		t.Errorf("changed %q to %q", odd, got)
	}
}

// The checksums are right after the change: each table's, and the whole font's.
func TestChecksums(t *testing.T) {
	b := Bold()
	if got := Checksum(b); got != 0xB1B0AFBA {
		t.Errorf("font checksum %#x, want 0xB1B0AFBA", got)
	}
	c := append([]byte(nil), b...)
	tables, err := Tables(c)
	if err != nil {
		t.Fatal(err)
	}
	copy(tables["head"][8:], []byte{0, 0, 0, 0})
	for _, tag := range []string{"glyf", "hmtx", "head"} {
		want := Checksum(tables[tag])
		for i := 0; i < int(c[5]); i++ {
			e := 12 + 16*i
			if string(c[e:e+4]) == tag && uint32(c[e+4])<<24|uint32(c[e+5])<<16|uint32(c[e+6])<<8|uint32(c[e+7]) != want {
				t.Errorf("%s checksum wrong", tag)
			}
		}
	}
}
