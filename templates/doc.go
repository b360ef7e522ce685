// Package templates holds the HTML templates and the style sheet of kep's documents,
// embedded in the binary so that a rendered document needs no files at run time.
// render/htmldoc parses them once; the style sheet is inlined into every document.
package templates

import "embed"

// FS holds document.html.tmpl (the plan document) and document.css (its style sheet,
// screen and print).
//
//go:embed *.tmpl *.css
var FS embed.FS
