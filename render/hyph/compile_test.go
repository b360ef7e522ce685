package hyph

import (
	"bytes"
	"encoding/binary"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

var compileFlag = flag.Bool("compile", false, "rewrite patterns/hyph.trie from patterns/*.tex (go generate)")

// TestCompiled holds patterns/hyph.trie to the TeX files beside it: compiling them again
// gives the same bytes (the compiler is deterministic), so the embedded tries are those
// of the shipped patterns. With -compile (go generate) it rewrites the file.
func TestCompiled(t *testing.T) {
	names, err := filepath.Glob("patterns/hyph-*.tex")
	if err != nil || len(names) == 0 {
		t.Fatalf("no pattern files: %v", err)
	}
	var srcs [][]byte
	for i, n := range names {
		src, err := os.ReadFile(n)
		if err != nil {
			t.Fatal(err)
		}
		names[i], srcs = filepath.Base(n), append(srcs, src)
	}
	got, err := compileFiles(names, srcs)
	if err != nil {
		t.Fatal(err)
	}
	if *compileFlag {
		if err := os.WriteFile("patterns/hyph.trie", got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	if !bytes.Equal(got, []byte(compiled)) {
		t.Fatal("patterns/hyph.trie is not the compiled patterns/*.tex: run go generate ./render/hyph")
	}
	// Every file's licence is in the compiled file.
	for i, n := range names {
		if h := texHeader(srcs[i]); !strings.Contains(h, "licence:") || !strings.Contains(compiled, h) {
			t.Errorf("%s: its header with the licence is not in hyph.trie", n)
		}
	}
}

// texHeader is the opening comment block of a TeX pattern file, up to the first line that
// is not a comment (as scripts/notices.sh copies it).
func texHeader(src []byte) string {
	var b strings.Builder
	for _, ln := range strings.SplitAfter(string(src), "\n") {
		if ln != "" && ln[0] != '%' && ln[0] != '\n' && ln[0] != '\r' {
			break
		}
		b.WriteString(ln)
	}
	return b.String()
}

// compileFiles compiles TeX pattern files (their names and contents) into the layout of
// compiled.
func compileFiles(names []string, srcs [][]byte) ([]byte, error) {
	var out bytes.Buffer
	out.WriteString("Hyphenation patterns of kep (render/hyph), compiled into tries by go generate\n" +
		"(TestCompiled in compile_test.go) from the hyph-utf8 files beside this one, whose\n" +
		"headers with their licences follow unchanged.\n")
	for i, n := range names {
		fmt.Fprintf(&out, "\n--- %s\n\n%s", n, texHeader(srcs[i]))
	}
	out.WriteString(magic)
	var secs [][]byte
	for i, n := range names {
		ref := &reference{}
		loadReference(ref, string(srcs[i]))
		sec, err := compileSection(ref)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", n, err)
		}
		secs = append(secs, sec)
	}
	dir := 4
	for _, n := range names {
		if len(n) > 255 {
			return nil, fmt.Errorf("%s: name too long", n)
		}
		dir += 1 + len(n) + 8
	}
	off := out.Len() + dir
	out.Write(binary.LittleEndian.AppendUint32(nil, uint32(len(names))))
	for i, n := range names {
		out.WriteByte(byte(len(n)))
		out.WriteString(n)
		out.Write(binary.LittleEndian.AppendUint32(nil, uint32(off)))
		out.Write(binary.LittleEndian.AppendUint32(nil, uint32(len(secs[i]))))
		off += len(secs[i])
	}
	for _, sec := range secs {
		out.Write(sec)
	}
	return out.Bytes(), nil
}

// compileSection lays out the trie of one file's patterns and its exceptions.
func compileSection(ref *reference) ([]byte, error) {
	type node struct {
		children map[byte]*node
		digits   []byte // nil: no pattern ends here
	}
	root := &node{}
	for letters, digits := range ref.patterns {
		v := root
		for i := 0; i < len(letters); i++ {
			c := v.children[letters[i]]
			if c == nil {
				if v.children == nil {
					v.children = map[byte]*node{}
				}
				c = &node{}
				v.children[letters[i]] = c
			}
			v = c
		}
		v.digits = digits
	}
	// Breadth first, children in byte order; digit strings numbered as first met.
	var labels, off, pat, digits []byte
	var first, ck, digOff []uint32
	digIndex := map[string]int{}
	order := []*node{root}
	labels = append(labels, 0)
	for i := 0; i < len(order); i++ {
		v := order[i]
		first = append(first, uint32(len(order)))
		keys := make([]byte, 0, len(v.children))
		for c := range v.children {
			keys = append(keys, c)
		}
		slices.Sort(keys)
		for _, c := range keys {
			order = append(order, v.children[c])
			labels = append(labels, c)
		}
		p := 0
		if v.digits != nil {
			k, ok := digIndex[string(v.digits)]
			if !ok {
				k = len(digOff)
				digIndex[string(v.digits)] = k
				digOff = append(digOff, uint32(len(digits)))
				digits = append(digits, v.digits...)
			}
			p = k + 1
		}
		if p > 0xffff {
			return nil, fmt.Errorf("more than %d distinct digit strings", 0xffff)
		}
		pat = binary.LittleEndian.AppendUint16(pat, uint16(p))
	}
	first = append(first, uint32(len(order)))
	for v, f := range first {
		if v%64 == 0 {
			ck = append(ck, f)
		}
		d := f - ck[len(ck)-1]
		if d > 0xffff {
			return nil, fmt.Errorf("node %d: first child %d too far from its group's", v, d)
		}
		off = binary.LittleEndian.AppendUint16(off, uint16(d))
	}
	digOff = append(digOff, uint32(len(digits)))
	words := make([]string, 0, len(ref.exceptions))
	for w := range ref.exceptions {
		words = append(words, w)
	}
	slices.Sort(words)
	var exc []byte
	for _, w := range words {
		// The word with a hyphen at each point, as the file spells it.
		pts, n := ref.exceptions[w], 0
		for _, r := range w {
			for len(pts) > 0 && pts[0] == n {
				exc, pts = append(exc, '-'), pts[1:]
			}
			exc = append(exc, string(r)...)
			n++
		}
		for range pts {
			exc = append(exc, '-')
		}
		exc = append(exc, '\n')
	}
	var sec []byte
	for _, n := range []int{len(order), len(digOff) - 1, len(digits), len(exc)} {
		sec = binary.LittleEndian.AppendUint32(sec, uint32(n))
	}
	sec = append(sec, labels...)
	sec = append(sec, off...)
	for _, f := range ck {
		sec = binary.LittleEndian.AppendUint32(sec, f)
	}
	sec = append(sec, pat...)
	for _, o := range digOff {
		sec = binary.LittleEndian.AppendUint32(sec, o)
	}
	sec = append(sec, digits...)
	return append(sec, exc...), nil
}
