package logo

import (
	"bytes"
	"compress/zlib"
	"encoding/binary"
	"image"
	"io"
	"math/rand/v2"
	"os"
	"testing"
)

// encodeFlat writes the PNG png.Encode writes of scaleFlatten's image, for every alpha,
// premultiplied or not, and an image that does not start at 0, 0; and of the images
// scaleFlatten makes itself (grey, scaled).
func TestEncodeFlat(t *testing.T) {
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
	check := func(img image.Image) {
		t.Helper()
		var got bytes.Buffer
		if err := encodeFlat(&got, img); err != nil {
			t.Fatal(err)
		}
		if want := encodeForPDF(t, scaleFlatten(img)); !bytes.Equal(got.Bytes(), want) {
			t.Errorf("%T %v: not png.Encode's bytes", img, img.Bounds())
		}
	}
	for _, size := range [][2]int{{1, 1}, {3, 7}, {400, 120}, {pdfSide - 3, 5}} {
		n := image.NewNRGBA(image.Rect(0, 0, size[0]+3, size[1]+2))
		fill(n.Pix, false)
		r := image.NewRGBA(n.Bounds())
		fill(r.Pix, true)
		for _, img := range []image.Image{n, r,
			n.SubImage(image.Rect(2, 1, size[0]+3, size[1]+2)), r.SubImage(image.Rect(1, 2, size[0]+1, size[1]+2))} {
			check(img)
		}
	}
	n := image.NewNRGBA(image.Rect(0, 0, pdfSide+1, 3)) // scaled down
	fill(n.Pix, false)
	check(n)
	g := image.NewGray(image.Rect(0, 0, 30, 20))
	for i := range g.Pix {
		g.Pix[i] = uint8(rnd.IntN(256))
	}
	check(g)
}

// encodeOpaque writes png.Encode's bytes, on images made so that every filter wins for
// some rows, grey and RGB, from one pixel to more than one IDAT chunk, and noise that
// zlib stores uncompressed.
func TestEncodeOpaque(t *testing.T) {
	rnd := rand.New(rand.NewPCG(3, 4))
	var won [2][5]int
	for i := 0; i < 1000; i++ {
		w, h := 1+rnd.IntN(70), 1+rnd.IntN(40)
		switch i % 20 {
		case 0:
			w, h = 1+rnd.IntN(3), 1+rnd.IntN(3)
		case 1:
			w, h = 300+rnd.IntN(300), 60+rnd.IntN(60) // several IDAT chunks
		}
		gray := i%2 == 0
		bpp := 3
		if gray {
			bpp = 1
		}
		rows := make([][]byte, h)
		for y := range rows {
			r := make([]byte, bpp*w)
			kind := rnd.IntN(8)
			if i%20 == 2 || i%40 == 1 {
				kind = 6
			}
			for x := range r {
				switch kind {
				case 0: // a colour: up (or sub) wins
					r[x] = byte(40 * (x % bpp))
				case 1: // a ramp to the right: sub
					r[x] = byte(x/bpp*3 + x%bpp)
				case 2: // the row above plus a ramp: average or Paeth
					if y > 0 {
						r[x] = rows[y-1][x] + byte(x/bpp)
					} else {
						r[x] = byte(x)
					}
				case 3: // small values: none
					r[x] = byte(rnd.IntN(3))
				case 4: // the row above with noise
					if y > 0 {
						r[x] = rows[y-1][x] + byte(rnd.IntN(5)) - 2
					}
				case 5: // gradients both ways: Paeth
					r[x] = byte(x/bpp*2 + y*5 + x%bpp*60)
				case 6: // noise
					r[x] = byte(rnd.IntN(256))
				case 7: // few values: close sums, Paeth's ties
					r[x] = byte(rnd.IntN(3)) * 100
					if y > 0 && rnd.IntN(2) == 0 {
						r[x] = rows[y-1][x]
					}
				}
			}
			rows[y] = r
		}
		var img image.Image
		if gray {
			g := image.NewGray(image.Rect(0, 0, w, h))
			for y, r := range rows {
				copy(g.Pix[y*g.Stride:], r)
			}
			img = g
		} else {
			n := image.NewNRGBA(image.Rect(0, 0, w, h))
			for y, r := range rows {
				for x := 0; x < w; x++ {
					copy(n.Pix[y*n.Stride+4*x:], r[3*x:3*x+3])
					n.Pix[y*n.Stride+4*x+3] = 255
				}
			}
			img = n
		}
		var got bytes.Buffer
		if err := encodeOpaque(&got, w, h, gray, func(y int, dst []byte) { copy(dst, rows[y]) }); err != nil {
			t.Fatal(err)
		}
		want := encodeForPDF(t, img)
		if !bytes.Equal(got.Bytes(), want) {
			t.Fatalf("image %d (%d × %d, grey %v): not png.Encode's bytes", i, w, h, gray)
		}
		// The filters chosen, from the image data png.Encode wrote.
		zr, err := zlib.NewReader(bytes.NewReader(idat(t, want)))
		if err != nil {
			t.Fatal(err)
		}
		raw, err := io.ReadAll(zr)
		if err != nil {
			t.Fatal(err)
		}
		for y := 0; y < h; y++ {
			won[i%2][raw[y*(1+bpp*w)]]++
		}
	}
	for g, name := range []string{"grey", "RGB"} {
		for f, n := range won[g] {
			if n == 0 {
				t.Errorf("%s: filter %d never chosen: the images do not test it", name, f)
			}
		}
	}
}

// idat returns the image data of a PNG, its IDAT chunks joined.
func idat(t *testing.T, b []byte) []byte {
	var data []byte
	for p := 8; p+8 <= len(b); {
		n := int(binary.BigEndian.Uint32(b[p:]))
		if string(b[p+4:p+8]) == "IDAT" {
			data = append(data, b[p+8:p+8+n]...)
		}
		p += 12 + n
	}
	return data
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
		return encodeForPDF(t, scaleFlatten(img))
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
