package hyph

import (
	"math/rand"
	"runtime"
	"strings"
	"testing"
)

// TestMemoHeap: a memo filled to its bound with words of ordinary length holds no more
// of the heap than maxMemo says (kep serve keeps one memo per language for as long as it
// runs). Short words are the worst case: the map's own cost per entry dominates.
func TestMemoHeap(t *testing.T) {
	if testing.Short() {
		t.Skip("fills a memo of 8 MB")
	}
	for _, n := range []int{5, 12} {
		h := &Hyphenator{file: For("de").file, leftMin: 2, rightMin: 2} // a memo of its own
		h.Points("x")                                                   // the patterns opened
		rng := rand.New(rand.NewSource(int64(n)))
		letters := []rune("abcdefghiklmnoprstuvwzäöü")
		var before, after runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&before)
		for h.memoBytes.Load() < maxMemo {
			var b strings.Builder
			for range n {
				b.WriteRune(letters[rng.Intn(len(letters))])
			}
			h.Points(b.String())
		}
		runtime.GC()
		runtime.ReadMemStats(&after)
		grown := int64(after.HeapAlloc) - int64(before.HeapAlloc)
		t.Logf("words of %d letters: the heap grew by %d bytes for a memo of %d", n, grown, h.memoBytes.Load())
		if grown > maxMemo*5/4 {
			t.Errorf("words of %d letters: the heap grew by %.1f MB for a memo bounded at %.1f MB", n, float64(grown)/(1<<20), float64(maxMemo)/(1<<20))
		}
		runtime.KeepAlive(h)
	}
}
