package check

import (
	"reflect"
	"sort"
	"strconv"
	"strings"

	"github.com/kepdev/kep/plan"
	"github.com/kepdev/kep/render/fonts"
)

// maxFontFindings is how many characters without a face are named one by one; the rest
// are counted in one more finding.
const maxFontFindings = 8

// fontWarnings names the characters of the plan's text that no face of its documents
// has (the text faces, the brand's fallback face, the built-in fallback): the PDF prints
// them as "□". Each character once, at the first key that holds it, at most
// maxFontFindings of them. The PDF's metadata (title, subject) keeps them: it needs no
// font.
func fontWarnings(p *plan.Plan) plan.Diagnostics {
	b := p.Brand
	cov, err := fonts.NewCoverage(fonts.Brand{Regular: b.FontData, Bold: b.FontBoldData, Italic: b.FontItalicData,
		BoldItalic: b.FontBoldItalicData, Fallback: b.FontFallbackData})
	if err != nil {
		return nil // a font that is no font is the loader's error
	}
	var ds plan.Diagnostics
	seen := map[rune]bool{}
	more := 0
	// where is asked only for a text with a character to name: looking up every text's
	// line was half of this check's cost.
	finding := func(s, path string, where func() (file string, line, col int)) {
		for _, r := range cov.Missing(s) {
			if seen[r] {
				continue
			}
			seen[r] = true
			if len(seen) > maxFontFindings {
				more++
				continue
			}
			file, line, col := where()
			ds = append(ds, plan.Diag(file, line, col, path, true,
				"%U %q is in no font of the document; it prints as □ — give [brand] font_fallback", r, string(r)))
		}
	}
	planTexts(p, func(path, s string) {
		finding(s, path, func() (string, int, int) {
			line, col := p.Position(path)
			return p.File, line, col
		})
	})
	// The workspace's texts that the documents print (criteria, territories, cost items):
	// named at their key in kep.toml (no line: the workspace keeps no positions). Every
	// plan of the workspace reports them; kep validate prints a finding once.
	workspaceTexts(p, func(path, s string) {
		finding(s, path, func() (string, int, int) {
			if p.Workspace.File != "" {
				return p.Workspace.File, 0, 0
			}
			return p.File, 0, 0
		})
	})
	if more > 0 {
		ds = append(ds, plan.Diag(p.File, 0, 0, "", true, "%d more characters are in no font of the document", more))
	}
	return ds
}

// Uncovered is every character of the plan's text that no face of its documents has:
// the characters fontWarnings names (and counts). A writer that drew placeholders for
// them need not warn a second time (internal/app drops them from its Result).
func Uncovered(p *plan.Plan) map[rune]bool {
	b := p.Brand
	cov, err := fonts.NewCoverage(fonts.Brand{Regular: b.FontData, Bold: b.FontBoldData, Italic: b.FontItalicData,
		BoldItalic: b.FontBoldItalicData, Fallback: b.FontFallbackData})
	if err != nil {
		return nil
	}
	set := map[rune]bool{}
	add := func(_, s string) {
		for _, r := range cov.Missing(s) {
			set[r] = true
		}
	}
	planTexts(p, add)
	workspaceTexts(p, add)
	return set
}

// workspaceTexts calls fn for the texts of the plan's workspace that its documents print
// (the scoring criteria's names, the territories, the cost items), with their key paths
// in kep.toml. The brand's texts are the plan's effective [brand], walked by planTexts.
func workspaceTexts(p *plan.Plan, fn func(path, s string)) {
	if p.Workspace == nil {
		return
	}
	w := p.Workspace
	walkTexts(reflect.ValueOf(&w.Scoring).Elem(), "scoring", fn)
	walkTexts(reflect.ValueOf(&w.Visits).Elem(), "visits", fn)
	walkTexts(reflect.ValueOf(&w.Costs).Elem(), "costs", fn)
}

// planTexts calls fn for every text of the plan with its key path ("plan.account",
// "contacts[2].name"), in the order of the model; not for the brand's file names, which
// are not printed.
func planTexts(p *plan.Plan, fn func(path, s string)) {
	walkTexts(reflect.ValueOf(p).Elem(), "", fn)
}

func walkTexts(v reflect.Value, path string, fn func(path, s string)) {
	switch v.Kind() {
	case reflect.String:
		if s := v.String(); s != "" {
			fn(path, s)
		}
	case reflect.Pointer, reflect.Interface:
		if !v.IsNil() {
			walkTexts(v.Elem(), path, fn)
		}
	case reflect.Slice, reflect.Array:
		if v.Type().Elem().Kind() == reflect.Uint8 {
			return // bytes (a font, a logo)
		}
		for i := 0; i < v.Len(); i++ {
			walkTexts(v.Index(i), path+"["+strconv.Itoa(i)+"]", fn)
		}
	case reflect.Map:
		keys := v.MapKeys()
		sort.Slice(keys, func(i, j int) bool { return keys[i].String() < keys[j].String() })
		for _, k := range keys {
			if k.Kind() == reflect.String {
				walkTexts(v.MapIndex(k), join(path, k.String()), fn)
			}
		}
	case reflect.Struct:
		t := v.Type()
		for i := 0; i < t.NumField(); i++ {
			f := t.Field(i)
			tag, _, _ := strings.Cut(f.Tag.Get("toml"), ",")
			if !f.IsExported() || tag == "-" || tag == "" {
				continue // not a key of the plan (its file, its source, the loader's findings)
			}
			key := join(path, tag)
			if key == "brand.logo" || strings.HasPrefix(key, "brand.font") {
				continue // file names
			}
			walkTexts(v.Field(i), key, fn)
		}
	}
}

func join(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}
