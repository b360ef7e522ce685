// Package charts draws the plan's charts — scorecard radar (Radar), polarity profile
// (Polarity), scoring and competence portfolios (Quadrant), history (History), SWOT grid
// (SWOTGrid), value calculation (ValueChart) and relationship map (RelationshipMap) — from
// plain data and caller-supplied, already localized strings. It knows nothing about plans.
//
// Every chart is drawn once, against go-chart's Renderer interface, and comes out through
// two backends: SVG returns an <svg> element for inline use in HTML (the markup of go-chart's
// SVG renderer, written directly and with all text escaped), PDF draws vector paths and real text
// into an fpdf page. Both draw on an integer canvas ten times the design size (go-chart's
// coordinates are integers) that is scaled down. A Theme carries the brand colours, the
// font family and the number format; its zero value works.
//
// A chart whose Empty reports true has nothing to show: the caller leaves it out with a
// note. Any other data, however degenerate, draws a readable chart without error.
package charts
