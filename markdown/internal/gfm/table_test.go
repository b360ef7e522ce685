package gfm

import (
	"regexp"
	"testing"

	"github.com/yuin/goldmark/extension/ast"
)

// TestDelimAlignment holds delimAlignment to goldmark's four expressions on every
// string of up to five characters over the bytes that matter (and a few that must not
// be taken for space: 111,111 strings; six took 38 s under the race detector in CI), and
// on FuzzDelimAlignment's inputs.
func TestDelimAlignment(t *testing.T) {
	alphabet := []byte{'-', ':', ' ', '\t', '\n', '\r', '\f', '\v', '|', 'x'}
	var gen func(prefix []byte, n int)
	count := 0
	gen = func(prefix []byte, n int) {
		checkDelim(t, prefix)
		count++
		if n == 0 {
			return
		}
		for _, c := range alphabet {
			gen(append(prefix, c), n-1)
		}
	}
	gen(nil, 5)
	for _, s := range []string{" :---: ", "--:\n", " :-\r\n", "\u00a0---", "---\u00a0", ":------------------:", "- -"} {
		checkDelim(t, []byte(s))
	}
	if count < 100_000 {
		t.Fatalf("only %d strings checked", count)
	}
}

func FuzzDelimAlignment(f *testing.F) {
	for _, s := range []string{":--", "--:", ":-:", "---", " - ", ""} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, col []byte) { checkDelim(t, col) })
}

var goldmarkDelims = [4]*regexp.Regexp{
	regexp.MustCompile(`^\s*\:\-+\s*$`),
	regexp.MustCompile(`^\s*\-+\:\s*$`),
	regexp.MustCompile(`^\s*\:\-+\:\s*$`),
	regexp.MustCompile(`^\s*\-+\s*$`),
}

// checkDelim compares delimAlignment with goldmark's parseDelimiter loop body.
func checkDelim(t *testing.T, col []byte) {
	t.Helper()
	want, wantOK := ast.AlignNone, true
	switch d := goldmarkDelims; {
	case d[0].Match(col):
		want = ast.AlignLeft
	case d[1].Match(col):
		want = ast.AlignRight
	case d[2].Match(col):
		want = ast.AlignCenter
	case d[3].Match(col):
		want = ast.AlignNone
	default:
		wantOK = false
	}
	got, ok := delimAlignment(col)
	if got != want || ok != wantOK {
		t.Fatalf("delimAlignment(%q) = %v, %v; the expressions: %v, %v", col, got, ok, want, wantOK)
	}
}
