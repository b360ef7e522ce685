package fonts

import (
	"sync"
	"testing"
)

// Kerning is shared by the documents a process writes at once (kep render writes a
// plan's formats, and several plans, in parallel): goroutines that fill its remembered
// pairs and glyph blocks together get what one Kerning alone gives. Run with -race (make
// test does) to check the rows and blocks are published safely.
func TestKerningConcurrent(t *testing.T) {
	runes := []rune{' ', 'A', 'T', 'V', 'W', 'Y', 'a', 'e', 'o', 'r', 'y', '.', ',', 'Ä', 'ö', 'é', 'Ł', 'ſ',
		'Ɛ', 'Ω', 'Ж', '–', '„', '“', '€', '→'}
	alone := NewKerning(Regular())
	want := map[[2]rune]int{}
	kerned := 0
	for _, a := range runes {
		for _, b := range runes {
			want[[2]rune{a, b}] = alone.Pair(a, b)
			if want[[2]rune{a, b}] != 0 {
				kerned++
			}
		}
	}
	if kerned == 0 {
		t.Fatal("no pair kerned: the test compares nothing")
	}
	shared := NewKerning(Regular())
	var wg sync.WaitGroup
	errs := make(chan string, 8)
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for round := 0; round < 3; round++ {
				for i := range runes {
					a := runes[(i+g)%len(runes)] // each goroutine starts elsewhere
					for _, b := range runes {
						if got := shared.Pair(a, b); got != want[[2]rune{a, b}] {
							errs <- string([]rune{a, b})
							return
						}
					}
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Errorf("pair %q differs from the kerning of a Kerning used alone", e)
	}
}
