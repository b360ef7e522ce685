package crm

import (
	"bytes"
	"math"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/kepdev/kep/locale"
	"github.com/kepdev/kep/plan/load"
)

// The editor changes a plan's TOML text line by line: it finds the [[name]] tables and
// the key lines inside them with a small TOML-aware scan (strings, multi-line strings,
// arrays and comments are stepped over, so a "[[contacts]]" inside a string is no header)
// and replaces only the values it changes. Everything else keeps its bytes.

// block is one [[name]] table of the source.
type block struct {
	start   int             // offset of the header line
	keys    map[string]span // key → its value
	lastEnd int             // offset just after the line of the last key (or the header)
	end     int             // offset of the next table's header line, or the end
}

// span is a key's value in the source: [start, end).
type span struct{ start, end int }

// scanBlocks returns the top-level tables of the source with header [[name]], in order.
func scanBlocks(src []byte, name string) ([]block, error) {
	return scanTables(src, "[["+name+"]]")
}

// scanTables returns the tables of the source whose header is hdr ("[plan]",
// "[[actions]]"), in order.
func scanTables(src []byte, want string) ([]block, error) {
	var out []block
	var cur *block
	i := 0
	for i < len(src) {
		lineStart := i
		i = skipBlanks(src, i)
		if i >= len(src) {
			break
		}
		switch c := src[i]; {
		case c == '\n' || c == '\r':
			i = nextLine(src, i)
			continue
		case c == '#':
			i = nextLine(src, i)
			continue
		case c == '[':
			hdr, end, err := scanHeader(src, i)
			if err != nil {
				return nil, err
			}
			if cur != nil {
				cur.end = lineStart
			}
			cur = nil
			if hdr == want {
				out = append(out, block{start: lineStart, keys: map[string]span{}, end: len(src)})
				cur = &out[len(out)-1]
			}
			i = nextLine(src, end)
			if cur != nil {
				cur.lastEnd = i
			}
			continue
		}
		// key = value
		eq := i
		for eq < len(src) && src[eq] != '=' && src[eq] != '\n' {
			if src[eq] == '"' || src[eq] == '\'' {
				eq = skipString(src, eq)
				continue
			}
			eq++
		}
		if eq >= len(src) || src[eq] != '=' {
			return nil, locale.MsgErrorf("line %d: cannot read this line", 1+bytes.Count(src[:i], []byte("\n")))
		}
		key := strings.TrimSpace(string(src[i:eq]))
		vs := skipBlanks(src, eq+1)
		ve := skipValue(src, vs)
		i = nextLine(src, ve)
		if cur != nil {
			cur.keys[strings.Trim(key, `"'`)] = span{vs, ve}
			cur.lastEnd = i
		}
	}
	return out, nil
}

func skipBlanks(src []byte, i int) int {
	for i < len(src) && (src[i] == ' ' || src[i] == '\t') {
		i++
	}
	return i
}

// nextLine returns the offset after the newline at or after i.
func nextLine(src []byte, i int) int {
	for i < len(src) && src[i] != '\n' {
		i++
	}
	if i < len(src) {
		i++
	}
	return i
}

// scanHeader reads a table header at src[i] == '[' and returns it with blanks and quotes
// of simple keys removed ("[[ contacts ]]" → "[[contacts]]").
func scanHeader(src []byte, i int) (string, int, error) {
	var b strings.Builder
	for j := i; j < len(src) && src[j] != '\n'; j++ {
		switch c := src[j]; c {
		case '"', '\'':
			e := skipString(src, j)
			b.Write(bytes.Trim(src[j:e], `"'`))
			j = e - 1
		case ' ', '\t', '\r':
		case '#':
			return b.String(), j, nil
		default:
			b.WriteByte(c)
		}
	}
	return b.String(), lineEnd(src, i), nil
}

func lineEnd(src []byte, i int) int {
	for i < len(src) && src[i] != '\n' {
		i++
	}
	return i
}

// skipString returns the offset after the string starting at src[i] (basic, literal or
// multi-line). An unterminated string runs to the end; the loader has reported it.
func skipString(src []byte, i int) int {
	q := src[i]
	if bytes.HasPrefix(src[i:], []byte{q, q, q}) {
		j := i + 3
		for j < len(src) {
			if q == '"' && src[j] == '\\' {
				j += 2
				continue
			}
			if bytes.HasPrefix(src[j:], []byte{q, q, q}) {
				j += 3
				for k := 0; k < 2 && j < len(src) && src[j] == q; k++ {
					j++
				}
				return j
			}
			j++
		}
		return len(src)
	}
	j := i + 1
	for j < len(src) && src[j] != '\n' {
		if q == '"' && src[j] == '\\' {
			j += 2
			continue
		}
		if src[j] == q {
			return j + 1
		}
		j++
	}
	return j
}

// skipValue returns the offset just after the value at src[i].
func skipValue(src []byte, i int) int {
	if i >= len(src) {
		return i
	}
	switch src[i] {
	case '"', '\'':
		return skipString(src, i)
	case '[', '{':
		depth := 0
		for j := i; j < len(src); j++ {
			switch src[j] {
			case '"', '\'':
				j = skipString(src, j) - 1
			case '#':
				j = lineEnd(src, j) - 1
			case '[', '{':
				depth++
			case ']', '}':
				depth--
				if depth == 0 {
					return j + 1
				}
			}
		}
		return len(src)
	}
	j := i
	for j < len(src) && !strings.ContainsRune(" \t\r\n#,]}", rune(src[j])) {
		j++
	}
	// A local date-time may hold one space: 2027-03-15 10:00.
	return j
}

// edit replaces src[start:end] by text.
type edit struct {
	start, end int
	text       string
}

// Edits that overlap are a bug of the merge, returned as an error, never applied.
func apply(src []byte, edits []edit) ([]byte, error) {
	sort.SliceStable(edits, func(a, b int) bool { return edits[a].start < edits[b].start })
	var out bytes.Buffer
	at := 0
	for _, e := range edits {
		if e.start < at || e.end < e.start || e.end > len(src) {
			return nil, locale.MsgErrorf("internal error: two changes to one place of the plan (offset %d)", e.start)
		}
		out.Write(src[at:e.start])
		out.WriteString(e.text)
		at = e.end
	}
	out.Write(src[at:])
	return out.Bytes(), nil
}

// tomlString quotes s as a TOML basic string, as kep init does.
func tomlString(s string) string { return load.QuoteTOML(s) }

func tomlStrings(ss []string) string {
	q := make([]string, len(ss))
	for i, s := range ss {
		q[i] = tomlString(s)
	}
	return "[" + strings.Join(q, ", ") + "]"
}

// tomlNumber writes whole numbers as integers with _ between thousands from 10,000 on
// (as the samples write money), others in the shortest form that reads back the same.
func tomlNumber(v float64) string {
	if v == math.Trunc(v) && math.Abs(v) < 1e15 {
		s := strconv.FormatInt(int64(math.Abs(v)), 10)
		if len(s) > 4 {
			var b strings.Builder
			for i, c := range s {
				if i > 0 && (len(s)-i)%3 == 0 {
					b.WriteByte('_')
				}
				b.WriteRune(c)
			}
			s = b.String()
		}
		if v < 0 {
			s = "-" + s
		}
		return s
	}
	return strconv.FormatFloat(v, 'f', -1, 64)
}

func tomlDate(t time.Time) string { return t.Format("2006-01-02") }

// Table is a table of a plan's source as the editor finds it, for other commands that
// change a plan in place (kep next-year): Start is its header line, End the next table's
// header line (or the end), Keys the byte spans of its values, LastKeyEnd the offset after
// its last key line.
type SourceTable struct {
	Start, End, LastKeyEnd int
	Keys                   map[string][2]int
}

// Tables returns the tables with header hdr ("[plan]", "[[actions]]") in source order.
func Tables(src []byte, hdr string) ([]SourceTable, error) {
	bs, err := scanTables(src, hdr)
	if err != nil {
		return nil, err
	}
	out := make([]SourceTable, len(bs))
	for i, b := range bs {
		t := SourceTable{Start: b.start, End: b.end, LastKeyEnd: b.lastEnd, Keys: map[string][2]int{}}
		for k, sp := range b.keys {
			t.Keys[k] = [2]int{sp.start, sp.end}
		}
		out[i] = t
	}
	return out, nil
}

// Edit replaces Src[Start:End] of a source by Text.
type Edit struct {
	Start, End int
	Text       string
}

// Apply applies edits that do not overlap.
func Apply(src []byte, edits []Edit) ([]byte, error) {
	es := make([]edit, len(edits))
	for i, e := range edits {
		es[i] = edit{e.Start, e.End, e.Text}
	}
	return apply(src, es)
}

// LineStart returns the offset of the start of the line holding offset i.
func LineStart(src []byte, i int) int {
	for i > 0 && src[i-1] != '\n' {
		i--
	}
	return i
}

// NextLine returns the offset after the line holding offset i.
func NextLine(src []byte, i int) int { return nextLine(src, i) }
