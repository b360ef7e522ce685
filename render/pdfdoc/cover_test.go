package pdfdoc

import (
	"strings"
	"testing"
)

// A long account name and title are set whole on the cover, in smaller type where needed;
// only text that cannot fit even so is cut, and then with an ellipsis (issue 14: "… GmbH &
// Co. KG" lost "Kommanditgesellschaft" without a mark).
func TestCoverLongNamesNotCutSilently(t *testing.T) {
	for _, c := range []struct {
		account string
		whole   bool
	}{
		{"Nordwestdeutsche Präzisionswerkzeugmaschinen- und Sondermaschinenbau-Beteiligungs-Holding GmbH & Co. KG Kommanditgesellschaft", true},
		{strings.Repeat("Sehr lange Firmenbezeichnung mit vielen Wörtern ", 12) + "ENDE", false},
	} {
		d := sampleDoc(t, "minimal")
		d.Account = c.account
		d.Title = "Kundenentwicklungsplan 2027"
		pdf, _ := writePDF(t, d)
		cover := strings.Join(strings.Fields(run(t, pdf, "pdftotext", "-f", "1", "-l", "1", "FILE", "-")), " ")
		if c.whole {
			if !strings.Contains(cover, "GmbH & Co. KG Kommanditgesellschaft") {
				t.Errorf("the account name is not whole on the cover:\n%s", cover)
			}
			continue
		}
		if strings.Contains(cover, "ENDE") || !strings.Contains(cover, "…") {
			t.Errorf("a name too long for the cover must end in an ellipsis:\n%s", cover)
		}
	}
}
