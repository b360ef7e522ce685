package xlsx

import (
	"os"
	"path/filepath"
	"testing"
)

// checkRead reads every sheet of data within small limits: it must not panic, and what
// it gives must keep the reader's promises (rows ascending, no trailing empty cell).
func checkRead(t *testing.T, data []byte) {
	f, err := Open(data, Limits{Unzipped: 4 << 20, Cells: 100_000, SharedStrings: 10_000, StringBytes: 64 << 10})
	if err != nil {
		return
	}
	for _, name := range f.Sheets() {
		last := 0
		f.Rows(name, func(row int, cells []string) error {
			if row <= last || len(cells) == 0 || cells[len(cells)-1] == "" || len(cells) > MaxSheetCols {
				t.Fatalf("sheet %q: row %d after %d, cells %q", name, row, last, cells)
			}
			last = row
			return nil
		})
	}
}

// FuzzOpen reads arbitrary bytes as a workbook.
func FuzzOpen(f *testing.F) {
	f.Add(write(f, sample()))
	paths, _ := filepath.Glob(filepath.Join("..", "..", "samples", "imports", "*.xlsx"))
	for _, p := range paths {
		if b, err := os.ReadFile(p); err == nil {
			f.Add(b)
		}
	}
	f.Add([]byte("PK\x05\x06\x00\x00\x00\x00\xff\xff\xff\xff\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00"))
	f.Fuzz(checkRead)
}

// FuzzSheet reads a workbook around arbitrary sheet, shared-string and style XML: the
// fuzzer cannot get through deflate, so FuzzOpen alone would rarely reach the parsers.
func FuzzSheet(f *testing.F) {
	f.Add(`<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" s="1"><v>46461.5</v></c><c t="inlineStr"><is><r><t>x</t></r></is></c></row><row><c t="b"><v>1</v></c><c><f>1</f><v>2</v></c></row>`,
		`<si><t>a_x0041_</t><rPh><t>b</t></rPh></si>`,
		`<numFmts><numFmt numFmtId="164" formatCode="dd.mm.yyyy"/></numFmts><cellXfs><xf/><xf numFmtId="164"/></cellXfs>`)
	f.Add(`<row r="3"><c r="XFD3" t="d"><v>2027-03-15</v></c></row>`, "", `<cellXfs><xf numFmtId="14"/></cellXfs>`)
	f.Fuzz(func(t *testing.T, sheet, sst, styles string) {
		checkRead(t, pack(t, book(sheet, sst, styles)))
	})
}
