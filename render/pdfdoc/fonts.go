package pdfdoc

import (
	"bytes"
	"crypto/sha256"
	"errors"
	"fmt"
	"sync"
	"sync/atomic"

	"github.com/go-pdf/fpdf"
	"github.com/kepdev/kep/render/fonts"
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

// coverage tells which runes of the Basic Multilingual Plane a font has a glyph for: fpdf
// cannot write runes above U+FFFF at all, so nothing beyond it is ever covered. It is
// filled lazily, one block of 64 runes on first use: a document uses a few hundred runes,
// and asking the font for all 65,536 took 1 ms per face, in every process. Safe for
// concurrent use: documents rendered in parallel share one coverage per face.
type coverage struct {
	font  *sfnt.Font // nil for a fixed bitmap (intersections, tests)
	ready [0x10000 / 64]atomic.Bool
	bits  [0x10000 / 64]atomic.Uint64
	// parts, when set, make this the intersection of other coverages.
	parts []*coverage
}

func (c *coverage) has(r rune) bool {
	if r < 0 || r >= 0x10000 {
		return false
	}
	return c.block(int(r>>6))&(1<<(uint(r)&63)) != 0
}

// block returns the bitmap of runes [64*i, 64*i+64), computing it on first use. Two
// goroutines may compute the same block at once; both store the same bits, and ready is
// set only after bits, so a reader that sees ready sees the bits.
func (c *coverage) block(i int) uint64 {
	if c.ready[i].Load() {
		return c.bits[i].Load()
	}
	var bits uint64
	switch {
	case c.parts != nil:
		bits = ^uint64(0)
		for _, p := range c.parts {
			bits &= p.block(i)
		}
	case c.font != nil:
		var buf sfnt.Buffer
		for j := 0; j < 64; j++ {
			if g, err := c.font.GlyphIndex(&buf, rune(i*64+j)); err == nil && g != 0 {
				bits |= 1 << uint(j)
			}
		}
	default:
		return c.bits[i].Load() // a fixed bitmap: set, never computed
	}
	c.bits[i].Store(bits)
	c.ready[i].Store(true)
	return bits
}

// set marks r as covered in a fixed bitmap (tests).
func (c *coverage) set(r rune) {
	c.bits[r>>6].Store(c.bits[r>>6].Load() | 1<<(uint(r)&63))
}

// intersect returns the runes covered by every coverage in cs, computed lazily as well.
func intersect(cs ...*coverage) *coverage {
	return &coverage{parts: cs}
}

var faces sync.Map // sha256 of the font bytes → *faceResult
var facesN atomic.Int32

// maxCached bounds the per-process caches of brand fonts and logos: a batch has a few,
// but kep serve would otherwise keep every version of a font or logo a user tries out.
const maxCached = 16

// boundCache empties m but for the entry just added (key, value) when that entry makes
// more than maxCached: entries in use stay valid for their holders, and the next document
// parses again what it needs.
func boundCache(m *sync.Map, n *atomic.Int32, key, value any) {
	if n.Add(1) > maxCached {
		m.Clear()
		m.Store(key, value)
		n.Store(1)
	}
}

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
	v, loaded := faces.LoadOrStore(key, new(faceResult))
	if !loaded {
		boundCache(&faces, &facesN, key, v)
	}
	fr := v.(*faceResult)
	fr.once.Do(func() { fr.f, fr.err = parseFace(data) })
	return fr.f, fr.err
}

func parseFace(data []byte) (*face, error) {
	f, err := sfnt.Parse(data)
	if err != nil {
		return nil, fmt.Errorf("parse font: %w", err)
	}
	cov := &coverage{font: f}
	if !cov.any() {
		return nil, errors.New("font has no usable character map")
	}
	return &face{data: data, cov: cov}, nil
}

// any reports whether the font has a glyph for any BMP rune. Latin text fonts answer in
// the first blocks; only a font without them is scanned whole.
func (c *coverage) any() bool {
	for i := range c.bits {
		if c.block(i) != 0 {
			return true
		}
	}
	return false
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
// bold-italic, so that a document never mixes two typefaces in running text. Code stays
// in the built-in monospaced face.
func newFontSet(regular, bold []byte) (*fontSet, error) {
	// The built-in set is the same for every document: made once per process and shared
	// read-only; the embedded fonts are parsed directly, not looked up by a hash of their
	// ~750 KB.
	builtinFonts.once.Do(func() { builtinFonts.fs, builtinFonts.err = makeBuiltinSet() })
	if builtinFonts.err != nil || len(regular) == 0 {
		return builtinFonts.fs, builtinFonts.err
	}
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
	fs := &fontSet{styles: map[string]*face{"": r, "I": r, "B": b, "BI": b}, mono: builtinFonts.fs.mono}
	fs.cov = intersect(r.cov, b.cov, fs.mono.cov)
	return fs, nil
}

var builtinFonts struct {
	once sync.Once
	fs   *fontSet
	err  error
}

func makeBuiltinSet() (*fontSet, error) {
	fs := &fontSet{styles: map[string]*face{}}
	for _, s := range []struct {
		style string
		data  []byte
	}{{"", fonts.Regular()}, {"B", fonts.Bold()}, {"I", fonts.Italic()}, {"BI", fonts.BoldItalic()}} {
		f, err := parseFace(s.data)
		if err != nil {
			return nil, fmt.Errorf("built-in font %q: %w", s.style, err)
		}
		fs.styles[s.style] = f
	}
	mono, err := parseFace(fonts.Mono())
	if err != nil {
		return nil, fmt.Errorf("built-in mono font: %w", err)
	}
	fs.mono = mono
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
			// In place: the name keeps its length, and a copy of the whole document per
			// name cost more than the rest of this function.
			old := []byte(pre + "utf8" + key + "\n")
			for rest := pdf; ; {
				i := bytes.Index(rest, old)
				if i < 0 {
					break
				}
				copy(rest[i+len(pre):], tag)
				rest = rest[i+len(old):]
			}
		}
	}
	return pdf
}

// Warm does ahead of time the once-per-process work of the first document: the built-in
// fonts parsed for their coverage and by fpdf, the Latin blocks of the coverage filled.
// kep render calls it in a goroutine while it loads the plans, so that on two cores the
// first document does not wait for it. Optional; safe at any time and concurrently.
func Warm() {
	fs, err := newFontSet(nil, nil)
	if err != nil {
		return
	}
	for r := rune(0); r < 0x180; r += 64 { // ASCII, Latin-1, Latin Extended-A
		fs.cov.has(r)
	}
	p := fpdf.New("P", "mm", "A4", "")
	for _, st := range []string{"", "B", "I", "BI"} {
		p.AddUTF8FontFromBytes(textFamily, st, fs.styles[st].data)
	}
	p.AddUTF8FontFromBytes(monoFamily, "", fs.mono.data)
}
