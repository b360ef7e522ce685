package plan

import (
	"fmt"
	"time"
)

// Date is a calendar day without time or zone. The TOML library decodes local dates into
// time.Time values that depend on the machine's zone; Date keeps only year, month and day,
// so figures and documents are the same in every time zone.
type Date struct {
	Year  int
	Month time.Month
	Day   int
}

// UnmarshalTOML accepts only a TOML local date (2027-03-15): no time, no offset.
func (d *Date) UnmarshalTOML(v any) error {
	t, ok := v.(time.Time)
	if !ok || t.Location().String() != "date-local" {
		return fmt.Errorf("want a date like 2027-03-15 (no time, no offset, no quotes)")
	}
	*d = Date{t.Year(), t.Month(), t.Day()}
	return nil
}

// DateOf returns the calendar day of t in t's own location.
func DateOf(t time.Time) Date { return Date{t.Year(), t.Month(), t.Day()} }

// IsZero reports whether the date was not set.
func (d Date) IsZero() bool { return d == Date{} }

// Time is the date at midnight UTC, for arithmetic only.
func (d Date) Time() time.Time { return time.Date(d.Year, d.Month, d.Day, 0, 0, 0, 0, time.UTC) }

// Before reports whether d lies before e.
func (d Date) Before(e Date) bool { return d.Time().Before(e.Time()) }

// DaysUntil counts the days from d to e (negative when e lies before d).
// (Unix seconds, not time.Duration, which ends at 292 years.)
func (d Date) DaysUntil(e Date) int { return int((e.Time().Unix() - d.Time().Unix()) / 86400) }

// String formats the date as in TOML and JSON: 2027-03-15.
func (d Date) String() string { return fmt.Sprintf("%04d-%02d-%02d", d.Year, d.Month, d.Day) }

// MarshalText writes the ISO form, so dates in JSON read as in the plan.
func (d Date) MarshalText() ([]byte, error) { return []byte(d.String()), nil }
