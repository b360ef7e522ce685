package locale

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"
	"unicode"
)

// msgSources are the packages whose messages reach users, relative to this folder.
var msgSources = []string{"../plan", "../plan/load", "../plan/figures", "../plan/check", "../cmd/kep", "../internal/preview", "../internal/nextyear", "../internal/crm", "../internal/export", "../render/fonts", "../render/logo"}

// msgHelpers name the functions that take a message format, with the index of the format
// among their arguments: the diagnostic helpers of the loader and the checks, and the
// message functions of cmd/kep. A call of one with a constant format is a message that
// needs a translation.
var msgHelpers = map[string]int{
	"Msgf":       0, // locale.Msgf
	"MsgWord":    0, // locale.MsgWord(…), a translated word
	"errf":       1, // (*checker).errf(path, format, …)
	"bad":        0, // walk.go: bad(format, …)
	"Diag":       5, // plan.Diag(file, line, col, path, warning, format, …)
	"tr":         0, // cmd/kep: tr(format, …)
	"say":        1, // cmd/kep: say(w, format, …)
	"errorf":     0, // cmd/kep: errorf(format, …)
	"MsgErrorf":  0, // locale.MsgErrorf(format, …)
	"helpText":   0, // cmd/kep: helpText(text)
	"usageError": 2, // cmd/kep: usageError(stderr, c, format, …)
	"pageText":   1, // internal/preview: pageText(lang, format, …)
	"rowErr":     1, // internal/crm: rowErr(row, format, …)
	"fail":       1, // internal/crm: (*merger).fail(row, format, …)
}

// msgInTemplate finds the words of the preview's HTML templates: {{t $.Lang "format" …}}.
var msgInTemplate = regexp.MustCompile(`\{\{t \$\.Lang ("(?:[^"\\]|\\.)*")`)

// msgHelpersAt are the helpers named "at", whose format index depends on the file.
var msgHelpersAt = map[string]int{
	"load.go":     2, // (*decoded).at(path, warning, format, …)
	"walk.go":     2,
	"validate.go": 2,
	"warnings.go": 1, // at(path, format, …)
	"examples.go": 2, // at(path, pos, format, …)
}

type msgSite struct {
	text string
	pos  string
	word bool // a text used as it is (a word, a help text), not a format
	args int  // the arguments given with a format; -1 when passed on (args...)
}

// scanMessages returns every constant message format in the Go files (not tests) of dir.
func scanMessages(t *testing.T, dir string) []msgSite {
	t.Helper()
	fset := token.NewFileSet()
	names, err := filepath.Glob(filepath.Join(dir, "*.go"))
	if err != nil {
		t.Fatal(err)
	}
	var out []msgSite
	for _, name := range names {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		src, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range msgInTemplate.FindAllSubmatch(src, -1) {
			s, err := strconv.Unquote(string(m[1]))
			if err != nil {
				t.Fatalf("%s: %s: %v", name, m[1], err)
			}
			out = append(out, msgSite{s, name + " (template)", false, -1})
		}
		f, err := parser.ParseFile(fset, name, src, parser.SkipObjectResolution)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(f, func(n ast.Node) bool {
			// The help of cmd/kep's commands: usage and summary of a command, and
			// constants named …Usage.
			switch n := n.(type) {
			case *ast.KeyValueExpr:
				if k, ok := n.Key.(*ast.Ident); ok && (k.Name == "usage" || k.Name == "summary") {
					if s, ok := constString(n.Value); ok {
						out = append(out, msgSite{s, fset.Position(n.Value.Pos()).String(), true, -1})
					}
				}
			case *ast.ValueSpec:
				for i, name := range n.Names {
					if strings.HasSuffix(name.Name, "Usage") && i < len(n.Values) {
						if s, ok := constString(n.Values[i]); ok {
							out = append(out, msgSite{s, fset.Position(n.Values[i].Pos()).String(), true, -1})
						}
					}
				}
			}
			call, ok := n.(*ast.CallExpr)
			if !ok {
				return true
			}
			var fn string
			switch e := call.Fun.(type) {
			case *ast.Ident:
				fn = e.Name
			case *ast.SelectorExpr:
				fn = e.Sel.Name
			}
			i, ok := msgHelpers[fn]
			if fn == "at" {
				i, ok = msgHelpersAt[filepath.Base(name)]
			}
			if !ok || i >= len(call.Args) {
				return true
			}
			if s, ok := constString(call.Args[i]); ok {
				word := fn == "MsgWord" || fn == "helpText"
				n := len(call.Args) - i - 1
				if call.Ellipsis.IsValid() {
					n = -1
				}
				out = append(out, msgSite{s, fset.Position(call.Args[i].Pos()).String(), word, n})
			}
			return true
		})
	}
	return out
}

// constString evaluates a string literal or a sum of them.
func constString(e ast.Expr) (string, bool) {
	switch e := e.(type) {
	case *ast.BasicLit:
		if e.Kind != token.STRING {
			return "", false
		}
		s, err := strconv.Unquote(e.Value)
		return s, err == nil
	case *ast.BinaryExpr:
		if e.Op != token.ADD {
			return "", false
		}
		a, ok1 := constString(e.X)
		b, ok2 := constString(e.Y)
		return a + b, ok1 && ok2
	case *ast.ParenExpr:
		return constString(e.X)
	}
	return "", false
}

var msgVerb = regexp.MustCompile(`%(?:\[(\d+)\])?[-+# 0]*\d*(?:\.\d+)?([a-zA-Z%])`)

// hasWords reports whether a format has text to translate beyond its verbs ("%s; %s"
// has none).
func hasWords(format string) bool {
	s := msgVerb.ReplaceAllString(format, "")
	s = msgNeutral.ReplaceAllString(s, "")
	return strings.IndexFunc(s, unicode.IsLetter) >= 0
}

// msgNeutral are the words that stay in every language: the name of the program and
// its commands ("kep init:"), flags ("--edition:").
var msgNeutral = regexp.MustCompile(`\bkep( [a-z-]+:)?|(^|\s)--?[a-z][a-z-]*`)

// sampleArgs makes arguments that fit the verbs of an English format, in order.
func sampleArgs(format string) []any {
	var args []any
	for _, m := range msgVerb.FindAllStringSubmatch(format, -1) {
		switch m[2] {
		case "%":
		case "d", "x", "X":
			args = append(args, 7)
		case "c", "U":
			args = append(args, 'ä')
		case "f", "g":
			args = append(args, 1.5)
		case "w":
			args = append(args, os.ErrNotExist)
		default:
			args = append(args, "w")
		}
	}
	return args
}

// TestMsgCatalogues fails when a message in the code has no translation in a language of
// MsgLangs (every document language but English),
// or when a translation does not take the English message's arguments.
func TestMsgCatalogues(t *testing.T) {
	seen := map[string]string{}
	words := map[string]bool{}
	for _, dir := range msgSources {
		if _, err := os.Stat(dir); err != nil {
			t.Fatal(err)
		}
		for _, s := range scanMessages(t, dir) {
			// go vet cannot see through Msgf: count the verbs here.
			if !s.word && s.args >= 0 && !strings.Contains(s.text, "%[") {
				if n := len(sampleArgs(s.text)); n != s.args {
					t.Errorf("%s: %q has %d verbs but %d arguments", s.pos, s.text, n, s.args)
				}
			}
			if hasWords(s.text) {
				if _, ok := seen[s.text]; !ok {
					seen[s.text] = s.pos
				}
				if s.word {
					words[s.text] = true
				}
			}
		}
	}
	if len(seen) < 100 {
		t.Fatalf("found %d messages: the scan has lost its helpers", len(seen))
	}
	texts := make([]string, 0, len(seen))
	for s := range seen {
		texts = append(texts, s)
	}
	sort.Strings(texts)
	for _, lang := range MsgLangs()[1:] {
		cat := MsgCatalogue(lang)
		missing := 0
		for _, s := range texts {
			tr, ok := cat[s]
			if !ok {
				missing++
				t.Errorf("%s: %s: no translation of %q", seen[s], lang, s)
				continue
			}
			if words[s] {
				continue
			}
			if got := fmt.Sprintf(strings.ReplaceAll(tr, "%w", "%v"), sampleArgs(s)...); strings.Contains(got, "%!") {
				t.Errorf("%s: %s translation of %q does not take its arguments: %q", seen[s], lang, s, got)
			}
		}
		if missing > 0 {
			t.Logf("%s: %d of %d messages lack a translation", lang, missing, len(texts))
		}
	}
}

func TestMsgLang(t *testing.T) {
	for _, tc := range []struct {
		env  map[string]string
		plan string
		want string
	}{
		{nil, "", "en"},
		{nil, "de", "de"},
		{nil, "fr", "fr"},
		{map[string]string{"LANG": "de_DE.UTF-8"}, "", "de"},
		{map[string]string{"LANG": "de_DE.UTF-8"}, "fr", "fr"},
		{map[string]string{"LANG": "fr_FR"}, "", "fr"},
		{map[string]string{"LANG": "C"}, "", "en"},
		{map[string]string{"LANG": "C.UTF-8"}, "", "en"},
		{map[string]string{"LANG": "es_ES.UTF-8"}, "", "en"},
		{map[string]string{"LANG": "de_DE.UTF-8", "LC_MESSAGES": "fr_FR.UTF-8"}, "", "fr"},
		{map[string]string{"LANG": "de_DE.UTF-8", "LC_MESSAGES": "fr_FR.UTF-8", "LC_ALL": "C"}, "", "en"},
		{map[string]string{"KEP_LANG": "en", "LC_ALL": "de_DE"}, "fr", "en"},
		{map[string]string{"KEP_LANG": "de"}, "en", "de"},
		{map[string]string{"KEP_LANG": "xx", "LANG": "fr_CA.UTF-8"}, "", "fr"},
	} {
		got := MsgLangFrom(func(k string) string { return tc.env[k] }, tc.plan)
		if got != tc.want {
			t.Errorf("env %v, plan %q: got %s, want %s", tc.env, tc.plan, got, tc.want)
		}
	}
}

func TestMsgIn(t *testing.T) {
	m := Msgf("%q is not one of %s; did you mean %q?", "hoch", "high, medium, low", "high")
	if got, want := m.In("de"), "\"hoch\" ist kein gültiger Wert; meinten Sie `high`?"; got != want {
		t.Errorf("de: got %s, want %s", got, want)
	}
	if got, want := m.In("en"), `"hoch" is not one of high, medium, low; did you mean "high"?`; got != want {
		t.Errorf("en: got %s, want %s", got, want)
	}
	if got := m.In("fr"); !strings.HasPrefix(got, `"hoch" n’est pas une valeur valide`) || !strings.Contains(got, "`high`") {
		t.Errorf("fr: got %s", got)
	}
	// Words among the arguments are translated, the user's text is not; a message
	// inside a message is rendered in the same language.
	inner := Msgf("want a number, not %s", MsgWord("text"))
	outer := Msgf("%s; %s", inner, "text")
	if got, want := outer.In("de"), "hier steht Text; erwartet wird eine Zahl; text"; got != want {
		t.Errorf("nested: got %q, want %q", got, want)
	}
}

func TestMsgEnumValue(t *testing.T) {
	levels := []string{"high", "medium", "low"}
	for word, want := range map[string]string{"hoch": "high", "Hoch": "high", "niedrig": "low", "élevé": "high", "faible": "low", "moyen": "medium", "gross": "", "": ""} {
		if got := MsgEnumValue(word, levels); got != want {
			t.Errorf("%q: got %q, want %q", word, got, want)
		}
	}
	if got := MsgEnumValue("Befürworter", []string{"champion", "supporter", "neutral", "skeptic", "opponent"}); got != "supporter" {
		t.Errorf("Befürworter: got %q", got)
	}
}
