package main

import (
	"archive/zip"
	"bytes"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// TestExportRoundTrip exports the samples and reads the workbook back: one figures row
// per plan, the plans' numbers and dates as numbers, frozen headers and filters on every
// sheet, and the same bytes from a second run.
func TestExportRoundTrip(t *testing.T) {
	dir := importWorkspace(t)
	plans := []string{filepath.Join(dir, "accounts", "hansa.toml"), filepath.Join(dir, "accounts", "brightwater.toml"), filepath.Join(dir, "accounts", "minimal.toml")}
	out := filepath.Join(dir, "out", "plans.xlsx")
	if code, _, errs := kepRun(append([]string{"export", "-o", out}, plans...)...); code != exitOK {
		t.Fatalf("exit %d\n%s", code, errs)
	}
	f, err := excelize.OpenFile(out)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if got := strings.Join(f.GetSheetList(), ","); got != "Kennzahlen,Ziele,Maßnahmen,Kontakte,Verkaufschancen,Anliegen" {
		t.Errorf("sheets %s", got)
	}
	rows, _ := f.GetRows("Kennzahlen", excelize.Options{RawCellValue: true})
	if len(rows) != 4 {
		t.Fatalf("figures: %d rows, want a header and 3 plans", len(rows))
	}
	col := func(sheet, name string) int {
		hs, _ := f.GetRows(sheet)
		for i, h := range hs[0] {
			if h == name {
				return i
			}
		}
		t.Fatalf("%s: no column %s", sheet, name)
		return 0
	}
	num := func(s string) float64 {
		v, err := strconv.ParseFloat(s, 64)
		if err != nil {
			t.Fatalf("%q is not a number cell", s)
		}
		return v
	}
	if v := num(rows[1][col("Kennzahlen", "Umsatz geplant")]); v != 2_400_000 {
		t.Errorf("hansa planned revenue %v", v)
	}
	if v := num(rows[1][col("Kennzahlen", "Von")]); v != 46388 { // 2027-01-01 as an Excel day
		t.Errorf("hansa from %v, want the Excel day 46388", v)
	}
	obj, _ := f.GetRows("Ziele", excelize.Options{RawCellValue: true})
	ci, ca := col("Ziele", "Id"), col("Ziele", "Ist")
	found := false
	for _, r := range obj[1:] {
		if r[0] == plans[0] && r[ci] == "f1" {
			found = num(r[ca]) == 2_310_000
		}
	}
	if !found {
		t.Error("hansa f1's actual 2,310,000 is not in Ziele")
	}
	// Opportunities with their weighted value (A5), and the asks (A6), as numbers.
	opp, _ := f.GetRows("Verkaufschancen", excelize.Options{RawCellValue: true})
	oi, ow := col("Verkaufschancen", "Id"), col("Verkaufschancen", "Gewichtet")
	found = false
	for _, r := range opp[1:] {
		if r[0] == plans[0] && r[oi] == "o1" {
			found = num(r[ow]) == 280_000*0.4
		}
	}
	if !found {
		t.Error("hansa o1's weighted value 112,000 is not in Verkaufschancen")
	}
	if asks, _ := f.GetRows("Anliegen"); len(asks) < 2 {
		t.Error("no ask in Anliegen")
	}
	for _, sh := range f.GetSheetList() {
		p, err := f.GetPanes(sh)
		if err != nil || !p.Freeze || p.YSplit != 1 {
			t.Errorf("%s: header not frozen: %+v %v", sh, p, err)
		}
	}
	raw, _ := os.ReadFile(out)
	zr, err := zip.NewReader(bytes.NewReader(raw), int64(len(raw)))
	if err != nil {
		t.Fatal(err)
	}
	for _, zf := range zr.File {
		if zf.Modified.Year() > 1980 {
			t.Errorf("%s carries the time %v", zf.Name, zf.Modified)
		}
		if strings.HasPrefix(zf.Name, "xl/worksheets/") && !bytes.Contains(readZip(t, zf), []byte("<autoFilter ")) {
			t.Errorf("%s has no filter", zf.Name)
		}
	}
	if !bytes.Contains(readZipName(t, zr, "docProps/core.xml"), []byte("2027-01-15T08:00:00Z")) {
		t.Error("the workbook's dates are not SOURCE_DATE_EPOCH")
	}
	out2 := filepath.Join(dir, "again.xlsx")
	kepRun(append([]string{"export", "-o", out2}, plans...)...)
	if again, _ := os.ReadFile(out2); !bytes.Equal(again, raw) {
		t.Error("a second export gave other bytes")
	}
	if code, _, errs := kepRun("export", "-o", plans[0], plans[0]); code != exitUsage || !strings.Contains(errs, "is an input file") {
		t.Errorf("export over its input: exit %d %s", code, errs)
	}
}

func readZip(t *testing.T, zf *zip.File) []byte {
	rc, err := zf.Open()
	if err != nil {
		t.Fatal(err)
	}
	defer rc.Close()
	b, _ := io.ReadAll(rc)
	return b
}

func readZipName(t *testing.T, zr *zip.Reader, name string) []byte {
	for _, zf := range zr.File {
		if zf.Name == name {
			return readZip(t, zf)
		}
	}
	t.Fatalf("no %s in the workbook", name)
	return nil
}

// assertNoFormulas checks that no sheet of the workbook holds a formula and that the
// text evil is in a shared-string (text) cell.
func assertNoFormulas(t *testing.T, path, evil string) {
	t.Helper()
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	zr, err := zip.NewReader(bytes.NewReader(raw), int64(len(raw)))
	if err != nil {
		t.Fatal(err)
	}
	formula := regexp.MustCompile(`<f[ >]`)
	for _, zf := range zr.File {
		if strings.HasPrefix(zf.Name, "xl/worksheets/") && formula.Match(readZip(t, zf)) {
			t.Errorf("%s holds a formula", zf.Name)
		}
	}
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, _ := f.GetRows("Kontakte")
	for i, r := range rows {
		for j, c := range r {
			if c == evil {
				ref, _ := excelize.CoordinatesToCellName(j+1, i+1)
				if ty, _ := f.GetCellType("Kontakte", ref); ty != excelize.CellTypeSharedString {
					t.Errorf("%s is a cell of type %v, want text", ref, ty)
				}
				if fm, _ := f.GetCellFormula("Kontakte", ref); fm != "" {
					t.Errorf("%s has the formula %q", ref, fm)
				}
				return
			}
		}
	}
	t.Errorf("%q not found in Kontakte", evil)
}
