package kep

import (
	"fmt"
	"regexp"
	"strconv"
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
		d.Message = msgHeaderUnclosed()
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
		return msgTwice(0)
	}
	if m := re.bareWord.FindStringSubmatch(msg); m != nil {
		switch strings.ToLower(m[1]) {
		case "yes", "no", "ja", "nein", "wahr", "falsch", "tru", "fals", "ture":
			return msgBoolWord(m[1])
		}
		return msgBareText(m[1] + " …")
	}
	if m := re.badFloat.FindStringSubmatch(msg); m != nil {
		v := m[1] + m[2]
		if d := re.germanDate.FindStringSubmatch(v); d != nil {
			return msgGermanDate(d[1], d[2], d[3], v)
		}
		if re.thousands.MatchString(v) {
			return msgThousandsDots(v)
		}
		return "not a number: " + v
	}
	if m := re.keyThenWhat.FindStringSubmatch(msg); m != nil {
		if r := []rune(m[1]); len(r) == 1 && r[0] > 127 {
			return msgKeyChar(m[1])
		}
		return msgNoEquals(m[1])
	}
	if strings.HasPrefix(msg, "expected a top-level item to end with a newline") {
		if m := re.commaDecimal.FindStringSubmatch(line); m != nil {
			return msgDecimalComma(m[1], m[2])
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

// The words of the syntax scan (syntax.go) and of friendlier, in one place so that they
// can be translated together. Each names what it found and the fix.

const valueKinds = "(without quotes only numbers, true or false, and dates)"

func msgGermanDate(day, month, year, v string) string {
	return "dates are written year-month-day without quotes, like " + year + "-" + pad2(month) + "-" + pad2(day) + "; not " + v
}

func msgThousandsDots(v string) string {
	plain := strings.ReplaceAll(v, ".", "")
	plain = strings.Replace(plain, ",", ".", 1)
	return "numbers take no thousands separators and a decimal point: " + plain + " (or with underscores, " + strings.ReplaceAll(v, ".", "_") + "); not " + v
}

func msgThousandsCommas(v string) string {
	return "numbers take no thousands separators: " + strings.ReplaceAll(v, ",", "") + " (or with underscores, " + strings.ReplaceAll(v, ",", "_") + "); not " + v
}

func msgNumberSpaces(v string) string {
	return "numbers take no spaces: " + strings.ReplaceAll(v, " ", "") + " (or with underscores, " + strings.ReplaceAll(v, " ", "_") + "); not " + quote(v)
}

func msgDecimalComma(whole, frac string) string {
	return "numbers take a decimal point, not a comma: " + whole + "." + frac
}

func msgBoolWord(w string) string { return "want true or false, not " + quote(w) }

func msgBareText(text string) string {
	return "text must be in quotes: " + quote(text) + " " + valueKinds
}

func msgKeyChar(c string) string {
	return "a key is written with a-z, A-Z, 0-9, - and _ only, not " + quote(c)
}

func msgNoEquals(got string) string {
	if got == "" {
		return "want \"=\" and a value after the key"
	}
	return "want \"=\" between the key and its value, not " + quote(got)
}

func msgNoEqualsFix(fixed string) string {
	return "want \"=\" between the key and its value: " + strings.TrimLeft(fixed, " \t")
}

func msgNoValue() string {
	return "want a value after \"=\": text in quotes, a number, true or false, or a date"
}

func msgKeyMissing() string {
	return "want a key here (a-z, A-Z, 0-9, - and _, or text in quotes)"
}

// msgTwice: first is the line of the first one, 0 if unknown.
func msgTwice(first int) string {
	if first > 0 {
		return "defined twice: a key or [table] may appear only once (first on line " + strconv.Itoa(first) + ")"
	}
	return "defined twice: a key or [table] may appear only once"
}

func msgHeaderUnclosed() string { return "a [table] header needs its closing ]" }

func msgHeaderJunk(rest string) string {
	return "want the end of the line after a [table] header, not " + quote(rest)
}

func msgBlankInKey(blank byte, key string) string {
	what := "a space"
	if blank == '\t' {
		what = "a tab"
		key = strings.ReplaceAll(key, "\t", "→")
	}
	return what + " inside the key " + quote(key) + ": a key is one word (a-z, A-Z, 0-9, - and _), or text in quotes"
}

// msgInvisible names an invisible character; in says where it stands ("" or "in the number 1 850").
func msgInvisible(r rune, fixed string) string {
	fix := "replace it with an ordinary space, or delete it"
	switch r {
	case 0x200b, 0x200c, 0x200d, 0x2060, 0xfeff, 0x00ad:
		fix = "delete it"
	}
	if fixed != "" {
		fix = "write " + fixed
	}
	return fmt.Sprintf("invisible character %U (%s), as Word and Excel paste it: %s", r, invisibleName(r), fix)
}

func msgTypographic(r rune) string {
	return fmt.Sprintf("%c (%U) is a typographic quote, which Word and Excel put in: write text between straight quotes \"…\"", r, r)
}

func msgCannotRead() string {
	return "cannot read this line: want key = value, a [table] header or a # comment"
}

func msgTrailing(value, rest string) string {
	if strings.HasSuffix(value, `"`) && (strings.HasSuffix(rest, `"`) || !strings.HasPrefix(rest, `"`) && !strings.HasPrefix(rest, " ")) {
		return "a quote inside text is written \\\" (or put the text in single quotes '…'); the text ends before " + quote(rest)
	}
	return "want the end of the line (or a # comment) after the value, not " + quote(rest)
}

func msgEscape(seq string) string {
	return quote(seq) + " is not an escape: in text between \"…\" write \\\\ for a backslash (or put the text in single quotes '…')"
}

// msgUnclosed: delim is the opening quote; last, when a typographic quote, is what the
// line ends with.
func msgUnclosed(delim string, last rune) string {
	m := "the text opened here with " + delim + " is not closed: add " + delim + " at its end"
	if typographicQuote(last) {
		m += fmt.Sprintf("; it ends with %c (%U), a typographic quote", last, last)
	}
	return m
}

func msgArrayOpen() string {
	return "the list opened here with [ is not closed: add ] after its last value"
}

func msgNoComma() string { return "want a comma between the values of a list" }

func msgInlineOpen() string {
	return "the inline table opened here with { is not closed on its line: an inline table stays on one line (or write it as a [table])"
}

func msgInlineComma() string {
	return "want a comma between the keys of an inline table, or } at its end"
}

func msgInlineTrailingComma() string {
	return "an inline table takes no comma after its last value"
}

// msgControl names a control character outside the line breaks.
func msgControl(r rune) string {
	switch r {
	case '\r':
		return "a carriage return (U+000D) without a line break, as old Mac editors write: save the file with Windows (CRLF) or Unix (LF) line ends"
	case 0:
		return "a NUL byte (U+0000): a plan is a text file; delete it"
	}
	return fmt.Sprintf("control character %U: delete it", r)
}

func msgBinary(b byte) string {
	return fmt.Sprintf("not a text file (byte 0x%02x): a plan is a text file in UTF-8", b)
}

const saveAsUTF8 = "save the file as UTF-8 (in Notepad: File › Save as…, Encoding: UTF-8; in VS Code: \"Save with Encoding\", UTF-8; from Word: Save as \"Plain Text\", encoding Unicode (UTF-8))"

func msgUTF16(order string) string {
	return "the file is UTF-16 (" + order + "), not UTF-8: " + saveAsUTF8
}

// msgNotUTF8: cp1252 when the file has bytes 0x80–0x9f (Windows-1252, not ISO-8859-1);
// first is the line of an earlier such finding, 0 for the first.
func msgNotUTF8(b byte, cp1252 bool, first int) string {
	enc := "Windows-1252 (ISO-8859-1)"
	if cp1252 {
		enc = "Windows-1252"
	}
	m := fmt.Sprintf("not UTF-8: byte 0x%02x", b)
	if r := windows1252(b); r != 0 {
		m += fmt.Sprintf(", probably %q in %s", string(r), enc)
	}
	if first > 0 {
		return m + " (see line " + strconv.Itoa(first) + ")"
	}
	return m + "; " + saveAsUTF8
}

// windows1252 returns the character byte b is in Windows-1252, 0 for none (or a control).
func windows1252(b byte) rune {
	switch {
	case b >= 0xa0:
		return rune(b)
	case b < 0x80:
		return 0
	}
	return []rune("€\x00‚ƒ„…†‡ˆ‰Š‹Œ\x00Ž\x00\x00‘’“”•–—˜™š›œ\x00žŸ")[b-0x80]
}

var afterNumber = sync.OnceValue(func() (p struct{ digits, number, glued *regexp.Regexp }) {
	p.digits = regexp.MustCompile(`^\d{3}( \d{3})*$`)
	p.number = regexp.MustCompile(`^[-+]?\d+(\.\d+)?$`)
	p.glued = regexp.MustCompile(`^([-+]?\d+(?:[.,]\d+)*)([^\d.,_].*)$`)
	return p
})

// msgAfterNumber returns the message for a valid number tok followed on its line by
// rest, or "" when rest is no unit, currency or number part.
func msgAfterNumber(tok, rest string) string {
	p := afterNumber()
	if rest == "" || !p.number.MatchString(tok) {
		return ""
	}
	whole := tok + " " + rest
	if p.digits.MatchString(rest) && len(strings.TrimLeft(tok, "+-")) <= 3 {
		return msgNumberSpaces(whole)
	}
	if strings.ContainsAny(rest, " \t\"'=[]{}") {
		if strings.ContainsAny(rest, "\"'=[]{}") {
			return ""
		}
		return "a number stands alone: write " + tok + " (a note goes after #: " + tok + " # " + rest + ")"
	}
	switch strings.ToLower(strings.TrimSuffix(rest, ".")) {
	case "%", "prozent", "percent", "pct":
		return "a percentage is written as the number alone: " + tok + ", not " + quote(whole)
	case "mio", "million", "millionen", "mrd", "milliarden", "tsd", "teur", "t€", "k€", "k":
		return "write the whole number, without " + quote(rest) + ": for " + whole + " write the number in full, like 1500000 for 1.5 Mio"
	case "€", "eur", "euro", "$", "usd", "£", "gbp", "chf", "€/jahr":
		return "a number takes no currency: write " + tok + ", not " + quote(whole) + " (the plan's currency key names the currency)"
	}
	return "a number takes no unit: write " + tok + " alone, not " + quote(whole)
}

var scalarPatterns = sync.OnceValue(func() (p struct{ germanDate, slashDate, isoish, decimalComma, thousandsDots, thousandsCommas, letter *regexp.Regexp }) {
	p.germanDate = regexp.MustCompile(`^(\d{1,2})\.(\d{1,2})\.(\d{4})$`)
	p.slashDate = regexp.MustCompile(`^(\d{1,2})/(\d{1,2})/(\d{4})$`)
	p.isoish = regexp.MustCompile(`^\d{4}-\d{1,2}-\d{1,2}`)
	p.decimalComma = regexp.MustCompile(`^([-+]?\d+),(\d+)$`)
	p.thousandsDots = regexp.MustCompile(`^[-+]?\d{1,3}(\.\d{3})+(,\d+)?$`)
	p.thousandsCommas = regexp.MustCompile(`^[-+]?\d{1,3}(,\d{3}){2,}(\.\d+)?$`)
	p.letter = regexp.MustCompile(`^\pL`)
	return p
})

// msgScalar returns the message for tok, a value the library refuses; whole is the text
// of the value to the line's end (the text that wanted quotes).
func msgScalar(tok, whole string) string {
	p := scalarPatterns()
	for _, r := range tok {
		if invisibleName(r) != "" {
			clean := strings.Map(func(r rune) rune {
				if invisibleName(r) != "" {
					return -1
				}
				return r
			}, tok)
			if afterNumber().number.MatchString(clean) {
				return msgInvisible(r, clean)
			}
			return msgInvisible(r, "")
		}
		if typographicQuote(r) {
			return msgTypographic(r)
		}
	}
	switch lw := strings.ToLower(tok); lw {
	case "yes", "no", "ja", "nein", "wahr", "falsch", "tru", "fals", "ture", "true", "false", "on", "off", "y", "n", "j", "oui", "non", "x":
		return msgBoolWord(tok)
	}
	if m := p.germanDate.FindStringSubmatch(tok); m != nil {
		return msgGermanDate(m[1], m[2], m[3], tok)
	}
	if m := p.slashDate.FindStringSubmatch(tok); m != nil {
		return msgGermanDate(m[1], m[2], m[3], tok)
	}
	if p.isoish.MatchString(tok) {
		return "no such date or time: " + tok + "; dates are written year-month-day, like 2027-03-15"
	}
	if p.thousandsCommas.MatchString(tok) {
		return msgThousandsCommas(tok)
	}
	if p.thousandsDots.MatchString(tok) {
		return msgThousandsDots(tok)
	}
	if m := p.decimalComma.FindStringSubmatch(tok); m != nil {
		return msgDecimalComma(m[1], m[2])
	}
	if m := afterNumber().glued.FindStringSubmatch(tok); m != nil {
		num := m[1]
		if d := p.decimalComma.FindStringSubmatch(num); d != nil {
			num = d[1] + "." + d[2]
		}
		if afterNumber().number.MatchString(num) {
			if msg := msgAfterNumber(num, m[2]); msg != "" {
				return msg
			}
		}
	}
	if p.letter.MatchString(tok) {
		return msgBareText(whole)
	}
	return "not a number: " + tok
}
