package load

import (
	"fmt"
	"strings"
	"testing"
)

func TestLoadNotAFile(t *testing.T) {
	for _, path := range []string{"testdata", "/dev/zero", "../testdata/missing.toml"} {
		p, ds := (&Loader{}).LoadPlan(path)
		if p != nil || !ds.HasErrors() {
			t.Errorf("%s: want an error and no plan", path)
		}
	}
}

// Hostile shapes within the size limit are refused quickly, not after minutes in the
// TOML library.
func TestNesting(t *testing.T) {
	deep := header + "[selection]\nattractiveness = " + strings.Repeat("[", 500_000) + strings.Repeat("]", 500_000) + "\n"
	inline := header + "a = " + strings.Repeat("{b = ", 300_000) + "1" + strings.Repeat("}", 300_000) + "\n"
	ok := header + "# [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[\nsummary = \"\"\"\n" + strings.Repeat("{", 100) + "\n\"\"\"\n" +
		"[offering]\n[[offering.profile]]\ncriterion = \"q\"\nweight = 100\nown = 5\ncompetitors = { a = 4 }\n[[competitors]]\nid = 'a'\nname = '[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[['\n"
	for _, c := range []struct{ src, want string }{
		{deep, "/ws/p.toml:7:1: arrays, inline tables or dotted keys nest more than 32 deep"},
		{inline, "/ws/p.toml:6:1: arrays, inline tables or dotted keys nest more than 32 deep"},
		{header + "[" + strings.Repeat("a.", 300_000) + "a]\n", "/ws/p.toml:6:1: arrays, inline tables or dotted keys nest more than 32 deep"},
		{header + strings.Repeat("a.", 300_000) + "a = 1\n", "/ws/p.toml:6:1: arrays, inline tables or dotted keys nest more than 32 deep"},
		{header + "x = [{" + strings.Repeat("a.", 300_000) + "a = 1}]\n", "/ws/p.toml:6:1: arrays, inline tables or dotted keys nest more than 32 deep"},
		{ok, ""},
	} {
		_, ds := load(t, "", c.src)
		if got := strings.Join(messages(ds, false), "\n"); got != c.want {
			t.Errorf("got %q, want %q", got, c.want)
		}
	}
	// Floats in a multi-line array are not dotted keys.
	if line := checkNesting([]byte("a = [\n" + strings.Repeat("1.5, 2.5, ", 40) + "\n]\nb = { c = 1.5, d.e = 2.5 }\n")); line != 0 {
		t.Errorf("floats taken for keys at line %d", line)
	}
}

// A file of mistakes gets the first MaxErrors messages and a note. (Speed is measured by
// the benchmarks, never asserted: a loaded CI machine must not fail a test.)
func TestMaxErrors(t *testing.T) {
	var b strings.Builder
	b.WriteString(header)
	for i := 0; i < 50_000; i++ {
		fmt.Fprintf(&b, "k%d = 1\n", i)
	}
	_, ds := load(t, "", b.String())
	errs := messages(ds, false)
	if len(errs) != MaxErrors+1 || errs[0] != "/ws/p.toml: more than 1000 errors; showing the first 1000" ||
		!strings.HasPrefix(errs[1], "/ws/p.toml:6:1: plan.k0: unknown key") {
		t.Errorf("%d errors: %q … %q", len(errs), errs[0], errs[1])
	}
}

// A circle of 9,000 contacts is found in linear time and named briefly.
func TestLongCircle(t *testing.T) {
	var b strings.Builder
	b.WriteString(header)
	for i := 0; i < 9000; i++ {
		fmt.Fprintf(&b, "[[contacts]]\nid = \"c%d\"\nname = \"N\"\ninfluence = 1\nattitude = \"neutral\"\nreports_to = \"c%d\"\n", i, (i+1)%9000)
	}
	_, ds := load(t, "", b.String())
	diffLines(t, messages(ds, false), []string{
		"/ws/p.toml:11:1: contacts[0].reports_to: reports_to goes round in a circle: c0 → c1 → c2 → c3 → c4 → c5 → … → c0 (9000 contacts)",
	})
}
