package pdfdoc

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kepdev/kep/plan/check"
	"github.com/kepdev/kep/render"
	"github.com/kepdev/kep/render/rendertest"
)

// The review chapter of kep render --previous in the PDF: a bookmark with its five
// subsections before block 1, its page's text as a reader copies it, and qpdf's check.
func TestReviewChapterPDF(t *testing.T) {
	for _, tool := range []string{"qpdf", "pdftotext"} {
		rendertest.Tool(t, tool) // before rendering anything
	}
	pl := loadSample(t, "hansa")
	prev, diags := (&check.Loader{Now: testNow}).LoadPlan(filepath.Join("..", "..", "samples", "previous", "hansa-2026.toml"))
	if diags.HasErrors() {
		t.Fatal(diags.Err())
	}
	d, err := render.Build(pl, check.Compute(pl, testNow), render.Options{Now: testNow, KepVersion: "test", Previous: prev})
	if err != nil {
		t.Fatal(err)
	}
	pdf, _ := writePDF(t, d)
	run(t, pdf, "qpdf", "--check", "FILE")

	var got []string
	flatOutline(outlineOf(t, pdf), 0, &got)
	page := 0
	for i, o := range got {
		if strings.HasPrefix(o, "Rückblick 2026 → ") {
			fmt.Sscanf(strings.TrimPrefix(o, "Rückblick 2026 → "), "%d", &page)
			want := []string{"  Ziele: Plan und Ergebnis", "  Maßnahmen des Vorjahres", "  Bewegung im Portfolio", "  Anliegen an das Management und Entscheidungen", "  Veränderte Beziehungen", "1 Auswahl des Key Accounts"}
			for k, w := range want {
				if i+1+k >= len(got) || !strings.HasPrefix(got[i+1+k], w+" → ") {
					t.Errorf("outline after the review: want %q at %d, got %q", w, k, got[i+1+k:])
					break
				}
			}
		}
	}
	if page == 0 {
		t.Fatalf("no bookmark for the review:\n%s", strings.Join(got, "\n"))
	}
	text := run(t, pdf, "pdftotext", "-enc", "UTF-8", "-f", fmt.Sprint(page), "-l", fmt.Sprint(page+1), "FILE", "-")
	text = strings.Join(strings.Fields(strings.NewReplacer("\u00a0", " ", "\u202f", " ").Replace(text)), " ")
	for _, want := range []string{"Rückblick 2026", "entfallen", "neu", "Erledigungsquote", "66,7 %", "B → A (Aufstufung)", "Neutral → Unterstützer", "(bisher: Lieferanteil bei Getrieben erhöhen)"} {
		if !strings.Contains(text, want) {
			t.Errorf("pages %d–%d lack %q:\n%s", page, page+1, want, text)
		}
	}
}
