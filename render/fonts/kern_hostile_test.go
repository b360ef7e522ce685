package fonts_test

import (
	"runtime"
	"testing"
	"time"

	"github.com/kepdev/kep/render/fonts"
	"github.com/kepdev/kep/render/fonts/fontstest"
)

// newKerningBounded is NewKerning of a hostile font, which must take little time and
// memory whatever its GPOS table lists.
func newKerningBounded(t *testing.T, name string, font []byte) *fonts.Kerning {
	t.Helper()
	var m0, m1 runtime.MemStats
	runtime.ReadMemStats(&m0)
	start := time.Now()
	k := fonts.NewKerning(font)
	d := time.Since(start)
	runtime.ReadMemStats(&m1)
	mb := float64(m1.TotalAlloc-m0.TotalAlloc) / 1e6
	t.Logf("%s: %d bytes of font, NewKerning %v, %.1f MB", name, len(font), d, mb)
	if mb > 16 || d > 3*time.Second {
		t.Errorf("%s: NewKerning took %v and %.1f MB", name, d, mb)
	}
	return k
}

// TestKerningHostileGPOS: GPOS tables whose 16-bit offsets list the same tables again
// and again (30,000 lookups of 30,000 subtables; 10,900 feature records of 65,535
// lookup indices) are refused quickly instead of read for minutes into gigabytes
// (1,000 lookups of 1,000 subtables took 5 s and 690 MB; now at most 256 pair subtables
// are read), and a pair's kerning summed
// over many lookups is the same each time Pair is asked (the memo's int32).
func TestKerningHostileGPOS(t *testing.T) {
	fanFont := fontstest.WithTables(map[string][]byte{"GPOS": fontstest.GPOSFanOut(30000, 30000, -50)})
	if err := fonts.Check(fanFont); err != nil { // kep validate lets it through to the writers
		t.Fatalf("fonts.Check: %v", err)
	}
	fan := newKerningBounded(t, "fan-out", fanFont)
	if p := fan.Pair('A', 'V'); p != 0 {
		t.Errorf("fan-out: Pair(A, V) = %d, want 0 (too many subtables: no GPOS kerning)", p)
	}
	loop := newKerningBounded(t, "feature loop", fontstest.WithTables(map[string][]byte{"GPOS": fontstest.GPOSFeatureLoop(10900, 65535)}))
	loop.Pair('A', 'V')
	// Within the bounds: 250 lookups of one subtable kern every pair.
	ok := newKerningBounded(t, "250 lookups", fontstest.WithTables(map[string][]byte{"GPOS": fontstest.GPOSFanOut(250, 1, -1)}))
	if p := ok.Pair('A', 'V'); p != -122 { // -250 units at 2048 per em
		t.Errorf("250 lookups: Pair(A, V) = %d, want -122", p)
	}
	// Past them (more than 256 pair subtables): no GPOS kerning at all.
	over := newKerningBounded(t, "300 lookups", fontstest.WithTables(map[string][]byte{"GPOS": fontstest.GPOSFanOut(300, 1, -1)}))
	if p := over.Pair('A', 'V'); p != 0 {
		t.Errorf("300 lookups: Pair(A, V) = %d, want 0", p)
	}
	huge := newKerningBounded(t, "huge", fontstest.WithTables(map[string][]byte{
		"head": fontstest.Head(16), "GPOS": fontstest.GPOSFanOut(250, 1, 32767)}))
	for _, r := range [][2]rune{{'A', 'V'}, {'Ж', 'Ж'}, {'a', 'Ж'}} {
		first := huge.Pair(r[0], r[1])
		if again := huge.Pair(r[0], r[1]); again != first || first <= 0 || first > 100_000 {
			t.Errorf("huge: Pair(%c, %c) = %d, then %d; want the same, in (0, 100 em]", r[0], r[1], first, again)
		}
	}
}

// TestCheckGPOSCutShort: sfnt.Parse panics on a GPOS table cut short (x/image reads its
// lookup list past the end); Check refuses the font instead, and NewKerning and Load
// give nothing rather than panic.
func TestCheckGPOSCutShort(t *testing.T) {
	noto, err := fonts.Tables(fonts.Regular())
	if err != nil {
		t.Fatal(err)
	}
	for n := 10; n < 400; n += 2 {
		font := fontstest.WithTables(map[string][]byte{"GPOS": noto["GPOS"][:n]})
		err := fonts.Check(font)
		fonts.NewKerning(font)
		fonts.Load(font)
		if n == 100 && err == nil {
			t.Errorf("GPOS cut at %d bytes: Check accepts the font", n)
		}
	}
}
