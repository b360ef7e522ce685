package charts

import (
	"bytes"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/go-pdf/fpdf"

	"github.com/kepdev/kep/render/rendertest"
)

// allPDF renders the samples, the degenerate cases and the hostile labels into one PDF.
func allPDF(t *testing.T) []byte {
	t.Helper()
	list := append(samples(), degenerate()...)
	for _, s := range hostile {
		for _, c := range allCharts(s) {
			list = append(list, namedChart{"hostile", c, 640, 400})
		}
	}
	return testPDF(t, list)
}

func TestPDFWithTools(t *testing.T) {
	qpdf, pdfimages, pdftotext := rendertest.Tool(t, "qpdf"), rendertest.Tool(t, "pdfimages"), rendertest.Tool(t, "pdftotext")
	dir := t.TempDir()
	path := filepath.Join(dir, "charts.pdf")
	if err := os.WriteFile(path, allPDF(t), 0o644); err != nil {
		t.Fatal(err)
	}
	if out, err := exec.Command(qpdf, "--check", path).CombinedOutput(); err != nil {
		t.Fatalf("qpdf --check: %v\n%s", err, out)
	}
	out, err := exec.Command(pdfimages, "-list", path).CombinedOutput()
	if err != nil {
		t.Fatalf("pdfimages: %v\n%s", err, out)
	}
	// The listing is a two-line header; any further line is an image.
	if lines := strings.Split(strings.TrimSpace(string(out)), "\n"); len(lines) > 2 {
		t.Errorf("the PDF holds images, charts must be vectors:\n%s", out)
	}
	txt, err := exec.Command(pdftotext, "-layout", path, "-").CombinedOutput()
	if err != nil {
		t.Fatalf("pdftotext: %v\n%s", err, txt)
	}
	for _, want := range []string{
		"Lernen & Entwicklung", "Produktqualität", "Müller Maschinenbau AG", "Kundenattraktivität",
		"Ölwerke Süd", "Umsatz (€)", "Nutzen kumuliert (€)", "Stärken", "Schwächen",
		"Thomas Öztürk", "Jürgen Weiß", "vertrauensvoll", "1.250.000", "22 %",
		"</text><script>alert(1)</script>", "ä ö ü ß €",
	} {
		if !bytes.Contains(txt, []byte(want)) {
			t.Errorf("pdftotext lacks %q", want)
		}
	}
}

// TestPDFDeterministic: the same charts give the same bytes.
func TestPDFDeterministic(t *testing.T) {
	render := func() []byte {
		pdf := fpdf.New("P", "mm", "A4", "")
		pdf.SetCatalogSort(true)
		d := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
		pdf.SetCreationDate(d)
		pdf.SetModificationDate(d)
		pdf.AddPage()
		for i, s := range samples() {
			if i%2 == 0 && i > 0 {
				pdf.AddPage()
			}
			if err := PDF(pdf, s.chart, testTheme, 20, 20+float64(i%2)*130, 170, 120); err != nil {
				t.Fatal(err)
			}
		}
		var b bytes.Buffer
		if err := pdf.Output(&b); err != nil {
			t.Fatal(err)
		}
		return b.Bytes()
	}
	if !bytes.Equal(render(), render()) {
		t.Error("PDF output differs between runs")
	}
}

// TestPDFRestoresState: the caller's colours and line width survive a chart, and the
// current font is the theme's family, registered on demand.
func TestPDFRestoresState(t *testing.T) {
	pdf := fpdf.New("P", "pt", "A4", "")
	pdf.AddPage()
	pdf.SetDrawColor(1, 2, 3)
	pdf.SetFillColor(4, 5, 6)
	pdf.SetTextColor(7, 8, 9)
	pdf.SetLineWidth(2.5)
	pdf.SetAlpha(0.5, "Multiply")
	pdf.SetFont("Helvetica", "", 9)
	if err := PDF(pdf, samples()[0].chart, Theme{FontFamily: "KepSans"}, 50, 50, 480, 330); err != nil {
		t.Fatal(err)
	}
	if r, g, b := pdf.GetDrawColor(); r != 1 || g != 2 || b != 3 {
		t.Errorf("draw colour %d %d %d", r, g, b)
	}
	if r, g, b := pdf.GetFillColor(); r != 4 || g != 5 || b != 6 {
		t.Errorf("fill colour %d %d %d", r, g, b)
	}
	if r, g, b := pdf.GetTextColor(); r != 7 || g != 8 || b != 9 {
		t.Errorf("text colour %d %d %d", r, g, b)
	}
	if w := pdf.GetLineWidth(); w != 2.5 {
		t.Errorf("line width %g", w)
	}
	if a, mode := pdf.GetAlpha(); a != 0.5 || mode != "Multiply" {
		t.Errorf("alpha %g %s", a, mode)
	}
	if pt, _ := pdf.GetFontSize(); pt != 9 {
		t.Errorf("font size %g", pt)
	}
	if pdf.GetFontDesc("KepSans", "B").Ascent == 0 {
		t.Error("bold font not registered")
	}
	var b bytes.Buffer
	if err := pdf.Output(&b); err != nil {
		t.Fatal(err)
	}
}

func TestPDFRejectsBadBox(t *testing.T) {
	pdf := fpdf.New("P", "mm", "A4", "")
	pdf.AddPage()
	for _, wh := range [][2]float64{{0, 10}, {10, -1}, {math.Inf(1), 10}, {math.NaN(), 5}} {
		if err := PDF(pdf, samples()[0].chart, Theme{}, 0, 0, wh[0], wh[1]); err == nil {
			t.Errorf("box %v accepted", wh)
		}
	}
}
