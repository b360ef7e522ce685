package load

import (
	"strings"
	"testing"
)

// A8: a German thousands group (8.000 = eight thousand) is read by TOML as 8; money and
// counts warn with the value meant, percentages and points only for a dot followed by 000.
func TestThousandsDot(t *testing.T) {
	const head = "format = 1\nlang = \"de\"\n[plan]\naccount = \"A\"\nfrom = 2027-01-01\nto = 2027-12-31\n"
	for _, c := range []struct {
		body string
		want string // "" for no finding
		err  bool
	}{
		{"[selection]\nrevenue = 8.000\n", "selection.revenue: 8.000 is read as 8; if you mean 8000, write 8000 or 8_000", false},
		{"[selection]\nrevenue = 1.250 # Tsd.\n", "1.250 is read as 1.25; if you mean 1250, write 1250 or 1_250", false},
		{"[selection]\nrevenue = 8.0\n", "", false},
		{"[selection]\nrevenue = 8.5\n", "", false},
		{"[selection]\nrevenue = 8000.000\n", "", false},
		{"[selection]\nrevenue = 0.500\n", "", false},
		{"[selection]\nrevenue = 8_000\n", "", false},
		{"[selection]\nvisits = 1.200\n", "selection.visits: want a whole number, not 1.2; 1.200 is read as 1.2; if you mean 1200", true},
		{"[selection.attractiveness]\nrevenue = 5.000\n", "selection.attractiveness.revenue: 5.000 is read as 5; if you mean 5000", false},
		{"[selection.attractiveness]\nrevenue = 5.250\n", "", false},
		{"[scorecard.weights]\nfinance = 12.500\n", "", false},
		{"[scorecard.weights]\nfinance = 12.000\n", "scorecard.weights.finance: 12.000 is read as 12; if you mean 12000", false},
		{"[[value]]\nid = \"v\"\nname = \"V\"\nbenefits = [{item = \"x\", amount = 12.500}]\n", "value[0].benefits[0].amount: 12.500 is read as 12.5", false},
	} {
		_, ds := load(t, "", head+c.body)
		var got []string
		for _, d := range ds {
			if strings.Contains(d.Message, "is read as") {
				got = append(got, d.String())
				if d.Warning == c.err {
					t.Errorf("%q: warning=%v, want error=%v: %s", c.body, d.Warning, c.err, d)
				}
			}
		}
		switch {
		case c.want == "" && len(got) > 0:
			t.Errorf("%q: unexpected %q", c.body, got)
		case c.want != "" && (len(got) != 1 || !strings.Contains(got[0], c.want)):
			t.Errorf("%q: got %q, want one finding with %q", c.body, got, c.want)
		}
	}
}
