package onepage

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
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

// write renders the one-pager of p (internal, or the customer edition) and checks what
// every one-pager must be: one page, every line inside its box, boxes inside the page
// and apart from each other.
func write(t *testing.T, p *plan.Plan, prev *plan.Plan, customer bool) ([]byte, *Page) {
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
	res, pg, err := Write(&b, p, f, doc, Options{Customer: customer, PDF: pdfdoc.Options{Now: testNow}})
	if err != nil {
		t.Fatal(err)
	}
	if res.Pages != 1 {
		t.Errorf("%d pages, want 1", res.Pages)
	}
	checkGeometry(t, pg)
	return b.Bytes(), pg
}

const ptMM = 25.4 / 72

func checkGeometry(t *testing.T, pg *Page) {
	t.Helper()
	const eps = 0.01
	if len(pg.Boxes) != 8 {
		t.Errorf("%d boxes, want 8", len(pg.Boxes))
	}
	for _, l := range pg.Header {
		if l.X < margin-eps || l.X+l.W > pg.W-margin+eps {
			t.Errorf("header line %q leaves the page: x %.1f–%.1f", l.Text, l.X, l.X+l.W)
		}
	}
	for i, b := range pg.Boxes {
		if b.X < margin-eps || b.Y < margin-eps || b.X+b.W > pg.W-margin+eps || b.Y+b.H > pg.H-margin+eps {
			t.Errorf("box %q leaves the page: %.1f,%.1f %.1f×%.1f", b.Title, b.X, b.Y, b.W, b.H)
		}
		for _, o := range pg.Boxes[i+1:] {
			if b.X < o.X+o.W && o.X < b.X+b.W && b.Y < o.Y+o.H && o.Y < b.Y+b.H {
				t.Errorf("boxes %q and %q overlap", b.Title, o.Title)
			}
		}
		prevBase := b.Y
		for _, l := range b.Lines {
			left := l.X
			if l.Light != "" {
				left -= 3.6
			}
			ascent, descent := l.Size*ptMM*0.8, l.Size*ptMM*0.25
			if left < b.X+pad-eps || l.X+l.W > b.X+b.W-pad+eps {
				t.Errorf("box %q: line %q overflows sideways: %.2f–%.2f in %.2f–%.2f", b.Title, l.Text, left, l.X+l.W, b.X+pad, b.X+b.W-pad)
			}
			if l.Base-ascent < b.Y-eps || l.Base+descent > b.Y+b.H+eps {
				t.Errorf("box %q: line %q overflows vertically: baseline %.2f in %.2f–%.2f", b.Title, l.Text, l.Base, b.Y, b.Y+b.H)
			}
			if l.Inline {
				continue
			}
			if l.Base <= prevBase {
				t.Errorf("box %q: line %q is not below the line before", b.Title, l.Text)
			}
			prevBase = l.Base
		}
		if b.Chart != nil && (b.ChartX < b.X || b.ChartY < b.Y || b.ChartX+b.ChartW > b.X+b.W+eps || b.ChartY+b.ChartH > b.Y+b.H+eps) {
			t.Errorf("box %q: chart leaves the box", b.Title)
		}
		if b.More > 0 && !strings.HasPrefix(b.Lines[len(b.Lines)-1].Text, "+") {
			t.Errorf("box %q cut %d items without saying so", b.Title, b.More)
		}
	}
}

func box(pg *Page, title string) *Box {
	for _, b := range pg.Boxes {
		if b.Title == title {
			return b
		}
	}
	return nil
}

func TestSamples(t *testing.T) {
	prev := load(t, "../../samples/previous/hansa-2026.toml")
	for _, name := range []string{"hansa", "brightwater", "minimal"} {
		p := load(t, "../../samples/accounts/"+name+".toml")
		for _, customer := range []bool{false, true} {
			var pr *plan.Plan
			if name == "hansa" && !customer {
				pr = prev
			}
			out, pg := write(t, p, pr, customer)
			if customer {
				continue
			}
			if name == "minimal" {
				continue
			}
			if b := box(pg, edition.WordsFor(p.Lang).T("one.contacts")); b == nil || b.Shown == 0 {
				t.Errorf("%s: no key contacts on the page", name)
			}
			_ = out
		}
	}
}

// TestMovement: with --previous the class box says where the account came from.
func TestMovement(t *testing.T) {
	p := load(t, "../../samples/accounts/hansa.toml")
	prev := load(t, "../../samples/previous/hansa-2026.toml")
	_, pg := write(t, p, prev, false)
	b := pg.Boxes[0]
	text := ""
	for _, l := range b.Lines {
		text += l.Text + "\n"
	}
	if !strings.Contains(text, "vorher B") || !strings.Contains(text, "jetzt A") {
		t.Errorf("class box without the movement:\n%s", text)
	}
}

// TestLarge: 500 contacts and 500 actions stay one page; the boxes cut with "+N more"
// and keep the most influential contacts and the overdue actions first.
func TestLarge(t *testing.T) {
	p := rendertest.Plan(500, 500, 20, 300)
	for i := range p.Contacts {
		p.Contacts[i].Influence = 1
	}
	p.Contacts[321].Influence = 3
	p.Contacts[321].Name = "Most Influential"
	for i := range p.Actions {
		p.Actions[i].Status = "open"
		d := plan.Date{Year: 2027, Month: 12, Day: 1}
		p.Actions[i].Due = &d
	}
	late := plan.Date{Year: 2027, Month: 2, Day: 1}
	p.Actions[400].Due = &late
	p.Actions[400].Action = "Overdue one"
	for _, customer := range []bool{false, true} {
		_, pg := write(t, p, nil, customer)
		W := edition.WordsFor(p.Lang)
		cb := box(pg, W.T("one.contacts"))
		ab := box(pg, W.T("one.actions"))
		if cb == nil || ab == nil {
			t.Fatal("no contacts or actions box")
		}
		if cb.More == 0 || ab.More == 0 || cb.Shown+cb.More < 500 || ab.Shown+ab.More != 500 {
			t.Errorf("customer %v: contacts %d shown + %d more, actions %d + %d", customer, cb.Shown, cb.More, ab.Shown, ab.More)
		}
		if !customer && !strings.HasPrefix(cb.Lines[1].Text, "Most Influential") {
			t.Errorf("first contact is %q, want the most influential", cb.Lines[1].Text)
		}
		if !strings.HasPrefix(ab.Lines[1].Text, "Overdue one") {
			t.Errorf("first action is %q, want the overdue one", ab.Lines[1].Text)
		}
	}
}

// TestHostile: the hostile plan (markup, emoji, huge words) in every language is one page
// with nothing outside its box.
func TestHostile(t *testing.T) {
	for _, lang := range locale.Langs() {
		p := rendertest.Plan(60, 40, 20, 5000)
		p.Lang = lang
		for _, customer := range []bool{false, true} {
			write(t, p, nil, customer)
		}
	}
}

// TestLanguages: each sample in each document language.
func TestLanguages(t *testing.T) {
	for _, lang := range locale.Langs() {
		for _, name := range []string{"hansa", "brightwater"} {
			p := load(t, "../../samples/accounts/"+name+".toml")
			p.Lang = lang
			for _, customer := range []bool{false, true} {
				_, pg := write(t, p, nil, customer)
				if !strings.Contains(pg.Header[0].Text, p.Meta.Account[:5]) {
					t.Errorf("%s %s: title %q", lang, name, pg.Header[0].Text)
				}
			}
		}
	}
}

// TestLetter: paper = "letter" gives a landscape Letter page.
func TestLetter(t *testing.T) {
	p := load(t, "../../samples/accounts/brightwater.toml")
	p.Brand.Paper = "letter"
	_, pg := write(t, p, nil, false)
	if pg.W != 279.4 || pg.H != 215.9 {
		t.Errorf("page %.1f × %.1f, want Letter landscape", pg.W, pg.H)
	}
}

// TestDeterministic: the same plan gives the same bytes.
func TestDeterministic(t *testing.T) {
	p := load(t, "../../samples/accounts/hansa.toml")
	a, _ := write(t, p, nil, false)
	b, _ := write(t, p, nil, false)
	if !bytes.Equal(a, b) {
		t.Error("two runs gave different bytes")
	}
}

// TestPDFChecks: qpdf finds nothing, every font is embedded, poppler sees one A4
// landscape page.
func TestPDFChecks(t *testing.T) {
	qpdf := rendertest.Tool(t, "qpdf")
	pdffonts := rendertest.Tool(t, "pdffonts")
	pdfinfo := rendertest.Tool(t, "pdfinfo")
	p := load(t, "../../samples/accounts/hansa.toml")
	for _, customer := range []bool{false, true} {
		out, _ := write(t, p, nil, customer)
		path := filepath.Join(t.TempDir(), "one.pdf")
		if err := os.WriteFile(path, out, 0o644); err != nil {
			t.Fatal(err)
		}
		if o, err := exec.Command(qpdf, "--check", path).CombinedOutput(); err != nil {
			t.Errorf("qpdf --check: %v\n%s", err, o)
		}
		fo, err := exec.Command(pdffonts, path).Output()
		if err != nil {
			t.Fatal(err)
		}
		lines := strings.Split(strings.TrimSpace(string(fo)), "\n")
		if len(lines) < 3 {
			t.Errorf("no fonts:\n%s", fo)
		}
		for _, l := range lines[2:] {
			if f := strings.Fields(l); len(f) < 5 || f[len(f)-5] != "yes" {
				t.Errorf("font not embedded: %s", l)
			}
		}
		info, err := exec.Command(pdfinfo, path).Output()
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(string(info), "Pages:           1\n") || !strings.Contains(string(info), "841.89 x 595.28 pts") ||
			!strings.Contains(string(info), "Tagged:          yes") {
			t.Errorf("pdfinfo:\n%s", info)
		}
		// Tagged: the title, one section with a heading per box, the chart as a figure.
		st, err := exec.Command(pdfinfo, "-struct", path).Output()
		if err != nil {
			t.Fatal(err)
		}
		tree := string(st)
		if strings.Count(tree, "  Sect\n") != 8 || strings.Count(tree, "H2 (block)") != 8 || strings.Count(tree, "H1 (block)") != 1 {
			t.Errorf("structure tree:\n%s", tree)
		}
		if want := map[bool]int{false: 1, true: 0}[customer]; strings.Count(tree, "Figure") != want {
			t.Errorf("%d figures, want %d:\n%s", strings.Count(tree, "Figure"), want, tree)
		}
		// PDFBox takes a minute on a busy machine: make test runs it, make check not.
		if !testing.Short() {
			if findings := rendertest.Preflight(t, out); len(findings) > 0 {
				t.Errorf("PDF/A-1b: %v", findings)
			}
		}
	}
}

// TestTestdataPlans: the test workspace's full plan and the French plan, both editions.
func TestTestdataPlans(t *testing.T) {
	for _, path := range []string{"../../plan/testdata/ws/accounts/full.toml", "../rendertest/testdata/fr/accounts/lumiere.toml"} {
		p := load(t, path)
		for _, customer := range []bool{false, true} {
			write(t, p, nil, customer)
		}
	}
}
