// Package plan is the plan model of kep: it decodes key account development plans
// (TOML, spec/plan-format.md) and their workspace file, checks them per building block,
// and computes every derived figure. It renders nothing; charts/ and render/ build on it.
//
// The pipeline, one file each: load.go finds the workspace and decodes; schema.go is the
// one definition of every key, walked by walk.go (exact keys, types, ranges) and written
// out by jsonschema.go; lineindex.go maps key paths to source lines for messages;
// validate.go holds the rules that span keys; assets.go checks logo and fonts;
// defaults.go fills the effective values; compute.go derives the figures and warnings.go
// the warnings. Decisions where the spec is silent: docs/format-decisions.md.
package plan
