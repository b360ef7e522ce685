package theme

import "testing"

func TestParse(t *testing.T) {
	for s, want := range map[string]Color{
		"#abc": {0xaa, 0xbb, 0xcc}, " #1F4E79 ": {0x1f, 0x4e, 0x79}, "#e8772e": {0xe8, 0x77, 0x2e},
	} {
		if got, ok := Parse(s); !ok || got != want {
			t.Errorf("Parse(%q) = %v, %v; want %v", s, got, ok, want)
		}
	}
	for _, bad := range []string{"", "red", "abc", "#12345g", "#1234567", "#-12345", "#+12345", "1f4e79"} {
		if _, ok := Parse(bad); ok {
			t.Errorf("Parse(%q) accepted", bad)
		}
		if ParseOr(bad, DefaultAccent) != DefaultAccent {
			t.Errorf("%q does not fall back to the default", bad)
		}
	}
}

func TestContrast(t *testing.T) {
	if c := Contrast(Black, White); c < 20.99 || c > 21.01 {
		t.Errorf("black on white = %.3f, want 21", c)
	}
	// The default accent itself is too light for text (2.9:1); its text variant is not.
	if c := Contrast(DefaultAccent, White); c > 3.2 || c < 2.7 {
		t.Errorf("accent on white = %.2f", c)
	}
	for _, c := range []Color{DefaultAccent, DefaultPrimary, {0xff, 0xff, 0x00}, White, {0x80, 0x80, 0x80}} {
		for _, want := range []float64{TextContrast, StrongContrast} {
			got := c.OnWhite(want)
			if Contrast(got, White) < want {
				t.Errorf("%s.OnWhite(%g) = %s with %.2f", c.Hex(), want, got.Hex(), Contrast(got, White))
			}
			// Darkened no more than needed: one step lighter falls short.
			if got != c && got != Black && Contrast(c.Mix(Black, darkness(c, got)-0.02), White) >= want {
				t.Errorf("%s.OnWhite(%g) = %s is darker than needed", c.Hex(), want, got.Hex())
			}
		}
	}
	// A colour dark enough stays as it is.
	if DefaultPrimary.OnWhite(TextContrast) != DefaultPrimary {
		t.Error("the default primary was darkened")
	}
}

// darkness finds the t of c.Mix(Black, t) that gave d.
func darkness(c, d Color) float64 {
	for i := 0; i <= 50; i++ {
		if c.Mix(Black, float64(i)/50) == d {
			return float64(i) / 50
		}
	}
	return -1
}

func TestNew(t *testing.T) {
	th := New(Brand{Accent: "nonsense", Account: "Hansa", Title: "Plan Hansa", Version: "Version 2", Status: "Entwurf",
		Confidentiality: "Vertraulich", Company: "Müller AG"})
	if th.Primary != DefaultPrimary || th.Accent != DefaultAccent {
		t.Errorf("defaults: %s %s", th.Primary.Hex(), th.Accent.Hex())
	}
	if th.AccentText == th.Accent || Contrast(th.AccentText, White) < TextContrast {
		t.Errorf("accent text %s", th.AccentText.Hex())
	}
	if th.Header != "Plan Hansa" || th.HeaderRight != "Version 2 · Entwurf" || th.Footer != "Müller AG" {
		t.Errorf("header %q %q footer %q", th.Header, th.HeaderRight, th.Footer)
	}
	if th := New(Brand{Account: "A", Title: "T", Footer: "F"}); th.Header != "A · T" || th.Footer != "F" || th.HeaderRight != "" {
		t.Errorf("header %q footer %q", th.Header, th.Footer)
	}
	if th.ChartWidth <= 0 || th.ChartHeight <= 0 {
		t.Error("no chart size")
	}
}
