package logo

import (
	"bytes"
	"image"
	"image/png"
	"math/rand/v2"
	"os"
	"testing"
)

// flattenAsIs gives the pixels scaleFlatten gives, for every alpha and an image that
// does not start at 0, 0.
func TestFlattenAsIs(t *testing.T) {
	rnd := rand.New(rand.NewPCG(1, 2))
	fill := func(pix []uint8, premultiplied bool) {
		for i := 0; i < len(pix); i += 4 {
			a := uint8(rnd.IntN(256))
			switch rnd.IntN(4) {
			case 0:
				a = 0
			case 1:
				a = 255
			}
			for c := 0; c < 3; c++ {
				v := uint8(rnd.IntN(256))
				if premultiplied {
					v = uint8(int(v) * int(a) / 255)
				}
				pix[i+c] = v
			}
			pix[i+3] = a
		}
	}
	for _, size := range [][2]int{{1, 1}, {3, 7}, {400, 120}, {pdfSide - 3, 5}} {
		n := image.NewNRGBA(image.Rect(0, 0, size[0]+3, size[1]+2))
		fill(n.Pix, false)
		r := image.NewRGBA(n.Bounds())
		fill(r.Pix, true)
		for _, img := range []image.Image{n, r,
			n.SubImage(image.Rect(2, 1, size[0]+3, size[1]+2)), r.SubImage(image.Rect(1, 2, size[0]+1, size[1]+2))} {
			got, ok := flattenAsIs(img)
			if !ok {
				t.Fatalf("%T %v: not taken", img, img.Bounds())
			}
			want := scaleFlatten(img).(*image.NRGBA)
			if got.Rect != want.Rect || !bytes.Equal(got.Pix, want.Pix) {
				t.Errorf("%T %v: pixels differ", img, img.Bounds())
			}
		}
	}
	if _, ok := flattenAsIs(image.NewNRGBA(image.Rect(0, 0, pdfSide+1, 1))); ok {
		t.Error("an image to scale down is taken as it is")
	}
	if _, ok := flattenAsIs(image.NewGray(image.Rect(0, 0, 1, 1))); ok {
		t.Error("a grey image is taken")
	}
}

// The logo kept from the check is the logo of the bytes given: the PDF gets what a fresh
// decode gives, also after the caller changed its slice.
func TestDecodeShared(t *testing.T) {
	data, err := os.ReadFile("../../samples/assets/logo.png")
	if err != nil {
		t.Fatal(err)
	}
	fresh := func(data []byte) []byte {
		img, _, err := Decode(data)
		if err != nil {
			t.Fatal(err)
		}
		var b bytes.Buffer
		png.Encode(&b, scaleFlatten(img))
		return b.Bytes()
	}
	if _, err := Check(data); err != nil {
		t.Fatal(err)
	}
	got, _, err := ForPDF(data)
	if err != nil || !bytes.Equal(got, fresh(data)) {
		t.Fatalf("ForPDF after Check: %v, or not the fresh bytes", err)
	}
	other := encodePNG(t, rgba(5, 4))
	buf := bytes.Clone(data)
	if _, err := Check(buf); err != nil {
		t.Fatal(err)
	}
	copy(buf, other) // the caller reuses its slice
	buf = buf[:len(other)]
	got, _, err = ForPDF(buf)
	if err != nil || !bytes.Equal(got, fresh(other)) {
		t.Fatalf("ForPDF of changed bytes: %v, or the logo kept before", err)
	}
}

// BenchmarkForPDF prepares the sample logo (400 × 120 RGBA) after the load's check.
func BenchmarkForPDF(b *testing.B) {
	data, err := os.ReadFile("../../samples/assets/logo.png")
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		Check(data)
		ForPDF(data)
	}
}

// TestDecodeSharedBound: a logo whose pixels take more than maxKept is not held between
// calls (kep serve would keep it for its whole run); a small one is.
func TestDecodeSharedBound(t *testing.T) {
	small := encodePNG(t, rgba(40, 20))
	if _, err := Check(small); err != nil {
		t.Fatal(err)
	}
	last.Lock()
	kept := last.img != nil && bytes.Equal(last.data, small)
	last.Unlock()
	if !kept {
		t.Error("a small logo is not kept")
	}
	big := encodePNG(t, rgba(1100, 1000)) // 4.4 MB of RGBA pixels, within pdfSide²
	if _, err := Check(big); err != nil {
		t.Fatal(err)
	}
	last.Lock()
	kept = bytes.Equal(last.data, big)
	last.Unlock()
	if kept {
		t.Errorf("a logo of %d bytes of pixels is kept (bound %d)", 1100*1000*4, maxKept)
	}
	if n := decodedBytes(image.NewNRGBA64(image.Rect(0, 0, 10, 10))); n != 800 {
		t.Errorf("decodedBytes(NRGBA64 10×10) = %d", n)
	}
}
