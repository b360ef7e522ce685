package load

import (
	"bytes"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/BurntSushi/toml"
)

// fastParse parses a TOML document into the generic map exactly as the library
// (BurntSushi/toml) does, for the TOML that plans and workspace files are written in:
// tables, arrays of tables, bare and quoted keys, dotted keys of new tables, strings
// without the rarer escapes, decimal integers and floats, booleans, local dates, arrays
// and one-line inline tables. ok is false for anything else, valid or not (other
// escapes, exponents, times, a table or key that exists already in any way, a control
// character, a CRLF inside a multi-line string): the library then parses the file and
// gives its own values or errors. So everything fastParse accepts, the library accepts
// with the same values (TestFastParseAsLibrary, FuzzFastParse).
//
// Why: the library's parse was the largest part of loading a plan and its workspace,
// ~40 % of the critical path before a render's document model (1.5 ms and 460 KB in
// 5,200 allocations for hansa.toml, and the first use of its code); this parse takes a
// fraction of it (issue 19).
func fastParse(src []byte) (map[string]any, bool) {
	if !fastInput(src) {
		return nil, false
	}
	p := &fastParser{src: src, root: map[string]any{}, kinds: map[string]tableKind{}, keys: map[string]string{}}
	p.cur = p.root
	if !p.document() {
		return nil, false
	}
	return p.root, true
}

// fastInput is false for input the fast parser leaves to the library: invalid UTF-8, a
// byte order mark, a control character other than tab and line breaks, a CR not
// followed by LF.
func fastInput(src []byte) bool {
	if !utf8.Valid(src) || bytes.HasPrefix(src, []byte("\uFEFF")) {
		return false
	}
	for i := 0; i < len(src); i++ {
		switch c := src[i]; {
		case c == '\r':
			if i+1 >= len(src) || src[i+1] != '\n' {
				return false
			}
		case c < 0x20 && c != '\t' && c != '\n', c == 0x7f:
			return false
		}
	}
	return true
}

// tableKind is how a table came to be, keyed by its path: only these may be extended.
type tableKind uint8

const (
	tableImplicit tableKind = iota + 1 // a parent of a [header], not defined itself
	tableExplicit                      // defined by its [header]
	tableArray                         // an array of tables ([[header]])
	tableDotted                        // made by a dotted key of the current table
)

type fastParser struct {
	src     []byte
	i       int
	root    map[string]any
	cur     map[string]any // the table key/value pairs go into
	curPath string
	kinds   map[string]tableKind // by path: segments joined by \x00, array elements by \x01<index>
	parts   []string             // key's result, reused
	keys    map[string]string    // bare keys made so far: a key of every array entry is one string
}

func (p *fastParser) document() bool {
	for {
		p.skipSpace()
		if p.i >= len(p.src) {
			return true
		}
		switch p.src[p.i] {
		case '#', '\n', '\r':
		case '[':
			if !p.header() {
				return false
			}
		default:
			if !p.keyValue() {
				return false
			}
		}
		if !p.endOfLine() {
			return false
		}
	}
}

func (p *fastParser) skipSpace() {
	for p.i < len(p.src) && (p.src[p.i] == ' ' || p.src[p.i] == '\t') {
		p.i++
	}
}

// endOfLine reads optional space and comment and the line break (or the end).
func (p *fastParser) endOfLine() bool {
	p.skipSpace()
	if p.i < len(p.src) && p.src[p.i] == '#' {
		for p.i < len(p.src) && p.src[p.i] != '\n' && p.src[p.i] != '\r' {
			p.i++
		}
	}
	switch {
	case p.i >= len(p.src):
		return true
	case p.src[p.i] == '\n':
		p.i++
		return true
	case p.src[p.i] == '\r' && p.i+1 < len(p.src) && p.src[p.i+1] == '\n':
		p.i += 2
		return true
	}
	return false
}

// skipBlank skips space, line breaks and comments (inside arrays).
func (p *fastParser) skipBlank() {
	for p.i < len(p.src) {
		switch p.src[p.i] {
		case ' ', '\t', '\n', '\r':
			p.i++
		case '#':
			for p.i < len(p.src) && p.src[p.i] != '\n' && p.src[p.i] != '\r' {
				p.i++
			}
		default:
			return
		}
	}
}

func isBare(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-'
}

// key reads a key of one or more dotted parts. The slice is reused by the next call.
func (p *fastParser) key() ([]string, bool) {
	parts := p.parts[:0]
	defer func() { p.parts = parts[:0] }()
	for {
		p.skipSpace()
		if p.i >= len(p.src) {
			return nil, false
		}
		var part string
		switch c := p.src[p.i]; {
		case c == '"':
			if bytes.HasPrefix(p.src[p.i:], []byte(`"""`)) {
				return nil, false
			}
			s, ok := p.basicString()
			if !ok {
				return nil, false
			}
			part = s
		case c == '\'':
			if bytes.HasPrefix(p.src[p.i:], []byte(`'''`)) {
				return nil, false
			}
			s, ok := p.literalString()
			if !ok {
				return nil, false
			}
			part = s
		case isBare(c):
			j := p.i
			for p.i < len(p.src) && isBare(p.src[p.i]) {
				p.i++
			}
			b := p.src[j:p.i]
			var ok bool
			if part, ok = p.keys[string(b)]; !ok {
				part = string(b)
				p.keys[part] = part
			}
		default:
			return nil, false
		}
		if part == "" || strings.ContainsAny(part, "\x00\x01") {
			return nil, false // the library's rules for empty keys; no clash with paths' separators
		}
		parts = append(parts, part)
		p.skipSpace()
		if p.i < len(p.src) && p.src[p.i] == '.' {
			p.i++
			continue
		}
		return parts, true
	}
}

func fastJoin(path, part string) string {
	if path == "" {
		return part
	}
	return path + "\x00" + part
}

// header reads [a.b] or [[a.b]] and makes its table the current one.
func (p *fastParser) header() bool {
	array := bytes.HasPrefix(p.src[p.i:], []byte("[["))
	p.i++
	if array {
		p.i++
	}
	parts, ok := p.key()
	if !ok || p.i >= len(p.src) || p.src[p.i] != ']' {
		return false
	}
	p.i++
	if array {
		if p.i >= len(p.src) || p.src[p.i] != ']' {
			return false
		}
		p.i++
	}
	m, path := p.root, ""
	for _, part := range parts[:len(parts)-1] {
		path = fastJoin(path, part)
		v, ok := m[part]
		if !ok {
			t := map[string]any{}
			m[part] = t
			p.kinds[path] = tableImplicit
			m = t
			continue
		}
		switch p.kinds[path] {
		case tableImplicit, tableExplicit:
			m = v.(map[string]any)
		case tableArray:
			a := v.([]map[string]any)
			m = a[len(a)-1]
			path += "\x01" + strconv.Itoa(len(a)-1)
		default:
			return false
		}
	}
	last := parts[len(parts)-1]
	path = fastJoin(path, last)
	v, exists := m[last]
	switch {
	case array && !exists:
		t := map[string]any{}
		m[last] = []map[string]any{t}
		p.kinds[path] = tableArray
		p.cur, p.curPath = t, path+"\x010"
	case array && p.kinds[path] == tableArray:
		a := append(v.([]map[string]any), map[string]any{})
		m[last] = a
		p.cur, p.curPath = a[len(a)-1], path+"\x01"+strconv.Itoa(len(a)-1)
	case array:
		return false
	case !exists:
		t := map[string]any{}
		m[last] = t
		p.kinds[path] = tableExplicit
		p.cur, p.curPath = t, path
	case p.kinds[path] == tableImplicit:
		p.kinds[path] = tableExplicit
		p.cur, p.curPath = v.(map[string]any), path
	default:
		return false
	}
	return true
}

// keyValue reads key = value into the current table.
func (p *fastParser) keyValue() bool {
	parts, ok := p.key()
	if !ok || p.i >= len(p.src) || p.src[p.i] != '=' {
		return false
	}
	var buf [4]string
	parts = append(buf[:0], parts...) // value may read keys of its own (inline tables)
	p.i++
	p.skipSpace()
	v, ok := p.value()
	if !ok {
		return false
	}
	m, path := p.cur, p.curPath
	for _, part := range parts[:len(parts)-1] {
		path = fastJoin(path, part)
		t, exists := m[part]
		switch {
		case !exists:
			n := map[string]any{}
			m[part] = n
			p.kinds[path] = tableDotted
			m = n
		case p.kinds[path] == tableDotted:
			m = t.(map[string]any)
		default:
			return false
		}
	}
	last := parts[len(parts)-1]
	if _, exists := m[last]; exists {
		return false
	}
	m[last] = v
	return true
}

func (p *fastParser) value() (any, bool) {
	if p.i >= len(p.src) {
		return nil, false
	}
	rest := p.src[p.i:]
	switch c := p.src[p.i]; {
	case bytes.HasPrefix(rest, []byte(`"""`)):
		return p.multiBasic()
	case c == '"':
		return p.basicString()
	case bytes.HasPrefix(rest, []byte(`'''`)):
		return p.multiLiteral()
	case c == '\'':
		return p.literalString()
	case c == '[':
		return p.array()
	case c == '{':
		return p.inlineTable()
	case bytes.HasPrefix(rest, []byte("true")):
		p.i += 4
		return true, p.delimited()
	case bytes.HasPrefix(rest, []byte("false")):
		p.i += 5
		return false, p.delimited()
	case c >= '0' && c <= '9', c == '+', c == '-':
		return p.number()
	}
	return nil, false
}

// delimited reports whether a value ends here: space, a separator, a comment or a line
// break (true1 is no boolean).
func (p *fastParser) delimited() bool {
	if p.i >= len(p.src) {
		return true
	}
	switch p.src[p.i] {
	case ' ', '\t', '\n', '\r', ',', ']', '}', '#':
		return true
	}
	return false
}

var dateLocal = sync.OnceValue(func() *time.Location {
	// The library's own zone of local dates (its values are compared by it elsewhere):
	// taken from a date it parses.
	var v map[string]any
	if _, err := toml.Decode("D = 2000-01-01", &v); err != nil {
		return nil
	}
	if t, ok := v["D"].(time.Time); ok {
		return t.Location()
	}
	return nil
})

// number reads a decimal integer, a float without exponent, or a local date.
func (p *fastParser) number() (any, bool) {
	j := p.i
	for p.i < len(p.src) && !p.delimited() {
		p.i++
	}
	if n, ok := plainInt(p.src[j:p.i]); ok {
		return n, true
	}
	tok := string(p.src[j:p.i])
	if len(tok) == 10 && tok[4] == '-' && tok[7] == '-' && allDigits(tok[:4]) && allDigits(tok[5:7]) && allDigits(tok[8:]) {
		loc := dateLocal()
		if loc == nil {
			return nil, false
		}
		t, err := time.ParseInLocation("2006-01-02", tok, loc)
		return t, err == nil
	}
	body := tok
	if body != "" && (body[0] == '+' || body[0] == '-') {
		body = body[1:]
	}
	intPart, frac, isFloat := strings.Cut(body, ".")
	if !decimalDigits(intPart) || intPart[0] == '0' && len(intPart) > 1 {
		return nil, false
	}
	if !isFloat {
		n, err := strconv.ParseInt(strings.ReplaceAll(tok, "_", ""), 10, 64)
		return n, err == nil
	}
	if !decimalDigits(frac) {
		return nil, false
	}
	f, err := strconv.ParseFloat(strings.ReplaceAll(tok, "_", ""), 64)
	return f, err == nil
}

// plainInt reads an integer of at most 18 digits, without sign, underscore or leading
// zero: most numbers of a plan, read without making a string.
func plainInt(b []byte) (int64, bool) {
	if len(b) == 0 || len(b) > 18 || b[0] == '0' && len(b) > 1 {
		return 0, false
	}
	var n int64
	for _, c := range b {
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int64(c-'0')
	}
	return n, true
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// decimalDigits: digits, an underscore only between two digits.
func decimalDigits(s string) bool {
	if s == "" || s[0] == '_' || s[len(s)-1] == '_' {
		return false
	}
	for i := 0; i < len(s); i++ {
		switch {
		case s[i] >= '0' && s[i] <= '9':
		case s[i] == '_' && s[i+1] != '_':
		default:
			return false
		}
	}
	return true
}

// basicString reads "…" on one line.
func (p *fastParser) basicString() (string, bool) {
	p.i++
	j := p.i
	for p.i < len(p.src) && p.src[p.i] != '"' && p.src[p.i] != '\\' && p.src[p.i] != '\n' && p.src[p.i] != '\r' {
		p.i++
	}
	if p.i < len(p.src) && p.src[p.i] == '"' {
		p.i++
		return string(p.src[j : p.i-1]), true // no escape: the common case
	}
	var b strings.Builder
	b.Write(p.src[j:p.i])
	for p.i < len(p.src) {
		switch c := p.src[p.i]; c {
		case '"':
			p.i++
			return b.String(), true
		case '\n', '\r':
			return "", false
		case '\\':
			if !p.escape(&b) {
				return "", false
			}
		default:
			b.WriteByte(c)
			p.i++
		}
	}
	return "", false
}

// escape reads one escape sequence of a basic string: \b \t \n \f \r \" \\ \uXXXX
// \UXXXXXXXX (the rest is left to the library).
func (p *fastParser) escape(b *strings.Builder) bool {
	if p.i+1 >= len(p.src) {
		return false
	}
	c := p.src[p.i+1]
	p.i += 2
	switch c {
	case 'b':
		b.WriteByte('\b')
	case 't':
		b.WriteByte('\t')
	case 'n':
		b.WriteByte('\n')
	case 'f':
		b.WriteByte('\f')
	case 'r':
		b.WriteByte('\r')
	case '"':
		b.WriteByte('"')
	case '\\':
		b.WriteByte('\\')
	case 'u', 'U':
		n := 4
		if c == 'U' {
			n = 8
		}
		if p.i+n > len(p.src) {
			return false
		}
		h := string(p.src[p.i : p.i+n])
		if !fastHex(h) {
			return false
		}
		r, err := strconv.ParseUint(h, 16, 32)
		if err != nil || r > utf8.MaxRune || r >= 0xd800 && r < 0xe000 {
			return false
		}
		b.WriteRune(rune(r))
		p.i += n
	default:
		return false
	}
	return true
}

func fastHex(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F') {
			return false
		}
	}
	return true
}

// literalString reads '…' on one line.
func (p *fastParser) literalString() (string, bool) {
	p.i++
	j := p.i
	for p.i < len(p.src) && p.src[p.i] != '\'' {
		if p.src[p.i] == '\n' || p.src[p.i] == '\r' {
			return "", false
		}
		p.i++
	}
	if p.i >= len(p.src) {
		return "", false
	}
	p.i++
	return string(p.src[j : p.i-1]), true
}

// multiBasic reads """…""": a line break right after the opening quotes is dropped, a
// backslash ending a line drops the space up to the next text. Quotes right before the
// closing ones, and CRs, are left to the library.
func (p *fastParser) multiBasic() (string, bool) {
	p.i += 3
	if p.i < len(p.src) && p.src[p.i] == '\n' {
		p.i++
	}
	var b strings.Builder
	for p.i < len(p.src) {
		switch c := p.src[p.i]; c {
		case '"':
			if bytes.HasPrefix(p.src[p.i:], []byte(`"""`)) {
				p.i += 3
				if p.i < len(p.src) && p.src[p.i] == '"' {
					return "", false
				}
				return b.String(), true
			}
			b.WriteByte(c)
			p.i++
		case '\r':
			return "", false
		case '\\':
			k := p.i + 1
			for k < len(p.src) && (p.src[k] == ' ' || p.src[k] == '\t') {
				k++
			}
			if k < len(p.src) && p.src[k] == '\n' {
				p.i = k
				for p.i < len(p.src) && (p.src[p.i] == ' ' || p.src[p.i] == '\t' || p.src[p.i] == '\n') {
					p.i++
				}
				if p.i < len(p.src) && p.src[p.i] == '\r' {
					return "", false
				}
				continue
			}
			if !p.escape(&b) {
				return "", false
			}
		default:
			b.WriteByte(c)
			p.i++
		}
	}
	return "", false
}

// multiLiteral reads a multi-line literal string (see multiBasic).
func (p *fastParser) multiLiteral() (string, bool) {
	p.i += 3
	if p.i < len(p.src) && p.src[p.i] == '\n' {
		p.i++
	}
	j := p.i
	for p.i < len(p.src) {
		switch p.src[p.i] {
		case '\'':
			if bytes.HasPrefix(p.src[p.i:], []byte(`'''`)) {
				s := string(p.src[j:p.i])
				p.i += 3
				if p.i < len(p.src) && p.src[p.i] == '\'' {
					return "", false
				}
				return s, true
			}
		case '\r':
			return "", false
		}
		p.i++
	}
	return "", false
}

// array reads [v, …] over any lines, with comments and a trailing comma.
func (p *fastParser) array() (any, bool) {
	p.i++
	out := []any{}
	for {
		p.skipBlank()
		if p.i >= len(p.src) {
			return nil, false
		}
		if p.src[p.i] == ']' {
			p.i++
			return out, true
		}
		v, ok := p.value()
		if !ok {
			return nil, false
		}
		out = append(out, v)
		p.skipBlank()
		if p.i >= len(p.src) {
			return nil, false
		}
		switch p.src[p.i] {
		case ',':
			p.i++
		case ']':
			p.i++
			return out, true
		default:
			return nil, false
		}
	}
}

// inlineTable reads {k = v, …} on one line, of plain keys, without a trailing comma.
func (p *fastParser) inlineTable() (any, bool) {
	p.i++
	out := map[string]any{}
	p.skipSpace()
	if p.i < len(p.src) && p.src[p.i] == '}' {
		p.i++
		return out, true
	}
	for {
		parts, ok := p.key()
		if !ok || len(parts) != 1 || p.i >= len(p.src) || p.src[p.i] != '=' {
			return nil, false
		}
		k := parts[0]
		if _, dup := out[k]; dup {
			return nil, false
		}
		p.i++
		p.skipSpace()
		v, ok := p.value()
		if !ok {
			return nil, false
		}
		out[k] = v
		p.skipSpace()
		if p.i >= len(p.src) {
			return nil, false
		}
		switch p.src[p.i] {
		case ',':
			p.i++
			p.skipSpace()
			if p.i < len(p.src) && p.src[p.i] == '}' {
				return nil, false // a trailing comma: TOML 1.1
			}
		case '}':
			p.i++
			return out, true
		default:
			return nil, false
		}
	}
}
