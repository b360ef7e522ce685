// Package figures derives every figure of a checked plan (Compute): customer selection
// and visit needs, scorecard, offering, readiness, value, network, actions, pipeline,
// asks, checklists and the year-on-year review. It finds no warnings (plan/check does)
// and never changes the plan.
package figures
