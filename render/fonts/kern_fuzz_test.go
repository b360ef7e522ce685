package fonts_test

import (
	"testing"
	"time"

	"github.com/kepdev/kep/render/fonts"
	"github.com/kepdev/kep/render/fonts/fontstest"
)

// FuzzKerning: Noto Sans's GPOS table with byte edits (four bytes each: an offset,
// big-endian, modulo the table's length, and the new byte; a byte left over cuts the
// table to that many 256ths) in Go Regular: NewKerning neither panics nor
// takes long, and each pair's kerning is within ±100 em and the same when asked again.
//
//	go test -run X -fuzz FuzzKerning -fuzztime 1m ./render/fonts
func FuzzKerning(f *testing.F) {
	noto, err := fonts.Tables(fonts.Regular())
	if err != nil {
		f.Fatal(err)
	}
	gpos := noto["GPOS"]
	f.Add([]byte{})
	f.Add([]byte{0, 0, 9, 0x40})    // the lookup list's offset
	f.Add([]byte{0, 0, 7, 0xff})    // the feature list's offset
	f.Add([]byte{0, 1, 0x20, 0x7f}) // somewhere in the lists
	f.Add([]byte{0, 0, 0, 1, 0x80})
	runes := []rune("AVTaWoyr.,ÄÖüßéŁĳЖДΑΩ“„–fi")
	f.Fuzz(func(t *testing.T, edits []byte) {
		g := append([]byte(nil), gpos...)
		for ; len(edits) >= 4; edits = edits[4:] {
			g[(int(edits[0])<<16|int(edits[1])<<8|int(edits[2]))%len(g)] = edits[3]
		}
		if len(edits) > 0 {
			g = g[:max(1, len(g)*(int(edits[0])+1)/256)]
		}
		font := fontstest.WithTables(map[string][]byte{"GPOS": g})
		start := time.Now()
		k := fonts.NewKerning(font)
		for _, a := range runes {
			for _, b := range runes {
				v := k.Pair(a, b)
				if again := k.Pair(a, b); again != v || v > 100_000 || v < -100_000 {
					t.Fatalf("Pair(%c, %c) = %d, then %d", a, b, v, again)
				}
			}
		}
		if d := time.Since(start); d > 2*time.Second {
			t.Fatalf("NewKerning and %d pairs: %v", len(runes)*len(runes), d)
		}
	})
}
