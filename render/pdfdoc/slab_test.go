package pdfdoc

import (
	"fmt"
	"strings"
	"testing"
)

// TestSlab: slices from a slab never share memory: a kept slice is capped (an append
// copies), what a grab did not use is handed out next, and a grab whose room was
// exceeded (the slice moved) keeps all its room.
func TestSlab(t *testing.T) {
	var s slab[int]
	a := s.grab(4)
	a = append(a, 1, 2)
	a = s.keep(a)
	if len(a) != 2 || cap(a) != 2 {
		t.Fatalf("kept len %d cap %d", len(a), cap(a))
	}
	b := s.keep(append(s.grab(3), 7, 8, 9))
	if &b[0] != &s.buf[2] {
		t.Error("the room a grab did not use was not handed out next")
	}
	a = append(a, 3) // copies: b is untouched
	if fmt.Sprint(b) != "[7 8 9]" || fmt.Sprint(a) != "[1 2 3]" {
		t.Errorf("a %v, b %v", a, b)
	}
	c := s.grab(1)
	c = s.keep(append(c, 4, 5, 6)) // beyond its room: moved
	d := s.keep(append(s.grab(2), 10, 11))
	if fmt.Sprint(b, c, d) != "[7 8 9] [4 5 6] [10 11]" {
		t.Errorf("b %v, c %v, d %v", b, c, d)
	}
	big := s.keep(append(s.grab(slabLen+1), make([]int, slabLen+1)...))
	if len(big) != slabLen+1 {
		t.Errorf("a grab beyond slabLen: %d", len(big))
	}
}

// TestWrapFromSlabs: texts wrapped one after another from an engine's slabs give the
// lines a fresh engine gives each, and wrapping them again changes none of the lines
// made before.
func TestWrapFromSlabs(t *testing.T) {
	w := hyphenWriter(t, "de")
	texts := []string{
		"Der Kundenentwicklungsplan für das Geschäftsjahr 2027 sieht vor, die Instandhaltungsplanung zu übernehmen.",
		"kurz",
		"Co-Engineering-Projekte\nmit\n\nLeerzeilen und Zeilenumbrüchen",
		strings.Repeat("Lieferantenkonsolidierung ", 40),
		"",
	}
	ts := body(ink)
	text := func(ls []line) string {
		var b []string
		for _, l := range ls {
			b = append(b, lineText(l))
		}
		return strings.Join(b, "|")
	}
	var made [][]line
	var want []string
	for round := 0; round < 3; round++ {
		for _, s := range texts {
			for _, maxW := range []float64{15, 40, 170} {
				fresh := hyphenWriter(t, "de")
				ls := w.wrapWords(w.words(plain(s), ts), ts, maxW)
				if got, exp := text(ls), text(fresh.wrapWords(fresh.words(plain(s), ts), ts, maxW)); got != exp {
					t.Fatalf("%q at %g: %q, fresh %q", s, maxW, got, exp)
				}
				made, want = append(made, ls), append(want, text(ls))
			}
		}
	}
	for i, ls := range made {
		if got := text(ls); got != want[i] {
			t.Errorf("lines %d changed: %q, were %q", i, got, want[i])
		}
	}
}
