package plan

import (
	"testing"

	"github.com/BurntSushi/toml"
)

// Date takes only local dates, whatever the struct decoder is given.
func TestDateUnmarshal(t *testing.T) {
	var v struct{ D Date }
	if _, err := toml.Decode("D = 2027-03-15", &v); err != nil || v.D != (Date{2027, 3, 15}) {
		t.Errorf("local date: %v %v", v.D, err)
	}
	for _, src := range []string{"D = 2027-03-15T10:00:00", "D = 2027-03-15T10:00:00Z", "D = 10:00:00", `D = "2027-03-15"`, "D = 1"} {
		if _, err := toml.Decode(src, &v); err == nil {
			t.Errorf("%s: want an error", src)
		}
	}
}

func TestDateArithmetic(t *testing.T) {
	a, b := Date{1, 1, 1}, Date{9999, 12, 31}
	if n := a.DaysUntil(b); n != 3652058 {
		t.Errorf("days 0001-01-01 → 9999-12-31: %d", n)
	}
	if n := b.DaysUntil(a); n != -3652058 || !a.Before(b) || b.Before(a) {
		t.Errorf("backwards: %d", n)
	}
	if s, _ := (Date{27, 3, 5}).MarshalText(); string(s) != "0027-03-05" {
		t.Errorf("text %s", s)
	}
}
