package hyph

import (
	"math/rand"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode"
)

// refHyphenator is Points as it was before the compiled tries (0b58764): the plain
// parse's maps, every substring of ".word." looked up up to the longest pattern. The
// trie walk, the stack buffers and the end-of-word handling must find the same points.
type refHyphenator struct {
	ref               reference
	leftMin, rightMin int
}

func (h *refHyphenator) points(word string) []int {
	if strings.ContainsRune(word, '\u00ad') {
		return nil
	}
	var out []int
	start := -1
	for i, r := range word + " " {
		if isWordLetter(r) {
			if start < 0 {
				start = i
			}
			continue
		}
		if start >= 0 {
			if !(r >= '0' && r <= '9') && !precededByDigit(word, start) {
				out = append(out, h.run(word[start:i], start)...)
			}
			start = -1
		}
	}
	return out
}

func (h *refHyphenator) run(w string, off int) []int {
	var lower strings.Builder
	var at []int
	for i, r := range w {
		if i > 0 && unicode.IsUpper(r) {
			return nil
		}
		if r == '’' {
			r = '\''
		}
		lower.WriteRune(unicode.ToLower(r))
		at = append(at, i)
	}
	n := len(at)
	if n < h.leftMin+h.rightMin {
		return nil
	}
	key := lower.String()
	points, ok := h.ref.exceptions[key]
	if !ok {
		s := "." + key + "."
		rs := make([]int, 0, n+3)
		for i := range s {
			rs = append(rs, i)
		}
		rs = append(rs, len(s))
		values := make([]byte, len(rs))
		for i := 0; i < len(rs)-1; i++ {
			for j := i + 1; j < len(rs) && rs[j]-rs[i] <= h.ref.maxLen; j++ {
				for k, v := range h.ref.patterns[s[rs[i]:rs[j]]] {
					values[i+k] = max(values[i+k], v)
				}
			}
		}
		for p := 1; p < n; p++ {
			if values[p+1]%2 == 1 {
				points = append(points, p)
			}
		}
	}
	var out []int
	for _, p := range points {
		if p >= h.leftMin && p <= n-h.rightMin && !isApostrophe(w, at, p) {
			out = append(out, off+at[p])
		}
	}
	return out
}

// TestPointsSameAsReference: for every language, the words of the repository's plans and
// documentation as the writers pass them (punctuation, numbers, links and all) and random
// strings of the language's letters with capitals, digits, apostrophes, hyphens, soft
// hyphens and invalid bytes get the points the plain algorithm gives.
func TestPointsSameAsReference(t *testing.T) {
	var corpus []string
	for _, pat := range []string{"../../samples/accounts/*.toml", "../../docs/*.md", "../../README.md"} {
		files, _ := filepath.Glob(pat)
		for _, f := range files {
			if b, err := os.ReadFile(f); err == nil {
				corpus = append(corpus, strings.Fields(string(b))...)
			}
		}
	}
	if len(corpus) < 10000 {
		t.Fatalf("only %d words in the corpus", len(corpus))
	}
	random := 30000
	if testing.Short() {
		random = 3000
	}
	alphabet := []rune("aeiounrstlhcdgmbfkpwzvyjxqäöüßéèêàçôûœAEÄÖÜÉKL''’’-\u00ad09 .")
	rng := rand.New(rand.NewSource(19))
	for _, lang := range []string{"de", "en", "fr"} {
		h := For(lang)
		src, err := os.ReadFile(filepath.Join("patterns", h.file))
		if err != nil {
			t.Fatal(err)
		}
		ref := &refHyphenator{leftMin: h.leftMin, rightMin: h.rightMin}
		loadReference(&ref.ref, string(src))
		words := slices.Clone(corpus)
		for range random {
			var b strings.Builder
			for n := 1 + rng.Intn(30); n > 0; n-- {
				if rng.Intn(100) == 0 {
					b.WriteByte(0xff) // invalid UTF-8
					continue
				}
				b.WriteRune(alphabet[rng.Intn(len(alphabet))])
			}
			words = append(words, b.String())
		}
		words = append(words, strings.Repeat("Donaudampfschifffahrtsgesellschaft", 5), "l’entreprise", "aujourd'hui", "\xffab")
		points := 0
		for _, w := range words {
			got, want := h.points(w), ref.points(w)
			if !slices.Equal(got, want) {
				t.Fatalf("%s %q: points %v, the plain algorithm's %v", lang, w, got, want)
			}
			points += len(got)
		}
		if points < 1000 {
			t.Errorf("%s: only %d points compared", lang, points)
		}
	}
}

// TestChildTable: the table of the root's children's children and the byte search of
// larger nodes find what a scan of the node's labels finds, in every language's trie.
func TestChildTable(t *testing.T) {
	for _, lang := range []string{"de", "en", "fr"} {
		h := For(lang)
		h.once.Do(h.load)
		tr := &h.patterns
		scan := func(v int, c byte) int {
			a, b := tr.first(v), tr.first(v+1)
			for k := a; k < b; k++ {
				if tr.labels[k] == c {
					return k
				}
			}
			return -1
		}
		if tr.nRoot < 20 || len(tr.second) == 0 {
			t.Fatalf("%s: %d root children, table of %d", lang, tr.nRoot, len(tr.second))
		}
		for v := 1; v < len(tr.labels); v++ {
			cs := []byte{0, '.', 'a', 'z', 0xc3, 0xff}
			if v <= tr.nRoot {
				cs = cs[:0]
				for c := 0; c < 256; c++ {
					cs = append(cs, byte(c))
				}
			} else {
				cs = append(cs, tr.labels[tr.first(v):tr.first(v+1)]...)
			}
			for _, c := range cs {
				if got, want := tr.child(v, c), scan(v, c); got != want {
					t.Fatalf("%s: child(%d, %q) = %d, the labels %d", lang, v, c, got, want)
				}
			}
		}
	}
}
