package xlsx

import (
	"archive/zip"
	"bytes"
	"fmt"
	"sort"
	"strings"
	"testing"
	"time"
)

// pack makes a zip of the parts, in name order, deflated.
func pack(t testing.TB, parts map[string]string) []byte {
	t.Helper()
	names := make([]string, 0, len(parts))
	for n := range parts {
		names = append(names, n)
	}
	sort.Strings(names)
	var b bytes.Buffer
	zw := zip.NewWriter(&b)
	for _, n := range names {
		w, err := zw.Create(n)
		if err != nil {
			t.Fatal(err)
		}
		w.Write([]byte(parts[n]))
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// book is a minimal workbook around a sheet's XML (inside sheetData unless it starts
// with <worksheet), shared strings and styles.
func book(sheet, sst, styles string) map[string]string {
	if !strings.HasPrefix(sheet, "<worksheet") {
		sheet = `<worksheet xmlns="` + nsMain + `"><sheetData>` + sheet + `</sheetData></worksheet>`
	}
	p := map[string]string{
		"xl/workbook.xml": `<workbook xmlns="` + nsMain + `" xmlns:r="` + nsRel + `"><sheets><sheet name="Daten" sheetId="1" r:id="rId1"/></sheets></workbook>`,
		"xl/_rels/workbook.xml.rels": `<Relationships xmlns="` + nsPkg + `"><Relationship Id="rId1" Type="` + nsRel + `/worksheet" Target="worksheets/sheet1.xml"/>` +
			`<Relationship Id="rId2" Type="` + nsRel + `/sharedStrings" Target="/xl/sharedStrings.xml"/><Relationship Id="rId3" Type="` + nsRel + `/styles" Target="styles.xml"/></Relationships>`,
		"xl/worksheets/sheet1.xml": sheet,
	}
	if sst != "" {
		p["xl/sharedStrings.xml"] = `<sst xmlns="` + nsMain + `">` + sst + `</sst>`
	}
	if styles != "" {
		p["xl/styles.xml"] = `<styleSheet xmlns="` + nsMain + `">` + styles + `</styleSheet>`
	}
	return p
}

// TestReadCells: the kinds of cells, written as other programs write them.
func TestReadCells(t *testing.T) {
	styles := `<numFmts count="2"><numFmt numFmtId="164" formatCode="[$-407]dd.mm.yyyy;@"/><numFmt numFmtId="165" formatCode="h:mm"/></numFmts>` +
		`<cellStyleXfs count="1"><xf numFmtId="14"/></cellStyleXfs>` + // not a cell format: must not shift the indexes
		`<cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="164"/><xf numFmtId="165"/><xf numFmtId="14"/></cellXfs>`
	sst := `<si><t>plain</t></si><si><r><rPr><b/></rPr><t>fett</t></r><r><t xml:space="preserve"> und mehr</t></r></si>` +
		"<si>\n  <t>漢字</t>\n  <rPh sb=\"0\" eb=\"2\"><t>かんじ</t></rPh>\n</si><si><t>a_x000D_b _x005F_x0041_</t></si>"
	sheet := `<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>3</v></c></row>` +
		`<row r="3"><c r="A3" t="inlineStr"><is><t>inline</t></is></c><c r="C3" s="1"><v>46461</v></c><c r="D3" s="2"><v>0.5</v></c><c r="E3" s="3"><v>46461.75</v></c></row>` +
		`<row><c t="b"><v>1</v></c><c t="b"><v>0</v></c><c t="e"><v>#N/A</v></c><c t="str"><f>A1&amp;"x"</f><v>plainx</v></c><c><f>1+1</f><v>2</v></c><c><f>NOW()</f></c><c s="1"/><c t="d"><v>2027-03-15T10:30:00Z</v></c></row>` +
		`<row r="7" spans="1:3"><c r="c7"><v>1.0E-3</v></c><c r="XFD7"><v>-0</v></c></row>` +
		`<row r="9"><c r="B9" s="99"><v>2.9999999999999996</v></c><c r="C9" s="1"><v>60</v></c></row>`
	got, err := rows(t, pack(t, book(sheet, sst, styles)), Limits{}, "Daten")
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{
		"A1": "plain", "B1": "fett und mehr", "C1": "漢字", "D1": "a\rb _x0041_",
		"A3": "inline", "C3": "2027-03-15", "D3": "0.5", "E3": "2027-03-15T18:00:00",
		"A4": "TRUE", "B4": "FALSE", "C4": "#N/A", "D4": "plainx", "E4": "2", "H4": "2027-03-15T10:30:00",
		"C7": "0.001", "XFD7": "0",
		"B9": "3", "C9": "60", // an unknown style is General; serial 60 is the phantom 1900-02-29, no date
	}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("got  %q\nwant %q", got, want)
	}
}

func TestRowsStopsAtCallbackError(t *testing.T) {
	data := write(t, sample())
	f, err := Open(data, Limits{})
	if err != nil {
		t.Fatal(err)
	}
	stop := fmt.Errorf("enough")
	n := 0
	if err := f.Rows("Kennzahlen", func(int, []string) error { n++; return stop }); err != stop || n != 1 {
		t.Errorf("got %v after %d rows", err, n)
	}
	if err := f.Rows("Nirgends", func(int, []string) error { return nil }); err == nil || !strings.Contains(err.Error(), `no sheet "Nirgends"`) {
		t.Errorf("a missing sheet: %v", err)
	}
}

// TestHostile: broken and hostile workbooks give an error that says what is wrong and
// where, never a panic, and within the limits.
func TestHostile(t *testing.T) {
	deep := strings.Repeat("<x>", 100) + strings.Repeat("</x>", 100)
	manyStrings := strings.Repeat("<si><t>a</t></si>", 11)
	manyEntries := map[string]string{}
	for i := range 12 {
		manyEntries[fmt.Sprintf("junk/%d", i)] = ""
	}
	for k, v := range book(`<row r="1"><c><v>1</v></c></row>`, "", "") {
		manyEntries[k] = v
	}
	for _, c := range []struct {
		name string
		data []byte
		lim  Limits
		want string
	}{
		{"not a zip", []byte("PK\x03\x04garbage"), Limits{}, "not a zip file"},
		{"entries", pack(t, manyEntries), Limits{Entries: 10}, "15 zip entries, more than the limit of 10"},
		{"no workbook", pack(t, map[string]string{"a.txt": "x"}), Limits{}, "the part xl/workbook.xml is missing"},
		{"blanks", pack(t, book(`<row r="1">`+strings.Repeat(" ", 200<<10)+`</row>`, "", "")), Limits{StringBytes: 1 << 10},
			`sheet "Daten": xl/worksheets/sheet1.xml: a text or tag of more than 72 KiB`},
		{"bomb", pack(t, book(`<row r="1"><c t="inlineStr"><is><t>`+strings.Repeat(" ", 3<<20)+`</t></is></c></row>`, "", "")), Limits{Unzipped: 1 << 20},
			"xl/worksheets/sheet1.xml: the unpacked size exceeds the limit of 1 MiB"},
		{"depth", pack(t, book(`<row r="1"><c r="A1"><extLst>`+deep+`</extLst></c></row>`, "", "")), Limits{}, `sheet "Daten": cell A1: xl/worksheets/sheet1.xml: elements nested more than 64 deep`},
		{"cells", pack(t, book(`<row r="1">`+strings.Repeat(`<c><v>1</v></c>`, 11)+`</row>`, "", "")), Limits{Cells: 10}, `sheet "Daten": cell K1: more than 10 cells`},
		{"elements", pack(t, book(`<row r="1">`+strings.Repeat(`<x/>`, 41)+`</row>`, "", "")), Limits{Cells: 10}, `sheet "Daten": xl/worksheets/sheet1.xml: more than 40 XML elements in the workbook`},
		{"shared strings", pack(t, book(`<row r="1"/>`, manyStrings, "")), Limits{SharedStrings: 10}, "xl/sharedStrings.xml: more than 10 shared strings"},
		{"long string", pack(t, book(`<row r="1"/>`, "<si><t>"+strings.Repeat("x", 101)+"</t></si>", "")), Limits{StringBytes: 100}, "xl/sharedStrings.xml: string 0: a text of more than 100 bytes"},
		{"string index", pack(t, book(`<row r="1"><c r="B1" t="s"><v>11</v></c></row>`, manyStrings, "")), Limits{}, `sheet "Daten": cell B1: shared string "11" does not exist (the workbook has 11)`},
		{"bad ref", pack(t, book(`<row r="2"><c r="B0"><v>1</v></c></row>`, "", "")), Limits{}, `sheet "Daten": row 2: "B0" is not a cell reference`},
		{"ref off row", pack(t, book(`<row r="2"><c r="B3"><v>1</v></c></row>`, "", "")), Limits{}, `cell B3 in row 2`},
		{"rows out of order", pack(t, book(`<row r="5"/><row r="4"/>`, "", "")), Limits{}, "row 4 after row 5: rows out of order"},
		{"cells out of order", pack(t, book(`<row r="1"><c r="C1"><v>1</v></c><c r="B1"><v>1</v></c></row>`, "", "")), Limits{}, "cell B1: cells out of order"},
		{"bad row", pack(t, book(`<row r="1048577"/>`, "", "")), Limits{}, `row "1048577" is not a row number`},
		{"bad number", pack(t, book(`<row r="1"><c r="A1"><v>1e999</v></c></row>`, "", "")), Limits{}, `cell A1: "1e999" is not a number`},
		{"bad bool", pack(t, book(`<row r="1"><c r="A1" t="b"><v>yes</v></c></row>`, "", "")), Limits{}, `cell A1: "yes" is not a boolean`},
		{"bad type", pack(t, book(`<row r="1"><c r="A1" t="q"><v>1</v></c></row>`, "", "")), Limits{}, `cell A1: unknown cell type "q"`},
		{"broken xml", pack(t, book(`<row r="1"><c r="A1"><v>1</c></row>`, "", "")), Limits{}, `sheet "Daten": cell A1: xl/worksheets/sheet1.xml: line 1: element <v> closed by </c>`},
		{"truncated xml", pack(t, book(`<worksheet><sheetData><row r="1">`, "", "")), Limits{}, `sheet "Daten": xl/worksheets/sheet1.xml: line 1: unexpected EOF`},
		{"utf-16", pack(t, book(`<?xml version="1.0" encoding="UTF-16"?><worksheet/>`, "", "")), Limits{}, `sheet "Daten": xl/worksheets/sheet1.xml: the encoding "UTF-16" is not supported (want UTF-8)`},
		{"missing sheet part", func() []byte {
			p := book("", "", "")
			delete(p, "xl/worksheets/sheet1.xml")
			return pack(t, p)
		}(), Limits{}, `sheet "Daten": its part is missing`},
	} {
		t.Run(c.name, func(t *testing.T) {
			start := time.Now()
			_, err := rows(t, c.data, c.lim, "")
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Errorf("got %v\nwant …%s…", err, c.want)
			}
			if d := time.Since(start); d > 2*time.Second {
				t.Errorf("took %v", d)
			}
		})
	}
}

// TestBombFast: a sheet that inflates to 201 MiB is refused from its size in the
// header, before anything is inflated.
func TestBombFast(t *testing.T) {
	if testing.Short() {
		t.Skip("deflates 201 MiB")
	}
	var b bytes.Buffer
	zw := zip.NewWriter(&b)
	w, _ := zw.Create("xl/workbook.xml")
	w.Write([]byte(book("", "", "")["xl/workbook.xml"]))
	w, _ = zw.Create("xl/_rels/workbook.xml.rels")
	w.Write([]byte(book("", "", "")["xl/_rels/workbook.xml.rels"]))
	w, _ = zw.Create("xl/worksheets/sheet1.xml")
	blank := bytes.Repeat([]byte(" "), 1<<20)
	for range 201 {
		w.Write(blank)
	}
	zw.Close()
	start := time.Now()
	_, err := rows(t, b.Bytes(), Limits{}, "")
	if err == nil || !strings.Contains(err.Error(), "exceeds the limit of 200 MiB") {
		t.Errorf("a %d KB bomb: %v", b.Len()>>10, err)
	}
	if d := time.Since(start); d > time.Second {
		t.Errorf("took %v", d)
	}
}
