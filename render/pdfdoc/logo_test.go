package pdfdoc

import (
	"bytes"
	"compress/zlib"
	"image"
	"image/png"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"testing"
	"time"

	"github.com/kepdev/kep/render/logo"
)

// pdfImage is an image XObject of a PDF, decoded: samples per pixel by row.
type pdfImage struct {
	w, h, colors int
	pix          []byte
}

var imageDict = regexp.MustCompile(`(?s)/Subtype /Image\n/Width (\d+)\n/Height (\d+)\n.*?/Predictor 15 /Colors (\d) /BitsPerComponent 8 /Columns \d+>>\n(?:/SMask \d+ 0 R\n)?/Length (\d+)>>\nstream\n`)

// pdfImages decodes the image streams fpdf writes: deflated PNG rows with a filter byte
// each (Predictor 15), undone here as a PDF reader does.
func pdfImages(t *testing.T, pdf []byte) []pdfImage {
	t.Helper()
	var out []pdfImage
	for _, m := range imageDict.FindAllSubmatchIndex(pdf, -1) {
		num := func(i int) int { n, _ := strconv.Atoi(string(pdf[m[2*i]:m[2*i+1]])); return n }
		w, h, colors, n := num(1), num(2), num(3), num(4)
		zr, err := zlib.NewReader(bytes.NewReader(pdf[m[1] : m[1]+n]))
		if err != nil {
			t.Fatal(err)
		}
		raw, err := io.ReadAll(zr)
		if err != nil {
			t.Fatal(err)
		}
		stride := w * colors
		if len(raw) != h*(stride+1) {
			t.Fatalf("image stream of %d bytes for %d × %d × %d", len(raw), w, h, colors)
		}
		pix := make([]byte, h*stride)
		for y := 0; y < h; y++ {
			f, row := raw[y*(stride+1)], raw[y*(stride+1)+1:(y+1)*(stride+1)]
			cur := pix[y*stride : (y+1)*stride]
			for x := range row {
				var a, b, c int
				if x >= colors {
					a = int(cur[x-colors])
				}
				if y > 0 {
					b = int(pix[(y-1)*stride+x])
					if x >= colors {
						c = int(pix[(y-1)*stride+x-colors])
					}
				}
				v := int(row[x])
				switch f {
				case 1:
					v += a
				case 2:
					v += b
				case 3:
					v += (a + b) / 2
				case 4:
					p := a + b - c
					pa, pb, pc := abs(p-a), abs(p-b), abs(p-c)
					switch {
					case pa <= pb && pa <= pc:
						v += a
					case pb <= pc:
						v += b
					default:
						v += c
					}
				}
				cur[x] = byte(v)
			}
		}
		out = append(out, pdfImage{w, h, colors, pix})
	}
	return out
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// A logo with transparency shows in the PDF with its own colours flattened onto white
// (PDF/A-1 allows no soft mask), now that the PDF gets it written anew (logo.ForPDF);
// the pixels are read back from the PDF's image stream as a reader decodes them.
func TestLogoPixelsInPDF(t *testing.T) {
	// The sample logo: RGBA, rows filtered with Sub, Average and Paeth.
	data, err := os.ReadFile(filepath.Join("..", "..", "samples", "assets", "logo.png"))
	if err != nil {
		t.Fatal(err)
	}
	img, err := png.Decode(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	src, ok := img.(*image.NRGBA)
	if !ok {
		t.Fatalf("sample logo is %T, want NRGBA", img)
	}
	w, h := src.Rect.Dx(), src.Rect.Dy()
	d := sampleDoc(t, "minimal")
	d.Logo, d.LogoType = data, "png"
	pdf, _ := writePDF(t, d)
	imgs := pdfImages(t, pdf)
	if len(imgs) != 1 || imgs[0].colors != 3 || imgs[0].w != w || imgs[0].h != h {
		t.Fatalf("want one RGB image of %d × %d (no alpha mask), got %d images", w, h, len(imgs))
	}
	rgb := imgs[0]
	bad := 0
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			c := src.NRGBAAt(x, y)
			i := y*w + x
			// c over white, rounded as logo.ForPDF does (within one step).
			over := func(v uint8) int { return (int(v)*int(c.A) + 255*(255-int(c.A)) + 127) / 255 }
			for k, v := range []uint8{c.R, c.G, c.B} {
				if d := int(rgb.pix[3*i+k]) - over(v); d < -1 || d > 1 {
					bad++
					break
				}
			}
		}
	}
	if bad > 0 {
		t.Errorf("%d of %d logo pixels differ in the PDF", bad, w*h)
	}
}

// The PDF's logo is at most 2048 pixels on its longer side: the cover shows it 60 mm
// wide at most, and the PDF and fpdf's work stay small for a large logo.
func TestLargeLogoScaledForPDF(t *testing.T) {
	var b bytes.Buffer
	if err := png.Encode(&b, image.NewGray(image.Rect(0, 0, 5000, 1000))); err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	out, typ, err := logo.ForPDF(b.Bytes())
	if err != nil || typ != "PNG" {
		t.Fatal(typ, err)
	}
	cfg, err := png.DecodeConfig(bytes.NewReader(out))
	if err != nil || cfg.Width != 1667 || cfg.Height != 334 {
		t.Fatalf("PDF logo %d × %d (%v), want 1667 × 334 (a third)", cfg.Width, cfg.Height, err)
	}
	t.Logf("5000 × 1000 logo prepared in %v", time.Since(start))
}
