// Package kep is the plan model of kep: it decodes key account development plans
// (TOML, spec/plan-format.md) and their workspace file, checks them per building block,
// and computes every derived figure. It renders nothing; charts/ and render/ build on it.
package kep
