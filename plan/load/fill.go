package load

import (
	"errors"
	"reflect"
	"sync"

	"github.com/kepdev/kep/plan"
)

// fill sets the plan and workspace structs from a parsed file that the schema walk has
// checked, in place of the TOML library's decoder. The library's decoder is general:
// for every value it boxes it into an interface, tests it for unmarshalers, builds its
// key path as a string for MetaData.Undecoded (which kep never asks), and finds struct
// fields by comparing each name, case-insensitively too — a fifth of a plan's load.
// Here each struct's fields are looked up once per type, by their toml tag.
//
// fill handles only what the model needs and what the walk lets through; on anything
// else (a type mismatch, an integer no float64 holds exactly, a key without an exactly
// named field) it returns errLeftToLibrary and the caller decodes with the library,
// which then gives its own value or its own error. So the result is always the
// library's: FuzzFill compares the two.

// errLeftToLibrary is fill's answer where it does not decide; never shown to the user.
var errLeftToLibrary = errors.New("left to the TOML library")

// maxExactInt is the largest integer the library puts into a float64 (2^53 - 1).
const maxExactInt = 1<<53 - 1

var dateType = reflect.TypeFor[plan.Date]()

//go:generate go test -run ^TestModelFieldsIsCurrent$ -update .

// modelFields holds, for every struct type of the model, its fields by toml key. It is
// nil when the model holds a type that fill does not know how to decode as the library
// does (then the library decodes everything). The table is made at build time
// (fill_gen.go) from the model's types by reflection (modelFieldsOf in fill_test.go;
// TestModelFieldsIsCurrent fails when the model changes without it): walking 40 types
// by reflection took ~0.2 ms of every render and up to 1 ms in a test process
// (issue 19).
var modelFields = sync.OnceValue(modelFieldsTable)

// fillInto sets *v (a pointer to a zero Plan or Workspace) from the table root.
func fillInto(v any, root map[string]any) error {
	fields := modelFields()
	if fields == nil {
		return errLeftToLibrary
	}
	return fillValue(fields, reflect.ValueOf(v).Elem(), root)
}

// fillValue sets v from the parsed TOML value data as the library's decoder would.
func fillValue(fields map[reflect.Type]map[string]int, v reflect.Value, data any) error {
	if v.Type() == dateType {
		if v.Addr().Interface().(*plan.Date).UnmarshalTOML(data) != nil {
			return errLeftToLibrary // for the library's wording and position
		}
		return nil
	}
	switch v.Kind() {
	case reflect.Pointer:
		if v.IsNil() {
			v.Set(reflect.New(v.Type().Elem())) // as the library: allocated before decoding
		}
		return fillValue(fields, v.Elem(), data)
	case reflect.String:
		s, ok := data.(string)
		if !ok {
			return errLeftToLibrary
		}
		v.SetString(s)
	case reflect.Bool:
		b, ok := data.(bool)
		if !ok {
			return errLeftToLibrary
		}
		v.SetBool(b)
	case reflect.Int:
		n, ok := data.(int64)
		if !ok {
			return errLeftToLibrary
		}
		v.SetInt(n)
	case reflect.Float64:
		switch x := data.(type) {
		case float64:
			v.SetFloat(x)
		case int64:
			if x < -maxExactInt || x > maxExactInt {
				return errLeftToLibrary
			}
			v.SetFloat(float64(x))
		default:
			return errLeftToLibrary
		}
	case reflect.Slice:
		return fillSlice(fields, v, data)
	case reflect.Map:
		table, ok := data.(map[string]any)
		if !ok {
			return errLeftToLibrary
		}
		if v.IsNil() {
			v.Set(reflect.MakeMapWithSize(v.Type(), len(table)))
		}
		elem := v.Type().Elem()
		for k, x := range table {
			e := reflect.New(elem).Elem()
			if err := fillValue(fields, e, x); err != nil {
				return err
			}
			v.SetMapIndex(reflect.ValueOf(k).Convert(v.Type().Key()), e)
		}
	case reflect.Struct:
		byKey := fields[v.Type()]
		table, ok := data.(map[string]any)
		if !ok || byKey == nil {
			return errLeftToLibrary
		}
		for k, x := range table {
			i, ok := byKey[k]
			if !ok {
				return errLeftToLibrary // the library ignores it or matches it case-insensitively
			}
			if err := fillValue(fields, v.Field(i), x); err != nil {
				return err
			}
		}
	default:
		return errLeftToLibrary
	}
	return nil
}

// fillSlice sets a slice from an array or an array of tables: a new slice of the
// array's length, also for an empty array (not nil), as the library makes it.
func fillSlice(fields map[reflect.Type]map[string]int, v reflect.Value, data any) error {
	switch x := data.(type) {
	case []any:
		v.Set(reflect.MakeSlice(v.Type(), len(x), len(x)))
		for i, e := range x {
			if err := fillValue(fields, v.Index(i), e); err != nil {
				return err
			}
		}
	case []map[string]any:
		v.Set(reflect.MakeSlice(v.Type(), len(x), len(x)))
		for i, e := range x {
			if err := fillValue(fields, v.Index(i), e); err != nil {
				return err
			}
		}
	default:
		return errLeftToLibrary
	}
	return nil
}
