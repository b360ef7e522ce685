package load

import (
	"unicode/utf8"

	"github.com/kepdev/kep/locale"
)

// hiddenRune returns the finding for the first code point in str that a reader cannot
// see but that changes what is shown or how it is read: C1 controls, the bidirectional
// embeddings, overrides and isolates (a "Trojan Source" reordering: a contract number
// or a name shown backwards), the Unicode line and paragraph separators (a line break
// in one-line text; JavaScript reads them as one) and noncharacters; no message when
// there is none. Markdown (multiline) may span lines, so it keeps U+2028 and U+2029; everything
// else is refused there too. The marks U+200E and U+200F (and U+061C) stay allowed:
// they do not reorder text beyond themselves and right-to-left names need them.
func hiddenRune(str string, multiline bool) locale.Msg {
	i := indexHidden(str, multiline)
	if i < 0 {
		return locale.Msg{}
	}
	r := []rune(str[i:])[0]
	name := locale.MsgWord(hiddenRuneName(r))
	switch {
	case r == 0x2028 || r == 0x2029:
		return locale.Msgf("contains %U (%s), a line break; want one line of text", r, name)
	case isNoncharacter(r):
		return locale.Msgf("contains %U (%s), a code point that is not a character; remove it", r, name)
	}
	return locale.Msgf("contains %U (%s), a control character that can hide text; remove it", r, name)
}

var bidiNames = map[rune]string{
	0x202A: "LEFT-TO-RIGHT EMBEDDING",
	0x202B: "RIGHT-TO-LEFT EMBEDDING",
	0x202C: "POP DIRECTIONAL FORMATTING",
	0x202D: "LEFT-TO-RIGHT OVERRIDE",
	0x202E: "RIGHT-TO-LEFT OVERRIDE",
	0x2066: "LEFT-TO-RIGHT ISOLATE",
	0x2067: "RIGHT-TO-LEFT ISOLATE",
	0x2068: "FIRST STRONG ISOLATE",
	0x2069: "POP DIRECTIONAL ISOLATE",
	0x2028: "LINE SEPARATOR",
	0x2029: "PARAGRAPH SEPARATOR",
}

// indexHidden is the index of the first code point hiddenRune refuses, -1 for none. Every
// text of a plan is read here (~25,000 code points for the sample plan): ASCII is passed
// byte by byte, and the others are tested by range, not looked up in bidiNames (one map
// access per code point was ~5% of loading a plan, perf; issue 19). TestIndexHidden
// compares it with hiddenRuneName over every code point.
func indexHidden(str string, multiline bool) int {
	for i := 0; i < len(str); {
		if str[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(str[i:])
		if isHidden(r) && !(multiline && (r == 0x2028 || r == 0x2029)) {
			return i
		}
		i += size
	}
	return -1
}

// isHidden reports whether hiddenRuneName names r.
func isHidden(r rune) bool {
	return r >= 0x80 && r <= 0x9f || r >= 0x2028 && r <= 0x202e || r >= 0x2066 && r <= 0x2069 || isNoncharacter(r)
}

// hiddenRuneName names r when hiddenRune refuses it, else "".
func hiddenRuneName(r rune) string {
	switch {
	case r >= 0x80 && r <= 0x9f:
		if r == 0x85 {
			return "NEXT LINE, a C1 control"
		}
		return "a C1 control"
	case isNoncharacter(r):
		return "a noncharacter"
	}
	return bidiNames[r]
}

// isNoncharacter reports the 66 code points Unicode sets aside as never characters.
func isNoncharacter(r rune) bool {
	return r >= 0xFDD0 && r <= 0xFDEF || r&0xFFFE == 0xFFFE && r <= 0x10FFFF
}
