package xlsx

// Interoperability with github.com/xuri/excelize/v2, which kep used before this package
// and keeps as a test dependency only: what we write opens in excelize with the same
// values, formats, frozen panes and filters; what excelize writes reads the same here.

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
)

func TestExcelizeOpensOurs(t *testing.T) {
	data := write(t, sample())
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if got := fmt.Sprint(f.GetSheetList()); got != "[Kennzahlen Leer's]" {
		t.Errorf("sheets %s", got)
	}
	const sh = "Kennzahlen"
	raw := func(ref string) string {
		v, err := f.GetCellValue(sh, ref, excelize.Options{RawCellValue: true})
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	shown := func(ref string) string {
		v, err := f.GetCellValue(sh, ref)
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	for ref, want := range map[string]string{"A2": "=cmd|' /C calc'!A0", "A3": "  Müller & Söhne <GmbH> \x07_x0041_", "B2": "46461", "C2": "2400000", "C3": "-0.125", "D2": "22.4", "D5": "1E+22", "B3": ""} {
		if got := raw(ref); got != want {
			t.Errorf("%s: raw %q, want %q", ref, got, want)
		}
	}
	// What Excel shows: the formats applied.
	for ref, want := range map[string]string{"B2": "15.03.2027", "C2": "2,400,000", "D2": "22.4 %"} {
		if got := shown(ref); got != want {
			t.Errorf("%s: shown %q, want %q", ref, got, want)
		}
	}
	if ty, _ := f.GetCellType(sh, "A2"); ty != excelize.CellTypeSharedString {
		t.Errorf("A2 is of type %v, want a text cell", ty)
	}
	if fm, _ := f.GetCellFormula(sh, "A2"); fm != "" {
		t.Errorf("A2 has the formula %q", fm)
	}
	style := func(ref string) *excelize.Style {
		i, err := f.GetCellStyle(sh, ref)
		if err != nil {
			t.Fatal(err)
		}
		s, err := f.GetStyle(i)
		if err != nil {
			t.Fatal(err)
		}
		return s
	}
	// excelize reports a fill's colour only in a workbook with a theme part (ours has
	// none, Excel does not need one): the pattern here, the colour in styles.xml.
	if s := style("A1"); s.Font == nil || !s.Font.Bold || s.NumFmt != 49 || s.Fill.Type != "pattern" || s.Fill.Pattern != 1 {
		t.Errorf("header style %+v font %+v fill %+v", s, s.Font, s.Fill)
	}
	if !bytes.Contains(part(t, data, "xl/styles.xml"), []byte(`<fill><patternFill patternType="solid"><fgColor rgb="FFDDE4EE"/>`)) {
		t.Error("no header fill DDE4EE in styles.xml")
	}
	if s := style("B2"); s.CustomNumFmt == nil || *s.CustomNumFmt != "dd.mm.yyyy" {
		t.Errorf("date style %+v", s)
	}
	if s := style("C2"); s.NumFmt != 3 {
		t.Errorf("money style %+v", s)
	}
	for _, name := range f.GetSheetList() {
		p, err := f.GetPanes(name)
		if err != nil || !p.Freeze || p.YSplit != 1 || p.TopLeftCell != "A2" {
			t.Errorf("%s: panes %+v %v", name, p, err)
		}
	}
	if w, _ := f.GetColWidth(sh, "A"); w != 20 {
		t.Errorf("column A width %v", w)
	}
	filters := map[string]string{}
	for _, dn := range f.GetDefinedName() {
		if dn.Name == "_xlnm._FilterDatabase" {
			filters[dn.Scope] = dn.RefersTo
		}
	}
	if filters[sh] != "'Kennzahlen'!$A$1:$D$5" || filters["Leer's"] != "'Leer''s'!$A$1:$A$2" {
		t.Errorf("filters %v", filters)
	}
	if p, err := f.GetDocProps(); err != nil || p.Title != "Pläne & Ziele" || p.Created != "2027-01-15T08:00:00Z" || p.Creator != "kep" || p.Language != "de" {
		t.Errorf("properties %+v %v", p, err)
	}
	rows, err := f.GetRows(sh)
	if err != nil || len(rows) != 5 || rows[4][0] != "nach einer Lücke" {
		t.Errorf("rows %q %v", rows, err)
	}
}

// excelizeBook writes a workbook with excelize: shared and inline strings, rich text,
// numbers, booleans, dates, a formula with and one without a cached value, sparse cells.
func excelizeBook(t *testing.T, date1904 bool) []byte {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	if date1904 {
		yes := true
		if err := f.SetWorkbookProps(&excelize.WorkbookPropsOptions{Date1904: &yes}); err != nil {
			t.Fatal(err)
		}
	}
	sh := "Kontakte"
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(f.SetSheetName("Sheet1", sh))
	dateStyle, _ := f.NewStyle(&excelize.Style{NumFmt: 14})
	dt := "dd.mm.yyyy hh:mm"
	stampStyle, _ := f.NewStyle(&excelize.Style{CustomNumFmt: &dt})
	must(f.SetSheetRow(sh, "A1", &[]any{"Id", "Name", "Betrag", "Aktiv", "Datum", "Zeit", "Formel"}))
	must(f.SetSheetRow(sh, "A2", &[]any{1, "Sabine Krüger", 0.125, true, time.Date(2027, 3, 15, 0, 0, 0, 0, time.UTC), nil}))
	stamp := 46461.25 // 2027-03-15 06:00
	if date1904 {
		stamp -= 1462
	}
	must(f.SetCellValue(sh, "F2", stamp))
	must(f.SetCellStyle(sh, "E2", "E2", dateStyle))
	must(f.SetCellStyle(sh, "F2", "F2", stampStyle))
	must(f.SetCellFormula(sh, "G2", "C2*2"))
	must(f.SetCellFormula(sh, "G3", `WEBSERVICE("http://example.com")`))
	// excelize writes _x0041_ as it is, so Excel (and both readers) read an A.
	must(f.SetCellValue(sh, "B3", "  eingerückt _x0041_"))
	must(f.SetCellValue(sh, "C3", -1234567.5))
	must(f.SetCellValue(sh, "D3", false))
	must(f.SetCellRichText(sh, "B4", []excelize.RichTextRun{{Text: "fett", Font: &excelize.Font{Bold: true}}, {Text: " und normal"}}))
	must(f.SetCellInt(sh, "Z9", 7))
	must(f.SetCellStr(sh, "C7", "allein"))
	b, err := f.WriteToBuffer()
	if err != nil {
		t.Fatal(err)
	}
	data := b.Bytes()
	// Give G2 the cached value Excel would have saved (excelize calculates nothing).
	f2, _ := excelize.OpenReader(bytes.NewReader(data))
	defer f2.Close()
	must(f2.SetCellFormula(sh, "G2", "C2*2"))
	return data
}

// excelizeRows is what excelize reads: raw values, date cells as our reader gives them.
func excelizeRows(t *testing.T, data []byte, sheet string) map[string]string {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	props, _ := f.GetWorkbookProps()
	rows, err := f.GetRows(sheet, excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	for r, row := range rows {
		for c, v := range row {
			if v == "" {
				continue
			}
			ref := CellName(c+1, r+1)
			if i, _ := f.GetCellStyle(sheet, ref); i > 0 {
				s, _ := f.GetStyle(i)
				isDate := builtinDateFormat(s.NumFmt)
				if s.CustomNumFmt != nil {
					isDate = isDateFormat(*s.CustomNumFmt)
				}
				if x, err := strconv.ParseFloat(v, 64); err == nil && isDate {
					if tm, ok := fromSerial(x, props.Date1904 != nil && *props.Date1904); ok {
						v = formatDateTime(tm)
					}
				}
			}
			if ty, _ := f.GetCellType(sheet, ref); ty == excelize.CellTypeBool {
				v = map[string]string{"1": "TRUE", "0": "FALSE"}[v]
			}
			if x, err := strconv.ParseFloat(v, 64); err == nil {
				if ty, _ := f.GetCellType(sheet, ref); ty == excelize.CellTypeNumber || ty == excelize.CellTypeUnset {
					v = formatNumber(x)
				}
			}
			out[ref] = v
		}
	}
	return out
}

func TestWeReadExcelizes(t *testing.T) {
	for _, d1904 := range []bool{false, true} {
		t.Run(fmt.Sprint("date1904=", d1904), func(t *testing.T) {
			data := excelizeBook(t, d1904)
			got, err := rows(t, data, Limits{}, "")
			if err != nil {
				t.Fatal(err)
			}
			want := excelizeRows(t, data, "Kontakte")
			if fmt.Sprint(got) != fmt.Sprint(want) {
				t.Errorf("ours     %q\nexcelize %q", got, want)
			}
			// The values themselves, not only agreement.
			for ref, v := range map[string]string{"A2": "1", "B2": "Sabine Krüger", "C2": "0.125", "D2": "TRUE", "D3": "FALSE",
				"F2": "2027-03-15T06:00:00", "B3": "  eingerückt A", "C3": "-1234567.5", "B4": "fett und normal", "Z9": "7", "C7": "allein"} {
				if got[ref] != v {
					t.Errorf("%s = %q, want %q", ref, got[ref], v)
				}
			}
			if _, ok := got["G3"]; ok {
				t.Errorf("a formula without a cached value gave %q", got["G3"])
			}
			// excelize stores a time.Time as a serial in the workbook's own system.
			if got["E2"] != "2027-03-15" {
				t.Errorf("E2 = %q, want 2027-03-15", got["E2"])
			}
		})
	}
}

// TestSamples: the sample exports (samples/imports, written by dynamics_gen.go with
// excelize) read the same through our reader.
func TestSamples(t *testing.T) {
	paths, _ := filepath.Glob(filepath.Join("..", "..", "samples", "imports", "*.xlsx"))
	if len(paths) == 0 {
		t.Fatal("no sample workbook")
	}
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		f, err := Open(data, Limits{})
		if err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		got, err := rows(t, data, Limits{}, "")
		if err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		if want := excelizeRows(t, data, f.Sheets()[0]); fmt.Sprint(got) != fmt.Sprint(want) {
			t.Errorf("%s:\nours     %q\nexcelize %q", p, got, want)
		}
		if filepath.Base(p) == "dynamics-contacts.xlsx" && (got["D2"] != "Sophie Mertens" || got["I2"] != "2027-01-14" || got["I3"] != "2027-01-19") {
			t.Errorf("%s: %q", p, got)
		}
	}
}

// BenchmarkRead10000Rows reads a sheet of 10,000 rows of 20 cells (kep import's limit of
// rows), ours against excelize's streaming reader.
func BenchmarkRead10000Rows(b *testing.B) {
	wb := &Workbook{Sheets: []*Sheet{{Name: "Daten"}}}
	date := wb.AddStyle(Style{NumFmt: "dd.mm.yyyy"})
	for r := range 10_000 {
		row := make([]Cell, 20)
		for c := range row {
			switch c % 3 {
			case 0:
				row[c] = TextCell(fmt.Sprintf("Text %d/%d", r, c), 0)
			case 1:
				row[c] = NumberCell(float64(r*c)/7, 0)
			default:
				row[c] = NumberCell(46000+float64(r%300), date)
			}
		}
		wb.Sheets[0].Rows = append(wb.Sheets[0].Rows, row)
	}
	data := write(b, wb)
	b.Run("ours", func(b *testing.B) {
		for range b.N {
			f, err := Open(data, Limits{})
			if err != nil {
				b.Fatal(err)
			}
			n := 0
			if err := f.Rows("Daten", func(int, []string) error { n++; return nil }); err != nil || n != 10_000 {
				b.Fatal(n, err)
			}
		}
	})
	b.Run("excelize", func(b *testing.B) {
		for range b.N {
			f, err := excelize.OpenReader(bytes.NewReader(data))
			if err != nil {
				b.Fatal(err)
			}
			rows, err := f.Rows("Daten")
			if err != nil {
				b.Fatal(err)
			}
			n := 0
			for rows.Next() {
				if _, err := rows.Columns(excelize.Options{RawCellValue: true}); err != nil {
					b.Fatal(err)
				}
				n++
			}
			rows.Close()
			f.Close()
			if n != 10_000 {
				b.Fatal(n)
			}
		}
	})
}

// TestKepLinksNoExcelize: excelize is for these tests only. Its package initialisation
// (and that of what it imports) would cost every kep command again (issue 19).
func TestKepLinksNoExcelize(t *testing.T) {
	out, err := exec.Command("go", "list", "-deps", "github.com/kepdev/kep/cmd/kep").CombinedOutput()
	if err != nil {
		t.Skipf("go list: %v\n%s", err, out)
	}
	for _, pkg := range strings.Fields(string(out)) {
		if strings.HasPrefix(pkg, "github.com/xuri/") || strings.HasPrefix(pkg, "github.com/richardlehane/") || strings.HasPrefix(pkg, "github.com/tiendc/") {
			t.Errorf("kep links %s", pkg)
		}
	}
}
