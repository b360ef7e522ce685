package pdfdoc

import (
	"reflect"
	"testing"
)

func TestSanitizer(t *testing.T) {
	fs, err := newFontSet(nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		in, want string
		replaced []rune
	}{
		{"Plain ASCII", "Plain ASCII", nil},
		{"Müller-Weiß zahlt 1.850.000 € „netto“ – fertig…", "Müller-Weiß zahlt 1.850.000 € „netto“ – fertig…", nil},
		{"Smile 😀!", "Smile □!", []rune{0x1F600}},
		{"漢字", "□□", []rune{0x5B57, 0x6F22}},
		{"max \U0010FFFF", "max □", []rune{0x10FFFF}},
		{"a\x00b\x07c\rd", "abcd", nil},
		{"tab\there", "tab here", nil},
		{"line\nbreak", "line\nbreak", nil},
		{"soft\u00adhyphen zero\u200bwidth \u202eevil", "soft\u00adhyphen zerowidth evil", nil}, // the line breaker takes soft hyphens
		{"12\u202f%", "12\u00a0%", nil},
		{"non\u2011breaking", "non-breaking", nil},
		{"bad \xff utf8", "bad □ utf8", []rune{0xFFFD}},
		{"\u2003em space", " em space", nil},
	}
	for _, tt := range tests {
		s := newSanitizer(fs.cov)
		if got := s.Clean(tt.in); got != tt.want {
			t.Errorf("Clean(%q) = %q, want %q", tt.in, got, tt.want)
		}
		if got := s.Replaced(); !reflect.DeepEqual(got, append([]rune{}, tt.replaced...)) && !(len(got) == 0 && len(tt.replaced) == 0) {
			t.Errorf("Clean(%q) replaced %U, want %U", tt.in, got, tt.replaced)
		}
	}
}

func TestSanitizerReportsEachCharacterOnceInOrder(t *testing.T) {
	fs, _ := newFontSet(nil, nil)
	s := newSanitizer(fs.cov)
	s.Clean("😀 a 😀")
	s.Line("漢\n😀")
	want := []rune{0x6F22, 0x1F600}
	if got := s.Replaced(); !reflect.DeepEqual(got, want) {
		t.Errorf("Replaced() = %U, want %U", got, want)
	}
	if got := s.Line("a\nb"); got != "a b" {
		t.Errorf("Line kept a newline: %q", got)
	}
}

func TestPlaceholderFallsBackToQuestionMark(t *testing.T) {
	var cov coverage
	for r := rune(0x20); r < 0x7f; r++ {
		cov.set(r)
	}
	s := newSanitizer(&cov)
	if got := s.Clean("ä"); got != "?" {
		t.Errorf("Clean = %q, want ?", got)
	}
}

func TestResultReplacedText(t *testing.T) {
	r := Result{Replaced: []rune{0x1F600, 0x6F22}}
	if got, want := r.ReplacedText(), "😀 (U+1F600), 漢 (U+6F22)"; got != want {
		t.Errorf("ReplacedText = %q, want %q", got, want)
	}
}

// Clean returns a text as it is only where cleaning it rune by rune gives it unchanged
// and reports nothing: every rune of the Basic Multilingual Plane, each alone and
// between letters, and invalid bytes.
func TestSanitizerPlainIsClean(t *testing.T) {
	fs, err := newFontSet(nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	s := newSanitizer(fs.cov)
	check := func(str string) {
		if !s.plain(str) {
			return
		}
		before := len(s.replaced)
		if got := s.clean(str); got != str || len(s.replaced) != before {
			t.Fatalf("plain(%q), but cleaned it is %q (replaced %U)", str, got, s.Replaced())
		}
	}
	plain := 0
	for r := rune(0); r < 0x10000; r++ {
		check(string(r))
		check("Maß" + string(r) + "e\n")
		if s.plain(string(r)) {
			plain++
		}
	}
	for _, str := range []string{"a\xffb", "\xc3", "\xed\xa0\x80", "ok\u00adok", "\uFFFD"} {
		check(str)
	}
	if plain < 500 || !s.plain("Müller-Weiß „netto“ – fertig…\nZeile 2") || s.plain("tab\there") {
		t.Errorf("plain accepts %d runes alone; German text %v", plain, s.plain("Müller-Weiß „netto“ – fertig…"))
	}
}
