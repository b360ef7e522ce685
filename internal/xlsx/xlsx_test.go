package xlsx

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"strings"
	"testing"
	"time"
)

func TestColNameAndRefs(t *testing.T) {
	for col, want := range map[int]string{1: "A", 26: "Z", 27: "AA", 52: "AZ", 703: "AAA", MaxSheetCols: "XFD"} {
		if got := ColName(col); got != want {
			t.Errorf("ColName(%d) = %s, want %s", col, got, want)
		}
		c, r, err := parseRef(want+"7", false)
		if err != nil || c != col || r != 7 {
			t.Errorf("parseRef(%s7) = %d, %d, %v", want, c, r, err)
		}
	}
	if c, r, err := parseRef("$c$12", false); err != nil || c != 3 || r != 12 {
		t.Errorf("$c$12: %d %d %v", c, r, err)
	}
	for _, bad := range []string{"", "7", "A0", "A07", "XFE1", "A1048577", "AAAAA1", "A1B", "A-1", "Ä1"} {
		if _, _, err := parseRef(bad, false); err == nil {
			t.Errorf("parseRef(%q) accepted", bad)
		}
	}
}

func TestSerials(t *testing.T) {
	day := func(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }
	for _, c := range []struct {
		v     float64
		d1904 bool
		want  string // "" for no date
	}{
		{1, false, "1900-01-01"}, {59, false, "1900-02-28"}, {60, false, ""}, {61, false, "1900-03-01"},
		{46388, false, "2027-01-01"}, {46461.5, false, "2027-03-15T12:00:00"}, {0, false, ""}, {-1, false, ""},
		{2958465, false, "9999-12-31"}, {2958466, false, ""},
		{0, true, "1904-01-01"}, {44926, true, "2027-01-01"}, {44926.25, true, "2027-01-01T06:00:00"},
		{46387.999999, false, "2027-01-01"}, // 23:59:59.91 rounds to midnight
	} {
		tm, ok := fromSerial(c.v, c.d1904)
		got := ""
		if ok {
			got = formatDateTime(tm)
		}
		if got != c.want {
			t.Errorf("fromSerial(%v, 1904=%v) = %q, want %q", c.v, c.d1904, got, c.want)
		}
	}
	for v, d := range map[float64]time.Time{1: day(1900, 1, 1), 59: day(1900, 2, 28), 61: day(1900, 3, 1), 46388: day(2027, 1, 1)} {
		if got := Serial(d); got != v {
			t.Errorf("Serial(%s) = %v, want %v", d.Format(time.DateOnly), got, v)
		}
	}
}

func TestDateFormats(t *testing.T) {
	for code, want := range map[string]bool{
		"dd.mm.yyyy": true, "d mmm yyyy": true, "dd/mm/yyyy": true, "[$-407]dd.mm.yy;@": true,
		"mmm-yy": true, "yyyy-mm-dd hh:mm": true, `m/d/yyyy h:mm AM/PM`: true,
		"General": false, "0.0": false, `0.0" %"`: false, `#,##0 "days"`: false, "h:mm": false,
		"[h]:mm:ss": false, "mm:ss": false, `0.00\d`: false, "@": false, "[Red]0.00": false, `_(* #,##0_)`: false,
		`"unclosed`: false,
	} {
		if got := isDateFormat(code); got != want {
			t.Errorf("isDateFormat(%q) = %v", code, got)
		}
	}
}

func TestEscape(t *testing.T) {
	for _, s := range []string{"plain", "a & b < c > \"d\"", "tab\there\nnew line", "cr\r\nlf", "bell\x07 nul\x00", "_x0041_ literal", "_x005F_", "über € 😀", "\ufffe"} {
		if got := unescape(xmlText(t, escape(s))); got != s {
			t.Errorf("%q came back as %q", s, got)
		}
	}
	if got := escape("bad \xff byte"); got != "bad \ufffd byte" {
		t.Errorf("invalid UTF-8: %q", got)
	}
}

// xmlText decodes s as the text of an element, as a reader would.
func xmlText(t *testing.T, s string) string {
	t.Helper()
	f := &File{lim: Limits{}.withDefaults(), elements: 1 << 20}
	d := f.decoder(strings.NewReader("<t>"+s+"</t>"), "test")
	if _, err := d.next(); err != nil {
		t.Fatal(err)
	}
	out, err := d.text(1<<20, false)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func TestFormatNumber(t *testing.T) {
	for v, want := range map[float64]string{0.125: "0.125", 2400000: "2400000", 0.1 + 0.2: "0.3", -3: "-3", 1e22: "1E+22", 1e-12: "1E-12", 123456789012345678: "123456789012346000"} {
		if got := formatNumber(v); got != want {
			t.Errorf("formatNumber(%v) = %s, want %s", v, got, want)
		}
	}
}

// sample is a workbook with every kind of cell the writer knows.
func sample() *Workbook {
	wb := &Workbook{Title: "Pläne & Ziele", Creator: "kep", Language: "de", Created: time.Date(2027, 1, 15, 8, 0, 0, 0, time.UTC)}
	head := wb.AddStyle(Style{Bold: true, Fill: "DDE4EE", NumFmt: "@"})
	text := wb.AddStyle(Style{NumFmt: "@"})
	date := wb.AddStyle(Style{NumFmt: "dd.mm.yyyy"})
	money := wb.AddStyle(Style{NumFmt: "#,##0"})
	pct := wb.AddStyle(Style{NumFmt: `0.0" %"`})
	wb.Sheets = []*Sheet{{
		Name:       "Kennzahlen",
		FreezeRows: 1, Filter: true, Widths: []float64{20, 12, 14, 9},
		Rows: [][]Cell{
			{TextCell("Name", head), TextCell("Datum", head), TextCell("Umsatz", head), TextCell("Quote", head)},
			{TextCell("=cmd|' /C calc'!A0", text), NumberCell(Serial(time.Date(2027, 3, 15, 0, 0, 0, 0, time.UTC)), date), NumberCell(2400000, money), NumberCell(22.4, pct)},
			{TextCell("  Müller & Söhne <GmbH> \x07_x0041_", text), {}, NumberCell(-0.125, money)},
			{},
			{TextCell("nach einer Lücke", text), {}, {}, NumberCell(1e22, 0)},
		},
	}, {
		Name: "Leer's", FreezeRows: 1, Filter: true,
		Rows: [][]Cell{{TextCell("Id", head)}},
	}}
	return wb
}

func write(t testing.TB, wb *Workbook) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := wb.Write(&b); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// rows reads a sheet into a map "C7" → text.
func rows(t testing.TB, data []byte, lim Limits, sheet string) (map[string]string, error) {
	t.Helper()
	f, err := Open(data, lim)
	if err != nil {
		return nil, err
	}
	if sheet == "" {
		sheet = f.Sheets()[0]
	}
	got := map[string]string{}
	err = f.Rows(sheet, func(r int, cells []string) error {
		for c, v := range cells {
			if v != "" {
				got[CellName(c+1, r)] = v
			}
		}
		return nil
	})
	return got, err
}

func TestRoundTrip(t *testing.T) {
	data := write(t, sample())
	if again := write(t, sample()); !bytes.Equal(data, again) {
		t.Error("two writes gave other bytes")
	}
	got, err := rows(t, data, Limits{}, "Kennzahlen")
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{
		"A1": "Name", "B1": "Datum", "C1": "Umsatz", "D1": "Quote",
		"A2": "=cmd|' /C calc'!A0", "B2": "2027-03-15", "C2": "2400000", "D2": "22.4",
		"A3": "  Müller & Söhne <GmbH> \x07_x0041_", "C3": "-0.125",
		"A5": "nach einer Lücke", "D5": "1E+22",
	}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("got  %v\nwant %v", got, want)
	}
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	for _, zf := range zr.File {
		if !zf.Modified.Equal(time.Date(1980, 1, 1, 0, 0, 0, 0, time.UTC)) {
			t.Errorf("%s: time %v", zf.Name, zf.Modified)
		}
	}
}

func TestWriteRefuses(t *testing.T) {
	for name, wb := range map[string]*Workbook{
		"no sheet":  {},
		"bad name":  {Sheets: []*Sheet{{Name: "a/b"}}},
		"long name": {Sheets: []*Sheet{{Name: strings.Repeat("x", 32)}}},
		"same name": {Sheets: []*Sheet{{Name: "A"}, {Name: "a"}}},
		"NaN":       {Sheets: []*Sheet{{Name: "A", Rows: [][]Cell{{NumberCell(nan(), 0)}}}}},
		"bad fill": func() *Workbook {
			w := &Workbook{Sheets: []*Sheet{{Name: "A"}}}
			w.AddStyle(Style{Fill: "red"})
			return w
		}(),
		"too wide":   {Sheets: []*Sheet{{Name: "A", Rows: [][]Cell{make([]Cell, MaxSheetCols+1)}}}},
		"negative f": {Sheets: []*Sheet{{Name: "A", FreezeRows: -1}}},
	} {
		if err := wb.Write(&bytes.Buffer{}); err == nil {
			t.Errorf("%s: written", name)
		}
	}
}

// part is one part of a zip's bytes.
func part(t *testing.T, data []byte, name string) []byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	for _, zf := range zr.File {
		if zf.Name == name {
			rc, err := zf.Open()
			if err != nil {
				t.Fatal(err)
			}
			defer rc.Close()
			b, err := io.ReadAll(rc)
			if err != nil {
				t.Fatal(err)
			}
			return b
		}
	}
	t.Fatalf("no part %s", name)
	return nil
}

func nan() float64 { var z float64; return z / z }
