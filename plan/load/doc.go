// Package load reads plans and their workspace (kep.toml): it finds the workspace, decodes
// a plan once with the positions of its keys (lineindex.go), checks every key, type and
// range against the one key table (schema.go, walked by walk.go and written out as JSON
// Schema by jsonschema.go), words the syntax mistakes (syntax.go, messages.go), checks the
// rules that span keys (validate.go) and the brand's assets (assets.go), and fills the
// effective values. It returns the plan and its load findings; the plan's warnings are
// plan/check's. kep init's scaffold (scaffold.go) and the check for its untouched example
// texts (examples.go) live here too, as does the customer edition's copy (edition.go).
package load
