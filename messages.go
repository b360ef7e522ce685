package kep

import (
	"regexp"
	"strings"
	"sync"
)

// The TOML library's messages are written for programmers ("expected a top-level item
// to end with a newline, comment, or EOF, but got ',' instead"). friendlier rewrites
// those for the mistakes plan authors make most — German number and date formats, text
// without quotes, a key or table given twice — in the words of kep's other messages,
// and starts every other one in lower case like the rest. The position stays the
// library's. Decisions: docs/format-decisions.md.

// msgPatterns are compiled on the first syntax error, not at start-up.
var msgPatterns = sync.OnceValue(func() (p struct{ definedTwice, bareWord, badFloat, lineKey, germanDate, thousands, commaDecimal, keyThenWhat *regexp.Regexp }) {
	p.definedTwice = regexp.MustCompile(`^Key '(.*)' has already been defined\.$`)
	p.bareWord = regexp.MustCompile(`^expected value but found "(.*)" instead$`)
	p.badFloat = regexp.MustCompile(`^(?:Invalid float value: "(.*)"|(?i:invalid float) "([^"]*)".*)$`)
	p.lineKey = regexp.MustCompile(`^\s*([A-Za-z0-9_-]+)\s*=`)
	p.germanDate = regexp.MustCompile(`^(\d{1,2})\.(\d{1,2})\.(\d{4})$`)
	p.thousands = regexp.MustCompile(`^[-+]?\d{1,3}(\.\d{3})+(,\d+)?$`)
	p.commaDecimal = regexp.MustCompile(`=\s*([-+]?\d+),(\d+)\s*(#.*)?$`)
	p.keyThenWhat = regexp.MustCompile(`^expected '\.' or '=', but got '(.+)' instead$`)
	return p
})

// friendlierDiag rewrites d, a TOML syntax error, with friendlier; src is the file.
// A key given twice is named in the key path where the library left that empty (a
// table given twice).
func friendlierDiag(d *Diagnostic, src []byte) {
	re := msgPatterns()
	line := lineAt(src, d.Line)
	if d.Message == `expected '.' or ']' to end table name, but got '\n' instead` && d.Line > 1 {
		// The library has read the line break, and points into the next line; the
		// header that lacks its "]" is the line before.
		d.Line--
		d.Col = len(lineAt(src, d.Line)) + 1
		d.Message = "a [table] header needs its closing ]"
		return
	}
	if m := re.definedTwice.FindStringSubmatch(d.Message); m != nil && d.Path == "" {
		d.Path = m[1]
	}
	if strings.HasPrefix(d.Message, "expected a top-level item to end") {
		// The library names the table; the key is on the line.
		if m := re.lineKey.FindStringSubmatch(line); m != nil {
			d.Path = strings.TrimPrefix(d.Path+"."+m[1], ".")
		}
	}
	d.Message = friendlier(d.Message, line)
}

// friendlier returns the message for a TOML syntax error; line is the text of the line
// the library points at ("" if unknown).
func friendlier(msg, line string) string {
	re := msgPatterns()
	if re.definedTwice.MatchString(msg) {
		return "defined twice: a key or [table] may appear only once"
	}
	if m := re.bareWord.FindStringSubmatch(msg); m != nil {
		switch strings.ToLower(m[1]) {
		case "yes", "no", "ja", "nein", "wahr", "falsch", "tru", "fals", "ture":
			return "want true or false, not " + quote(m[1])
		}
		return "text must be in quotes: \"" + m[1] + " …\" (without quotes only numbers, true or false, and dates)"
	}
	if m := re.badFloat.FindStringSubmatch(msg); m != nil {
		v := m[1] + m[2]
		if d := re.germanDate.FindStringSubmatch(v); d != nil {
			return "dates are written year-month-day without quotes, like " + d[3] + "-" + pad2(d[2]) + "-" + pad2(d[1]) + "; not " + v
		}
		if re.thousands.MatchString(v) {
			plain := strings.ReplaceAll(v, ".", "")
			plain = strings.Replace(plain, ",", ".", 1)
			return "numbers take no thousands separators and a decimal point: " + plain + " (or with underscores, " + strings.ReplaceAll(v, ".", "_") + "); not " + v
		}
		return "not a number: " + v
	}
	if m := re.keyThenWhat.FindStringSubmatch(msg); m != nil {
		if r := []rune(m[1]); len(r) == 1 && r[0] > 127 {
			return "a key is written with a-z, A-Z, 0-9, - and _ only, not " + quote(m[1])
		}
		return "want \"=\" between the key and its value, not " + quote(m[1])
	}
	if strings.HasPrefix(msg, "expected a top-level item to end with a newline") {
		if m := re.commaDecimal.FindStringSubmatch(line); m != nil {
			return "numbers take a decimal point, not a comma: " + m[1] + "." + m[2]
		}
		return "want the end of the line after the value" + strings.TrimPrefix(msg, "expected a top-level item to end with a newline, comment, or EOF")
	}
	return lowerFirst(msg)
}

func quote(s string) string { return "\"" + s + "\"" }

func pad2(s string) string {
	if len(s) == 1 {
		return "0" + s
	}
	return s
}

// lowerFirst lower-cases an initial capital unless the word is an acronym (TOML, UTF-8).
func lowerFirst(s string) string {
	if len(s) < 2 || s[0] < 'A' || s[0] > 'Z' || (s[1] >= 'A' && s[1] <= 'Z') {
		return s
	}
	return string(s[0]+'a'-'A') + s[1:]
}

// lineAt returns line n (from 1) of src without its line break, "" if there is none.
func lineAt(src []byte, n int) string {
	for i := 1; n > 0 && len(src) > 0; i++ {
		end := len(src)
		for j, c := range src {
			if c == '\n' {
				end = j
				break
			}
		}
		if i == n {
			return strings.TrimSuffix(string(src[:end]), "\r")
		}
		if end == len(src) {
			break
		}
		src = src[end+1:]
	}
	return ""
}
