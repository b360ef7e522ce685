package hyph

import (
	"math/rand"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"
)

// TestHostileWords: a word of 100,000 letters is hyphenated in linear time and its
// points are those of the word without the memo; 100,000 distinct words (8 MB of them
// and more) leave the memo within its bound plus one entry, each word's points the
// same on the second asking.
func TestHostileWords(t *testing.T) {
	if testing.Short() {
		t.Skip("long")
	}
	h := &Hyphenator{file: For("de").file, leftMin: 2, rightMin: 2} // a memo of its own
	rng := rand.New(rand.NewSource(1))
	letters := []rune("abcdefghijklmnopqrstuvwxyzäöüß")
	word := func(n int) string {
		var b strings.Builder
		for i := 0; i < n; i++ {
			b.WriteRune(letters[rng.Intn(len(letters))])
		}
		return b.String()
	}
	long := word(100_000)
	start := time.Now()
	p := h.Points(long)
	if d := time.Since(start); d > 2*time.Second {
		t.Errorf("a word of 100,000 letters: %v", d)
	}
	if !slices.Equal(p, h.points(long)) || !slices.Equal(p, h.Points(long)) {
		t.Error("a word of 100,000 letters: the memo's points differ")
	}
	if len(p) == 0 {
		t.Error("a word of 100,000 letters: no points")
	}

	var m0, m1 runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&m0)
	words := make([]string, 100_000)
	for i := range words {
		words[i] = word(20 + rng.Intn(60))
		h.Points(words[i])
	}
	if b := h.memoBytes.Load(); b > maxMemo+int64(len(long))*20 {
		t.Errorf("memo holds %d bytes, bound %d", b, maxMemo)
	}
	for _, w := range words[:1000] {
		if !slices.Equal(h.Points(w), h.points(w)) {
			t.Fatalf("%q: the memo's points differ", w)
		}
	}
	words = nil
	runtime.GC()
	runtime.ReadMemStats(&m1)
	t.Logf("memo %d bytes; heap %d -> %d bytes", h.memoBytes.Load(), m0.HeapAlloc, m1.HeapAlloc)
	if grown := int64(m1.HeapAlloc) - int64(m0.HeapAlloc); grown > 3*maxMemo {
		t.Errorf("heap grew by %d bytes for a memo bounded at %d", grown, maxMemo)
	}
}
