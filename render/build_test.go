package render

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/kepdev/kep"
)

var testNow = time.Date(2027, 4, 30, 0, 0, 0, 0, time.UTC)

func loadSample(t testing.TB, path string) (*kep.Plan, *kep.Figures) {
	t.Helper()
	l := &kep.Loader{Now: testNow}
	p, diags := l.LoadPlan(path)
	if diags.HasErrors() {
		t.Fatalf("load %s: %v", path, diags)
	}
	return p, kep.Compute(p, testNow)
}

// outline prints the document's sections and block types, for a quick look and a golden.
func outline(d *Document) string {
	var b strings.Builder
	d.Walk(func(s *Section) {
		fmt.Fprintf(&b, "%s%s [%s]\n", strings.Repeat("  ", s.Level-1), s.Heading(), s.ID)
		for _, bl := range s.Blocks {
			fmt.Fprintf(&b, "%s  - %T\n", strings.Repeat("  ", s.Level-1), bl)
		}
	})
	return b.String()
}

func TestBuildSample(t *testing.T) {
	p, f := loadSample(t, "../samples/accounts/hansa.toml")
	d, err := Build(p, f, Options{Now: testNow, KepVersion: "test"})
	if err != nil {
		t.Fatal(err)
	}
	if testing.Verbose() {
		t.Log("\n" + outline(d))
	}
}
