package render

import (
	"testing"

	"github.com/kepdev/kep/plan"
	"github.com/kepdev/kep/render/theme"
)

// TestThemeDefaults: the loader's default brand colours are the theme's, so that a plan
// without colours and a document built without the loader look the same.
func TestThemeDefaults(t *testing.T) {
	if theme.DefaultPrimary.Hex() != plan.DefaultPrimary || theme.DefaultAccent.Hex() != plan.DefaultAccent {
		t.Errorf("theme %s %s, loader %s %s", theme.DefaultPrimary.Hex(), theme.DefaultAccent.Hex(), plan.DefaultPrimary, plan.DefaultAccent)
	}
}

// TestDocumentTheme: one theme per document gives the charts of both writers the same
// numbers, and text colours that read on white.
func TestDocumentTheme(t *testing.T) {
	d := &Document{Lang: "de", Labels: LabelsFor("de"), Format: NewFormat("de", "EUR"),
		Title: "Kundenentwicklungsplan Hansa", Account: "Hansa", Version: "2027.2", Status: "Entwurf",
		Confidentiality: "Vertraulich", Company: "Rheinfeld GmbH", Footer: "Vertrieb",
		Primary: "#1f4e79", Accent: "#ffcc00"}
	th := d.Theme()
	if theme.Contrast(th.AccentText, theme.White) < theme.TextContrast || th.Accent.Hex() != "#ffcc00" {
		t.Errorf("accent %s, text %s", th.Accent.Hex(), th.AccentText.Hex())
	}
	if th.Header != "Kundenentwicklungsplan Hansa" || th.HeaderRight != "Version 2027.2 · Entwurf" || th.Footer != "Rheinfeld GmbH · Vertrieb" {
		t.Errorf("header %q | %q, footer %q", th.Header, th.HeaderRight, th.Footer)
	}
	ct := d.ChartTheme()
	for v, want := range map[float64]string{98.48: "98,5", 2500000: "2,5\u00a0Mio.", 410000: "410\u00a0Tsd."} {
		if got := ct.Format(v); got != want {
			t.Errorf("chart number %g = %q, want %q", v, got, want)
		}
	}
	if got := ct.Money(2500000); got != "2,5\u00a0Mio.\u00a0€" {
		t.Errorf("chart money = %q", got)
	}
}
