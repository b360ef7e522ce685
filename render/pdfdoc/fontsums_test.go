package pdfdoc

import (
	"crypto/sha1"
	"encoding/hex"
	"testing"
)

// TestBuiltinSums: the sums kep tells fpdf are the built-in fonts' (a wrong one would name
// a font wrongly in every document). After changing a font, copy the sums printed here
// into builtinSums.
func TestBuiltinSums(t *testing.T) {
	for _, s := range builtinSums() {
		sum := sha1.Sum(s.data)
		if got := hex.EncodeToString(sum[:]); got != s.sum {
			t.Errorf("%s: builtinSums says %q, the bytes' SHA-1 is %q", s.name, s.sum, got)
		}
	}
}
