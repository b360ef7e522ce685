package load

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/kepdev/kep/locale"
)

// walkSpecs calls f with every key of both schemas that has a description, and its path.
func walkSpecs(f func(path string, s *keySpec)) {
	var walk func(path string, s *keySpec)
	walk = func(path string, s *keySpec) {
		if s.en != "" {
			f(path, s)
		}
		for _, k := range s.keys {
			p := k.name
			if path != "" {
				p = path + "." + k.name
			}
			walk(p, k)
		}
	}
	walk("", planSchema())
	walk("kep.toml", workspaceSchema())
}

// Every key of the plan format and of kep.toml is described in every language (English
// and German beside the key's definition, the others in their locale file), and no
// language keeps a description of a key that is gone.
func TestSchemaTextsComplete(t *testing.T) {
	for _, l := range locale.Langs() {
		if l == "en" || l == "de" {
			continue
		}
		used := map[string]bool{"or": true}
		walkSpecs(func(path string, s *keySpec) {
			k := s.en
			if s.enFmt != "" {
				k = s.enFmt
			}
			used[k] = true
			if t2, ok := descIn(s, l); !ok || strings.TrimSpace(t2) == "" {
				t.Errorf("%s: no %s description of %q in locale/%s.go (schema texts)", pathOr(path), l, k, l)
			}
		})
		if _, ok := locale.SchemaText(l, "or"); !ok {
			t.Errorf("locale/%s.go (schema texts): no word for \"or\"", l)
		}
		for k := range locale.SchemaTexts(l) {
			if !used[k] {
				t.Errorf("locale/%s.go (schema texts): %q describes no key of the schema", l, k)
			}
		}
	}
}

func pathOr(p string) string {
	if p == "" {
		return "the plan"
	}
	return p
}

// The description editors show is in the reader's language, then English; an English
// reader, and one whose language kep has no descriptions in, gets English then German as
// before. Every language but English stands alone in x-description-LANG.
func TestJSONSchemaLanguages(t *testing.T) {
	en, err := JSONSchema("en")
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ lang, desc, xfr string }{
		{"en", "draft (default), review or approved. — draft (Vorgabe), review oder approved.", "draft (par défaut), review ou approved."},
		{"de", "draft (Vorgabe), review oder approved. — draft (default), review or approved.", "draft (par défaut), review ou approved."},
		{"fr", "draft (par défaut), review ou approved. — draft (default), review or approved.", "draft (par défaut), review ou approved."},
		{"xx", "draft (default), review or approved. — draft (Vorgabe), review oder approved.", "draft (par défaut), review ou approved."},
	} {
		for _, make := range []func(string) ([]byte, error){JSONSchema, WorkspaceJSONSchema} {
			b, err := make(c.lang)
			if err != nil {
				t.Fatal(err)
			}
			var v map[string]any
			if err := json.Unmarshal(b, &v); err != nil {
				t.Fatalf("%s: %v", c.lang, err)
			}
		}
		b, _ := JSONSchema(c.lang)
		if c.lang == "xx" && !bytes.Equal(b, en) {
			t.Error("xx: the schema differs from the English one")
		}
		var s struct {
			Properties map[string]struct {
				Properties map[string]map[string]any `json:"properties"`
			} `json:"properties"`
		}
		if err := json.Unmarshal(b, &s); err != nil {
			t.Fatal(err)
		}
		status := s.Properties["plan"].Properties["status"]
		if status["description"] != c.desc || status["x-description-fr"] != c.xfr || status["x-description-de"] != "draft (Vorgabe), review oder approved." {
			t.Errorf("%s: plan.status: %v", c.lang, status)
		}
	}
	fr, _ := JSONSchema("fr")
	for _, want := range []string{
		`"description": "Langue des documents : de, en ou fr ; par défaut de. — Language of the documents: de, en or fr; default de."`,
		`"description": "Plan de développement du compte clé kep, format 1. — kep key account development plan, format 1."`,
	} {
		if !bytes.Contains(fr, []byte(want)) {
			t.Errorf("fr: no %s", want)
		}
	}
	if bytes.Contains(fr, []byte(" — Sprache")) {
		t.Error("fr: a description still ends in German")
	}
}
