package pdfdoc

import (
	"strings"
	"testing"

	"github.com/kepdev/kep/render"
)

// testWriter is a document writer on a fresh page, for tests of the layout parts.
func testWriter(t testing.TB) *docWriter {
	t.Helper()
	fs, err := newFontSet(nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	d := &render.Document{Labels: render.LabelsFor("de"), Format: render.NewFormat("de", "EUR")}
	w := newDocWriter(d, fs, Options{Now: testNow})
	w.newPage()
	return w
}

func lineText(l line) string {
	var b strings.Builder
	for i, w := range l.words {
		if i > 0 && w.space > 0 {
			b.WriteByte(' ')
		}
		for _, f := range w.frags {
			b.WriteString(f.text)
		}
	}
	return b.String()
}

func TestWrapBreaksLongWordsInsideTheLine(t *testing.T) {
	w := testWriter(t)
	word := strings.Repeat("Lieferantenkonsolidierungäß€", 180) // 5,040 characters, no space
	for _, maxW := range []float64{3, 20, 60, w.width()} {
		for _, ts := range []textStyle{body(ink), {size: 16, lead: 7, base: stBold}} {
			lines := w.wrap(plain("vorher "+word+" nachher"), ts, maxW)
			var all []string
			for _, l := range lines {
				// A cut between two letters ends with a hyphen (the word has no
				// hyphenation point): the line without it is the text.
				s := strings.TrimSuffix(lineText(l), "-")
				if l.w > maxW+1e-6 && len([]rune(s)) > 1 {
					t.Fatalf("maxW %g: line of width %g", maxW, l.w)
				}
				all = append(all, s)
			}
			if got := strings.ReplaceAll(strings.Join(all, ""), " ", ""); got != "vorher"+word+"nachher" {
				t.Fatalf("maxW %g: text changed: %d runes, want %d", maxW, len([]rune(got)), len([]rune(word))+13)
			}
		}
	}
}

func TestWrapKeepsWordsAndHardBreaks(t *testing.T) {
	w := testWriter(t)
	spans := []span{{text: "Die "}, {text: "Zielerreichung", st: stBold}, {text: "en liegt bei 87,5 %.\nNeue Zeile  mit  Abstand"}}
	lines := w.wrap(spans, body(ink), 200)
	if len(lines) != 2 {
		t.Fatalf("%d lines, want 2", len(lines))
	}
	if got := lineText(lines[0]); got != "Die Zielerreichungen liegt bei 87,5 %." {
		t.Errorf("line 1 = %q", got)
	}
	if got := lineText(lines[1]); got != "Neue Zeile mit Abstand" {
		t.Errorf("line 2 = %q", got)
	}
	// A word across two spans stays one word.
	if n := len(lines[0].words[1].frags); n != 2 {
		t.Errorf("Zielerreichungen has %d fragments, want 2", n)
	}
	narrow := w.wrap(spans, body(ink), 30)
	for _, l := range narrow {
		if l.w > 30 {
			t.Errorf("line %q wider than 30 mm", lineText(l))
		}
	}
}

func TestFlowBreaksPagesAndNeverPassesTheBottom(t *testing.T) {
	w := testWriter(t)
	text := strings.Repeat("Ein Satz mit einigen Wörtern, der sich oft wiederholt. ", 2000)
	bottom := 0.0
	w.onNewPage = func() { bottom = 0 }
	w.flow(plain(text), body(ink), 0)
	if w.pdf.PageCount() < 10 {
		t.Errorf("%d pages for a long text", w.pdf.PageCount())
	}
	if w.y > w.bottom()+1e-6 || bottom > w.bottom() {
		t.Errorf("text below the bottom margin: y %g > %g", w.y, w.bottom())
	}
	if err := w.pdf.Error(); err != nil {
		t.Fatal(err)
	}
}
