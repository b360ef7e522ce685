package xlsx

import (
	"archive/zip"
	"bytes"
	"encoding/binary"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"math"
	"path"
	"strconv"
	"strings"
	"time"
)

// Limits bound what a workbook may cost to read. A zero field takes the default.
type Limits struct {
	Entries       int   // zip entries (default 10,000)
	Unzipped      int64 // bytes inflated from all parts read together (default 200 MiB)
	Depth         int   // XML element nesting (default 64)
	Cells         int   // cells (c elements) in the sheet read (default 5,000,000)
	Elements      int   // XML elements in all parts read together: the parser's time (default 4 × Cells)
	SharedStrings int   // entries of the shared-string table (default 1,000,000)
	StringBytes   int   // bytes of one cell's or shared string's text (default 1 MiB)
	Styles        int   // cell formats (default 65,536)
}

func (l Limits) withDefaults() Limits {
	def := func(v *int, d int) {
		if *v <= 0 {
			*v = d
		}
	}
	def(&l.Entries, 10_000)
	def(&l.Depth, 64)
	def(&l.Cells, 5_000_000)
	def(&l.Elements, 4*l.Cells) // a cell, its value and an inline string's is and t
	def(&l.SharedStrings, 1_000_000)
	def(&l.StringBytes, 1<<20)
	def(&l.Styles, 65_536)
	if l.Unzipped <= 0 {
		l.Unzipped = 200 << 20
	}
	return l
}

// File is a workbook opened for reading.
type File struct {
	lim      Limits
	parts    map[string]*zip.File // by lower-case name: OPC part names ignore case
	budget   int64                // bytes still allowed to inflate
	elements int                  // XML elements still allowed to parse
	sheets   []sheetRef
	date1904 bool
	strings  []string
	dateXF   []bool // per cell format: a number in it is a date
}

type sheetRef struct{ name, part string }

// Open reads a workbook's structure, shared strings and formats. Nothing in data is
// trusted: sizes are checked as they inflate, not taken from the zip's headers.
func Open(data []byte, lim Limits) (*File, error) {
	lim = lim.withDefaults()
	if n, ok := zipEntries(data); ok && n > lim.Entries {
		return nil, fmt.Errorf("%d zip entries, more than the limit of %d", n, lim.Entries)
	}
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, fmt.Errorf("not a zip file: %v", err)
	}
	if len(zr.File) > lim.Entries {
		return nil, fmt.Errorf("%d zip entries, more than the limit of %d", len(zr.File), lim.Entries)
	}
	f := &File{lim: lim, parts: map[string]*zip.File{}, budget: lim.Unzipped, elements: lim.Elements}
	for _, zf := range zr.File {
		k := strings.ToLower(strings.TrimPrefix(zf.Name, "/"))
		if _, dup := f.parts[k]; !dup {
			f.parts[k] = zf
		}
	}
	wbPart := "xl/workbook.xml"
	rels, err := f.rels("_rels/.rels", "")
	if err != nil {
		return nil, err
	}
	if t := rels.byType("/officeDocument"); t != "" {
		wbPart = t
	}
	if err := f.readWorkbook(wbPart); err != nil {
		return nil, err
	}
	return f, nil
}

// zipEntries reads the entry count from the end-of-central-directory record, so that a
// directory of millions of entries is refused before archive/zip allocates for each.
func zipEntries(data []byte) (int, bool) {
	const eocd = 22
	if len(data) < eocd {
		return 0, false
	}
	from := max(0, len(data)-eocd-65535)
	i := bytes.LastIndex(data[from:], []byte("PK\x05\x06"))
	if i < 0 || from+i+eocd > len(data) {
		return 0, false
	}
	n := binary.LittleEndian.Uint16(data[from+i+10:])
	return int(n), n != 0xFFFF // 0xFFFF: the count is in the zip64 record
}

// Sheets is the names of the sheets in the workbook's order.
func (f *File) Sheets() []string {
	names := make([]string, len(f.sheets))
	for i, s := range f.sheets {
		names[i] = s.name
	}
	return names
}

// Date1904 tells whether the workbook counts dates from 1904 (old Excel for Mac).
func (f *File) Date1904() bool { return f.date1904 }

// open opens a part for reading, charging what it inflates to the budget.
func (f *File) open(name string) (io.ReadCloser, error) {
	zf := f.parts[strings.ToLower(name)]
	if zf == nil {
		return nil, fmt.Errorf("the part %s is missing", name)
	}
	if zf.UncompressedSize64 > uint64(f.budget) {
		return nil, f.tooBig(name)
	}
	rc, err := zf.Open()
	if err != nil {
		return nil, fmt.Errorf("%s: %v", name, err)
	}
	// A text may be escaped (&quot; is 6 bytes for 1) and a tag carries attributes.
	return &budgetReader{rc: rc, f: f, name: name, maxRun: 8*f.lim.StringBytes + 64<<10}, nil
}

func (f *File) tooBig(name string) error {
	return fmt.Errorf("%s: the unpacked size exceeds the limit of %d MiB for the whole workbook (a zip bomb?)", name, f.lim.Unzipped>>20)
}

// budgetReader charges what a part inflates to the workbook's budget, and bounds the run
// of bytes between two angle brackets: encoding/xml holds a whole text or tag in memory
// before anything can look at its length, so 190 MiB of blanks between two elements
// would cost as much memory (and half a minute) while being no cell at all.
type budgetReader struct {
	rc     io.ReadCloser
	f      *File
	name   string
	run    int // bytes since the last < or >
	maxRun int
}

func (b *budgetReader) Read(p []byte) (int, error) {
	if b.f.budget <= 0 {
		// One byte more tells a part that ends exactly at the limit from one that goes on.
		var one [1]byte
		if n, _ := b.rc.Read(one[:]); n > 0 {
			return 0, b.f.tooBig(b.name)
		}
	}
	if int64(len(p)) > b.f.budget+1 {
		p = p[:b.f.budget+1]
	}
	n, err := b.rc.Read(p)
	b.f.budget -= int64(n)
	if b.f.budget < 0 {
		return 0, b.f.tooBig(b.name)
	}
	// A run within this chunk is shorter than the chunk; only a run across chunks can
	// pass the limit, which is far above a chunk (32 KiB at most from encoding/xml).
	first := bytes.IndexAny(p[:n], "<>")
	if first < 0 {
		b.run += n
	} else {
		b.run += first
	}
	if b.run > b.maxRun {
		return 0, fmt.Errorf("%s: a text or tag of more than %d KiB", b.name, b.maxRun>>10)
	}
	if first >= 0 {
		b.run = n - 1 - bytes.LastIndexAny(p[:n], "<>")
	}
	return n, err
}

func (b *budgetReader) Close() error { return b.rc.Close() }

// decoder walks one part's elements, keeping the nesting within the limit.
type decoder struct {
	d       *xml.Decoder
	depth   int
	f       *File
	name    string
	charset string // an encoding the part declares other than UTF-8
}

func (f *File) decoder(r io.Reader, name string) *decoder {
	d := xml.NewDecoder(r)
	dec := &decoder{d: d, f: f, name: name}
	d.CharsetReader = func(label string, _ io.Reader) (io.Reader, error) {
		dec.charset = label
		return nil, errors.New("unsupported")
	}
	return dec
}

// next returns the next start or end element or text; io.EOF at the end of the part.
func (d *decoder) next() (xml.Token, error) {
	for {
		tok, err := d.d.Token()
		if err != nil {
			if err == io.EOF {
				return nil, io.EOF // encoding/xml reports unclosed elements as a syntax error
			}
			if d.charset != "" {
				return nil, fmt.Errorf("%s: the encoding %q is not supported (want UTF-8)", d.name, d.charset)
			}
			var se *xml.SyntaxError
			if errors.As(err, &se) {
				return nil, fmt.Errorf("%s: line %d: %s", d.name, se.Line, se.Msg)
			}
			return nil, err // from budgetReader or CharsetReader, naming the part already
		}
		switch t := tok.(type) {
		case xml.StartElement:
			d.depth++
			if d.depth > d.f.lim.Depth {
				return nil, fmt.Errorf("%s: elements nested more than %d deep", d.name, d.f.lim.Depth)
			}
			if d.f.elements--; d.f.elements < 0 {
				return nil, fmt.Errorf("%s: more than %d XML elements in the workbook", d.name, d.f.lim.Elements)
			}
			return t, nil
		case xml.EndElement:
			d.depth--
			return t, nil
		case xml.CharData:
			return t, nil
		}
	}
}

// skip passes over the rest of the element just started.
func (d *decoder) skip() error {
	for end := d.depth - 1; d.depth > end; {
		if _, err := d.next(); err != nil {
			return err
		}
	}
	return nil
}

// text is the text of the element just started, up to its end. Plain (v, t): all its
// text. Rich (si, is): only the text of its t elements, directly or in runs (r), so that
// the phonetic guide (rPh, the furigana of Japanese text), run properties and the
// white space between elements are left out.
func (d *decoder) text(limit int, rich bool) (string, error) {
	var b []byte
	start := d.depth
	tDepth, skipTo := -1, -1
	for {
		tok, err := d.next()
		if err != nil {
			return "", err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch {
			case skipTo >= 0:
			case t.Name.Local == "t":
				tDepth = d.depth
			case t.Name.Local != "r":
				skipTo = d.depth - 1
			}
		case xml.EndElement:
			if d.depth < start {
				return string(b), nil
			}
			if d.depth < tDepth {
				tDepth = -1
			}
			if skipTo >= 0 && d.depth <= skipTo {
				skipTo = -1
			}
		case xml.CharData:
			if rich && (skipTo >= 0 || d.depth != tDepth) || !rich && d.depth != start {
				continue
			}
			if len(b)+len(t) > limit {
				return "", fmt.Errorf("a text of more than %d bytes", limit)
			}
			b = append(b, t...)
		}
	}
}

func attr(se xml.StartElement, local string) string {
	for _, a := range se.Attr {
		if a.Name.Local == local && (a.Name.Space == "" || strings.HasSuffix(a.Name.Space, "relationships")) {
			return a.Value
		}
	}
	return ""
}

// relID is the r:id attribute (in the transitional or the strict namespace).
func relID(se xml.StartElement) string {
	for _, a := range se.Attr {
		if a.Name.Local == "id" && strings.HasSuffix(a.Name.Space, "relationships") {
			return a.Value
		}
	}
	return ""
}

type relList []struct{ id, typ, target string }

func (r relList) byType(suffix string) string {
	for _, x := range r {
		if strings.HasSuffix(x.typ, suffix) {
			return x.target
		}
	}
	return ""
}

// rels reads a relationships part; targets are resolved against base's folder. A
// missing part is no relationships.
func (f *File) rels(name, base string) (relList, error) {
	if f.parts[strings.ToLower(name)] == nil {
		return nil, nil
	}
	rc, err := f.open(name)
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	d := f.decoder(rc, name)
	var out relList
	for {
		tok, err := d.next()
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			return nil, err
		}
		se, ok := tok.(xml.StartElement)
		if !ok || se.Name.Local != "Relationship" || attr(se, "TargetMode") == "External" {
			continue
		}
		if len(out) >= f.lim.Entries {
			return nil, fmt.Errorf("%s: more than %d relationships", name, f.lim.Entries)
		}
		t := attr(se, "Target")
		if strings.HasPrefix(t, "/") {
			t = t[1:]
		} else {
			t = path.Join(path.Dir(base), t)
		}
		out = append(out, struct{ id, typ, target string }{attr(se, "Id"), attr(se, "Type"), t})
	}
}

func (f *File) readWorkbook(name string) error {
	rc, err := f.open(name)
	if err != nil {
		return err
	}
	defer rc.Close()
	d := f.decoder(rc, name)
	type sh struct{ name, rid string }
	var list []sh
	for {
		tok, err := d.next()
		if err == io.EOF {
			break
		}
		if err != nil {
			return err
		}
		se, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		switch se.Name.Local {
		case "workbookPr":
			v := attr(se, "date1904")
			f.date1904 = v == "1" || v == "true"
		case "sheet":
			if len(list) >= f.lim.Entries {
				return fmt.Errorf("%s: more than %d sheets", name, f.lim.Entries)
			}
			list = append(list, sh{attr(se, "name"), relID(se)})
		}
	}
	rels, err := f.rels(path.Join(path.Dir(name), "_rels", path.Base(name)+".rels"), name)
	if err != nil {
		return err
	}
	for _, s := range list {
		part := ""
		for _, r := range rels {
			if r.id == s.rid {
				part = r.target
			}
		}
		f.sheets = append(f.sheets, sheetRef{s.name, part})
	}
	if p := rels.byType("/sharedStrings"); p != "" && f.parts[strings.ToLower(p)] != nil {
		if err := f.readStrings(p); err != nil {
			return err
		}
	}
	if p := rels.byType("/styles"); p != "" && f.parts[strings.ToLower(p)] != nil {
		if err := f.readStyles(p); err != nil {
			return err
		}
	}
	return nil
}

func (f *File) readStrings(name string) error {
	rc, err := f.open(name)
	if err != nil {
		return err
	}
	defer rc.Close()
	d := f.decoder(rc, name)
	for {
		tok, err := d.next()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
		if se, ok := tok.(xml.StartElement); ok && se.Name.Local == "si" {
			if len(f.strings) >= f.lim.SharedStrings {
				return fmt.Errorf("%s: more than %d shared strings", name, f.lim.SharedStrings)
			}
			s, err := d.text(f.lim.StringBytes, true)
			if err != nil {
				return fmt.Errorf("%s: string %d: %w", name, len(f.strings), err)
			}
			f.strings = append(f.strings, unescape(s))
		}
	}
}

// readStyles notes which cell formats show dates.
func (f *File) readStyles(name string) error {
	rc, err := f.open(name)
	if err != nil {
		return err
	}
	defer rc.Close()
	d := f.decoder(rc, name)
	custom := map[int]bool{}
	inXfs := false
	for {
		tok, err := d.next()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "numFmt":
				if len(custom) >= f.lim.Styles {
					return fmt.Errorf("%s: more than %d number formats", name, f.lim.Styles)
				}
				if id, err := strconv.Atoi(attr(t, "numFmtId")); err == nil {
					custom[id] = isDateFormat(attr(t, "formatCode"))
				}
			case "cellXfs":
				inXfs = true
			case "xf":
				if !inXfs {
					continue
				}
				if len(f.dateXF) >= f.lim.Styles {
					return fmt.Errorf("%s: more than %d cell formats", name, f.lim.Styles)
				}
				id, _ := strconv.Atoi(attr(t, "numFmtId"))
				isDate, ok := custom[id]
				if !ok {
					isDate = builtinDateFormat(id)
				}
				f.dateXF = append(f.dateXF, isDate)
			}
		case xml.EndElement:
			if t.Name.Local == "cellXfs" {
				inXfs = false
			}
		}
	}
}

// unescape turns Excel's _xHHHH_ back into the character (_x005F_ into _).
func unescape(s string) string {
	if !strings.Contains(s, "_x") {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		if isEscape(s[i:]) {
			v, _ := strconv.ParseUint(s[i+2:i+6], 16, 32)
			b.WriteRune(rune(v))
			i += 7
			continue
		}
		b.WriteByte(s[i])
		i++
	}
	return b.String()
}

// Rows calls fn for each row of the sheet that has a value, in order, with its 1-based
// row number and its cells as text, cells[0] being column A; trailing empty cells are
// left off, and fn must not keep cells beyond the call. An error from fn stops the
// reading and is returned as it is.
//
// A cell's text: a string as written; a number in Excel's 15 significant digits without
// grouping (0.125, 2400000); a number in a date format as 2027-03-15 (with T08:30:00 when
// it has a time of day), in the workbook's date system; TRUE or FALSE; an error as Excel
// shows it (#N/A). A formula is never calculated: its cell gives the value Excel saved
// with it, or nothing.
func (f *File) Rows(sheet string, fn func(row int, cells []string) error) error {
	part := ""
	found := false
	for _, s := range f.sheets {
		if s.name == sheet {
			part, found = s.part, true
			break
		}
	}
	if !found {
		return fmt.Errorf("no sheet %q", sheet)
	}
	if part == "" || f.parts[strings.ToLower(part)] == nil {
		return fmt.Errorf("sheet %q: its part is missing", sheet)
	}
	rc, err := f.open(part)
	if err != nil {
		return fmt.Errorf("sheet %q: %w", sheet, err)
	}
	defer rc.Close()
	sr := &sheetReader{f: f, d: f.decoder(rc, part), fn: fn}
	if err := sr.read(); err != nil {
		if _, ok := err.(callbackError); ok {
			return err.(callbackError).err
		}
		return fmt.Errorf("sheet %q: %w", sheet, err)
	}
	return nil
}

type callbackError struct{ err error }

func (e callbackError) Error() string { return e.err.Error() }

type sheetReader struct {
	f      *File
	d      *decoder
	fn     func(int, []string) error
	cells  []string
	row    int // the current row's number, 0 before the first
	col    int // the last cell's column in the row
	nCells int
}

func (r *sheetReader) read() error {
	inData := false
	for {
		tok, err := r.d.next()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch {
			case t.Name.Local == "sheetData":
				inData = true
			case inData && t.Name.Local == "row":
				if err := r.startRow(t); err != nil {
					return err
				}
			case inData && t.Name.Local == "c":
				if err := r.cell(t); err != nil {
					return err
				}
			}
		case xml.EndElement:
			switch t.Name.Local {
			case "sheetData":
				return nil // what follows (filters, page setup, extensions) holds no cell
			case "row":
				if inData {
					if err := r.endRow(); err != nil {
						return err
					}
				}
			}
		}
	}
}

func (r *sheetReader) startRow(se xml.StartElement) error {
	n := r.row + 1
	if n > MaxSheetRows {
		return fmt.Errorf("more than %d rows", MaxSheetRows)
	}
	if v := attr(se, "r"); v != "" {
		var err error
		if n, err = strconv.Atoi(v); err != nil || n < 1 || n > MaxSheetRows {
			return fmt.Errorf("row %q is not a row number", v)
		}
		if n <= r.row {
			return fmt.Errorf("row %d after row %d: rows out of order", n, r.row)
		}
	}
	r.row, r.col, r.cells = n, 0, r.cells[:0]
	return nil
}

func (r *sheetReader) endRow() error {
	for len(r.cells) > 0 && r.cells[len(r.cells)-1] == "" {
		r.cells = r.cells[:len(r.cells)-1]
	}
	if len(r.cells) == 0 {
		return nil
	}
	if err := r.fn(r.row, r.cells); err != nil {
		return callbackError{err}
	}
	return nil
}

// cell reads one c element and puts its text into the row.
func (r *sheetReader) cell(se xml.StartElement) error {
	if r.row == 0 {
		return errors.New("a cell outside a row")
	}
	col := r.col + 1
	ref := attr(se, "r")
	if ref != "" {
		c, row, err := parseRef(ref, false)
		if err != nil {
			return fmt.Errorf("row %d: %w", r.row, err)
		}
		if row != r.row {
			return fmt.Errorf("cell %s in row %d", ref, r.row)
		}
		if c <= r.col {
			return fmt.Errorf("cell %s: cells out of order", ref)
		}
		col = c
	} else if col > MaxSheetCols {
		return fmt.Errorf("row %d: more than %d cells", r.row, MaxSheetCols)
	}
	if r.nCells++; r.nCells > r.f.lim.Cells {
		return fmt.Errorf("cell %s: more than %d cells", CellName(col, r.row), r.f.lim.Cells)
	}
	r.col = col
	name := func() string { return CellName(col, r.row) }
	typ, style := attr(se, "t"), attr(se, "s")
	var v, inline string
	hasV, hasInline := false, false
	start := r.d.depth
	for {
		tok, err := r.d.next()
		if err != nil {
			return fmt.Errorf("cell %s: %w", name(), err)
		}
		if _, ok := tok.(xml.EndElement); ok && r.d.depth < start {
			break
		}
		inner, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		switch inner.Name.Local {
		case "v":
			if v, err = r.d.text(r.f.lim.StringBytes, false); err != nil {
				return fmt.Errorf("cell %s: %w", name(), err)
			}
			hasV = true
		case "is":
			if inline, err = r.d.text(r.f.lim.StringBytes, true); err != nil {
				return fmt.Errorf("cell %s: %w", name(), err)
			}
			hasInline = true
		default: // f (the formula, never used), extLst
			if err := r.d.skip(); err != nil {
				return fmt.Errorf("cell %s: %w", name(), err)
			}
		}
	}
	if !hasV && !hasInline {
		return nil
	}
	text, err := r.value(typ, style, v, inline, hasInline)
	if err != nil {
		return fmt.Errorf("cell %s: %w", name(), err)
	}
	if text == "" {
		return nil
	}
	for len(r.cells) < col {
		r.cells = append(r.cells, "")
	}
	r.cells[col-1] = text
	return nil
}

func (r *sheetReader) value(typ, style, v, inline string, hasInline bool) (string, error) {
	switch typ {
	case "s":
		i, err := strconv.Atoi(strings.TrimSpace(v))
		if err != nil || i < 0 || i >= len(r.f.strings) {
			return "", fmt.Errorf("shared string %q does not exist (the workbook has %d)", v, len(r.f.strings))
		}
		return r.f.strings[i], nil
	case "inlineStr":
		if hasInline {
			return unescape(inline), nil
		}
		return unescape(v), nil
	case "str", "e":
		return unescape(v), nil
	case "b":
		switch strings.TrimSpace(v) {
		case "1", "true":
			return "TRUE", nil
		case "0", "false":
			return "FALSE", nil
		}
		return "", fmt.Errorf("%q is not a boolean", v)
	case "d":
		return isoDate(v)
	case "", "n":
		v = strings.TrimSpace(v)
		if v == "" {
			return "", nil
		}
		x, err := strconv.ParseFloat(v, 64)
		if err != nil || math.IsInf(x, 0) || math.IsNaN(x) {
			return "", fmt.Errorf("%q is not a number", v)
		}
		if r.isDate(style) {
			if t, ok := fromSerial(x, r.f.date1904); ok {
				return formatDateTime(t), nil
			}
		}
		return formatNumber(x), nil
	}
	return "", fmt.Errorf("unknown cell type %q", typ)
}

func (r *sheetReader) isDate(style string) bool {
	if style == "" {
		return false
	}
	i, err := strconv.Atoi(style)
	return err == nil && i >= 0 && i < len(r.f.dateXF) && r.f.dateXF[i]
}

// formatNumber is a stored number as Excel shows it in General, ungrouped: 15 significant
// digits, so that 0.1+0.2 stored as 0.30000000000000004 reads 0.3.
func formatNumber(x float64) string {
	x, _ = strconv.ParseFloat(strconv.FormatFloat(x, 'g', 15, 64), 64)
	if a := math.Abs(x); a != 0 && (a < 1e-9 || a >= 1e21) {
		return strconv.FormatFloat(x, 'E', -1, 64)
	}
	if x == 0 {
		return "0"
	}
	return strconv.FormatFloat(x, 'f', -1, 64)
}

// isoDate reads a t="d" cell (ISO 8601, as strict OOXML and some writers store dates).
func isoDate(v string) (string, error) {
	v = strings.TrimSpace(v)
	for _, layout := range []string{"2006-01-02T15:04:05.999999999Z07:00", "2006-01-02T15:04:05.999999999", "2006-01-02T15:04", "2006-01-02", "15:04:05"} {
		if t, err := time.Parse(layout, v); err == nil {
			if layout == "15:04:05" {
				return v, nil
			}
			return formatDateTime(t), nil
		}
	}
	return "", fmt.Errorf("%q is not an ISO 8601 date", v)
}
