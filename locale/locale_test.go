package locale

import (
	"fmt"
	"slices"
	"sort"
	"strings"
	"testing"
)

// Every language has every label, noun, field and phrase German has, and nothing German
// lacks: a missing word would show as its key in a document.
func TestLanguagesComplete(t *testing.T) {
	for _, l := range Languages() {
		for _, p := range incomplete(l) {
			t.Errorf("%s (locale/%s.go): %s", l.Name, l.Lang, p)
		}
	}
}

// incomplete lists what a language lacks against the reference language (German, the
// default): every label, noun, field, phrase and enum word, the message catalogue, the
// formats, and labels with other fmt verbs than the reference's.
func incomplete(l *Locale) []string {
	ref := Default()
	var out []string
	same := func(what string, want, got map[string]bool) {
		for _, k := range sortedKeys(want) {
			if !got[k] {
				out = append(out, fmt.Sprintf("%s: missing %q", what, k))
			}
		}
		for _, k := range sortedKeys(got) {
			if !want[k] {
				out = append(out, fmt.Sprintf("%s: %q is not in the reference language", what, k))
			}
		}
	}
	same("labels", keys(ref.labels()), keys(l.labels()))
	same("fields", keys(ref.fields()), keys(l.fields()))
	// The names of languages (lang.CODE) are optional but for the language's own (below):
	// LanguageName falls back to a language's name in itself.
	otherLangs := func(m map[string]string) map[string]bool {
		out := keys(m)
		for k := range out {
			if strings.HasPrefix(k, "lang.") {
				delete(out, k)
			}
		}
		return out
	}
	same("phrases", otherLangs(ref.phrases()), otherLangs(l.phrases()))
	same("nouns", keys(ref.nouns()), keys(l.nouns()))
	for _, k := range sortedKeys(keys(l.labels())) {
		v := l.labels()[k]
		if strings.TrimSpace(v) == "" {
			out = append(out, fmt.Sprintf("label %s is empty", k))
		}
		// The same verbs in the same order, so that one Sprintf call serves every
		// language.
		if a, b := verbs(ref.labels()[k]), verbs(v); a != b {
			out = append(out, fmt.Sprintf("label %s has verbs %q, %s has %q", k, b, ref.Lang, a))
		}
	}
	if !l.HasPhrase("lang." + l.Lang) {
		out = append(out, fmt.Sprintf("no name of the language itself (phrase lang.%s)", l.Lang))
	}
	if l.Name == "" || l.date == nil || l.newNoun == nil || l.removed == nil || l.decimal == "" {
		out = append(out, "a name, a date format, a decimal sign and the grammar of new and removed items are required")
	}
	if f := l.SheetFormats(); f.Percent == "" || f.Date == "" {
		out = append(out, "no number formats for the workbook (sheet)")
	}
	if l.Lang != msgSource {
		// The catalogue's entries are checked against the code by TestMsgCatalogues;
		// here: the language has one, and names of the enum values for the hints.
		if l.messages == nil || len(l.messages()) == 0 {
			out = append(out, "no message catalogue (messages)")
		}
		if l.enumWords == nil || len(l.enumWords()) == 0 {
			out = append(out, "no names of the enum values (enumWords)")
		}
	}
	return out
}

func sortedKeys(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// A new language is one file: a locale registered in an init function is a document
// language everywhere (Languages, Get, the schema's codes via Langs, message languages,
// LANG=xx_XX), and incomplete says what it lacks. The fake language "xx" is English with
// every word marked.
func TestFakeLanguageRegisters(t *testing.T) {
	xx := fakeLanguage()
	saved := languages
	t.Cleanup(func() { languages = saved })
	register(xx)

	if got := Langs(); !slices.Contains(got, "xx") {
		t.Fatalf("Langs() = %v, want xx among them", got)
	}
	if Languages()[0] != Default() || Default().Lang != "de" {
		t.Error("the default language must stay first")
	}
	if Get("xx") != xx || !Supported("xx") || Lookup("xx") != xx {
		t.Error("Get/Lookup/Supported do not find the registered language")
	}
	if !slices.Contains(MsgLangs(), "xx") {
		t.Errorf("MsgLangs() = %v, want xx", MsgLangs())
	}
	if got := MsgLangFrom(func(k string) string { return map[string]string{"LANG": "xx_XX.UTF-8"}[k] }, ""); got != "xx" {
		t.Errorf("LANG=xx_XX.UTF-8: message language %q", got)
	}
	if got := Msgf("%d warning(s)", 2).In("xx"); got != "[xx] 2 warning(s)" {
		t.Errorf("message in xx: %q", got)
	}
	if s, _ := Get("xx").Label("doc.contents"); s != "[xx] Contents" {
		t.Errorf("label in xx: %q", s)
	}
	if got := Default().LanguageName("xx"); got != "Xxish" {
		t.Errorf("German names xx %q, want its name in itself", got)
	}
	if p := incomplete(xx); len(p) > 0 {
		t.Errorf("the fake language is incomplete: %v", p)
	}
	// And the checklist catches what a new language forgets.
	delete(xx.labels(), "doc.contents")
	xx.messages = nil
	p := strings.Join(incomplete(xx), "\n")
	if !strings.Contains(p, `labels: missing "doc.contents"`) || !strings.Contains(p, "no message catalogue") {
		t.Errorf("incomplete does not name the missing label and catalogue:\n%s", p)
	}
	func() {
		defer func() {
			if recover() == nil {
				t.Error("a second language with the same code must not register")
			}
		}()
		register(&Locale{Lang: "xx"})
	}()
}

// fakeLanguage is English with every word marked "[xx] ", and a message catalogue that
// marks the English messages of the German one.
func fakeLanguage() *Locale {
	en, de := Get("en"), Default()
	mark := func(m map[string]string) map[string]string {
		out := map[string]string{}
		for k, v := range m {
			out[k] = "[xx] " + v
		}
		return out
	}
	xx := *en
	xx.Lang, xx.Name = "xx", "Xxish"
	labels, fields, phrases := mark(en.labels()), mark(en.fields()), mark(en.phrases())
	phrases["lang.xx"] = "[xx] Xxish"
	nouns := map[string]Noun{}
	for k, n := range en.nouns() {
		nouns[k] = Noun{"[xx] " + n.Word, n.Gender}
	}
	messages := map[string]string{}
	for k := range de.messages() {
		messages[k] = "[xx] " + k
	}
	xx.labels = func() map[string]string { return labels }
	xx.fields = func() map[string]string { return fields }
	xx.phrases = func() map[string]string { return phrases }
	xx.nouns = func() map[string]Noun { return nouns }
	xx.messages = func() map[string]string { return messages }
	xx.enumWords = de.enumWords
	return &xx
}

func keys[V any](m map[string]V) map[string]bool {
	out := map[string]bool{}
	for k := range m {
		out[k] = true
	}
	return out
}

// verbs are the fmt verbs of s in order ("%s%d"); "%%" is no verb.
func verbs(s string) string {
	var b strings.Builder
	for i := 0; i < len(s)-1; i++ {
		if s[i] != '%' {
			continue
		}
		i++
		if s[i] != '%' {
			b.WriteByte('%')
			b.WriteByte(s[i])
		}
	}
	return b.String()
}

func TestGetAndSupported(t *testing.T) {
	if len(Languages()) < 2 || Languages()[0].Lang != "de" {
		t.Fatalf("Languages() = %v: German, the default, comes first", Langs())
	}
	for _, l := range Languages() {
		if Get(l.Lang) != l || !Supported(l.Lang) {
			t.Errorf("Get/Supported(%q) do not find the language", l.Lang)
		}
	}
	if Get("").Lang != "de" || Get("xx").Lang != "de" || Supported("xx") || Supported("") {
		t.Error("an unknown language must format as German and not count as supported")
	}
}

func TestFormats(t *testing.T) {
	de, en := Get("de"), Get("en")
	for _, tc := range []struct{ got, want string }{
		{de.Number(1234567.891, 2), "1.234.567,89"},
		{en.Number(1234567.891, 2), "1,234,567.89"},
		{de.Number(-0.001, 2), "0,00"},
		{de.Number(-1500, 0), "−1.500"},
		{de.Decimal(7.50, 2), "7,5"},
		{en.Decimal(8.00, 2), "8"},
		{de.Percent(12.5), "12,5\u00a0%"},
		{en.Percent(12.5), "12.5%"},
		{de.WithCurrency("1.850.000", "€", false), "1.850.000\u00a0€"},
		{en.WithCurrency("−1,850", "€", true), "−€1,850"},
		{en.WithCurrency("1,850", "CHF", false), "CHF\u00a01,850"},
		{de.Date(2027, 3, 5), "05.03.2027"},
		{en.Date(2027, 3, 5), "5\u00a0Mar\u00a02027"},
		{de.Quote("x"), "„x“"},
		{en.Inline("Opponent"), "opponent"},
		{en.Inline("ROI"), "ROI"},
		{de.Inline("Haltung"), "Haltung"},
		{de.NewNoun("contact"), "neuer Kontakt"},
		{de.NewNoun("action"), "neue Maßnahme"},
		{de.NewNoun("objective"), "neues Ziel"},
		{en.NewNoun("action"), "new action"},
		{de.Removed("action", " a3"), "Maßnahme a3 entfernt"},
		{en.Removed("action", " a3"), "removed action a3"},
		{en.InParent("at", "competitor"), "of competitor"},
		{de.InParent("in", "package"), "in Leistungspaket"},
	} {
		if tc.got != tc.want {
			t.Errorf("got %q, want %q", tc.got, tc.want)
		}
	}
}

// French formats exactly as spec A11 has them (and, below, the compact units of every
// language): U+202F between thousands, the decimal
// comma, U+202F before "%", "2 400 000 €", dates 15/01/2027.
func TestFormatsFrench(t *testing.T) {
	fr := Get("fr")
	for _, tc := range []struct{ got, want string }{
		{fr.Number(2400000, 0), "2\u202f400\u202f000"},
		{fr.Number(1234.5, 2), "1\u202f234,50"},
		{fr.Decimal(12.5, 1), "12,5"},
		{fr.Percent(12.5), "12,5\u202f%"},
		{fr.Percent(100), "100\u202f%"},
		{fr.WithCurrency(fr.Number(2400000, 0), "€", false), "2\u202f400\u202f000\u00a0€"},
		{fr.WithCurrency(fr.Number(-75.5, 2), "€", true), "−75,50\u00a0€"},
		{fr.Date(2027, 1, 15), "15/01/2027"},
		{fr.Quote("Service"), "«\u00a0Service\u00a0»"},
		{fr.Inline("Sceptique"), "sceptique"},
		{fr.NewNoun("objective"), "nouvel objectif"},
		{fr.NewNoun("contact"), "nouveau contact"},
		{fr.NewNoun("action"), "nouvelle action"},
		{fr.Removed("action", " a3"), "action a3 supprimée"},
		{fr.Removed("contact", " c1"), "contact c1 supprimé"},
		{fr.InParent("in", "package"), "de l'offre de services"},
		{fr.InParent("at", "competitor"), "du concurrent"},
		{fr.InParent("in", "checklist"), "de la liste de contrôle"},
	} {
		if tc.got != tc.want {
			t.Errorf("got %q, want %q", tc.got, tc.want)
		}
	}
	for _, tc := range []struct {
		l    *Locale
		v    float64
		want string
		ok   bool
	}{
		{de, 2_400_000, "2,4\u00a0Mio.", true}, {en, 2_400_000, "2.4M", true},
		{de, 410_000, "410\u00a0Tsd.", true}, {en, 1.5e9, "1.5bn", true}, {de, 97.34, "97,3", false},
		{Get("fr"), 2_400_000, "2,4\u00a0M", true}, {Get("fr"), 410_000, "410\u00a0k", true},
	} {
		if got, ok := tc.l.Compact(tc.v); got != tc.want || ok != tc.ok {
			t.Errorf("%s.Compact(%v) = %q, %v; want %q, %v", tc.l.Lang, tc.v, got, ok, tc.want, tc.ok)
		}
	}
}
