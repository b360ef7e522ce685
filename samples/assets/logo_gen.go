//go:build ignore

// logo_gen draws the sample company's logo (logo.png): a gear mark in the brand's
// primary and accent colours and the company name. It needs golang.org/x/image with its
// rasteriser (and so golang.org/x/sys), which the kep module does not: copy it into a scratch
// module that requires golang.org/x/image and run it from the repository root.
package main

import (
	"image"
	"image/color"
	"image/png"
	"log"
	"math"
	"os"

	"golang.org/x/image/font"
	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/gofont/goregular"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/math/fixed"
)

var (
	primary = color.RGBA{0x1f, 0x4e, 0x79, 0xff}
	accent  = color.RGBA{0xe0, 0x7b, 0x00, 0xff}
)

func main() {
	const w, h = 400, 120
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	// Supersample the mark 4×4 for smooth edges; background stays transparent.
	const ss = 4
	for y := 0; y < h; y++ {
		for x := 0; x < 130; x++ {
			var pr, ac int
			for sy := 0; sy < ss; sy++ {
				for sx := 0; sx < ss; sx++ {
					fx := float64(x) + (float64(sx)+0.5)/ss - 60
					fy := float64(y) + (float64(sy)+0.5)/ss - 60
					switch mark(fx, fy) {
					case 1:
						pr++
					case 2:
						ac++
					}
				}
			}
			n := pr + ac
			if n == 0 {
				continue
			}
			c := primary
			if ac > pr {
				c = accent
			}
			a := uint8(255 * n / (ss * ss))
			img.SetRGBA(x, y, color.RGBA{uint8(int(c.R) * int(a) / 255), uint8(int(c.G) * int(a) / 255), uint8(int(c.B) * int(a) / 255), a})
		}
	}
	text(img, gobold.TTF, 40, 132, 62, "RHEINFELD", primary)
	text(img, goregular.TTF, 22, 134, 94, "Antriebstechnik", accent)
	f, err := os.Create("samples/assets/logo.png")
	if err != nil {
		log.Fatal(err)
	}
	if err := png.Encode(f, img); err != nil {
		log.Fatal(err)
	}
	if err := f.Close(); err != nil {
		log.Fatal(err)
	}
}

// mark returns 1 for the gear (primary), 2 for the hub ring (accent), 0 outside.
func mark(x, y float64) int {
	r := math.Hypot(x, y)
	th := math.Atan2(y, x)
	outer := 40.0
	if math.Cos(10*th) > 0.1 {
		outer = 50
	}
	switch {
	case r < 14:
		return 0
	case r < 24:
		return 2
	case r < 29:
		return 0
	case r < outer:
		return 1
	}
	return 0
}

func text(img *image.RGBA, ttf []byte, size float64, x, y int, s string, c color.Color) {
	f, err := opentype.Parse(ttf)
	if err != nil {
		log.Fatal(err)
	}
	face, err := opentype.NewFace(f, &opentype.FaceOptions{Size: size, DPI: 72, Hinting: font.HintingFull})
	if err != nil {
		log.Fatal(err)
	}
	d := font.Drawer{Dst: img, Src: image.NewUniform(c), Face: face, Dot: fixed.P(x, y)}
	d.DrawString(s)
}
