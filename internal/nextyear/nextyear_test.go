package nextyear

import "testing"

func TestNextVersion(t *testing.T) {
	for v, want := range map[string]string{
		"2027.2": "2028.1", "2027.0-draft3": "2028.0-draft1", "2027": "2028",
		"v4": "2028.1", "Plan 2027 rev 7": "Plan 2028 rev 1",
	} {
		if got := nextVersion(v, 2027, 2028); got != want {
			t.Errorf("nextVersion(%q) = %q, want %q", v, got, want)
		}
	}
}
