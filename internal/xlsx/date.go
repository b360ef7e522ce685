package xlsx

import (
	"math"
	"strings"
	"time"
)

var (
	epoch1900 = time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC) // day 0 counted back over the phantom 1900-02-29
	epoch1904 = time.Date(1904, 1, 1, 0, 0, 0, 0, time.UTC)
	leapBug   = time.Date(1900, 3, 1, 0, 0, 0, 0, time.UTC) // serial 61; before it, days run one behind
	lastDay   = time.Date(9999, 12, 31, 0, 0, 0, 0, time.UTC)
)

// Serial is t as an Excel date in the 1900 date system (the one Write uses): days since
// 1899-12-30, the time of day as the fraction. Before 1900-03-01 Excel counts the 29th of
// February 1900 that never was, so those dates are one day lower.
func Serial(t time.Time) float64 {
	t = t.UTC()
	d := float64(t.Sub(epoch1900)) / float64(24*time.Hour)
	if t.Before(leapBug) {
		d--
	}
	return d
}

// fromSerial is the time of an Excel serial number; ok is false where Excel shows no date
// (negative, the phantom 1900-02-29 and day 0 of the 1900 system, beyond 9999-12-31).
func fromSerial(v float64, date1904 bool) (t time.Time, ok bool) {
	if math.IsNaN(v) || v < 0 || v > 2958466 {
		return time.Time{}, false
	}
	days := math.Floor(v)
	// Whole seconds, as Excel shows them; 23:59:59.6 rounds into the next day.
	secs := math.Round((v - days) * 86400)
	base := epoch1904
	if !date1904 {
		switch {
		case days < 1 || days == 60:
			return time.Time{}, false
		case days < 60:
			base = epoch1900.AddDate(0, 0, 1)
		default:
			base = epoch1900
		}
	}
	t = base.AddDate(0, 0, int(days)).Add(time.Duration(secs) * time.Second)
	if t.After(lastDay.Add(24*time.Hour - time.Second)) {
		return time.Time{}, false
	}
	return t, true
}

// formatDateTime is how the reader gives a date cell: 2027-03-15, or with its time
// 2027-03-15T08:30:00 when it has one.
func formatDateTime(t time.Time) string {
	if t.Hour() == 0 && t.Minute() == 0 && t.Second() == 0 {
		return t.Format("2006-01-02")
	}
	return t.Format("2006-01-02T15:04:05")
}

// builtinDateFormat tells the built-in number formats that show a date: 14–17 and 22 in
// every locale, 27–36 and 50–58 the East Asian date formats. 18–21 and 45–47 are times of
// day or durations, which stay numbers.
func builtinDateFormat(id int) bool {
	return (id >= 14 && id <= 17) || id == 22 || (id >= 27 && id <= 36) || (id >= 50 && id <= 58)
}

// isDateFormat tells a custom number format code that shows a date: its first section
// has a day, month or year once literal text ("…", \x), fill and padding (*x, _x) and
// bracketed parts ([Red], [$-407], [h]) are taken out. An m beside h or s is minutes;
// a format of times only (h:mm, [mm]:ss) is a number.
func isDateFormat(code string) bool {
	var b strings.Builder
	for i := 0; i < len(code); i++ {
		c := code[i]
		switch c {
		case ';':
			i = len(code)
			continue
		case '"':
			j := strings.IndexByte(code[i+1:], '"')
			if j < 0 {
				return false
			}
			i += j + 1
			continue
		case '\\', '*', '_':
			i++
			continue
		case '[':
			j := strings.IndexByte(code[i:], ']')
			if j < 0 {
				return false
			}
			i += j
			continue
		}
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		b.WriteByte(c)
	}
	s := b.String()
	if s == "general" {
		return false
	}
	if strings.ContainsAny(s, "dy") {
		return true
	}
	return strings.ContainsRune(s, 'm') && !strings.ContainsAny(s, "hs")
}
