package pdfdoc

import (
	"fmt"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/go-pdf/fpdf"
	"github.com/kepdev/kep/render"
	"github.com/kepdev/kep/render/fonts"
	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/gofont/gobolditalic"
	"golang.org/x/image/font/gofont/goitalic"
	"golang.org/x/image/font/gofont/goregular"
)

// Family names registered with fpdf. Charts draw with the same family (Theme.FontFamily).
// fpdf embeds each face under its PostScript name (fontSet.register); fallbackFamily
// draws the runes the text face lacks (Noto Sans has no arrows, "≥" or "−"): the Go fonts, in
// the same style.
const (
	textFamily     = "kepfont"
	monoFamily     = "kepmono"
	fallbackFamily = "kepfall"
	// brandFallbackFamily is the brand's fallback face ([brand] font_fallback), for the
	// scripts the text face lacks (CJK, Arabic, …): one face for every style, asked
	// before the Go fonts.
	brandFallbackFamily = "kepbfal"
)

// face is one TrueType font as the PDF uses it: its bytes for fpdf and the runes it
// has a glyph for, from render/fonts, which parses each font once per process for every
// writer (fonts.Load).
type face struct {
	data   []byte
	cov    *coverage
	kern   *fonts.Kerning // nil: the font has no pair kerning
	psName string         // the name the PDF embeds it under
}

// coverage tells which runes of the Basic Multilingual Plane a font has a glyph for: fpdf
// cannot write runes above U+FFFF at all, so nothing beyond it is ever covered. A face's
// coverage is its fonts.Face's, filled lazily there and shared by every document;
// intersections and unions are filled lazily here, one block of 64 runes on first use.
// Safe for concurrent use.
type coverage struct {
	face *fonts.Face // nil for a fixed bitmap (intersections, tests)
	// blocks holds the computed blocks (a fixed bitmap's set ones), in pages made on
	// first use: a flat table was 9 KB of fresh memory per coverage, 14 of them.
	blocks fonts.BlockCache
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
	if c.face != nil {
		return c.face.Block(i)
	}
	if bits, ok := c.blocks.Load(i); ok {
		return bits
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
	default:
		return 0 // a fixed bitmap: a block never set
	}
	c.blocks.Store(i, bits)
	return bits
}

// set marks r as covered in a fixed bitmap (tests).
func (c *coverage) set(r rune) {
	bits, _ := c.blocks.Load(int(r >> 6))
	c.blocks.Store(int(r>>6), bits|1<<(uint(r)&63))
}

// intersect returns the runes covered by every coverage in cs, computed lazily as well.
func intersect(cs ...*coverage) *coverage {
	return &coverage{parts: cs}
}

// union returns the runes covered by any coverage in cs.
func union(cs ...*coverage) *coverage {
	return &coverage{parts: cs, union: true}
}

// maxCached bounds the per-process cache of logos: a batch has a few, but kep serve
// would otherwise keep every version of a logo a user tries out. (Fonts are kept by
// render/fonts, bounded alike.)
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

// loadFace returns the face of a font, parsed once per process by render/fonts.
func loadFace(data []byte) (*face, error) {
	f, err := fonts.Load(data)
	if err != nil {
		return nil, err
	}
	return &face{data: f.Data(), cov: &coverage{face: f}, kern: f.Kerning(), psName: pdfName(f.PostScriptName())}, nil
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
	f := fs.face(family, st)
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

// face returns the face registered as family and style.
func (fs *fontSet) face(family, st string) *face {
	switch family {
	case textFamily:
		return fs.styles[st]
	case fallbackFamily:
		return fs.fallback[st]
	case brandFallbackFamily:
		return fs.brandFallback
	}
	return fs.mono
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
	// brandFallback is the brand's fallback face ([brand] font_fallback), asked before
	// the Go fonts and for code too; nil without one.
	brandFallback *face
	mono          *face
	cov           *coverage
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

// fontSetOf returns the font set of a document: its brand's faces (newFontSet) and its
// fallback face, where the brand gives one.
func fontSetOf(d *render.Document) (*fontSet, error) {
	fs, err := newFontSet(d.Font, d.FontBold, d.FontItalic, d.FontBoldItalic)
	if err != nil || len(d.FontFallback) == 0 {
		return fs, err
	}
	f, err := loadFace(d.FontFallback)
	if err != nil {
		return nil, fmt.Errorf("brand fallback font: %w", err)
	}
	out := *fs // the built-in set is shared: a copy
	out.brandFallback = f
	out.cov = out.drawable()
	return &out, nil
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
		f, err := loadFace(s.data)
		if err != nil {
			return nil, fmt.Errorf("built-in font %q: %w", s.style, err)
		}
		fs.styles[s.style] = f
		if fs.fallback[s.style], err = loadFace(s.fallback); err != nil {
			return nil, fmt.Errorf("built-in fallback font %q: %w", s.style, err)
		}
	}
	mono, err := loadFace(fonts.Mono())
	if err != nil {
		return nil, fmt.Errorf("built-in mono font: %w", err)
	}
	fs.mono = mono
	fs.cov = fs.drawable()
	return fs, nil
}

// drawable is the coverage of the set: a rune every text style draws, by its face, the
// brand's fallback face or the Go fonts' face of the style, and code too (by the
// monospaced face or the brand's fallback face).
func (fs *fontSet) drawable() *coverage {
	var parts []*coverage
	for _, st := range []string{"", "B", "I", "BI"} {
		c := []*coverage{fs.styles[st].cov, fs.fallback[st].cov}
		if fs.brandFallback != nil {
			c = append(c, fs.brandFallback.cov)
		}
		parts = append(parts, union(c...))
	}
	if fs.brandFallback != nil {
		return intersect(append(parts, union(fs.mono.cov, fs.brandFallback.cov))...)
	}
	return intersect(append(parts, fs.mono.cov)...)
}

// eachRun calls fn for the runs of s that one face draws: the first face that has the
// rune, of the text face of st, the brand's fallback face (st|stBrandFallback) and the
// Go fonts (st|stFallback). Code is drawn in the monospaced face, and the runes it
// lacks in the brand's fallback face.
func (e *engine) eachRun(s string, st style, fn func(run string, st style)) {
	bf := e.fonts.brandFallback
	if s == "" || st&stMono != 0 && bf == nil || isASCII(s) {
		fn(s, st) // every face has ASCII (pick)
		return
	}
	var cov, fall *coverage
	if st&stMono != 0 {
		cov = e.fonts.mono.cov
	} else {
		_, fs := fontOf(st)
		cov, fall = e.fonts.styles[fs].cov, e.fonts.fallback[fs].cov
	}
	pick := func(r rune) style {
		switch {
		case r < 0x80 || cov.has(r):
			return st
		case bf != nil && bf.cov.has(r):
			return st&^stMono | stBrandFallback
		case fall != nil && fall.has(r):
			return st | stFallback
		}
		return st // replaced by the sanitizer: not met here
	}
	start, cur := 0, st
	for i, r := range s {
		p := pick(r)
		if p != cur && i > start {
			fn(s[start:i], cur)
			start = i
		}
		cur = p
	}
	fn(s[start:], cur)
}

// isASCII reports whether s is all ASCII.
func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

// Warm does ahead of time the once-per-process work of the first document: the built-in
// faces loaded with their kerning, the font set made, fpdf's fonts registered (from the
// generated metrics, fontmetrics.go) and the Go fallback faces parsed by fpdf.
// kep render calls it in a goroutine while it loads the plans, so that on two cores the
// first document does not wait for it. Optional; safe at any time and concurrently.
func Warm() {
	// The built-in faces one by one first (each parsed, with its kerning, once per
	// process): newFontSet is one once for all nine, so a writer that needed the set
	// before Warm was through waited for all of them; now it parses those Warm has not
	// reached yet itself, beside it (kep render starts Warm after reading the
	// workspaces; issue 19).
	for _, data := range [][]byte{fonts.Regular(), goregular.TTF, fonts.Bold(), gobold.TTF,
		fonts.Italic(), goitalic.TTF, fonts.BoldItalic(), gobolditalic.TTF, fonts.Mono()} {
		if f, err := fonts.Load(data); err == nil {
			f.Kerning()
		}
	}
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
	// The Go fonts' regular and bold draw what Noto Sans lacks ("−", "≥", arrows): a plan
	// with figures needs them, and fpdf's parse of each (~1 ms, 150 KB) otherwise fell
	// into the first document's layout, on its critical path.
	for _, st := range []string{"", "B"} {
		p.AddUTF8FontFromBytes(fallbackFamily, st, fs.fallback[st].data)
	}
}
