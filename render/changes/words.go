package changes

import (
	"strings"
	"unicode/utf8"

	"github.com/kepdev/kep/locale"
)

// words are the words and grammar of the change sentences in the reader's language: the
// tables and rules live in the locale (locale/de.go, en.go, fr.go).
type words struct{ *locale.Locale }

// oneLine shortens free text to one line of reasonable length for a change sentence.
// short is s on one line, cut at n characters with an ellipsis.
func short(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	if r := []rune(s); len(r) > n {
		return strings.TrimSpace(string(r[:n-1])) + "…"
	}
	return s
}

func oneLine(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	const max = 120
	if utf8.RuneCountInString(s) > max {
		r := []rune(s)
		s = strings.TrimSpace(string(r[:max-1])) + "…"
	}
	return s
}
