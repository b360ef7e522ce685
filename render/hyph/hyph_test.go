package hyph

import (
	"flag"
	"fmt"
	"os"
	"strings"
	"sync"
	"testing"

	"github.com/kepdev/kep/locale"
)

var update = flag.Bool("update", false, "rewrite testdata/golden.txt")

// TestGolden hyphenates the words of testdata/words.txt and compares the result with
// testdata/golden.txt, which was read and checked by hand against the dictionaries'
// syllables: every point there is a valid one (go test -update rewrites it; read the diff).
func TestGolden(t *testing.T) {
	src, err := os.ReadFile("testdata/words.txt")
	if err != nil {
		t.Fatal(err)
	}
	var got strings.Builder
	for _, ln := range strings.Split(string(src), "\n") {
		lang, w, ok := strings.Cut(ln, " ")
		if !ok || strings.HasPrefix(ln, "#") {
			continue
		}
		got.WriteString(lang + " " + For(lang).Hyphenate(w, "-") + "\n")
	}
	if *update {
		if err := os.WriteFile("testdata/golden.txt", []byte(got.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile("testdata/golden.txt")
	if err != nil {
		t.Fatal(err)
	}
	gl, wl := strings.Split(got.String(), "\n"), strings.Split(string(want), "\n")
	for i := range max(len(gl), len(wl)) {
		var g, w string
		if i < len(gl) {
			g = gl[i]
		}
		if i < len(wl) {
			w = wl[i]
		}
		if g != w {
			t.Errorf("line %d: got %q, want %q", i+1, g, w)
		}
	}
}

func TestPoints(t *testing.T) {
	de := For("de-DE")
	w := "Instandhaltungsplanungsleiter"
	// In·stand·hal·tungs·pla·nungs·lei·ter: the only places a line may end.
	want := []int{2, 7, 10, 15, 18, 23, 26}
	got := de.Points(w)
	if len(got) != len(want) {
		t.Fatalf("Points(%q) = %v, want %v", w, got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("Points(%q) = %v, want %v", w, got, want)
		}
	}
	// Byte offsets, also after multi-byte letters, and inside punctuation.
	if got := de.Hyphenate("(Lieferzeitverkürzung),", "|"); got != "(Lie|fer|zeit|ver|kür|zung)," {
		t.Errorf("Hyphenate = %q", got)
	}
	// The author's soft hyphens stand for the word's points: no lookup.
	if got := de.Points("Kunden\u00adplan"); got != nil {
		t.Errorf("a word with soft hyphens got points %v", got)
	}
	// Minimum letters: German 2/2, English 2/3, French 2/3.
	for _, c := range []struct{ lang, w string }{{"de", "Instandhaltungsplanungsleiter"}, {"en", "opportunities"}, {"fr", "responsabilité"}} {
		h := For(c.lang)
		n := len([]rune(c.w))
		for _, p := range h.Points(c.w) {
			before := len([]rune(c.w[:p]))
			if before < h.leftMin || n-before < h.rightMin {
				t.Errorf("%s %q: point after %d letters breaks the minimum %d/%d", c.lang, c.w, before, h.leftMin, h.rightMin)
			}
		}
	}
	if For("ja") != nil || For("") != nil {
		t.Error("a language without patterns must get no hyphenator")
	}
	var none *Hyphenator
	if none.Points("Wettbewerbsanalyse") != nil {
		t.Error("a nil hyphenator must find no points")
	}
}

// TestExceptions: the \hyphenation list of the English file wins over the patterns.
func TestExceptions(t *testing.T) {
	en := For("en")
	for w, want := range map[string]string{"associate": "as-so-ciate", "project": "project", "table": "ta-ble"} {
		if got := en.Hyphenate(w, "-"); got != want {
			t.Errorf("%q → %q, want %q", w, got, want)
		}
	}
}

// FuzzPoints: any input gives increasing offsets at rune boundaries inside the word.
func FuzzPoints(f *testing.F) {
	for _, s := range []string{"Instandhaltung", "l’été", "\xff\xfeab", "a-b-c", "ÄÖÜäöüß"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, h := range hyphenators() {
			last := 0
			for _, p := range h.Points(s) {
				if p <= last || p >= len(s) {
					t.Fatalf("%q: point %d out of order or range", s, p)
				}
				last = p
			}
		}
	})
}

// TestMemo: a word's points come from the memo the second time, the same as computed,
// and the memo stops growing at its bound.
func TestMemo(t *testing.T) {
	h := &Hyphenator{file: For("de").file, leftMin: 2, rightMin: 2}
	for _, w := range []string{"Instandhaltungsplanungsleiter", "(Lieferzeitverkürzung),", "ab", "", "Kunden\u00adplan", "KPIs"} {
		first, again, want := h.Points(w), h.Points(w), h.points(w)
		if fmt.Sprint(first) != fmt.Sprint(want) || fmt.Sprint(again) != fmt.Sprint(want) {
			t.Errorf("%q: %v, then %v, want %v", w, first, again, want)
		}
		if cap(first) != len(first) {
			t.Errorf("%q: cap %d > len %d: an append would write into the memo", w, cap(first), len(first))
		}
	}
	h.memoBytes.Store(maxMemo)
	h.Points("Vertriebsorganisation")
	if _, ok := h.memo.Load("Vertriebsorganisation"); ok {
		t.Error("a word was memoised beyond the bound")
	}
	if got := h.Hyphenate("Vertriebsorganisation", "-"); got != "Ver-triebs-or-ga-ni-sa-ti-on" {
		t.Errorf("beyond the bound: %q", got)
	}
}

// TestConcurrent: the PDF, the HTML and several plans hyphenate at the same time; the
// first use opens the patterns once and the memo is shared (make test runs it with -race).
func TestConcurrent(t *testing.T) {
	h := &Hyphenator{file: For("de").file, leftMin: 2, rightMin: 2}
	words := []string{"Instandhaltungsplanungsleiter", "Lieferzeitverkürzung", "Vertriebsorganisation", "Instandhaltungsplanungsleiter"}
	want := make([]string, len(words))
	for i, w := range words {
		want[i] = fmt.Sprint(For("de").Points(w))
	}
	var wg sync.WaitGroup
	for range 4 {
		wg.Go(func() {
			for i, w := range words {
				if got := fmt.Sprint(h.Points(w)); got != want[i] {
					t.Errorf("%q: %s, want %s", w, got, want[i])
				}
			}
		})
	}
	wg.Wait()
}

// BenchmarkGerman: a word looked up again (the memo).
func BenchmarkGerman(b *testing.B) {
	de := For("de")
	de.Points("Instandhaltungsplanungsleiter")
	for b.Loop() {
		de.Points("Instandhaltungsplanungsleiter")
	}
}

// BenchmarkGermanNew: a word looked up the first time (the patterns).
func BenchmarkGermanNew(b *testing.B) {
	de := For("de")
	de.Points("x")
	for b.Loop() {
		de.points("Instandhaltungsplanungsleiter")
	}
}

// Every document language that names hyphenation patterns has them here (patterns/), with
// sane minimums, compiled into patterns/hyph.trie: a missing file would panic at the
// first document in that language.
func TestEveryLanguageHasItsPatterns(t *testing.T) {
	for _, l := range locale.Languages() {
		h := l.Hyphenation()
		if h.Patterns == "" {
			continue
		}
		if _, err := os.Stat("patterns/" + h.Patterns); err != nil {
			t.Errorf("%s: hyphenation patterns %s: %v (put the file in render/hyph/patterns)", l.Lang, h.Patterns, err)
			continue
		}
		if _, ok := section(compiled, h.Patterns); !ok {
			t.Errorf("%s: hyphenation patterns %s not compiled (go generate ./render/hyph)", l.Lang, h.Patterns)
			continue
		}
		if h.LeftMin < 1 || h.RightMin < 1 {
			t.Errorf("%s: hyphenation minimums %d/%d, want at least 1/1", l.Lang, h.LeftMin, h.RightMin)
		}
		if For(l.Lang) == nil {
			t.Errorf("%s: no hyphenator", l.Lang)
		}
	}
}

// A word too short for leftMin+rightMin letters has no points and is answered without
// the memo; the answer is the one of the patterns (points), for every language, words
// with multi-byte letters too.
func TestShortWordsWithoutMemo(t *testing.T) {
	for _, lang := range []string{"de", "en", "fr"} {
		h := For(lang)
		for _, w := range []string{"a", "ab", "abc", "abcd", "für", "Öl", "äß", "ßa", "été", "l'a", "ÄÖÜ", "Gans", "über", "ouïe", "table", "Hansa"} {
			got, want := h.Points(w), h.points(w)
			if fmt.Sprint(got) != fmt.Sprint(want) {
				t.Errorf("%s %q: Points %v, the patterns %v", lang, w, got, want)
			}
			if len(w) < h.leftMin+h.rightMin {
				if _, ok := h.memo.Load(w); ok {
					t.Errorf("%s %q: short word in the memo", lang, w)
				}
			}
		}
	}
}
