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

// Cache does nothing before Prepare is through (no patterns opened, no pages faulted
// in on the caller's core), and on nil; after it, the points are the same.
func TestCache(t *testing.T) {
	For("xx").Cache()
	h := &Hyphenator{file: For("en").file, leftMin: 2, rightMin: 3}
	h.Cache()
	if h.patterns.nRoot != 0 || h.prepared.Load() || h.ready.Load() {
		t.Fatalf("Cache before Prepare opened the patterns: %d root children", h.patterns.nRoot)
	}
	want := (&Hyphenator{file: For("en").file, leftMin: 2, rightMin: 3}).Points("hyphenation")
	h.Prepare()
	if !h.ready.Load() {
		t.Fatal("Prepare is through, not ready")
	}
	h.Cache()
	if got := h.Points("hyphenation"); !slices.Equal(got, want) || len(got) == 0 {
		t.Errorf("hyphenation: points %v after Cache, %v without", got, want)
	}
}
