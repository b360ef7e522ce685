package render

import (
	"strings"
	"testing"

	"github.com/kepdev/kep/locale"
	"github.com/kepdev/kep/plan"
)

func TestFormats(t *testing.T) {
	de, en := NewFormat("de", "EUR"), NewFormat("en", "EUR")
	nb := func(s string) string { return strings.ReplaceAll(s, "\u00a0", " ") }
	for _, tc := range []struct{ got, want string }{
		{de.Money(1_850_000), "1.850.000 €"},
		{en.Money(1_850_000), "€1,850,000"},
		{de.Money(75.5), "75,50 €"},
		{en.Money(-1200), "−€1,200"},
		{de.Money(-1200), "−1.200 €"},
		{NewFormat("de", "CHF").Money(1000), "1.000 CHF"},
		{NewFormat("en", "CHF").Money(1000), "CHF 1,000"},
		{NewFormat("en", "USD").Money(1000), "$1,000"},
		{de.Percent(12.5), "12,5 %"},
		{en.Percent(12.5), "12.5%"},
		{de.Percent(100), "100 %"},
		{de.Percent(97.34), "97,3 %"},
		{de.Date(plan.Date{Year: 2027, Month: 3, Day: 15}), "15.03.2027"},
		{en.Date(plan.Date{Year: 2027, Month: 3, Day: 15}), "15 Mar 2027"},
		{de.MoneyCompact(1_850_000), "1,85 Mio. €"},
		{en.MoneyCompact(1_850_000), "€1.85M"},
		{de.MoneyCompact(410_000), "410 Tsd. €"},
		{en.MoneyCompact(410_000), "€410k"},
		{en.MoneyCompact(2_500_000_000), "€2.5bn"},
		{de.MoneyCompact(950), "950 €"},
		{de.Compact(2_400_000), "2,4 Mio."},
		{en.Compact(97.26), "97.3"},
		{de.Number(1234567.891, 2), "1.234.567,89"},
		{de.Decimal(7.50, 2), "7,5"},
		{de.Number(-0.001, 1), "0,0"},
		{de.Value(1_850_000, "EUR"), "1.850.000 €"},
		{de.Value(22, "%"), "22 %"},
		{de.Value(12.5, "Tage"), "12,5 Tage"},
		{de.Period(plan.Date{Year: 2027, Month: 1, Day: 1}, plan.Date{Year: 2027, Month: 12, Day: 31}), "01.01.2027 – 31.12.2027"},
	} {
		if nb(tc.got) != tc.want {
			t.Errorf("got %q, want %q", nb(tc.got), tc.want)
		}
	}
}

func TestLabelsComplete(t *testing.T) {
	de := LabelsFor("de")
	var all []Labels
	for _, lang := range locale.Langs() {
		l := LabelsFor(lang)
		all = append(all, l)
		for _, k := range de.Keys() {
			if !l.Has(k) {
				t.Errorf("%s lacks %q", lang, k)
			}
		}
		for _, k := range l.Keys() {
			if !de.Has(k) {
				t.Errorf("German lacks %q (%s has it)", k, lang)
			}
		}
	}
	// Every enumerated value of the plan format has a label.
	for _, l := range all {
		for kind, values := range map[string][]string{
			"attitude": plan.Attitudes, "role": plan.BuyingRoles, "topic": plan.ChecklistTopics, "perspective": plan.Perspectives,
			"status": {"draft", "review", "approved"}, "confidentiality": {"public", "internal", "confidential", "strictly-confidential"},
			"quadrant": {"star", "question", "cash", "marginal"}, "competence": {"core", "gap", "selective", "irrelevant"},
			"light": {"green", "amber", "red"}, "level": {"high", "medium", "low"}, "action": {"open", "doing", "done", "dropped"},
			"check": {"yes", "partly", "no", "na"}, "relationship": {"0", "1", "2", "3", "4"}, "influence": {"1", "2", "3"},
		} {
			for _, v := range values {
				if !l.Has(kind + "." + v) {
					t.Errorf("%s: no label for %s.%s", l.Lang, kind, v)
				}
			}
		}
	}
}

func TestSafeURL(t *testing.T) {
	for u, want := range map[string]bool{
		"https://example.com": true, "http://example.com/a?b=c": true, "mailto:a@example.com": true,
		"HTTPS://EXAMPLE.COM": true, "javascript:alert(1)": false, "JavaScript:alert(1)": false,
		" javascript:alert(1)": false, "java\tscript:alert(1)": false, "jav&#x61;script:alert(1)": false,
		"javascript%3Aalert(1)": false, "data:text/html,x": false, "vbscript:x": false, "file:///etc/passwd": false,
		"/relative": false, "#anchor": false, "": false, "https://": false, "mailto:": false,
		"\x01javascript:alert(1)": false,
	} {
		if got := SafeURL(u); got != want {
			t.Errorf("SafeURL(%q) = %v, want %v", u, got, want)
		}
	}
}
