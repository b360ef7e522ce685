package hyph

import (
	"slices"
	"sync"
	"testing"
)

// Prepare opens the patterns once (concurrent calls too) and changes no word's points;
// a language without patterns (nil) is a no-op.
func TestPrepare(t *testing.T) {
	For("xx").Prepare() // nil: no patterns, no panic
	words := []string{"Kundenbeziehungsmanagement", "Ausgangswert", "Lieferantenposition", "Wettbewerber", "Schwächen"}
	cold := &Hyphenator{file: For("de").file, leftMin: 2, rightMin: 2}
	var want [][]int
	for _, w := range words {
		want = append(want, cold.Points(w))
	}
	h := &Hyphenator{file: For("de").file, leftMin: 2, rightMin: 2}
	var wg sync.WaitGroup
	for range 4 {
		wg.Add(1)
		go func() { defer wg.Done(); h.Prepare() }()
	}
	wg.Wait()
	if !h.prepared.Load() || h.patterns.nRoot == 0 || h.exceptions == nil {
		t.Fatalf("not prepared: prepared %v, %d root children, exceptions %v", h.prepared.Load(), h.patterns.nRoot, h.exceptions != nil)
	}
	n := 0
	h.memo.Range(func(any, any) bool { n++; return true })
	if n != 0 {
		t.Fatalf("Prepare put %d words into the memo", n)
	}
	for i, w := range words {
		if got := h.Points(w); !slices.Equal(got, want[i]) || len(got) == 0 {
			t.Errorf("%s: points %v after Prepare, %v without", w, got, want[i])
		}
	}
}

// ReadThrough opens the patterns where Prepare did not, and is safe on nil.
func TestReadThrough(t *testing.T) {
	For("xx").ReadThrough()
	h := &Hyphenator{file: For("en").file, leftMin: 2, rightMin: 3}
	h.ReadThrough()
	if h.patterns.nRoot == 0 || h.prepared.Load() {
		t.Fatalf("ReadThrough: %d root children, prepared %v", h.patterns.nRoot, h.prepared.Load())
	}
	if got := h.Points("hyphenation"); len(got) == 0 {
		t.Errorf("hyphenation: no points after ReadThrough")
	}
}
