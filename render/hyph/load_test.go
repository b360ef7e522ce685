package hyph

import (
	"reflect"
	"strings"
	"testing"
)

// reference is the plain parse of a pattern file into Go maps, which load does without
// a string or slice per pattern, into a patternTable: TestLoadSame holds load to it.
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

// TestLoadSame: every embedded pattern file, and odd input (white space of all kinds,
// groups that open and close on one token, invalid UTF-8), loads as the plain parse does.
func TestLoadSame(t *testing.T) {
	files, err := patternFiles.ReadDir("patterns")
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, f := range files {
		if !strings.HasSuffix(f.Name(), ".tex") {
			continue
		}
		n++
		src, _ := patternFiles.ReadFile("patterns/" + f.Name())
		got := &Hyphenator{file: "patterns/" + f.Name()}
		got.load()
		want := &reference{}
		loadReference(want, string(src))
		compareLoads(t, f.Name(), got, want)
	}
	if n == 0 {
		t.Fatal("no pattern files")
	}
	for _, src := range []string{
		"\\patterns{a1b\u00a0.ab3c4d\t\v\fx2y}\r\n\\hyphenation{as-so-ciate}",
		"\\patterns{}\n\\hyphenation{}}\n{}\n\\patterns{\n1a\u20281b\u0085%x1y\n\xff2\xfe} z1z",
		"  \\foo \\patterns{ab1c ab2c }",
		"",
		"\\patterns{a1a a2a .a3 .a4}",
	} {
		got, want := &Hyphenator{}, &reference{}
		loadFrom(got, []byte(src))
		loadReference(want, src)
		compareLoads(t, src, got, want)
	}
}

func compareLoads(t *testing.T, name string, got *Hyphenator, want *reference) {
	t.Helper()
	if got.maxLen != want.maxLen {
		t.Errorf("%q: maxLen %d, want %d", name, got.maxLen, want.maxLen)
	}
	if n := got.patterns.len(); n != len(want.patterns) {
		t.Errorf("%q: %d patterns, want %d", name, n, len(want.patterns))
	}
	for k, v := range want.patterns {
		if d, ok := got.patterns.lookup(k); !ok || string(d) != string(v) {
			t.Errorf("%q: pattern %q: %v %v, want %v", name, k, d, ok, v)
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
		h := &Hyphenator{file: "patterns/hyph-de-1996.tex"}
		h.load()
	}
}
