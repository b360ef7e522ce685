package load

import (
	"math"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/kepdev/kep/plan"
)

// FuzzFill holds fill to the TOML library's decoder on any input, also on what the schema
// walk would refuse: where fill decides, its Plan and Workspace equal the library's.
//
//	go test -run X -fuzz FuzzFill -fuzztime 1m -fuzzminimizetime 5s .
func FuzzFill(f *testing.F) {
	for _, pattern := range []string{"../../samples/*.toml", "../../samples/*/*.toml", "../testdata/*/*.toml", "../testdata/*/*/*.toml"} {
		m, _ := filepath.Glob(pattern)
		for _, p := range m {
			if b, err := os.ReadFile(p); err == nil {
				f.Add(b)
			}
		}
	}
	for _, c := range planCases {
		f.Add([]byte(c.plan))
	}
	for _, c := range workspaceCases {
		f.Add([]byte(c.ws))
	}
	f.Add([]byte(header + "[scorecard]\nweights = {}\n[selection]\nrevenue = 9007199254740992\nattractiveness = {}\n[[value]]\nid = 'a'\nname = 'b'\nbenefits = []\n"))
	f.Fuzz(func(t *testing.T, src []byte) {
		d, _ := decodeRaw("p.toml", src)
		if d == nil {
			return
		}
		for _, zero := range []func() any{func() any { return &plan.Plan{} }, func() any { return &plan.Workspace{} }} {
			got, want := zero(), zero()
			if fillInto(got, d.raw) != nil {
				continue // the library decodes this one itself
			}
			if err := d.library(); err != nil {
				t.Fatalf("fastParse took what the library refuses (%v)", err)
			}
			if err := d.md.PrimitiveDecode(d.root, want); err != nil {
				t.Fatalf("fill decoded what the library refuses (%v)", err)
			}
			if !sameValue(reflect.ValueOf(got), reflect.ValueOf(want)) {
				t.Fatalf("fill and library differ:\n%#v\n%#v", got, want)
			}
		}
	})
}

// sameValue is reflect.DeepEqual with NaN equal to NaN (a TOML nan decodes to it).
func sameValue(a, b reflect.Value) bool {
	if a.Kind() != b.Kind() || a.Type() != b.Type() {
		return false
	}
	switch a.Kind() {
	case reflect.Pointer, reflect.Interface:
		if a.IsNil() || b.IsNil() {
			return a.IsNil() == b.IsNil()
		}
		return sameValue(a.Elem(), b.Elem())
	case reflect.Struct:
		for i := range a.NumField() {
			if !sameValue(a.Field(i), b.Field(i)) {
				return false
			}
		}
		return true
	case reflect.Slice:
		if a.IsNil() != b.IsNil() || a.Len() != b.Len() {
			return false
		}
		for i := range a.Len() {
			if !sameValue(a.Index(i), b.Index(i)) {
				return false
			}
		}
		return true
	case reflect.Array: // Plan.examples, set by the loader only
		for i := range a.Len() {
			if !sameValue(a.Index(i), b.Index(i)) {
				return false
			}
		}
		return true
	case reflect.Map:
		if a.IsNil() != b.IsNil() || a.Len() != b.Len() {
			return false
		}
		for _, k := range a.MapKeys() {
			if e := b.MapIndex(k); !e.IsValid() || !sameValue(a.MapIndex(k), e) {
				return false
			}
		}
		return true
	case reflect.Float64:
		x, y := a.Float(), b.Float()
		return x == y || math.IsNaN(x) && math.IsNaN(y)
	case reflect.String:
		return a.String() == b.String()
	case reflect.Bool:
		return a.Bool() == b.Bool()
	case reflect.Int, reflect.Int64:
		return a.Int() == b.Int()
	}
	panic("sameValue: " + a.Kind().String())
}
