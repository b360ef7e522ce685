package pdfdoc

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/kepdev/kep/render/fonts"
)

// placeholder is drawn for a character the font cannot draw; "?" when the font lacks it too.
const placeholder = '□'

// sanitizer makes a string safe for fpdf: every rune it lets through is one all faces of
// the document's font set can draw. fpdf would draw an empty box for a missing glyph and
// panics in Output on any rune above U+FFFF (upstream issue #40). It remembers what it
// replaced so that the document reports each character once. Not safe for concurrent use:
// one sanitizer per document.
type sanitizer struct {
	cov      *coverage
	ph       rune
	replaced map[rune]bool
	ascii    [2]uint64 // cov's bits of U+0000–U+007F, read once (asciiSet)
	asciiSet bool
}

func newSanitizer(cov *coverage) *sanitizer {
	ph := placeholder
	if !cov.has(ph) {
		ph = '?'
	}
	return &sanitizer{cov: cov, ph: ph, replaced: map[rune]bool{}}
}

// substitutes are drawn instead of typographic characters a font often lacks; they look
// the same, so nothing is reported (render/fonts keeps the table: the plan's check
// predicts what the PDF replaces).
var substitutes = fonts.Substitutes

// Clean returns s with control and invisible format characters removed, tabs as spaces
// and every rune the font lacks replaced by the placeholder. Newlines stay.
func (s *sanitizer) Clean(str string) string {
	if s.plain(str) {
		return str
	}
	return s.clean(str)
}

// clean is Clean rune by rune.
func (s *sanitizer) clean(str string) string {
	var b strings.Builder
	b.Grow(len(str))
	for i, r := range str {
		switch {
		case r == utf8.RuneError && isInvalid(str, i):
			s.replaced[utf8.RuneError] = true
			b.WriteRune(s.ph)
		case r == '\n':
			b.WriteByte('\n')
		case r == '\t':
			b.WriteByte(' ')
		case r == '\u00ad':
			// A soft hyphen is a hyphenation point of its author: the line breaker
			// takes it out (takeSoft); anything else measures and draws text without it.
			b.WriteRune(r)
		case unicode.IsControl(r) || unicode.Is(unicode.Cf, r):
			// \r, NUL, bidi overrides, zero-width spaces: nothing to draw.
		case s.cov.has(r):
			b.WriteRune(r)
		case s.cov.has(substitutes[r]) && substitutes[r] != 0:
			b.WriteRune(substitutes[r])
		case unicode.IsSpace(r):
			b.WriteByte(' ')
		default:
			s.replaced[r] = true
			b.WriteRune(s.ph)
		}
	}
	return b.String()
}

// Line is Clean for one-line places (headings, table headers, footers): newlines become
// spaces.
func (s *sanitizer) Line(str string) string {
	return strings.ReplaceAll(s.Clean(str), "\n", " ")
}

// plain reports whether Clean leaves str as it is, the common case: every rune one the
// font has that is neither a control nor a format character (but newlines and soft
// hyphens, which stay), and no invalid UTF-8.
func (s *sanitizer) plain(str string) bool {
	if !s.asciiSet {
		s.ascii = [2]uint64{s.cov.block(0), s.cov.block(1)}
		s.asciiSet = true
	}
	for i := 0; i < len(str); {
		c := str[i]
		if c >= 0x20 && c < 0x7f && s.ascii[c>>6]&(1<<(c&63)) != 0 || c == '\n' {
			i++
			continue
		}
		if c < utf8.RuneSelf {
			return false // a control character, a tab, or one the font lacks
		}
		r, size := utf8.DecodeRuneInString(str[i:])
		switch {
		case r == utf8.RuneError, unicode.IsControl(r):
			return false
		case r == '\u00ad':
		case unicode.Is(unicode.Cf, r) || !s.cov.has(r):
			return false
		}
		i += size
	}
	return true
}

func isInvalid(s string, i int) bool {
	_, size := utf8.DecodeRuneInString(s[i:])
	return size <= 1
}

// Replaced returns the replaced runes in ascending order.
func (s *sanitizer) Replaced() []rune {
	out := make([]rune, 0, len(s.replaced))
	for r := range s.replaced {
		out = append(out, r)
	}
	sort.Slice(out, func(i, j int) bool { return out[i] < out[j] })
	return out
}

// noSoft returns s without soft hyphens (U+00AD), which Clean keeps for the line breaker:
// text is measured and drawn without them.
func noSoft(s string) string {
	if !strings.Contains(s, "\u00ad") {
		return s
	}
	return strings.ReplaceAll(s, "\u00ad", "")
}

// metaText makes s fit for the document information dictionary: there text needs no
// font (readers show it in their own), so every character stays as the author wrote it,
// CJK and emoji too (fpdf writes UTF-16 with surrogate pairs); only control and
// invisible format characters (soft hyphens, bidi overrides) go, and invalid UTF-8
// becomes U+FFFD.
func metaText(s string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case r == '\n' || r == '\t':
			return ' '
		case unicode.IsControl(r) || unicode.Is(unicode.Cf, r):
			return -1
		}
		return r
	}, strings.ToValidUTF8(s, "\uFFFD"))
}
