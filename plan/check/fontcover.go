package check

import (
	"bytes"
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
	finding := func(s string, path func() string, where func() (file string, line, col int)) {
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
			ds = append(ds, plan.Diag(file, line, col, path(), true,
				"%U %q is in no font of the document; it prints as □ — give [brand] font_fallback", r, string(r)))
		}
	}
	planTexts(p, func(path func() string, s string) {
		finding(s, path, func() (string, int, int) {
			line, col := p.Position(path())
			return p.File, line, col
		})
	})
	// The workspace's texts that the documents print (criteria, territories, cost items):
	// named at their key in kep.toml (no line: the workspace keeps no positions). Every
	// plan of the workspace reports them; kep validate prints a finding once.
	workspaceTexts(p, func(path func() string, s string) {
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
	add := func(_ func() string, s string) {
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
func workspaceTexts(p *plan.Plan, fn func(path func() string, s string)) {
	if p.Workspace == nil {
		return
	}
	w := p.Workspace
	newTextWalker("scoring", fn).walk(reflect.ValueOf(&w.Scoring).Elem())
	newTextWalker("visits", fn).walk(reflect.ValueOf(&w.Visits).Elem())
	newTextWalker("costs", fn).walk(reflect.ValueOf(&w.Costs).Elem())
}

// planTexts calls fn for every text of the plan with its key path ("plan.account",
// "contacts[2].name"), in the order of the model; not for the brand's file names, which
// are not printed.
func planTexts(p *plan.Plan, fn func(path func() string, s string)) {
	newTextWalker("", fn).walk(reflect.ValueOf(p).Elem())
}

// textWalker walks a value's texts. A text's path is built in one buffer as the walk
// goes and made a string only when fn asks for it (a finding names it): building every
// text's path was most of the font warnings' allocations (issue 19).
type textWalker struct {
	buf  []byte
	fn   func(path func() string, s string)
	path func() string // string(buf), made once
}

func newTextWalker(root string, fn func(path func() string, s string)) *textWalker {
	w := &textWalker{buf: append(make([]byte, 0, 64), root...), fn: fn}
	w.path = func() string { return string(w.buf) }
	return w
}

// push appends a key (joined with a dot) and returns the length to pop back to.
func (w *textWalker) push(key string) int {
	n := len(w.buf)
	if n > 0 {
		w.buf = append(w.buf, '.')
	}
	w.buf = append(w.buf, key...)
	return n
}

func (w *textWalker) walk(v reflect.Value) {
	switch v.Kind() {
	case reflect.String:
		if s := v.String(); s != "" {
			w.fn(w.path, s)
		}
	case reflect.Pointer, reflect.Interface:
		if !v.IsNil() {
			w.walk(v.Elem())
		}
	case reflect.Slice, reflect.Array:
		if v.Type().Elem().Kind() == reflect.Uint8 {
			return // bytes (a font, a logo)
		}
		for i := 0; i < v.Len(); i++ {
			n := len(w.buf)
			w.buf = append(strconv.AppendInt(append(w.buf, '['), int64(i), 10), ']')
			w.walk(v.Index(i))
			w.buf = w.buf[:n]
		}
	case reflect.Map:
		keys := v.MapKeys()
		sort.Slice(keys, func(i, j int) bool { return keys[i].String() < keys[j].String() })
		for _, k := range keys {
			if k.Kind() == reflect.String {
				n := w.push(k.String())
				w.walk(v.MapIndex(k))
				w.buf = w.buf[:n]
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
			n := w.push(tag)
			if bytes.Equal(w.buf, []byte("brand.logo")) || bytes.HasPrefix(w.buf, []byte("brand.font")) {
				w.buf = w.buf[:n]
				continue // file names
			}
			w.walk(v.Field(i))
			w.buf = w.buf[:n]
		}
	}
}
