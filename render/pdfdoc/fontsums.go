package pdfdoc

import (
	"crypto/sha1"
	"encoding/hex"

	"github.com/go-pdf/fpdf"
	"github.com/kepdev/kep/render/fonts"
	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/gofont/gobolditalic"
	"golang.org/x/image/font/gofont/goitalic"
	"golang.org/x/image/font/gofont/goregular"
)

// builtinSums are the SHA-1 sums of the built-in fonts' bytes. fpdf names a font by the
// SHA-1 of its bytes (its parse cache, its /F name in the document) and hashed the
// 2.8 MB of them in every process, twice (Warm and the first document): a tenth of one
// kep render's CPU. Told the sums, it hashes none. TestBuiltinSums checks them and
// prints the right ones after a font changes.
func builtinSums() []builtinSum {
	return []builtinSum{
		{"Noto Sans Regular", fonts.Regular(), "0f9713f4e667b19d4ba35645a522d7f00104a470"},
		{"Noto Sans Bold", fonts.Bold(), "9a82e61eb4444daec2292663093779531dfa7336"},
		{"Noto Sans Italic", fonts.Italic(), "d971cc253ed2bec4c78b522ddb6c14c74c1ff251"},
		{"Noto Sans Bold Italic", fonts.BoldItalic(), "b1286fd7db8e06ec9277156e84e2bb941806a5fa"},
		{"Go Regular", goregular.TTF, "ae2bd09037435e1f175eed612bd7fd0430a687ae"},
		{"Go Bold", gobold.TTF, "87c743544a3760fcd7714ce344696415c57deb4f"},
		{"Go Italic", goitalic.TTF, "0fd433ffec68f5fad7019ec33e16aa41e92fa2f9"},
		{"Go Bold Italic", gobolditalic.TTF, "34bd2bfe0311005905f5a75b3442b5d420beeed5"},
		{"Go Mono", fonts.Mono(), "7788a704d5a4a857a9a35f5019a880f5986f0f85"},
	}
}

type builtinSum struct {
	name string
	data []byte
	sum  string // hex
}

// The sums and metrics (fontmetrics.go) are told at start-up: small map entries, no
// hashing and no parsing. fpdf then reads a built-in font only to subset it.
//
//go:generate go test -run ^TestFontMetrics$ -update
func init() {
	for i, s := range builtinSums() {
		var sum [sha1.Size]byte
		if n, err := hex.Decode(sum[:], []byte(s.sum)); err == nil && n == sha1.Size {
			fpdf.SetUTF8FontSum(s.data, sum)
		}
		fpdf.SetUTF8FontMetrics(s.data, builtinMetrics[i])
	}
}
