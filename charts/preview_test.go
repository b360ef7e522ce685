package charts

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/go-pdf/fpdf"
)

// TestPreview writes every sample chart as an HTML page and a PDF into the folder named by
// KEP_CHART_PREVIEW, for looking at them (chromium screenshot, pdftoppm).
func TestPreview(t *testing.T) {
	dir := os.Getenv("KEP_CHART_PREVIEW")
	if dir == "" {
		t.Skip("set KEP_CHART_PREVIEW to a folder")
	}
	var charts []namedChart
	for _, s := range append(samples(), degenerate()...) {
		if only := os.Getenv("KEP_CHART_ONLY"); only == "" || strings.Contains(","+only+",", ","+s.name+",") {
			charts = append(charts, s)
		}
	}
	var html bytes.Buffer
	html.WriteString(`<!doctype html><meta charset="utf-8"><style>body{font-family:Go,sans-serif;margin:16px;background:#fff} figure{display:inline-block;width:620px;margin:8px;vertical-align:top;border:1px solid #eee} figcaption{font:12px sans-serif;color:#999}</style>`)
	for _, s := range charts {
		svg, err := SVG(s.chart, testTheme, s.w, s.h)
		if err != nil {
			t.Fatal(err)
		}
		fmt.Fprintf(&html, "<figure>%s<figcaption>%s</figcaption></figure>\n", svg, s)
	}
	if err := os.WriteFile(filepath.Join(dir, "charts.html"), html.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	pdf := testPDF(t, charts)
	if err := os.WriteFile(filepath.Join(dir, "charts.pdf"), pdf, 0o644); err != nil {
		t.Fatal(err)
	}
}

// testPDF draws the charts two to an A4 page, each in a 170 mm wide box.
func testPDF(t *testing.T, charts []namedChart) []byte {
	t.Helper()
	pdf := fpdf.New("P", "mm", "A4", "")
	pdf.SetCatalogSort(true)
	pdf.SetCompression(false)
	y := 300.0
	for _, s := range charts {
		h := 170 * float64(s.h) / float64(s.w)
		if y+h > 285 {
			pdf.AddPage()
			y = 15
		}
		pdf.SetDrawColor(230, 230, 230)
		pdf.Rect(20, y, 170, h, "D")
		if err := PDF(pdf, s.chart, testTheme, 20, y, 170, h); err != nil {
			t.Fatalf("%s: %v", s.name, err)
		}
		y += h + 8
	}
	var b bytes.Buffer
	if err := pdf.Output(&b); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// TestDocPreview writes the sample plans' charts (docCharts), in the documents' face and
// at the documents' sizes, as a PDF into the folder named by KEP_CHART_PREVIEW.
func TestDocPreview(t *testing.T) {
	dir := os.Getenv("KEP_CHART_PREVIEW")
	if dir == "" {
		t.Skip("set KEP_CHART_PREVIEW to a folder")
	}
	pdf := fpdf.New("P", "mm", "A4", "")
	pdf.SetCompression(false)
	y := 300.0
	for _, s := range docCharts() {
		if only := os.Getenv("KEP_CHART_ONLY"); only != "" && !strings.Contains(s.name, only) {
			continue
		}
		w, h := s.w*0.75/pdf.GetConversionRatio(), s.h*0.75/pdf.GetConversionRatio()
		if y+h > 285 {
			pdf.AddPage()
			y = 15
		}
		pdf.SetDrawColor(230, 230, 230)
		pdf.Rect(15, y, w, h, "D")
		pdf.SetFont("Helvetica", "", 7)
		pdf.Text(15, y-1, s.name)
		if err := PDF(pdf, s.chart, docTheme(s.name), 15, y, w, h); err != nil {
			t.Fatalf("%s: %v", s.name, err)
		}
		y += h + 8
	}
	if err := pdf.OutputFileAndClose(filepath.Join(dir, "docs.pdf")); err != nil {
		t.Fatal(err)
	}
}
