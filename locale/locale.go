// Package locale holds kep's document languages: one Locale per language with the words
// of the documents, the formats of numbers, money, percentages and dates, and the grammar
// of the change sentences. The renderers ask a Locale; they never test for a language.
package locale

import (
	"math"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Locale is one document language: the words of the documents (labels, the portfolio's
// words, checklist titles, the customer edition's and the workbook's words), how numbers,
// money, percentages and dates are written, the grammar of the change sentences of kep
// diff, its hyphenation patterns, and kep's messages in the language. Each language is one
// file (de.go, en.go, fr.go) that fills one Locale and registers it; a new language is one
// more such file plus its kep init scaffolds (templates/scaffold/LANG/), and the tests
// that iterate Languages() say what it still lacks (docs/adding-a-language.md).
type Locale struct {
	Lang string // ISO 639-1 code as plans write it in lang
	Name string // the language's name in itself, "Deutsch"

	thousands string // between groups of three digits
	decimal   string // before the decimals
	percent   string // between a number and "%": "\u00a0" in German, none in English
	// currencyFirst puts the currency sign before the amount (€1,850,000) instead of
	// after it with currencySep (1.850.000 €).
	currencyFirst bool
	currencySep   string
	// compact are the short units of thousands, millions and billions ("\u00a0Tsd.",
	// "\u00a0Mio.", "\u00a0Mrd."), written right after the number.
	compact [3]string
	// date writes a calendar day (month 1…12).
	date func(year, month, day int) string
	// quotes enclose free text in change sentences: „…“, “…”, « … ».
	quotes [2]string
	// colon and semicolon join two texts in running text: ": " and "; ", in French with
	// the space before (U+00A0 before ":", U+202F before ";"). Empty means the plain forms.
	colon, semicolon string
	// lowerInline lowers the first letter of a label used inside a sentence: English and
	// French write "attitude", German keeps its capitalised nouns.
	lowerInline bool

	// The tables of words are built on first use, each once per process
	// (sync.OnceValue of a function returning its map literal): as package-level maps,
	// the three languages' tables cost every kep process ~1 ms and 200 KB before main,
	// `kep version` included, and a render needs one language's (scripts/PERFORMANCE.md).
	labels  func() map[string]string
	nouns   func() map[string]Noun
	fields  func() map[string]string
	phrases func() map[string]string
	// newNoun is "neuer Kontakt" / "new contact" / "nouveau contact" for an added item;
	// removed is the sentence of a removed item from the noun and the rest of its name.
	newNoun func(n Noun) string
	removed func(n Noun, rest string) string
	// parent names the item another belongs to, before its name: "in Leistungspaket",
	// "of competitor", "de l'offre de services"; nil joins the phrase prep and the noun.
	parent func(prep string, n Noun) string

	// hyphenation names the language's TeX patterns and its minimum letters around a
	// point (render/hyph); no patterns: the language's words are not hyphenated.
	hyphenation Hyphenation

	// sheet are the number formats of kep export's workbook.
	sheet SheetFormats

	// messages translate kep's messages (CLI, diagnostics, --help, the preview's pages),
	// keyed by the English text (messages.go); nil for English, the language of the code.
	messages func() map[string]string
	// enumWords name the values of the plan format's enums in the language ("high":
	// "hoch", "Hoch"), for the hint "did you mean `high`?"; nil for English.
	enumWords func() map[string][]string
	// schemaTexts describe the keys of the plan format and of kep.toml for kep schema,
	// keyed by the English description (plan/load/schema.go; schematexts.go); nil for
	// English and German, whose descriptions stand in the schema's key definitions.
	schemaTexts func() map[string]string
}

// Hyphenation says how a language's words are hyphenated: Patterns is a file of TeX
// hyphenation patterns in render/hyph/patterns ("hyph-de-1996.tex"), LeftMin and RightMin
// the letters kept before the first and after the last point.
type Hyphenation struct {
	Patterns          string
	LeftMin, RightMin int
}

// Hyphenation returns how the language's words are hyphenated; Patterns is "" for a
// language without patterns.
func (l *Locale) Hyphenation() Hyphenation { return l.hyphenation }

// SheetFormats are the Excel number formats of the language's workbook (kep export):
// Percent for percentages (`0.0" %"`), Date for dates ("dd.mm.yyyy").
type SheetFormats struct {
	Percent, Date string
}

// SheetFormats returns the number formats of the language's workbook.
func (l *Locale) SheetFormats() SheetFormats { return l.sheet }

// Noun is an item kind as the change sentences name it, with its grammatical gender
// ('m', 'f' or 'n'; English ignores it) for the words that agree with it.
type Noun struct {
	Word   string
	Gender byte
}

// languages is the registry of document languages: each language file (de.go, en.go,
// fr.go, …) registers its Locale in an init function, and every consumer (the schema's
// lang values, kep init, the message catalogues, hyphenation, the tests) iterates
// Languages(). The default language comes first, the others follow by code.
var languages []*Locale

// defaultLang is the language of plans that state none.
const defaultLang = "de"

// register adds l to the registry; a second language with the same code panics (two files
// claim one language).
func register(l *Locale) {
	for _, o := range languages {
		if o.Lang == l.Lang {
			panic("locale: language " + l.Lang + " registered twice")
		}
	}
	languages = append(languages, l)
	sort.SliceStable(languages, func(i, j int) bool {
		a, b := languages[i], languages[j]
		if (a.Lang == defaultLang) != (b.Lang == defaultLang) {
			return a.Lang == defaultLang
		}
		return a.Lang < b.Lang
	})
}

// Languages returns the supported document languages, German (the default) first, then
// by code. Tests iterate it so that every language passes the same checks.
func Languages() []*Locale { return append([]*Locale(nil), languages...) }

// Default is the default language of plans and documents, German.
func Default() *Locale { return Get(defaultLang) }

// Langs returns the codes of Languages() in order: "de", "en", "fr".
func Langs() []string {
	codes := make([]string, len(languages))
	for i, l := range languages {
		codes[i] = l.Lang
	}
	return codes
}

// Supported reports whether lang is a document language.
func Supported(lang string) bool { return Lookup(lang) != nil }

// Lookup returns the locale of lang, or nil for a code that is no document language.
func Lookup(lang string) *Locale {
	for _, l := range languages {
		if l.Lang == lang {
			return l
		}
	}
	return nil
}

// Get returns the locale of lang; "" and unknown codes give German, the default language
// of plans (the schema refuses other codes before anything is rendered).
func Get(lang string) *Locale {
	if l := Lookup(lang); l != nil {
		return l
	}
	return Lookup(defaultLang)
}

// Label returns the text of a label key and whether the language has it.
func (l *Locale) Label(key string) (string, bool) {
	s, ok := l.labels()[key]
	return s, ok
}

// LabelKeys returns every label key of the language, sorted.
func (l *Locale) LabelKeys() []string {
	labels := l.labels()
	keys := make([]string, 0, len(labels))
	for k := range labels {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// ---------------------------------------------------------------- numbers

// Number formats v with exactly dec decimals and grouped thousands; a negative number
// takes the minus sign U+2212, a number that rounds to zero none.
func (l *Locale) Number(v float64, dec int) string {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return "–"
	}
	s := strconv.FormatFloat(math.Abs(v), 'f', dec, 64)
	intPart, frac, _ := strings.Cut(s, ".")
	var b strings.Builder
	if v < 0 && strings.Trim(s, "0.") != "" {
		b.WriteString("−")
	}
	for i, c := range intPart {
		if i > 0 && (len(intPart)-i)%3 == 0 {
			b.WriteString(l.thousands)
		}
		b.WriteRune(c)
	}
	if frac != "" {
		b.WriteString(l.decimal)
		b.WriteString(frac)
	}
	return b.String()
}

// Decimal formats v with at most dec decimals, dropping trailing zeros (7,5; 8; 1.234,25).
func (l *Locale) Decimal(v float64, dec int) string {
	s := l.Number(v, dec)
	if dec > 0 && strings.Contains(s, l.decimal) {
		s = strings.TrimRight(s, "0")
		s = strings.TrimSuffix(s, l.decimal)
	}
	return s
}

// PercentSign is what follows a number to make it a percentage: "\u00a0%", "%" or
// "\u202f%" (for chart labels that format the number themselves).
func (l *Locale) PercentSign() string { return l.percent + "%" }

// Percent formats a percentage with one decimal at most: de "12,5 %", en "12.5%",
// fr "12,5 %" (narrow no-break space).
func (l *Locale) Percent(v float64) string { return l.Decimal(v, 1) + l.PercentSign() }

// WithCurrency puts the currency symbol sym to a formatted amount num.
func (l *Locale) WithCurrency(num, sym string, negative bool) string {
	if !l.currencyFirst {
		return num + l.currencySep + sym
	}
	sign := ""
	if negative {
		sign = "−"
		num = strings.TrimPrefix(num, "−")
	}
	if utf8.RuneCountInString(sym) > 1 {
		return sign + sym + "\u00a0" + num
	}
	return sign + sym + num
}

// Compact formats a number short with the unit of its size ("2,4 Mio.", "410 Tsd.",
// "97,3"); small numbers keep one decimal at most. ok is false below ten thousand, where
// no unit applies.
func (l *Locale) Compact(v float64) (s string, ok bool) {
	a := math.Abs(v)
	switch {
	case a >= 1e9:
		return l.Decimal(v/1e9, 2) + l.compact[2], true
	case a >= 1e6:
		return l.Decimal(v/1e6, 2) + l.compact[1], true
	case a >= 1e4:
		return l.Decimal(v/1e3, 1) + l.compact[0], true
	}
	return l.Decimal(v, 1), false
}

// Date formats a calendar day (month 1…12): de "15.03.2027", en "15 Mar 2027",
// fr "15/03/2027".
func (l *Locale) Date(year, month, day int) string { return l.date(year, month, day) }

func pad2(n int) string {
	if n < 10 {
		return "0" + strconv.Itoa(n)
	}
	return strconv.Itoa(n)
}

// ---------------------------------------------------------------- change sentences

// Field is the name of a changed key as the change sentences use it ("Haltung",
// "attitude"); an unknown key is returned as it is.
func (l *Locale) Field(key string) string {
	if s, ok := l.fields()[key]; ok {
		return s
	}
	return key
}

// HasField reports whether the language names the key of a change.
func (l *Locale) HasField(key string) bool { _, ok := l.fields()[key]; return ok }

// Phrase is a glue word or title of the change list ("entfernt", "Plan details").
func (l *Locale) Phrase(key string) string {
	if s, ok := l.phrases()[key]; ok {
		return s
	}
	return key
}

// LanguageName names the document language code in this language: the phrase
// lang.CODE ("Französisch"), else the language's name in itself ("Français"), else the
// code. A new language needs no phrase in the others' files.
func (l *Locale) LanguageName(code string) string {
	if s, ok := l.phrases()["lang."+code]; ok {
		return s
	}
	if o := Lookup(code); o != nil {
		return o.Name
	}
	return code
}

// HasPhrase reports whether the language has the phrase key.
func (l *Locale) HasPhrase(key string) bool { _, ok := l.phrases()[key]; return ok }

// Noun is the name of an item kind ("Maßnahme", "action").
func (l *Locale) Noun(kind string) string { return l.nouns()[kind].Word }

// HasNoun reports whether the language names the item kind.
func (l *Locale) HasNoun(kind string) bool { _, ok := l.nouns()[kind]; return ok }

// NewNoun is the name of an added item: "neue Maßnahme", "new action", "nouvelle action".
func (l *Locale) NewNoun(kind string) string { return l.newNoun(l.nouns()[kind]) }

// Removed is the sentence of a removed item, rest being its id and name as they follow
// the noun: "Maßnahme a3 entfernt", "removed action a3", "action a3 supprimée".
func (l *Locale) Removed(kind, rest string) string { return l.removed(l.nouns()[kind], rest) }

// InParent names the kind of item another item belongs to, ready for its name to follow:
// prep is "in" or "at" ("in Leistungspaket", "of competitor", "du concurrent").
func (l *Locale) InParent(prep, kind string) string {
	if l.parent != nil {
		return l.parent(prep, l.nouns()[kind])
	}
	return l.Phrase(prep) + " " + l.Noun(kind)
}

// Colon joins a label and what it introduces: "Complétude\u00a0: 7 modules…".
func (l *Locale) Colon() string { return or(l.colon, ": ") }

// Semicolon separates the items of a list in running text.
func (l *Locale) Semicolon() string { return or(l.semicolon, "; ") }

func or(s, def string) string {
	if s == "" {
		return def
	}
	return s
}

// Quote puts free text in the language's quotation marks.
func (l *Locale) Quote(s string) string { return l.quotes[0] + s + l.quotes[1] }

// Inline makes a label fit inside a sentence: English and French lower its first letter
// ("Opponent" → "opponent") unless it starts an acronym ("ROI"); German keeps it.
func (l *Locale) Inline(s string) string {
	if !l.lowerInline || s == "" {
		return s
	}
	r, n := utf8.DecodeRuneInString(s)
	if r2, _ := utf8.DecodeRuneInString(s[n:]); unicode.IsUpper(r2) {
		return s
	}
	return string(unicode.ToLower(r)) + s[n:]
}
