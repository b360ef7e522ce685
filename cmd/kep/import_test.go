package main

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/kepdev/kep/internal/crm"
)

// importWorkspace copies the samples' workspace (kep.toml, assets, plans) into a
// temporary folder and returns it.
func importWorkspace(t *testing.T) string {
	t.Helper()
	t.Setenv("SOURCE_DATE_EPOCH", "1800000000") // 2027-01-15
	dir := t.TempDir()
	for _, f := range []string{"kep.toml", "assets/logo.png", "accounts/hansa.toml", "accounts/brightwater.toml", "accounts/minimal.toml"} {
		data, err := os.ReadFile(filepath.Join("..", "..", "samples", f))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.MkdirAll(filepath.Dir(filepath.Join(dir, f)), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, f), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func kepRun(args ...string) (int, string, string) {
	var out, errb bytes.Buffer
	code := run(args, &out, &errb)
	return code, out.String(), errb.String()
}

// lcsUnchanged counts the lines that old and new share in order (a longest common
// subsequence), so that a test can say how many lines an import removed and added.
func lcsUnchanged(old, new []string) int {
	prev := make([]int, len(new)+1)
	cur := make([]int, len(new)+1)
	for i := 1; i <= len(old); i++ {
		for j := 1; j <= len(new); j++ {
			switch {
			case old[i-1] == new[j-1]:
				cur[j] = prev[j-1] + 1
			case prev[j] >= cur[j-1]:
				cur[j] = prev[j]
			default:
				cur[j] = cur[j-1]
			}
		}
		prev, cur = cur, prev
	}
	return prev[len(new)]
}

func changeLines(out string) []string {
	var ls []string
	for _, l := range strings.Split(out, "\n") {
		if strings.HasPrefix(l, "  - ") {
			ls = append(ls, strings.TrimPrefix(l, "  - "))
		}
	}
	return ls
}

// sameChanges compares change lines with the wanted ones; a wanted line "re:…" is a
// regular expression.
func sameChanges(got, want []string) bool {
	if len(got) != len(want) {
		return false
	}
	for i, w := range want {
		if re, ok := strings.CutPrefix(w, "re:"); ok {
			if !regexp.MustCompile(re).MatchString(got[i]) {
				return false
			}
		} else if got[i] != w {
			return false
		}
	}
	return true
}

// TestImportSamples imports each sample export of samples/imports into a copy of its
// sample plan: the result validates, kep import prints exactly the expected changes,
// every other line keeps its bytes, and a second import changes nothing.
func TestImportSamples(t *testing.T) {
	cases := []struct {
		kind, src, plan string
		changes         []string
		removed, added  int
	}{
		{"contacts", "salesforce-contacts.csv", "hansa.toml", []string{
			"Kontakt Sabine Krüger: Funktion „Leiterin Zentraleinkauf“ → „Leiterin Zentraleinkauf und Logistik“",
			"Kontakt Sabine Krüger: letzter Kontakt 08.04.2027 → 06.05.2027",
			"neuer Kontakt Nina Vogt: Leiterin Instandhaltung, Einfluss gering, Haltung Unterstützer",
		}, 2, 2 + 12},
		{"actions", "hubspot-tasks.csv", "brightwater.toml", []string{
			// kep diff may name the action with its text (work in render/changes).
			`re:^action a4( \(Invite Jan de Boer to the Food Tech Day\))?: status in progress → done$`,
			"new action 51203: Uptime Service offer for Poznań, with spare-parts stock (Piotr Kowalski, due 31 Mar 2027)",
		}, 1, 1 + 7},
		{"contacts", "dynamics-contacts.xlsx", "brightwater.toml", []string{
			"contact Sophie Mertens: title “Category Buyer, Drives and MRO” → “Category Lead, Drives and MRO”",
			"contact Sophie Mertens: last contact 19 Nov 2026 → 14 Jan 2027",
			"new contact Eva Claes: Energy Manager, influence low, attitude neutral",
		}, 2, 2 + 12},
		{"opportunities", "salesforce-opportunities.csv", "hansa.toml", []string{
			"Verkaufschance o1 (Antriebsmodule Montagelinie Győr): Erfolgschance 40 % → 60 %",
			"Verkaufschance o1 (Antriebsmodule Montagelinie Győr): Phase Angebot → Verhandlung",
			"Verkaufschance o1 (Antriebsmodule Montagelinie Győr): Entscheidungstermin 30.06.2027 → 15.07.2027",
			"Verkaufschance o3 (Predictive Maintenance Premium, Werk Bremen): Erfolgschance 75 % → 100 %",
			"Verkaufschance o3 (Predictive Maintenance Premium, Werk Bremen): Phase Verhandlung → Gewonnen",
			"Verkaufschance o3 (Predictive Maintenance Premium, Werk Bremen): Entscheidungstermin 31.05.2027 → 28.05.2027",
			"neue Verkaufschance 0065g00000hb1ccc: Retrofit Antriebe Linie 3, Werk Bremen (145.000 €, 25 %, Angebot)",
			"Gewichtete Pipeline: 833.500 € → 948.250 €",
			"Gewonnene Verkaufschancen: 60.000 € → 150.000 €",
			"Erwarteter Umsatz: 2.343.500 € → 2.458.250 €",
			"Lücke zum Planumsatz: 56.500 € → −58.250 €",
		}, 6, 6 + 9},
		{"actuals", "actuals-hansa.csv", "hansa.toml", []string{
			"Ist von f1 – Umsatz mit Hansa steigern: 2.310.000 € → 2.380.000 €",
			"Ist von f2 – Deckungsbeitrag trotz Preisdruck halten: 22,4 % → 22,1 %",
			"Geschäftsjahr 2026: Deckungsbeitrag 430.500 € → 431.250 €",
			"Zielerreichung der Scorecard: 87,3 % → 87,7 %",
			"Zielerreichung der Perspektive Finanzen: 98,5 % → 99,7 %",
			"Zielerreichung von f1 – Umsatz mit Hansa steigern: 96,2 % (gelb) → 99,2 % (gelb)",
			"Zielerreichung von f2 – Deckungsbeitrag trotz Preisdruck halten: 101,8 % (grün) → 100,5 % (grün)",
		}, 3, 3},
	}
	for _, c := range cases {
		t.Run(c.src, func(t *testing.T) {
			dir := importWorkspace(t)
			plan := filepath.Join(dir, "accounts", c.plan)
			src := filepath.Join("..", "..", "samples", "imports", c.src)
			old, _ := os.ReadFile(plan)

			code, out, errs := kepRun("import", "--dry-run", c.kind, src, plan)
			if code != exitOK {
				t.Fatalf("dry run: exit %d\n%s", code, errs)
			}
			if now, _ := os.ReadFile(plan); !bytes.Equal(now, old) {
				t.Fatal("--dry-run wrote the plan")
			}
			if got := changeLines(out); !sameChanges(got, c.changes) {
				t.Errorf("dry run changes:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(c.changes, "\n"))
			}

			code, out2, errs := kepRun("import", c.kind, src, plan)
			if code != exitOK || out2 != out {
				t.Fatalf("import: exit %d, stdout differs from the dry run: %v\n%s", code, out2 != out, errs)
			}
			now, _ := os.ReadFile(plan)
			ol, nl := strings.Split(string(old), "\n"), strings.Split(string(now), "\n")
			same := lcsUnchanged(ol, nl)
			if len(ol)-same != c.removed || len(nl)-same != c.added {
				t.Errorf("%d lines removed, %d added; want %d and %d", len(ol)-same, len(nl)-same, c.removed, c.added)
			}
			if code, _, errs := kepRun("validate", plan); code != exitOK {
				t.Errorf("the imported plan does not validate:\n%s", errs)
			}
			if code, _, errs := kepRun("import", c.kind, src, plan); code != exitOK || !strings.Contains(errs, "nothing to change") {
				t.Errorf("a second import: exit %d\n%s", code, errs)
			}
			if again, _ := os.ReadFile(plan); !bytes.Equal(again, now) {
				t.Error("a second import changed the plan")
			}
		})
	}
}

// TestImportHostileWritesNothing: a source with a broken row, a duplicate id, bytes of
// no encoding, too many rows, or a result that would not validate leaves the plan as it
// was, and the message names the row.
func TestImportHostileWritesNothing(t *testing.T) {
	dir := importWorkspace(t)
	plan := filepath.Join(dir, "accounts", "hansa.toml")
	old, _ := os.ReadFile(plan)
	head := "Contact ID,Full Name,Title\n"
	for name, c := range map[string]struct{ csv, want string }{
		"ragged":       {head + "1,A,x\n2,B\n", "src.csv: row 3: 2 cells, but the header has 3 columns"},
		"quotes":       {head + "1,A,x\n2,\"B,x\n", "src.csv: row 3:"},
		"bare quote":   {head + "1,A\"B,x\n", "src.csv: row 2: bare \" in non-quoted-field"},
		"duplicate id": {head + "1,A,x\n2,B,y\n1,C,z\n", "src.csv: row 4: record id \"1\" appears again (first in row 2)"},
		"encoding":     {head + "1,A,x\n2,B,\x81\n", "src.csv: row 3: byte 0x81 is neither UTF-8 nor Windows-1252"},
		"100000 rows":  {head + strings.Repeat("1,A,x\n", 100_000), "src.csv: row 10002: more than 10000 rows, the limit for an import"},
		"invalid result": {"Contact ID,Full Name,Relationship\n1,Sabine Krüger,4\n",
			"target_relationship"},
		"unknown word": {"Contact ID,Full Name,Attitude\n1,A,Fan\n", "unknown attitude words"},
	} {
		src := filepath.Join(dir, "src.csv")
		if err := os.WriteFile(src, []byte(c.csv), 0o644); err != nil {
			t.Fatal(err)
		}
		code, _, errs := kepRun("import", "contacts", src, plan)
		if code != exitPlan || !strings.Contains(errs, c.want) || !strings.Contains(errs, "nothing written") {
			t.Errorf("%s: exit %d, stderr:\n%s\nwant %q", name, code, errs, c.want)
		}
		if now, _ := os.ReadFile(plan); !bytes.Equal(now, old) {
			t.Fatalf("%s: the plan was written", name)
		}
	}
}

// TestImportFormulaStaysText: a cell that a spreadsheet would run as a formula is stored
// as a plain TOML string, and kep export writes it back as a text cell (never a formula).
func TestImportFormulaStaysText(t *testing.T) {
	dir := importWorkspace(t)
	plan := filepath.Join(dir, "accounts", "hansa.toml")
	src := filepath.Join(dir, "src.csv")
	evil := `=cmd|' /C calc'!A0`
	csv := "Contact ID,Full Name,Title,Department,Next Step\n" +
		`9,"@SUM(1+1)*cmd|' /C calc'!A0","` + evil + `",+49 421 000,-2+3` + "\n"
	if err := os.WriteFile(src, []byte(csv), 0o644); err != nil {
		t.Fatal(err)
	}
	if code, _, errs := kepRun("import", "contacts", src, plan); code != exitOK {
		t.Fatalf("exit %d\n%s", code, errs)
	}
	now, _ := os.ReadFile(plan)
	for _, want := range []string{`name = "@SUM(1+1)*cmd|' /C calc'!A0"`, `title = "=cmd|' /C calc'!A0"`, `department = "+49 421 000"`, `next_step = "-2+3"`} {
		if !bytes.Contains(now, []byte(want+"\n")) {
			t.Errorf("want the line %s", want)
		}
	}
	out := filepath.Join(dir, "x.xlsx")
	if code, _, errs := kepRun("export", "-o", out, plan); code != exitOK {
		t.Fatalf("export: exit %d\n%s", code, errs)
	}
	assertNoFormulas(t, out, evil)
}

func TestImportPrintMapAndMap(t *testing.T) {
	dir := importWorkspace(t)
	code, out, _ := kepRun("import", "--print-map", "actuals")
	if code != exitOK || !strings.Contains(out, `# key = "Objective"`) {
		t.Fatalf("--print-map: exit %d\n%s", code, out)
	}
	m := strings.Replace(strings.Replace(out, `# key = "Objective"`, `key = "Kz"`, 1), `# actual = "Actual"`, `actual = "Betrag"`, 1)
	mp := filepath.Join(dir, "map.toml")
	src := filepath.Join(dir, "src.csv")
	os.WriteFile(mp, []byte(m), 0o644)
	os.WriteFile(src, []byte("Kz;Betrag\nk1;32\n"), 0o644)
	plan := filepath.Join(dir, "accounts", "hansa.toml")
	code, stdout, errs := kepRun("import", "--map", mp, "actuals", src, plan)
	if code != exitOK || !strings.Contains(stdout, "Ist von k1 – Lieferanteil bei Antrieben ausbauen: 31 % → 32 %") {
		t.Fatalf("exit %d\n%s\n%s", code, stdout, errs)
	}
	// The actuals' file read as opportunities: no record id, nothing written.
	if code, _, errs := kepRun("import", "opportunities", src, plan); code != exitPlan || !strings.Contains(errs, "no record id") {
		t.Errorf("opportunities: exit %d\n%s", code, errs)
	}
	if code, _, _ := kepRun("import", "deals", src, plan); code != exitUsage {
		t.Errorf("an unknown kind: exit %d", code)
	}
}

// TestGuideMappingParses: the mapping file each guide shows in "From your CRM" is one
// that kep import takes.
func TestGuideMappingParses(t *testing.T) {
	for _, g := range []string{"guide.en.md", "guide.de.md"} {
		b, err := os.ReadFile(filepath.Join("..", "..", "docs", g))
		if err != nil {
			t.Fatal(err)
		}
		m := regexp.MustCompile("(?s)```toml\n(kind = \"contacts\".*?)```").FindSubmatch(b)
		if m == nil {
			t.Fatalf("%s shows no mapping file", g)
		}
		if _, err := crm.ParseMapping("contacts", m[1]); err != nil {
			t.Errorf("%s: %v", g, err)
		}
	}
}

// TestImportKeepsModeAndLink: the plan keeps its permission bits, a plan reached through a
// symbolic link stays a link (its target is written), and a plan with errors is not
// touched.
func TestImportKeepsModeAndLink(t *testing.T) {
	dir := importWorkspace(t)
	plan := filepath.Join(dir, "accounts", "hansa.toml")
	if err := os.Chmod(plan, 0o600); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(dir, "accounts", "link.toml")
	if err := os.Symlink("hansa.toml", link); err != nil {
		t.Skip("no symbolic links here:", err)
	}
	src := filepath.Join(dir, "src.csv")
	os.WriteFile(src, []byte("Contact ID,Full Name,Title\n1,Sabine Krüger,Einkaufsleitung\n"), 0o644)
	if code, _, errs := kepRun("import", "contacts", src, link); code != exitOK {
		t.Fatalf("exit %d\n%s", code, errs)
	}
	if fi, err := os.Lstat(link); err != nil || fi.Mode()&os.ModeSymlink == 0 {
		t.Error("the link was replaced by a file")
	}
	fi, _ := os.Stat(plan)
	if fi.Mode().Perm() != 0o600 {
		t.Errorf("mode %v, want 0600", fi.Mode().Perm())
	}
	if b, _ := os.ReadFile(plan); !bytes.Contains(b, []byte(`title = "Einkaufsleitung"`)) {
		t.Error("the target was not written")
	}
	broken := append(bytesOf(t, plan), []byte("\n[[contacts]]\nid = \"zz\"\n")...)
	os.WriteFile(plan, broken, 0o600)
	if code, _, errs := kepRun("import", "contacts", src, plan); code != exitPlan || !strings.Contains(errs, "has errors; fix them first, nothing written") {
		t.Errorf("a plan with errors: exit %d\n%s", code, errs)
	}
	if !bytes.Equal(bytesOf(t, plan), broken) {
		t.Error("a plan with errors was written")
	}
}

func bytesOf(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestImportPlanChangedMeanwhile: a plan saved from an editor while the import ran is not
// written over.
func TestImportPlanChangedMeanwhile(t *testing.T) {
	dir := importWorkspace(t)
	plan := filepath.Join(dir, "accounts", "hansa.toml")
	edited := append(bytesOf(t, plan), []byte("# saved meanwhile\n")...)
	beforeImportWrite = func() { os.WriteFile(plan, edited, 0o644) }
	defer func() { beforeImportWrite = nil }()
	src := filepath.Join("..", "..", "samples", "imports", "salesforce-contacts.csv")
	if code, _, errs := kepRun("import", "contacts", src, plan); code != exitUsage || !strings.Contains(errs, "changed while the import ran; nothing written") {
		t.Errorf("exit %d\n%s", code, errs)
	}
	if !bytes.Equal(bytesOf(t, plan), edited) {
		t.Error("the plan saved meanwhile was written over")
	}
}

// An export or mapping that is a named pipe is refused at once, not waited on (issue 13:
// every input is opened, then checked); nothing is written.
func TestImportSourceFIFO(t *testing.T) {
	dir := importWorkspace(t)
	fifo := filepath.Join(dir, "export.csv")
	if err := mkfifo(fifo); err != nil {
		t.Skip(err)
	}
	plan := filepath.Join(dir, "accounts", "hansa.toml")
	before := mustRead(t, plan)
	for _, args := range [][]string{{"import", "contacts", fifo, plan}, {"import", "--map", fifo, "contacts", plan, plan}} {
		code, _, errs := kepRun(args...)
		if code == exitOK || !strings.Contains(errs, "not a regular file (a named pipe)") {
			t.Errorf("%v: exit %d\n%s", args, code, errs)
		}
	}
	if !bytes.Equal(mustRead(t, plan), before) {
		t.Error("the plan changed")
	}
}
