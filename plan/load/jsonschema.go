package load

import (
	"encoding/json"
	"fmt"

	"github.com/kepdev/kep/locale"
)

// JSONSchema returns a JSON Schema (draft-07) of the plan format, made from the same key
// definitions the loader checks with, for editors that check TOML against one (Taplo, Even
// Better TOML: a `#:schema` line at the top of a plan). Editors show "description" on
// hover: it is in lang, the reader's language, followed by English ("de": German —
// English, "fr": French — English); in English, and in a language without descriptions,
// English — German. Every language but English also stands alone in
// x-description-LANG. Rules that span keys (sums, references) are for `kep validate`
// only.
func JSONSchema(lang string) ([]byte, error) {
	return schemaJSON(planSchema(), "kep plan, format 1", lang)
}

// WorkspaceJSONSchema is JSONSchema for the workspace file kep.toml.
func WorkspaceJSONSchema(lang string) ([]byte, error) {
	return schemaJSON(workspaceSchema(), "kep workspace file (kep.toml)", lang)
}

func schemaJSON(s *keySpec, title, lang string) ([]byte, error) {
	root := jsonNode(s, lang)
	root["$schema"] = "http://json-schema.org/draft-07/schema#"
	root["title"] = title
	b, err := json.MarshalIndent(root, "", "  ")
	if err != nil {
		return nil, err
	}
	return append(b, '\n'), nil
}

// descIn returns s's description in lang and whether the language has one: English and
// German from the key's definition, every other language from its locale file, keyed by
// the English description (locale.SchemaText).
func descIn(s *keySpec, lang string) (string, bool) {
	switch lang {
	case "en":
		return s.en, true
	case "de":
		return s.de, true
	}
	if s.enFmt == "" {
		return locale.SchemaText(lang, s.en)
	}
	f, ok := locale.SchemaText(lang, s.enFmt)
	or, orOK := locale.SchemaText(lang, "or")
	if !ok || !orOK {
		return "", false
	}
	return fmt.Sprintf(f, listOr(langs, or), locale.Default().Lang), true
}

type jsonObj = map[string]any

func jsonNode(s *keySpec, lang string) jsonObj {
	n := jsonObj{}
	if s.en != "" {
		// Editors show only "description" on hover: the reader's language and English
		// go there (English and German for an English reader, as before French), and
		// each language but English alone in x-description-LANG for tools that pick one.
		n["description"] = s.en + " — " + s.de
		if t, ok := descIn(s, lang); ok && lang != "en" {
			n["description"] = t + " — " + s.en
		}
		for _, l := range langs {
			if t, ok := descIn(s, l); ok && l != "en" {
				n["x-description-"+l] = t
			}
		}
	}
	lo, hi := s.bounds()
	number := func(typ string) {
		n["type"] = typ
		if lo != nil {
			if s.minExcl {
				n["exclusiveMinimum"] = *lo
			} else {
				n["minimum"] = *lo
			}
		}
		if hi != nil {
			n["maximum"] = *hi
		}
	}
	switch s.kind {
	case kindTable:
		props := jsonObj{}
		var required []string
		for _, k := range s.keys {
			if k.wsOnly {
				continue
			}
			props[k.name] = jsonNode(k, lang)
			if k.required {
				required = append(required, k.name)
			}
		}
		n["type"] = "object"
		n["properties"] = props
		n["additionalProperties"] = false
		if len(required) > 0 {
			n["required"] = required
		}
	case kindTables:
		item := jsonNode(&keySpec{kind: kindTable, keys: s.keys}, lang)
		n["type"] = "array"
		n["maxItems"] = MaxRows
		n["items"] = item
	case kindPointsMap:
		n["type"] = "object"
		n["propertyNames"] = jsonObj{"pattern": idPattern}
		n["additionalProperties"] = jsonObj{"type": "number", "minimum": 0, "maximum": 10}
	case kindMoney, kindPercent, kindPoints, kindNumber:
		number("number")
	case kindInteger:
		number("integer")
	case kindBool:
		n["type"] = "boolean"
	case kindDate:
		n["type"] = "string"
		n["format"] = "date"
	case kindText, kindPath:
		n["type"] = "string"
		n["pattern"] = `^[^\n\r]*$`
		if s.required || s.kind == kindPath {
			n["pattern"] = `^[^\n\r]*\S[^\n\r]*$`
		}
	case kindMarkdown:
		n["type"] = "string"
	case kindID:
		n["type"] = "string"
		n["pattern"] = idPattern
	case kindEnum:
		n["type"] = "string"
		n["enum"] = s.enum
	case kindColour:
		n["type"] = "string"
		n["pattern"] = colourPattern
	case kindCurrency:
		n["type"] = "string"
		n["pattern"] = currencyPattern
	case kindTextList:
		n["type"] = "array"
		n["maxItems"] = MaxRows
		n["items"] = jsonObj{"type": "string", "pattern": `^[^\n\r]*$`}
	case kindEnumList:
		n["type"] = "array"
		n["uniqueItems"] = true
		n["items"] = jsonObj{"type": "string", "enum": s.enum}
	}
	return n
}
