package check

import (
	"os"
	"slices"
	"strings"
	"testing"
)

// TestFontWarnings: a character no face of the document has is a warning (not an
// error) at the first key that holds it, once per character, at most maxFontFindings
// and a count; characters the faces have, or that print as a look-alike (the minus),
// are none; a brand fallback face that has them ends the warnings.
func TestFontWarnings(t *testing.T) {
	pl := strings.Replace(header, `account = "A"`, `account = "Hansa 中国 − ≥ →"`, 1) +
		team("as") + "[[contacts]]\nid = \"c\"\nname = \"王 😀 中\"\ninfluence = 2\nattitude = \"neutral\"\n"
	_, ds := loadPlan(t, "", pl)
	if ds.HasErrors() {
		t.Fatal(ds)
	}
	got := slices.DeleteFunc(messages(ds, true), func(m string) bool { return strings.HasSuffix(m, " is empty") })
	diffLines(t, got, []string{
		`/ws/p.toml:3:1: warning: plan.account: U+4E2D "中" is in no font of the document; it prints as □ — give [brand] font_fallback`,
		`/ws/p.toml:3:1: warning: plan.account: U+56FD "国" is in no font of the document; it prints as □ — give [brand] font_fallback`,
		`/ws/p.toml:11:1: warning: contacts[0].name: U+738B "王" is in no font of the document; it prints as □ — give [brand] font_fallback`,
		`/ws/p.toml:11:1: warning: contacts[0].name: U+1F600 "😀" is in no font of the document; it prints as □ — give [brand] font_fallback`,
	})
	for _, d := range ds {
		if d.Warning && strings.Contains(d.Message, "no font") && d.Text("de") == d.Message {
			t.Errorf("no German text: %s", d.Message)
		}
	}

	// Many characters: eight named, the rest counted.
	_, ds = loadPlan(t, "", strings.Replace(header, `account = "A"`, `account = "一二三四五六七八九十百千"`, 1))
	got = slices.DeleteFunc(messages(ds, true), func(m string) bool { return !strings.Contains(m, "no font") })
	if len(got) != 9 || !slices.Contains(got, "/ws/p.toml: warning: 4 more characters are in no font of the document") {
		t.Errorf("%d findings:\n%s", len(got), strings.Join(got, "\n"))
	}

	// The workspace's printed texts (a criterion's name) are checked too, named at their key
	// in kep.toml; a character the plan has named already is not named again; Uncovered
	// has both, so the writer does not warn a second time.
	ws := strings.Replace(prospectWS, `name = "X"`, `name = "Umsatz 中 Ω 𝔄"`, 1)
	p, ds := loadPlan(t, ws, strings.Replace(header, `account = "A"`, `account = "A 中"`, 1))
	got = slices.DeleteFunc(messages(ds, true), func(m string) bool { return !strings.Contains(m, "no font") })
	diffLines(t, got, []string{
		`/ws/kep.toml: warning: scoring.attractiveness[0].name: U+1D504 "𝔄" is in no font of the document; it prints as □ — give [brand] font_fallback`,
		`/ws/p.toml:3:1: warning: plan.account: U+4E2D "中" is in no font of the document; it prints as □ — give [brand] font_fallback`,
	})
	if u := Uncovered(p); !u['中'] || !u['𝔄'] || u['Ω'] || len(u) != 2 {
		t.Errorf("Uncovered = %v", u)
	}

	// A fallback face with the script: no warning for what it has.
	dejaVu, err := os.ReadFile("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf") // fonts-dejavu-core
	if err != nil {
		t.Skipf("no fallback face to test with: %v", err)
	}
	m := memFS{"/ws/.git/HEAD": []byte("ref"), "/ws/DejaVuSans.ttf": dejaVu,
		"/ws/p.toml": []byte(strings.Replace(header, `account = "A"`, `account = "Հայաստան 中"`, 1) + "[brand]\nfont_fallback = \"DejaVuSans.ttf\"\n")}
	_, ds = (&Loader{FS: m, Now: testNow}).LoadPlan("/ws/p.toml")
	got = slices.DeleteFunc(messages(ds, true), func(m string) bool { return !strings.Contains(m, "no font") })
	diffLines(t, got, []string{
		`/ws/p.toml:3:1: warning: plan.account: U+4E2D "中" is in no font of the document; it prints as □ — give [brand] font_fallback`,
	})
}
