package main

import (
	"io"
	"strings"
	"time"

	"github.com/kepdev/kep"
	"github.com/kepdev/kep/render"
	"github.com/kepdev/kep/render/edition"
	"github.com/kepdev/kep/render/htmldoc"
	"github.com/kepdev/kep/render/onepage"
	"github.com/kepdev/kep/render/pdfdoc"
	"github.com/kepdev/kep/render/slides"
)

// The management outputs (-f onepage, slides) and the editions (--edition internal |
// customer) of kep render: which formats a run may ask for, how their files are named,
// and which model each is written from.

// renderFormats are the formats of kep render, in the order they are written.
var renderFormats = []string{"pdf", "html", "onepage", "slides"}

// parseRenderFormats reads render's -f list: any of pdf, html, onepage, slides, each at
// most once; the result is in renderFormats order.
func parseRenderFormats(s string) ([]string, error) {
	want := map[string]bool{}
	for _, f := range strings.Split(s, ",") {
		f = strings.TrimSpace(f)
		ok := false
		for _, k := range renderFormats {
			if f == k {
				ok = true
			}
		}
		if !ok {
			return nil, errorf("unknown format %q: want a list of pdf, html, onepage, slides", f)
		}
		want[f] = true
	}
	var out []string
	for _, k := range renderFormats {
		if want[k] {
			out = append(out, k)
		}
	}
	return out, nil
}

// parseEdition checks --edition.
func parseEdition(s string) (string, error) {
	switch s {
	case "", "internal":
		return "internal", nil
	case "customer":
		return "customer", nil
	}
	return "", errorf("unknown edition %q: want internal or customer", s)
}

// outputName is the file a format of an edition is written to: hansa.pdf, hansa.html,
// hansa.onepage.pdf, hansa.slides.pdf; hansa.customer.pdf, hansa.customer.onepage.pdf, ….
func outputName(base, format, ed string) string {
	if ed == "customer" {
		base += ".customer"
	}
	switch format {
	case "onepage", "slides":
		return base + "." + format + ".pdf"
	}
	return base + "." + format
}

// isPDFFormat reports whether a format writes a PDF (refused on a terminal with -o -).
func isPDFFormat(format string) bool { return format != "html" }

// editionModel is what the documents of one plan and edition are written from: the
// customer edition has its own plan (kep.CustomerPlan), figures and document, and never
// sees the internal ones.
type editionModel struct {
	plan *kep.Plan
	figs *kep.Figures
	doc  *render.Document
}

// customerModel builds the customer edition's model from the plan.
func customerModel(p *kep.Plan, now time.Time, version string) (*editionModel, error) {
	doc, cp, err := edition.Customer(p, edition.Options{Now: now, KepVersion: version})
	if err != nil {
		return nil, err
	}
	return &editionModel{plan: cp, figs: kep.Compute(cp, now), doc: doc}, nil
}

// writeFormat writes one format of a model to w and returns its page count (0 for HTML)
// and a warning about characters the PDF font cannot draw.
func writeFormat(w io.Writer, format, path string, m *editionModel, customer bool, now time.Time, version string) (pages int, warn string, err error) {
	popt := pdfdoc.Options{Now: now, KepVersion: version}
	var res pdfdoc.Result
	switch format {
	case "pdf":
		res, err = pdfdoc.Write(w, m.doc, popt)
	case "html":
		return 0, "", htmldoc.Write(w, m.doc, htmldoc.Options{})
	case "onepage":
		res, _, err = onepage.Write(w, m.plan, m.figs, m.doc, onepage.Options{PDF: popt, Customer: customer})
	case "slides":
		res, err = slides.Write(w, m.plan, m.figs, m.doc, slides.Options{PDF: popt, Customer: customer})
	default:
		return 0, "", errorf("unknown format %q", format)
	}
	if err == nil && len(res.Replaced) > 0 {
		warn = tr("%s: warning: the PDF font cannot draw %s; shown as placeholders", path, res.ReplacedText())
	}
	return res.Pages, warn, err
}
