package crm

import (
	"bytes"
	"encoding/csv"
	"errors"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/kepdev/kep/internal/xlsx"
	"github.com/kepdev/kep/locale"
	"github.com/kepdev/kep/plan/load"
)

// Limits for a source file. A CRM export of one account's contacts, tasks or
// opportunities has tens to hundreds of rows. More rows than a plan's list may hold
// (plan.MaxRows) could never be merged, so reading stops there, before the rest costs
// time and memory.
const (
	MaxSourceBytes = 20 << 20     // the file as read
	MaxRows        = load.MaxRows // data rows, the header not counted
	MaxColumns     = 200
	MaxCellBytes   = 32 << 10
)

// maxXLSXUnzipped bounds what is inflated from an XLSX (a zip bomb of a few KB
// would otherwise unpack to gigabytes). A variable for the test.
var maxXLSXUnzipped int64 = 200 << 20

// Table is a source file's rows: the header and the data rows with their row numbers as
// a spreadsheet shows them (the header is row 1).
type Table struct {
	Header []string
	Rows   []Row
	XLSX   bool // cells of dates may hold Excel serial numbers
	// Date1904: the workbook counts its serial numbers from 1904 (old Excel for Mac).
	Date1904 bool
	Delim    rune // a CSV's delimiter; ';' means German numbers (Excel in German writes it)
}

// Row is one data row.
type Row struct {
	N     int // row number in the file (header = 1), for messages
	Cells []string
}

// RowError is a problem with one row of the source; its message names the row. Error is
// the English text, In the text in a language (kep import prints it in the reader's).
type RowError struct {
	Row int
	Msg locale.Msg
}

func (e *RowError) Error() string { return e.In("en") }

func (e *RowError) In(lang string) string {
	if e.Row <= 0 {
		return e.Msg.In(lang)
	}
	return locale.Msgf("row %d: %s", e.Row, e.Msg).In(lang)
}

func rowErr(n int, format string, args ...any) error {
	return &RowError{Row: n, Msg: locale.Msgf(format, args...)}
}

// Read reads a CSV or XLSX source (told apart by content: an XLSX is a zip file).
func Read(data []byte) (*Table, error) {
	if len(data) > MaxSourceBytes {
		return nil, locale.MsgErrorf("the file has %d bytes, more than the limit of %d MiB for an import; split the export", len(data), MaxSourceBytes>>20)
	}
	if bytes.HasPrefix(data, []byte("PK\x03\x04")) {
		return readXLSX(data)
	}
	return readCSV(data)
}

// readCSV decodes the text (UTF-8 with or without BOM, else Windows-1252), sniffs the
// delimiter from the header line and reads strictly: a stray quote or a row with another
// number of cells than the header is an error naming the row.
func readCSV(data []byte) (*Table, error) {
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	text, err := decodeText(data)
	if err != nil {
		return nil, err
	}
	if strings.TrimSpace(text) == "" {
		return nil, locale.MsgErrorf("the file is empty: want a header row with column names and one row per record")
	}
	r := csv.NewReader(strings.NewReader(text))
	r.Comma = sniffDelimiter(text)
	t := &Table{Delim: r.Comma}
	for {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		var pe *csv.ParseError
		if errors.As(err, &pe) {
			if errors.Is(pe.Err, csv.ErrFieldCount) {
				return nil, rowErr(pe.StartLine, "%d cells, but the header has %d columns (a missing or extra delimiter %q, or an unquoted delimiter inside a value)", len(rec), len(t.Header), string(r.Comma))
			}
			return nil, rowErr(pe.StartLine, "%s (a quote inside a value must be doubled, \"\", and the value quoted)", pe.Err)
		}
		if err != nil {
			return nil, err
		}
		line, _ := r.FieldPos(0)
		if t.Header == nil {
			t.Header = trimAll(rec)
			if err := checkHeader(t.Header); err != nil {
				return nil, err
			}
			continue
		}
		if len(t.Rows) >= MaxRows {
			return nil, rowErr(line, "more than %d rows, the limit for an import (a plan's list holds at most %d); split the export", MaxRows, load.MaxRows)
		}
		if err := checkCells(line, rec); err != nil {
			return nil, err
		}
		if blank(rec) {
			continue
		}
		t.Rows = append(t.Rows, Row{N: line, Cells: trimAll(rec)})
	}
	return t, nil
}

// decodeText returns the file as UTF-8 text. Bytes that are not UTF-8 are read as
// Windows-1252 (what Excel on Windows writes as "CSV"); a byte that Windows-1252 does not
// define, or a NUL, is an error naming its row.
func decodeText(data []byte) (string, error) {
	if i := bytes.IndexByte(data, 0); i >= 0 {
		return "", rowErr(1+bytes.Count(data[:i], []byte("\n")), "a NUL byte: this is not a text file (UTF-16? save the export as CSV UTF-8)")
	}
	if utf8.Valid(data) {
		return string(data), nil
	}
	// Valid UTF-8 letters beside invalid bytes: a file pasted together from two encodings.
	// Read as Windows-1252 its umlauts would turn into "Ã¼" without a word; refuse it.
	multi, bad, badLine, line := false, false, 0, 1
	for i := 0; i < len(data); {
		r, n := utf8.DecodeRune(data[i:])
		switch {
		case data[i] == '\n':
			line++
		case r == utf8.RuneError && n == 1:
			if !bad {
				bad, badLine = true, line
			}
		case n > 1:
			multi = true
		}
		i += n
	}
	if multi && bad {
		return "", rowErr(badLine, "a byte that is not UTF-8 in a file that is otherwise UTF-8 (two encodings mixed?); save the export as CSV UTF-8")
	}
	var b strings.Builder
	b.Grow(len(data) + len(data)/8)
	line = 1
	for _, c := range data {
		if c == '\n' {
			line++
		}
		if c < 0x80 {
			b.WriteByte(c)
			continue
		}
		r := cp1252[c-0x80]
		if r == 0 {
			return "", rowErr(line, "byte 0x%02X is neither UTF-8 nor Windows-1252; save the export as CSV UTF-8", c)
		}
		b.WriteRune(r)
	}
	return b.String(), nil
}

// cp1252 maps the bytes 0x80–0xFF of Windows-1252; 0 marks the five undefined bytes.
var cp1252 = func() [128]rune {
	var t [128]rune
	hi := []rune{'€', 0, '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', 0, 'Ž', 0,
		0, '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', 0, 'ž', 'Ÿ'}
	copy(t[:], hi)
	for i := 0xA0; i <= 0xFF; i++ {
		t[i-0x80] = rune(i)
	}
	return t
}()

// sniffDelimiter picks , ; or tab: the one found most often outside quotes in the header
// line (German Excel writes ;, Dynamics and Salesforce ,, some exports tab).
func sniffDelimiter(text string) rune {
	counts := map[rune]int{}
	inQuote := false
	for _, c := range text {
		if c == '"' {
			inQuote = !inQuote
			continue
		}
		if inQuote {
			continue
		}
		if c == '\n' {
			break
		}
		if c == ',' || c == ';' || c == '\t' {
			counts[c]++
		}
	}
	best := ','
	for _, c := range []rune{';', '\t'} {
		if counts[c] > counts[best] {
			best = c
		}
	}
	return best
}

func checkHeader(h []string) error {
	if len(h) > MaxColumns {
		return rowErr(1, "%d columns, more than the limit of %d", len(h), MaxColumns)
	}
	seen := map[string]bool{}
	for _, c := range h {
		if c == "" {
			continue
		}
		k := normName(c)
		if seen[k] {
			return rowErr(1, "the column %q appears twice", c)
		}
		seen[k] = true
	}
	return nil
}

func checkCells(n int, rec []string) error {
	for i, c := range rec {
		if len(c) > MaxCellBytes {
			return rowErr(n, "cell %d has %d bytes, more than the limit of %d KiB", i+1, len(c), MaxCellBytes>>10)
		}
	}
	return nil
}

func trimAll(rec []string) []string {
	out := make([]string, len(rec))
	for i, c := range rec {
		out[i] = strings.TrimSpace(c)
	}
	return out
}

func blank(rec []string) bool {
	for _, c := range rec {
		if strings.TrimSpace(c) != "" {
			return false
		}
	}
	return true
}

// readXLSX reads the first sheet's cells as text (internal/xlsx: numbers ungrouped,
// cells in a date format as 2027-03-15 in either date system). Formulas are never
// calculated: a formula cell gives the value Excel cached when it saved the file, or
// nothing.
func readXLSX(data []byte) (*Table, error) {
	f, err := xlsx.Open(data, xlsx.Limits{
		Unzipped:    maxXLSXUnzipped,
		StringBytes: MaxCellBytes * 4, // beyond MaxCellBytes, checkCells names the row
		// Every cell of the rows an import can take; the parser's time follows from it
		// (reading stops after MaxRows data rows anyway).
		Cells: (MaxRows + 1) * MaxColumns,
	})
	if err != nil {
		return nil, locale.MsgErrorf("not a readable XLSX workbook: %v", err)
	}
	sheets := f.Sheets()
	if len(sheets) == 0 {
		return nil, locale.MsgErrorf("the workbook has no sheet")
	}
	t := &Table{XLSX: true, Date1904: f.Date1904()}
	err = f.Rows(sheets[0], func(n int, cells []string) error {
		if t.Header == nil {
			if blank(cells) {
				return nil
			}
			t.Header = trimAll(cells)
			return checkHeader(t.Header)
		}
		if blank(cells) {
			return nil
		}
		if len(t.Rows) >= MaxRows {
			return rowErr(n, "more than %d rows, the limit for an import (a plan's list holds at most %d); split the export", MaxRows, load.MaxRows)
		}
		if len(cells) > len(t.Header) {
			for _, c := range cells[len(t.Header):] {
				if strings.TrimSpace(c) != "" {
					return rowErr(n, "a value beyond the header's %d columns", len(t.Header))
				}
			}
			cells = cells[:len(t.Header)]
		}
		if err := checkCells(n, cells); err != nil {
			return err
		}
		rec := trimAll(cells) // a copy: the reader reuses cells
		for len(rec) < len(t.Header) {
			rec = append(rec, "") // the reader leaves trailing empty cells out
		}
		t.Rows = append(t.Rows, Row{N: n, Cells: rec})
		return nil
	})
	if err != nil {
		var re *RowError
		if errors.As(err, &re) {
			return nil, err
		}
		return nil, locale.MsgErrorf("not a readable XLSX workbook: %v", err)
	}
	if t.Header == nil {
		return nil, locale.MsgErrorf("the first sheet (%q) is empty: want a header row with column names", sheets[0])
	}
	return t, nil
}

// normName is a column or word name compared loosely: lower case, spaces, dashes,
// underscores and dots folded away ("Last Name", "last_name", "LASTNAME" are one name).
func normName(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(strings.TrimSpace(s)) {
		switch r {
		case ' ', '_', '-', '.', '\u00a0':
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}
