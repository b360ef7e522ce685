// Package portfolio builds the portfolio report: one document over the plans of one
// workspace, for the management of a sales organisation. Compute aggregates the plans'
// derived figures (ranking, totals, visit norms, scorecards side by side); Document turns
// them into a render.Document that the HTML and PDF writers draw like a plan document.
package portfolio
