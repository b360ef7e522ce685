package changes

import (
	"bytes"
	"fmt"
	"regexp"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/BurntSushi/toml"
	"github.com/kepdev/kep/plan"
	planload "github.com/kepdev/kep/plan/load"
	"github.com/kepdev/kep/render/rendertest"
)

// notCompared are the plan keys whose change kep diff does not report on purpose.
var notCompared = map[string]string{
	"format": "the format version: a plan of another format does not load",
}

// reportedAs are keys whose change is reported under another key's path.
var reportedAs = map[string]string{
	"plan.to": "plan.from", // the period, from–to, is one row
}

// TestEveryKeyIsCompared guards the differ against a new key: for every key of the plan
// format it changes that key alone in a full plan and expects kep diff to report a change
// at that key's path. Issue 15: a new list was added, every test passed, and kep diff
// printed "Keine Änderungen".
func TestEveryKeyIsCompared(t *testing.T) {
	var b bytes.Buffer
	if err := toml.NewEncoder(&b).Encode(rendertest.Plan(3, 3, 0, 8)); err != nil {
		t.Fatal(err)
	}
	// plan.Date encodes as a quoted text; a plan writes a bare local date.
	bare := regexp.MustCompile(`(?m)= "(\d{4}-\d{2}-\d{2})"$`)
	base := bare.ReplaceAllString(b.String(), "= $1")
	decode := func(src string) *plan.Plan {
		t.Helper()
		var p plan.Plan
		if _, err := toml.Decode(src, &p); err != nil {
			t.Fatalf("decode: %v", err)
		}
		return &p
	}
	old := decode(base)
	if cs := Compare(old, decode(base), nil, nil); len(cs) != 0 {
		t.Fatalf("the same plan twice gives changes: %v", texts(cs))
	}
	index := regexp.MustCompile(`\[[^\]]*\]`)
	for _, k := range planload.PlanKeys() {
		if k.Table || notCompared[k.Path] != "" {
			continue
		}
		var raw map[string]any
		if _, err := toml.Decode(base, &raw); err != nil {
			t.Fatal(err)
		}
		if !mutate(raw, strings.Split(k.Path, ".")) {
			// Keys the full plan leaves out (brand files) are covered by the hostile
			// plan's own test; nothing to change here.
			continue
		}
		var nb bytes.Buffer
		if err := toml.NewEncoder(&nb).Encode(raw); err != nil {
			t.Fatalf("%s: encode: %v", k.Path, err)
		}
		cs := Compare(old, decode(bare.ReplaceAllString(nb.String(), "= $1")), nil, nil)
		want := k.Path
		if r := reportedAs[want]; r != "" {
			want = r
		}
		found := false
		var paths []string
		for _, c := range cs {
			p := index.ReplaceAllString(c.Path, "")
			paths = append(paths, c.Path)
			if p == want || strings.HasPrefix(want, p+".") || strings.HasPrefix(p, want+".") {
				found = true
			}
		}
		if !found {
			sort.Strings(paths)
			t.Errorf("kep diff does not report a change of %s (render/changes/compare.go); changes: %v", k.Path, paths)
		}
	}
}

// mutate changes the first value at path in a decoded TOML document; false when the
// document holds none.
func mutate(v any, path []string) bool {
	switch x := v.(type) {
	case map[string]any:
		c, ok := x[path[0]]
		if !ok {
			return false
		}
		if len(path) > 1 {
			return mutate(c, path[1:])
		}
		nv, ok := changed(c)
		if ok {
			x[path[0]] = nv
		}
		return ok
	case []map[string]any:
		for _, e := range x {
			if mutate(e, path) {
				return true
			}
		}
	}
	return false
}

// changed returns another value of the same type.
func changed(v any) (any, bool) {
	switch x := v.(type) {
	case string:
		return x + " (geändert)", true
	case int64:
		return x + 1, true
	case float64:
		return x + 1, true
	case bool:
		return !x, true
	case time.Time:
		// A local date decodes as a time in the library's local-date location, and
		// encodes back as a local date.
		return x.AddDate(0, 0, 1), true
	case []any:
		return append(append([]any{}, x...), fmt.Sprint("neu ", len(x))), true
	case map[string]any:
		// A table of id → points: the first entry moves by one point.
		ks := make([]string, 0, len(x))
		for k := range x {
			ks = append(ks, k)
		}
		sort.Strings(ks)
		if len(ks) == 0 {
			return nil, false
		}
		m := map[string]any{}
		for k, e := range x {
			m[k] = e
		}
		nv, ok := changed(x[ks[0]])
		m[ks[0]] = nv
		return m, ok
	}
	return nil, false
}
