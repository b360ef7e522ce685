package crm

import (
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/BurntSushi/toml"
	"github.com/kepdev/kep/locale"
	"github.com/kepdev/kep/plan"
	"github.com/kepdev/kep/plan/check"
)

const testPlan = `# A plan for the import tests.
format = 1
lang = "de"

[plan]
account = "Test AG"
from = 2027-01-01
to = 2027-12-31
summary = """
[[contacts]]
id = "not-a-contact"
"""

[[scorecard.objectives]]
id = "f1"
perspective = "finance"
objective = "Umsatz"
kpi = "Umsatz gesamt"
target = 100
actual = 50   # from the Q1 review

[[team]]
id = "ts"
name = "Thomas Seidel"

[[contacts]]
id = "sk"
name = "Sabine Krüger"
title = "Leiterin Einkauf"
influence = 3
attitude = "neutral"
relationship = 2
`

// loadTestPlan loads src as a plan in a folder of its own (no kep.toml around).
func loadTestPlan(t *testing.T, src string) *plan.Plan {
	t.Helper()
	path := filepath.Join(t.TempDir(), "p.toml")
	p, diags := (&check.Loader{Now: time.Date(2027, 2, 1, 0, 0, 0, 0, time.UTC)}).LoadPlanBytes(path, []byte(src))
	if diags.HasErrors() {
		t.Fatalf("test plan: %v", diags.Err())
	}
	return p
}

func mustRead(t *testing.T, s string) *Table {
	t.Helper()
	tb, err := Read([]byte(s))
	if err != nil {
		t.Fatalf("Read: %v", err)
	}
	return tb
}

func TestReadDelimitersAndEncodings(t *testing.T) {
	for name, in := range map[string]string{
		"comma":         "Name,Title\nÄrger,Ü\n",
		"semicolon BOM": "\xef\xbb\xbfName;Title\r\nÄrger;Ü\r\n",
		"tab":           "Name\tTitle\nÄrger\tÜ\n",
		"cp1252":        "Name;Title\n\xc4rger;\xdc\n",
		"quoted delim":  "\"Name\",Title\n\"Ärger\",\"Ü\"\n",
	} {
		tb, err := Read([]byte(in))
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		if len(tb.Header) != 2 || len(tb.Rows) != 1 || tb.Rows[0].Cells[0] != "Ärger" || tb.Rows[0].Cells[1] != "Ü" || tb.Rows[0].N != 2 {
			t.Errorf("%s: got %q %+v", name, tb.Header, tb.Rows)
		}
	}
}

func TestReadHostile(t *testing.T) {
	big := "Name,Title\n" + strings.Repeat("a,b\n", 100_000)
	for name, c := range map[string]struct{ in, want string }{
		"ragged":           {"Name,Title\na,b\nc,d,e\n", "row 3: 3 cells, but the header has 2 columns"},
		"bare quote":       {"Name,Title\na,b\nc\"x,d\n", "row 3:"},
		"open quote":       {"Name,Title\na,b\n\"c,d\n", "row 3:"},
		"undefined cp1252": {"Name,Title\na,b\nc,\x81\n", "row 3: byte 0x81 is neither UTF-8 nor Windows-1252"},
		"mixed encodings":  {"Name,Title\nÄrger,b\nc,\xfc\n", "row 3: a byte that is not UTF-8 in a file that is otherwise UTF-8"},
		"NUL":              {"Name,Title\na,b\n\x00c,d\n", "row 3: a NUL byte"},
		"100000 rows":      {big, "row 10002: more than 10000 rows"},
		"duplicate col":    {"Name,name\na,b\n", "row 1: the column \"name\" appears twice"},
		"empty":            {"\xef\xbb\xbf \n", "the file is empty"},
		"cell too long":    {"Name\n" + strings.Repeat("x", MaxCellBytes+1) + "\n", "row 2: cell 1 has"},
		"too big":          {strings.Repeat("x", MaxSourceBytes+1), "more than the limit of 20 MiB"},
	} {
		_, err := Read([]byte(c.in))
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: got %v, want %q", name, err, c.want)
		}
	}
}

func TestParseNumber(t *testing.T) {
	for _, c := range []struct {
		in     string
		german bool
		want   float64
	}{
		{"1.234,56", false, 1234.56}, {"1,234.56", true, 1234.56}, {"2.380.000", false, 2380000},
		{"431.250", true, 431250}, {"431.250", false, 431.25}, {"22,1", true, 22.1}, {"22,1", false, 22.1},
		{"1,250", false, 1250}, {"€ 1.200,00", true, 1200}, {"60 %", false, 60}, {"1 234,5", true, 1234.5},
		{"-5", false, -5}, {"120000 EUR", false, 120000},
	} {
		got, err := parseNumber(c.in, c.german)
		if err != nil || got != c.want {
			t.Errorf("parseNumber(%q, %v) = %v, %v; want %v", c.in, c.german, got, err, c.want)
		}
	}
	for _, bad := range []string{"abc", "NaN", "inf", "0x10", "", "1e400"} {
		if _, err := parseNumber(bad, false); err == nil {
			t.Errorf("parseNumber(%q) gave no error", bad)
		}
	}
}

func TestParseDate(t *testing.T) {
	for _, c := range []struct {
		in    string
		xlsx  bool
		order string
		want  string
	}{
		{"2027-03-15", false, "", "2027-03-15"}, {"15.03.2027", false, "", "2027-03-15"},
		{"5.3.2027", false, "", "2027-03-05"}, {"2027-03-31 09:00", false, "", "2027-03-31"},
		{"2027-03-31T09:00:00Z", false, "", "2027-03-31"}, {"03/15/2027", false, "MDY", "2027-03-15"},
		{"15/03/2027", false, "DMY", "2027-03-15"}, {"46461", true, "", "2027-03-15"},
	} {
		got, err := parseDate(c.in, c.xlsx, false, c.order)
		if err != nil || got.Format("2006-01-02") != c.want {
			t.Errorf("parseDate(%q) = %v, %v; want %s", c.in, got, err, c.want)
		}
	}
	if _, err := parseDate("03/04/2027", false, false, ""); err == nil || !strings.Contains(err.Error(), "date_format") {
		t.Errorf("a slash date without date_format: %v", err)
	}
	if _, err := parseDate("46461", false, false, ""); err == nil {
		t.Error("a serial number in a CSV is no date")
	}
}

func TestDeriveID(t *testing.T) {
	for in, want := range map[string]string{
		"0035g00000KqTbXAAV": "0035g00000kqtbxaav",
		"51203":              "51203",
		"  Record #7 ":       "record-7",
	} {
		if got := DeriveID(in); got != want {
			t.Errorf("DeriveID(%q) = %q, want %q", in, got, want)
		}
	}
	g := DeriveID("8a2d7c10-93b1-ef11-8a69-000d3a4b2c11")
	if !idRE().MatchString(g) || g != DeriveID("8a2d7c10-93b1-ef11-8a69-000d3a4b2c11") || g == DeriveID("8a2d7c10-93b1-ef11-8a69-000d3a4b2c12") {
		t.Errorf("a GUID gives %q: want a valid, stable, distinct id", g)
	}
	if g := DeriveID("---"); !idRE().MatchString(g) {
		t.Errorf("DeriveID(---) = %q, not a valid id", g)
	}
}

func TestMergeContactsKeepsEverythingElse(t *testing.T) {
	p := loadTestPlan(t, testPlan)
	tb := mustRead(t, "Contact ID,First Name,Last Name,Department,Attitude__c,Contact Owner,Title\n"+
		"003A,Sabine,Krüger,Einkauf,Promoter,Thomas Seidel,\n"+
		"003B,Nina,Vogt,,,ts,=cmd|' /C calc'!A0\n")
	res, err := Merge("contacts", p, tb, Options{})
	if err != nil {
		t.Fatal(err)
	}
	got := string(res.Src)
	// The existing contact: values replaced on their lines, a key added at its end; the
	// multi-line title (with a [[contacts]] inside) and the comment untouched.
	for _, want := range []string{
		"actual = 50   # from the Q1 review\n",
		"summary = \"\"\"\n[[contacts]]\nid = \"not-a-contact\"\n\"\"\"\n",
		"title = \"Leiterin Einkauf\"\n",
		"attitude = \"champion\"\nrelationship = 2\ndepartment = \"Einkauf\"\nowner = \"ts\"\n",
		"\n[[contacts]]\nid = \"003b\"\nname = \"Nina Vogt\"\ntitle = \"=cmd|' /C calc'!A0\"\ninfluence = 1  # from kep import: check\n" +
			"attitude = \"neutral\"  # from kep import: check\nrelationship = 0  # from kep import: check\nowner = \"ts\"\n",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("missing %q in\n%s", want, got)
		}
	}
	if res.Added != 1 || res.Updated != 1 || len(res.Warnings) != 4 {
		t.Errorf("added %d updated %d warnings %q", res.Added, res.Updated, res.Warnings)
	}
	if _, diags := (&check.Loader{}).LoadPlanBytes(p.File, res.Src); diags.HasErrors() {
		t.Errorf("result does not validate: %v", diags.Err())
	}
}

func TestMergeErrorsNameRows(t *testing.T) {
	p := loadTestPlan(t, testPlan)
	for name, c := range map[string]struct{ kind, in, want string }{
		"duplicate id":   {"contacts", "Contact ID,Full Name\n1,A\n2,B\n1,C\n", "row 4: record id \"1\" appears again (first in row 2)"},
		"same target":    {"contacts", "Contact ID,Full Name\nX.1,A\nx-1,B\n", "row 3: goes to the same contact \"x-1\" as row 2"},
		"no id":          {"contacts", "Contact ID,Full Name\n,A\n", "row 2: no record id"},
		"unknown words":  {"contacts", "Contact ID,Full Name,Attitude\n1,A,Fan\n2,B,Fan\n3,C,Hater\n", "unknown attitude words (the plan knows champion, supporter, neutral, skeptic, opponent):\n  \"Fan\" in rows 2, 3\n  \"Hater\" in rows 4\nmap them in a --map file (kep import --print-map contacts writes one):\n  [words.attitude]\n  \"Fan\" = \"supporter\"\n  \"Hater\" = \"supporter\""},
		"unknown owner":  {"contacts", "Contact ID,Full Name,Owner\n1,A,Nobody\n", "row 2: owner \"Nobody\" is no member of the plan's [[team]]"},
		"bad number":     {"contacts", "Contact ID,Full Name,Relationship\n1,A,7\n", "row 2: relationship: 7, want a whole number from 0 to 4"},
		"bad date":       {"contacts", "Contact ID,Full Name,Last Activity\n1,A,gestern\n", "row 2: last_contact: \"gestern\" is not a date"},
		"unknown kpi":    {"actuals", "KPI,Actual\nUmsatz gesamt,70\nEBIT,5\n", "row 3: \"EBIT\" is neither an objective id nor a KPI"},
		"dup actual":     {"actuals", "KPI,Actual\nf1,70\nUmsatz gesamt,5\n", "row 3: \"Umsatz gesamt\" sets the actual of f1 again (first in row 2)"},
		"opp no close":   {"opportunities", "Opportunity ID,Opportunity Name,Amount,Probability (%),Stage\n1,New deal,5000,20,Prospecting\n", "row 2: a new opportunity needs its close date"},
		"opp no value":   {"opportunities", "Opportunity ID,Opportunity Name,Amount,Probability (%),Stage,Close Date\n1,New deal,0,20,Prospecting,2027-05-01\n", "row 2: value 0: an opportunity's value is more than 0"},
		"opp stage word": {"opportunities", "Opportunity ID,Opportunity Name,Amount,Probability (%),Stage,Close Date\n1,New deal,5,20,Maybe,2027-05-01\n", "unknown stage words (the plan knows lead, qualified, proposal, negotiation, won, lost)"},
		"no name column": {"contacts", "Contact ID,Title\n1,A\n", "no column for the contact's name"},
	} {
		_, err := Merge(c.kind, p, mustRead(t, c.in), Options{})
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: got %v\nwant %q", name, err, c.want)
		}
	}
}

func TestMergeActualsAndMapping(t *testing.T) {
	p := loadTestPlan(t, testPlan)
	m, err := ParseMapping("actuals", []byte("kind = \"actuals\"\n[columns]\nkey = \"Kennzahl\"\nactual = \"Wert\"\n"))
	if err != nil {
		t.Fatal(err)
	}
	res, err := Merge("actuals", p, mustRead(t, "Kennzahl;Wert;Actual\nUmsatz gesamt;1.234,5;9\n"), Options{Map: m})
	if err != nil {
		t.Fatal(err)
	}
	if want := "actual = 1234.5   # from the Q1 review\n"; !strings.Contains(string(res.Src), want) {
		t.Errorf("want %q in\n%s", want, res.Src)
	}
	if _, err := ParseMapping("actuals", []byte("[columns]\nvalue = \"x\"\n")); err == nil || !strings.Contains(err.Error(), "not a key of actuals") {
		t.Errorf("unknown key in a mapping: %v", err)
	}
	if _, err := ParseMapping("contacts", []byte("kind = \"actions\"\n")); err == nil {
		t.Error("a mapping for another kind is taken")
	}
}

// TestPrintMapParses: the mapping file --print-map writes parses in every language of
// kep's messages, and its comments are in that language (only comments are translated).
func TestPrintMapParses(t *testing.T) {
	for _, lang := range locale.MsgLangs() {
		for _, k := range Kinds {
			s, err := PrintMap(k, lang)
			if err != nil {
				t.Fatal(err)
			}
			m, err := ParseMapping(k, []byte(s))
			if err != nil {
				t.Errorf("%s, %s: the printed map does not parse: %v\n%s", lang, k, err, s)
				continue
			}
			if m.Kind != k {
				t.Errorf("%s, %s: kind %q", lang, k, m.Kind)
			}
			if lang != "en" && strings.Contains(s, "which column of your export") {
				t.Errorf("%s, %s: the comments are English:\n%s", lang, k, s)
			}
		}
	}
}

func TestRowErrorType(t *testing.T) {
	_, err := Read([]byte("a,b\n1\n"))
	var re *RowError
	if !errors.As(err, &re) || re.Row != 2 {
		t.Errorf("got %#v", err)
	}
}

// TestMessagesTranslated: the errors and warnings of an import keep their text for
// translation (kep import prints them in the reader's language); Error is English.
func TestMessagesTranslated(t *testing.T) {
	_, err := Read([]byte("a,b\n1\n"))
	re, ok := err.(*RowError)
	if !ok {
		t.Fatalf("got %#v", err)
	}
	for lang, want := range map[string]string{
		"en": "row 2: 1 cells, but the header has 2 columns",
		"de": "Zeile 2: 1 Zellen, aber die Kopfzeile hat 2 Spalten",
		"fr": "ligne 2 : 1 cellules, mais l’en-tête a 2 colonnes",
	} {
		if got := re.In(lang); !strings.HasPrefix(got, want) {
			t.Errorf("%s: got %q, want %q…", lang, got, want)
		}
	}
	if err.Error() != re.In("en") {
		t.Errorf("Error() %q is not the English text", err.Error())
	}
	p := loadTestPlan(t, testPlan)
	_, err = Merge("contacts", p, mustRead(t, "Contact ID,Full Name,Attitude\n1,A,begeistert\n"), Options{})
	es, ok := err.(Errors)
	if !ok {
		t.Fatalf("got %#v", err)
	}
	if got := es.In("de"); !strings.Contains(got, "unbekannte Wörter für attitude") || !strings.Contains(got, `"begeistert" in Zeile(n) 2`) {
		t.Errorf("de: got %q", got)
	}
}

// TestMergeLineEnds: a plan with CRLF line ends gets CRLF lines, and a last line without
// a line end gets one before anything is added after it.
func TestMergeLineEnds(t *testing.T) {
	src := strings.TrimSuffix(testPlan, "\n")
	for name, pl := range map[string]string{"no final newline": src, "crlf": strings.ReplaceAll(testPlan, "\n", "\r\n")} {
		p := loadTestPlan(t, pl)
		res, err := Merge("contacts", p, mustRead(t, "Contact ID,Full Name,Department\nsk,Sabine Krüger,Einkauf\n2,Nina Vogt,\n"), Options{})
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		got := string(res.Src)
		if name == "crlf" && strings.Count(got, "\n") != strings.Count(got, "\r\n") {
			t.Errorf("%s: mixed line ends:\n%q", name, got)
		}
		if !strings.Contains(strings.ReplaceAll(got, "\r\n", "\n"), "relationship = 2\ndepartment = \"Einkauf\"\n\n[[contacts]]\nid = \"2\"\n") {
			t.Errorf("%s:\n%s", name, got)
		}
		if _, diags := (&check.Loader{}).LoadPlanBytes(p.File, res.Src); diags.HasErrors() {
			t.Errorf("%s: %v", name, diags.Err())
		}
	}
}

// TestMergeTextCannotEscapeItsString: quotes, backslashes and line breaks in a cell end
// up inside the TOML string, never as keys or tables of their own.
func TestMergeTextCannotEscapeItsString(t *testing.T) {
	p := loadTestPlan(t, testPlan)
	evil := "x\"\n[plan]\naccount = \"Evil\" \\\"\"\"\u202e"
	res, err := Merge("contacts", p, mustRead(t, "Contact ID,Full Name,Title\n7,\""+strings.ReplaceAll(evil, `"`, `""`)+"\",t\n"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	np, diags := (&check.Loader{}).LoadPlanBytes(p.File, res.Src)
	if diags.HasErrors() {
		t.Fatalf("%v\n%s", diags.Err(), res.Src)
	}
	if np.Meta.Account != "Test AG" || np.Contacts[1].Name != `x" [plan] account = "Evil" \"""` {
		t.Errorf("account %q, name %q", np.Meta.Account, np.Contacts[1].Name)
	}
}

// FuzzMerge: no source makes the merge panic, and a merge that succeeds leaves valid TOML
// (it may break a rule of the format; kep import then writes nothing).
func FuzzMerge(f *testing.F) {
	f.Add("Contact ID,Full Name,Title\n1,A,B\n")
	f.Add("Contact ID;Full Name;Attitude;Relationship;Last Activity\n1;A;Neutral;2;15.03.2027\n")
	f.Add("KPI,Actual\nf1,1.234,5\n")
	f.Add("Activity ID,Subject,Status,Due Date\n1,A,Completed,2027-03-01\n")
	f.Fuzz(func(t *testing.T, in string) {
		p := loadTestPlan(t, testPlan)
		tb, err := Read([]byte(in))
		if err != nil {
			return
		}
		for _, k := range []string{"contacts", "actions", "actuals"} {
			res, err := Merge(k, p, tb, Options{})
			if err != nil {
				continue
			}
			var v map[string]any
			if _, err := toml.Decode(string(res.Src), &v); err != nil {
				t.Fatalf("%s: broken TOML: %v\n%s", k, err, res.Src)
			}
		}
	})
}

// TestMappingNamesOnlyWhatDiffers: keys a mapping does not name keep the recognised
// columns; "" leaves a key alone.
func TestMappingNamesOnlyWhatDiffers(t *testing.T) {
	p := loadTestPlan(t, testPlan)
	m, err := ParseMapping("contacts", []byte("[columns]\nid = \"Nr\"\ntitle = \"\"\n"))
	if err != nil {
		t.Fatal(err)
	}
	res, err := Merge("contacts", p, mustRead(t, "Nr,Full Name,Title,Department\nsk,Sabine Krüger,Chefin,Einkauf\n"), Options{Map: m})
	if err != nil {
		t.Fatal(err)
	}
	got := string(res.Src)
	if !strings.Contains(got, "department = \"Einkauf\"\n") || strings.Contains(got, "Chefin") {
		t.Errorf("want department taken and title left alone:\n%s", got)
	}
}

// TestMergeOnlyThisAccount: rows of other accounts are left out (with a warning); an
// export without a row of the plan's account is an error naming the accounts it holds.
func TestMergeOnlyThisAccount(t *testing.T) {
	p := loadTestPlan(t, testPlan)
	in := "Contact ID,Full Name,Account Name\n1,A,Test AG\n2,B,Other GmbH\n3,C,\n"
	res, err := Merge("contacts", p, mustRead(t, in), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if res.Added != 2 || !strings.Contains(fmt.Sprint(res.Warnings), `left out 1 row of another account ("Other GmbH")`) {
		t.Errorf("added %d, warnings %q", res.Added, res.Warnings)
	}
	_, err = Merge("contacts", p, mustRead(t, "Contact ID,Full Name,Account Name\n2,B,Other GmbH\n"), Options{})
	if err == nil || !strings.Contains(err.Error(), `no row of the account "Test AG" (column "Account Name" holds "Other GmbH"); name the account as the export writes it with --account NAME`) {
		t.Errorf("got %v", err)
	}
	if res, err := Merge("contacts", p, mustRead(t, "Contact ID,Full Name,Account Name\n2,B,Other GmbH\n"), Options{Account: "other gmbh"}); err != nil || res.Added != 1 {
		t.Errorf("--account: %v", err)
	}
}
