package rendertest

import (
	"bytes"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/BurntSushi/toml"
	"github.com/kepdev/kep/plan/load"
)

// notInHostile are the plan keys the hostile plan leaves out on purpose: files that must
// exist beside the plan (the asset tests of render/pdfdoc and render/htmldoc give them
// hostile logos and fonts of their own).
var notInHostile = map[string]bool{
	"brand.logo": true, "brand.font": true, "brand.font_bold": true,
	"brand.font_italic": true, "brand.font_bold_italic": true, "brand.font_fallback": true,
}

// TestHostileCoversSchema guards the writers' hostile tests against a new key: every key
// of the plan format must hold a value in the hostile plan, and every key that holds
// text written by the user must hold the hostile marker in at least one place. A key
// added to the schema but not here fails (issue 15: three traps no test caught).
func TestHostileCoversSchema(t *testing.T) {
	var b bytes.Buffer
	if err := toml.NewEncoder(&b).Encode(Plan(3, 3, 1, 10)); err != nil {
		t.Fatal(err)
	}
	var raw map[string]any
	if _, err := toml.Decode(b.String(), &raw); err != nil {
		t.Fatal(err)
	}
	keys := load.PlanKeys()
	if len(keys) < 100 {
		t.Fatalf("PlanKeys lists %d keys; the schema has far more", len(keys))
	}
	for _, k := range keys {
		if notInHostile[k.Path] {
			continue
		}
		// The encoder writes an empty text as ""; that is no value.
		vs := slices.DeleteFunc(valuesAt(raw, strings.Split(k.Path, ".")), func(v any) bool { return v == "" })
		if len(vs) == 0 {
			t.Errorf("the hostile plan (render/rendertest/hostile.go) sets no value for %s", k.Path)
			continue
		}
		if k.Text && !k.Table && !anyHolds(vs, Marker) {
			t.Errorf("%s holds no hostile text in the hostile plan: %v", k.Path, vs)
		}
	}
}

func anyHolds(vs []any, marker string) bool {
	for _, v := range vs {
		if strings.Contains(fmt.Sprint(v), marker) {
			return true
		}
	}
	return false
}

// valuesAt returns the values at path in a decoded TOML document, looking into every
// element of an array of tables.
func valuesAt(v any, path []string) []any {
	if len(path) == 0 {
		return []any{v}
	}
	switch x := v.(type) {
	case map[string]any:
		if c, ok := x[path[0]]; ok {
			return valuesAt(c, path[1:])
		}
	case []map[string]any:
		var out []any
		for _, e := range x {
			out = append(out, valuesAt(e, path)...)
		}
		return out
	case []any:
		var out []any
		for _, e := range x {
			out = append(out, valuesAt(e, path)...)
		}
		return out
	}
	return nil
}
