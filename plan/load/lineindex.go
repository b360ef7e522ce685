package load

import (
	"bytes"
	"strconv"
	"strings"
	"sync"
)

// The TOML library keeps the positions of keys private, so checks made after decoding
// find their line through a small index built by scanning the source: key path
// (scorecard.objectives[2].weight) → where that key or table header stands. The scanner
// knows just enough TOML for this: table headers with array counters, dotted keys, inline
// tables and arrays, strings of all four kinds, and comments. On malformed input it stops
// quietly; the library reports the syntax error.

type pos struct{ Line, Col int }

// maxIndexed bounds the index of a hostile file; a real plan has a few thousand keys.
const maxIndexed = 4 * MaxRows

type lineIndex map[string]pos

// lazyIndex is the line index of one file, built on first use: only findings need
// positions, and a plan without any never asks. It is safe for concurrent use (the
// documents of a plan are written in parallel, and each asks for its warnings).
type lazyIndex struct {
	once sync.Once
	src  []byte
	ix   lineIndex
}

func newLazyIndex(src []byte) *lazyIndex { return &lazyIndex{src: src} }

// get returns the index, built on the first call; nil for a nil lazyIndex.
func (l *lazyIndex) get() lineIndex {
	if l == nil {
		return nil
	}
	l.once.Do(func() { l.ix = buildLineIndex(l.src) })
	return l.ix
}

// at is lineIndex.at on the index.
func (l *lazyIndex) at(path string) pos { return l.get().at(path) }

// at returns the position of path, or of its nearest ancestor that has one.
func (ix lineIndex) at(path string) pos {
	for path != "" {
		if p, ok := ix[path]; ok {
			return p
		}
		path = parentPath(path)
	}
	return pos{}
}

// parentPath strips the last segment (".key" or "[n]") of a key path.
func parentPath(path string) string {
	if strings.HasSuffix(path, "]") {
		if i := strings.LastIndexByte(path, '['); i >= 0 {
			return path[:i]
		}
	}
	// The last dot outside quotes.
	inQuote, last := false, -1
	for i := 0; i < len(path); i++ {
		switch path[i] {
		case '\\':
			if inQuote {
				i++
			}
		case '"':
			inQuote = !inQuote
		case '.':
			if !inQuote {
				last = i
			}
		}
	}
	if last < 0 {
		return ""
	}
	return path[:last]
}

// isBareKey reports whether k can stand unquoted in a key path.
func isBareKey(k string) bool {
	if k == "" {
		return false
	}
	for _, r := range k {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '_' || r == '-') {
			return false
		}
	}
	return true
}

// joinKey appends key to a key path, quoting it where TOML would.
func joinKey(parent, key string) string {
	if !isBareKey(key) {
		key = strconv.Quote(key)
	}
	if parent == "" {
		return key
	}
	return parent + "." + key
}

// indexPath appends an array index to a key path.
func IndexPath(parent string, i int) string { return parent + "[" + strconv.Itoa(i) + "]" }

type scanner struct {
	src       string // one copy of the file, so that bare keys are substrings of it
	i         int
	line, col int // of src[i]
	ix        lineIndex
	aot       map[string]int // array-of-tables path → number of elements seen
	depth     int
	keyBuf    []string // reused by keys
}

func buildLineIndex(src []byte) lineIndex {
	// About one entry per key and per table header or array element: sized once, the map
	// does not grow step by step.
	n := min(bytes.Count(src, []byte("="))+bytes.Count(src, []byte("[")), maxIndexed)
	s := &scanner{src: string(src), line: 1, col: 1, ix: make(lineIndex, n), aot: map[string]int{}}
	if strings.HasPrefix(s.src, "\ufeff") {
		s.i = 3 // a byte order mark, as some Windows editors write
	}
	defer func() { _ = recover() }() // the index is best effort; never fail a load over it
	s.document()
	return s.ix
}

func (s *scanner) eof() bool { return s.i >= len(s.src) }

func (s *scanner) peek() byte {
	if s.eof() {
		return 0
	}
	return s.src[s.i]
}

func (s *scanner) next() {
	if s.eof() {
		return
	}
	if s.src[s.i] == '\n' {
		s.line++
		s.col = 1
	} else {
		s.col++
	}
	s.i++
}

func (s *scanner) has(prefix string) bool {
	if len(s.src)-s.i < len(prefix) {
		return false
	}
	for j := 0; j < len(prefix); j++ {
		if s.src[s.i+j] != prefix[j] {
			return false
		}
	}
	return true
}

// skipUntil moves over the bytes before the next one in stops, or to the end. stops
// holds '\n', so the line stays the same: a fast path over the long runs of text in
// strings and comments, which would otherwise be stepped over byte by byte.
func (s *scanner) skipUntil(stops string) {
	n := strings.IndexAny(s.src[s.i:], stops)
	if n < 0 {
		n = len(s.src) - s.i
	}
	s.i += n
	s.col += n
}

func isBareByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-'
}

// skipSpace skips blanks, and with newlines also line breaks and comments.
func (s *scanner) skipSpace(newlines bool) {
	for !s.eof() {
		switch c := s.peek(); {
		case c == ' ' || c == '\t' || c == '\r':
			s.next()
		case c == '#':
			s.skipUntil("\n")
		case c == '\n' && newlines:
			s.next()
		default:
			return
		}
	}
}

func (s *scanner) record(path string, p pos) {
	if len(s.ix) >= maxIndexed {
		return
	}
	if _, ok := s.ix[path]; !ok {
		s.ix[path] = p
	}
}

func (s *scanner) document() {
	table := ""
	for {
		s.skipSpace(true)
		if s.eof() {
			return
		}
		start := pos{s.line, s.col}
		if s.peek() == '[' {
			array := s.has("[[")
			s.next()
			if array {
				s.next()
			}
			s.skipSpace(false)
			keys := s.keys()
			if len(keys) == 0 {
				return
			}
			table = s.resolve(keys[:len(keys)-1], start)
			table = joinKey(table, keys[len(keys)-1])
			if array {
				s.record(table, start)
				n := s.aot[table]
				s.aot[table] = n + 1
				table = IndexPath(table, n)
			}
			s.record(table, start)
			s.skipUntil("\n#")
			continue
		}
		before := s.i
		s.keyValue(table)
		if s.i == before {
			return // not TOML we understand; stop
		}
	}
}

// resolve turns header keys into a path, stepping into the latest element of each array
// of tables on the way.
// Implicit tables ([[costs.items]] without [costs]) are recorded at the header.
func (s *scanner) resolve(keys []string, at pos) string {
	path := ""
	for _, k := range keys {
		path = joinKey(path, k)
		s.record(path, at)
		if n, ok := s.aot[path]; ok {
			path = IndexPath(path, n-1)
		}
	}
	return path
}

// keys reads a dotted key up to "=" or "]". The slice is valid until the next call.
func (s *scanner) keys() []string {
	out := s.keyBuf[:0]
	defer func() { s.keyBuf = out[:0] }()
	for {
		s.skipSpace(false)
		var k string
		switch c := s.peek(); c {
		case '"':
			k = s.basicString()
		case '\'':
			k = s.literalString()
		default:
			start := s.i
			for !s.eof() && isBareByte(s.peek()) {
				s.next()
			}
			if s.i == start {
				return out
			}
			k = s.src[start:s.i]
		}
		out = append(out, k)
		s.skipSpace(false)
		if s.peek() != '.' {
			return out
		}
		s.next()
	}
}

// keyValue reads "key = value" inside table and records the key's path.
func (s *scanner) keyValue(table string) {
	start := pos{s.line, s.col}
	keys := s.keys()
	if len(keys) == 0 || s.peek() != '=' {
		return
	}
	s.next()
	path := table
	for _, k := range keys {
		path = joinKey(path, k)
		s.record(path, start)
	}
	s.skipSpace(false)
	s.value(path)
}

func (s *scanner) value(path string) {
	s.depth++
	defer func() { s.depth-- }()
	if s.depth > 200 {
		panic("too deep")
	}
	switch c := s.peek(); {
	case c == '"':
		s.basicString()
	case c == '\'':
		s.literalString()
	case c == '[':
		s.next()
		for n := 0; ; n++ {
			s.skipSpace(true)
			if s.eof() {
				return
			}
			if s.peek() == ']' {
				s.next()
				return
			}
			el := IndexPath(path, n)
			if n > MaxRows {
				el = "" // refused anyway; not worth indexing
			} else {
				s.record(el, pos{s.line, s.col})
			}
			before := s.i
			s.value(el)
			s.skipSpace(true)
			if s.peek() == ',' {
				s.next()
			} else if s.i == before {
				return
			}
		}
	case c == '{':
		s.next()
		for {
			s.skipSpace(false)
			if s.eof() || s.peek() == '\n' {
				return
			}
			if s.peek() == '}' {
				s.next()
				return
			}
			before := s.i
			s.keyValue(path)
			s.skipSpace(false)
			if s.peek() == ',' {
				s.next()
			} else if s.i == before {
				return
			}
		}
	default:
		// A number, boolean, date or time: up to a delimiter.
		for !s.eof() {
			switch s.peek() {
			case ',', ']', '}', '\n', '#':
				return
			}
			s.next()
		}
	}
}

// basicString reads "…" or """…""" and returns the raw content of a one-line string
// (unescaped for keys, where that matters). Without escapes it is a substring of src.
func (s *scanner) basicString() string {
	if s.has(`"""`) {
		s.next()
		s.next()
		s.next()
		for s.skipUntil("\"\\\n"); !s.eof(); s.skipUntil("\"\\\n") {
			if s.peek() == '\\' {
				s.next()
				s.next()
				continue
			}
			if s.has(`"""`) {
				for s.peek() == '"' { // up to two quotes may end the content
					s.next()
				}
				return ""
			}
			s.next()
		}
		return ""
	}
	start := s.i
	s.next()
	for s.skipUntil("\"\\\n"); s.peek() == '\\'; s.skipUntil("\"\\\n") {
		s.next() // the backslash and the character it escapes
		s.next()
	}
	s.next()
	raw := s.src[start:min(s.i, len(s.src))]
	if k, err := strconv.Unquote(raw); err == nil {
		return k
	}
	return strings.Trim(raw, `"`)
}

func (s *scanner) literalString() string {
	if s.has(`'''`) {
		s.next()
		s.next()
		s.next()
		for s.skipUntil("'\n"); !s.eof(); s.skipUntil("'\n") {
			if s.has(`'''`) {
				for s.peek() == '\'' {
					s.next()
				}
				return ""
			}
			s.next()
		}
		return ""
	}
	s.next()
	start := s.i
	s.skipUntil("'\n")
	k := s.src[start:s.i]
	s.next()
	return k
}

// Position is at as the plan's Positions.
func (l *lazyIndex) Position(path string) (line, col int) {
	ps := l.at(path)
	return ps.Line, ps.Col
}
