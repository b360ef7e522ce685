package load

import (
	"fmt"
	"math"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/kepdev/kep/locale"
	"github.com/kepdev/kep/plan"
)

// The patterns of ids, colours and currency codes, as the JSON schema gives them to
// editors. The walk checks them with the small matchers below instead of compiled
// regular expressions, which cost a few hundred allocations at every start of kep;
// TestPatterns holds both to the same answers.
const (
	idPattern       = `^[a-z0-9][a-z0-9_-]{0,31}$`
	colourPattern   = `^#[0-9a-fA-F]{6}$`
	currencyPattern = `^[A-Z]{3}$`
)

func isLowerDigit(c byte) bool { return c >= 'a' && c <= 'z' || c >= '0' && c <= '9' }

func isHex(c byte) bool { return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F' }

// isID matches idPattern.
func isID(s string) bool {
	if len(s) < 1 || len(s) > 32 || !isLowerDigit(s[0]) {
		return false
	}
	for i := 1; i < len(s); i++ {
		if c := s[i]; !isLowerDigit(c) && c != '_' && c != '-' {
			return false
		}
	}
	return true
}

// isColour matches colourPattern.
func isColour(s string) bool {
	if len(s) != 7 || s[0] != '#' {
		return false
	}
	for i := 1; i < len(s); i++ {
		if !isHex(s[i]) {
			return false
		}
	}
	return true
}

// isCurrency matches currencyPattern.
func isCurrency(s string) bool {
	return len(s) == 3 && s[0] >= 'A' && s[0] <= 'Z' && s[1] >= 'A' && s[1] <= 'Z' && s[2] >= 'A' && s[2] <= 'Z'
}

// maxSafeInt is the largest integer a float64 holds exactly (2^53); the TOML library
// refuses to put larger integers into float fields, so the walk refuses them first.
const maxSafeInt = 1 << 53

// walk checks a decoded table against its spec: every key known and spelt exactly, every
// value of the right type and range, every required key present. It reports all findings.
func walk(d *decoded, s *keySpec, raw map[string]any, path string) plan.Diagnostics {
	var ds plan.Diagnostics
	names := make([]string, 0, len(raw))
	for k := range raw {
		names = append(names, k)
	}
	sort.Strings(names)
	for _, k := range names {
		if d.errors > MaxErrors {
			return ds // limitErrors says so
		}
		ks := s.child(k)
		switch {
		case ks == nil && s == workspaceSchema() && planSchema().child(k) != nil:
			ds = append(ds, d.at(joinKey(path, k), false, "%q belongs in a plan, not in the workspace file kep.toml", k))
		case ks == nil:
			ds = append(ds, d.at(joinKey(path, k), false, "%s", unknownKey(s, k)))
		case ks.wsOnly:
			ds = append(ds, d.at(joinKey(path, k), false, "[%s] belongs in the workspace file kep.toml, not in a plan: it must be the same for every account", k))
		case ks.kind.single():
			ds = d.checkSingleAt(ds, ks, raw[k], path, k)
		default:
			ds = append(ds, checkValue(d, ks, raw[k], joinKey(path, k))...)
		}
	}
	for _, ks := range s.keys {
		if _, ok := raw[ks.name]; ks.required && !ok {
			ds = append(ds, d.at(joinKey(path, ks.name), false, "required key is missing"))
		}
	}
	return ds
}

// unknownKey words the error for a key the spec does not know, naming the nearest one.
func unknownKey(s *keySpec, k string) locale.Msg {
	for _, c := range s.keys {
		if strings.EqualFold(c.name, k) {
			return locale.Msgf("unknown key %q: keys are case-sensitive, did you mean %q?", k, c.name)
		}
	}
	var known []string
	for _, c := range s.keys {
		if !c.wsOnly {
			known = append(known, c.name)
		}
	}
	if best := nearest(k, known); best != "" {
		return locale.Msgf("unknown key %q, did you mean %q?", k, best)
	}
	if len(known) == 0 {
		return locale.Msgf("unknown key %q", k)
	}
	return locale.Msgf("unknown key %q (known keys: %s)", k, strings.Join(known, ", "))
}

// nearest returns the candidate closest to s by edit distance, if it is close enough to
// be a typo: one edit for words up to four letters, else a third of the word (at least 2).
func nearest(s string, candidates []string) string {
	best, bestD := "", math.MaxInt
	for _, c := range candidates {
		if d := editDistance(strings.ToLower(s), strings.ToLower(c)); d < bestD {
			best, bestD = c, d
		}
	}
	n := len([]rune(s))
	allowed := 1
	if n > 4 {
		allowed = max(2, n/3)
	}
	if bestD <= allowed {
		return best
	}
	return ""
}

// editDistance is the optimal-string-alignment distance between a and b in runes:
// insertions, deletions, substitutions and swaps of neighbours ("lnag" → "lang") cost 1.
func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	if len(ra) > 64 || len(rb) > 64 {
		return math.MaxInt / 2 // no key is that long; not worth the quadratic work
	}
	d := make([][]int, len(ra)+1)
	for i := range d {
		d[i] = make([]int, len(rb)+1)
		d[i][0] = i
	}
	for j := range d[0] {
		d[0][j] = j
	}
	for i := 1; i <= len(ra); i++ {
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			d[i][j] = min(d[i-1][j]+1, d[i][j-1]+1, d[i-1][j-1]+cost)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				d[i][j] = min(d[i][j], d[i-2][j-2]+1)
			}
		}
	}
	return d[len(ra)][len(rb)]
}

// describe names the TOML type of a decoded value for messages.
func describe(v any) locale.MsgWord {
	switch x := v.(type) {
	case string:
		return locale.MsgWord("text")
	case int64:
		return locale.MsgWord("an integer")
	case float64:
		return locale.MsgWord("a float")
	case bool:
		return locale.MsgWord("a boolean")
	case time.Time:
		switch x.Location().String() {
		case "date-local":
			return locale.MsgWord("a date")
		case "time-local":
			return locale.MsgWord("a time")
		case "datetime-local":
			return locale.MsgWord("a date with time")
		}
		return locale.MsgWord("a date with time and offset")
	case map[string]any:
		return locale.MsgWord("a table")
	case []map[string]any, []any:
		return locale.MsgWord("an array")
	}
	return locale.MsgWord(fmt.Sprintf("%T", v))
}

// rows returns the tables of an array of tables (plan.TableRows).
var rows = plan.TableRows

// checkValue checks a table, an array of tables, a table of points or a list against its
// spec, and the single values in it.
func checkValue(d *decoded, s *keySpec, v any, path string) plan.Diagnostics {
	bad := func(format string, args ...any) plan.Diagnostics {
		return plan.Diagnostics{d.at(path, false, format, args...)}
	}
	switch s.kind {
	case kindTable:
		m, ok := v.(map[string]any)
		if !ok {
			return bad("want a table ([%s]), not %s", path, describe(v))
		}
		return walk(d, s, m, path)
	case kindTables:
		rs, ok := rows(v)
		if !ok {
			return bad("want an array of tables ([[%s]]), not %s", path, describe(v))
		}
		if len(rs) > MaxRows {
			return bad("%d rows, more than the limit of %d", len(rs), MaxRows)
		}
		var ds plan.Diagnostics
		for i, r := range rs {
			ds = append(ds, walk(d, s, r, IndexPath(path, i))...)
		}
		return ds
	case kindPointsMap:
		m, ok := v.(map[string]any)
		if !ok {
			return bad("want a table of points, not %s", describe(v))
		}
		var ds plan.Diagnostics
		points := &keySpec{kind: kindPoints}
		for _, k := range sortedKeys(m) {
			ds = d.checkSingleAt(ds, points, m[k], path, k)
		}
		return ds
	case kindTextList, kindEnumList:
		list, ok := v.([]any)
		if !ok {
			return bad("want a list of text like [\"…\", \"…\"], not %s", describe(v))
		}
		if len(list) > MaxRows {
			return bad("%d entries, more than the limit of %d", len(list), MaxRows)
		}
		var ds plan.Diagnostics
		var seen map[string]bool
		el := &keySpec{kind: kindText}
		if s.kind == kindEnumList {
			seen, el = map[string]bool{}, &keySpec{kind: kindEnum, enum: s.enum}
		}
		for i, e := range list {
			if s.kind == kindEnumList {
				if str, ok := e.(string); ok && seen[str] {
					ds = append(ds, d.at(IndexPath(path, i), false, "%q is listed twice", str))
				}
				str, _ := e.(string)
				seen[str] = true
			}
			if msg := checkSingle(el, e); !msg.IsZero() {
				ds = append(ds, d.at(IndexPath(path, i), false, "%s", msg))
			}
		}
		return ds
	}
	if msg := checkSingle(s, v); !msg.IsZero() {
		return bad("%s", msg)
	}
	return nil
}

// single reports whether values of the kind are single values, not tables or lists.
func (k kind) single() bool {
	switch k {
	case kindTable, kindTables, kindPointsMap, kindTextList, kindEnumList:
		return false
	}
	return true
}

// checkSingle checks a single value against its spec and returns the finding, or "" when
// the value passes.
func checkSingle(s *keySpec, v any) locale.Msg {
	switch s.kind {
	case kindMoney, kindPercent, kindPoints, kindNumber, kindInteger:
		return checkNumber(s, v)
	case kindBool:
		if _, ok := v.(bool); !ok {
			return locale.Msgf("want true or false, not %s", describe(v))
		}
		return locale.Msg{}
	case kindDate:
		t, ok := v.(time.Time)
		if !ok || t.Location().String() != "date-local" {
			if str, ok := v.(string); ok {
				return locale.Msgf("want a date like 2027-03-15 without quotes, not text %q", str)
			}
			return locale.Msgf("want a date like 2027-03-15 (no time, no offset), not %s", describe(v))
		}
		return locale.Msg{}
	}
	// The rest are strings.
	str, ok := v.(string)
	if !ok {
		return locale.Msgf("want text in quotes, not %s", describe(v))
	}
	switch s.kind {
	case kindText, kindPath:
		if strings.ContainsAny(str, "\n\r") {
			return locale.Msgf("want one line of text, without line breaks")
		}
		if i := strings.IndexFunc(str, func(r rune) bool { return r < 0x20 && r != '\t' || r == 0x7f }); i >= 0 {
			return locale.Msgf("control character %U in text", str[i])
		}
		if msg := hiddenRune(str, false); !msg.IsZero() {
			return msg
		}
		if s.required && strings.TrimSpace(str) == "" {
			return locale.Msgf("must not be blank")
		}
		if s.kind == kindPath && str == "" {
			return locale.Msgf("must not be empty")
		}
	case kindMarkdown:
		if i := strings.IndexFunc(str, func(r rune) bool { return r < 0x20 && r != '\t' && r != '\n' && r != '\r' || r == 0x7f }); i >= 0 {
			return locale.Msgf("control character %U in text", str[i])
		}
		if msg := hiddenRune(str, true); !msg.IsZero() {
			return msg
		}
		if msg := checkMarkdownSize(str); !msg.IsZero() {
			return msg
		}
	case kindID:
		if !isID(str) {
			return locale.Msgf("%q is not a valid id: use 1 to 32 lowercase letters, digits, _ or -, starting with a letter or digit", str)
		}
	case kindEnum:
		for _, e := range s.enum {
			if e == str {
				return locale.Msg{}
			}
		}
		n := nearest(str, s.enum)
		if n == "" {
			// "hoch" for high: the value's German or French word.
			n = locale.MsgEnumValue(str, s.enum)
		}
		if n != "" {
			return locale.Msgf("%q is not one of %s; did you mean %q?", str, strings.Join(s.enum, ", "), n)
		}
		return locale.Msgf("%q is not one of %s", str, strings.Join(s.enum, ", "))
	case kindColour:
		if !isColour(str) {
			return locale.Msgf("%q is not a colour: want #rrggbb, e.g. #1f4e79", str)
		}
	case kindCurrency:
		if !isCurrency(str) {
			return locale.Msgf("%q is not a currency code: want three capital letters (ISO 4217), e.g. EUR", str)
		}
	}
	return locale.Msg{}
}

// checkNumber checks a number against its kind and range; "" when it passes.
func checkNumber(s *keySpec, v any) locale.Msg {
	var f float64
	switch x := v.(type) {
	case int64:
		if x > maxSafeInt || x < -maxSafeInt {
			return locale.Msgf("%d is too large", x)
		}
		f = float64(x)
	case float64:
		if math.IsInf(x, 0) || math.IsNaN(x) {
			return locale.Msgf("%v is not a number here: inf and nan are not allowed", x)
		}
		if s.kind == kindInteger {
			return locale.Msgf("want a whole number, not %s", floatText(x))
		}
		// The same bound as for integers: sums of larger amounts (benefits of a value
		// concept) overflow to +Inf, which no figure and no JSON can show.
		if x > maxSafeInt || x < -maxSafeInt {
			return locale.Msgf("%v is too large", x)
		}
		f = x
	default:
		if str, ok := v.(string); ok && s.name == "influence" {
			// influence = "hoch": the scale 1–3 is low, medium, high, in any language.
			w := str
			if !slices.Contains(influenceWords, w) {
				w = locale.MsgEnumValue(str, influenceWords)
			}
			if n := slices.Index(influenceWords, w); n >= 0 {
				return locale.Msgf("want a whole number, not text %q; did you mean %d?", str, n+1)
			}
		}
		if s.kind == kindInteger {
			return locale.Msgf("want a whole number, not %s", describe(v))
		}
		return locale.Msgf("want a number, not %s", describe(v))
	}
	lo, hi := s.bounds()
	switch {
	case lo != nil && hi != nil && *lo == *hi && f != *lo:
		return locale.Msgf("%s is not supported: want %s", valueText(f), TrimFloat(*lo))
	case lo != nil && hi != nil && (f < *lo || f > *hi || s.minExcl && f == *lo):
		if s.minExcl {
			return locale.Msgf("%s is out of range: want more than %s and at most %s", valueText(f), TrimFloat(*lo), TrimFloat(*hi))
		}
		return locale.Msgf("%s is out of range: want %s to %s", valueText(f), TrimFloat(*lo), TrimFloat(*hi))
	case lo != nil && hi == nil && (f < *lo || s.minExcl && f == *lo):
		if s.minExcl {
			return locale.Msgf("%s is out of range: want more than %s", valueText(f), TrimFloat(*lo))
		}
		return locale.Msgf("%s is out of range: want at least %s", valueText(f), TrimFloat(*lo))
	}
	return locale.Msg{}
}

// influenceWords are the words of a contact's influence 1, 2 and 3.
var influenceWords = []string{"low", "medium", "high"}

// valueText shows an offending number exactly as far as it matters: rounded to two
// decimals, 10.0001 would read "10 is out of range: want 0 to 10".
func valueText(f float64) string {
	s := strconv.FormatFloat(f, 'f', -1, 64)
	if len(s) > 20 {
		s = strconv.FormatFloat(f, 'g', -1, 64)
	}
	return s
}

// floatText shows a float as written, with its point: "not 1.0", not "not 1".
func floatText(f float64) string {
	s := valueText(f)
	if !strings.ContainsAny(s, ".eE") {
		s += ".0"
	}
	return s
}

func sortedKeys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// Limits of Markdown text. goldmark needs time quadratic in how deep block quotes and
// lists are nested (50,000 "> " take seconds, a thousand nested list items a minute), and
// a table's header row gives every row below it as many cells (14 kB made four million
// cells and 40 MB of HTML). Real plans stay far below both.
const (
	MaxMarkdownDepth = 50
	MaxTableCells    = 20000
)

// checkMarkdownSize refuses Markdown nested or tabled beyond the limits, estimated line by
// line in one pass without parsing: a line's depth counts its quote and list markers and
// every two columns of indentation; a table counts the columns of its delimiter row for
// the header and each line after it up to a blank line.
// It returns the message, or "" when the text is within the limits.
func checkMarkdownSize(s string) locale.Msg {
	cells, cols := 0, 0
	for _, line := range strings.Split(s, "\n") {
		line = strings.TrimSuffix(line, "\r")
		if d := markdownDepth(line); d > MaxMarkdownDepth {
			return locale.Msgf("Markdown nested %d levels deep (block quotes, lists, indentation), more than the limit of %d", d, MaxMarkdownDepth)
		}
		if strings.TrimSpace(line) == "" {
			cols = 0
			continue
		}
		if n := delimiterColumns(line); n > 0 {
			cols = max(cols, n)
			cells += n // the header row
		}
		cells += cols
		if cells > MaxTableCells {
			return locale.Msgf("Markdown tables with more than %d cells", MaxTableCells)
		}
	}
	return locale.Msg{}
}

// markdownDepth estimates the container depth a line opens: quote markers, list markers
// followed by a space, and half the indentation columns beyond each marker's own space
// (lists nest by indenting).
func markdownDepth(line string) int {
	depth, indent := 0, 0
	for i := 0; i < len(line); i++ {
		switch c := line[i]; {
		case c == ' ':
			indent++
		case c == '\t':
			indent += 4
		case c == '>':
			depth++
			if i+1 < len(line) && line[i+1] == ' ' {
				i++ // the space that belongs to the marker
			}
		case (c == '-' || c == '*' || c == '+') && i+1 < len(line) && (line[i+1] == ' ' || line[i+1] == '\t'):
			depth++
			i++
		case c >= '0' && c <= '9':
			j := i
			for j < len(line) && j-i < 9 && line[j] >= '0' && line[j] <= '9' {
				j++
			}
			if j+1 < len(line) && (line[j] == '.' || line[j] == ')') && (line[j+1] == ' ' || line[j+1] == '\t') {
				depth++
				i = j + 1
				continue
			}
			return depth + indent/2
		default:
			return depth + indent/2
		}
	}
	return depth + indent/2
}

// delimiterColumns returns the number of columns of a GFM table delimiter row such as
// "| :-- | --: |", or 0 when the line is not one.
func delimiterColumns(line string) int {
	t := strings.TrimSpace(line)
	if !strings.Contains(t, "-") || strings.Trim(t, "|-: \t") != "" {
		return 0
	}
	t = strings.TrimSuffix(strings.TrimPrefix(t, "|"), "|")
	return strings.Count(t, "|") + 1
}

// checkSingleAt appends the findings for the single value v of key k in the table at
// path. Most values pass: the key path is made only for a finding.
func (d *decoded) checkSingleAt(ds plan.Diagnostics, ks *keySpec, v any, path, k string) plan.Diagnostics {
	msg := checkSingle(ks, v)
	if f, ok := v.(float64); ok && thousandsCandidate(ks, f) {
		if hint := d.thousandsHint(ks, joinKey(path, k), k); !hint.IsZero() {
			if msg.IsZero() {
				return append(ds, d.at(joinKey(path, k), true, "%s", hint))
			}
			msg = locale.Msgf("%s; %s", msg, hint)
		}
	}
	if !msg.IsZero() {
		ds = append(ds, d.at(joinKey(path, k), false, "%s", msg))
	}
	return ds
}

// A8: a number written with a dot and exactly three digits after it, in German a
// thousands group (8.000 = eight thousand), is read by TOML as 8. For money and counts
// that is always suspicious; for percentages and points only a dot followed by 000 is
// (5.000 points is a whole number written with a thousands dot, 12.500 % may be meant).
// See docs/format-decisions.md.

// thousandsCandidate tells, from the value alone, whether its source may have been
// written as a thousands group: under 1,000 and a whole number of thousandths. Only these
// few values cost a look at the source line.
func thousandsCandidate(ks *keySpec, f float64) bool {
	switch ks.kind {
	case kindMoney, kindInteger, kindPercent, kindPoints:
	default:
		return false
	}
	a := math.Abs(f)
	return a >= 1 && a < 1000 && math.Abs(a*1000-math.Round(a*1000)) < 1e-6
}

var thousandsRE = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`^([-+]?)([1-9][0-9]{0,2})\.([0-9]{3})$`)
})

// thousandsHint returns the warning for the value of key (at path) when its source reads
// like a German thousands group, else no message.
func (d *decoded) thousandsHint(ks *keySpec, path, key string) locale.Msg {
	if d.idx == nil {
		return locale.Msg{}
	}
	pos := d.idx.at(path)
	line := lineAt(d.idx.src, pos.Line)
	i := strings.Index(line, key)
	for i >= 0 {
		rest := strings.TrimLeft(line[i+len(key):], " \t")
		if strings.HasPrefix(rest, "=") {
			lit := strings.TrimLeft(rest[1:], " \t")
			if end := strings.IndexAny(lit, " \t,}]#"); end >= 0 {
				lit = lit[:end]
			}
			m := thousandsRE().FindStringSubmatch(lit)
			if m == nil {
				return locale.Msg{}
			}
			if (ks.kind == kindPercent || ks.kind == kindPoints) && m[3] != "000" {
				return locale.Msg{}
			}
			read, _ := strconv.ParseFloat(lit, 64)
			meant := m[1] + m[2] + m[3]
			return locale.Msgf("%s is read as %s; if you mean %s, write %s or %s_%s (TOML has no thousands dots)",
				lit, strconv.FormatFloat(read, 'f', -1, 64), meant, meant, m[1]+m[2], m[3])
		}
		j := strings.Index(line[i+1:], key)
		if j < 0 {
			break
		}
		i += 1 + j
	}
	return locale.Msg{}
}
