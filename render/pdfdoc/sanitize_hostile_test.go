package pdfdoc

import (
	"maps"
	"math/rand"
	"os"
	"testing"
	"unicode"
	"unicode/utf8"
)

// TestSanitizerFastPathRandom: Clean (the fast path first) and clean (rune by rune)
// give the same text and report the same runes for random texts mixing runes of every
// Unicode category, the supplementary planes, the characters Clean treats apart and
// invalid bytes, with the built-in fonts and with a brand font (DejaVu Sans, with
// Go Regular's bold: a coverage that is their intersection).
func TestSanitizerFastPathRandom(t *testing.T) {
	var pool []rune
	for _, tab := range unicode.Categories {
		n := 0
		for _, r16 := range tab.R16 {
			for r := rune(r16.Lo); r <= rune(r16.Hi) && n < 300; r += rune(r16.Stride) {
				pool, n = append(pool, r), n+1
			}
		}
		for _, r32 := range tab.R32 {
			for r := rune(r32.Lo); r <= rune(r32.Hi) && n < 400; r += rune(r32.Stride) {
				pool, n = append(pool, r), n+1
			}
		}
	}
	pool = append(pool, '\n', '\t', '\r', 0, '\u00ad', '\uFFFD', '\u200b', '\u202e', '’', '„', '“', '…', '–', 'ß', 'ä', 'é', ' ', '\u00a0', '\u2028', 0x1F600, 0x10FFFF)
	sets := map[string][2][]byte{"built-in": {nil, nil}}
	if b, err := os.ReadFile("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"); err == nil {
		sets["DejaVu"] = [2][]byte{b, nil}
	}
	rng := rand.New(rand.NewSource(19))
	for name, fonts := range sets {
		fs, err := newFontSet(fonts[0], fonts[1])
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		fast, slow := newSanitizer(fs.cov), newSanitizer(fs.cov)
		tookFast := 0
		for i := 0; i < 200_000; i++ {
			var b []byte
			for n := rng.Intn(12); n >= 0; n-- {
				switch rng.Intn(10) {
				case 0:
					b = append(b, byte(0x80+rng.Intn(0x80))) // a stray byte
				case 1, 2, 3:
					b = append(b, byte('a'+rng.Intn(26)))
				default:
					b = utf8.AppendRune(b, pool[rng.Intn(len(pool))])
				}
			}
			str := string(b)
			if fast.plain(str) {
				tookFast++
			}
			if got, want := fast.Clean(str), slow.clean(str); got != want {
				t.Fatalf("%s: Clean(%q) = %q, rune by rune %q", name, str, got, want)
			}
			if len(fast.replaced) != len(slow.replaced) || i%1000 == 0 && !maps.Equal(fast.replaced, slow.replaced) {
				t.Fatalf("%s: after %q: Clean reported %U, rune by rune %U", name, str, fast.Replaced(), slow.Replaced())
			}
		}
		t.Logf("%s: %d of 200,000 texts taken as they are", name, tookFast)
	}
}
