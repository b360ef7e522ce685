// Package templates holds the style sheet of kep's HTML documents (screen and print),
// embedded in the binary so that a rendered document needs no files at run time.
// render/htmldoc inlines it into every document; the page itself is written by Go code
// there, which escapes every string from the plan.
package templates

import _ "embed" // for the style sheet

// CSS is document.css, the fixed part of every document's style sheet.
//
//go:embed document.css
var CSS string
