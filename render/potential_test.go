package render

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const potentialWS = `format = 1
[scoring]
[[scoring.attractiveness]]
id = "x"
name = "X"
weight = 100
[[scoring.position]]
id = "y"
name = "Y"
weight = 100
[visits]
working_days = 200
visits_per_day = 2
kams = 1
[[visits.classes]]
class = "A"
frequency = 24
prospect_frequency = 8
minor_prospect_frequency = 2
[[visits.classes]]
class = "B"
frequency = 12
[[visits.classes]]
class = "C"
frequency = 4
[[visits.territories]]
name = "Nord"
[[visits.territories.classes]]
class = "A"
customers = 5
minor_prospects = 3
[[visits.territories]]
name = "Süd"
kams = 2
[[visits.territories.classes]]
class = "C"
customers = 10
[[costs.items]]
name = "Gehalt"
amount = 100_000
`

// buildPotential renders a plan of the given kind and attractiveness points in the
// workspace above and returns its document.
func buildPotential(t *testing.T, kind string, points string) *Document {
	t.Helper()
	dir := t.TempDir()
	for name, src := range map[string]string{
		".git/HEAD": "ref", "kep.toml": potentialWS,
		"p.toml": "format = 1\n[plan]\naccount = \"Probe AG\"\nfrom = 2027-01-01\nto = 2027-12-31\nkind = \"" + kind + "\"\n" +
			"[selection]\nrevenue = 400_000\ncontribution_margin = 80_000\nvisits = 8\n[selection.attractiveness]\nx = " + points + "\n[selection.position]\ny = 6\n",
	} {
		if err := os.MkdirAll(filepath.Dir(filepath.Join(dir, name)), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, name), []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	p, f := loadSample(t, filepath.Join(dir, "p.toml"))
	d, err := Build(p, f, Options{Now: testNow})
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// tilesAndNotes are the summary's tiles and every note, as "label: value" lines.
func tilesAndNotes(d *Document) string {
	var b strings.Builder
	d.Walk(func(s *Section) {
		for _, bl := range s.Blocks {
			switch x := bl.(type) {
			case *Tiles:
				for _, it := range x.Items {
					b.WriteString("tile " + it.Label + ": " + it.Value + "\n")
				}
			case *Note:
				b.WriteString("note " + x.Text + "\n")
			case *Table:
				b.WriteString("table " + x.Caption + ": " + strings.Join(x.Header, "|") + "\n")
			}
		}
	})
	return spaces.Replace(b.String())
}

// spaces makes the no-break spaces of numbers plain, for readable expectations.
var spaces = strings.NewReplacer("\u00a0", " ", "\u202f", " ")

// A potential key account (A2) is named so on the cover, in the summary and in block 1,
// its revenue is a potential, and its norm is the prospect norm (8 for class A); block 1
// is in the book's order and shows the territories.
func TestPotentialKeyAccountDocument(t *testing.T) {
	d := buildPotential(t, "prospect", "8")
	text, extra := spaces.Replace(outlineText(d)), tilesAndNotes(d)
	for _, want := range []string{
		"Potenzieller Key Account Probe AG",                               // cover and summary facts
		"Art Potenzieller Key Account",                                    // block 1
		"Besuchsnorm potenzieller Kunden der Klasse A (anteilig) 8",       // the prospect norm
		"Umsatzpotenzial 400.000 €", "Deckungsbeitragspotenzial 80.000 €", // potentials
		"Potenzieller Key Account ja",       // the verdict
		"Nord\tA\t5\t24\t0\t8\t3\t2\t126\t", // 5 × 24 + 3 × 2 = 126
		"Süd\tC\t10\t4\t0\t2\t0\t0\t40\t",   // 10 × 4
		"Nord\t1\t126\t400\t31,5 %\t0,3\t",  // 126 of 1 × 200 × 2
		"Süd\t2\t40\t800\t5 %\t0,1\t",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("document lacks %q", want)
		}
	}
	for _, want := range []string{"tile Potenzieller Key Account: ja", "tile Umsatzpotenzial: 400 Tsd. €",
		"table Besuchsbedarf nach Gebieten und Klassen: Gebiet|Klasse|Kunden|", "table Bedarf und Kapazität nach Gebieten: Gebiet|KAMs|"} {
		if !strings.Contains(extra, want) {
			t.Errorf("document lacks %q in\n%s", want, extra)
		}
	}
	var b1 []string
	for _, s := range d.Sections {
		if s.ID == "b1" {
			for _, c := range s.Sections {
				b1 = append(b1, c.Title)
			}
		}
	}
	if got := strings.Join(b1, ", "); got != "Besuchsbedarfsanalyse, Besuchskostenanalyse, Kundenbewertungssystem" {
		t.Errorf("block 1: %s", got)
	}
}

// A class C account (A3) is no key account: block 1 and the summary say so.
func TestClassCVerdict(t *testing.T) {
	d := buildPotential(t, "account", "2")
	text, extra := spaces.Replace(outlineText(d)), tilesAndNotes(d)
	if !strings.Contains(text, "Key Account Probe AG") || strings.Contains(text, "Potenzieller") {
		t.Errorf("a buying account is named a key account, no potential:\n%s", text)
	}
	for _, want := range []string{"Key Account nein (Klasse C)", "Geplanter Umsatz 400.000 €", "Besuchsnorm der Klasse C (anteilig) 4"} {
		if !strings.Contains(text, want) {
			t.Errorf("document lacks %q", want)
		}
	}
	for _, want := range []string{"tile Key Account: nein (Klasse C)", "note Klasse C: nach dem Kundenbewertungssystem des Arbeitsbereichs kein Key Account."} {
		if !strings.Contains(extra, want) {
			t.Errorf("document lacks %q in\n%s", want, extra)
		}
	}
}
