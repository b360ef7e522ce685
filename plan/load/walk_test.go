package load

import (
	"math/rand/v2"
	"regexp"
	"strings"
	"testing"
)

// The hand-written matchers answer as the patterns the JSON schema publishes.
func TestPatterns(t *testing.T) {
	matchers := []struct {
		pattern string
		match   func(string) bool
	}{{idPattern, isID}, {colourPattern, isColour}, {currencyPattern, isCurrency}}
	// Every string of up to three characters from an alphabet with one character of each
	// class, and longer ones around the length limits.
	alphabet := []string{"a", "z", "0", "9", "_", "-", "#", "A", "F", "G", "Z", "f", "g", "\n", "é", " "}
	in := []string{"", "#1f4e79", "#1F4E79", "#1f4e7", "#1f4e790", "EUR", "EURO", "eur", "a" + strings.Repeat("-", 31), "a" + strings.Repeat("-", 32), "abc\n", "\nabc"}
	var grow func(prefix string, n int)
	grow = func(prefix string, n int) {
		in = append(in, prefix)
		if n == 0 {
			return
		}
		for _, c := range alphabet {
			grow(prefix+c, n-1)
		}
	}
	grow("", 3)
	r := rand.New(rand.NewPCG(1, 2))
	for i := range 20000 {
		chars := alphabet
		if i%2 == 0 {
			chars = alphabet[:6] // only characters of ids: long valid ones too
		}
		var b strings.Builder
		for range r.IntN(36) {
			b.WriteString(chars[r.IntN(len(chars))])
		}
		in = append(in, b.String(), "#"+b.String())
	}
	for _, m := range matchers {
		re := regexp.MustCompile(m.pattern)
		for _, s := range in {
			if got, want := m.match(s), re.MatchString(s); got != want {
				t.Errorf("%s on %q: %v, want %v", m.pattern, s, got, want)
			}
		}
	}
}
