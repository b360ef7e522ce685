package load

import (
	"strings"
	"testing"

	"github.com/kepdev/kep/internal/adversary"
)

// TestMaxTables: files of deep table headers, deep inline tables, keys under a deep
// header or just very many tables within 2 MiB are refused before the TOML library
// builds them (it took 10 s and 1 GB, 5 s and 1.2 GB, 3 s and 0.5 GB).
func TestMaxTables(t *testing.T) {
	for _, name := range []string{"table-headers", "inline-tables", "keys-deep", "rows-shallow"} {
		c, _ := adversary.Find(name)
		_, ds := (&Loader{}).LoadPlanBytes("/nowhere/p.toml", c.Plan(c.Full))
		if len(ds) != 1 || ds[0].Line == 0 || !strings.HasPrefix(ds[0].Message, "too many tables or keys nested too deep: more than the limit of 200000") {
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
		{"[a]\n[a.b.c]\n[[d]]\n[[d]]\n", 4},
		{"[a]\nx = { y = { z = 1 } }\n", 3},
		{"[a]\nb.c.d = 1\n", 3},
		{"[a.b.c.d.e.f]\nv = 1\nw = { x = 1 }\n", (1 + 1 + 2) + 3 + (3 + 1 + 3) + 4},
		{"x = '[a.b.c]'\n# [d.e.f]\n", 0},
	} {
		if got := tablesWeight([]byte(tc.src)); got != tc.want {
			t.Errorf("%q: weight %d, want %d", tc.src, got, tc.want)
		}
	}
	c, _ := adversary.Find("contacts-and-actions")
	if w := tablesWeight(c.Plan(10000)); w != 20001 {
		t.Errorf("10,000 contacts and actions weigh %d, want 20001 (and [plan])", w)
	}
}
