package charts

import (
	"testing"

	"github.com/go-pdf/fpdf"
)

// BenchmarkSamples draws every realistic chart once in each backend, as one plan does.
func BenchmarkSamples(b *testing.B) {
	for b.Loop() {
		pdf := fpdf.New("P", "mm", "A4", "")
		pdf.AddPage()
		for _, s := range samples() {
			if _, err := SVG(s.chart, testTheme, s.w, s.h); err != nil {
				b.Fatal(err)
			}
			if err := PDF(pdf, s.chart, testTheme, 20, 20, 170, 120); err != nil {
				b.Fatal(err)
			}
		}
	}
}

func BenchmarkSamplesSVG(b *testing.B) {
	for b.Loop() {
		for _, s := range samples() {
			if _, err := SVG(s.chart, testTheme, s.w, s.h); err != nil {
				b.Fatal(err)
			}
		}
	}
}

func BenchmarkCrowd(b *testing.B) {
	var crowd []namedChart
	for _, s := range degenerate() {
		if s.name == "quadrant-crowd" || s.name == "relationship-2000" {
			crowd = append(crowd, s)
		}
	}
	for b.Loop() {
		for _, s := range crowd {
			if _, err := SVG(s.chart, testTheme, s.w, s.h); err != nil {
				b.Fatal(err)
			}
		}
	}
}

// BenchmarkDocCharts draws the sample plans' charts at the documents' sizes and face
// (docCharts) as PDF, as the PDF, the slides and the one-pager of both samples do.
func BenchmarkDocCharts(b *testing.B) {
	for b.Loop() {
		pdf := fpdf.New("P", "mm", "A4", "")
		pdf.AddPage()
		for _, s := range docCharts() {
			if err := PDF(pdf, s.chart, docTheme(s.name), 10, 10, s.w*0.75/pdf.GetConversionRatio(), s.h*0.75/pdf.GetConversionRatio()); err != nil {
				b.Fatal(err)
			}
		}
	}
}
