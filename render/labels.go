package render

import "github.com/kepdev/kep/locale"

// Labels are the words of one document language, from its locale (locale/de.go, en.go,
// fr.go). T looks up a key; a key missing in the language falls back to the key itself
// so that a forgotten label shows up in review instead of as an empty space (tests check
// that every language has every key).
type Labels struct {
	Lang string
	loc  *locale.Locale
}

// LabelsFor returns the labels of lang; "" and unknown languages give German, the
// default.
func LabelsFor(lang string) Labels {
	loc := locale.Get(lang)
	return Labels{Lang: loc.Lang, loc: loc}
}

// Locale is the language the labels belong to.
func (l Labels) Locale() *locale.Locale {
	if l.loc == nil {
		return locale.Get(l.Lang)
	}
	return l.loc
}

// T returns the label of key.
func (l Labels) T(key string) string {
	if s, ok := l.Locale().Label(key); ok {
		return s
	}
	return key
}

// Has reports whether key has a label in this language.
func (l Labels) Has(key string) bool { _, ok := l.Locale().Label(key); return ok }

// Keys returns every key of the language, sorted.
func (l Labels) Keys() []string { return l.Locale().LabelKeys() }

// Enum looks up the label of an enumerated value, e.g. Enum("attitude", "skeptic").
func (l Labels) Enum(kind, value string) string {
	if value == "" {
		return "–"
	}
	if s, ok := l.Locale().Label(kind + "." + value); ok {
		return s
	}
	return value
}

// Colon joins a label and what it introduces, as the language writes it (": ", French
// "\u00a0: ").
func (l Labels) Colon() string { return l.Locale().Colon() }

// Semicolon separates the items of a list in running text ("; ", French "\u202f; ").
func (l Labels) Semicolon() string { return l.Locale().Semicolon() }
