package load

import (
	"bytes"
	"io/fs"
	"os"
	"strings"
	"testing"
	"unicode/utf8"

	tomltest "github.com/toml-lang/toml-test/v2"
)

// tomlTestFiles returns the TOML 1.0.0 files of the public toml-test suite (MIT licence;
// the Go module github.com/toml-lang/toml-test/v2 embeds them), by name
// (valid/…, invalid/…). KEP_TOML_TEST names the tests folder of another copy instead.
func tomlTestFiles(t *testing.T) map[string][]byte {
	t.Helper()
	fsys := tomltest.TestCases()
	if dir := os.Getenv("KEP_TOML_TEST"); dir != "" {
		fsys = os.DirFS(dir)
	}
	list, err := fs.ReadFile(fsys, "files-toml-1.0.0")
	if err != nil {
		t.Fatal(err)
	}
	files := map[string][]byte{}
	for _, name := range strings.Fields(string(list)) {
		if !strings.HasSuffix(name, ".toml") {
			continue
		}
		src, err := fs.ReadFile(fsys, name)
		if err != nil {
			t.Fatal(err)
		}
		files[name] = src
	}
	return files
}

// libraryTakes are the invalid TOML 1.0.0 files of the suite that the TOML library
// (BurntSushi/toml v1.6.0, which reads TOML 1.1) takes as TOML. kep refuses each as a
// plan (TestTOMLTestSuite); the list shows when a library upgrade changes it.
var libraryTakes = map[string]string{
	// Valid TOML 1.1: times without seconds, \x escapes, inline tables over lines or
	// with a trailing comma.
	"invalid/datetime/no-secs.toml":            "1.1",
	"invalid/local-datetime/no-secs.toml":      "1.1",
	"invalid/local-time/no-secs.toml":          "1.1",
	"invalid/string/basic-byte-escapes.toml":   "1.1",
	"invalid/inline-table/linebreak-01.toml":   "1.1",
	"invalid/inline-table/linebreak-02.toml":   "1.1",
	"invalid/inline-table/linebreak-03.toml":   "1.1",
	"invalid/inline-table/linebreak-04.toml":   "1.1",
	"invalid/inline-table/trailing-comma.toml": "1.1",
	"invalid/spec-1.0.0/inline-table-2-0.toml": "1.1",
	"invalid/spec-1.0.0/table-9-1.toml":        "1.1",
	// Invalid in TOML 1.1 too: tables and keys defined twice in ways the library misses,
	// and an offset of 60 minutes.
	"invalid/array/extend-defined-aot.toml":         "library",
	"invalid/datetime/offset-overflow-minute.toml":  "library",
	"invalid/inline-table/duplicate-key-03.toml":    "library",
	"invalid/inline-table/overwrite-02.toml":        "library",
	"invalid/inline-table/overwrite-08.toml":        "library",
	"invalid/table/append-with-dotted-keys-01.toml": "library",
	"invalid/table/append-with-dotted-keys-02.toml": "library",
	"invalid/table/append-with-dotted-keys-03.toml": "library",
	"invalid/table/append-with-dotted-keys-05.toml": "library",
	"invalid/table/append-with-dotted-keys-08.toml": "library",
	"invalid/table/duplicate-key-04.toml":           "library",
	"invalid/table/duplicate-key-05.toml":           "library",
	"invalid/table/redefine-02.toml":                "library",
	"invalid/table/redefine-03.toml":                "library",
}

// The TOML library stays the authority: kep's syntax layer takes every valid file of
// the suite without a finding, and the line scan finds nothing in them. Every invalid
// file gets at least one error from the loader, without a panic; the syntax layer
// refuses each except those the library takes (libraryTakes).
func TestTOMLTestSuite(t *testing.T) {
	valid, invalid := 0, 0
	for name, src := range tomlTestFiles(t) {
		d, diags := decodeRaw(name, src)
		switch {
		case strings.HasPrefix(name, "valid/"):
			valid++
			if d == nil || len(diags) > 0 {
				t.Errorf("%s: valid TOML refused: %v", name, diags)
			}
			if f := scanSyntax(src); len(f) > 0 {
				t.Errorf("%s: valid TOML, but the line scan reports %+v", name, f)
			}
		case strings.HasPrefix(name, "invalid/"):
			invalid++
			if taken := d != nil; taken != (libraryTakes[name] != "") {
				t.Errorf("%s: taken as TOML %v, want %v (%v)", name, taken, !taken, diags)
			}
			for _, dg := range diags {
				if dg.Message == "" || dg.File != name || dg.Warning {
					t.Errorf("%s: finding without text or file, or a warning: %+v", name, dg)
				}
			}
			l := &Loader{FS: memFS{"/ws/.git/HEAD": []byte("ref"), "/ws/p.toml": src}}
			if p, ds := l.LoadPlan("/ws/p.toml"); p != nil || !ds.HasErrors() {
				t.Errorf("%s: loaded as a plan without an error", name)
			}
		}
	}
	t.Logf("%d valid, %d invalid files", valid, invalid)
	if valid < 200 || invalid < 470 {
		t.Errorf("%d valid and %d invalid files; the suite has at least 205 and 474", valid, invalid)
	}
}

// The line scan is conservative: in each valid file of the suite with one mistake
// added at its start (the scan reads the whole file after it) or at its end, it
// reports that line and no other.
func TestSyntaxScanOnlyTheMistake(t *testing.T) {
	const mistake = "zz_added_by_kep = 1,5\n"
	for name, src := range tomlTestFiles(t) {
		if !strings.HasPrefix(name, "valid/") || !utf8.Valid(src) {
			continue
		}
		body := bytes.TrimPrefix(src, []byte("\ufeff"))
		first := append([]byte(mistake), body...)
		if found := scanSyntax(first); len(found) != 1 || found[0].Line != 1 {
			t.Errorf("%s with a mistake on line 1: the scan reports %+v", name, found)
		}
		last := append(append([]byte{}, src...), "\n"+mistake...)
		if _, diags := decodeRaw(name, last); len(diags) == 0 {
			continue // the file ends inside something that takes the line
		}
		want := 1 + bytes.Count(last, []byte("\n")) - 1
		if found := scanSyntax(last); len(found) != 1 || found[0].Line != want {
			t.Errorf("%s with a mistake on line %d: the scan reports %+v", name, want, found)
		}
	}
}

// Ten different mistakes give ten findings in one run, each on its line, in place of
// the library's one message.
func TestSyntaxTenMistakes(t *testing.T) {
	src := "format = 1\n" +
		"[plan]\n" +
		"account = „Hansa Logistik“\n" + // 3: typographic quotes
		"owner = Anna Schmidt\n" + // 4: text without quotes
		"from = 15.03.2027\n" + // 5: German date
		"to = 2027-12-31\n" +
		"approved = ja\n" + // 7: ja for true
		"[selection]\n" +
		"revenue = 1.850.000\n" + // 9: thousands dots
		"share = 1,5\n" + // 10: decimal comma
		"budget = 36000 €\n" + // 11: currency after a number
		"visits 12\n" + // 12: no "="
		"contact = \"Müller\n" + // 13: no closing quote
		"revenue = 5\n" + // 14: a key given twice
		"[account]\n" +
		"summary = \"\"\"\n" + // 16: a multi-line text never closed
		"Ein Kunde mit Potenzial.\n" +
		"\n" +
		"[[actions]]\n" +
		"id = \"a1\"\n" +
		"notes = \"\"\"\n" +
		"Gut.\"\"\"\n"
	want := map[int]string{
		3:  "plan.account: „ (U+201E) is a typographic quote",
		4:  `plan.owner: text must be in quotes: "Anna Schmidt"`,
		5:  "plan.from: dates are written year-month-day without quotes, like 2027-03-15; not 15.03.2027",
		7:  `plan.approved: want true or false, not "ja"`,
		9:  "selection.revenue: numbers take no thousands separators and a decimal point: 1850000",
		10: "selection.share: numbers take a decimal point, not a comma: 1.5",
		11: `selection.budget: a number takes no currency: write 36000, not "36000 €"`,
		12: `selection.visits: want "=" between the key and its value: visits = 12`,
		13: `selection.contact: the text opened here with " is not closed`,
		14: "selection.revenue: defined twice: a key or [table] may appear only once (first on line 9)",
		16: `account.summary: the text opened here with """ is not closed`,
	}
	_, diags := decodeRaw("p.toml", []byte(src))
	if len(diags) != len(want) {
		t.Errorf("%d findings, want %d:\n%v", len(diags), len(want), diags)
	}
	for _, d := range diags {
		w, ok := want[d.Line]
		if !ok || !strings.HasPrefix(d.Path+": "+d.Message, w) {
			t.Errorf("line %d: got %q, want %q", d.Line, d.Path+": "+d.Message, w)
		}
	}
}

// Each kind of mistake in its words; a line the library takes gives none.
func TestSyntaxMessages(t *testing.T) {
	for _, tc := range []struct{ line, want string }{
		{"b\u00a0= 2", "invisible character U+00A0 (NO-BREAK SPACE), as Word and Excel paste it: replace it with an ordinary space, or delete it"},
		{"c = 1\u202f850", "invisible character U+202F (NARROW NO-BREAK SPACE), as Word and Excel paste it: write 1850"},
		{"c = 1\u2007850", "invisible character U+2007 (FIGURE SPACE), as Word and Excel paste it: write 1850"},
		{"\u200bj = 2", "invisible character U+200B (ZERO WIDTH SPACE), as Word and Excel paste it: delete it"},
		{"j = 2\ufeff", "invisible character U+FEFF (ZERO WIDTH NO-BREAK SPACE (byte-order mark)), as Word and Excel paste it: write 2"},
		{"start\tdate = 2027-01-01", `a tab inside the key "start→date": a key is one word (a-z, A-Z, 0-9, - and _), or text in quotes`},
		{"e = 12 EUR", `a number takes no currency: write 12, not "12 EUR" (the plan's currency key names the currency)`},
		{"e = 38 %", `a percentage is written as the number alone: 38, not "38 %"`},
		{"e = 38%", `a percentage is written as the number alone: 38, not "38 %"`},
		{"f = wahr", `want true or false, not "wahr"`},
		{"f = nein", `want true or false, not "nein"`},
		{"g = [\n  1,\n  2 %,\n]", `a percentage is written as the number alone: 2, not "2 %"`},
		{"k = \"C:\\Users\"", `"\U" is not an escape: in text between "…" write \\ for a backslash (or put the text in single quotes '…')`},
		{"m = 3 Besuche pro Jahr", "a number stands alone: write 3 (a note goes after #: 3 # Besuche pro Jahr)"},
		{"n = \"Projekt \"Alpha\"\"", `a quote inside text is written \" (or put the text in single quotes '…'); the text ends before "Alpha"""`},
		{"x = 1,850,000", "numbers take no thousands separators: 1850000 (or with underscores, 1_850_000); not 1,850,000"},
		{"x = 1 850 000", `numbers take no spaces: 1850000 (or with underscores, 1_850_000); not "1 850 000"`},
		{"x = «Text»", "« (U+00AB) is a typographic quote, which Word and Excel put in: write text between straight quotes \"…\""},
		{"x = ‘Text’", "‘ (U+2018) is a typographic quote, which Word and Excel put in: write text between straight quotes \"…\""},
		{"x = “Text”", "“ (U+201C) is a typographic quote, which Word and Excel put in: write text between straight quotes \"…\""},
		{"x = \"Text”", "the text opened here with \" is not closed: add \" at its end; it ends with ” (U+201D), a typographic quote"},
		{"x = { a = 1 b = 2 }", "want a comma between the keys of an inline table, or } at its end"},
		{"x = 2027-02-30", "no such date or time: 2027-02-30; dates are written year-month-day, like 2027-03-15"},
		{"x = 1\ry = 2", "a carriage return (U+000D) without a line break, as old Mac editors write: save the file with Windows (CRLF) or Unix (LF) line ends"},
		{"x = \"M\xfcller\"", `not UTF-8: byte 0xfc, probably "ü" in Windows-1252 (ISO-8859-1); ` + string(saveAsUTF8)},
		{"x = \"5 \x80\"", `not UTF-8: byte 0x80, probably "€" in Windows-1252; ` + string(saveAsUTF8)},
		{"\xff\xfex\x00 \x00=\x00 \x001\x00", "the file is UTF-16 (little-endian), not UTF-8: " + string(saveAsUTF8)},
		{"x = 'ok'\n[plan\n", "a [table] header needs its closing ]"},
	} {
		found := scanSyntax([]byte(tc.line))
		if len(found) != 1 || found[0].Msg.String() != tc.want {
			t.Errorf("%q:\n got %+v\nwant %q", tc.line, found, tc.want)
		}
	}
	for _, ok := range []string{
		"d = \"ok\u00a0fine\"", "x = 1979-05-27 07:32:00", "x = [1,5]", "x = { a = 1, b = [\n 2,\n] }",
		"x = \"\"\"\na = \"\"\"", "x = 'C:\\Users'", "x = 1_850_000", "x = inf", "\"a b\" = 1",
	} {
		if found := scanSyntax([]byte(ok)); len(found) != 0 {
			t.Errorf("%q: the scan reports %+v", ok, found)
		}
	}
}
