package pdfdoc

import (
	"bytes"
	"compress/zlib"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"testing"

	"github.com/go-pdf/fpdf"
	"github.com/kepdev/kep/render/fonts"
	"golang.org/x/image/font/gofont/goitalic"
	"golang.org/x/image/font/gofont/goregular"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
)

// The font subsets the vendored fpdf embeds draw each character with the glyph of the
// font it came from: the CIDToGIDMap sends the character to a glyph of the subset whose
// outline (composite glyphs resolved) and advance are the original glyph's, and the
// subset is a valid font. The patch reads the character map's segments instead of a map
// of every rune (de88e34), assembles the subset in one buffer with its checksums
// computed in place (e4b2316); compared then by temporary tests, held here for the
// built-in faces, the Go fonts and whatever TrueType fonts the machine has (brand fonts
// and the fallback faces go through the same code). The whole subset's checksum is the
// TrueType constant 0xB1B0AFBA, as head.checkSumAdjustment promises (upstream fpdf's was
// 0x20000 off, 0xB1B2AFBA, whenever its subtraction borrowed: the patch fixes calcInt32).
func TestSubsetGlyphsAreTheFonts(t *testing.T) {
	faces := map[string][]byte{"regular": fonts.Regular(), "bold italic": fonts.BoldItalic(), "mono": fonts.Mono(),
		"go regular": goregular.TTF, "go italic": goitalic.TTF}
	paths, _ := filepath.Glob("/usr/share/fonts/truetype/*/*.ttf")
	if testing.Short() && len(paths) > 3 {
		paths = paths[:3]
	}
	for _, p := range paths {
		if b, err := os.ReadFile(p); err == nil {
			faces[filepath.Base(p)] = b
		}
	}
	for name, data := range faces {
		t.Run(name, func(t *testing.T) { checkSubsetGlyphs(t, data) })
	}
}

var (
	gidMapStream = regexp.MustCompile(`<</Length (\d+)/Filter /FlateDecode>>\nstream\n`)
	fontStream   = regexp.MustCompile(`<</Length (\d+)\n/Filter /FlateDecode\n/Length1 (\d+)\n>>\nstream\n`)
)

func checkSubsetGlyphs(t *testing.T, data []byte) {
	orig, err := sfnt.Parse(data)
	if err != nil {
		t.Skip("not a font sfnt reads")
	}
	var buf sfnt.Buffer
	// Every character the font has up to U+2FFF (Latin, Greek, Cyrillic, punctuation,
	// arrows, symbols; composite glyphs among them), then a sample beyond.
	var runes []rune
	for r := rune(0x21); r < 0xFFFF; r++ {
		if r >= 0x3000 && r%37 != 0 || r >= 0xD800 && r < 0xE000 {
			continue
		}
		if g, err := orig.GlyphIndex(&buf, r); err == nil && g != 0 {
			runes = append(runes, r)
		}
	}
	if len(runes) < 50 {
		t.Skipf("only %d characters", len(runes))
	}
	pdf := fpdf.New("P", "mm", "A4", "")
	pdf.AddUTF8FontFromBytes("f", "", data)
	pdf.SetFont("f", "", 10)
	pdf.AddPage()
	for i := 0; i < len(runes); i += 40 {
		pdf.Text(10, 10+float64(i/40%25)*10, string(runes[i:min(i+40, len(runes))]))
		if i/40%25 == 24 {
			pdf.AddPage()
		}
	}
	var out bytes.Buffer
	if err := pdf.Output(&out); err != nil {
		t.Fatal(err)
	}
	doc := out.Bytes()
	inflate := func(m []int) []byte {
		n, _ := strconv.Atoi(string(doc[m[2]:m[3]]))
		zr, err := zlib.NewReader(bytes.NewReader(doc[m[1] : m[1]+n]))
		if err != nil {
			t.Fatal(err)
		}
		b, err := io.ReadAll(zr)
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	fm := fontStream.FindSubmatchIndex(doc)
	gm := gidMapStream.FindAllSubmatchIndex(doc, -1)
	if fm == nil || len(gm) == 0 {
		t.Fatal("no font file or CIDToGIDMap stream found")
	}
	var gidMap []byte // the map is the stream written just before the font file
	for _, m := range gm {
		if m[0] < fm[0] {
			gidMap = inflate(m)
		}
	}
	subsetBytes := inflate(fm)
	if n, _ := strconv.Atoi(string(doc[fm[4]:fm[5]])); n != len(subsetBytes) {
		t.Errorf("/Length1 %d, the font file has %d bytes", n, len(subsetBytes))
	}
	var sum uint32
	padded := append(bytes.Clone(subsetBytes), 0, 0, 0)
	for i := 0; i+4 <= len(padded) && i < len(subsetBytes); i += 4 {
		sum += uint32(padded[i])<<24 | uint32(padded[i+1])<<16 | uint32(padded[i+2])<<8 | uint32(padded[i+3])
	}
	if sum != 0xB1B0AFBA {
		t.Errorf("the subset's checksum is %#x, want 0xB1B0AFBA (head.checkSumAdjustment wrong)", sum)
	}
	sub, err := sfnt.Parse(subsetBytes)
	if err != nil {
		t.Fatalf("the subset does not parse: %v", err)
	}
	var sbuf sfnt.Buffer
	ppem := fixed.I(int(orig.UnitsPerEm()))
	for _, r := range runes {
		if 2*int(r)+1 >= len(gidMap) {
			t.Fatalf("%U: not in the CIDToGIDMap (%d bytes)", r, len(gidMap))
		}
		sg := sfnt.GlyphIndex(int(gidMap[2*r])<<8 | int(gidMap[2*r+1]))
		og, _ := orig.GlyphIndex(&buf, r)
		if sg == 0 {
			t.Fatalf("%U: glyph 0 in the subset", r)
		}
		oa, err1 := orig.GlyphAdvance(&buf, og, ppem, 0)
		sa, err2 := sub.GlyphAdvance(&sbuf, sg, ppem, 0)
		if err1 != nil || err2 != nil || oa != sa {
			t.Fatalf("%U: advance %v (%v), the font's %v (%v)", r, sa, err2, oa, err1)
		}
		oseg, err1 := orig.LoadGlyph(&buf, og, ppem, nil)
		sseg, err2 := sub.LoadGlyph(&sbuf, sg, ppem, nil)
		if err1 != nil || err2 != nil {
			if (err1 == nil) != (err2 == nil) {
				t.Fatalf("%U: outline error %v, the font's %v", r, err2, err1)
			}
			continue
		}
		if len(oseg) != len(sseg) {
			t.Fatalf("%U: %d segments, the font's glyph %d", r, len(sseg), len(oseg))
		}
		for i := range oseg {
			if oseg[i] != sseg[i] {
				t.Fatalf("%U: segment %d is %v, the font's %v", r, i, sseg[i], oseg[i])
			}
		}
	}
	t.Logf("%d characters compared", len(runes))
}
