// Package fonts holds the faces kep sets documents in when the brand has no font of its
// own: Noto Sans (SIL Open Font License 1.1, noto/OFL.txt) in regular, bold, italic and
// bold italic, a humanist sans made for reading, with Latin, Greek and Cyrillic, pair
// kerning (GPOS) and tabular figures by default, so that amounts line up in tables; and
// Go Mono (BSD) for code. The PDF and the HTML writer embed these faces (subset), so
// both documents look alike.
package fonts

import (
	_ "embed"

	"golang.org/x/image/font/gofont/gomono"
)

var (
	//go:embed noto/NotoSans-Regular.ttf
	regular []byte
	//go:embed noto/NotoSans-Bold.ttf
	bold []byte
	//go:embed noto/NotoSans-Italic.ttf
	italic []byte
	//go:embed noto/NotoSans-BoldItalic.ttf
	boldItalic []byte
)

// Family is the family name of the built-in text faces, as their name tables give it.
const Family = "Noto Sans"

// Regular, Bold, Italic and BoldItalic return the text faces; the bytes are shared and
// must not be changed. Mono is Go Mono, for code.
func Regular() []byte    { return regular }
func Bold() []byte       { return bold }
func Italic() []byte     { return italic }
func BoldItalic() []byte { return boldItalic }
func Mono() []byte       { return gomono.TTF }
