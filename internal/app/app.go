// Package app is kep's pipeline, written once: a plan loaded (plan/load) and checked
// (plan/check), its figures derived once (plan/figures; Loader), its document built
// (render; render/edition for the customer edition) and written in a format
// (render/pdfdoc, htmldoc, onepage, slides). Every command of kep that reads plans (render,
// serve, portfolio, diff, figures, export, import, next-year, validate, init) goes
// through it, so that a new step, format or edition is added in one place.
package app

import (
	"errors"
	"io"
	"time"

	"github.com/kepdev/kep/plan"
	"github.com/kepdev/kep/plan/check"
	"github.com/kepdev/kep/plan/figures"
	"github.com/kepdev/kep/plan/load"
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
// files: the preview must see a saved kep.toml) and returns it with its figures (nil when
// the diagnostics hold errors) and diagnostics (check.Loader's Load).
func Load(path string, now time.Time) (*plan.Plan, *figures.Figures, plan.Diagnostics) {
	return (&check.Loader{Now: now}).Load(path)
}

// Loader takes plans through the pipeline's first steps: each is loaded and checked
// (plan/check's Loader: decoded, its warnings found) and, when it has no errors, its
// figures are derived, once (those the check found the warnings from, which check.Loader
// returns with the plan). One Loader may serve many plans in parallel; the loaders of At
// share its parsed workspace files.
type Loader struct {
	check *check.Loader
}

// NewLoader returns a loader reading from fsys (nil: the operating system) whose as-of
// date is now (zero: the time of each load).
func NewLoader(fsys load.FileSystem, now time.Time) *Loader {
	return &Loader{check: &check.Loader{FS: fsys, Now: now}}
}

// At returns a loader with the as-of date now that shares l's file system and parsed
// workspaces.
func (l *Loader) At(now time.Time) *Loader { return &Loader{check: l.check.At(now)} }

// WorkspaceFor reads and checks the workspace of the plan at planPath (plan/load's
// Loader.WorkspaceFor); the plans loaded later use what it read.
func (l *Loader) WorkspaceFor(planPath string) (*plan.Workspace, plan.Diagnostics) {
	return l.check.WorkspaceFor(planPath)
}

// Checked is a plan after the pipeline's first steps. Figures is nil when Diags has
// errors (Plan may then be nil too); Diags holds every error and warning, sorted.
type Checked struct {
	Plan    *plan.Plan
	Diags   plan.Diagnostics
	Figures *figures.Figures
}

// OK reports whether the plan loaded without errors, so that it can be rendered.
func (c Checked) OK() bool { return c.Plan != nil && !c.Diags.HasErrors() }

// Load loads, checks and computes the plan at path.
func (l *Loader) Load(path string) Checked {
	p, f, diags := l.check.Load(path)
	return Checked{Plan: p, Diags: diags, Figures: figuresOf(p, f, diags)}
}

// LoadBytes is Load on a plan's bytes read elsewhere (a git revision, an import's result).
func (l *Loader) LoadBytes(path string, src []byte) Checked {
	p, f, diags := l.check.LoadBytes(path, src)
	return Checked{Plan: p, Diags: diags, Figures: figuresOf(p, f, diags)}
}

// figuresOf are the figures of a checked plan: nil unless it can be rendered.
func figuresOf(p *plan.Plan, f *figures.Figures, diags plan.Diagnostics) *figures.Figures {
	if p == nil || diags.HasErrors() {
		return nil
	}
	return f
}

// AddReview adds to f, the figures of p, the review of prev (last period's plan, loaded
// and computed by a Loader) against p; nothing when prev has no plan.
func AddReview(f *figures.Figures, p *plan.Plan, prev Checked) {
	if prev.Plan != nil && prev.Figures != nil {
		f.Review = figures.CompareReview(prev.Plan, p, prev.Figures, f)
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
	case "pdf":
		res, err = pdfdoc.Write(w, m.Doc, popt)
	case "html":
		return WriteDoc(w, format, m.Doc, opt)
	case "onepage":
		res, _, err = onepage.Write(w, m.Plan, m.Figures, m.Doc, onepage.Options{PDF: popt, Customer: m.Customer})
	case "slides":
		res, err = slides.Write(w, m.Plan, m.Figures, m.Doc, slides.Options{PDF: popt, Customer: m.Customer})
	default:
		return Result{}, errUnknownFormat
	}
	if len(res.Replaced) > 0 && m.Plan != nil {
		res.Replaced = unnamed(res.Replaced, m.Plan)
	}
	return result(res), err
}

// unnamed drops from a PDF's placeholder characters those the plan's check already named
// as in no font (check.Uncovered): kep render would otherwise report each one twice. What
// is left comes from texts the check does not see (the workspace's, the fixed labels).
func unnamed(replaced []rune, p *plan.Plan) []rune {
	named := check.Uncovered(p)
	var out []rune
	for _, r := range replaced {
		if !named[r] {
			out = append(out, r)
		}
	}
	return out
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
