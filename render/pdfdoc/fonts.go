package pdfdoc

import (
	"bytes"
	"crypto/sha256"
	"errors"
	"fmt"
	"sync"

	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/gofont/gobolditalic"
	"golang.org/x/image/font/gofont/goitalic"
	"golang.org/x/image/font/gofont/gomono"
	"golang.org/x/image/font/gofont/goregular"
	"golang.org/x/image/font/sfnt"
)

// Family names registered with fpdf. Charts draw with the same family (Theme.FontFamily).
// Both start with "kep": subsetTags replaces those three letters.
const (
	textFamily = "kepfont"
	monoFamily = "kepmono"
)

// face is one parsed TrueType font: its bytes for fpdf and the set of BMP runes it has a
// glyph for. Faces are parsed once per process and shared read-only between documents.
type face struct {
	data []byte
	cov  *coverage
}

// coverage is a bitmap of the Basic Multilingual Plane: fpdf cannot write runes above
// U+FFFF at all, so nothing beyond it is ever covered.
type coverage [0x10000 / 64]uint64

func (c *coverage) has(r rune) bool {
	return r >= 0 && r < 0x10000 && c[r>>6]&(1<<(uint(r)&63)) != 0
}

// intersect returns the runes covered by every coverage in cs.
func intersect(cs ...*coverage) *coverage {
	out := new(coverage)
	for i := range out {
		out[i] = ^uint64(0)
		for _, c := range cs {
			out[i] &= c[i]
		}
	}
	return out
}

var faces sync.Map // sha256 of the font bytes → *faceResult

type faceResult struct {
	once sync.Once
	f    *face
	err  error
}

// loadFace parses data once per process (keyed by its hash) and returns the shared face.
func loadFace(data []byte) (*face, error) {
	if len(data) == 0 {
		return nil, errors.New("empty font")
	}
	key := sha256.Sum256(data)
	v, _ := faces.LoadOrStore(key, new(faceResult))
	fr := v.(*faceResult)
	fr.once.Do(func() { fr.f, fr.err = parseFace(data) })
	return fr.f, fr.err
}

func parseFace(data []byte) (*face, error) {
	f, err := sfnt.Parse(data)
	if err != nil {
		return nil, fmt.Errorf("parse font: %w", err)
	}
	var buf sfnt.Buffer
	cov := new(coverage)
	n := 0
	for r := rune(0); r < 0x10000; r++ {
		if g, err := f.GlyphIndex(&buf, r); err == nil && g != 0 {
			cov[r>>6] |= 1 << (uint(r) & 63)
			n++
		}
	}
	if n == 0 {
		return nil, errors.New("font has no usable character map")
	}
	return &face{data: data, cov: cov}, nil
}

// fontSet is the family a document is set in: four text styles and a monospaced face for
// code, with the runes all of them can draw.
type fontSet struct {
	styles map[string]*face // "", "B", "I", "BI"
	mono   *face
	cov    *coverage
}

// newFontSet returns the built-in Go fonts, or the brand's font where given: the brand's
// regular face replaces regular and italic, its bold face (else its regular) bold and
// bold-italic, so that a document never mixes two typefaces in running text.
func newFontSet(regular, bold []byte) (*fontSet, error) {
	if len(regular) == 0 {
		// The built-in set is the same for every document: made once per process and
		// shared read-only, instead of hashing ~750 KB of font files per document.
		builtinFonts.once.Do(func() { builtinFonts.fs, builtinFonts.err = makeFontSet(nil, nil) })
		return builtinFonts.fs, builtinFonts.err
	}
	return makeFontSet(regular, bold)
}

var builtinFonts struct {
	once sync.Once
	fs   *fontSet
	err  error
}

func makeFontSet(regular, bold []byte) (*fontSet, error) {
	fs := &fontSet{styles: map[string]*face{}}
	for style, data := range map[string][]byte{"": goregular.TTF, "B": gobold.TTF,
		"I": goitalic.TTF, "BI": gobolditalic.TTF} {
		f, err := loadFace(data)
		if err != nil {
			return nil, fmt.Errorf("built-in font %q: %w", style, err)
		}
		fs.styles[style] = f
	}
	mono, err := loadFace(gomono.TTF)
	if err != nil {
		return nil, fmt.Errorf("built-in mono font: %w", err)
	}
	fs.mono = mono
	if len(regular) > 0 {
		r, err := loadFace(regular)
		if err != nil {
			return nil, fmt.Errorf("brand font: %w", err)
		}
		b := r
		if len(bold) > 0 {
			if b, err = loadFace(bold); err != nil {
				return nil, fmt.Errorf("brand bold font: %w", err)
			}
		}
		fs.styles[""], fs.styles["I"] = r, r
		fs.styles["B"], fs.styles["BI"] = b, b
	}
	fs.cov = intersect(fs.styles[""].cov, fs.styles["B"].cov, fs.styles["I"].cov,
		fs.styles["BI"].cov, fs.mono.cov)
	return fs, nil
}

// subsetTags gives every embedded font the six-letter subset tag of ISO 32000 (9.6.4)
// that readers and pdffonts look for: fpdf subsets the fonts but names them
// "utf8<family><style>". The names are rewritten with the same length, so the offsets of
// the cross-reference table stay right. The tag comes from a hash of the document, so it
// is reproducible and differs between different subsets.
func subsetTags(pdf []byte) []byte {
	sum := sha256.Sum256(pdf)
	keys := []string{textFamily, textFamily + "B", textFamily + "I", textFamily + "BI", monoFamily}
	for i, key := range keys {
		tag := make([]byte, 0, len(key)+4)
		for j := 0; j < 6; j++ {
			tag = append(tag, 'A'+sum[(i*6+j)%len(sum)]%26)
		}
		tag = append(append(tag, '+'), key[3:]...) // "utf8kep" → "ABCDEF+", same length
		for _, pre := range []string{"/BaseFont /", "/FontName /"} {
			old := []byte(pre + "utf8" + key + "\n")
			neu := []byte(pre + string(tag) + "\n")
			pdf = bytes.ReplaceAll(pdf, old, neu)
		}
	}
	return pdf
}
