package logo

import (
	"bytes"
	"compress/zlib"
	"encoding/binary"
	"errors"
	"hash/crc32"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"runtime"
	"strings"
	"testing"

	"github.com/kepdev/kep/locale"
)

func encodePNG(t testing.TB, img image.Image) []byte {
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// encodeForPDF is what ForPDF's PNG must equal: png.Encode's bytes at the compression
// level ForPDF uses (encodeOpaque).
func encodeForPDF(t testing.TB, img image.Image) []byte {
	var b bytes.Buffer
	if err := (&png.Encoder{CompressionLevel: png.BestSpeed}).Encode(&b, img); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func rgba(w, h int) *image.NRGBA {
	img := image.NewNRGBA(image.Rect(0, 0, w, h))
	for i := range img.Pix {
		img.Pix[i] = byte(i * 7)
	}
	return img
}

// chunk writes one PNG chunk with its CRC.
func chunk(typ string, data []byte) []byte {
	b := binary.BigEndian.AppendUint32(nil, uint32(len(data)))
	b = append(b, typ...)
	b = append(b, data...)
	return binary.BigEndian.AppendUint32(b, crc32.ChecksumIEEE(b[4:]))
}

// bomb is a PNG of w × h grey pixels whose image data inflates to n bytes of zeros.
func bomb(t testing.TB, w, h uint32, n int) []byte {
	var z bytes.Buffer
	zw, _ := zlib.NewWriterLevel(&z, zlib.BestCompression)
	zeros := make([]byte, 1<<20)
	for n > 0 {
		k := min(n, len(zeros))
		zw.Write(zeros[:k])
		n -= k
	}
	zw.Close()
	ihdr := binary.BigEndian.AppendUint32(nil, w)
	ihdr = binary.BigEndian.AppendUint32(ihdr, h)
	ihdr = append(ihdr, 8, 0, 0, 0, 0) // 8-bit grey
	b := []byte("\x89PNG\r\n\x1a\n")
	b = append(b, chunk("IHDR", ihdr)...)
	b = append(b, chunk("IDAT", z.Bytes())...)
	return append(b, chunk("IEND", nil)...)
}

// allocated returns the bytes f allocates.
func allocated(f func()) uint64 {
	var a, b runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&a)
	f()
	runtime.ReadMemStats(&b)
	return b.TotalAlloc - a.TotalAlloc
}

func TestCheckAccepts(t *testing.T) {
	var jb bytes.Buffer
	if err := jpeg.Encode(&jb, rgba(30, 20), nil); err != nil {
		t.Fatal(err)
	}
	for name, c := range map[string]struct {
		data []byte
		kind string
	}{
		"png rgba": {encodePNG(t, rgba(40, 20)), "png"},
		"png grey": {encodePNG(t, image.NewGray(image.Rect(0, 0, 3, 3))), "png"},
		"png 16":   {encodePNG(t, image.NewNRGBA64(image.Rect(0, 0, 3, 3))), "png"},
		"png pal":  {encodePNG(t, image.NewPaletted(image.Rect(0, 0, 3, 3), color.Palette{color.White, color.Black})), "png"},
		"jpeg":     {jb.Bytes(), "jpeg"},
	} {
		kind, err := Check(c.data)
		if err != nil || kind != c.kind {
			t.Errorf("%s: %q, %v; want %q", name, kind, err, c.kind)
		}
		out, typ, err := ForPDF(c.data)
		if err != nil || (typ == "PNG") != (c.kind == "png") {
			t.Errorf("%s: for the PDF %s, %v", name, typ, err)
		}
		if typ == "PNG" {
			if _, err := png.Decode(bytes.NewReader(out)); err != nil {
				t.Errorf("%s: PDF logo unreadable: %v", name, err)
			}
		}
	}
}

// Logos that passed kep validate (which read only their header) and then crashed or
// exhausted render are refused by the check, quickly and with little memory.
func TestCheckRefuses(t *testing.T) {
	good := encodePNG(t, rgba(40, 20))
	badLen := append([]byte(nil), good...)
	binary.BigEndian.PutUint32(badLen[33:], 0x7ffffff0) // the IDAT chunk's length
	cases := []struct {
		name string
		data []byte
		want string
		// most bytes the check may allocate
		alloc uint64
	}{
		{"truncated by 12 bytes", good[:len(good)-12], "logo is not a readable PNG image: the file ends too early (cut short?)", 1 << 20},
		{"truncated in the data", good[:len(good)-40], "logo is not a readable PNG image: ", 1 << 20},
		{"bad chunk length", badLen, "logo is not a readable PNG image: ", 1 << 20},
		// 1 × 1 pixels whose data inflates to 64 MiB: Go's decoder stops after the one
		// pixel's data (once 4.2 GB and 15 s for 1 GiB in fpdf)
		{"bomb", bomb(t, 1, 1, 64<<20), "logo is not a readable PNG image: invalid format: too much pixel data", 1 << 20},
		// the header alone refuses these
		{"10000 × 10000", bomb(t, 10000, 10000, 0), "logo is 10000 × 10000 pixels (100.0 megapixels): want at most 25 megapixels", 1 << 20},
		{"20000 × 1", bomb(t, 20000, 1, 0), "logo is 20000 × 1 pixels: want 1 to 10000 on each side", 1 << 20},
		{"0 × 5", bomb(t, 0, 5, 0), "logo is not a readable PNG image: ", 1 << 20},
		{"not an image", []byte("GIF89a"), "logo is neither PNG nor JPEG", 1 << 20},
		{"jpeg header only", []byte{0xff, 0xd8, 0xff, 0xe0, 0, 4, 0, 0}, "logo is not a readable JPEG image: ", 1 << 20},
	}
	for _, c := range cases {
		var err error
		n := allocated(func() { _, err = Check(c.data) })
		if err == nil || !strings.HasPrefix(err.Error(), c.want) {
			t.Errorf("%s: got %v, want %q…", c.name, err, c.want)
		}
		if n > c.alloc {
			t.Errorf("%s: the check allocated %d bytes, want at most %d", c.name, n, c.alloc)
		}
	}
}

// A 16-bit RGBA image within the pixel limit would take more than MaxDecodedBytes.
func TestCheckDecodedSize(t *testing.T) {
	ihdr := binary.BigEndian.AppendUint32(nil, 5000)
	ihdr = binary.BigEndian.AppendUint32(ihdr, 4000)
	ihdr = append(ihdr, 16, 6, 0, 0, 0)
	b := append([]byte("\x89PNG\r\n\x1a\n"), chunk("IHDR", ihdr)...)
	_, err := Check(b)
	if err == nil || err.Error() != "logo is 5000 × 4000 pixels and would take 152 MiB decoded: want at most 128 MiB" {
		t.Fatalf("got %v", err)
	}
}

func TestProgressive(t *testing.T) {
	var jb bytes.Buffer
	jpeg.Encode(&jb, rgba(8, 8), nil)
	if progressive(jb.Bytes()) {
		t.Error("baseline JPEG taken for progressive")
	}
	p := append([]byte(nil), jb.Bytes()...)
	i := bytes.Index(p, []byte{0xff, 0xc0})
	p[i+1] = 0xc2
	if !progressive(p) {
		t.Error("progressive JPEG not seen")
	}
}

// TestMegapixelsInLang: the size of a logo too large is written as the reader's language
// writes numbers.
func TestMegapixelsInLang(t *testing.T) {
	_, err := Check(bomb(t, 10000, 10000, 0))
	var me *locale.MsgError
	if !errors.As(err, &me) {
		t.Fatalf("%v: not a translatable error", err)
	}
	for lang, want := range map[string]string{"en": "(100.0 megapixels)", "de": "(100,0 Megapixel)", "fr": "(100,0 mégapixels)"} {
		if got := me.In(lang); !strings.Contains(got, want) {
			t.Errorf("%s: %q, want %q in it", lang, got, want)
		}
	}
}
