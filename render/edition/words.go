package edition

import (
	"fmt"
	"strings"

	"github.com/kepdev/kep/locale"
)

// Words are the labels of the customer edition and of the management outputs (one-pager,
// slides) that the full document does not have: the labels cust.*, one.* and sl.* of the
// language's locale (locale/de.go, en.go, fr.go). The full document's labels
// (render.LabelsFor) are used for everything else. A missing key falls back to English,
// then to the key itself, so that a forgotten word shows up in review; the locale's tests
// check that every language has every key.
type Words struct {
	Lang string
	loc  *locale.Locale
}

// WordPrefixes are the label kinds that are the edition's words.
var WordPrefixes = []string{"cust.", "one.", "sl."}

// WordsFor returns the words of lang (a code of locale.Languages(); anything else:
// German, the default language of plans).
func WordsFor(lang string) Words {
	loc := locale.Get(lang)
	return Words{Lang: loc.Lang, loc: loc}
}

// T returns the word of key.
func (w Words) T(key string) string {
	if s, ok := w.loc.Label(key); ok {
		return s
	}
	if s, ok := locale.Get("en").Label(key); ok {
		return s
	}
	return key
}

// F formats the word of key with a.
func (w Words) F(key string, a ...any) string { return fmt.Sprintf(w.T(key), a...) }

// Keys of the language's edition words, sorted, for the completeness test.
func (w Words) Keys() []string {
	var out []string
	for _, k := range w.loc.LabelKeys() {
		for _, p := range WordPrefixes {
			if strings.HasPrefix(k, p) {
				out = append(out, k)
				break
			}
		}
	}
	return out
}
