package pdfdoc

import (
	"math"
	"strings"
	"testing"
)

func TestColumnWidthsFillTheTextWidth(t *testing.T) {
	w := testWriter(t)
	long := strings.Repeat("x", 5000)
	cases := []*tableSpec{
		{header: []string{"Nr.", "Maßnahme", "Termin"}, rows: [][]tcell{{{spans: plain("a1")}, {spans: plain("Kurz")}, {spans: plain("15.05.2027")}}}},
		{header: []string{"A", "B"}, rows: [][]tcell{{{spans: plain(long)}, {spans: plain("kurz")}}}},
		{header: []string{"Wettbewerber", "Lieferanteil", "Stärken"}, widths: []float64{2, 0.1, 3},
			rows: [][]tcell{{{spans: plain("Valtek")}, {spans: plain("22 %")}, {spans: plain(strings.Repeat("Text ", 80))}}}},
		{header: make([]string, 14)}, // more columns than minimum widths fit
	}
	for i, spec := range cases {
		spec.size = 8.5
		n := spec.cols()
		head := make([][]word, n)
		for c := range head {
			if c < len(spec.header) {
				head[c] = w.words(plain(spec.header[c]), textStyle{size: 8.5, base: stBold})
			}
		}
		body := make([][][]word, len(spec.rows))
		for r, row := range spec.rows {
			body[r] = make([][]word, n)
			for c := range row {
				body[r][c] = w.words(row[c].spans, spec.cellStyle(row[c], c))
			}
		}
		ws := spec.columnWidths(w.width(), head, body, nil)
		sum := 0.0
		for _, x := range ws {
			if x <= 0 || math.IsNaN(x) {
				t.Errorf("case %d: column width %g", i, x)
			}
			sum += x
		}
		if math.Abs(sum-w.width()) > 1e-6 {
			t.Errorf("case %d: widths sum to %g, want %g", i, sum, w.width())
		}
		if i == 2 && ws[1] < w.strWidth("Lieferanteil", stBold, 8.5)+2*cellPadX {
			t.Errorf("header word broken: column 2 is %g mm", ws[1])
		}
	}
}

func TestCapMin(t *testing.T) {
	ws := []float64{10, 20, 200, 300}
	capMin(ws, 130)
	want := []float64{10, 20, 50, 50}
	for i := range ws {
		if math.Abs(ws[i]-want[i]) > 1e-9 {
			t.Fatalf("capMin = %v, want %v", ws, want)
		}
	}
}

func TestTableRowTallerThanAPageIsSplit(t *testing.T) {
	w := testWriter(t)
	var b strings.Builder
	for i := 0; i < 400; i++ {
		b.WriteString("Zeile\n")
	}
	spec := &tableSpec{size: 8.5, header: []string{"Eins", "Zwei"}, rows: [][]tcell{
		{{spans: plain("kurz")}, {spans: plain(b.String())}},
		{{spans: plain("danach")}, {spans: plain("auch")}},
	}}
	w.table(spec)
	if err := w.pdf.Error(); err != nil {
		t.Fatal(err)
	}
	// 400 lines of about 4.3 mm need at least 7 pages of 247 mm.
	if n := w.pdf.PageCount(); n < 7 || n > 12 {
		t.Errorf("%d pages", n)
	}
	if w.y > w.bottom() {
		t.Errorf("below the bottom margin: %g", w.y)
	}
}

func TestTableRepeatsHeaderOnEveryPage(t *testing.T) {
	w := testWriter(t)
	heads := 0
	spec := &tableSpec{size: 8.5, header: []string{"Name", "Funktion"}}
	for i := 0; i < 300; i++ {
		spec.rows = append(spec.rows, []tcell{{spans: plain("Kontakt")}, {spans: plain("Einkauf")}})
	}
	prev := w.onNewPage
	w.onNewPage = func() {
		heads++
		if prev != nil {
			prev()
		}
	}
	w.table(spec)
	if pages := w.pdf.PageCount(); pages < 3 || heads != pages-1 {
		t.Errorf("%d pages, %d page breaks", pages, heads)
	}
}
