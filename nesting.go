package kep

// MaxNesting is how deep arrays and inline tables may nest. Plans need three levels
// (competitors = { … } inside a row); the TOML library takes time quadratic in the depth,
// so a file of a million brackets would keep it busy for minutes.
const MaxNesting = 32

// checkNesting measures the nesting of arrays and inline tables in src, outside strings
// and comments, before the TOML library sees it; it returns the line where the nesting
// goes too deep, or 0.
func checkNesting(src []byte) int {
	depth, line := 0, 1
	for i := 0; i < len(src); i++ {
		switch c := src[i]; c {
		case '\n':
			line++
		case '#':
			for i < len(src) && src[i] != '\n' {
				i++
			}
			i-- // let the loop see the line break
		case '"', '\'':
			quote := string([]byte{c, c, c})
			if string(src[i:min(len(src), i+3)]) == quote {
				// Multi-line string: up to the closing triple quote.
				i += 3
				for i < len(src) && string(src[i:min(len(src), i+3)]) != quote {
					if src[i] == '\\' && c == '"' {
						i++
					}
					if i < len(src) && src[i] == '\n' {
						line++
					}
					i++
				}
				i += 2
				continue
			}
			for i++; i < len(src) && src[i] != c && src[i] != '\n'; i++ {
				if src[i] == '\\' && c == '"' {
					i++
				}
			}
		case '[', '{':
			depth++
			if depth > MaxNesting {
				return line
			}
		case ']', '}':
			if depth > 0 {
				depth--
			}
		}
	}
	return 0
}
