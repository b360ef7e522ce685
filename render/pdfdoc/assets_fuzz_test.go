package pdfdoc

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
	"io"
	"sync"
	"testing"

	"github.com/kepdev/kep/render"
	"github.com/kepdev/kep/render/fonts"
	"github.com/kepdev/kep/render/fonts/fontstest"
	"github.com/kepdev/kep/render/htmldoc"
	"github.com/kepdev/kep/render/logo"
)

// assetDoc is a small document that uses every part of a brand asset: a cover with the
// logo, running text in several scripts and styles, and a chart (which measures text
// with freetype).
var assetDoc = sync.OnceValue(func() *render.Document {
	d := &render.Document{
		Labels: render.LabelsFor("de"), Title: "Key-Account-Plan Größe ÄÖÜ ß € “x” – —", Company: "Hansa Logistik",
		Account: "Account", Confidentiality: "intern", Footer: "f",
		Cover: []render.Fact{{Label: "Owner", Value: "Jörg Ødegård ĀĒĪ Łódź"}},
	}
	var chart render.Block
	for _, s := range sampleDocOnce().Sections {
		walkBlocks(s, func(b render.Block) {
			if c, ok := b.(*render.Chart); ok && chart == nil {
				chart = c
			}
		})
	}
	blocks := []render.Block{
		&render.Markdown{Source: "**fett** *kursiv* `code` ~~weg~~ Ελληνικά Кириллица ﬁ ﬂ ‰ † ‡ • … ™ © ® ° ± × ÷"},
		&render.Table{Header: []string{"A", "B"}, Rows: [][]render.Cell{{{Text: "1 234,5 €"}, {Text: "ÆØÅ æøå"}}}},
	}
	if chart != nil {
		blocks = append(blocks, chart)
	}
	d.Sections = []*render.Section{{Number: "1", Title: "Übersicht", Level: 1, NewPage: true, Blocks: blocks}}
	return d
})

var sampleDocOnce = sync.OnceValue(func() *render.Document {
	var t testing.T
	return sampleDoc(&t, "brightwater")
})

func walkBlocks(s *render.Section, f func(render.Block)) {
	for _, b := range s.Blocks {
		f(b)
	}
	for _, sub := range s.Sections {
		walkBlocks(sub, f)
	}
}

// renderWith writes the asset document with a logo or a brand font in both formats.
func renderWith(t *testing.T, logoData []byte, logoType string, font []byte) {
	t.Helper()
	d := *assetDoc()
	d.Logo, d.LogoType = logoData, logoType
	d.Font, d.FontBold = font, font
	if _, err := Write(io.Discard, &d, Options{Now: testNow}); err != nil {
		t.Fatalf("pdf: %v", err)
	}
	if err := htmldoc.Write(io.Discard, &d, htmldoc.Options{}); err != nil {
		t.Fatalf("html: %v", err)
	}
}

func seedPNG(w, h int, alpha bool) []byte {
	img := image.NewNRGBA(image.Rect(0, 0, w, h))
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			a := uint8(255)
			if alpha {
				a = uint8(x * 255 / w)
			}
			img.SetNRGBA(x, y, color.NRGBA{uint8(x * 7), uint8(y * 13), uint8(x ^ y), a})
		}
	}
	var b bytes.Buffer
	png.Encode(&b, img)
	return b.Bytes()
}

// FuzzRenderLogo: a logo that passes kep validate's check (logo.Check, as the loader
// calls it) renders in both formats; any other is refused there.
//
//	go test -run X -fuzz FuzzRenderLogo -fuzztime 3m ./render/pdfdoc
func FuzzRenderLogo(f *testing.F) {
	for _, b := range [][]byte{seedPNG(16, 8, true), seedPNG(9, 5, false)} {
		f.Add(b)
		f.Add(b[:len(b)-12])
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		typ, err := logo.Check(data)
		if err != nil {
			return
		}
		renderWith(t, data, typ, nil)
	})
}

// FuzzRenderFont: a font that passes kep validate's check (fonts.Check, as the loader
// calls it) renders in both formats, charts included. The input is a list of byte
// edits to Go Regular's tables (fontstest.Mutate).
//
//	go test -run X -fuzz FuzzRenderFont -fuzztime 3m ./render/pdfdoc
func FuzzRenderFont(f *testing.F) {
	f.Add([]byte{})
	f.Add([]byte{0, 0, 10, 0xff}) // a loca entry
	f.Add([]byte{1, 0, 0, 0xff})  // a glyph's contour count
	f.Add([]byte{2, 0, 20, 0x7f}) // the character map
	f.Add([]byte{4, 0, 34, 0x7f}) // the number of metrics
	f.Fuzz(func(t *testing.T, edits []byte) {
		b := fontstest.Mutate(edits)
		if fonts.Check(b) != nil {
			return
		}
		renderWith(t, nil, "", b)
	})
}
