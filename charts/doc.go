// Package charts draws the plan's charts — scorecard radar, polarity profile, quadrant
// portfolios, history, SWOT grid, value calculation and relationship map — from plain data
// and caller-supplied, already localized strings. It knows nothing about plans.
//
// Every chart is drawn once, against go-chart's Renderer interface, and comes out through
// two backends: SVG for inline use in HTML (go-chart's SVG renderer, wrapped so that all
// text is escaped) and vector paths with real text inside an fpdf document. Both draw on a
// large integer canvas (go-chart's coordinates are integers) that is scaled down.
package charts
