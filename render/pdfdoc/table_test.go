package pdfdoc

import (
	"bytes"
	"math"
	"math/rand/v2"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/kepdev/kep/render"
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
		ws := spec.columnWidths(w.width(), metrics(w.measureTable(spec, n, 8.5, 8.5)), cellPadX)
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

// TestSampleTablesBreakNoWord lays out every table of the samples: no word is broken
// between lines but at a hyphen drawn at the line's end (tables keep their size and
// hyphenate rather than set themselves smaller), figures stay on one line, and the
// columns fill the text width.
func TestSampleTablesBreakNoWord(t *testing.T) {
	for _, name := range samples(t) {
		d := sampleDoc(t, name)
		w := testWriter(t)
		w.d = d
		var walk func(ss []*render.Section)
		walk = func(ss []*render.Section) {
			for _, s := range ss {
				for _, b := range s.Blocks {
					var tb *render.Table
					switch b := b.(type) {
					case *render.Table:
						tb = b
					case *render.Chart:
						tb = b.Data
					}
					if tb == nil {
						continue
					}
					spec := w.tableSpec(tb, 8.5)
					L := w.layoutTable(spec, w.left(), w.width())
					if s := sum(L.widths); math.Abs(s-w.width()) > 1e-6 {
						t.Errorf("%s: %q: widths sum to %g", name, tb.Caption, s)
					}
					m := w.measureTable(spec, L.n, L.size, L.headTS.size)
					for i, r := range L.rows[:L.nBody] {
						for c, ls := range r.ls {
							n := 0
							for _, l := range ls {
								n += len(l.words)
							}
							if want := len(m.body[i][c]); n-want > hyphenated(ls) {
								t.Errorf("%s: %q row %d column %q: a word is broken: %d pieces for %d words", name, tb.Caption, i, tb.Header[c], n, want)
							}
							if isFigure(tb.Rows[i][c].Text) && len(ls) > 1 {
								t.Errorf("%s: %q: figure %q wraps", name, tb.Caption, tb.Rows[i][c].Text)
							}
						}
					}
					for c, ls := range L.headLines {
						n := 0
						for _, l := range ls {
							n += len(l.words)
						}
						if n-len(w.measureHead(spec, L.n, L.headTS.size)[c]) > hyphenated(ls) {
							t.Errorf("%s: %q: header %q is broken", name, tb.Caption, tb.Header[c])
						}
					}
				}
				walk(s.Sections)
			}
		}
		walk(d.Sections)
	}
}

func TestIsFigure(t *testing.T) {
	for s, want := range map[string]bool{
		"2.050.000 €": true, "12 Personen": true, "160 h ↓": true, "31 Oct 2027": true, "€760,000": true,
		"−15 %": true, "96,2 %": true, "f1 – Umsatz": false, "–": false, "Kapazität +35 %": false,
		"50 h × 2.400 €/h Deckungsbeitragsverlust": false, "+60,000 t a year": false,
	} {
		if got := isFigure(s); got != want {
			t.Errorf("isFigure(%q) = %v", s, got)
		}
	}
}

func TestHyphenParts(t *testing.T) {
	for s, want := range map[string]string{
		"Co-Engineering-Projekte": "Co-|Engineering-|Projekte", "E-Mail": "E-Mail",
		"2027-03-15": "2027-03-15", "KAM-Ziele": "KAM-|Ziele", "a-b": "a-b", "--flag": "--flag",
	} {
		if got := strings.Join(hyphenParts(s), "|"); got != want {
			t.Errorf("hyphenParts(%q) = %q, want %q", s, got, want)
		}
	}
}

// hyphenated counts the lines but the last that end in a hyphen: a word may be split
// there (at a hyphen of its own or one the line breaking drew), nowhere else.
func hyphenated(ls []line) int {
	n := 0
	for _, l := range ls[:max(0, len(ls)-1)] {
		if strings.HasSuffix(lineText(l), "-") {
			n++
		}
	}
	return n
}

// TestHeaderHyphenatedOnlyAsLastResort: a header word wider than any column fits is cut
// with a hyphen, and stays inside its column.
func TestHeaderHyphenatedOnlyAsLastResort(t *testing.T) {
	w := testWriter(t)
	spec := &tableSpec{size: 8.5}
	for i := 0; i < 8; i++ {
		spec.header = append(spec.header, "Zielerreichungsgrad")
	}
	spec.rows = [][]tcell{make([]tcell, 8)}
	L := w.layoutTable(spec, w.left(), w.width())
	if L.headTS.size != minHeadSize {
		t.Errorf("header size %g, want %g", L.headTS.size, minHeadSize)
	}
	for c, ls := range L.headLines {
		if len(ls) < 2 || !strings.HasSuffix(lineText(ls[0]), "-") {
			t.Fatalf("column %d: header not hyphenated: %d lines", c, len(ls))
		}
		for _, l := range ls {
			if l.w > L.widths[c]-2*L.padX+1e-6 {
				t.Errorf("column %d: header line %q wider than the column", c, lineText(l))
			}
		}
	}
}

// TestPlanBreaksLeavesNoSingleRow: where only the last row would go on to the next page,
// two rows go.
func TestPlanBreaksLeavesNoSingleRow(t *testing.T) {
	L := &tableLayout{nBody: 10}
	for i := 0; i < 10; i++ {
		L.rows = append(L.rows, tableRowLines{h: 10})
	}
	// Nine rows fit below y = 0 with the bottom at 95.
	if got := L.planBreaks(0, 0, 95, 0); !got[8] || len(got) != 1 {
		t.Errorf("breaks %v, want before row 8", got)
	}
	// Eight rows fit: two go on anyway, nothing forced.
	if got := L.planBreaks(0, 0, 85, 0); len(got) != 0 {
		t.Errorf("breaks %v, want none", got)
	}
	// A foot row alone on the next page takes the last two body rows with it.
	L.rows = append(L.rows, tableRowLines{h: 10})
	if got := L.planBreaks(0, 0, 105, 0); !got[8] {
		t.Errorf("breaks %v, want before row 8", got)
	}
}

// TestCaptionStaysWithItsTable: a caption that fits at the bottom of a page whose table
// does not moves on with the table.
func TestCaptionStaysWithItsTable(t *testing.T) {
	w := testWriter(t)
	w.y = w.bottom() - 34
	tb := &render.Table{Caption: "Besuchsbedarf nach Klassen", Header: []string{"Klasse", "Kunden"}}
	for _, c := range []string{"A", "B", "C", "D", "E"} {
		tb.Rows = append(tb.Rows, []render.Cell{{Text: c}, {Text: "12"}})
	}
	w.block(tb, 14)
	var buf bytes.Buffer
	if err := w.pdf.Output(&buf); err != nil {
		t.Fatal(err)
	}
	if first := run(t, buf.Bytes(), "pdftotext", "-f", "1", "-l", "1", "FILE", "-"); strings.Contains(first, "Besuchsbedarf") {
		t.Errorf("caption left at the bottom of page 1:\n%s", first)
	}
	if n := w.pdf.PageCount(); n != 2 {
		t.Errorf("%d pages", n)
	}
}

func TestFieldsCountsAsStringsFields(t *testing.T) {
	for _, s := range []string{"", " ", "a", " a ", "12 Personen", "160 h ↓", "a\u00a0b c", "x\u2003y\tz\n", "\xff \xfe", "31 Oct 2027 x"} {
		if got, want := fields(s), len(strings.Fields(s)); got != want {
			t.Errorf("fields(%q) = %d, strings.Fields gives %d", s, got, want)
		}
	}
}

// TestScorerIsNaiveScore: balance's scorer gives for every pair of columns at trial
// lines what scoring all cells again gives (ties among the tallest cells, rows of one
// line, tallies after changes).
func TestScorerIsNaiveScore(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	naive := func(lines, brk [][]int, a, b int, pa, pb *colPart) score {
		var s score
		for r := range lines {
			most := 1
			for c := range lines[r] {
				l, k := lines[r][c], brk[r][c]
				switch c {
				case a:
					l, k = pa.l[r], pa.b[r]
				case b:
					l, k = pb.l[r], pb.b[r]
				}
				most = max(most, l)
				s.all += l
				s.br += k
			}
			s.h += most
		}
		return s
	}
	for round := 0; round < 300; round++ {
		rows, n, most := 1+rng.IntN(12), 3+rng.IntN(5), 1+rng.IntN(4)
		lines, brk := make([][]int, rows), make([][]int, rows)
		for r := range lines {
			lines[r], brk[r] = make([]int, n), make([]int, n)
		}
		randomise := func() {
			for r := range lines {
				for c := range lines[r] {
					lines[r][c], brk[r][c] = 1+rng.IntN(most), rng.IntN(2)
				}
			}
		}
		randomise()
		sc := newScorer(lines, brk)
		for tally := 0; tally < 3; tally++ {
			if got, want := sc.base(), naive(lines, brk, -1, -1, nil, nil); got != want {
				t.Fatalf("round %d: base %+v, naive %+v", round, got, want)
			}
			for a := 0; a < n; a++ {
				for b := 0; b < n; b++ {
					if a == b {
						continue
					}
					pa, pb := newPart(rows), newPart(rows)
					for r := 0; r < rows; r++ {
						pa.l[r], pa.b[r] = 1+rng.IntN(most+1), rng.IntN(2)
						pb.l[r], pb.b[r] = 1+rng.IntN(most+1), rng.IntN(2)
						pa.sumL, pa.sumB = pa.sumL+pa.l[r], pa.sumB+pa.b[r]
						pb.sumL, pb.sumB = pb.sumL+pb.l[r], pb.sumB+pb.b[r]
					}
					if got, want := sc.cost(a, b, &pa, &pb), naive(lines, brk, a, b, &pa, &pb); got != want {
						t.Fatalf("round %d, columns %d and %d: %+v, naive %+v\nlines %v", round, a, b, got, want, lines)
					}
				}
			}
			randomise()
			sc.tally()
		}
	}
}

// TestSylBoundHoldsSyllables: balance takes sylBound for a column's low until a step
// comes near it, so it must never be below widestSyllable, and letterBound never below
// the width of a piece of its text (kerned pairs, umlauts, fallback runes, every style).
func TestSylBoundHoldsSyllables(t *testing.T) {
	w := hyphenWriter(t, "de")
	texts := []string{"Kundenentwicklungsplan", "AVATAR-Tower", "Größenordnung", "Wettbewerbsfähigkeit",
		"Tätigkeitsbereich", "Schlüsselkunde", "Verantwortlichkeiten", "Lieferantenkonsolidierung →",
		"TeTeTeTeTe", "Ωmega-Äquivalenz", "Projekt‑Steuerung", "Co-Engineering-Projekte"}
	for _, st := range []style{0, stBold, stItalic, stBold | stItalic} {
		for _, size := range []float64{7, 8.5, 9.5} {
			ts := textStyle{size: size, base: st}
			for _, s := range texts {
				for _, wd := range w.words(plain(w.san.Clean(s)), ts) {
					b, syl := w.sylBound(wd, size), w.widestSyllable(wd, size)
					if b < syl {
						t.Errorf("%q, style %d, %g pt: bound %g below the widest syllable %g", s, st, size, b, syl)
					}
					for _, f := range wd.frags {
						lb := w.letterBound(f.text, f.st, size)
						for i := range f.text {
							for j := i + 1; j <= len(f.text); j++ {
								if !utf8.RuneStart(f.text[i]) || j < len(f.text) && !utf8.RuneStart(f.text[j]) {
									continue
								}
								if pw := w.strWidth(f.text[i:j], f.st, size); pw > lb {
									t.Fatalf("%q: piece %q %g wider than the bound %g", f.text, f.text[i:j], pw, lb)
								}
							}
						}
					}
				}
			}
		}
	}
}
