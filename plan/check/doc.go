// Package check finds a plan's warnings, the findings that do not stop rendering (a block
// left empty, a date passed, visits off the norm, a key contact neglected, a link the
// documents will not show), once per plan and as-of date, from the plan, its figures and
// that date, and applies its [[accepted]] entries (spec A7).
//
// Loader is plan/load's Loader with the warnings added; Compute is plan/figures' Compute
// with them: the pipeline's load and figures steps.
package check
