package main

import (
	"testing"
	"time"
)

// Without SOURCE_DATE_EPOCH the as-of date is today's calendar date where the user is:
// 2027-03-01T05:00Z is still 28 February in Adak and already 1 March in Kiritimati.
func TestTodayIsLocalCalendarDate(t *testing.T) {
	instant := time.Date(2027, 3, 1, 5, 0, 0, 0, time.UTC)
	for zone, want := range map[string]string{"America/Adak": "2027-02-28", "Pacific/Kiritimati": "2027-03-01", "UTC": "2027-03-01"} {
		loc, err := time.LoadLocation(zone)
		if err != nil {
			t.Skip(err)
		}
		got := today(instant.In(loc))
		if got.Format(time.DateOnly) != want || got.Location() != time.UTC || got.Hour() != 0 {
			t.Errorf("%s: today = %v, want %s 00:00 UTC", zone, got, want)
		}
	}
}
