package crm

import (
	"math"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/kepdev/kep/locale"
)

// parseNumber reads a number as CRMs and spreadsheets write it: 1234.56, 1.234,56
// (German), 1,234.56, 1 234,56, with a currency sign or code or a % around it. A lone
// separator followed by exactly three digits (1.234 or 1,234) is a thousands group when
// the file is German (semicolon-separated), else a decimal point or comma as written.
func parseNumber(s string, german bool) (float64, error) {
	orig := s
	s = strings.Map(func(r rune) rune {
		switch {
		case r == ' ' || r == '\u00a0' || r == '\u202f' || r == '\'' || r == '_':
			return -1
		case r == '%' || r == '€' || r == '$' || r == '£':
			return -1
		}
		return r
	}, s)
	for _, code := range []string{"EUR", "USD", "GBP", "CHF"} {
		s = strings.TrimPrefix(strings.TrimSuffix(s, code), code)
	}
	if s == "" {
		return 0, locale.MsgErrorf("%q is not a number", orig)
	}
	dots, commas := strings.Count(s, "."), strings.Count(s, ",")
	lastDot, lastComma := strings.LastIndex(s, "."), strings.LastIndex(s, ",")
	three := func(i int) bool { return len(s)-i-1 == 3 }
	switch {
	case dots > 0 && commas > 0:
		if lastComma > lastDot { // 1.234,56
			s = strings.ReplaceAll(s, ".", "")
			s = strings.Replace(s, ",", ".", 1)
		} else { // 1,234.56
			s = strings.ReplaceAll(s, ",", "")
		}
	case commas > 1:
		s = strings.ReplaceAll(s, ",", "")
	case dots > 1:
		s = strings.ReplaceAll(s, ".", "")
	case commas == 1:
		if three(lastComma) && !german {
			s = strings.Replace(s, ",", "", 1)
		} else {
			s = strings.Replace(s, ",", ".", 1)
		}
	case dots == 1:
		if three(lastDot) && german {
			s = strings.Replace(s, ".", "", 1)
		}
	}
	v, err := strconv.ParseFloat(s, 64)
	if err != nil || math.IsNaN(v) || math.IsInf(v, 0) || strings.ContainsAny(s, "xXpPnN") {
		return 0, locale.MsgErrorf("%q is not a number", orig)
	}
	return v, nil
}

// parseDate reads 2027-03-15 (also with a time after it, as HubSpot writes), 15.03.2027,
// slash dates in the order the mapping file names (dateOrder "DMY" or "MDY"), and in an
// XLSX an Excel serial day number (counted from 1904 when date1904: the workbook says so).
// A cell in a date format comes from the XLSX reader as 2027-03-15 already; a serial
// number reaches here when the export left a date column in General.
func parseDate(s string, xlsx, date1904 bool, dateOrder string) (time.Time, error) {
	orig := s
	if i := strings.IndexAny(s, "T "); i >= 8 {
		s = s[:i]
	}
	for _, layout := range []string{"2006-01-02", "2.1.2006", "02.01.2006"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t, nil
		}
	}
	if strings.Count(s, "/") == 2 {
		switch dateOrder {
		case "DMY":
			if t, err := time.Parse("2/1/2006", s); err == nil {
				return t, nil
			}
		case "MDY":
			if t, err := time.Parse("1/2/2006", s); err == nil {
				return t, nil
			}
		default:
			return time.Time{}, locale.MsgErrorf("%q: a date with slashes may be day/month or month/day; set date_format = \"DD/MM/YYYY\" or \"MM/DD/YYYY\" in the --map file", orig)
		}
	}
	if xlsx {
		if v, err := strconv.ParseFloat(s, 64); err == nil && v >= 1 && v < 2958466 {
			if date1904 {
				return time.Date(1904, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, int(v)), nil
			}
			// Excel's day 1 is 1900-01-01 with the phantom 1900-02-29: count from 1899-12-30.
			return time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC).AddDate(0, 0, int(v)), nil
		}
	}
	return time.Time{}, locale.MsgErrorf("%q is not a date (want 2027-03-15 or 15.03.2027)", orig)
}

// cleanText makes a cell one line of plan text: line breaks and tabs become spaces, other
// control characters go, runs of spaces shrink to one. A leading = + - @ stays: the plan
// keeps text as text and nothing in kep evaluates it (kep export writes it as a text cell).
func cleanText(s string) string {
	var b strings.Builder
	space := false
	for _, r := range s {
		if r == '\n' || r == '\r' || r == '\t' || unicode.IsSpace(r) {
			space = true
			continue
		}
		if unicode.IsControl(r) || r == '\ufeff' || (r >= '\u202a' && r <= '\u202e') || (r >= '\u2066' && r <= '\u2069') {
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		b.WriteRune(r)
	}
	return b.String()
}
