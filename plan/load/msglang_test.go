package load

import (
	"strings"
	"testing"

	"github.com/kepdev/kep/plan"
)

// TestMessagesInEveryLanguage: every finding reads in German and French with the same
// "file:line:col: key.path:" prefix as in English (editors jump by it), and the text
// after it is translated, not the English again.
func TestMessagesInEveryLanguage(t *testing.T) {
	plans := map[string]string{
		"values": header + `owner = "x"
[selection]
visits = "viele"
[[contacts]]
id = "a"
name = "A"
role = "CEO"
influence = 3
attitude = "Befürworter"
relationship = 9
`,
		"syntax": header + "owner = Anna\nx = 1.234,5\n[scorecard\n",
		"weights": header + `[scorecard]
weights = { finance = 50, customer = 40 }
`,
	}
	for name, src := range plans {
		_, ds := load(t, "", src)
		if len(ds) == 0 {
			t.Fatalf("%s: no findings", name)
		}
		for _, d := range ds {
			en := d.String()
			prefix := strings.TrimSuffix(en, d.Message)
			if prefix == en {
				t.Fatalf("%s: %q does not end in its message", name, en)
			}
			for _, lang := range []string{"de", "fr"} {
				got := d.StringIn(lang)
				if !strings.HasPrefix(got, prefix) {
					t.Errorf("%s: %s: prefix changed:\n en %s\n %s %s", name, lang, en, lang, got)
				}
				if got == en {
					t.Errorf("%s: %s: not translated: %s", name, lang, got)
				}
			}
		}
	}
}

// TestEnumHintInTheUsersWords: the German or French word of an allowed value is answered
// with the value, in the reader's language.
func TestEnumHintInTheUsersWords(t *testing.T) {
	_, ds := load(t, "", header+`[[competitors]]
id = "c"
name = "C"
threat = "hoch"
`)
	var d *plan.Diagnostic
	for i := range ds {
		if ds[i].Path == "competitors[0].threat" {
			d = &ds[i]
		}
	}
	if d == nil {
		t.Fatalf("no finding at competitors[0].threat in %v", ds)
	}
	_, ds = load(t, "", header+`[[contacts]]
id = "a"
name = "A"
influence = "hoch"
attitude = "neutral"
relationship = 2
`)
	if got, want := messages(ds, false), "/ws/p.toml:9:1: contacts[0].influence: want a whole number, not text \"hoch\"; did you mean 3?"; len(got) != 1 || got[0] != want {
		t.Errorf("influence: got %q, want %q", got, want)
	} else if got, want := ds[0].StringIn("de"), "/ws/p.toml:9:1: contacts[0].influence: \"hoch\" ist kein gültiger Wert; meinten Sie `3`?"; got != want {
		t.Errorf("influence, de: got %q, want %q", got, want)
	}
	for lang, want := range map[string]string{
		"de": "competitors[0].threat: \"hoch\" ist kein gültiger Wert; meinten Sie `high`?",
		"en": `competitors[0].threat: "hoch" is not one of high, medium, low; did you mean "high"?`,
		"fr": "competitors[0].threat: \"hoch\" n’est pas une valeur valide ; vouliez-vous dire `high` ?",
	} {
		if got := d.StringIn(lang); !strings.HasSuffix(got, want) {
			t.Errorf("%s: got %s\nwant …%s", lang, got, want)
		}
	}
}

// TestStatedLang: findings carry the lang their plan (or its workspace) states, also
// when the file cannot be parsed.
func TestStatedLang(t *testing.T) {
	for _, tc := range []struct{ ws, pl, want string }{
		{"", "lang = \"fr\"\n" + header + "owner = Anna\n", "fr"},
		{"", header + "[scorecard\n", ""},
		{"lang = 'de'\n", header + "bogus = 1\n", "de"},
		{"lang = \"de\"\n", "lang = \"en\"\n" + header + "bogus = 1\n", "en"},
		{"", header + "lang = \"fr\"\n", ""}, // inside [plan]: not the file's lang
	} {
		_, ds := load(t, tc.ws, tc.pl)
		if len(ds) == 0 {
			t.Fatalf("%q: no findings", tc.pl)
		}
		for _, d := range ds {
			if d.File == "/ws/p.toml" && d.Lang != tc.want {
				t.Errorf("%q with workspace %q: Lang %q, want %q (%s)", tc.pl, tc.ws, d.Lang, tc.want, d)
			}
		}
	}
}
