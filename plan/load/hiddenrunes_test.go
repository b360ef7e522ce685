package load

import (
	"strconv"
	"strings"
	"testing"
)

// One-line text refuses every code point that hides or reorders text, naming it; Markdown
// refuses the same except the line and paragraph separators. Each class is given raw in
// the file (not as a TOML escape) and as an escape.
func TestHiddenRunes(t *testing.T) {
	for _, c := range []struct {
		name, r, msg string
		markdownOK   bool
	}{
		{"C1 control", "\u0085", "contains U+0085 (NEXT LINE, a C1 control), a control character that can hide text; remove it", false},
		{"C1 control 9B", "\u009b", "contains U+009B (a C1 control), a control character that can hide text; remove it", false},
		{"bidi override", "\u202e", "contains U+202E (RIGHT-TO-LEFT OVERRIDE), a control character that can hide text; remove it", false},
		{"bidi embedding", "\u202a", "contains U+202A (LEFT-TO-RIGHT EMBEDDING), a control character that can hide text; remove it", false},
		{"bidi isolate", "\u2066", "contains U+2066 (LEFT-TO-RIGHT ISOLATE), a control character that can hide text; remove it", false},
		{"bidi pop isolate", "\u2069", "contains U+2069 (POP DIRECTIONAL ISOLATE), a control character that can hide text; remove it", false},
		{"line separator", "\u2028", "contains U+2028 (LINE SEPARATOR), a line break; want one line of text", true},
		{"paragraph separator", "\u2029", "contains U+2029 (PARAGRAPH SEPARATOR), a line break; want one line of text", true},
		{"noncharacter FDD0", "\ufdd0", "contains U+FDD0 (a noncharacter), a code point that is not a character; remove it", false},
		{"noncharacter FFFE", "\ufffe", "contains U+FFFE (a noncharacter), a code point that is not a character; remove it", false},
		{"noncharacter 10FFFF", "\U0010ffff", "contains U+10FFFF (a noncharacter), a code point that is not a character; remove it", false},
	} {
		t.Run(c.name, func(t *testing.T) {
			for _, enc := range []string{c.r, escapeTOML(c.r)} {
				_, ds := load(t, "", strings.Replace(header, `account = "A"`, `account = "Acme `+enc+`Corp"`, 1))
				diffLines(t, messages(ds, false), []string{`/ws/p.toml:3:1: plan.account: ` + c.msg})

				// A text list (names) is one-line text too.
				_, ds = load(t, "", header+"[[team]]\nid = \"t\"\nname = \"N"+enc+"\"\n")
				diffLines(t, messages(ds, false), []string{`/ws/p.toml:8:1: team[0].name: ` + c.msg})

				_, ds = load(t, "", header+"summary = \"\"\"\nok "+enc+"\n\"\"\"\n")
				if c.markdownOK {
					diffLines(t, messages(ds, false), []string{})
				} else {
					diffLines(t, messages(ds, false), []string{`/ws/p.toml:6:1: plan.summary: ` + c.msg})
				}
			}
		})
	}
}

// Marks that right-to-left names need, and ordinary non-ASCII text, stay allowed.
func TestHiddenRunesAllowed(t *testing.T) {
	for _, s := range []string{"\u200e", "\u200f", "\u061c", "Müller – «Ω» 東京 😀", "\u00a0", "\ufffd", "\U0010fffd"} {
		_, ds := load(t, "", strings.Replace(header, `account = "A"`, `account = "A`+s+`"`, 1))
		diffLines(t, messages(ds, false), []string{})
	}
}

func escapeTOML(s string) string {
	var b strings.Builder
	for _, r := range s {
		if r > 0xffff {
			b.WriteString(`\U` + strings.Repeat("0", 8-len(hex(r))) + hex(r))
		} else {
			b.WriteString(`\u` + strings.Repeat("0", 4-len(hex(r))) + hex(r))
		}
	}
	return b.String()
}

func hex(r rune) string { return strings.ToUpper(strconv.FormatInt(int64(r), 16)) }

// indexHidden finds what hiddenRuneName names, at every code point, ASCII or not, and
// where strings.IndexFunc would (invalid UTF-8 read as U+FFFD, one byte at a time).
func TestIndexHidden(t *testing.T) {
	for r := rune(0); r <= 0x10ffff; r++ {
		if r >= 0xd800 && r <= 0xdfff {
			continue
		}
		if isHidden(r) != (hiddenRuneName(r) != "") {
			t.Fatalf("isHidden(%U) = %v, hiddenRuneName %q", r, isHidden(r), hiddenRuneName(r))
		}
	}
	for _, s := range []string{"", "abc", "Müller\u202eX", "a\xffb\u0085", "\u2028x", "x\u2029\u202a", "日本\U0010ffff", "\xc2\x85", "\xc2", "ok\u200e"} {
		for _, multi := range []bool{false, true} {
			want := strings.IndexFunc(s, func(r rune) bool {
				if multi && (r == 0x2028 || r == 0x2029) {
					return false
				}
				return hiddenRuneName(r) != ""
			})
			if got := indexHidden(s, multi); got != want {
				t.Errorf("indexHidden(%q, %v) = %d, want %d", s, multi, got, want)
			}
		}
	}
}
