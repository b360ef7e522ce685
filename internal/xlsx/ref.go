package xlsx

import (
	"fmt"
	"strconv"
)

// Excel's own bounds of a sheet.
const (
	MaxSheetRows = 1 << 20 // 1,048,576
	MaxSheetCols = 1 << 14 // 16,384, column XFD
)

// ColName is the letters of the 1-based column col: 1 → A, 27 → AA.
func ColName(col int) string {
	var b [4]byte
	i := len(b)
	for col > 0 && i > 0 {
		col--
		i--
		b[i] = byte('A' + col%26)
		col /= 26
	}
	return string(b[i:])
}

// CellName is the reference of a cell, both 1-based: (3, 7) → C7.
func CellName(col, row int) string { return ColName(col) + strconv.Itoa(row) }

// parseRef splits a cell reference such as C7 or $C$7 into its 1-based column and row.
// The row may be missing (a column reference, C) when rowOptional is set; then it is 0.
func parseRef(ref string, rowOptional bool) (col, row int, err error) {
	s := ref
	if len(s) > 0 && s[0] == '$' {
		s = s[1:]
	}
	i := 0
	for i < len(s) && i < 4 {
		c := s[i]
		if c >= 'a' && c <= 'z' {
			c -= 'a' - 'A'
		}
		if c < 'A' || c > 'Z' {
			break
		}
		col = col*26 + int(c-'A'+1)
		i++
	}
	if i == 0 || col > MaxSheetCols {
		return 0, 0, fmt.Errorf("%q is not a cell reference", ref)
	}
	s = s[i:]
	if len(s) > 0 && s[0] == '$' {
		s = s[1:]
	}
	if s == "" && rowOptional {
		return col, 0, nil
	}
	if s == "" || len(s) > 7 || s[0] == '0' {
		return 0, 0, fmt.Errorf("%q is not a cell reference", ref)
	}
	for _, c := range []byte(s) {
		if c < '0' || c > '9' {
			return 0, 0, fmt.Errorf("%q is not a cell reference", ref)
		}
		row = row*10 + int(c-'0')
	}
	if row > MaxSheetRows {
		return 0, 0, fmt.Errorf("%q is not a cell reference (Excel's last row is %d)", ref, MaxSheetRows)
	}
	return col, row, nil
}
