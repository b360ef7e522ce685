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
