package pdfdoc

import (
	"bytes"
	"regexp"
	"strings"
	"testing"

	"github.com/kepdev/kep/render"
	"github.com/kepdev/kep/render/fonts"
	"github.com/kepdev/kep/render/rendertest"
	"golang.org/x/image/font/gofont/gobolditalic"
	"golang.org/x/image/font/gofont/goitalic"
)

// TestFontsEmbeddedUnderTheirNames: the faces are embedded under their PostScript names
// with a subset tag, not as "font" or "fontB"; the fallback face draws the arrows Noto
// Sans lacks, so no placeholder stands for them.
func TestFontsEmbeddedUnderTheirNames(t *testing.T) {
	rendertest.Tool(t, "pdffonts") // before rendering anything
	d := sampleDoc(t, "hansa")
	pdf, res := writePDF(t, d)
	out := run(t, pdf, "pdffonts", "FILE")
	for _, want := range []string{"NotoSans-Regular", "NotoSans-Bold"} {
		if !regexp.MustCompile(`(?m)^[A-Z]{6}\+` + want + ` `).MatchString(out) {
			t.Errorf("pdffonts lacks %s with a subset tag:\n%s", want, out)
		}
	}
	if strings.Contains(out, "+font") || strings.Contains(out, "utf8") {
		t.Errorf("a face embedded under fpdf's name:\n%s", out)
	}
	if strings.Contains(res.ReplacedText(), "→") {
		t.Errorf("arrows replaced: %s", res.ReplacedText())
	}
	text := run(t, pdf, "pdftotext", "-enc", "UTF-8", "FILE", "-")
	if !strings.Contains(text, "→") || strings.Contains(text, "□") {
		t.Errorf("arrows missing or placeholders in the text")
	}
}

// TestKerningMeasuredAsDrawn: text is kerned (a TJ array in the page), and the width
// the layout measures is the kerned one.
func TestKerningMeasuredAsDrawn(t *testing.T) {
	w := testWriter(t)
	k := fonts.NewKerning(fonts.Regular())
	if k.Pair('T', 'e') >= 0 {
		t.Fatal("Noto Sans does not kern Te")
	}
	plain := w.strWidth("T", 0, 10) + w.strWidth("e", 0, 10)
	kerned := w.strWidth("Te", 0, 10)
	want := plain + float64(k.Pair('T', 'e'))/1000*10*ptToMM
	if d := kerned - want; d > 1e-9 || d < -1e-9 {
		t.Errorf("width of Te %g mm, want %g (unkerned %g)", kerned, want, plain)
	}
	pdf, _ := writePDF(t, sampleDoc(t, "minimal"))
	page := run(t, pdf, "qpdf", "--qdf", "--object-streams=disable", "FILE", "-")
	if !strings.Contains(page, "] TJ") {
		t.Error("no kerned text (TJ) in the document")
	}
}

// TestMetadataKeepsEveryCharacter: the document information needs no font, so a title
// in Japanese or with an emoji is kept as written, not replaced by placeholders.
func TestMetadataKeepsEveryCharacter(t *testing.T) {
	d := sampleDoc(t, "minimal")
	d.Title = "計画 2027 – Müller 😀\u00ad\u202e"
	pdf, _ := writePDF(t, d)
	info := run(t, pdf, "pdfinfo", "-enc", "UTF-8", "FILE")
	if !strings.Contains(info, "計画 2027 – Müller 😀\n") {
		t.Errorf("pdfinfo title:\n%s", info)
	}
}

// TestBrandWithoutItalicSlants: a brand font without an italic face draws italics as
// its upright face slanted; the built-in family has a real italic and no slant.
func TestBrandWithoutItalicSlants(t *testing.T) {
	brand := append([]byte(nil), fonts.Regular()...) // a font of the brand's own
	for _, c := range []struct {
		regular []byte
		italics [][]byte
		slant   bool
	}{{nil, nil, false}, {brand, nil, true},
		// A brand that gives its italic faces ([brand] font_italic, font_bold_italic)
		// prints them, not a slant.
		{brand, [][]byte{goitalic.TTF, gobolditalic.TTF}, false}} {
		fs, err := newFontSet(c.regular, nil, c.italics...)
		if err != nil {
			t.Fatal(err)
		}
		if fs.slanted["I"] != c.slant || fs.slanted["BI"] != c.slant {
			t.Fatalf("brand %v: slanted %v", c.regular != nil, fs.slanted)
		}
		if len(c.italics) > 0 && fs.styles["I"] == fs.styles[""] {
			t.Fatal("the brand's italic face is not used for italics")
		}
		d := &render.Document{Labels: render.LabelsFor("de"), Format: render.NewFormat("de", "EUR")}
		w := newDocWriter(d, fs, Options{Now: testNow})
		w.newPage()
		w.text(30, 40, "kursiv", stItalic, 10, ink)
		var buf bytes.Buffer
		if err := w.pdf.Output(&buf); err != nil {
			t.Fatal(err)
		}
		page := run(t, buf.Bytes(), "qpdf", "--qdf", "--object-streams=disable", "FILE", "-")
		// The skew's matrix: 1 0 tan(12°) 1 … cm.
		if got := strings.Contains(page, "1.00000 0.00000 0.21256 1.00000"); got != c.slant {
			t.Errorf("brand %v: skew matrix in the page %v, want %v", c.regular != nil, got, c.slant)
		}
	}
}

// TestStrWidthIsStringWidthOf: strWidth adds up the widths and kerning itself; its
// figures are fpdf's StringWidthOf of each run, to the bit, in every style, with the
// built-in faces and with a brand's (a face kerned by its tables, not by the ready
// Latin pairs, and a fallback face of the brand).
func TestStrWidthIsStringWidthOf(t *testing.T) {
	brand := &render.Document{Labels: render.LabelsFor("de"), Format: render.NewFormat("de", "EUR"),
		Font: goitalic.TTF, FontBold: fonts.Bold(), FontFallback: gobolditalic.TTF}
	texts := []string{"", " ", "-", "Te", "AVATAR", "Kundenentwicklungsplan", "Größe", "Äquivalenz",
		"œuvre", "Łódź", "2.050.000 €", "a – b", "x → y", "≥ 3 %", "Ω≈∑", "soft\u00adhyphen",
		"“quoted”", "Ŋŉ", "ﬁ", "Hello, World! 1234567890 ()[]{}"}
	styles := []style{0, stBold, stItalic, stBold | stItalic, stMono, stMono | stBold,
		stUnderline, stStrike | stBold, stFallback, stFallback | stBold}
	for name, d := range map[string]*render.Document{"built-in": nil, "brand": brand} {
		w := testWriter(t)
		if d != nil {
			fs, err := fontSetOf(d)
			if err != nil {
				t.Fatal(err)
			}
			w = newDocWriter(d, fs, Options{Now: testNow})
			w.newPage()
		}
		for _, st := range styles {
			for _, size := range []float64{7, 8.5, 9.5, 16} {
				for _, s := range texts {
					s = w.san.Line(s)
					want := 0.0
					w.eachRun(noSoft(s), st, func(run string, st style) {
						family, fs := fontOf(st)
						w.register(family, fs)
						want += w.pdf.StringWidthOf(family, fs, size, run)
					})
					if got := w.strWidth(s, st, size); got != want {
						t.Errorf("%s: strWidth(%q, %d, %g) = %v, StringWidthOf %v", name, s, st, size, got, want)
					}
				}
			}
		}
	}
}
