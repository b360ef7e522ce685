package locale

import (
	"strings"
	"testing"
)

// Every language has every label, noun, field and phrase German has, and nothing German
// lacks: a missing word would show as its key in a document.
func TestLanguagesComplete(t *testing.T) {
	ref := All()[0]
	for _, l := range All()[1:] {
		same(t, l.Lang+" labels", keys(ref.labels), keys(l.labels))
		same(t, l.Lang+" fields", keys(ref.fields), keys(l.fields))
		same(t, l.Lang+" phrases", keys(ref.phrases), keys(l.phrases))
		nouns := func(m map[string]Noun) map[string]bool {
			out := map[string]bool{}
			for k := range m {
				out[k] = true
			}
			return out
		}
		same(t, l.Lang+" nouns", nouns(ref.nouns), nouns(l.nouns))
	}
	for _, l := range All() {
		for k, v := range l.labels {
			if strings.TrimSpace(v) == "" {
				t.Errorf("%s: label %s is empty", l.Lang, k)
			}
			// The same verbs in the same order, so that one Sprintf call serves every
			// language.
			if a, b := verbs(ref.labels[k]), verbs(v); a != b {
				t.Errorf("%s: label %s has verbs %q, %s has %q", l.Lang, k, b, ref.Lang, a)
			}
		}
		for _, k := range []string{"lang." + l.Lang} {
			if !l.HasPhrase(k) {
				t.Errorf("%s: no name of the language itself (%s)", l.Lang, k)
			}
		}
	}
}

func keys(m map[string]string) map[string]bool {
	out := map[string]bool{}
	for k := range m {
		out[k] = true
	}
	return out
}

func same(t *testing.T, what string, want, got map[string]bool) {
	t.Helper()
	for k := range want {
		if !got[k] {
			t.Errorf("%s: missing %q", what, k)
		}
	}
	for k := range got {
		if !want[k] {
			t.Errorf("%s: %q is not in the reference language", what, k)
		}
	}
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
	if len(All()) < 2 || All()[0].Lang != "de" {
		t.Fatalf("All() = %v: German, the default, comes first", Langs())
	}
	for _, l := range All() {
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
