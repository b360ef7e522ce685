package load

import "testing"

// Where fill leaves a value to the library (2^53 passes the walk, but the library puts
// integers into float64 only up to 2^53 - 1), the library's own message stands.
func TestFillLeavesToLibrary(t *testing.T) {
	_, ds := load(t, "", header+"[selection]\nrevenue = 9007199254740992\n")
	diffLines(t, messages(ds, false), []string{
		"/ws/p.toml:7:11: selection.revenue: 9007199254740992 is out of the safe float64 range",
	})
}
