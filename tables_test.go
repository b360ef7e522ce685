package kep

import (
	"strings"
	"testing"

	"github.com/kepdev/kep/internal/adversary"
)

// TestMaxTables: files of deep table headers or deep inline tables within 2 MiB are
// refused before the TOML library builds them (it took 10 s and 1 GB, 5 s and 1.2 GB).
func TestMaxTables(t *testing.T) {
	for _, name := range []string{"table-headers", "inline-tables"} {
		c, _ := adversary.Find(name)
		_, ds := (&Loader{}).LoadPlanBytes("/nowhere/p.toml", c.Plan(c.Full))
		if len(ds) != 1 || ds[0].Line == 0 || !strings.HasPrefix(ds[0].Message, "too many tables or tables too deep: more than 250000") {
			t.Errorf("%s: got %v", name, ds)
		}
	}
}

// TestTablesWeight checks the count on small files, and that a long plan of shallow rows
// stays far below the limit.
func TestTablesWeight(t *testing.T) {
	for _, tc := range []struct {
		src  string
		want int
	}{
		{"[a]\n[a.b.c]\n[[d]]\n[[d]]\n", 1 + 6 + 1 + 1},
		{"[a]\nx = { y = { z = 1 } }\n", 1 + 2 + 3},
		{"[a]\nb.c.d = 1\n", 1 + 2 + 3},
		{"x = '[a.b.c]'\n# [d.e.f]\n", 0},
	} {
		if got := tablesWeight([]byte(tc.src)); got != tc.want {
			t.Errorf("%q: weight %d, want %d", tc.src, got, tc.want)
		}
	}
	c, _ := adversary.Find("contacts-chain")
	if w := tablesWeight(c.Plan(10000)); w > MaxTables/10 {
		t.Errorf("10,000 contacts weigh %d", w)
	}
}
