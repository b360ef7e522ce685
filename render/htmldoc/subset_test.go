package htmldoc

import (
	"bytes"
	"encoding/base64"
	"strings"
	"testing"

	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/gofont/gomedium"
	"golang.org/x/image/font/gofont/goregular"
	"golang.org/x/image/font/sfnt"

	"github.com/kepdev/kep/plan/check"
	"github.com/kepdev/kep/render"
	"github.com/kepdev/kep/render/fonts"
)

func TestSubsetKeepsUsedGlyphs(t *testing.T) {
	used := usedRunes([]byte("Größe € Kundenentwicklungsplan ÄÖÜ…"))
	for _, font := range [][]byte{goregular.TTF, gobold.TTF} {
		sub, err := Subset(font, used)
		if err != nil {
			t.Fatal(err)
		}
		if len(sub) > len(font)/3 {
			t.Errorf("subset is %d bytes of %d", len(sub), len(font))
		}
		f, err := sfnt.Parse(sub)
		if err != nil {
			t.Fatalf("subset does not parse: %v", err)
		}
		var buf sfnt.Buffer
		for _, r := range "Größe€Ä" {
			g, err := f.GlyphIndex(&buf, r)
			if err != nil || g == 0 {
				t.Fatalf("no glyph for %q", r)
			}
			segs, err := f.LoadGlyph(&buf, g, 1000, nil)
			if err != nil || len(segs) == 0 {
				t.Errorf("glyph %q lost its outline: %v", r, err)
			}
		}
		// A glyph not asked for is empty but the font stays valid.
		g, _ := f.GlyphIndex(&buf, 'Ж')
		if g != 0 {
			if segs, _ := f.LoadGlyph(&buf, g, 1000, nil); len(segs) != 0 {
				t.Errorf("unused glyph kept")
			}
		}
	}
	if _, err := Subset([]byte("not a font"), used); err == nil {
		t.Error("garbage accepted")
	}
}

// TestBrandFont: a brand font from the workspace is embedded under the family "Brand",
// which the charts name too; NoFont leaves every @font-face out.
func TestBrandFont(t *testing.T) {
	p := loadPlan(t, samples(t)[0])
	p.Brand.FontData, p.Brand.FontBoldData = gomedium.TTF, nil
	d, err := render.Build(p, check.Compute(p, testNow), render.Options{Now: testNow})
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := Write(&buf, d, Options{}); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	if strings.Count(out, `@font-face{font-family:"Brand"`) != 2 || !strings.Contains(out, `font-family:'Brand',sans-serif`) {
		t.Error("brand font not embedded or not used by the charts")
	}
	buf.Reset()
	if err := Write(&buf, d, Options{NoFont: true}); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(buf.String(), "@font-face") {
		t.Error("NoFont still embeds a font")
	}
}

// FuzzUsedRunes: the scan that skips printable ASCII finds the runes of ranging over the
// text, each once.
func FuzzUsedRunes(f *testing.F) {
	for _, s := range []string{"", "abcdefgh\x7fijklmnop\x01qrst", "ä€😀 \xff\xe2\x82 ok\ttab\nline", "\x00\x1f\x20\x7e\x7f\x80"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, doc []byte) {
		want := map[rune]bool{}
		for _, r := range alwaysRunes + string(doc) {
			want[r] = true
		}
		got := usedRunes(doc)
		seen := map[rune]bool{}
		for _, r := range got {
			if !want[r] || seen[r] {
				t.Fatalf("%q: rune %q not in the text or twice", doc, r)
			}
			seen[r] = true
		}
		if len(seen) != len(want) {
			t.Fatalf("%q: %d runes, want %d", doc, len(seen), len(want))
		}
	})
}

// TestFontFileBase64: a subset encoded table by table is the base64 of the font as one
// slice, and the font's checkSumAdjustment makes its checksum the specification's.
func TestFontFileBase64(t *testing.T) {
	used := usedRunes([]byte("Größe € Kundenentwicklungsplan ÄÖÜ…"))
	for _, font := range [][]byte{goregular.TTF, gobold.TTF, gomedium.TTF} {
		tt, err := parseTTF(font)
		if err != nil {
			t.Fatal(err)
		}
		f, err := tt.subsetFile(used)
		if err != nil {
			t.Fatal(err)
		}
		whole := f.bytes()
		if len(whole) != f.size {
			t.Errorf("size %d, font %d bytes", f.size, len(whole))
		}
		if got, want := string(f.appendBase64([]byte("x"))), "x"+base64.StdEncoding.EncodeToString(whole); got != want {
			t.Errorf("encoded in parts: %d bytes, want %d", len(got), len(want))
		}
		if sum := fonts.Checksum(whole); sum != 0xB1B0AFBA {
			t.Errorf("font checksum %#x, want 0xB1B0AFBA", sum)
		}
	}
}

func TestBase64Appender(t *testing.T) {
	data := make([]byte, 100)
	for i := range data {
		data[i] = byte(i * 37)
	}
	want := base64.StdEncoding.EncodeToString(data)
	for split := 1; split <= 7; split++ {
		var e base64Appender
		var b []byte
		for p := data; len(p) > 0; {
			n := min(len(p), split)
			b = e.append(b, p[:n])
			b = e.append(b, nil)
			p = p[n:]
		}
		if got := string(e.flush(b)); got != want {
			t.Errorf("pieces of %d: %q, want %q", split, got, want)
		}
	}
}
