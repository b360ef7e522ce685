package fonts_test

import (
	"strings"
	"testing"
	"time"

	"github.com/kepdev/kep/render/fonts"
	"github.com/kepdev/kep/render/fonts/fontstest"
	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/gofont/gomono"
	"golang.org/x/image/font/gofont/goregular"
)

func TestCheckGoFonts(t *testing.T) {
	for name, b := range map[string][]byte{"regular": goregular.TTF, "bold": gobold.TTF, "mono": gomono.TTF, "patched": fonts.Regular()} {
		start := time.Now()
		if err := fonts.Check(b); err != nil {
			t.Errorf("%s: %v", name, err)
		}
		t.Logf("%s: %v", name, time.Since(start))
	}
}

// Fonts that passed kep validate and then crashed render (fpdf's subsetter, its
// recursion, freetype) are refused by the check, with the reason.
func TestCheckRefusesBrokenFonts(t *testing.T) {
	cases := []struct {
		name string
		font []byte
		want string
	}{
		{"loca entry changed", fontstest.LocaChanged(), "font is not usable: loca table: glyph 36 lies outside the glyf table"},
		{"composite contains itself", fontstest.SelfReferencing('A'), "font is not usable: composite glyph 36 contains itself"},
		// found by the mutator: freetype read before its cmap (an offset into the glyph
		// id array made negative)
		{"cmap range offset", fontstest.Mutate([]byte{0x01, 0xfd, 0x67, 0x18, 0x02, 0x27, 0x29, 0x98}), "font is not usable: its tables are damaged"},
		// fpdf's subsetter: slice bounds out of range
		{"loca and hmtx", fontstest.Mutate([]byte{0x00, 0x06, 0x30, 0xf3, 0x03, 0xe0, 0x01, 0xc0}), "font is not usable: "},
		{"hmtx and glyf", fontstest.Mutate([]byte{0x03, 0x64, 0xfd, 0x98, 0x00, 0x7d, 0x1c, 0x55, 0x00, 0xdd, 0x82, 0x94}), "font is not usable: "},
		{"fpdf recursion", fontstest.Mutate([]byte{0x00, 0x38, 0x63, 0x06, 0x03, 0x6a, 0xaa, 0x13}), "font is not usable: "},
		// found by FuzzRenderFont: fpdf's character map fine, sfnt's (which the PDF
		// writer asks for coverage) without a single glyph
		{"no glyph by sfnt's cmap", fontstest.Mutate([]byte{0x02, 0x00, 0x23, 0x00}), "font has no usable character map"},
		{"overlapping cmap segments", overlappingCmap(), "font is not usable: cmap format 4: segment"},
		{"restricted licence", restricted(), "font is not usable: its licence does not allow a subset of it in a document (OS/2 fsType 0x0002)"},
	}
	for _, c := range cases {
		err := fonts.Check(c.font)
		if err == nil || !strings.HasPrefix(err.Error(), c.want) {
			t.Errorf("%s: got %v, want %q…", c.name, err, c.want)
			continue
		}
		// The message is for the user: a panic's text ("runtime error: index out of
		// range [57456] with length 522") stays out of it.
		if strings.Contains(err.Error(), "runtime error") || strings.Contains(err.Error(), "out of range [") {
			t.Errorf("%s: %v: a runtime error's text", c.name, err)
		}
		t.Logf("%s: %v", c.name, err)
	}
}

// overlappingCmap makes every segment of the format 4 character map start at U+0000:
// fpdf visits every code of every segment (billions).
func overlappingCmap() []byte {
	b := append([]byte(nil), goregular.TTF...)
	t, _ := fonts.Tables(b)
	cmap := t["cmap"]
	for i := 0; i < int(cmap[3]); i++ {
		r := cmap[4+8*i:]
		off := int(r[4])<<24 | int(r[5])<<16 | int(r[6])<<8 | int(r[7])
		if cmap[off+1] != 4 {
			continue
		}
		seg := (int(cmap[off+6])<<8 | int(cmap[off+7])) / 2
		starts := cmap[off+16+2*seg:]
		for s := 0; s < seg-1; s++ {
			starts[2*s], starts[2*s+1] = 0, 0
		}
	}
	return b
}

func restricted() []byte {
	b := append([]byte(nil), goregular.TTF...)
	t, _ := fonts.Tables(b)
	t["OS/2"][8], t["OS/2"][9] = 0, 2
	return b
}
