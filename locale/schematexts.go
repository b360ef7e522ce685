package locale

// kep schema describes every key of the plan format and of kep.toml for editors' hover
// texts. The English and German descriptions stand beside each key's definition
// (plan/load/schema.go); every other language's are a table of its locale file keyed by
// the English description, as its messages are (frSchemaTexts in fr.go), built on first
// use. plan/load's TestSchemaTextsComplete names each key a language lacks.

// SchemaText returns lang's description of a key of the plan format, given the English
// description; ok is false where the language has none (English and German included:
// their descriptions are the schema's own).
func SchemaText(lang, en string) (s string, ok bool) {
	if l := Lookup(lang); l != nil && l.schemaTexts != nil {
		s, ok = l.schemaTexts()[en]
	}
	return s, ok
}

// SchemaTexts returns lang's descriptions keyed by the English ones (nil where the
// language has no table), for the test that holds them to the schema's keys.
func SchemaTexts(lang string) map[string]string {
	if l := Lookup(lang); l != nil && l.schemaTexts != nil {
		return l.schemaTexts()
	}
	return nil
}
