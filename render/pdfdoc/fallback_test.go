package pdfdoc

import (
	"os"
	"strings"
	"testing"

	"github.com/kepdev/kep/render"
	"github.com/kepdev/kep/render/fonts"
)

// dejaVu is a real face with scripts neither Noto Sans nor the Go fonts have (Armenian,
// Georgian): Debian's fonts-dejavu-core, which .ci/run installs. Without it the test
// is skipped.
const dejaVu = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"

// TestBrandFallbackFace: [brand] font_fallback draws what the text face and the Go
// fonts lack, in running text, a table and code, and is embedded; without it those
// characters are reported and drawn as placeholders, while the PDF's title keeps them.
func TestBrandFallbackFace(t *testing.T) {
	fallback, err := os.ReadFile(dejaVu)
	if err != nil {
		t.Skipf("no fallback face to test with: %v", err)
	}
	const armenian, georgian = "Հայաստան", "საქართველო"
	builtin, err := newFontSet(nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range armenian + georgian {
		if builtin.cov.has(r) {
			t.Fatalf("the built-in faces have %U: the test needs a script they lack", r)
		}
	}
	doc := func(fb []byte) *render.Document {
		return &render.Document{Lang: "de", Title: "Plan " + armenian, Labels: render.LabelsFor("de"), Format: render.NewFormat("de", "EUR"),
			FontFallback: fb,
			Sections: []*render.Section{{ID: "s", Number: "1", Title: "Kunden", Level: 1, Blocks: []render.Block{
				&render.Paragraph{Text: "Niederlassung " + armenian + " → Tiflis"},
				&render.Markdown{Source: "**" + georgian + "** und `" + armenian + "`"},
				&render.Table{Header: []string{"Name", "Ort"}, Rows: [][]render.Cell{{{Text: georgian, Name: true}, {Text: armenian}}}},
			}}}}
	}
	pdf, res := writePDF(t, doc(fallback))
	if len(res.Replaced) > 0 {
		t.Errorf("with a fallback face, replaced %s", res.ReplacedText())
	}
	text := run(t, pdf, "pdftotext", "FILE", "-")
	for _, want := range []string{armenian, georgian, "→"} {
		if !strings.Contains(text, want) {
			t.Errorf("the PDF's text lacks %q:\n%s", want, text)
		}
	}
	if fonts := run(t, pdf, "pdffonts", "FILE"); !strings.Contains(fonts, "DejaVuSans") {
		t.Errorf("the fallback face is not embedded:\n%s", fonts)
	}

	pdf, res = writePDF(t, doc(nil))
	if got := res.ReplacedText(); !strings.Contains(got, "Հ (U+0540)") || !strings.Contains(got, "ს (U+10E1)") {
		t.Errorf("without a fallback face, replaced %q", got)
	}
	if info := run(t, pdf, "pdfinfo", "FILE"); !strings.Contains(info, "Plan "+armenian) {
		t.Errorf("the title metadata lost the characters no face has:\n%s", info)
	}
}

// TestBadBrandFallbackIsAnError: a fallback face that is no font is an error, not a
// document.
func TestBadBrandFallbackIsAnError(t *testing.T) {
	d := &render.Document{Lang: "de", Labels: render.LabelsFor("de"), Format: render.NewFormat("de", "EUR"), FontFallback: []byte("not a font")}
	var b strings.Builder
	if _, err := Write(&b, d, Options{Now: testNow}); err == nil || !strings.Contains(err.Error(), "fallback") {
		t.Errorf("Write with a broken fallback face: %v", err)
	}
	if b.Len() > 0 {
		t.Error("a partial document was written")
	}
}

// TestCoverageAgreesWithThePDF: what render/fonts.Coverage (the plan's check) predicts
// the PDF replaces is what the PDF's sanitizer replaces, with and without a fallback face.
func TestCoverageAgreesWithThePDF(t *testing.T) {
	fallback, _ := os.ReadFile(dejaVu) // nil without it: the test then checks the built-in set
	for _, fb := range [][]byte{nil, fallback} {
		d := &render.Document{FontFallback: fb}
		fs, err := fontSetOf(d)
		if err != nil {
			t.Fatal(err)
		}
		cov, err := fonts.NewCoverage(fonts.Brand{Fallback: fb})
		if err != nil {
			t.Fatal(err)
		}
		san := newSanitizer(fs.cov)
		for r := rune(0x20); r < 0x3000; r++ {
			missing := len(cov.Missing(string(r))) > 0
			replaced := strings.ContainsRune(san.Clean(string(r)), san.ph) && r != san.ph
			if missing != replaced {
				t.Fatalf("fallback %v: %U: the check says missing %v, the PDF replaces %v", fb != nil, r, missing, replaced)
			}
		}
	}
}
