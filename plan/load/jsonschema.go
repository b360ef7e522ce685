package load

import (
	"encoding/json"
)

// JSONSchema returns a JSON Schema (draft-07) of the plan format, made from the same key
// definitions the loader checks with, for editors that check TOML against one (Taplo, Even
// Better TOML: a `#:schema` line at the top of a plan). Descriptions are English, then
// German, which also stands alone in x-description-de. Rules that span keys (sums,
// references) are for `kep validate` only.
func JSONSchema() ([]byte, error) {
	return schemaJSON(planSchema(), "kep plan, format 1")
}

// WorkspaceJSONSchema is JSONSchema for the workspace file kep.toml.
func WorkspaceJSONSchema() ([]byte, error) {
	return schemaJSON(workspaceSchema(), "kep workspace file (kep.toml)")
}

func schemaJSON(s *keySpec, title string) ([]byte, error) {
	root := jsonNode(s)
	root["$schema"] = "http://json-schema.org/draft-07/schema#"
	root["title"] = title
	b, err := json.MarshalIndent(root, "", "  ")
	if err != nil {
		return nil, err
	}
	return append(b, '\n'), nil
}

type jsonObj = map[string]any

func jsonNode(s *keySpec) jsonObj {
	n := jsonObj{}
	if s.en != "" {
		// Editors show only "description" on hover: both languages go there, and the
		// German one alone in x-description-de for tools that pick a language.
		n["description"] = s.en + " — " + s.de
		n["x-description-de"] = s.de
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
			props[k.name] = jsonNode(k)
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
		item := jsonNode(&keySpec{kind: kindTable, keys: s.keys})
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
