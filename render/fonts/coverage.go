package fonts

import (
	"unicode"
	"unicode/utf8"
)

// Brand holds the TrueType bytes a brand gives ([brand] font, font_bold, font_italic,
// font_bold_italic, font_fallback); nil where it gives none.
type Brand struct {
	Regular, Bold, Italic, BoldItalic, Fallback []byte
}

// Coverage tells which characters a document prints with the faces of a brand: the
// runes that every text style draws, by its face, the brand's fallback face or the
// built-in fallback (the Go fonts), and code too (Go Mono or the fallback face). The
// PDF writer replaces the others by a placeholder ("□"); Coverage finds them before.
// The faces are resolved as the PDF writer does: the built-in Noto Sans family without
// a brand font; with one, its regular face for regular and italic, its bold (else its
// regular) for bold and bold italic, its italic faces where given.
type Coverage struct {
	styles   [4][]*Face // per style: the faces asked in turn
	mono     []*Face
	fallback *Face
	builtin  *[1024]uint64 // without brand faces: builtinCoverage, the faces unparsed
}

// NewCoverage parses the brand's faces (once per process, Load); an error names a face
// that is not a usable font.
func NewCoverage(b Brand) (*Coverage, error) {
	if len(b.Regular) == 0 && len(b.Fallback) == 0 {
		// The built-in faces only: their coverage is known at build time. Parsing nine
		// fonts for it was 2 ms of plan/check's font warnings in a fresh process, on the
		// way from start to document (issue 19).
		return &Coverage{builtin: &builtinCoverage}, nil
	}
	return parsedCoverage(b)
}

// parsedCoverage is NewCoverage from the parsed faces.
func parsedCoverage(b Brand) (*Coverage, error) {
	load := func(data, def []byte) (*Face, error) {
		if len(data) == 0 {
			data = def
		}
		return Load(data)
	}
	var faces [4]*Face
	var err error
	if len(b.Regular) == 0 {
		for i, data := range [][]byte{regular, bold, italic, boldItalic} {
			if faces[i], err = Load(data); err != nil {
				return nil, err
			}
		}
	} else {
		if faces[0], err = Load(b.Regular); err != nil {
			return nil, err
		}
		if faces[1], err = load(b.Bold, b.Regular); err != nil {
			return nil, err
		}
		faces[2], faces[3] = faces[0], faces[1]
		if len(b.Italic) > 0 {
			if faces[2], err = Load(b.Italic); err != nil {
				return nil, err
			}
			faces[3] = faces[2]
		}
		if len(b.BoldItalic) > 0 {
			if faces[3], err = Load(b.BoldItalic); err != nil {
				return nil, err
			}
		}
	}
	c := &Coverage{}
	if len(b.Fallback) > 0 {
		if c.fallback, err = Load(b.Fallback); err != nil {
			return nil, err
		}
	}
	for i, data := range [][]byte{GoRegular(), GoBold(), GoItalic(), GoBoldItalic()} {
		goFace, err := Load(data)
		if err != nil {
			return nil, err
		}
		c.styles[i] = []*Face{faces[i], goFace}
		if c.fallback != nil {
			c.styles[i] = append(c.styles[i], c.fallback)
		}
	}
	mono, err := Load(Mono())
	if err != nil {
		return nil, err
	}
	c.mono = []*Face{mono}
	if c.fallback != nil {
		c.mono = append(c.mono, c.fallback)
	}
	return c, nil
}

// Has reports whether the document prints r as itself (in every style).
func (c *Coverage) Has(r rune) bool {
	if c.builtin != nil {
		return r >= 0 && r < 0x10000 && c.builtin[r>>6]&(1<<(uint(r)&63)) != 0
	}
	// The styles and mono in turn, without appending them into a new slice: Has runs for
	// every non-ASCII character of a plan's texts (plan/check's font warnings).
	for i := range len(c.styles) + 1 {
		fs := c.mono
		if i < len(c.styles) {
			fs = c.styles[i]
		}
		ok := false
		for _, f := range fs {
			if ok = f.Has(r); ok {
				break
			}
		}
		if !ok {
			return false
		}
	}
	return true
}

// Substitutes are drawn instead of typographic characters a font often lacks; they look
// the same, so they are no loss (the PDF writer's sanitizer uses them).
var Substitutes = map[rune]rune{
	'\u2007': '\u00a0', // figure space
	'\u202f': '\u00a0', // narrow no-break space (French and German number formats)
	'\u2011': '-',      // non-breaking hyphen
	'\u2010': '-',      // hyphen
	'\u2212': '-',      // minus
	'\u2024': '.',      // one dot leader
	'\u2044': '/',      // fraction slash
	'\u02bc': '\'',     // modifier apostrophe
}

// Missing returns, in the order they first occur, the distinct characters of s that
// print as a placeholder: not controls, invisible format characters or spaces (dropped
// or printed as a space), nor those with a look-alike substitute the faces have.
func (c *Coverage) Missing(s string) []rune {
	var out []rune
	for i, r := range s {
		if r < 0x80 && r >= 0x20 && r != 0x7f {
			continue // printable ASCII: every text face has it
		}
		switch {
		case r == utf8.RuneError && isInvalid(s, i):
		case unicode.IsControl(r), unicode.Is(unicode.Cf, r), r == '\u00ad':
			continue
		case c.Has(r):
			continue
		case Substitutes[r] != 0 && c.Has(Substitutes[r]):
			continue
		case unicode.IsSpace(r):
			continue
		}
		seen := false
		for _, o := range out {
			seen = seen || o == r
		}
		if !seen {
			out = append(out, r)
		}
	}
	return out
}

func isInvalid(s string, i int) bool {
	_, size := utf8.DecodeRuneInString(s[i:])
	return size <= 1
}
