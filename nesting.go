package kep

// MaxNesting is how deep arrays and inline tables may nest, and how many dots a key may
// have. Plans need three levels (competitors = { … } inside a row, value.benefits); the
// TOML library takes time quadratic in the depth of both, so a file of a million
// brackets or a key of a million parts would keep it busy for minutes.
const MaxNesting = 32

// checkNesting measures the nesting of arrays and inline tables and the parts of dotted
// keys in src, outside strings and comments, before the TOML library sees it. It returns
// the line where either goes too deep, or 0.
func checkNesting(src []byte) int {
	var stack []byte // open [ and { of values
	line, dots := 1, 0
	inKey, header := true, false // reading a key; reading a [table] header
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
			stack = append(stack, c)
			inKey, dots = true, 0
		case ']', '}':
			if !header && len(stack) > 0 {
				stack = stack[:len(stack)-1]
			}
		case ',':
			if len(stack) > 0 && stack[len(stack)-1] == '{' {
				inKey, dots = true, 0
			}
		case '=':
			if !header {
				inKey = false
			}
		case '.':
			if inKey {
				dots++
			}
		}
		if len(stack) > MaxNesting || dots > MaxNesting {
			return line
		}
	}
	return 0
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
