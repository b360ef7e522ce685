package htmldoc

import (
	"bytes"
	"html"
	"regexp"
	"strings"
	"testing"

	"github.com/kepdev/kep/plan/check"
	"github.com/kepdev/kep/render"
)

// The review chapter of kep render --previous, as a reader sees it in the HTML: its
// heading in the table of contents and in the text, the objectives matched by id (dropped,
// new, reworded), the actions' completion, the class change, the asks' decisions, and the
// arrow's text alternative in block 1's portfolio.
func TestReviewChapterHTML(t *testing.T) {
	p := loadPlan(t, "../../samples/accounts/hansa.toml")
	prev := loadPlan(t, "../../samples/previous/hansa-2026.toml")
	d, err := render.Build(p, check.Compute(p, testNow), render.Options{Now: testNow, KepVersion: "test", Previous: prev})
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := Write(&buf, d, Options{}); err != nil {
		t.Fatal(err)
	}
	page := strings.ReplaceAll(buf.String(), "\u00ad", "") // the soft hyphens of hyphenation
	tags := regexp.MustCompile(`<[^>]*>`)
	text := html.UnescapeString(tags.ReplaceAllString(page, " "))
	text = strings.Join(strings.Fields(strings.NewReplacer("\u00a0", " ", "\u202f", " ").Replace(text)), " ")
	for _, want := range []string{
		`<a href="#review">Rückblick 2026`,
		`<h2 id="review-h">Rückblick 2026</h2>`,
	} {
		if !strings.Contains(page, want) {
			t.Errorf("HTML lacks %q", want)
		}
	}
	for _, want := range []string{
		"Der Plan 2026 (01.01.2026 – 31.12.2026) im Vergleich mit diesem",
		"Ziel 2026 Ist 2026 Zielerreichung Ampel Ziel 2027",
		"k1 – Lieferanteil bei Antrieben ausbauen (bisher: Lieferanteil bei Getrieben erhöhen) 30 % 28 % 93,3 %",
		"k3 – Als Lieferant für Linearachsen gelistet werden 1 Listungen 0 Listungen 0 % ■ rot entfallen",
		"p2 – Lieferzeit für Standardgetriebe verkürzen neu – – – 20 Tage ↓",
		"Erledigt 4 Verworfen 1 Noch offen 2 Erledigungsquote 66,7 %",
		"a3 Listung Linearachsen im Lieferantenportal beantragen 30.06.2026 verworfen",
		"Klasse B → A (Aufstufung)",
		"Portfolio-Feld Fragezeichen → Star",
		"Dr. Hendrik Vogt Neutral → Unterstützer flüchtig → regelmäßig",
		"Sabine Krüger Skeptiker → Neutral regelmäßig",
		"m2 – Budget für die Listung als Linearachsen-Lieferant 25.000 € ■ abgelehnt Dr. Katrin Albers, 04.03.2026",
		"Vorjahr 2026: Klasse B, Fragezeichen (Aufstufung)",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("text lacks %q", want)
		}
	}
	// The chart's text alternative names the movement.
	if alt := "Im Plan 2026 stand der Account bei Attraktivität 68,5 und Position 47,5 (Klasse B, jetzt A); ein Pfeil zeigt die Bewegung."; !strings.Contains(html.UnescapeString(page), alt) {
		t.Errorf("portfolio's text alternative lacks %q", alt)
	}
	// Review before block 1.
	if r, b1 := strings.Index(page, `id="review-h"`), strings.Index(page, `id="b1-h"`); r < 0 || b1 < 0 || r > b1 {
		t.Errorf("review at %d, block 1 at %d: want the review first", r, b1)
	}
}
