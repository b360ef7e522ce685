package load

import (
	"regexp"
	"strings"
	"sync"

	"github.com/kepdev/kep/locale"
	"github.com/kepdev/kep/plan"
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
func friendlierDiag(d *plan.Diagnostic, src []byte) {
	re := msgPatterns()
	line := lineAt(src, d.Line)
	if d.Message == `expected '.' or ']' to end table name, but got '\n' instead` && d.Line > 1 {
		// The library has read the line break, and points into the next line; the
		// header that lacks its "]" is the line before.
		d.Line--
		d.Col = len(lineAt(src, d.Line)) + 1
		d.SetMsg(msgHeaderUnclosed())
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
	d.SetMsg(friendlier(d.Message, line))
}

// friendlier returns the message for a TOML syntax error; line is the text of the line
// the library points at ("" if unknown).
func friendlier(msg, line string) locale.Msg {
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
		return locale.Msgf("not a number: %s", v)
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
		return locale.Msgf("want the end of the line after the value%s", strings.TrimPrefix(msg, "expected a top-level item to end with a newline, comment, or EOF"))
	}
	return locale.MsgText(lowerFirst(msg))
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

// valueKinds is appended to msgBareText; a word of its own so that it is translated once.
const valueKinds = locale.MsgWord("(without quotes only numbers, true or false, and dates)")

func msgGermanDate(day, month, year, v string) locale.Msg {
	return locale.Msgf("dates are written year-month-day without quotes, like %s; not %s", year+"-"+pad2(month)+"-"+pad2(day), v)
}

func msgThousandsDots(v string) locale.Msg {
	plain := strings.ReplaceAll(v, ".", "")
	plain = strings.Replace(plain, ",", ".", 1)
	return locale.Msgf("numbers take no thousands separators and a decimal point: %s (or with underscores, %s); not %s", plain, strings.ReplaceAll(v, ".", "_"), v)
}

func msgThousandsCommas(v string) locale.Msg {
	return locale.Msgf("numbers take no thousands separators: %s (or with underscores, %s); not %s", strings.ReplaceAll(v, ",", ""), strings.ReplaceAll(v, ",", "_"), v)
}

func msgNumberSpaces(v string) locale.Msg {
	return locale.Msgf("numbers take no spaces: %s (or with underscores, %s); not \"%s\"", strings.ReplaceAll(v, " ", ""), strings.ReplaceAll(v, " ", "_"), v)
}

func msgDecimalComma(whole, frac string) locale.Msg {
	return locale.Msgf("numbers take a decimal point, not a comma: %s", whole+"."+frac)
}

func msgBoolWord(w string) locale.Msg { return locale.Msgf("want true or false, not \"%s\"", w) }

func msgBareText(text string) locale.Msg {
	return locale.Msgf("text must be in quotes: \"%s\" %s", text, valueKinds)
}

func msgKeyChar(c string) locale.Msg {
	return locale.Msgf("a key is written with a-z, A-Z, 0-9, - and _ only, not \"%s\"", c)
}

func msgNoEquals(got string) locale.Msg {
	if got == "" {
		return locale.Msgf("want \"=\" and a value after the key")
	}
	return locale.Msgf("want \"=\" between the key and its value, not \"%s\"", got)
}

func msgNoEqualsFix(fixed string) locale.Msg {
	return locale.Msgf("want \"=\" between the key and its value: %s", strings.TrimLeft(fixed, " \t"))
}

func msgNoValue() locale.Msg {
	return locale.Msgf("want a value after \"=\": text in quotes, a number, true or false, or a date")
}

func msgKeyMissing() locale.Msg {
	return locale.Msgf("want a key here (a-z, A-Z, 0-9, - and _, or text in quotes)")
}

// msgTwice: first is the line of the first one, 0 if unknown.
func msgTwice(first int) locale.Msg {
	if first > 0 {
		return locale.Msgf("defined twice: a key or [table] may appear only once (first on line %d)", first)
	}
	return locale.Msgf("defined twice: a key or [table] may appear only once")
}

func msgHeaderUnclosed() locale.Msg { return locale.Msgf("a [table] header needs its closing ]") }

func msgHeaderJunk(rest string) locale.Msg {
	return locale.Msgf("want the end of the line after a [table] header, not \"%s\"", rest)
}

func msgBlankInKey(blank byte, key string) locale.Msg {
	if blank == '\t' {
		return locale.Msgf("a tab inside the key \"%s\": a key is one word (a-z, A-Z, 0-9, - and _), or text in quotes", strings.ReplaceAll(key, "\t", "→"))
	}
	return locale.Msgf("a space inside the key \"%s\": a key is one word (a-z, A-Z, 0-9, - and _), or text in quotes", key)
}

// msgInvisible names an invisible character; fixed, when not "", is the value without it.
func msgInvisible(r rune, fixed string) locale.Msg {
	fix := locale.Msgf("replace it with an ordinary space, or delete it")
	switch r {
	case 0x200b, 0x200c, 0x200d, 0x2060, 0xfeff, 0x00ad:
		fix = locale.Msgf("delete it")
	}
	if fixed != "" {
		fix = locale.Msgf("write %s", fixed)
	}
	return locale.Msgf("invisible character %U (%s), as Word and Excel paste it: %s", r, invisibleName(r), fix)
}

func msgTypographic(r rune) locale.Msg {
	return locale.Msgf("%c (%U) is a typographic quote, which Word and Excel put in: write text between straight quotes \"…\"", r, r)
}

func msgCannotRead() locale.Msg {
	return locale.Msgf("cannot read this line: want key = value, a [table] header or a # comment")
}

func msgTrailing(value, rest string) locale.Msg {
	if strings.HasSuffix(value, `"`) && (strings.HasSuffix(rest, `"`) || !strings.HasPrefix(rest, `"`) && !strings.HasPrefix(rest, " ")) {
		return locale.Msgf("a quote inside text is written \\\" (or put the text in single quotes '…'); the text ends before \"%s\"", rest)
	}
	return locale.Msgf("want the end of the line (or a # comment) after the value, not \"%s\"", rest)
}

func msgEscape(seq string) locale.Msg {
	return locale.Msgf("\"%s\" is not an escape: in text between \"…\" write \\\\ for a backslash (or put the text in single quotes '…')", seq)
}

// msgUnclosed: delim is the opening quote; last, when a typographic quote, is what the
// line ends with.
func msgUnclosed(delim string, last rune) locale.Msg {
	if typographicQuote(last) {
		return locale.Msgf("the text opened here with %s is not closed: add %s at its end; it ends with %c (%U), a typographic quote", delim, delim, last, last)
	}
	return locale.Msgf("the text opened here with %s is not closed: add %s at its end", delim, delim)
}

func msgArrayOpen() locale.Msg {
	return locale.Msgf("the list opened here with [ is not closed: add ] after its last value")
}

func msgNoComma() locale.Msg { return locale.Msgf("want a comma between the values of a list") }

func msgInlineOpen() locale.Msg {
	return locale.Msgf("the inline table opened here with { is not closed on its line: an inline table stays on one line (or write it as a [table])")
}

func msgInlineComma() locale.Msg {
	return locale.Msgf("want a comma between the keys of an inline table, or } at its end")
}

func msgInlineTrailingComma() locale.Msg {
	return locale.Msgf("an inline table takes no comma after its last value")
}

// msgControl names a control character outside the line breaks.
func msgControl(r rune) locale.Msg {
	switch r {
	case '\r':
		return locale.Msgf("a carriage return (U+000D) without a line break, as old Mac editors write: save the file with Windows (CRLF) or Unix (LF) line ends")
	case 0:
		return locale.Msgf("a NUL byte (U+0000): a plan is a text file; delete it")
	}
	return locale.Msgf("control character %U: delete it", r)
}

func msgBinary(b byte) locale.Msg {
	return locale.Msgf("not a text file (byte 0x%02x): a plan is a text file in UTF-8", b)
}

var saveAsUTF8 = locale.MsgWord("save the file as UTF-8 (in Notepad: File › Save as…, Encoding: UTF-8; in VS Code: \"Save with Encoding\", UTF-8; from Word: Save as \"Plain Text\", encoding Unicode (UTF-8))")

func msgUTF16(order string) locale.Msg {
	return locale.Msgf("the file is UTF-16 (%s), not UTF-8: %s", order, saveAsUTF8)
}

// msgNotUTF8: cp1252 when the file has bytes 0x80–0x9f (Windows-1252, not ISO-8859-1);
// first is the line of an earlier such finding, 0 for the first.
func msgNotUTF8(b byte, cp1252 bool, first int) locale.Msg {
	enc := "Windows-1252 (ISO-8859-1)"
	if cp1252 {
		enc = "Windows-1252"
	}
	m := locale.Msgf("not UTF-8: byte 0x%02x", b)
	if r := windows1252(b); r != 0 {
		m = locale.Msgf("not UTF-8: byte 0x%02x, probably %q in %s", b, string(r), enc)
	}
	if first > 0 {
		return locale.Msgf("%s (see line %d)", m, first)
	}
	return locale.Msgf("%s; %s", m, saveAsUTF8)
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
func msgAfterNumber(tok, rest string) locale.Msg {
	p := afterNumber()
	if rest == "" || !p.number.MatchString(tok) {
		return locale.Msg{}
	}
	whole := tok + " " + rest
	if p.digits.MatchString(rest) && len(strings.TrimLeft(tok, "+-")) <= 3 {
		return msgNumberSpaces(whole)
	}
	if strings.ContainsAny(rest, " \t\"'=[]{}") {
		if strings.ContainsAny(rest, "\"'=[]{}") {
			return locale.Msg{}
		}
		return locale.Msgf("a number stands alone: write %s (a note goes after #: %s # %s)", tok, tok, rest)
	}
	switch strings.ToLower(strings.TrimSuffix(rest, ".")) {
	case "%", "prozent", "percent", "pct":
		return locale.Msgf("a percentage is written as the number alone: %s, not \"%s\"", tok, whole)
	case "mio", "million", "millionen", "mrd", "milliarden", "tsd", "teur", "t€", "k€", "k":
		return locale.Msgf("write the whole number, without \"%s\": for %s write the number in full, like 1500000 for 1.5 Mio", rest, whole)
	case "€", "eur", "euro", "$", "usd", "£", "gbp", "chf", "€/jahr":
		return locale.Msgf("a number takes no currency: write %s, not \"%s\" (the plan's currency key names the currency)", tok, whole)
	}
	return locale.Msgf("a number takes no unit: write %s alone, not \"%s\"", tok, whole)
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
func msgScalar(tok, whole string) locale.Msg {
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
		return locale.Msgf("no such date or time: %s; dates are written year-month-day, like 2027-03-15", tok)
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
			if msg := msgAfterNumber(num, m[2]); !msg.IsZero() {
				return msg
			}
		}
	}
	if p.letter.MatchString(tok) {
		return msgBareText(whole)
	}
	return locale.Msgf("not a number: %s", tok)
}
