package xlsx

import (
	"archive/zip"
	"bufio"
	"errors"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// Kind is what a cell holds.
type Kind uint8

const (
	Empty  Kind = iota // no value (a style alone is not written)
	Text               // a string, always a text cell: never a formula, whatever it starts with
	Number             // a number; a date is a number (Serial) with a date format
)

// Cell is one cell to write.
type Cell struct {
	Kind  Kind
	Text  string
	Num   float64
	Style int // from Workbook.AddStyle; 0 is Excel's default (General)
}

// TextCell and NumberCell make cells.
func TextCell(s string, style int) Cell    { return Cell{Kind: Text, Text: s, Style: style} }
func NumberCell(v float64, style int) Cell { return Cell{Kind: Number, Num: v, Style: style} }
func (c Cell) empty() bool                 { return c.Kind == Empty || (c.Kind == Text && c.Text == "") }
func (s *Sheet) lastCol() int              { return maxRowLen(s.Rows) }
func maxRowLen(rows [][]Cell) (n int) {
	for _, r := range rows {
		n = max(n, len(r))
	}
	return n
}

// Style is a cell format. Equal styles added twice share one index.
type Style struct {
	Bold   bool
	Fill   string // background as RRGGBB, "" for none
	NumFmt string // a number format code; "" is General. Excel's built-in codes ("0", "@", "0.00%", …) are written as their ids
}

// Sheet is one worksheet.
type Sheet struct {
	Name       string // at most 31 characters, none of : \ / ? * [ ]
	Rows       [][]Cell
	Widths     []float64 // column widths in characters, from column A; 0 leaves a column's default
	FreezeRows int       // rows at the top that stay in view while scrolling
	Filter     bool      // an autofilter over the first row's columns, down to the last row
}

// Workbook is a workbook to write. Its properties go into docProps/core.xml.
type Workbook struct {
	Title, Creator, Language string
	Created                  time.Time // the creation and modification date; nothing else in the file carries a time
	Sheets                   []*Sheet
	styles                   []Style
}

// AddStyle returns the index of a style for Cell.Style.
func (wb *Workbook) AddStyle(s Style) int {
	for i, o := range wb.styles {
		if o == s {
			return i + 1
		}
	}
	wb.styles = append(wb.styles, s)
	return len(wb.styles)
}

// builtinFormat is the id of a format code Excel knows by id in every locale; a code
// among them is written as its id, as Excel itself does. (A switch, not a map: nothing
// to build at start-up.)
func builtinFormat(code string) (int, bool) {
	switch code {
	case "General":
		return 0, true
	case "0":
		return 1, true
	case "0.00":
		return 2, true
	case "#,##0":
		return 3, true
	case "#,##0.00":
		return 4, true
	case "0%":
		return 9, true
	case "0.00%":
		return 10, true
	case "0.00E+00":
		return 11, true
	case "mm-dd-yy":
		return 14, true
	case "@":
		return 49, true
	}
	return 0, false
}

const (
	nsMain = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
	nsRel  = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
	nsPkg  = "http://schemas.openxmlformats.org/package/2006/relationships"
	xmlHdr = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n"
)

// Write writes the workbook. The bytes depend on the workbook only: zip entries carry the
// fixed time 1980-01-01 00:00 and come in a fixed order.
func (wb *Workbook) Write(w io.Writer) error {
	if len(wb.Sheets) == 0 {
		return errors.New("xlsx: a workbook needs a sheet")
	}
	seen := map[string]bool{}
	for _, s := range wb.Sheets {
		if err := checkSheet(s); err != nil {
			return err
		}
		k := strings.ToLower(s.Name)
		if seen[k] {
			return fmt.Errorf("xlsx: two sheets are named %q", s.Name)
		}
		seen[k] = true
	}
	zw := zip.NewWriter(w)
	sst := &stringTable{index: map[string]int{}}
	parts := []struct {
		name  string
		write func(*bufio.Writer) error
	}{
		{"[Content_Types].xml", wb.contentTypes},
		{"_rels/.rels", rootRels},
		{"docProps/app.xml", appProps},
		{"docProps/core.xml", wb.coreProps},
		{"xl/workbook.xml", wb.workbookXML},
		{"xl/_rels/workbook.xml.rels", wb.workbookRels},
		{"xl/styles.xml", wb.stylesXML},
	}
	for i, s := range wb.Sheets {
		parts = append(parts, struct {
			name  string
			write func(*bufio.Writer) error
		}{fmt.Sprintf("xl/worksheets/sheet%d.xml", i+1), func(b *bufio.Writer) error { return writeSheet(b, s, i == 0, sst) }})
	}
	// Last: the shared strings are known once every sheet is written.
	parts = append(parts, struct {
		name  string
		write func(*bufio.Writer) error
	}{"xl/sharedStrings.xml", sst.write})
	bw := bufio.NewWriterSize(nil, 32<<10)
	for _, p := range parts {
		// The DOS date 1980-01-01 (day 1, month 1, year 0): a valid date, where a zero
		// field would read as 1979-11-30 or fail in strict tools.
		fw, err := zw.CreateHeader(&zip.FileHeader{Name: p.name, Method: zip.Deflate, ModifiedDate: 1<<5 | 1})
		if err != nil {
			return err
		}
		bw.Reset(fw)
		if err := p.write(bw); err != nil {
			return fmt.Errorf("xlsx: %s: %w", p.name, err)
		}
		if err := bw.Flush(); err != nil {
			return err
		}
	}
	return zw.Close()
}

func checkSheet(s *Sheet) error {
	n := utf8.RuneCountInString(s.Name)
	if n == 0 || n > 31 || strings.ContainsAny(s.Name, `:\/?*[]`) || strings.HasPrefix(s.Name, "'") || strings.HasSuffix(s.Name, "'") {
		return fmt.Errorf("xlsx: %q is no sheet name (1–31 characters, none of : \\ / ? * [ ], no ' at either end)", s.Name)
	}
	if len(s.Rows) > MaxSheetRows || s.lastCol() > MaxSheetCols || len(s.Widths) > MaxSheetCols {
		return fmt.Errorf("xlsx: sheet %q: %d rows × %d columns, beyond Excel's %d × %d", s.Name, len(s.Rows), s.lastCol(), MaxSheetRows, MaxSheetCols)
	}
	if s.FreezeRows < 0 || s.FreezeRows >= MaxSheetRows {
		return fmt.Errorf("xlsx: sheet %q: cannot freeze %d rows", s.Name, s.FreezeRows)
	}
	return nil
}

func (wb *Workbook) contentTypes(b *bufio.Writer) error {
	b.WriteString(xmlHdr + `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
		`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
		`<Default Extension="xml" ContentType="application/xml"/>` +
		`<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>`)
	for i := range wb.Sheets {
		fmt.Fprintf(b, `<Override PartName="/xl/worksheets/sheet%d.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`, i+1)
	}
	_, err := b.WriteString(`<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>` +
		`<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>` +
		`<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>` +
		`<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>` +
		`</Types>`)
	return err
}

func rootRels(b *bufio.Writer) error {
	_, err := b.WriteString(xmlHdr + `<Relationships xmlns="` + nsPkg + `">` +
		`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>` +
		`<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>` +
		`<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/>` +
		`</Relationships>`)
	return err
}

func appProps(b *bufio.Writer) error {
	_, err := b.WriteString(xmlHdr + `<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>kep</Application></Properties>`)
	return err
}

func (wb *Workbook) coreProps(b *bufio.Writer) error {
	when := wb.Created.UTC().Format("2006-01-02T15:04:05Z")
	b.WriteString(xmlHdr + `<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">`)
	for _, p := range [][2]string{{"dc:title", wb.Title}, {"dc:creator", wb.Creator}, {"cp:lastModifiedBy", wb.Creator}, {"dc:language", wb.Language}} {
		if p[1] != "" {
			fmt.Fprintf(b, "<%s>%s</%s>", p[0], escape(p[1]), p[0])
		}
	}
	_, err := fmt.Fprintf(b, `<dcterms:created xsi:type="dcterms:W3CDTF">%s</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">%s</dcterms:modified></cp:coreProperties>`, when, when)
	return err
}

func (wb *Workbook) workbookXML(b *bufio.Writer) error {
	b.WriteString(xmlHdr + `<workbook xmlns="` + nsMain + `" xmlns:r="` + nsRel + `"><workbookPr/><bookViews><workbookView activeTab="0"/></bookViews><sheets>`)
	for i, s := range wb.Sheets {
		fmt.Fprintf(b, `<sheet name="%s" sheetId="%d" r:id="rId%d"/>`, escape(s.Name), i+1, i+1)
	}
	b.WriteString(`</sheets>`)
	// Excel keeps a filter's range in this hidden name too and repairs a file without it.
	names := false
	for i, s := range wb.Sheets {
		if !s.Filter || s.lastCol() == 0 {
			continue
		}
		if !names {
			b.WriteString(`<definedNames>`)
			names = true
		}
		last := ColName(s.lastCol())
		fmt.Fprintf(b, `<definedName name="_xlnm._FilterDatabase" localSheetId="%d" hidden="1">'%s'!$A$1:$%s$%d</definedName>`,
			i, escape(strings.ReplaceAll(s.Name, "'", "''")), last, max(len(s.Rows), 2))
	}
	if names {
		b.WriteString(`</definedNames>`)
	}
	_, err := b.WriteString(`</workbook>`)
	return err
}

func (wb *Workbook) workbookRels(b *bufio.Writer) error {
	b.WriteString(xmlHdr + `<Relationships xmlns="` + nsPkg + `">`)
	for i := range wb.Sheets {
		fmt.Fprintf(b, `<Relationship Id="rId%d" Type="%s/worksheet" Target="worksheets/sheet%d.xml"/>`, i+1, nsRel, i+1)
	}
	n := len(wb.Sheets)
	_, err := fmt.Fprintf(b, `<Relationship Id="rId%d" Type="%s/styles" Target="styles.xml"/><Relationship Id="rId%d" Type="%s/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
		n+1, nsRel, n+2, nsRel)
	return err
}

// stylesXML writes the formats: style 0 is Excel's default, style i is wb.styles[i-1].
func (wb *Workbook) stylesXML(b *bufio.Writer) error {
	numFmt := make([]int, len(wb.styles))
	var custom []string
	for i, s := range wb.styles {
		code := s.NumFmt
		if code == "" {
			code = "General"
		}
		if id, ok := builtinFormat(code); ok {
			numFmt[i] = id
			continue
		}
		j := 0
		for j < len(custom) && custom[j] != code {
			j++
		}
		if j == len(custom) {
			custom = append(custom, code)
		}
		numFmt[i] = 164 + j // the first id Excel leaves to a workbook's own formats
	}
	fills := []string{}
	fillID := make([]int, len(wb.styles))
	for i, s := range wb.styles {
		if s.Fill == "" {
			continue
		}
		if !validRGB(s.Fill) {
			return fmt.Errorf("style %d: fill %q is not RRGGBB", i+1, s.Fill)
		}
		j := 0
		for j < len(fills) && fills[j] != s.Fill {
			j++
		}
		if j == len(fills) {
			fills = append(fills, s.Fill)
		}
		fillID[i] = 2 + j // fills 0 and 1 are the two Excel requires (none, gray125)
	}
	b.WriteString(xmlHdr + `<styleSheet xmlns="` + nsMain + `">`)
	if len(custom) > 0 {
		fmt.Fprintf(b, `<numFmts count="%d">`, len(custom))
		for j, c := range custom {
			fmt.Fprintf(b, `<numFmt numFmtId="%d" formatCode="%s"/>`, 164+j, escape(c))
		}
		b.WriteString(`</numFmts>`)
	}
	b.WriteString(`<fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font>` +
		`<font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>`)
	fmt.Fprintf(b, `<fills count="%d"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>`, 2+len(fills))
	for _, f := range fills {
		fmt.Fprintf(b, `<fill><patternFill patternType="solid"><fgColor rgb="FF%s"/><bgColor indexed="64"/></patternFill></fill>`, strings.ToUpper(f))
	}
	b.WriteString(`</fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>` +
		`<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>`)
	fmt.Fprintf(b, `<cellXfs count="%d"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>`, 1+len(wb.styles))
	for i, s := range wb.styles {
		font := 0
		if s.Bold {
			font = 1
		}
		fmt.Fprintf(b, `<xf numFmtId="%d" fontId="%d" fillId="%d" borderId="0" xfId="0"`, numFmt[i], font, fillID[i])
		if numFmt[i] != 0 {
			b.WriteString(` applyNumberFormat="1"`)
		}
		if s.Bold {
			b.WriteString(` applyFont="1"`)
		}
		if fillID[i] != 0 {
			b.WriteString(` applyFill="1"`)
		}
		b.WriteString(`/>`)
	}
	_, err := b.WriteString(`</cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`)
	return err
}

func validRGB(s string) bool {
	if len(s) != 6 {
		return false
	}
	for _, c := range []byte(s) {
		if !('0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F') {
			return false
		}
	}
	return true
}

func writeSheet(b *bufio.Writer, s *Sheet, first bool, sst *stringTable) error {
	cols := s.lastCol()
	b.WriteString(xmlHdr + `<worksheet xmlns="` + nsMain + `" xmlns:r="` + nsRel + `">`)
	if cols > 0 && len(s.Rows) > 0 {
		fmt.Fprintf(b, `<dimension ref="A1:%s"/>`, CellName(cols, len(s.Rows)))
	}
	b.WriteString(`<sheetViews><sheetView workbookViewId="0"`)
	if first {
		b.WriteString(` tabSelected="1"`)
	}
	if f := s.FreezeRows; f > 0 {
		top := CellName(1, f+1)
		fmt.Fprintf(b, `><pane ySplit="%d" topLeftCell="%s" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="%s" sqref="%s"/></sheetView>`, f, top, top, top)
	} else {
		b.WriteString(`/>`)
	}
	b.WriteString(`</sheetViews><sheetFormatPr defaultRowHeight="15"/>`)
	if len(s.Widths) > 0 {
		b.WriteString(`<cols>`)
		for i, w := range s.Widths {
			if w > 0 && w <= 255 {
				fmt.Fprintf(b, `<col min="%d" max="%d" width="%s" customWidth="1"/>`, i+1, i+1, strconv.FormatFloat(w, 'f', -1, 64))
			}
		}
		b.WriteString(`</cols>`)
	}
	b.WriteString(`<sheetData>`)
	var num []byte
	for r, row := range s.Rows {
		fmt.Fprintf(b, `<row r="%d">`, r+1)
		for c, cell := range row {
			if cell.empty() {
				continue
			}
			ref := CellName(c+1, r+1)
			b.WriteString(`<c r="` + ref + `"`)
			if cell.Style > 0 {
				b.WriteString(` s="` + strconv.Itoa(cell.Style) + `"`)
			}
			switch cell.Kind {
			case Text:
				b.WriteString(` t="s"><v>` + strconv.Itoa(sst.add(cell.Text)) + `</v></c>`)
			case Number:
				if math.IsNaN(cell.Num) || math.IsInf(cell.Num, 0) {
					return fmt.Errorf("cell %s: %v is not a number Excel can hold", ref, cell.Num)
				}
				num = appendNumber(num[:0], cell.Num)
				b.WriteString(`><v>`)
				b.Write(num)
				b.WriteString(`</v></c>`)
			default:
				return fmt.Errorf("cell %s: unknown kind %d", ref, cell.Kind)
			}
		}
		b.WriteString(`</row>`)
	}
	b.WriteString(`</sheetData>`)
	if s.Filter && cols > 0 {
		fmt.Fprintf(b, `<autoFilter ref="A1:%s"/>`, CellName(cols, max(len(s.Rows), 2)))
	}
	_, err := b.WriteString(`<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>`)
	return err
}

// appendNumber writes v as Excel does: plain digits, an exponent only for very large or
// very small magnitudes.
func appendNumber(b []byte, v float64) []byte {
	if a := math.Abs(v); a != 0 && (a < 1e-9 || a >= 1e21) {
		return strconv.AppendFloat(b, v, 'E', -1, 64)
	}
	if v == 0 {
		return append(b, '0') // also -0
	}
	return strconv.AppendFloat(b, v, 'f', -1, 64)
}

// stringTable is the shared strings: each distinct text once, in order of first use.
type stringTable struct {
	index map[string]int
	list  []string
	uses  int
}

func (t *stringTable) add(s string) int {
	t.uses++
	if i, ok := t.index[s]; ok {
		return i
	}
	t.index[s] = len(t.list)
	t.list = append(t.list, s)
	return len(t.list) - 1
}

func (t *stringTable) write(b *bufio.Writer) error {
	fmt.Fprintf(b, xmlHdr+`<sst xmlns="%s" count="%d" uniqueCount="%d">`, nsMain, t.uses, len(t.list))
	for _, s := range t.list {
		b.WriteString(`<si><t`)
		if s != strings.TrimSpace(s) {
			b.WriteString(` xml:space="preserve"`)
		}
		b.WriteString(`>`)
		b.WriteString(escape(s))
		b.WriteString(`</t></si>`)
	}
	_, err := b.WriteString(`</sst>`)
	return err
}

// escape makes s XML text in Excel's form: & < > " escaped; characters XML 1.0 cannot
// carry (controls other than tab, newline and carriage return, U+FFFE, U+FFFF) as Excel's
// _xHHHH_, and a literal _xHHHH_ in the text guarded by _x005F_ so that it reads back as
// written; bytes that are not UTF-8 become U+FFFD.
func escape(s string) string {
	clean := true
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 || c >= 0x80 || c == '&' || c == '<' || c == '>' || c == '"' || c == '_' {
			clean = false
			break
		}
	}
	if clean {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 16)
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && n == 1:
			b.WriteRune(utf8.RuneError)
		case r == '&':
			b.WriteString("&amp;")
		case r == '<':
			b.WriteString("&lt;")
		case r == '>':
			b.WriteString("&gt;")
		case r == '"':
			b.WriteString("&quot;")
		case r == '\t' || r == '\n':
			b.WriteRune(r)
		case r == '\r':
			b.WriteString("&#13;") // a raw CR would be read as a newline
		case r < 0x20 || r == 0xFFFE || r == 0xFFFF:
			fmt.Fprintf(&b, "_x%04X_", r)
		case r == '_' && isEscape(s[i:]):
			b.WriteString("_x005F_")
		default:
			b.WriteString(s[i : i+n])
		}
		i += n
	}
	return b.String()
}

// isEscape tells whether s starts with _xHHHH_.
func isEscape(s string) bool {
	if len(s) < 7 || s[0] != '_' || s[1] != 'x' || s[6] != '_' {
		return false
	}
	for _, c := range []byte(s[2:6]) {
		if !('0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F') {
			return false
		}
	}
	return true
}
