package pdfdoc

import (
	"fmt"
	"strings"
	"testing"

	"github.com/kepdev/kep/render"
	"github.com/kepdev/kep/render/hyph"
)

// hyphenWriter is testWriter with the hyphenation of lang.
func hyphenWriter(t *testing.T, lang string) *docWriter {
	w := testWriter(t)
	w.hy = hyph.For(lang)
	return w
}

// TestWrapHyphenatesAtValidPointsOnly: a long compound breaks only at the points of the
// German patterns, each broken line ending with a visible hyphen, at every width from
// one syllable to the whole word.
func TestWrapHyphenatesAtValidPointsOnly(t *testing.T) {
	w := hyphenWriter(t, "de")
	const word = "Instandhaltungsplanungsleiter"
	valid := map[string]bool{}
	for _, p := range hyph.For("de").Points(word) {
		valid[word[:p]] = true
	}
	full := w.strWidth(word, 0, 9.5)
	// From the widest syllable with its hyphen: narrower, a syllable must be cut.
	widest, last := 0.0, 0
	for _, p := range append(hyph.For("de").Points(word), len(word)) {
		widest = max(widest, w.strWidth(word[last:p]+"-", 0, 9.5))
		last = p
	}
	for maxW := widest; maxW < full+5; maxW += 0.25 {
		lines := w.wrap(plain("Der "+word+" plant."), body(ink), maxW)
		var text strings.Builder
		for i, l := range lines {
			s := lineText(l)
			if l.w > maxW+1e-6 {
				t.Fatalf("maxW %g: line %q is %g mm wide", maxW, s, l.w)
			}
			const all = "Der " + word + " plant."
			if n := text.Len() + len(s); i < len(lines)-1 && !strings.HasSuffix(s, "-") &&
				(n >= len(all) || all[n] != ' ') {
				t.Fatalf("maxW %g: line %q ends inside a word without a hyphen", maxW, s)
			}
			if strings.HasSuffix(s, "-") {
				s = strings.TrimSuffix(s, "-")
				done := text.String() + s
				prefix := done[strings.LastIndex(done, " ")+1:]
				if !valid[prefix] {
					t.Fatalf("maxW %g: %q broken after %q, not a hyphenation point", maxW, word, prefix)
				}
			} else if i < len(lines)-1 {
				s += " "
			}
			text.WriteString(s)
		}
		if got := text.String(); got != "Der "+word+" plant." {
			t.Fatalf("maxW %g: text %q", maxW, got)
		}
	}
}

// TestWrapSoftHyphens: the author's soft hyphens are the word's only points, and are
// never drawn.
func TestWrapSoftHyphens(t *testing.T) {
	w := hyphenWriter(t, "de")
	src := w.san.Clean("Kunden\u00adentwicklungs\u00adplan")
	if !strings.ContainsRune(src, '\u00ad') {
		t.Fatal("the sanitizer dropped the soft hyphens")
	}
	whole := w.strWidth("Kundenentwicklungsplan", 0, 9.5)
	if got := w.strWidth(src, 0, 9.5); got != whole {
		t.Errorf("width with soft hyphens %g, want %g", got, whole)
	}
	for _, c := range []struct {
		maxW float64
		want string
	}{
		{whole + 1, "Kundenentwicklungsplan"},
		{w.strWidth("Kundenentwicklungs-", 0, 9.5) + 0.1, "Kundenentwicklungs-|plan"},
		{w.strWidth("Kundenentwicklungs", 0, 9.5) - 0.1, "Kunden-|entwicklungsplan"},
		{w.strWidth("entwicklungs-", 0, 9.5) + 0.1, "Kunden-|entwicklungs-|plan"},
	} {
		var got []string
		for _, l := range w.wrap(plain(src), body(ink), c.maxW) {
			got = append(got, lineText(l))
		}
		if s := strings.Join(got, "|"); s != c.want {
			t.Errorf("maxW %g: %q, want %q", c.maxW, s, c.want)
		}
	}
}

// TestWrapLanguages: English and French words break at their own points; a language
// without patterns does not hyphenate, and cuts a word only where it cannot fit, with
// a hyphen.
func TestWrapLanguages(t *testing.T) {
	for _, c := range []struct {
		lang, word, want string
	}{
		{"en", "opportunities", "op-|portunities"},
		{"fr", "approvisionnement", "ap-|provisionnement"},
		{"de", "Geschäftsinitiativen", "Geschäfts-|initiativen"},
	} {
		w := hyphenWriter(t, c.lang)
		first, _, _ := strings.Cut(c.want, "|")
		maxW := w.strWidth(c.word, 0, 9.5) - 0.5
		maxW = max(maxW, w.strWidth(first, 0, 9.5)+0.1)
		// The whole word does not fit; the longest valid head that fits is taken.
		var got []string
		for _, l := range w.wrap(plain(c.word), body(ink), maxW) {
			got = append(got, lineText(l))
		}
		if len(got) != 2 || !strings.HasSuffix(got[0], "-") {
			t.Errorf("%s: %q at %g mm: %q", c.lang, c.word, maxW, got)
			continue
		}
		head := strings.TrimSuffix(got[0], "-")
		ok := false
		for _, p := range hyph.For(c.lang).Points(c.word) {
			ok = ok || c.word[:p] == head
		}
		if !ok || head+got[1] != c.word {
			t.Errorf("%s: %q broken as %q", c.lang, c.word, got)
		}
	}
	w := hyphenWriter(t, "ja")
	lines := w.wrap(plain("Instandhaltungsplanungsleiter"), body(ink), 20)
	for i, l := range lines[:len(lines)-1] {
		if s := lineText(l); !strings.HasSuffix(s, "-") {
			t.Errorf("line %d %q: a cut word without a hyphen", i, s)
		}
	}
}

// TestTableHeaderHyphenates: a header word wider than its column breaks at a
// hyphenation point ("Ein-|fluss"), not by letter count ("Einflu-|ss").
func TestTableHeaderHyphenates(t *testing.T) {
	w := hyphenWriter(t, "de")
	ts := (&tableSpec{}).headStyle(8.5)
	maxW := w.strWidth("Einfluss", stBold, 8.5) - 0.3
	var got []string
	for _, l := range w.wrap(plain("Einfluss"), ts, maxW) {
		got = append(got, lineText(l))
	}
	if s := strings.Join(got, "|"); s != "Ein-|fluss" {
		t.Errorf("header %q, want %q", s, "Ein-|fluss")
	}
}

// TestTableHeaderKeepsSyllables: a narrow column of figures under a long header is made
// as wide as the header's widest syllable, so that a header breaks at its points only:
// "Ge-|wicht", never "Ge-|wic-|ht" (the hansa scorecard's "Gewicht" over "20 %"). Every
// table of the German sample, laid out at the text width.
func TestTableHeaderKeepsSyllables(t *testing.T) {
	d := sampleDoc(t, "hansa")
	fs, err := newFontSet(nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	w := newDocWriter(d, fs, Options{Now: testNow})
	w.newPage()
	hy := hyph.For("de")
	tables := 0
	for _, sec := range d.Sections {
		walkBlocks(sec, func(b render.Block) {
			tb, ok := b.(*render.Table)
			if !ok {
				return
			}
			tables++
			spec := w.tableSpec(tb, 8.5)
			L := w.layoutTable(spec, w.left(), w.width())
			for c, ls := range L.headLines {
				var text strings.Builder
				for _, l := range ls {
					s := lineText(l)
					done := text.String() + s
					if strings.HasSuffix(s, "-") && !strings.HasPrefix(spec.header[c][len(done)-1:], "-") {
						// A hyphen of the wrap, not of the header ("Scorecard-|Ziel").
						s = strings.TrimSuffix(s, "-")
						done = strings.TrimSuffix(done, "-")
						from := strings.LastIndexAny(done, " -") + 1
						last := done[from:]
						full := strings.FieldsFunc(spec.header[c][from:], func(r rune) bool { return r == ' ' || r == '-' })[0]
						ok := false
						for _, p := range hy.Points(full) {
							ok = ok || full[:p] == last
						}
						if !ok {
							t.Errorf("table %q: header %q broken after %q, not a hyphenation point", tb.Caption, spec.header[c], last)
						}
					} else if !strings.HasSuffix(s, "-") {
						s += " "
					}
					text.WriteString(s)
				}
			}
		})
	}
	if tables < 10 {
		t.Fatalf("%d tables in the sample", tables)
	}
}

// TestNamesNotHyphenated: a cell typed as a name (render.Cell.Name) breaks only between
// its words: "Daniel Hoffmann", never "Daniel Hoff-|mann"; other text beside it does.
func TestNamesNotHyphenated(t *testing.T) {
	w := hyphenWriter(t, "de")
	ts := body(ink)
	maxW := w.strWidth("Daniel Hoff-", 0, ts.size) + 0.5
	name := plain("Daniel Hoffmann")
	name[0].whole = true
	var got []string
	for _, l := range w.wrap(name, ts, maxW) {
		got = append(got, lineText(l))
	}
	if s := strings.Join(got, "|"); s != "Daniel|Hoffmann" {
		t.Errorf("name set as %q, want %q", s, "Daniel|Hoffmann")
	}
	got = nil
	for _, l := range w.wrap(plain("Daniel Hoffmann"), ts, maxW) {
		got = append(got, lineText(l))
	}
	if s := strings.Join(got, "|"); s != "Daniel Hoff-|mann" {
		t.Errorf("text set as %q (the test's width no longer hyphenates it)", s)
	}
	// The builder types the names: a contact's, an owner's.
	d := sampleDoc(t, "hansa")
	names := 0
	for _, s := range d.Sections {
		walkBlocks(s, func(b render.Block) {
			if tb, ok := b.(*render.Table); ok {
				for _, r := range tb.Rows {
					for _, c := range r {
						if c.Name {
							names++
						}
					}
				}
			}
		})
	}
	if names == 0 {
		t.Error("no table cell of the hansa sample is typed as a name")
	}
}

// TestPointsKeptInFragment: a fragment's points are looked up once and kept in it (none:
// noPoints, not nil); wrapping the same words again at other widths, as balancing a
// table does, gives the lines it gave with fresh words.
func TestPointsKeptInFragment(t *testing.T) {
	w := hyphenWriter(t, "de")
	ts := body(ink)
	ws := w.words(plain("Instandhaltungsplanungsleiter und Kundenentwicklungsplan im Quartal"), ts)
	f := &ws[0].frags[0]
	if f.soft != nil {
		t.Fatalf("points before a look-up: %v", f.soft)
	}
	pts := w.points(f)
	if fmt.Sprint(pts) != fmt.Sprint(w.hy.Points(f.text)) || len(pts) == 0 {
		t.Fatalf("points %v, the hyphenator's %v", pts, w.hy.Points(f.text))
	}
	if fmt.Sprint(f.soft) != fmt.Sprint(pts) {
		t.Errorf("points not kept: %v", f.soft)
	}
	und := &ws[1].frags[0]
	if got := w.points(und); got == nil || len(got) != 0 || und.soft == nil {
		t.Errorf("a word without points: %v (kept %v)", got, und.soft)
	}
	for _, maxW := range []float64{12, 18, 25, 33, 47, 80} {
		fresh := w.wrapWords(w.words(plain("Instandhaltungsplanungsleiter und Kundenentwicklungsplan im Quartal"), ts), ts, maxW)
		again := w.wrapWords(ws, ts, maxW)
		if n := w.lineCount(ws, ts, maxW); n != len(fresh) {
			t.Errorf("maxW %g: %d lines counted, %d wrapped", maxW, n, len(fresh))
		}
		var a, b []string
		for i := range fresh {
			a = append(a, lineText(fresh[i]))
		}
		for i := range again {
			b = append(b, lineText(again[i]))
		}
		if strings.Join(a, "|") != strings.Join(b, "|") {
			t.Errorf("maxW %g: %q again, %q fresh", maxW, b, a)
		}
	}
}
