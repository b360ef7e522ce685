package htmldoc

import (
	"bytes"
	"os"
	"strings"
	"testing"

	"github.com/kepdev/kep/render"
)

// TestBrandFallbackFace: [brand] font_fallback is named after the text face in the
// page's font family and embedded (subset) like the text faces.
func TestBrandFallbackFace(t *testing.T) {
	fallback, err := os.ReadFile("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf") // fonts-dejavu-core
	if err != nil {
		t.Skipf("no fallback face to test with: %v", err)
	}
	d := &render.Document{Lang: "de", Title: "T", Labels: render.LabelsFor("de"), Format: render.NewFormat("de", "EUR"),
		FontFallback: fallback,
		Sections:     []*render.Section{{ID: "s", Title: "S", Level: 1, Blocks: []render.Block{&render.Paragraph{Text: "Niederlassung Հայաստան"}}}}}
	var buf bytes.Buffer
	if err := Write(&buf, d, Options{}); err != nil {
		t.Fatal(err)
	}
	page := buf.String()
	if !strings.Contains(page, `--font:"Noto Sans","kep fallback";`) {
		t.Errorf("the font family does not name the fallback face")
	}
	i := strings.Index(page, `@font-face{font-family:"kep fallback";font-weight:100 900;font-style:normal;`)
	if i < 0 {
		t.Fatal("the fallback face is not embedded")
	}
	if n := strings.Index(page[i:], "}"); n > 200_000 {
		t.Errorf("the fallback face is %d bytes: not subset", n)
	}
	d.FontFallback = nil
	buf.Reset()
	if err := Write(&buf, d, Options{}); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(buf.String(), "kep fallback") {
		t.Error("a fallback face without one given")
	}
}
