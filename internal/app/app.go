// Package app is kep's pipeline, written once: a plan loaded and checked (package plan),
// its figures derived, its document built (render; render/edition for the customer
// edition) and written in a format (render/pdfdoc, htmldoc, onepage, slides). kep render,
// kep serve, kep portfolio and kep diff all go through it, so that a new format or
// edition is added in one place.
package app

import (
	"errors"
	"io"
	"time"

	"github.com/kepdev/kep/plan"
	"github.com/kepdev/kep/plan/check"
	"github.com/kepdev/kep/plan/figures"
	"github.com/kepdev/kep/render"
	"github.com/kepdev/kep/render/edition"
	"github.com/kepdev/kep/render/htmldoc"
	"github.com/kepdev/kep/render/onepage"
	"github.com/kepdev/kep/render/pdfdoc"
	"github.com/kepdev/kep/render/slides"
)

// Formats are the formats of a plan's documents, in the order kep render writes them.
var Formats = []string{"pdf", "html", "onepage", "slides"}

// Editions: the whole plan, or what may be shared with the account (spec "Editions").
const (
	Internal = "internal"
	Customer = "customer"
)

// Options are what every document of a run shares.
type Options struct {
	Now     time.Time // the as-of date: the documents' date and the 90-day rules
	Version string    // kep's version, in the documents' metadata
}

// Load loads and checks the plan at path with a new loader (a loader caches workspace
// files: the preview must see a saved kep.toml).
func Load(path string, now time.Time) (*plan.Plan, plan.Diagnostics) {
	return (&check.Loader{Now: now}).LoadPlan(path)
}

// Figures derives the plan's figures; with prev (last period's plan, --previous) also
// the review of last year against this one.
func Figures(p, prev *plan.Plan, now time.Time) *figures.Figures {
	f := check.Compute(p, now)
	AddReview(f, p, prev, now)
	return f
}

// AddReview adds to f, the figures of p, the review of prev (last period's plan) against
// p; nothing when prev is nil.
func AddReview(f *figures.Figures, p, prev *plan.Plan, now time.Time) {
	if prev != nil {
		f.Review = figures.CompareReview(prev, p, check.Compute(prev, now), f)
	}
}

// Model is what the documents of one plan and edition are written from. The customer
// edition's model holds its own plan (plan.CustomerPlan), figures and document and never
// the internal ones.
type Model struct {
	Plan     *plan.Plan
	Figures  *figures.Figures
	Doc      *render.Document
	Customer bool
}

// NewModel builds the model of an edition. The customer edition is built from the plan
// alone: ropt's changes and previous plan are internal and do not reach it.
func NewModel(p *plan.Plan, f *figures.Figures, ed string, ropt render.Options) (*Model, error) {
	if ed == Customer {
		doc, cp, err := edition.Customer(p, edition.Options{Now: ropt.Now, KepVersion: ropt.KepVersion})
		if err != nil {
			return nil, err
		}
		return &Model{Plan: cp, Figures: check.Compute(cp, ropt.Now), Doc: doc, Customer: true}, nil
	}
	doc, err := render.Build(p, f, ropt)
	if err != nil {
		return nil, err
	}
	return &Model{Plan: p, Figures: f, Doc: doc}, nil
}

// Result is what writing a format reports: the pages of a PDF (0 for HTML) and the
// characters the PDF's fonts could not draw (shown as placeholders).
type Result struct {
	Pages    int
	Replaced string
}

// Write writes one format of a model to w.
func Write(w io.Writer, format string, m *Model, opt Options) (Result, error) {
	popt := pdfdoc.Options{Now: opt.Now, KepVersion: opt.Version}
	var res pdfdoc.Result
	var err error
	switch format {
	case "pdf", "html":
		return WriteDoc(w, format, m.Doc, opt)
	case "onepage":
		res, _, err = onepage.Write(w, m.Plan, m.Figures, m.Doc, onepage.Options{PDF: popt, Customer: m.Customer})
	case "slides":
		res, err = slides.Write(w, m.Plan, m.Figures, m.Doc, slides.Options{PDF: popt, Customer: m.Customer})
	default:
		return Result{}, errUnknownFormat
	}
	return result(res), err
}

// WriteDoc writes a built document (a plan's, the portfolio report, the change report)
// as pdf or html.
func WriteDoc(w io.Writer, format string, doc *render.Document, opt Options) (Result, error) {
	switch format {
	case "pdf":
		res, err := pdfdoc.Write(w, doc, pdfdoc.Options{Now: opt.Now, KepVersion: opt.Version})
		return result(res), err
	case "html":
		return Result{}, htmldoc.Write(w, doc, htmldoc.Options{})
	}
	return Result{}, errUnknownFormat
}

var errUnknownFormat = errors.New("unknown format")

func result(res pdfdoc.Result) Result {
	r := Result{Pages: res.Pages}
	if len(res.Replaced) > 0 {
		r.Replaced = res.ReplacedText()
	}
	return r
}

// OutputName is the file a format of an edition is written to: hansa.pdf, hansa.html,
// hansa.onepage.pdf, hansa.slides.pdf; hansa.customer.pdf, hansa.customer.onepage.pdf, ….
func OutputName(base, format, ed string) string {
	if ed == Customer {
		base += ".customer"
	}
	switch format {
	case "onepage", "slides":
		return base + "." + format + ".pdf"
	}
	return base + "." + format
}

// IsPDF reports whether a format writes a PDF.
func IsPDF(format string) bool { return format != "html" }
