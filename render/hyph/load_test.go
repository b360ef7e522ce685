package hyph

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// reference is the plain parse of a pattern file into Go maps, from which compileSection
// builds the trie (TestCompiled, go generate).
type reference struct {
	patterns   map[string][]byte
	maxLen     int
	exceptions map[string][]int
}

func loadReference(h *reference, src string) {
	h.patterns = map[string][]byte{}
	h.exceptions = map[string][]int{}
	group := ""
	for _, ln := range strings.Split(src, "\n") {
		if i := strings.IndexByte(ln, '%'); i >= 0 {
			ln = ln[:i]
		}
		for _, tok := range strings.Fields(ln) {
			switch {
			case strings.HasPrefix(tok, `\patterns{`):
				group, tok = "p", strings.TrimPrefix(tok, `\patterns{`)
			case strings.HasPrefix(tok, `\hyphenation{`):
				group, tok = "h", strings.TrimPrefix(tok, `\hyphenation{`)
			case strings.HasPrefix(tok, `\`):
				continue
			}
			closing := strings.HasSuffix(tok, "}")
			tok = strings.TrimSuffix(tok, "}")
			switch {
			case tok == "":
			case group == "p":
				var letters strings.Builder
				digits := []byte{0}
				for _, r := range tok {
					if r >= '0' && r <= '9' {
						digits[len(digits)-1] = byte(r - '0')
						continue
					}
					letters.WriteRune(r)
					digits = append(digits, 0)
				}
				h.patterns[letters.String()] = digits
				h.maxLen = max(h.maxLen, letters.Len())
			case group == "h":
				var letters strings.Builder
				var points []int
				n := 0
				for _, r := range tok {
					if r == '-' {
						points = append(points, n)
						continue
					}
					letters.WriteRune(r)
					n++
				}
				h.exceptions[letters.String()] = points
			}
			if closing {
				group = ""
			}
		}
	}
}

// TestLoadSame: every pattern file, and odd input (white space of all kinds, groups
// that open and close on one token, invalid UTF-8), compiles into a trie that holds what
// the plain parse finds, and the Hyphenators open what TestCompiled holds to the files.
func TestLoadSame(t *testing.T) {
	names, err := filepath.Glob("patterns/hyph-*.tex")
	if err != nil || len(names) == 0 {
		t.Fatalf("no pattern files: %v", err)
	}
	for _, n := range names {
		src, err := os.ReadFile(n)
		if err != nil {
			t.Fatal(err)
		}
		got := &Hyphenator{file: filepath.Base(n)}
		got.load()
		want := &reference{}
		loadReference(want, string(src))
		compareLoads(t, n, got, want)
	}
	for _, src := range []string{
		"\\patterns{a1b\u00a0.ab3c4d\t\v\fx2y}\r\n\\hyphenation{as-so-ciate}",
		"\\patterns{}\n\\hyphenation{}}\n{}\n\\patterns{\n1a\u20281b\u0085%x1y\n\xff2\xfe} z1z",
		"  \\foo \\patterns{ab1c ab2c }",
		"",
		"\\patterns{a1a a2a .a3 .a4 1 äb1c}\\hyphenation{-a--b- \xffx-y}",
	} {
		want := &reference{}
		loadReference(want, src)
		sec, err := compileSection(want)
		if err != nil {
			t.Fatal(err)
		}
		got := &Hyphenator{}
		open(got, string(sec))
		compareLoads(t, src, got, want)
	}
}

func compareLoads(t *testing.T, name string, got *Hyphenator, want *reference) {
	t.Helper()
	if n := got.patterns.len(); n != len(want.patterns) {
		t.Errorf("%q: %d patterns, want %d", name, n, len(want.patterns))
	}
	for k, v := range want.patterns {
		if d, ok := got.patterns.lookup(k); !ok || d != string(v) {
			t.Errorf("%q: pattern %q: %v %v, want %v", name, k, []byte(d), ok, v)
		}
		if _, ok := got.patterns.lookup(k + "x"); ok && want.patterns[k+"x"] == nil {
			t.Errorf("%q: pattern %q found, not in the file", name, k+"x")
		}
	}
	if !reflect.DeepEqual(got.exceptions, want.exceptions) {
		t.Errorf("%q: exceptions %v, want %v", name, got.exceptions, want.exceptions)
	}
}

func BenchmarkLoad(b *testing.B) {
	for b.Loop() {
		h := &Hyphenator{file: "hyph-de-1996.tex"}
		h.load()
	}
}
