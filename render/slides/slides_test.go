package slides

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/kepdev/kep/locale"
	"github.com/kepdev/kep/plan"
	"github.com/kepdev/kep/plan/check"
	"github.com/kepdev/kep/plan/figures"
	"github.com/kepdev/kep/render"
	"github.com/kepdev/kep/render/edition"
	"github.com/kepdev/kep/render/pdfdoc"
	"github.com/kepdev/kep/render/rendertest"
)

var testNow = time.Date(2027, 4, 30, 0, 0, 0, 0, time.UTC)

func load(t *testing.T, path string) *plan.Plan {
	t.Helper()
	l := &check.Loader{Now: testNow}
	p, diags := l.LoadPlan(path)
	if diags.HasErrors() {
		t.Fatalf("load %s: %v", path, diags)
	}
	return p
}

// deck renders the deck of p (internal with prev as --previous, or the customer edition)
// and checks every slide's layout: text inside the slide, body type ≥ BodyMin.
func deck(t *testing.T, p, prev *plan.Plan, customer bool) ([]byte, *Deck) {
	t.Helper()
	f := check.Compute(p, testNow)
	var doc *render.Document
	var err error
	if customer {
		doc, p, err = edition.Customer(p, edition.Options{Now: testNow})
		f = check.Compute(p, testNow)
	} else {
		opt := render.Options{Now: testNow}
		if prev != nil {
			f.Review = figures.CompareReview(prev, p, check.Compute(prev, testNow), f)
			opt.Previous = prev
		}
		doc, err = render.Build(p, f, opt)
	}
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	res, d, err := WriteDeck(&b, p, f, doc, Options{Customer: customer, PDF: pdfdoc.Options{Now: testNow}})
	if err != nil {
		t.Fatal(err)
	}
	if res.Pages != len(d.Slides) {
		t.Errorf("%d pages for %d slides", res.Pages, len(d.Slides))
	}
	kinds := map[string]bool{}
	for i, s := range d.Slides {
		if kinds[s.Kind] {
			t.Errorf("slide %d: a second %s slide", i+1, s.Kind)
		}
		kinds[s.Kind] = true
		if i > 0 && len(s.Lines) < 2 && s.Chart == nil {
			t.Errorf("slide %d (%s) is empty", i+1, s.Kind)
		}
		for _, l := range s.Lines {
			if l.Size < BodyMin {
				t.Errorf("slide %d (%s): %q set at %.1f pt, below %v", i+1, s.Kind, l.Text, l.Size, BodyMin)
			}
			left := l.X
			if l.Light != "" {
				left -= 6.5
			}
			if left < margin-0.01 || l.X+l.W > PageW-margin+0.01 || l.Base > PageH-margin-1 || l.Base-l.Size*ptMM*0.8 < 0 {
				t.Errorf("slide %d (%s): %q leaves the slide's area: x %.1f–%.1f, baseline %.1f", i+1, s.Kind, l.Text, left, l.X+l.W, l.Base)
			}
		}
		for _, l := range s.Foot {
			if l.Size != FootSize {
				t.Errorf("slide %d: footer %q at %.1f pt", i+1, l.Text, l.Size)
			}
		}
		if s.Chart != nil && (s.ChartX < margin-0.01 || s.ChartX+s.ChartW > PageW-margin+0.01 || s.ChartY+s.ChartH > PageH-margin) {
			t.Errorf("slide %d (%s): chart leaves the slide's area", i+1, s.Kind)
		}
	}
	return b.Bytes(), d
}

func kindsOf(d *Deck) []string {
	var out []string
	for _, s := range d.Slides {
		out = append(out, s.Kind)
	}
	return out
}

// TestFullDeck: the full sample with its previous year makes 10–16 slides in the order of
// the spec, with the action titles the figures give.
func TestFullDeck(t *testing.T) {
	p := load(t, "../../samples/accounts/hansa.toml")
	prev := load(t, "../../samples/previous/hansa-2026.toml")
	_, d := deck(t, p, prev, false)
	if n := len(d.Slides); n < 10 || n > 16 {
		t.Errorf("%d slides, want 10–16: %v", n, kindsOf(d))
	}
	want := "title summary portfolio scorecard review pains value swot strategies competitors network pipeline asks actions"
	if got := strings.Join(kindsOf(d), " "); got != want {
		t.Errorf("slides\n got %s\nwant %s", got, want)
	}
	f := check.Compute(p, testNow)
	green, results := 0, 0
	for _, o := range f.Scorecard.Objectives {
		if o.Light != "" {
			results++
		}
		if o.Light == "green" {
			green++
		}
	}
	wantTitle := "Scorecard: " + strconv.Itoa(green) + " von " + strconv.Itoa(results) + " Zielen im Plan"
	if d.Slides[3].Title != wantTitle {
		t.Errorf("scorecard title %q, want %q", d.Slides[3].Title, wantTitle)
	}
	if !strings.Contains(d.Slides[2].Title, "Fragezeichen") || !strings.Contains(d.Slides[2].Title, "Star") {
		t.Errorf("portfolio title %q without the movement", d.Slides[2].Title)
	}
	for _, s := range d.Slides {
		if (s.Kind == "portfolio" || s.Kind == "scorecard" || s.Kind == "pipeline" || s.Kind == "network") && s.Chart == nil {
			t.Errorf("%s slide without its chart", s.Kind)
		}
	}
}

// TestSparse: the minimal plan leaves out the slides it has no data for.
func TestSparse(t *testing.T) {
	p := load(t, "../../samples/accounts/minimal.toml")
	_, d := deck(t, p, nil, false)
	if n := len(d.Slides); n >= 10 || n < 1 {
		t.Errorf("%d slides for the minimal plan: %v", n, kindsOf(d))
	}
	_, full := deck(t, load(t, "../../samples/accounts/brightwater.toml"), nil, false)
	if n := len(full.Slides); n < 10 || n > 16 {
		t.Errorf("brightwater: %d slides, want 10–16: %v", n, kindsOf(full))
	}
}

// TestCustomerDeck: the customer edition's deck has only customer slides.
func TestCustomerDeck(t *testing.T) {
	p := load(t, "../../samples/accounts/hansa.toml")
	_, d := deck(t, p, nil, true)
	allowed := map[string]bool{"title": true, "goals": true, "pains": true, "initiatives": true, "offer": true,
		"value": true, "strengths": true, "people": true, "actions": true}
	for _, k := range kindsOf(d) {
		if !allowed[k] {
			t.Errorf("customer deck has a %s slide", k)
		}
	}
	if len(d.Slides) < 6 {
		t.Errorf("customer deck of the full sample: %v", kindsOf(d))
	}
}

// TestHostileAndLarge: the hostile plan with 500 contacts and actions, in every language.
func TestHostileAndLarge(t *testing.T) {
	for _, lang := range locale.Langs() {
		p := rendertest.Plan(500, 500, 20, 5000)
		p.Lang = lang
		for _, customer := range []bool{false, true} {
			_, d := deck(t, p, nil, customer)
			if !customer && (len(d.Slides) < 10 || len(d.Slides) > 16) {
				t.Errorf("%s: %d slides: %v", lang, len(d.Slides), kindsOf(d))
			}
		}
	}
}

var wordRE = regexp.MustCompile(`<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>`)

// TestPDF: what poppler sees: 16:9 pages of 338.7 × 190.5 mm, no word outside a chart and
// the footer smaller than body type, qpdf content, fonts embedded, same bytes twice.
func TestPDF(t *testing.T) {
	qpdf := rendertest.Tool(t, "qpdf")
	pdftotext := rendertest.Tool(t, "pdftotext")
	pdfinfo := rendertest.Tool(t, "pdfinfo")
	p := load(t, "../../samples/accounts/hansa.toml")
	prev := load(t, "../../samples/previous/hansa-2026.toml")
	out, d := deck(t, p, prev, false)
	again, _ := deck(t, p, prev, false)
	if !bytes.Equal(out, again) {
		t.Error("two runs gave different bytes")
	}
	path := filepath.Join(t.TempDir(), "deck.pdf")
	if err := os.WriteFile(path, out, 0o644); err != nil {
		t.Fatal(err)
	}
	if o, err := exec.Command(qpdf, "--check", path).CombinedOutput(); err != nil {
		t.Errorf("qpdf --check: %v\n%s", err, o)
	}
	info, err := exec.Command(pdfinfo, "-f", "1", "-l", "99", path).Output()
	if err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(string(info), "960.09 x 540 pts"); n != len(d.Slides) {
		t.Errorf("%d of %d pages are 338.7 × 190.5 mm:\n%s", n, len(d.Slides), info)
	}
	bbox, err := exec.Command(pdftotext, "-bbox", path, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	const k = 72 / 25.4 // mm → pt
	pages := strings.Split(string(bbox), "<page ")[1:]
	if len(pages) != len(d.Slides) {
		t.Fatalf("%d pages in the text, %d slides", len(pages), len(d.Slides))
	}
	for i, pg := range pages {
		s := d.Slides[i]
		for _, m := range wordRE.FindAllStringSubmatch(pg, -1) {
			x0, _ := strconv.ParseFloat(m[1], 64)
			y0, _ := strconv.ParseFloat(m[2], 64)
			y1, _ := strconv.ParseFloat(m[4], 64)
			if y0 > (PageH-margin-1)*k { // the footer
				continue
			}
			if s.Chart != nil && x0 >= s.ChartX*k-1 && x0 <= (s.ChartX+s.ChartW)*k+1 && y0 >= s.ChartY*k-1 && y1 <= (s.ChartY+s.ChartH)*k+1 {
				continue // chart labels and ticks
			}
			// poppler's word box is the font's ascent to descent: 1.155 × the size for the
			// Go fonts (measured: 16 pt gives 18.48 pt); a 14 pt word would be 16.2.
			if size := (y1 - y0) / 1.155; size < BodyMin-0.3 {
				t.Errorf("slide %d (%s): %q at about %.1f pt", i+1, s.Kind, m[5], size)
			}
		}
	}
	// Tagged: one section per slide with its title as H1, a figure per chart.
	st, err := exec.Command(pdfinfo, "-struct", path).Output()
	if err != nil {
		t.Fatal(err)
	}
	charts := 0
	for _, s := range d.Slides {
		if s.Chart != nil {
			charts++
		}
	}
	tree := string(st)
	if strings.Count(tree, "  Sect\n") != len(d.Slides) || strings.Count(tree, "H1 (block)") != len(d.Slides) || strings.Count(tree, "Figure") != charts {
		t.Errorf("structure tree (%d slides, %d charts):\n%s", len(d.Slides), charts, tree)
	}
	// PDFBox takes a minute on a busy machine: make test runs it, make check not.
	if !testing.Short() {
		if findings := rendertest.Preflight(t, out); len(findings) > 0 {
			t.Errorf("PDF/A-1b: %v", findings)
		}
	}
	fonts, err := exec.Command(rendertest.Tool(t, "pdffonts"), path).Output()
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range strings.Split(strings.TrimSpace(string(fonts)), "\n")[2:] {
		if f := strings.Fields(l); len(f) < 5 || f[len(f)-5] != "yes" {
			t.Errorf("font not embedded: %s", l)
		}
	}
}

// TestTestdataPlans: the test workspace's full plan and the French plan, both editions.
func TestTestdataPlans(t *testing.T) {
	for _, path := range []string{"../../plan/testdata/ws/accounts/full.toml", "../rendertest/testdata/fr/accounts/lumiere.toml"} {
		p := load(t, path)
		for _, customer := range []bool{false, true} {
			_, d := deck(t, p, nil, customer)
			if !customer && (len(d.Slides) < 10 || len(d.Slides) > 16) {
				t.Errorf("%s: %d slides: %v", path, len(d.Slides), kindsOf(d))
			}
		}
	}
}
