package load

import "github.com/kepdev/kep/locale"

// MaxNesting is how deep arrays and inline tables may nest, and how many dots a key may
// have. Plans need three levels (competitors = { … } inside a row, value.benefits); the
// TOML library takes time quadratic in the depth of both, so a file of a million
// brackets or a key of a million parts would keep it busy for minutes.
const MaxNesting = 32

// MaxTables bounds the work of the TOML library on a file's tables and keys, counted
// before it parses: every table counts 1, and every table and key also the parts of its
// full name beyond the fourth (the library builds each name from all its parts), so
// [a.b.c.d.e.f] counts 1 + 1 + 2 (a.b.c.d.e and a.b.c.d.e.f are 1 and 2 parts too
// deep). 2 MiB of headers 32 parts deep took 10 s and 1 GB, of inline tables 5 s and
// 1.2 GB, of keys under a deep header 3 s. Plans name keys at most four parts deep
// (offering.profile[].competitors.<id>); 10,000 rows in each of ten lists stay below.
const MaxTables = 200000

// freeParts is how many parts of a name cost nothing extra.
const freeParts = 4

func beyond(parts int) int { return max(0, parts-freeParts) }

// checkStructure refuses, before the TOML library sees src, nesting beyond MaxNesting and
// tables beyond MaxTables: it returns the line and the message, or 0 and no message.
func checkStructure(src []byte) (int, locale.Msg) {
	deep, many, _ := scanNesting(src)
	switch {
	case deep > 0:
		return deep, locale.Msgf("arrays, inline tables or dotted keys nest more than %d deep", MaxNesting)
	case many > 0:
		return many, locale.Msgf("too many tables or keys nested too deep: more than the limit of %d, counting 1 per table and 1 per part of a name beyond the fourth", MaxTables)
	}
	return 0, locale.Msg{}
}

// checkNesting returns the line where nesting goes too deep, or 0.
func checkNesting(src []byte) int {
	deep, _, _ := scanNesting(src)
	return deep
}

// tablesWeight returns the tables of src, counted as for MaxTables.
func tablesWeight(src []byte) int {
	_, _, w := scanNesting(src)
	return w
}

// scanNesting measures the nesting of arrays and inline tables and the parts of dotted
// keys in src, outside strings and comments. It returns the line where either goes too
// deep (or 0), the line where the tables go beyond MaxTables (or 0), and their weight.
func scanNesting(src []byte) (deep, many, weight int) {
	var stack []byte // open [ and { of values
	line, dots := 1, 0
	inKey, header := true, false // reading a key; reading a [table] header
	headerParts := 0
	for i := 0; i < len(src); i++ {
		switch c := src[i]; c {
		case '\n':
			line++
			if len(stack) == 0 {
				inKey, header, dots = true, false, 0
			}
		case '#':
			for i+1 < len(src) && src[i+1] != '\n' {
				i++
			}
		case '"', '\'':
			i, line = skipString(src, i, line)
		case '[':
			switch {
			case header:
			case inKey && len(stack) == 0:
				header = true
			default:
				stack = append(stack, c)
			}
		case '{':
			weight += 1 + beyond(headerParts+len(stack)+dots+1)
			stack = append(stack, c)
			inKey, dots = true, 0
		case ']', '}':
			if header && dots >= 0 {
				// The table, and each of its names too deep, its parents' too.
				headerParts = dots + 1
				weight++
				for p := freeParts + 1; p <= headerParts; p++ {
					weight += beyond(p)
				}
				dots = -1 // counted; a second ] of [[…]] adds nothing
			}
			if !header && len(stack) > 0 {
				stack = stack[:len(stack)-1]
			}
		case ',':
			if len(stack) > 0 && stack[len(stack)-1] == '{' {
				inKey, dots = true, 0
			}
		case '=':
			if !header && inKey {
				inKey = false
				weight += beyond(headerParts + len(stack) + dots + 1) // the key
			}
		case '.':
			if inKey {
				dots++
				if !header {
					weight += 1 + beyond(headerParts+len(stack)+dots) // an implicit table
				}
			}
		}
		if len(stack) > MaxNesting || dots > MaxNesting {
			return line, 0, weight
		}
		if weight > MaxTables && many == 0 {
			many = line
		}
	}
	return 0, many, weight
}

// skipString returns the index of the last byte of the string starting at src[i] and the
// line it ends on.
func skipString(src []byte, i, line int) (int, int) {
	c := src[i]
	if i+2 < len(src) && src[i+1] == c && src[i+2] == c {
		// Multi-line: up to the closing triple quote (and up to two more quotes).
		for i += 3; i < len(src); i++ {
			switch {
			case src[i] == '\\' && c == '"':
				i++
				if i < len(src) && src[i] == '\n' {
					line++
				}
			case src[i] == '\n':
				line++
			case src[i] == c && i+2 < len(src) && src[i+1] == c && src[i+2] == c:
				i += 2
				for i+1 < len(src) && src[i+1] == c {
					i++
				}
				return i, line
			}
		}
		return len(src), line
	}
	for i++; i < len(src) && src[i] != c && src[i] != '\n'; i++ {
		if src[i] == '\\' && c == '"' {
			i++
		}
	}
	if i < len(src) && src[i] == '\n' {
		i-- // let the caller count the line break
	}
	return i, line
}
