// Package htmldoc writes a render.Document as one self-contained HTML5 file: the page's
// frame (head, cover, footer) is the html/template of package templates, its chapters
// are written by Go code straight into a buffer (templates for the blocks cost more
// than half of the writer's time in reflection), the style sheet comes from package
// templates too, charts are inline SVG from package charts, the logo a data URI and the font (Go Regular and
// Bold, or the brand's font) an embedded @font-face, subset to the characters the page
// uses. There is no script and nothing is fetched from the network; every string from
// the plan goes through the escapers of escape.go (equal to html/template's, a fuzz test
// compares them), and Markdown is rendered by goldmark without raw HTML and with only
// http, https and mailto links. A print style sheet sets the paper size, repeats table
// headers, keeps headings with what follows, prints link targets and puts the
// confidentiality and "page n / N" on every page.
//
//	doc, err := render.Build(plan, figs, render.Options{Now: now, KepVersion: v})
//	err = htmldoc.Write(w, doc, htmldoc.Options{})
//
// Tests: golden files per sample (go test ./render/htmldoc -update rewrites them), a
// hostile plan checked element by element, and three checks with external tools that run
// when the tools are found and must run when KEP_REQUIRE_TOOLS=1: the Nu Html Checker
// (java and npm vnu-jar), axe-core and screenshots in headless Chromium (node, npm
// axe-core and playwright-core, chromium). The npm packages are pinned in
// testdata/tools/package.json; install them outside the repository and point NODE_PATH
// at them:
//
//	npm install --prefix ~/.cache/kep-node axe-core@4.14.1 playwright-core@1.65.1 vnu-jar@26.9.27
//	NODE_PATH=~/.cache/kep-node/node_modules KEP_SCREENSHOT_DIR=/tmp/shots go test ./render/htmldoc
package htmldoc
