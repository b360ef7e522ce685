package load

import (
	"regexp"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/BurntSushi/toml"
	"github.com/kepdev/kep/locale"
	"github.com/kepdev/kep/plan"
)

// The TOML library stops at the first mistake, so a plan with seven mistakes needed
// seven rounds. Once the library has refused a file, scanSyntax reads it line by line
// and names every line it cannot read, each once. It knows the shapes plan files take
// (comments, [table] and [[array]] headers, key = value with strings of all four kinds,
// arrays and inline tables, values spanning lines) and is conservative: each finding
// that stands in one piece of text is checked by the library on that piece alone and
// dropped if the library takes it, and the findings replace the library's message only
// when one of them explains the library's own error line (syntaxDiagnostics). The
// words are in messages.go. Decisions: docs/format-decisions.md.

// synFinding is one line the scan cannot read.
type synFinding struct {
	Line, Col int
	End       int // the last line the finding explains: beyond Line for a string or list left open
	Path      string
	Msg       locale.Msg
	check     string // the mistake as a TOML document of its own; the finding stands only if the library refuses it ("": certain without)
}

// syntaxDiagnostics returns the diagnostics of a file the library refused with lib (its
// message already friendlier): the scan's findings when one of them explains the
// library's error line (rawLine, before friendlierDiag moved it), else lib alone.
func syntaxDiagnostics(file string, src []byte, lib plan.Diagnostic, rawLine int) plan.Diagnostics {
	if lib.Line < 1 {
		return plan.Diagnostics{lib}
	}
	found := scanSyntax(src)
	covered := false
	for _, f := range found {
		for _, l := range [2]int{lib.Line, rawLine} {
			if f.Line <= l && l <= max(f.End, f.Line) {
				covered = true
			}
		}
	}
	if !covered {
		return plan.Diagnostics{lib}
	}
	out := make(plan.Diagnostics, 0, len(found))
	for _, f := range found {
		d := plan.Diagnostic{File: file, Line: f.Line, Col: f.Col, Path: f.Path}
		d.SetMsg(f.Msg)
		out = append(out, d)
	}
	return out
}

// maxFindings stops the scan of a file that is all mistakes (a binary file).
const maxFindings = MaxErrors

type synScan struct {
	src     string
	i       int
	starts  []int // byte offset of each line's start; line n starts at starts[n-1]
	found   []synFinding
	onLine  map[int]bool
	defined map[string]int // key paths given a value or an explicit [table] → line
	aot     map[string]int // array-of-tables path → elements seen
	table   string         // the path of the latest header
	depth   int
	notUTF8 int // the line of the first byte that is not UTF-8, for the later messages
}

// scanSyntax returns the lines of src that are not TOML, in order of lines.
func scanSyntax(src []byte) []synFinding {
	s := &synScan{src: string(src), onLine: map[int]bool{}, defined: map[string]int{}, aot: map[string]int{}}
	if f, ok := utf16Finding(src); ok {
		return []synFinding{f}
	}
	s.starts = append(s.starts, 0)
	controls, first := 0, -1
	for i := 0; i < len(src); i++ {
		switch c := src[i]; {
		case c == '\n':
			s.starts = append(s.starts, i+1)
		case c < 0x20 && c != '\t' && c != '\r' || c == 0x7f:
			controls++
			if first < 0 {
				first = i
			}
		}
	}
	if controls > max(3, len(src)/200) {
		// Not text: one finding, where the bytes first stop being text.
		if i := strings.IndexFunc(s.src, func(r rune) bool { return r == utf8.RuneError }); i >= 0 && i < first {
			first = i
		}
		line, col := s.lineOf(first)
		return []synFinding{{Line: line, Col: col, Msg: msgBinary(src[first])}}
	}
	s.encoding()
	if strings.HasPrefix(s.src, "\ufeff") {
		s.i = 3
	}
	func() {
		defer func() {
			if r := recover(); r != nil && r != errStopScan {
				panic(r)
			}
		}()
		for s.i < len(s.src) {
			s.statement()
		}
	}()
	out := s.found[:0]
	for _, f := range s.found {
		if f.check == "" || !tomlAccepts(f.check) {
			out = append(out, f)
		}
	}
	sortFindings(out)
	return out
}

var errStopScan = new(int)

func sortFindings(fs []synFinding) {
	for i := 1; i < len(fs); i++ {
		for j := i; j > 0 && fs[j].Line < fs[j-1].Line; j-- {
			fs[j], fs[j-1] = fs[j-1], fs[j]
		}
	}
}

// tomlAccepts reports whether the library takes doc as a TOML document.
func tomlAccepts(doc string) bool {
	var v map[string]any
	_, err := toml.Decode(doc, &v)
	return err == nil
}

// lineOf returns the line (from 1) and byte column of offset i.
func (s *synScan) lineOf(i int) (int, int) {
	lo, hi := 0, len(s.starts)
	for hi-lo > 1 {
		m := (lo + hi) / 2
		if s.starts[m] <= i {
			lo = m
		} else {
			hi = m
		}
	}
	return lo + 1, i - s.starts[lo] + 1
}

// lineEnd is the offset of the line break ending the line of i (or the end of src).
func (s *synScan) lineEnd(i int) int {
	if n := strings.IndexByte(s.src[i:], '\n'); n >= 0 {
		e := i + n
		if e > 0 && s.src[e-1] == '\r' {
			e--
		}
		return e
	}
	return len(s.src)
}

// nextLine is the offset of the line after the line of i.
func (s *synScan) nextLine(i int) int {
	if n := strings.IndexByte(s.src[i:], '\n'); n >= 0 {
		return i + n + 1
	}
	return len(s.src)
}

// add records a finding at offset i, unless its line already has one.
func (s *synScan) add(i, end int, path string, msg locale.Msg, check string) {
	line, col := s.lineOf(i)
	if s.onLine[line] {
		return
	}
	s.onLine[line] = true
	s.found = append(s.found, synFinding{Line: line, Col: col, End: end, Path: path, Msg: msg, check: check})
	if len(s.found) > maxFindings {
		panic(errStopScan)
	}
}

// encoding reports each line with bytes that are not UTF-8, naming the character they
// probably are.
func (s *synScan) encoding() {
	if utf8.ValidString(s.src) {
		return
	}
	cp1252 := false // bytes 0x80–0x9f: Windows-1252, not ISO-8859-1
	for i := 0; i < len(s.src); {
		r, n := utf8.DecodeRuneInString(s.src[i:])
		if r == utf8.RuneError && n == 1 && s.src[i] >= 0x80 && s.src[i] <= 0x9f {
			cp1252 = true
		}
		i += n
	}
	for i := 0; i < len(s.src); {
		r, n := utf8.DecodeRuneInString(s.src[i:])
		if r == utf8.RuneError && n == 1 {
			line, _ := s.lineOf(i)
			first := s.notUTF8
			if first == 0 {
				s.notUTF8 = line
			}
			s.add(i, line, "", msgNotUTF8(s.src[i], cp1252, first), "")
			i = s.nextLine(i)
			continue
		}
		i += n
	}
}

// utf16Finding recognises a file saved as UTF-16: by its byte-order mark, or by the
// NUL bytes every ASCII character brings.
func utf16Finding(src []byte) (synFinding, bool) {
	order := ""
	switch {
	case len(src) >= 2 && src[0] == 0xff && src[1] == 0xfe:
		order = "little-endian"
	case len(src) >= 2 && src[0] == 0xfe && src[1] == 0xff:
		order = "big-endian"
	default:
		head := src[:min(len(src), 1024)]
		even, odd := 0, 0
		for i, c := range head {
			if c == 0 {
				if i%2 == 0 {
					even++
				} else {
					odd++
				}
			}
		}
		switch {
		case len(head) < 4 || even+odd < len(head)/4:
			return synFinding{}, false
		case odd > even:
			order = "little-endian"
		default:
			order = "big-endian"
		}
	}
	return synFinding{Line: 1, Col: 1, Msg: msgUTF16(order)}, true
}

// Patterns of the scan: what a statement line looks like (to find where a list or
// string left open ends), and the words and numbers the messages name.
var synPatterns = sync.OnceValue(func() (p struct{ keyLine, headerLine, opener, plainNumber, dateOnly, timeStart, unit *regexp.Regexp }) {
	p.keyLine = regexp.MustCompile(`^[ \t]*[A-Za-z0-9_-]+([ \t]*\.[ \t]*[A-Za-z0-9_-]+)*[ \t]*=`)
	p.headerLine = regexp.MustCompile(`^[ \t]*\[\[?[ \t]*[A-Za-z0-9_-]+([ \t]*\.[ \t]*[A-Za-z0-9_-]+)*[ \t]*\]\]?[ \t]*(#.*)?\r?$`)
	p.opener = regexp.MustCompile(`^[ \t]*[A-Za-z0-9_-]+([ \t]*\.[ \t]*[A-Za-z0-9_-]+)*[ \t]*=[ \t]*("""|''')`)
	p.plainNumber = regexp.MustCompile(`^[-+]?(0|[1-9][0-9]*)(\.[0-9]+)?$`)
	p.dateOnly = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}$`)
	p.timeStart = regexp.MustCompile(`^ \d{2}:`)
	p.unit = regexp.MustCompile(`^(€|\$|£|%|‰|[A-Za-zÄÖÜäöüß€$.]+)$`)
	return p
})

// statementAt reports whether the line starting at offset i looks like a key = value
// line or a [table] header.
func (s *synScan) statementAt(i int) bool {
	line := s.src[i:s.lineEnd(i)]
	p := synPatterns()
	return p.keyLine.MatchString(line) || p.headerLine.MatchString(line)
}

func (s *synScan) skipBlank() {
	for s.i < len(s.src) && (s.src[s.i] == ' ' || s.src[s.i] == '\t') {
		s.i++
	}
}

// atLineEnd reports whether s.i is at a line break or the end.
func (s *synScan) atLineEnd() bool {
	return s.i >= len(s.src) || s.src[s.i] == '\n' || strings.HasPrefix(s.src[s.i:], "\r\n")
}

// statement reads one line at the top level: blank, comment, header or key = value,
// and leaves s.i at the start of the next statement.
func (s *synScan) statement() {
	start := s.i
	s.skipBlank()
	switch {
	case s.atLineEnd():
		s.i = s.nextLine(s.i)
		return
	case s.src[s.i] == '#':
		s.comment("")
		s.i = s.nextLine(s.i)
		return
	case s.src[s.i] == '[':
		s.header(start)
		return
	}
	s.keyValue(start)
}

// comment checks the comment at s.i for control characters and moves to its line's end.
func (s *synScan) comment(path string) {
	end := s.lineEnd(s.i)
	for j := s.i; j < end; j++ {
		if c := s.src[j]; c < 0x20 && c != '\t' || c == 0x7f {
			s.add(j, 0, path, msgControl(rune(c)), "")
			break
		}
	}
	s.i = end
}

// afterValue expects the end of the line (or a comment) after a value at the top level.
func (s *synScan) afterValue(path string, valStart int) {
	s.skipBlank()
	if s.i < len(s.src) && s.src[s.i] == '#' {
		s.comment(path)
	}
	if !s.atLineEnd() {
		end := s.lineEnd(s.i)
		if c := s.src[s.i]; c < 0x20 && c != '\t' || c == 0x7f {
			s.add(s.i, 0, path, msgControl(rune(c)), "")
		} else {
			s.add(s.i, 0, path, msgTrailing(s.src[valStart:s.i], s.src[s.i:end]), "v = "+s.src[valStart:end])
		}
	}
	s.i = s.nextLine(s.i)
}

// header reads a [table] or [[array]] header line.
func (s *synScan) header(lineStart int) {
	end := s.lineEnd(s.i)
	check := s.src[lineStart:end]
	open := s.i
	array := strings.HasPrefix(s.src[s.i:], "[[")
	s.i++
	if array {
		s.i++
	}
	keys, ok := s.keys("", check)
	if !ok {
		s.i = s.nextLine(s.i)
		return
	}
	s.skipBlank()
	closing := "]"
	if array {
		closing = "]]"
	}
	if !strings.HasPrefix(s.src[s.i:], closing) {
		if s.atLineEnd() || s.src[s.i] == '#' {
			s.add(s.i, 0, "", msgHeaderUnclosed(), check)
		} else {
			s.add(s.i, 0, "", msgHeaderJunk(s.src[s.i:end]), check)
		}
		s.i = s.nextLine(s.i)
		return
	}
	s.i += len(closing)
	path := ""
	if keys != nil {
		for _, k := range keys[:len(keys)-1] {
			path = joinKey(path, k)
			if n, ok := s.aot[path]; ok {
				path = IndexPath(path, n-1)
			}
		}
		path = joinKey(path, keys[len(keys)-1])
	}
	s.skipBlank()
	if s.i < len(s.src) && s.src[s.i] == '#' {
		s.comment(path)
	}
	if !s.atLineEnd() {
		s.add(s.i, 0, path, msgHeaderJunk(s.src[s.i:s.lineEnd(s.i)]), check)
		s.i = s.nextLine(s.i)
		return
	}
	s.i = s.nextLine(s.i)
	if keys == nil {
		return
	}
	line, _ := s.lineOf(open)
	if array {
		s.aot[path]++
		s.table = IndexPath(path, s.aot[path]-1)
		return
	}
	if first, twice := s.defined[path]; twice {
		s.add(open, 0, path, msgTwice(first), "")
	} else {
		s.defined[path] = line
	}
	s.table = path
}

// keys reads a dotted key, up to "=" or "]". It returns nil keys (and ok) when a part
// cannot be compared (a quoted key with escapes), and !ok after a finding.
func (s *synScan) keys(path, check string) ([]string, bool) {
	var out []string
	comparable := true
	s.skipBlank()
	first := s.i
	for {
		s.skipBlank()
		if s.i >= len(s.src) {
			s.add(s.i-1, 0, path, msgKeyMissing(), check)
			return nil, false
		}
		switch c := s.src[s.i]; {
		case c == '"' || c == '\'':
			k, ok := s.shortString(path, check)
			if !ok {
				return nil, false
			}
			if c == '"' && strings.Contains(k, `\`) {
				u, err := strconv.Unquote(`"` + k + `"`)
				if err != nil {
					comparable = false
				}
				k = u
			}
			out = append(out, k)
		case isBareByte(c):
			start := s.i
			for s.i < len(s.src) && isBareByte(s.src[s.i]) {
				s.i++
			}
			out = append(out, s.src[start:s.i])
		default:
			s.badKeyChar(path, check, len(out) > 0)
			return nil, false
		}
		// A blank, then a word: a space or tab inside the key.
		blank := s.i
		s.skipBlank()
		if s.i > blank && s.i < len(s.src) && (isBareByte(s.src[s.i]) || s.src[s.i] == '"' || s.src[s.i] == '\'') {
			if eq := strings.IndexAny(s.src[s.i:s.lineEnd(s.i)], "=]"); eq >= 0 && !strings.ContainsAny(s.src[s.i:s.i+eq], `"'#`) {
				s.add(blank, 0, path, msgBlankInKey(s.src[blank], strings.TrimRight(s.src[first:s.i+eq], " \t")), check)
				return nil, false
			}
		}
		if s.i >= len(s.src) || s.src[s.i] != '.' {
			if !comparable {
				return nil, true
			}
			return out, true
		}
		s.i++
	}
}

// badKeyChar reports the character at s.i where a key (or, after one, "=") should be.
func (s *synScan) badKeyChar(path, check string, afterKey bool) {
	// "finance = 1,5, customer = 0" in an inline table: the scan read 5 as the next key,
	// but the author wrote a decimal comma.
	if m := inlineDecimalComma().FindStringSubmatch(check); m != nil && (path == m[3] || strings.HasSuffix(path, "."+m[3])) {
		// The finding belongs to the key that took the number.
		path = strings.TrimSuffix(strings.TrimSuffix(path, m[3]), ".")
		s.add(s.i, 0, strings.TrimPrefix(path+"."+m[1], "."), msgDecimalComma(m[2], m[3]), check)
		return
	}
	r, _ := utf8.DecodeRuneInString(s.src[s.i:])
	switch {
	case invisibleName(r) != "":
		s.add(s.i, 0, path, msgInvisible(r, ""), check)
	case typographicQuote(r):
		s.add(s.i, 0, path, msgTypographic(r), check)
	case r < 0x20 && r != '\t' && r != '\n' && r != '\r' || r == 0x7f:
		s.add(s.i, 0, path, msgControl(r), "")
	case s.atLineEnd() || s.src[s.i] == '#':
		s.add(s.i, 0, path, msgKeyMissing(), check)
	case r == utf8.RuneError:
		s.add(s.i, 0, path, msgCannotRead(), check)
	case r >= 0x80:
		s.add(s.i, 0, path, msgKeyChar(string(r)), check)
	case afterKey:
		s.add(s.i, 0, path, msgKeyChar(string(r)), check)
	default:
		s.add(s.i, 0, path, msgCannotRead(), check)
	}
}

// keyValue reads key = value at the top level.
func (s *synScan) keyValue(lineStart int) {
	check := s.src[lineStart:s.lineEnd(lineStart)]
	keyAt := s.i
	keys, ok := s.keys(s.table, check)
	if !ok {
		s.recoverLine()
		return
	}
	path := s.table
	for _, k := range keys {
		path = joinKey(path, k)
	}
	s.skipBlank()
	if s.i >= len(s.src) || s.src[s.i] != '=' {
		s.missingEquals(path, check)
		s.recoverLine()
		return
	}
	s.i++
	s.skipBlank()
	if keys != nil {
		// Recorded before the value is read: a key with a wrong value is still given.
		line, _ := s.lineOf(keyAt)
		if first, twice := s.defined[path]; twice {
			s.add(keyAt, 0, path, msgTwice(first), "")
		} else {
			s.defined[path] = line
		}
	}
	valStart := s.i
	switch s.value(path, ctxTop) {
	case valBad:
		s.recoverLine()
		return
	case valOpen:
		return // s.i is at the statement that ended the open list or string
	}
	s.afterValue(path, valStart)
}

// recoverLine moves to the line after a finding.
func (s *synScan) recoverLine() {
	if s.i < len(s.src) {
		s.i = s.nextLine(s.i)
	}
}

// inlineDecimalComma finds a decimal comma inside an inline table or list of numbers;
// compiled on first use, not at package initialisation, which every kep process pays
// (issue 19).
var inlineDecimalComma = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`([A-Za-z0-9_-]+)\s*=\s*([-+]?\d+),(\d+)\s*[,}\]]`)
})

// missingEquals reports what stands where "=" should.
func (s *synScan) missingEquals(path, check string) {
	if s.atLineEnd() || s.src[s.i] == '#' {
		s.add(s.i, 0, path, msgNoEquals(""), check)
		return
	}
	// "finance = 1,5, customer = 0" in an inline table: the scan read 5 as the next key,
	// but the author wrote a decimal comma.
	if m := inlineDecimalComma().FindStringSubmatch(check); m != nil && (path == m[3] || strings.HasSuffix(path, "."+m[3])) {
		// The finding belongs to the key that took the number.
		path = strings.TrimSuffix(strings.TrimSuffix(path, m[3]), ".")
		s.add(s.i, 0, strings.TrimPrefix(path+"."+m[1], "."), msgDecimalComma(m[2], m[3]), check)
		return
	}
	r, _ := utf8.DecodeRuneInString(s.src[s.i:])
	switch {
	case invisibleName(r) != "":
		s.add(s.i, 0, path, msgInvisible(r, ""), check)
	case r >= 0x80 && r != utf8.RuneError && !typographicQuote(r):
		s.add(s.i, 0, path, msgKeyChar(string(r)), check)
	default:
		rest := strings.TrimRight(stripComment(s.src[s.i:s.lineEnd(s.i)]), " \t")
		if tomlAccepts("v = " + rest) {
			// key value: the value is fine, the "=" is missing.
			s.add(s.i, 0, path, msgNoEqualsFix(strings.TrimRight(check[:strings.Index(check, rest)], " \t")+" = "+rest), check)
			return
		}
		s.add(s.i, 0, path, msgNoEquals(string(r)), check)
	}
}

type valCtx int

const (
	ctxTop valCtx = iota
	ctxArray
	ctxInline
)

type valResult int

const (
	valOK   valResult = iota
	valBad            // a finding; s.i somewhere on the line of the mistake
	valOpen           // a list or string left open, reported where it opens; s.i at the next statement
)

// value reads one value at s.i.
func (s *synScan) value(path string, ctx valCtx) valResult {
	if s.depth > 2*MaxNesting {
		panic(errStopScan)
	}
	start := s.i
	if s.atLineEnd() || s.src[s.i] == '#' {
		s.add(s.i, 0, path, msgNoValue(), "")
		return valBad
	}
	rest := s.src[s.i:]
	r, _ := utf8.DecodeRuneInString(rest)
	switch {
	case strings.HasPrefix(rest, `"""`) || strings.HasPrefix(rest, `'''`):
		return s.multiline(path, ctx)
	case r == '"' || r == '\'':
		_, ok := s.shortString(path, "v = "+s.src[start:s.lineEnd(start)])
		if !ok {
			return valBad
		}
		return valOK
	case r == '[':
		return s.array(path)
	case r == '{':
		return s.inline(path)
	case typographicQuote(r):
		s.add(s.i, 0, path, msgTypographic(r), "v = "+s.src[start:s.lineEnd(start)])
		return valBad
	case invisibleName(r) != "":
		s.add(s.i, 0, path, msgInvisible(r, ""), "v = "+s.src[start:s.lineEnd(start)])
		return valBad
	}
	return s.scalar(path, ctx)
}

// scalar reads a number, date, true or false — or the word or number with a mistake.
func (s *synScan) scalar(path string, ctx valCtx) valResult {
	start := s.i
	end := s.lineEnd(start)
	stops := " \t#]}\r"
	if ctx != ctxTop {
		stops += ","
	}
	n := strings.IndexAny(s.src[start:end], stops)
	if n < 0 {
		n = end - start
	}
	s.i = start + n
	tok := s.src[start:s.i]
	p := synPatterns()
	if p.dateOnly.MatchString(tok) && p.timeStart.MatchString(s.src[s.i:end]) {
		// A date and a time, separated by a blank.
		m := strings.IndexAny(s.src[s.i+1:end], stops)
		if m < 0 {
			m = end - s.i - 1
		}
		s.i += 1 + m
		tok = s.src[start:s.i]
	}
	if tok == "true" || tok == "false" || p.plainNumber.MatchString(tok) || tomlAccepts("v = "+tok) {
		if ctx == ctxTop {
			// A valid value with a word after it on the line: a unit, a second number,
			// or text that wanted quotes.
			j := s.i
			for j < end && (s.src[j] == ' ' || s.src[j] == '\t') {
				j++
			}
			if j > s.i && j < end && s.src[j] != '#' {
				rest := strings.TrimRight(stripComment(s.src[j:end]), " \t")
				if m := msgAfterNumber(tok, rest); !m.IsZero() {
					s.add(j, 0, path, m, "v = "+s.src[start:end])
					return valBad
				}
			}
		}
		return valOK
	}
	whole := strings.TrimRight(stripComment(s.src[start:end]), " \t")
	if ctx != ctxTop {
		whole = tok
	}
	s.add(start, 0, path, msgScalar(tok, whole), "v = "+tok)
	return valBad
}

// stripComment cuts a " # comment" (outside quotes: the text has none that matter).
func stripComment(s string) string {
	if i := strings.Index(s, " #"); i >= 0 {
		return s[:i]
	}
	return s
}

// shortString reads a one-line "basic" or 'literal' string at s.i; its text is returned
// raw (escapes as written).
func (s *synScan) shortString(path, check string) (string, bool) {
	open := s.i
	q := s.src[s.i]
	s.i++
	end := s.lineEnd(s.i)
	for s.i < end {
		c := s.src[s.i]
		switch {
		case c == q:
			s.i++
			return s.src[open+1 : s.i-1], true
		case c == '\\' && q == '"':
			if bad := badEscape(s.src[s.i:end]); bad != "" {
				s.add(s.i, 0, path, msgEscape(bad), check)
				return "", false
			}
			s.i += 2
			continue
		case c < 0x20 && c != '\t' || c == 0x7f:
			s.add(s.i, 0, path, msgControl(rune(c)), check)
			return "", false
		}
		s.i++
	}
	text := s.src[open:end]
	last, _ := utf8.DecodeLastRuneInString(strings.TrimRight(text, " \t"))
	s.add(open, 0, path, msgUnclosed(string(q), last), check)
	return "", false
}

// badEscape returns the escape at the start of s ("\x") when TOML 1.0 has no such
// escape, else "".
func badEscape(s string) string {
	if len(s) < 2 {
		return `\`
	}
	switch s[1] {
	case 'b', 't', 'n', 'f', 'r', 'e', '"', '\\': // \e and \xHH: TOML 1.1, which the library reads
		return ""
	case 'u', 'U', 'x':
		n := 4
		switch s[1] {
		case 'U':
			n = 8
		case 'x':
			n = 2
		}
		if len(s) >= 2+n {
			if v, err := strconv.ParseUint(s[2:2+n], 16, 32); err == nil && utf8.ValidRune(rune(v)) {
				return ""
			}
		}
		return s[:2]
	}
	r, n := utf8.DecodeRuneInString(s[1:])
	if r == utf8.RuneError {
		return s[:2]
	}
	return s[:1+n]
}

// multiline reads a """ or ”' string. One left open is reported where it opens: where
// the file ends inside it, or where it "closes" with the quotes that open the next
// multi-line string (key = """), or with text after its closing quotes.
func (s *synScan) multiline(path string, ctx valCtx) valResult {
	open := s.i
	delim := s.src[s.i : s.i+3]
	basic := delim == `"""`
	s.i += 3
	suspect := -1 // the first line inside that looks like a statement
	var pending []synFinding
	p := synPatterns()
	lineStart := -1
	for s.i < len(s.src) {
		c := s.src[s.i]
		if lineStart >= 0 {
			if suspect < 0 && s.statementAt(lineStart) {
				suspect = lineStart
			}
			lineStart = -1
		}
		switch {
		case c == '\n':
			s.i++
			lineStart = s.i
			continue
		case basic && c == '\\':
			j := s.i + 1
			for j < len(s.src) && (s.src[j] == ' ' || s.src[j] == '\t' || s.src[j] == '\r') {
				j++
			}
			if j < len(s.src) && s.src[j] == '\n' {
				s.i = j // a line-ending backslash
				continue
			}
			if bad := badEscape(s.src[s.i:s.lineEnd(s.i)]); bad != "" {
				line, col := s.lineOf(s.i)
				pending = append(pending, synFinding{Line: line, Col: col, Path: path, Msg: msgEscape(bad)})
			}
			s.i += 2
			continue
		case c == '\r' && strings.HasPrefix(s.src[s.i:], "\r\n"):
		case c < 0x20 && c != '\t' || c == 0x7f:
			line, col := s.lineOf(s.i)
			pending = append(pending, synFinding{Line: line, Col: col, Path: path, Msg: msgControl(rune(c))})
		case strings.HasPrefix(s.src[s.i:], delim):
			q := 3
			for s.i+q < len(s.src) && s.src[s.i+q] == delim[0] && q < 5 {
				q++
			}
			closeAt := s.i
			s.i += q
			// What follows the closing quotes, on their line.
			after := strings.TrimLeft(s.src[s.i:s.lineEnd(s.i)], " \t")
			junk := after != "" && after[0] != '#' && (ctx == ctxTop || !strings.ContainsAny(after[:1], ",]}"))
			opener := p.opener.MatchString(s.src[s.starts[s.lineIdx(closeAt)]:s.lineEnd(closeAt)]) && closeAt > open && s.textFollows(s.i)
			if suspect >= 0 && (junk || opener) {
				return s.openString(open, suspect, delim, path)
			}
			for _, f := range pending {
				if !s.onLine[f.Line] {
					s.onLine[f.Line] = true
					s.found = append(s.found, f)
				}
			}
			return valOK
		}
		s.i++
	}
	return s.openString(open, suspect, delim, path)
}

func (s *synScan) lineIdx(i int) int { l, _ := s.lineOf(i); return l - 1 }

// textFollows reports whether the first line after the line of i that is neither blank
// nor a comment is no statement: text that belonged to a string.
func (s *synScan) textFollows(i int) bool {
	for j := s.nextLine(i); j < len(s.src); j = s.nextLine(j) {
		line := strings.TrimSpace(s.src[j:s.lineEnd(j)])
		if line == "" || line[0] == '#' {
			continue
		}
		return !s.statementAt(j)
	}
	return false
}

// openString reports the multi-line string opened at open and left open, and moves to
// the statement where reading goes on (suspect, or the end).
func (s *synScan) openString(open, suspect int, delim, path string) valResult {
	last, _ := s.lineOf(len(s.src))
	upTo := len(s.src)
	if suspect >= 0 {
		upTo = suspect
	}
	s.add(open, last, path, msgUnclosed(delim, 0), "v = "+s.src[open:upTo])
	s.i = upTo
	return valOpen
}

// array reads a list, which may span lines.
func (s *synScan) array(path string) valResult {
	open := s.i
	s.i++
	s.depth++
	defer func() { s.depth-- }()
	openLine, _ := s.lineOf(open)
	idx := 0
	for {
		s.between(path)
		if s.i >= len(s.src) {
			return s.openArray(open, path, len(s.src))
		}
		if line, col := s.lineOf(s.i); line > openLine && col >= 1 && s.statementAt(s.starts[line-1]) && strings.TrimLeft(s.src[s.starts[line-1]:s.i], " \t") == "" {
			return s.openArray(open, path, s.starts[line-1])
		}
		if s.src[s.i] == ']' {
			s.i++
			return valOK
		}
		elem := s.i
		switch s.value(IndexPath(path, idx), ctxArray) {
		case valOpen:
			return valOpen
		case valBad:
			s.i = s.lineEnd(s.i) // the rest of the line is lost; the list goes on
			if s.i >= len(s.src) {
				return valBad
			}
			idx++
			continue
		}
		idx++
		// A comma, or the end of the list.
		s.between(path)
		if s.i >= len(s.src) {
			return s.openArray(open, path, len(s.src))
		}
		switch s.src[s.i] {
		case ',':
			s.i++
			continue
		case ']':
			s.i++
			return valOK
		}
		if line, _ := s.lineOf(s.i); line > openLine && s.statementAt(s.starts[line-1]) && strings.TrimLeft(s.src[s.starts[line-1]:s.i], " \t") == "" {
			return s.openArray(open, path, s.starts[line-1])
		}
		end := s.lineEnd(s.i)
		check := "v = [" + s.src[elem:end] + "\n]"
		unit := s.src[s.i:end]
		if n := strings.IndexAny(unit, ",]#"); n >= 0 {
			unit = unit[:n]
		}
		if m := msgAfterNumber(strings.TrimRight(s.src[elem:s.i], " \t"), strings.TrimRight(unit, " \t")); !m.IsZero() && s.i > elem && (s.src[s.i-1] == ' ' || s.src[s.i-1] == '\t') {
			s.add(s.i, 0, path, m, check)
		} else {
			s.add(s.i, 0, path, msgNoComma(), check)
		}
		s.i = end
	}
}

// openArray reports the list opened at open and not closed before resume.
func (s *synScan) openArray(open int, path string, resume int) valResult {
	last, _ := s.lineOf(resume) // the library stumbles on the statement after the list
	s.add(open, last, path, msgArrayOpen(), "v = "+s.src[open:resume])
	s.i = resume
	return valOpen
}

// inline reads an inline table. The library reads TOML 1.1, where an inline table may
// span lines and end with a comma; so does the scan.
func (s *synScan) inline(path string) valResult {
	open := s.i
	s.i++
	s.depth++
	defer func() { s.depth-- }()
	openLine, _ := s.lineOf(open)
	pairs := 0
	for {
		s.between(path)
		if s.i >= len(s.src) {
			return s.openInline(open, path, len(s.src))
		}
		if s.src[s.i] == '}' {
			s.i++
			return valOK
		}
		if pairs > 0 {
			// After a pair: a comma, or the end.
			switch s.src[s.i] {
			case ',':
				s.i++
				s.between(path)
				if s.i < len(s.src) && s.src[s.i] == '}' {
					s.i++
					return valOK
				}
			default:
				if line, _ := s.lineOf(s.i); line > openLine && s.statementStart(line) {
					return s.openInline(open, path, s.starts[line-1])
				}
				s.add(s.i, 0, path, msgInlineComma(), "v = "+s.src[open:s.lineEnd(s.i)])
				return valBad
			}
			s.between(path)
			if s.i >= len(s.src) {
				return s.openInline(open, path, len(s.src))
			}
		}
		if line, _ := s.lineOf(s.i); line > openLine && s.headerStart(line) {
			return s.openInline(open, path, s.starts[line-1])
		}
		check := "v = " + s.src[open:s.lineEnd(s.i)]
		keys, ok := s.keys(path, check)
		if !ok {
			return valBad
		}
		kpath := path
		for _, k := range keys {
			kpath = joinKey(kpath, k)
		}
		s.skipBlank()
		if s.i >= len(s.src) || s.src[s.i] != '=' {
			s.missingEquals(kpath, check)
			return valBad
		}
		s.i++
		s.skipBlank()
		switch s.value(kpath, ctxInline) {
		case valBad:
			return valBad
		case valOpen:
			return valOpen
		}
		pairs++
	}
}

// between skips blanks, line breaks and comments between the parts of a list or table.
func (s *synScan) between(path string) {
	for s.i < len(s.src) {
		c := s.src[s.i]
		if c == ' ' || c == '\t' || c == '\n' || strings.HasPrefix(s.src[s.i:], "\r\n") {
			s.i++
			continue
		}
		if c == '#' {
			s.comment(path)
			continue
		}
		return
	}
}

// statementStart reports whether line (from 1) starts, after blanks, at s.i with a
// key = value or a header.
func (s *synScan) statementStart(line int) bool {
	return s.statementAt(s.starts[line-1]) && strings.TrimLeft(s.src[s.starts[line-1]:s.i], " \t") == ""
}

func (s *synScan) headerStart(line int) bool {
	l := s.src[s.starts[line-1]:s.lineEnd(s.starts[line-1])]
	return synPatterns().headerLine.MatchString(l) && strings.TrimLeft(s.src[s.starts[line-1]:s.i], " \t") == ""
}

// openInline reports an inline table not closed before resume.
func (s *synScan) openInline(open int, path string, resume int) valResult {
	last, _ := s.lineOf(resume)
	s.add(open, last, path, msgInlineOpen(), "v = "+s.src[open:resume])
	s.i = resume
	return valOpen
}

// invisibleName names the spaces and invisible characters that a paste from Word or
// Excel brings, "" for others.
func invisibleName(r rune) string {
	switch r {
	case 0x00a0:
		return "NO-BREAK SPACE"
	case 0x00ad:
		return "SOFT HYPHEN"
	case 0x1680:
		return "OGHAM SPACE MARK"
	case 0x2000:
		return "EN QUAD"
	case 0x2001:
		return "EM QUAD"
	case 0x2002:
		return "EN SPACE"
	case 0x2003:
		return "EM SPACE"
	case 0x2004:
		return "THREE-PER-EM SPACE"
	case 0x2005:
		return "FOUR-PER-EM SPACE"
	case 0x2006:
		return "SIX-PER-EM SPACE"
	case 0x2007:
		return "FIGURE SPACE"
	case 0x2008:
		return "PUNCTUATION SPACE"
	case 0x2009:
		return "THIN SPACE"
	case 0x200a:
		return "HAIR SPACE"
	case 0x200b:
		return "ZERO WIDTH SPACE"
	case 0x200c:
		return "ZERO WIDTH NON-JOINER"
	case 0x200d:
		return "ZERO WIDTH JOINER"
	case 0x2060:
		return "WORD JOINER"
	case 0x202f:
		return "NARROW NO-BREAK SPACE"
	case 0x205f:
		return "MEDIUM MATHEMATICAL SPACE"
	case 0x3000:
		return "IDEOGRAPHIC SPACE"
	case 0xfeff:
		return "ZERO WIDTH NO-BREAK SPACE (byte-order mark)"
	}
	return ""
}

// typographicQuote reports whether r is a quotation mark that TOML does not take.
func typographicQuote(r rune) bool {
	switch r {
	case '„', '“', '”', '‘', '’', '‚', '«', '»', '‹', '›', '″', '＂':
		return true
	}
	return false
}
