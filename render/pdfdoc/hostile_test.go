package pdfdoc

import (
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/kepdev/kep/plan"
	"github.com/kepdev/kep/render"
	"github.com/kepdev/kep/render/rendertest"
)

// hostileMarkdown is about size bytes of Markdown with everything a plan should not
// contain but may: emoji, CJK, runes above U+FFFF, raw HTML, unsafe links, a
// 5,000-character word, deep nesting, control characters.
func hostileMarkdown(size int) string {
	word := strings.Repeat("Überlänge", 556)[:5000]
	block := "## Überschrift 😀 mit 漢字\n\n" +
		"Text mit **fett**, *kursiv*, `code`, ~~weg~~, Müller-Weiß zahlt 1.850.000 € „netto“. \U0010FFFF \x01\u202e\n\n" +
		"[sicher](https://example.com/p?a=1&amp;b=2) [böse](javascript:alert(1)) [böse2](jav&#x61;script:alert(1)) " +
		"<script>alert('x')</script> <a href=\"javascript:x\">roh</a> ![bild](https://example.com/x.png)\n\n" +
		"- eins\n  - zwei\n    - drei 🚀\n1. erstens\n2. zweitens\n\n" +
		"> Zitat mit 𝕏 und ☃\n\n" +
		"| Spalte | Zahl |\n|---|---:|\n| a 😀 | 1.234 |\n| " + word[:300] + " | 5 |\n\n" +
		"```\ncode\tmit\ttabs 漢\n```\n\n---\n\n"
	var b strings.Builder
	b.WriteString(word + "\n\n")
	for b.Len() < size {
		b.WriteString(block)
	}
	return b.String()
}

// hostilePlan is the Hansa sample with hostile text and nContacts contacts and nActions
// actions, each with a unique name to find in the text.
func hostilePlan(t testing.TB, nContacts, nActions int) *plan.Plan {
	p := loadSample(t, "hansa")
	p.Meta.Account = "Hansa 😀 漢字 \U0010FFFF Müller & <Söhne> " + strings.Repeat("x", 300)
	p.Meta.Summary = hostileMarkdown(200 << 10)
	p.Meta.Owner = "Jürgen Weiß 👔"
	base := p.Contacts[0]
	base.ReportsTo = ""
	for i := 0; i < nContacts; i++ {
		c := base
		c.ID = fmt.Sprintf("hc%04d", i)
		c.Name = fmt.Sprintf("Kontakt-%04d Weiß 😀", i)
		c.NextStep = strings.Repeat("Lang", 30) + " [x](javascript:alert(1))"
		p.Contacts = append(p.Contacts, c)
	}
	a0 := p.Actions[0]
	for i := 0; i < nActions; i++ {
		a := a0
		a.ID = fmt.Sprintf("ha%04d", i)
		a.Action = fmt.Sprintf("Maßnahme-%04d für € und ß 漢", i)
		p.Actions = append(p.Actions, a)
	}
	return p
}

func hostileDoc(t testing.TB, nContacts, nActions int) *render.Document {
	return build(t, hostilePlan(t, nContacts, nActions))
}

func TestHostilePlan(t *testing.T) {
	if testing.Short() {
		t.Skip("large document")
	}
	d := hostileDoc(t, 2000, 500)
	pdf, res := writePDF(t, d)
	t.Logf("%d pages, %d bytes, replaced %s", res.Pages, len(pdf), res.ReplacedText())
	for _, r := range []rune{0x1F600, 0x6F22, 0x5B57, 0x10FFFF, 0x1F680, 0x1D54F} {
		found := false
		for _, x := range res.Replaced {
			found = found || x == r
		}
		if !found {
			t.Errorf("%U not reported as replaced", r)
		}
	}
	run(t, pdf, "qpdf", "--check", "FILE")
	text := run(t, pdf, "pdftotext", "-enc", "UTF-8", "FILE", "-")
	seen := map[string]bool{}
	// pdftotext joins a line that ends in a hyphen with the next and drops the hyphen:
	// a name broken after its own hyphen reads "Kontakt0001".
	for _, m := range regexp.MustCompile(`(Kontakt|Maßnahme)-?(\d{4})`).FindAllStringSubmatch(text, -1) {
		seen[m[1]+"-"+m[2]] = true
	}
	// A contact's name is not hyphenated: where its column is narrower than
	// "Kontakt-0001", it breaks after its own hyphen, and pdftotext sets the rest
	// ("0001 Weiß") on a line of its own.
	for _, m := range regexp.MustCompile(`(?m)^(\d{4}) Weiß`).FindAllStringSubmatch(text, -1) {
		seen["Kontakt-"+m[1]] = true
	}
	missing := 0
	for i := 0; i < 2000; i++ {
		if !seen[fmt.Sprintf("Kontakt-%04d", i)] {
			missing++
		}
	}
	for i := 0; i < 500; i++ {
		if !seen[fmt.Sprintf("Maßnahme-%04d", i)] {
			missing++
		}
	}
	if missing > 0 {
		t.Errorf("%d contacts or actions missing from the text", missing)
	}
	for _, s := range []string{"Müller-Weiß", "1.850.000 €", "<script>alert('x')</script>", "Überlänge"} {
		if !strings.Contains(text, s) {
			t.Errorf("text lacks %q", s)
		}
	}
}

// TestNothingLeavesTheMargins checks with pdftotext's bounding boxes that no word of the
// hostile document is set outside the page's text area.
func TestNothingLeavesTheMargins(t *testing.T) {
	rendertest.Tool(t, "pdftotext") // before rendering anything
	pdf, _ := writePDF(t, hostileDoc(t, 30, 30))
	checkMargins(t, pdf)
	names := samples(t)
	if testing.Short() {
		names = names[:1] // the rest under make test (CI)
	}
	for _, name := range names {
		pdf, _ := writePDF(t, sampleDoc(t, name))
		checkMargins(t, pdf)
	}
}

func checkMargins(t *testing.T, pdf []byte) {
	t.Helper()
	html := run(t, pdf, "pdftotext", "-bbox", "FILE", "-")
	// Points: A4 is 595.28 × 841.89; the text area is marginX from each side, marginTop
	// from the top and marginBottom from the bottom (write.go). Only the header (above
	// 50 pt) and the footer (below 799 pt) lie outside it vertically.
	// pdftotext's word boxes reach up to the font's ascender line (Noto Sans: 1.069 em,
	// room for accents on capitals), which a heading of 17 pt on the first line puts
	// about 2.4 pt above the text area though its letters are inside: 3 pt of slack.
	const left, right = marginX*mmToPt - 1, 595.28 - marginX*mmToPt + 1
	const top, bottom = marginTop*mmToPt - 3, 841.89 - marginBottom*mmToPt + 1
	n, page, bad := 0, 0, 0
	for _, l := range strings.Split(html, "\n") {
		if strings.Contains(l, "<page ") {
			page++
		}
		if !strings.Contains(l, "<word ") || page == 1 { // the cover is laid out freely
			continue
		}
		var xMin, yMin, xMax, yMax float64
		i := strings.Index(l, "xMin=")
		if _, err := fmt.Sscanf(l[i:], `xMin="%g" yMin="%g" xMax="%g" yMax="%g"`, &xMin, &yMin, &xMax, &yMax); err != nil {
			t.Fatalf("parse %q: %v", l, err)
		}
		n++
		inHeader, inFooter := yMax < 50, yMin > 799
		if xMin < left || xMax > right || (!inHeader && !inFooter && (yMin < top || yMax > bottom)) {
			t.Errorf("page %d: word outside the margins: %s", page, strings.TrimSpace(l))
			if bad++; bad > 20 {
				break
			}
		}
	}
	if n < 500 {
		t.Errorf("only %d words found", n)
	}
}
