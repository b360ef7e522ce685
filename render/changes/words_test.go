package changes

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/kepdev/kep/locale"
)

// Every word the differ asks for by a literal key — field names (d.f), glue phrases,
// item kinds (noun: "…", textItem, inParent) and enumerated values — exists in every
// document language. With TestEveryKeyIsCompared (every key of the schema gives a
// change) this holds every key's change sentence to being in the reader's language: a
// missing word would print its key ("crevenue") in the middle of a French sentence.
func TestWordsInEveryLanguage(t *testing.T) {
	files, _ := filepath.Glob("*.go")
	fields := regexp.MustCompile(`\bd\.f\("([^"]+)"\)`)
	phrases := regexp.MustCompile(`\.Phrase\("([^"]+)"\)`)
	nouns := regexp.MustCompile(`\bnoun: "([^"]+)"|textItem\("([^"]+)"|inParent\("[a-z]+", "([^"]+)"`)
	enums := regexp.MustCompile(`\b(?:d\.enum|d\.l\.Enum|l\.Enum)\("([^"]+)", `)
	n := 0
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, l := range locale.Languages() {
			for _, m := range fields.FindAllStringSubmatch(string(src), -1) {
				n++
				if !l.HasField(m[1]) {
					t.Errorf("%s: field %q has no %s word (locale/%s.go)", f, m[1], l.Name, l.Lang)
				}
			}
			for _, m := range phrases.FindAllStringSubmatch(string(src), -1) {
				if !l.HasPhrase(m[1]) {
					t.Errorf("%s: phrase %q has no %s text", f, m[1], l.Name)
				}
			}
			for _, m := range nouns.FindAllStringSubmatch(string(src), -1) {
				kind := m[1] + m[2] + m[3]
				if !l.HasNoun(kind) {
					t.Errorf("%s: item kind %q has no %s noun", f, kind, l.Name)
				}
			}
			for _, m := range enums.FindAllStringSubmatch(string(src), -1) {
				if !hasLabelKind(l, m[1]) {
					t.Errorf("%s: no %s label of kind %q", f, l.Name, m[1])
				}
			}
		}
	}
	if n < 100*len(locale.Languages()) {
		t.Fatalf("found only %d field uses: the pattern no longer matches the differ", n)
	}
}

func hasLabelKind(l *locale.Locale, kind string) bool {
	for _, k := range l.LabelKeys() {
		if strings.HasPrefix(k, kind+".") {
			return true
		}
	}
	return false
}

// The change sentences in French: article, agreement and quotation marks.
func TestFrenchSentences(t *testing.T) {
	w := words{locale.Get("fr")}
	for _, tc := range []struct{ got, want string }{
		{w.NewNoun("objective") + " f3", "nouvel objectif f3"},
		{w.NewNoun("action") + " a3", "nouvelle action a3"},
		{w.Removed("contact", " c1"), "contact c1 supprimé"},
		{w.InParent("in", "package") + " " + w.Quote("Service"), "de l'offre de services «\u00a0Service\u00a0»"},
	} {
		if tc.got != tc.want {
			t.Errorf("got %q, want %q", tc.got, tc.want)
		}
	}
}
