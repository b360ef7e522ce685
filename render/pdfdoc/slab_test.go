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

// TestLinesShareTheWords: a line of the words as they are is a slice of them, not a
// copy; a line with a hyphenated piece is a copy; the drawn text is the same either way.
func TestLinesShareTheWords(t *testing.T) {
	w := hyphenWriter(t, "de")
	ts := body(ink)
	src := "Der Plan sieht vor, die Instandhaltungsplanung mit dem Kunden bis zum Ende des Quartals zu übernehmen und danach auszubauen."
	ws := w.words(plain(src), ts)
	shared, copied := 0, 0
	for _, maxW := range []float64{20, 35, 60, 120} {
		var got []string
		for _, l := range w.wrapWords(ws, ts, maxW) {
			got = append(got, lineText(l))
			in := -1
			for j := range ws {
				if &ws[j] == &l.words[0] {
					in = j
				}
			}
			if in < 0 {
				copied++
				piece := false // a copy holds a hyphenated piece: fragments not the words'
				for _, wd := range l.words {
					own := false
					for j := range ws {
						own = own || &ws[j].frags[0] == &wd.frags[0]
					}
					piece = piece || !own
				}
				if !piece {
					t.Errorf("maxW %g: line %q copied, and has no hyphenated piece", maxW, lineText(l))
				}
				continue
			}
			shared++
			for k, wd := range l.words {
				if &ws[in+k] != &l.words[k] || len(wd.frags) != len(ws[in+k].frags) {
					t.Fatalf("maxW %g: line %q is not words %d…", maxW, lineText(l), in)
				}
			}
			if cap(l.words) != len(l.words) {
				t.Errorf("maxW %g: line %q not capped", maxW, lineText(l))
			}
		}
		if s := strings.Join(got, " "); strings.ReplaceAll(s, "- ", "") != src && !strings.Contains(s, "-") {
			t.Errorf("maxW %g: %q", maxW, s)
		}
	}
	if shared == 0 || copied == 0 {
		t.Errorf("%d lines shared, %d copied: want both", shared, copied)
	}
}
