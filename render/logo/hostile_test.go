package logo

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
	"testing"
)

// TestForPDFEdges: logos of odd sizes and colour models, at and around the cache's and
// the scaling's bound of pdfSide, give the same PDF image whether decoded afresh, taken
// from the cache (Check first, as a render does), or decoded after another logo took
// the cache's place; the caller's slice changed after Check is decoded anew.
func TestForPDFEdges(t *testing.T) {
	if testing.Short() {
		t.Skip("large images")
	}
	models := map[string]func(r image.Rectangle) image.Image{
		"nrgba":   func(r image.Rectangle) image.Image { return image.NewNRGBA(r) },
		"rgba":    func(r image.Rectangle) image.Image { return image.NewRGBA(r) },
		"nrgba64": func(r image.Rectangle) image.Image { return image.NewNRGBA64(r) },
		"gray16":  func(r image.Rectangle) image.Image { return image.NewGray16(r) },
		"gray":    func(r image.Rectangle) image.Image { return image.NewGray(r) },
		"paletted": func(r image.Rectangle) image.Image {
			return image.NewPaletted(r, color.Palette{color.NRGBA{255, 0, 0, 0}, color.NRGBA{0, 0, 255, 128}, color.White})
		},
	}
	type size struct{ w, h int }
	cases := []struct {
		model string
		size  size
	}{
		{"nrgba", size{1, 1}}, {"nrgba", size{pdfSide, pdfSide}}, {"nrgba", size{pdfSide + 1, 1}},
		{"rgba", size{pdfSide, pdfSide + 1}}, {"paletted", size{1, MaxSide}}, {"nrgba64", size{pdfSide, 3}},
		{"gray16", size{3, pdfSide + 1}}, {"gray", size{pdfSide, pdfSide}}, {"paletted", size{pdfSide + 7, 2}},
	}
	other := encode(t, fill(models["nrgba"](image.Rect(0, 0, 5, 5))))
	for _, c := range cases {
		data := encode(t, fill(models[c.model](image.Rect(0, 0, c.size.w, c.size.h))))
		Check(other) // the cache holds another logo
		cold, _, err := ForPDF(data)
		if err != nil {
			t.Fatalf("%s %v: %v", c.model, c.size, err)
		}
		if _, err := Check(data); err != nil {
			t.Fatal(err)
		}
		warm, _, _ := ForPDF(data)
		again, _, _ := ForPDF(bytes.Clone(data))
		if !bytes.Equal(cold, warm) || !bytes.Equal(cold, again) {
			t.Errorf("%s %v: ForPDF differs with the cache", c.model, c.size)
		}
		img, err := png.Decode(bytes.NewReader(cold))
		if err != nil {
			t.Fatal(err)
		}
		if b := img.Bounds(); max(b.Dx(), b.Dy()) > pdfSide {
			t.Errorf("%s %v: PDF image %v", c.model, c.size, b)
		}
	}
	// The caller changes its slice after Check: the cache, keyed by a copy, misses.
	// Stored (uncompressed) PNGs of one size and model have the same length.
	stored := func(img image.Image) []byte {
		var b bytes.Buffer
		if err := (&png.Encoder{CompressionLevel: png.NoCompression}).Encode(&b, img); err != nil {
			t.Fatal(err)
		}
		return b.Bytes()
	}
	a := stored(fill(image.NewNRGBA(image.Rect(0, 0, 4, 4))))
	b := stored(image.NewNRGBA(image.Rect(0, 0, 4, 4)))
	if len(a) != len(b) || bytes.Equal(a, b) {
		t.Fatal("want two stored PNGs of one length")
	}
	buf := bytes.Clone(a)
	Check(buf)
	copy(buf, b)
	got, _, _ := ForPDF(buf)
	Check(other)
	want, _, _ := ForPDF(b)
	if !bytes.Equal(got, want) {
		t.Error("ForPDF of a slice changed after Check gave the logo checked")
	}
}

// fill sets every pixel of img to a colour of its position with varying alpha.
func fill(img image.Image) image.Image {
	s, ok := img.(interface{ Set(x, y int, c color.Color) })
	if !ok {
		panic("not settable")
	}
	b := img.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			s.Set(x, y, color.NRGBA{uint8(x * 7), uint8(y * 13), uint8(x ^ y), uint8(x + y)})
		}
	}
	return img
}

func encode(t *testing.T, img image.Image) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}
