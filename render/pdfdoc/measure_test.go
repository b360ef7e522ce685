package pdfdoc

import (
	"strings"
	"testing"

	"github.com/go-pdf/fpdf"
	"github.com/kepdev/kep/render"
)

// drawnHeight is measureMarkdown as it was: the Markdown drawn on a scratch page by an
// engine of its own.
func drawnHeight(w *docWriter, m *render.Markdown) float64 {
	pdf := fpdf.NewCustom(&fpdf.InitType{OrientationStr: "P", UnitStr: "mm", Size: fpdf.SizeType{Wd: w.pageW, Ht: w.pageH}})
	pdf.SetAutoPageBreak(false, 0)
	pdf.SetMargins(w.ml, w.mt, w.mr)
	pdf.SetCellMargin(0)
	e := &engine{pdf: pdf, fonts: w.fonts, san: w.san, pageW: w.pageW, pageH: w.pageH,
		ml: w.ml, mr: w.mr, mt: w.mt, mb: w.mb, primary: w.primary, accent: w.accent}
	e.newPage()
	e.markdown(m, 0)
	if pdf.PageNo() > 1 || pdf.Error() != nil {
		return -1
	}
	return e.y - e.mt + gapBlock - gapLine
}

// The measuring engine finds the height the drawing one did, for every kind of block
// (lists, quotes, code, tables, links, strike-through, lights), and the document's
// engine wraps on from the slabs it lent as before.
func TestMeasureMarkdownAsDrawn(t *testing.T) {
	sources := []string{
		"Ein Absatz mit **fett**, *kursiv*, `code` und ~~weg~~ und einem [Link](https://example.com/a) über zwei Zeilen hinaus, damit er umbricht und die Silbentrennung greift: Kundenbeziehungsmanagement.",
		"- eins\n- zwei mit längerem Text, der umbricht, weil er länger ist als eine Zeile breit ist, wirklich\n  - tiefer\n1. erstens\n2. zweitens",
		"> Zitat über\n> mehrere Zeilen\n>> und tiefer\n\n```\ncode block\n  eingerückt\n```\n\n---\n\n# Überschrift\n\nText.",
		"| Spalte | Wert | Bemerkung |\n|---|--:|---|\n| a | 1 | lang lang lang lang lang lang lang lang lang |\n| b | 2.000 € | ● gut |",
		strings.Repeat("Ein langer Absatz, der über eine Seite hinausgeht. ", 400),
	}
	for _, src := range sources {
		w := testWriter(t)
		m := &render.Markdown{Source: src}
		want := drawnHeight(w, m)
		if got := w.measureMarkdown(m); got != want {
			t.Errorf("%.40q: measured %v, drawn %v", src, got, want)
		}
		if want == 0 {
			t.Errorf("%.40q: no height", src)
		}
		// The lent slabs came back: the engine's words and lines stay its own, as a
		// fresh engine's.
		fresh := testWriter(t)
		for _, s := range []string{"eins zwei drei vier fünf sechs sieben", "acht neun zehn elf zwölf dreizehn"} {
			got, want := w.wrap(plain(s), body(ink), 20), fresh.wrap(plain(s), body(ink), 20)
			if len(got) != len(want) || len(got) < 2 {
				t.Fatalf("%q: %d lines after measuring, %d fresh", s, len(got), len(want))
			}
			for i := range got {
				if lineText(got[i]) != lineText(want[i]) {
					t.Errorf("%q: line %d %q after measuring, %q fresh", s, i, lineText(got[i]), lineText(want[i]))
				}
			}
		}
	}
}
