package pdfdoc

import (
	"crypto/sha256"
	"errors"
	"fmt"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/go-pdf/fpdf"
	"github.com/kepdev/kep/render/fonts"
	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/gofont/gobolditalic"
	"golang.org/x/image/font/gofont/goitalic"
	"golang.org/x/image/font/gofont/goregular"
	"golang.org/x/image/font/sfnt"
)

// Family names registered with fpdf. Charts draw with the same family (Theme.FontFamily).
// fpdf embeds each face under its PostScript name (fontSet.register); fallbackFamily
// draws the runes the text face lacks (Noto Sans has no arrows, "≥" or "−"): the Go fonts, in
// the same style.
const (
	textFamily     = "kepfont"
	monoFamily     = "kepmono"
	fallbackFamily = "kepfall"
)

// face is one parsed TrueType font: its bytes for fpdf and the set of BMP runes it has a
// glyph for. Faces are parsed once per process and shared read-only between documents.
type face struct {
	data   []byte
	cov    *coverage
	kern   *fonts.Kerning // nil: the font has no pair kerning
	psName string         // the name the PDF embeds it under
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
	// parts, when set, make this the intersection of other coverages (the union where
	// union is set).
	parts []*coverage
	union bool
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
	case c.parts != nil && c.union:
		for _, p := range c.parts {
			bits |= p.block(i)
		}
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

// union returns the runes covered by any coverage in cs.
func union(cs ...*coverage) *coverage {
	return &coverage{parts: cs, union: true}
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
	var buf sfnt.Buffer
	name, _ := f.Name(&buf, sfnt.NameIDPostScript)
	return &face{data: data, cov: cov, kern: fonts.NewKerning(data), psName: pdfName(name)}, nil
}

// pdfName returns a PostScript name as it may stand in a PDF name object: printable
// ASCII without the PDF's delimiters, at most 63 characters (the limit of PostScript
// names, and of PDF/A); "" when nothing usable is left.
func pdfName(s string) string {
	var b strings.Builder
	for _, r := range s {
		if r > 32 && r < 127 && !strings.ContainsRune("[](){}<>/%#", r) && b.Len() < 63 {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// register hands the face of family and style to fpdf, with its kerning and its name:
// the face's PostScript name, or for a font without one a name of kep's ("KepFont-Bold").
// Two faces of one document never share a name (the PDF would then name two different
// fonts alike): used holds the names given, as "ps:" keys.
func (fs *fontSet) register(pdf *fpdf.Fpdf, family, st string, used map[string]bool) {
	f := fs.mono
	switch family {
	case textFamily:
		f = fs.styles[st]
	case fallbackFamily:
		f = fs.fallback[st]
	}
	pdf.AddUTF8FontFromBytes(family, st, f.data)
	if f.kern != nil {
		pdf.SetFontKerning(family, st, f.kern.Pair)
	}
	name := f.psName
	if name == "" || used["ps:"+name] {
		name = "Kep" + family[3:] + map[string]string{"": "", "B": "-Bold", "I": "-Italic", "BI": "-BoldItalic"}[st]
	}
	used["ps:"+name] = true
	pdf.SetFontPostScriptName(family, st, name)
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

// slantAngle is the slant, in degrees to the right, of italics drawn from an upright
// face: about what italic faces lean.
const slantAngle = 12

// fontSet is the family a document is set in: four text styles, the same four styles of
// the fallback face, and a monospaced face for code, with the runes the document can
// draw (in every style, by the text face or the fallback).
type fontSet struct {
	styles   map[string]*face // "", "B", "I", "BI"
	fallback map[string]*face // the Go fonts, for runes the text face lacks
	mono     *face
	cov      *coverage
	// slanted: the italic styles ("I", "BI") that have no face of their own (a brand
	// without font_italic / font_bold_italic) and are drawn as an upright face slanted,
	// so that emphasis shows.
	slanted map[string]bool
}

// newFontSet returns the built-in family, or the brand's fonts where given: the brand's
// regular face replaces regular and italic, its bold face (else its regular) bold and
// bold-italic, so that a document never mixes two typefaces in running text; italics[0]
// (font_italic) and italics[1] (font_bold_italic), where given, are the italic faces,
// else those styles are their upright face slanted. A bold italic without an italic is
// used for bold italic only. Code stays in the built-in monospaced face.
func newFontSet(regular, bold []byte, italics ...[]byte) (*fontSet, error) {
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
	fs := &fontSet{styles: map[string]*face{"": r, "I": r, "B": b, "BI": b},
		fallback: builtinFonts.fs.fallback, mono: builtinFonts.fs.mono,
		slanted: map[string]bool{"I": true, "BI": true}}
	for k, st := range []string{"I", "BI"} {
		if len(italics) <= k || len(italics[k]) == 0 {
			continue
		}
		f, err := loadFace(italics[k])
		if err != nil {
			return nil, fmt.Errorf("brand %s font: %w", map[string]string{"I": "italic", "BI": "bold italic"}[st], err)
		}
		fs.styles[st], fs.slanted[st] = f, false
		if st == "I" && fs.slanted["BI"] {
			// Until a bold italic comes: bold italic is the italic face (not the bold slanted).
			fs.styles["BI"], fs.slanted["BI"] = f, false
		}
	}
	fs.cov = fs.drawable()
	return fs, nil
}

var builtinFonts struct {
	once sync.Once
	fs   *fontSet
	err  error
}

func makeBuiltinSet() (*fontSet, error) {
	fs := &fontSet{styles: map[string]*face{}, fallback: map[string]*face{}}
	for _, s := range []struct {
		style          string
		data, fallback []byte
	}{
		{"", fonts.Regular(), goregular.TTF}, {"B", fonts.Bold(), gobold.TTF},
		{"I", fonts.Italic(), goitalic.TTF}, {"BI", fonts.BoldItalic(), gobolditalic.TTF},
	} {
		f, err := parseFace(s.data)
		if err != nil {
			return nil, fmt.Errorf("built-in font %q: %w", s.style, err)
		}
		fs.styles[s.style] = f
		if fs.fallback[s.style], err = parseFace(s.fallback); err != nil {
			return nil, fmt.Errorf("built-in fallback font %q: %w", s.style, err)
		}
	}
	mono, err := parseFace(fonts.Mono())
	if err != nil {
		return nil, fmt.Errorf("built-in mono font: %w", err)
	}
	fs.mono = mono
	fs.cov = fs.drawable()
	return fs, nil
}

// drawable is the coverage of the set: a rune every text style draws, by its face or
// the fallback's face of the style, and the monospaced face too (code keeps one face).
func (fs *fontSet) drawable() *coverage {
	var parts []*coverage
	for _, st := range []string{"", "B", "I", "BI"} {
		parts = append(parts, union(fs.styles[st].cov, fs.fallback[st].cov))
	}
	return intersect(append(parts, fs.mono.cov)...)
}

// eachRun calls fn for the runs of s that one face draws: the text face of st, or the
// fallback face (st|stFallback) for the runes it lacks. Code is one run in the
// monospaced face.
func (e *engine) eachRun(s string, st style, fn func(run string, st style)) {
	if st&stMono != 0 || s == "" {
		fn(s, st)
		return
	}
	_, fs := fontOf(st)
	cov := e.fonts.styles[fs].cov
	start, fell := 0, false
	for i, r := range s {
		f := r >= 0x80 && !cov.has(r) && e.fonts.fallback[fs].cov.has(r)
		if f != fell && i > start {
			if fell {
				fn(s[start:i], st|stFallback)
			} else {
				fn(s[start:i], st)
			}
			start = i
		}
		fell = f
	}
	if fell {
		fn(s[start:], st|stFallback)
	} else {
		fn(s[start:], st)
	}
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
