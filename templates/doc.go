// Package templates holds what shapes kep's HTML documents, embedded in the binary so
// that a rendered document needs no files at run time: the page's frame as an
// html/template (head, cover, main, footer) and its style sheet (screen and print).
// render/htmldoc writes the frame in Go code (frame.go) that its tests hold to this
// template byte for byte (parsing and executing it cost every process ~0.6 ms); the
// chapters inside it are written by Go code there too, which escapes every string from
// the plan as html/template does (five times faster than templates for the blocks).
package templates

import "embed" // for the templates and the style sheet

// Document is document.html.tmpl: the template "document", the frame of every page, as
// render/htmldoc's frame.go writes it (a change goes into both; its tests compare).
//
//go:embed document.html.tmpl
var Document string

// CSS is document.css, the fixed part of every document's style sheet.
//
//go:embed document.css
var CSS string

// Workspace holds scaffold/LANG/kep.toml, one per document language: the kep.toml that
// kep init --workspace writes, every workspace key with a comment in the user's
// language, filled with the built-in defaults (text/template). A language's scaffolds
// are one folder, scaffold/LANG/ (docs/adding-a-language.md).
//
//go:embed scaffold/*/kep.toml
var Workspace embed.FS

// WorkspaceFile is the path in Workspace of the kep.toml template of lang.
func WorkspaceFile(lang string) string { return "scaffold/" + lang + "/kep.toml" }

// Scaffold holds scaffold/LANG/plan.toml, one per document language: the commented plan
// that kep init writes (text/template), also the reference for example values (spec A9).
//
//go:embed scaffold/*/plan.toml
var Scaffold embed.FS

// PlanFile is the path in Scaffold of the plan template of lang.
func PlanFile(lang string) string { return "scaffold/" + lang + "/plan.toml" }
