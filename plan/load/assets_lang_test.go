package load

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kepdev/kep/render/fonts/fontstest"
	"golang.org/x/image/font/gofont/goregular"
)

// TestBrandAssetsInLang: a brand font or logo kep cannot use is reported in the reader's
// language (render/fonts and render/logo write their errors as locale messages), with
// the same file:line:col: key.path: prefix; the text of a decoder's error stays as it is.
func TestBrandAssetsInLang(t *testing.T) {
	ws := t.TempDir()
	files := map[string][]byte{
		".git/HEAD":   []byte("x"),
		"fake.png":    []byte("GIF89a not a png"),
		"broken.png":  []byte("\x89PNG\r\n\x1a\nbroken"),
		"bomb.png":    bombPNG(t, 20000, 20000),
		"font.otf":    append([]byte("OTTO"), goregular.TTF[4:]...),
		"garbage.ttf": append([]byte{0, 1, 0, 0}, "garbage"...),
		// damaged tables that made a writer panic (index out of range): the panic's text
		// stays out of the message
		"damaged.ttf": fontstest.Mutate([]byte{0x01, 0xfd, 0x67, 0x18, 0x02, 0x27, 0x29, 0x98}),
		"cut.ttf":     goregular.TTF[:2000],
	}
	for name, data := range files {
		p := filepath.Join(ws, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	cases := []struct{ brand, en, de, fr string }{
		{`logo = "fake.png"`,
			"brand.logo: logo is neither PNG nor JPEG",
			"brand.logo: das Logo ist weder PNG noch JPEG",
			"brand.logo: le logo n’est ni PNG ni JPEG"},
		{`logo = "broken.png"`,
			"brand.logo: logo is not a readable PNG image: the file ends too early (cut short?)",
			"brand.logo: das Logo ist kein lesbares PNG-Bild: die Datei endet zu früh (abgeschnitten?)",
			"brand.logo: le logo n’est pas une image PNG lisible : le fichier se termine trop tôt (tronqué ?)"},
		{`logo = "bomb.png"`,
			"brand.logo: logo is 20000 × 20000 pixels: want 1 to 10000 on each side",
			"brand.logo: das Logo hat 20000 × 20000 Pixel: erlaubt sind 1 bis 10000 je Seite",
			"brand.logo: le logo fait 20000 × 20000 pixels : de 1 à 10000 par côté sont admis"},
		{`font = "font.otf"`,
			"brand.font: font is OpenType with CFF outlines (.otf): want a TrueType font (.ttf)",
			"brand.font: die Schrift ist OpenType mit CFF-Konturen (.otf): Geben Sie eine TrueType-Schrift (.ttf) an",
			"brand.font: la police est une OpenType à contours CFF (.otf) : indiquez une police TrueType (.ttf)"},
		{`font_bold = "garbage.ttf"`,
			"brand.font_bold: font is not a readable TrueType font: sfnt: invalid bounds",
			"brand.font_bold: die Schrift ist keine lesbare TrueType-Schrift: sfnt: invalid bounds",
			"brand.font_bold: la police n’est pas une police TrueType lisible : sfnt: invalid bounds"},
		{`font = "cut.ttf"`,
			"brand.font: font is not a readable TrueType font: sfnt: invalid source data",
			"brand.font: die Schrift ist keine lesbare TrueType-Schrift: sfnt: invalid source data",
			"brand.font: la police n’est pas une police TrueType lisible : sfnt: invalid source data"},
		{`font_italic = "damaged.ttf"`,
			"brand.font_italic: font is not usable: its tables are damaged",
			"brand.font_italic: die Schrift ist nicht verwendbar: ihre Tabellen sind beschädigt",
			"brand.font_italic: la police n’est pas utilisable : ses tables sont endommagées"},
	}
	pl := filepath.Join(ws, "p.toml")
	for _, c := range cases {
		if err := os.WriteFile(pl, []byte(header+"[brand]\n"+c.brand+"\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		_, ds := (&Loader{Now: testNow}).LoadPlan(pl)
		if len(ds) != 1 {
			t.Errorf("%s: %d diagnostics, want 1: %v", c.brand, len(ds), ds)
			continue
		}
		for _, w := range []struct{ lang, want string }{{"en", c.en}, {"de", c.de}, {"fr", c.fr}} {
			got := strings.TrimPrefix(ds[0].StringIn(w.lang), ws+string(filepath.Separator))
			if want := "p.toml:7:1: " + w.want; got != want {
				t.Errorf("%s in %s:\ngot  %s\nwant %s", c.brand, w.lang, got, want)
			}
		}
	}
}
