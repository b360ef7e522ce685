package gfm

import (
	"regexp"
	"testing"

	"github.com/yuin/goldmark/extension/ast"
)

// delimAlignment reads every cell as upstream's four expressions did: every string of up
// to 6 bytes over the characters that matter, and some longer ones.
func TestDelimAlignmentAsRegexps(t *testing.T) {
	res := []struct {
		re *regexp.Regexp
		a  ast.Alignment
	}{
		{regexp.MustCompile(`^\s*\:\-+\s*$`), ast.AlignLeft},
		{regexp.MustCompile(`^\s*\-+\:\s*$`), ast.AlignRight},
		{regexp.MustCompile(`^\s*\:\-+\:\s*$`), ast.AlignCenter},
		{regexp.MustCompile(`^\s*\-+\s*$`), ast.AlignNone},
	}
	check := func(col []byte) {
		want, wantOK := ast.Alignment(0), false
		for _, r := range res {
			if r.re.Match(col) {
				want, wantOK = r.a, true
				break
			}
		}
		if got, ok := delimAlignment(col); got != want || ok != wantOK {
			t.Fatalf("delimAlignment(%q) = %v, %v; the expressions: %v, %v", col, got, ok, want, wantOK)
		}
	}
	alphabet := []byte{' ', '\t', '\n', '\v', '\f', '\r', ':', '-', 'x', 0xc3}
	var rec func(prefix []byte, n int)
	rec = func(prefix []byte, n int) {
		check(prefix)
		if n == 0 {
			return
		}
		for _, c := range alphabet {
			rec(append(prefix, c), n-1)
		}
	}
	rec(nil, 6)
	for _, s := range []string{"  :------:  ", "\t---------\t", ":--------- ", " ------------:", "-- --", ":-:-", "\u00a0--"} {
		check([]byte(s))
	}
}
