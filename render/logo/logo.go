// Package logo checks a brand logo as the documents use it and prepares it for the PDF.
//
// A logo is checked by decoding it whole, not only its header: a PNG cut short, with a
// bad chunk length or with more compressed data than its pixels need fails here, at
// kep validate, and not while a document is written. The header is read first, so a
// decompression bomb is refused before anything is allocated for it.
//
// The PDF never gets the brand's PNG bytes: fpdf parses PNG chunks itself, with less care
// than Go's decoder (it stops at the first empty chunk, indexes a tRNS chunk without
// checking its length, refuses 16-bit and interlaced images). It gets a PNG this package
// wrote from the decoded pixels instead, in the one form fpdf reads fully: 8 bits per
// channel, not interlaced. A JPEG goes into the PDF as it is: fpdf reads only its header.
package logo

import (
	"bytes"
	"errors"
	"fmt"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"io"
	"strings"
	"sync"

	"github.com/kepdev/kep/locale"
)

// Limits of a logo. A logo is a small picture: 10,000 pixels a side and 25 megapixels
// are far above what a cover needs; the decoded size also counts the bytes per pixel
// (16-bit channels, a progressive JPEG's coefficients), which the pixel count alone
// does not bound.
const (
	MaxSide         = 10000
	MaxPixels       = 25_000_000
	MaxDecodedBytes = 128 << 20
)

// pdfSide is the longest side of the logo in the PDF: the cover's logo box is 60 × 24 mm,
// so 2048 pixels are more than 800 dpi. Larger logos are scaled down once.
const pdfSide = 2048

// Kind tells PNG from JPEG by the magic bytes: "png", "jpeg", or "" for neither.
func Kind(data []byte) string {
	switch {
	case bytes.HasPrefix(data, []byte("\x89PNG\r\n\x1a\n")):
		return "png"
	case bytes.HasPrefix(data, []byte{0xff, 0xd8, 0xff}):
		return "jpeg"
	}
	return ""
}

// Check decodes the logo whole within the limits and returns its kind, "png" or "jpeg".
func Check(data []byte) (string, error) {
	_, kind, err := decodeShared(data)
	return kind, err
}

// last is the logo Check or ForPDF decoded last, kept so that a render, which checks the
// logo when it loads the plan and then prepares it for the PDF, decodes it once (a
// millisecond for the sample's 400 × 120 pixels; issue 19). Only logos of at most
// pdfSide² pixels and maxKept bytes are kept: a larger one is decoded again rather than
// held.
var last struct {
	sync.Mutex
	data []byte // a copy: the caller may change its slice
	img  image.Image
	kind string
}

// maxKept bounds the pixels of the logo kept in last: kep serve lives long, and a logo
// of 2048² pixels at 16 bits per channel would hold 32 MB for its whole run. Logos are
// far smaller (the sample's 0.19 MB); a larger one is decoded again instead.
const maxKept = 4 << 20

// decodedBytes is the memory an image's pixels take.
func decodedBytes(img image.Image) int {
	switch m := img.(type) {
	case *image.RGBA:
		return len(m.Pix)
	case *image.NRGBA:
		return len(m.Pix)
	case *image.RGBA64:
		return len(m.Pix)
	case *image.NRGBA64:
		return len(m.Pix)
	case *image.Gray:
		return len(m.Pix)
	case *image.Gray16:
		return len(m.Pix)
	case *image.Paletted:
		return len(m.Pix)
	case *image.CMYK:
		return len(m.Pix)
	case *image.YCbCr:
		return len(m.Y) + len(m.Cb) + len(m.Cr)
	}
	b := img.Bounds()
	return b.Dx() * b.Dy() * 8 // the most a pixel of a standard type takes
}

// decodeShared is Decode with the last logo kept; the image it returns is shared and is
// only read.
func decodeShared(data []byte) (image.Image, string, error) {
	last.Lock()
	if last.img != nil && bytes.Equal(last.data, data) {
		img, kind := last.img, last.kind
		last.Unlock()
		return img, kind, nil
	}
	last.Unlock()
	img, kind, err := Decode(data)
	if err != nil {
		return nil, "", err
	}
	if b := img.Bounds(); b.Dx()*b.Dy() <= pdfSide*pdfSide && decodedBytes(img) <= maxKept {
		last.Lock()
		last.data, last.img, last.kind = bytes.Clone(data), img, kind
		last.Unlock()
	}
	return img, kind, nil
}

// Decode decodes a PNG or JPEG logo within the limits. Its errors are messages for the
// user ("logo is …"), locale.MsgErrors that print in the reader's language.
func Decode(data []byte) (image.Image, string, error) {
	kind := Kind(data)
	if kind == "" {
		return nil, "", locale.MsgErrorf("logo is neither PNG nor JPEG")
	}
	name := map[string]string{"png": "PNG", "jpeg": "JPEG"}[kind]
	var cfg image.Config
	var err error
	if kind == "png" {
		cfg, err = png.DecodeConfig(bytes.NewReader(data))
	} else {
		cfg, err = jpeg.DecodeConfig(bytes.NewReader(data))
	}
	if err != nil {
		return nil, "", locale.MsgErrorf("logo is not a readable %s image: %s", name, reason(err))
	}
	if cfg.Width < 1 || cfg.Height < 1 || cfg.Width > MaxSide || cfg.Height > MaxSide {
		return nil, "", locale.MsgErrorf("logo is %d × %d pixels: want 1 to %d on each side", cfg.Width, cfg.Height, MaxSide)
	}
	px := int64(cfg.Width) * int64(cfg.Height)
	if px > MaxPixels {
		return nil, "", locale.MsgErrorf("logo is %d × %d pixels (%v megapixels): want at most %d megapixels", cfg.Width, cfg.Height, megapixels(float64(px)/1e6), MaxPixels/1_000_000)
	}
	if n := px * decodedBytesPerPixel(kind, cfg.ColorModel, data); n > MaxDecodedBytes {
		return nil, "", locale.MsgErrorf("logo is %d × %d pixels and would take %d MiB decoded: want at most %d MiB", cfg.Width, cfg.Height, n>>20, MaxDecodedBytes>>20)
	}
	var img image.Image
	if kind == "png" {
		img, err = png.Decode(bytes.NewReader(data))
	} else {
		img, err = jpeg.Decode(bytes.NewReader(data))
	}
	if err != nil {
		return nil, "", locale.MsgErrorf("logo is not a readable %s image: %s", name, reason(err))
	}
	return img, kind, nil
}

// reason words a decoder's error for the user: a message of its own (translated) for a
// file cut short, else the decoder's text without its prefix.
func reason(err error) any {
	if errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF) {
		return locale.Msgf("the file ends too early (cut short?)")
	}
	s := err.Error()
	for _, p := range []string{"png: ", "invalid JPEG format: ", "unsupported JPEG feature: "} {
		s = strings.TrimPrefix(s, p)
	}
	return s
}

// decodedBytesPerPixel is what the decoder allocates per pixel, rounded up.
func decodedBytesPerPixel(kind string, m color.Model, data []byte) int64 {
	if kind == "jpeg" {
		comps := int64(3)
		switch m {
		case color.GrayModel:
			comps = 1
		case color.CMYKModel:
			comps = 4
		}
		if progressive(data) {
			// A progressive JPEG keeps 64 coefficients of 4 bytes per 8 × 8 block and
			// component until the last scan.
			return comps * 5
		}
		return comps
	}
	switch m {
	case color.GrayModel:
		return 1
	case color.Gray16Model:
		return 2
	case color.RGBA64Model, color.NRGBA64Model:
		return 8
	}
	if _, ok := m.(color.Palette); ok {
		return 1
	}
	return 4
}

// progressive reports whether a JPEG has a progressive frame header (SOF2); when the
// segments cannot be walked it says yes, the costlier case.
func progressive(data []byte) bool {
	p := 2
	for p+4 <= len(data) {
		if data[p] != 0xff {
			return true
		}
		m := data[p+1]
		switch {
		case m == 0xff: // fill byte
			p++
			continue
		case m == 0xc2 || m == 0xc6 || m == 0xca || m == 0xce:
			return true
		case m >= 0xc0 && m <= 0xcf && m != 0xc4 && m != 0xc8 && m != 0xcc:
			return false
		case m == 0xda: // start of scan before any frame header
			return true
		}
		p += 2 + (int(data[p+2])<<8 | int(data[p+3]))
	}
	return true
}

// ForPDF returns the logo as the PDF writer embeds it, with fpdf's image type: a JPEG as
// it is; a PNG decoded and written anew, grey or RGB with 8 bits per channel, not
// interlaced, transparency flattened onto white, and scaled down to pdfSide pixels at
// most. The PNG's bytes are png.Encoder's at png.BestSpeed (encodeOpaque).
func ForPDF(data []byte) ([]byte, string, error) {
	img, kind, err := decodeShared(data)
	if err != nil {
		return nil, "", err
	}
	if kind == "jpeg" {
		return data, "JPG", nil
	}
	var buf bytes.Buffer
	if err := encodeFlat(&buf, img); err != nil {
		return nil, "", fmt.Errorf("logo: %v", err)
	}
	return buf.Bytes(), "PNG", nil
}

// encodeFlat writes img scaled and flattened (scaleFlatten) as a PNG. A colour image PNG
// decodes (NRGBA, RGBA) that needs no scaling is flattened a row at a time as it is
// written, the same pixels read straight from its rows rather than through the blocks
// of scaleFlatten's loop and without an image in between (issue 19; TestEncodeFlat
// compares the two).
func encodeFlat(buf *bytes.Buffer, img image.Image) error {
	b := img.Bounds()
	w, h := b.Dx(), b.Dy()
	if max(w, h) <= pdfSide {
		switch m := img.(type) {
		case *image.NRGBA:
			return encodeOpaque(buf, w, h, false, func(y int, dst []byte) {
				flattenNRGBA(dst, m.Pix[m.PixOffset(b.Min.X, b.Min.Y+y):])
			})
		case *image.RGBA:
			return encodeOpaque(buf, w, h, false, func(y int, dst []byte) {
				flattenRGBA(dst, m.Pix[m.PixOffset(b.Min.X, b.Min.Y+y):])
			})
		}
	}
	switch m := scaleFlatten(img).(type) {
	case *image.Gray:
		return encodeOpaque(buf, m.Rect.Dx(), m.Rect.Dy(), true, func(y int, dst []byte) {
			copy(dst, m.Pix[y*m.Stride:])
		})
	case *image.NRGBA:
		return encodeOpaque(buf, m.Rect.Dx(), m.Rect.Dy(), false, func(y int, dst []byte) {
			src := m.Pix[y*m.Stride:]
			for i, j := 0, 0; j < len(dst); i, j = i+4, j+3 {
				dst[j], dst[j+1], dst[j+2] = src[i], src[i+1], src[i+2] // opaque
			}
		})
	default:
		return fmt.Errorf("unexpected image %T", m)
	}
}

// flattenNRGBA writes the pixels of an NRGBA row (src, 4 bytes each) flattened onto white
// as RGB into dst (3 bytes each): scaleFlatten's arithmetic for one pixel, premultiplied
// in 16 bits as color.NRGBA.RGBA gives it, with the opaque and the transparent pixels,
// most of a logo, taken as they are.
func flattenNRGBA(dst, src []byte) {
	for i, j := 0, 0; j < len(dst); i, j = i+4, j+3 {
		switch a := uint32(src[i+3]); a {
		case 0xff:
			dst[j], dst[j+1], dst[j+2] = src[i], src[i+1], src[i+2]
		case 0:
			dst[j], dst[j+1], dst[j+2] = 0xff, 0xff, 0xff
		default:
			white := 0xffff - a*0x101
			for k := 0; k < 3; k++ {
				dst[j+k] = uint8((uint32(src[i+k])*0x101*a/0xff + white) >> 8)
			}
		}
	}
}

// flattenRGBA is flattenNRGBA for a premultiplied (RGBA) row.
func flattenRGBA(dst, src []byte) {
	for i, j := 0, 0; j < len(dst); i, j = i+4, j+3 {
		white := 0xffff - uint32(src[i+3])*0x101
		for k := 0; k < 3; k++ {
			dst[j+k] = uint8((uint32(src[i+k])*0x101 + white) >> 8)
		}
	}
}

// scaleFlatten scales the logo down to pdfSide pixels at most and flattens it onto white.
func scaleFlatten(img image.Image) image.Image {
	// Scaled down by a whole factor, each pixel the mean of a k × k block: with no
	// intermediate buffers (x/image/draw's kernels took 3.8 s and 340 MB for 25 MP).
	b := img.Bounds()
	k := (max(b.Dx(), b.Dy()) + pdfSide - 1) / pdfSide
	w, h := (b.Dx()+k-1)/k, (b.Dy()+k-1)/k
	gray := isGray(img)
	// The colour of a pixel: through At, an interface value allocated per pixel,
	// except for the images PNG decodes most (the same values, without it).
	rgba := func(x, y int) (r, g, b, a uint32) { return img.At(x, y).RGBA() }
	switch m := img.(type) {
	case *image.NRGBA:
		rgba = func(x, y int) (r, g, b, a uint32) { return m.NRGBAAt(x, y).RGBA() }
	case *image.RGBA:
		rgba = func(x, y int) (r, g, b, a uint32) { return m.RGBAAt(x, y).RGBA() }
	}
	var out image.Image
	var gpix, npix []uint8
	if gray {
		g := image.NewGray(image.Rect(0, 0, w, h))
		out, gpix = g, g.Pix
	} else {
		n := image.NewNRGBA(image.Rect(0, 0, w, h)) // opaque: written as RGB
		out, npix = n, n.Pix
	}
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			var r, g, bl, a, n uint64
			for sy := b.Min.Y + y*k; sy < min(b.Max.Y, b.Min.Y+(y+1)*k); sy++ {
				for sx := b.Min.X + x*k; sx < min(b.Max.X, b.Min.X+(x+1)*k); sx++ {
					cr, cg, cb, ca := rgba(sx, sy) // premultiplied
					r, g, bl, a, n = r+uint64(cr), g+uint64(cg), bl+uint64(cb), a+uint64(ca), n+1
				}
			}
			i := y*w + x
			if gray {
				gpix[i] = uint8(r / n >> 8)
				continue
			}
			// Flattened onto white (the page): PDF/A-1 allows no soft mask, and the
			// logo stands on the white cover.
			white := 0xffff*n - a
			npix[4*i] = uint8((r + white) / n >> 8)
			npix[4*i+1] = uint8((g + white) / n >> 8)
			npix[4*i+2] = uint8((bl + white) / n >> 8)
			npix[4*i+3] = 0xff
		}
	}
	return out
}

func isGray(img image.Image) bool {
	switch img.(type) {
	case *image.Gray, *image.Gray16:
		return true
	}
	return false
}

// megapixels is a count of megapixels written as the message's language writes numbers
// ("100.0" in English, "100,0" in German and French): Msg.In renders it in that language.
type megapixels float64

func (m megapixels) In(lang string) string {
	l := locale.Lookup(lang)
	if l == nil {
		l = locale.Lookup("en")
	}
	return l.Number(float64(m), 1)
}
