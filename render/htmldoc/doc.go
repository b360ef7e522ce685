// Package htmldoc writes a render.Document as one self-contained HTML5 file: the
// templates and style sheet come from package templates, charts are inline SVG from
// package charts, the logo a data URI and the font (Go Regular and Bold, or the brand's
// font) an embedded, subset @font-face. There is no script and nothing is fetched from
// the network; everything from the plan is escaped by html/template, and Markdown is
// rendered by goldmark without raw HTML and with only http, https and mailto links.
//
//	doc, err := render.Build(plan, figs, render.Options{Now: now, KepVersion: v})
//	err = htmldoc.Write(w, doc, htmldoc.Options{})
package htmldoc
