package load

import (
	"testing"

	"github.com/kepdev/kep/plan"
)

// The TOML library's messages for the commonest mistakes of plan authors become kep's
// words; the others only lose an initial capital.
func TestFriendlierMessages(t *testing.T) {
	for _, tc := range []struct{ msg, line, want string }{
		{`Key 'plan.id' has already been defined.`, `id = "b"`, "defined twice: a key or [table] may appear only once"},
		{`expected value but found "Anna" instead`, `owner = Anna Schmidt`, `text must be in quotes: "Anna …" (without quotes only numbers, true or false, and dates)`},
		{`expected value but found "ja" instead`, `x = ja`, `want true or false, not "ja"`},
		{`Invalid float value: "1.850.000"`, `revenue = 1.850.000`, "numbers take no thousands separators and a decimal point: 1850000 (or with underscores, 1_850_000); not 1.850.000"},
		{`Invalid float value: "15.3.2027"`, `from = 15.3.2027`, "dates are written year-month-day without quotes, like 2027-03-15; not 15.3.2027"},
		{`Invalid float "01.01.2027": cannot have leading zeroes`, `from = 01.01.2027`, "dates are written year-month-day without quotes, like 2027-01-01; not 01.01.2027"},
		{`Invalid float value: "1e"`, `x = 1e`, "not a number: 1e"},
		{`expected a top-level item to end with a newline, comment, or EOF, but got ',' instead`, `revenue = 1,5 # Mio`, "numbers take a decimal point, not a comma: 1.5"},
		{`expected a top-level item to end with a newline, comment, or EOF, but got '"' instead`, `x = "a" "b"`, `want the end of the line after the value, but got '"' instead`},
		{`expected '.' or '=', but got '"' instead`, `name "Anna"`, `want "=" between the key and its value, not """`},
		{`expected '.' or '=', but got 'ä' instead`, `ä = 1`, `a key is written with a-z, A-Z, 0-9, - and _ only, not "ä"`},
		{`Unexpected thing`, ``, `unexpected thing`},
		{`TOML files cannot contain control characters: '0x00'`, ``, `TOML files cannot contain control characters: '0x00'`},
	} {
		if got := friendlier(tc.msg, tc.line).String(); got != tc.want {
			t.Errorf("friendlier(%q)\n got %q\nwant %q", tc.msg, got, tc.want)
		}
	}
}

func TestLineAt(t *testing.T) {
	src := []byte("a\r\nbb\n\nlast")
	for n, want := range map[int]string{0: "", 1: "a", 2: "bb", 3: "", 4: "last", 5: ""} {
		if got := lineAt(src, n); got != want {
			t.Errorf("lineAt(%d) = %q, want %q", n, got, want)
		}
	}
}

// A table header without its "]" is reported on its own line, not the next one the
// parser has already read into.
func TestUnclosedTableHeaderLine(t *testing.T) {
	src := []byte("format = 1\n[plan\naccount = \"x\"\n")
	d := plan.Diagnostic{Line: 3, Col: 6, Message: `expected '.' or ']' to end table name, but got '\n' instead`}
	friendlierDiag(&d, src)
	if d.Line != 2 || d.Col != 6 || d.Message != "a [table] header needs its closing ]" {
		t.Errorf("got %d:%d %q", d.Line, d.Col, d.Message)
	}
}
