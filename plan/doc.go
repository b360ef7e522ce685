// Package plan is the plan model of kep: the types of a key account development plan
// (TOML, spec/plan-format.md) and its workspace file, dates, findings (Diagnostics) and
// the built-in defaults. It reads no files and holds no rules; its packages are the
// pipeline, in order:
//
//   - plan/load finds the workspace and decodes a plan with positions, checks its keys,
//     types and ranges against the one key table (schema.go) and the rules that span keys;
//   - plan/figures derives every figure;
//   - plan/check finds the warnings, once, from plan, figures and as-of date.
//
// charts/ and render/ build on them. Decisions where the spec is silent:
// docs/format-decisions.md.
package plan
