package htmldoc

// frame writes the page's frame: what templates/document.html.tmpl says, escaped as
// html/template escapes it (TestFrameMatchesTemplate and FuzzFrame compare the two), but
// without the template's parsing, escaping analysis and reflection, which a process
// paid on its first page (~0.6 ms, 850 allocations). Style and Main are written as
// they are (html/template passes trusted CSS and HTML unchanged); every other string
// goes through the table of html/template's text and attribute escaper.
func (p *page) frame(data *frameData) {
	d := p.d
	p.raw("<!DOCTYPE html>\n<html lang=\"")
	p.text(d.Lang)
	p.raw("\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<meta name=\"generator\" content=\"")
	p.text(d.Generator)
	p.raw("\">\n<meta name=\"description\" content=\"")
	p.text(data.Description)
	p.raw("\">\n<meta name=\"color-scheme\" content=\"light\">\n<title>")
	p.text(d.Title)
	p.raw("</title>\n<style>\n")
	p.raw(string(data.Style))
	p.raw("\n</style>\n</head>\n<body>\n<a class=\"skip\" href=\"#main\">")
	p.text(d.Labels.T("doc.skip"))
	p.raw("</a>\n<header class=\"cover\">\n<div class=\"cover-inner\">\n<div class=\"cover-brand\">")
	if data.Logo != "" {
		// A data URI of base64 (document): html/template's URL normaliser keeps all of
		// its bytes, its attribute escaper then escapes '+'.
		p.raw(`<img class="logo" src="`)
		p.text(string(data.Logo))
		p.raw(`" alt="`)
		p.text(data.LogoAlt)
		p.raw(`">`)
	}
	if d.Company != "" {
		p.raw(`<p class="company">`)
		p.text(d.Company)
		p.raw("</p>")
	}
	p.raw(`<p class="badge conf">`)
	p.text(d.Confidentiality)
	p.raw("</p>\n</div>\n<h1>")
	p.text(d.Title)
	p.raw("</h1>\n<dl class=\"cover-facts\">")
	for _, f := range d.Cover {
		p.raw("\n<div><dt>")
		p.text(f.Label)
		p.raw("</dt><dd>")
		p.text(f.Value)
		p.raw("</dd></div>")
	}
	p.raw("\n</dl>\n</div>\n</header>\n<main id=\"main\">")
	p.raw(string(data.Main))
	p.raw("\n</main>\n<footer class=\"doc-footer\">\n<p><span class=\"conf\">")
	p.text(d.Confidentiality)
	p.raw("</span>")
	if d.Company != "" {
		p.raw(" · ")
		p.text(d.Company)
	}
	p.raw(" · ")
	p.text(d.Account)
	if d.Footer != "" {
		p.raw(" · ")
		p.text(d.Footer)
	}
	p.raw("</p>\n<p class=\"muted\">")
	p.text(data.Generated)
	p.raw("</p>\n</footer>\n</body>\n</html>\n")
}
