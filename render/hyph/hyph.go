package hyph

import (
	_ "embed"
	"strings"
	"sync"
	"sync/atomic"
	"unicode"
	"unicode/utf8"

	"github.com/kepdev/kep/locale"
)

// compiled holds the patterns of every file in patterns/ as tries, ready to use where
// the binary maps them: nothing is parsed or built at run time, and only the pages a
// document's words touch are read. It is generated from the TeX files (go generate;
// TestCompiled holds it to them) and begins with their headers and licences.
//
//go:generate go test -run ^TestCompiled$ -compile
//go:embed patterns/hyph.trie
var compiled string

// Hyphenator hyphenates the words of one language. Safe for concurrent use; the
// patterns are opened once per process, on first use.
type Hyphenator struct {
	file              string // the TeX file of the patterns, as the locale names it
	leftMin, rightMin int    // letters kept before the first and after the last point
	once              sync.Once
	patterns          trie             // letters → the digits between and around them
	exceptions        map[string][]int // lower-case word → rune positions of its points

	// memo holds the points of the words looked up so far (word → []int): the PDF
	// measures and wraps the same words many times while it balances tables and lays
	// out blocks. memoBytes bounds it (maxMemo), so that no input exhausts memory.
	memo      sync.Map
	memoBytes atomic.Int64
}

// maxMemo bounds the bytes the memo of one Hyphenator may hold (words, points and
// memoEntry per entry); words after that are looked up each time.
const maxMemo = 8 << 20

// memoEntry is what an entry of the memo costs besides its word's and points' bytes:
// sync.Map's entry and its share of the trie's nodes, the slice header boxed in an
// interface, the size classes' rounding. Measured: ~150 bytes; with 64, as first
// assumed, a full memo held 14-18 MB, not 8 (TestMemoHeap; a long-lived kep serve
// keeps one memo per language).
const memoEntry = 160

// trie is the compiled form of one pattern file, read in place from compiled: a trie
// over the bytes of the patterns' letters (UTF-8), its nodes numbered breadth-first so
// that the children of a node are consecutive nodes and the children of consecutive
// nodes follow each other: the children of node v are the nodes from first(v) to
// first(v+1), and first(v) is every 64th node's first child (ck) plus v's offset from it
// (off), 2 bytes a node where a uint32 would take 4. Integers are little-endian.
type trie struct {
	labels string     // per node: the byte on the edge into it
	off    string     // per node and one more: uint16, first(v) - first(v &^ 63)
	ck     string     // per 64 nodes, the one past the last included: uint32, first of the first of them
	pat    string     // per node: uint16, 1 + the index of the digits of the pattern ending there; 0: none
	digOff string     // per digit string and one more: uint32, its offset in digits
	digits string     // the digit strings, each the values before, between and after a pattern's letters
	root   [256]int32 // the root's child along each byte, 0: none (every walk starts there)
	// second gives the children of the root's children (nodes 1 to nRoot), the nodes
	// with the most children, directly: row v-1, column alpha[c]-1 (alpha: 0 for a byte
	// no such child has); 0: none. Made when the patterns are opened (German: 28 rows of
	// 36, 4 KB). A walk's second step scanned 13 labels on average, its third 9: liang
	// was most of the hyphenation's time.
	second []int32
	alpha  [256]uint16
	nRoot  int
	nAlpha int
}

// le32 reads the little-endian uint32 at s[i:].
func le32(s string, i int) int {
	s = s[i : i+4]
	return int(uint32(s[0]) | uint32(s[1])<<8 | uint32(s[2])<<16 | uint32(s[3])<<24)
}

// child returns the child of node v along byte c, or -1.
func (t *trie) child(v int, c byte) int {
	if v == 0 {
		if k := t.root[c]; k != 0 {
			return int(k)
		}
		return -1
	}
	if v <= t.nRoot {
		if x := t.alpha[c]; x != 0 {
			if k := t.second[(v-1)*t.nAlpha+int(x)-1]; k != 0 {
				return int(k)
			}
		}
		return -1
	}
	a, b := t.first(v), t.first(v+1)
	if b-a > 8 {
		if k := strings.IndexByte(t.labels[a:b], c); k >= 0 {
			return a + k
		}
		return -1
	}
	for k, l := range []byte(t.labels[a:b]) {
		if l == c {
			return a + k
		}
	}
	return -1
}

// index makes the table of the root's children's children (second).
func (t *trie) index() {
	t.nRoot = t.first(1) - 1 // the root's children are nodes 1 to first(1)-1
	for v := 1; v <= t.nRoot; v++ {
		for k := t.first(v); k < t.first(v+1); k++ {
			if c := t.labels[k]; t.alpha[c] == 0 {
				t.nAlpha++
				t.alpha[c] = uint16(t.nAlpha)
			}
		}
	}
	t.second = make([]int32, t.nRoot*t.nAlpha)
	for v := 1; v <= t.nRoot; v++ {
		for k := t.first(v); k < t.first(v+1); k++ {
			t.second[(v-1)*t.nAlpha+int(t.alpha[t.labels[k]])-1] = int32(k)
		}
	}
}

// first returns the first child of node v (or where it would be).
func (t *trie) first(v int) int {
	return le32(t.ck, 4*(v>>6)) + (int(t.off[2*v]) | int(t.off[2*v+1])<<8)
}

// digitsAt returns the digits of the pattern ending at node v, or "".
func (t *trie) digitsAt(v int) string {
	p := int(t.pat[2*v]) | int(t.pat[2*v+1])<<8
	if p == 0 {
		return ""
	}
	return t.digits[le32(t.digOff, 4*(p-1)):le32(t.digOff, 4*p)]
}

// lookup returns the digits of the pattern with these letters (the tests).
func (t *trie) lookup(letters string) (string, bool) {
	v := 0
	for i := 0; i < len(letters); i++ {
		if v = t.child(v, letters[i]); v < 0 {
			return "", false
		}
	}
	d := t.digitsAt(v)
	return d, d != ""
}

// len is the number of patterns.
func (t *trie) len() int {
	n := 0
	for v := range len(t.labels) {
		if t.digitsAt(v) != "" {
			n++
		}
	}
	return n
}

// The layout of compiled: text (the headers), a NUL, the magic, the number of files,
// per file its name (a length byte and the bytes), offset and length of its section;
// then the sections. A section: the numbers of nodes, digit strings, digit bytes and
// exception bytes (uint32 each), then labels, off, ck, pat, digOff, digits (as in trie)
// and the exceptions, each as the TeX file spells it ("as-so-ciate"), one per line.
const magic = "\x00KEPHYPH1"

// section returns the section of the named pattern file in c.
func section(c, name string) (string, bool) {
	i := strings.Index(c, magic)
	if i < 0 {
		return "", false
	}
	p := i + len(magic)
	n := le32(c, p)
	p += 4
	for range n {
		l := int(c[p])
		nm := c[p+1 : p+1+l]
		p += 1 + l
		off, ln := le32(c, p), le32(c, p+4)
		p += 8
		if nm == name {
			return c[off : off+ln], true
		}
	}
	return "", false
}

// open reads a section: the trie in place, the exceptions into a map.
func open(h *Hyphenator, sec string) {
	nodes, ndig, dbytes, ebytes := le32(sec, 0), le32(sec, 4), le32(sec, 8), le32(sec, 12)
	p := 16
	take := func(n int) string {
		s := sec[p : p+n]
		p += n
		return s
	}
	t := &h.patterns
	t.labels = take(nodes)
	t.off = take(2 * (nodes + 1))
	t.ck = take(4 * (nodes/64 + 1))
	t.pat = take(2 * nodes)
	t.digOff = take(4 * (ndig + 1))
	t.digits = take(dbytes)
	for k := t.first(0); k < t.first(1); k++ {
		t.root[t.labels[k]] = int32(k)
	}
	t.index()
	h.exceptions = map[string][]int{}
	for _, w := range strings.Split(take(ebytes), "\n") {
		if w != "" {
			h.addException(w)
		}
	}
}

// hyphenators are the languages' Hyphenators by code, made from the locales: each
// Locale names its pattern file and minimum letters (locale.Hyphenation).
var hyphenators = sync.OnceValue(func() map[string]*Hyphenator {
	m := map[string]*Hyphenator{}
	for _, l := range locale.Languages() {
		if h := l.Hyphenation(); h.Patterns != "" {
			m[l.Lang] = &Hyphenator{file: h.Patterns, leftMin: h.LeftMin, rightMin: h.RightMin}
		}
	}
	return m
})

// For returns the hyphenator of a language tag ("de", "de-CH", "en-GB", "fr"), or nil
// for a language without patterns: its words are then not hyphenated.
func For(lang string) *Hyphenator {
	base, _, _ := strings.Cut(strings.ToLower(strings.TrimSpace(lang)), "-")
	base, _, _ = strings.Cut(base, "_")
	return hyphenators()[base]
}

// load opens the compiled patterns of h's file, once per process and language, at the
// first word.
func (h *Hyphenator) load() {
	sec, ok := section(compiled, h.file)
	if !ok {
		panic("hyph: compiled patterns missing: " + h.file) // a build fault, not input
	}
	open(h, sec)
}

// addException stores "as-so-ciate" as "associate" → [2 4].
func (h *Hyphenator) addException(w string) {
	var letters strings.Builder
	var points []int
	n := 0
	for _, r := range w {
		if r == '-' {
			points = append(points, n)
			continue
		}
		letters.WriteRune(r)
		n++
	}
	h.exceptions[letters.String()] = points
}

// Points returns the byte offsets in word before which a hyphen may be set: inside each
// run of letters of the word, each run hyphenated on its own, so that a compound with
// hyphens ("Key-Account-Analyse") is hyphenated part by part and never beside its own
// hyphens. Runs that touch a digit ("2026er") or hold a capital after their first letter
// (acronyms, "KPIs", "iPhone") are left whole. A word with soft hyphens (U+00AD) of its
// author is not looked up: the author's points are the word's points.
//
// The slice may be shared with other callers: it must not be modified.
func (h *Hyphenator) Points(word string) []int {
	if h == nil || len(word) < h.leftMin+h.rightMin {
		return nil // no run of letters long enough (run), without a look-up in the memo
	}
	if v, ok := h.memo.Load(word); ok {
		return v.([]int)
	}
	out := h.points(word) // nil or len = cap: an append by a caller copies
	if h.memoBytes.Load() < maxMemo {
		h.memoBytes.Add(int64(len(word) + 8*len(out) + memoEntry))
		h.memo.Store(strings.Clone(word), out) // not a piece of a larger string kept alive
	}
	return out
}

// points is Points without the memo.
func (h *Hyphenator) points(word string) []int {
	if strings.ContainsRune(word, '\u00ad') {
		return nil
	}
	h.once.Do(h.load)
	var buf [32]int
	out := buf[:0]
	start := -1 // byte offset of the current run of letters
	for i, r := range word {
		if isWordLetter(r) {
			if start < 0 {
				start = i
			}
			continue
		}
		if start >= 0 {
			if !(r >= '0' && r <= '9') && !precededByDigit(word, start) {
				out = h.run(out, word[start:i], start)
			}
			start = -1
		}
	}
	if start >= 0 && !precededByDigit(word, start) {
		out = h.run(out, word[start:], start)
	}
	if len(out) == 0 {
		return nil
	}
	return append(make([]int, 0, len(out)), out...) // one allocation; cap = len
}

// isWordLetter: letters and the apostrophes French patterns know ("l'entreprise").
func isWordLetter(r rune) bool {
	return unicode.IsLetter(r) || r == '\'' || r == '’'
}

func precededByDigit(s string, at int) bool {
	r, _ := utf8.DecodeLastRuneInString(s[:at])
	return r >= '0' && r <= '9'
}

// run appends the points of one run of letters to out; off is its offset in the word.
// Its scratch space is on the stack for words of up to 60 letters.
func (h *Hyphenator) run(out []int, w string, off int) []int {
	var sBuf [128]byte
	var atBuf [64]int
	s := append(sBuf[:0], '.') // ".word.", the word in lower case
	at := atBuf[:0]            // byte offset in w of each rune
	for i, r := range w {
		if i > 0 && unicode.IsUpper(r) {
			return out
		}
		if r == '’' {
			r = '\'' // the patterns spell the apostrophe as ASCII
		}
		s = utf8.AppendRune(s, unicode.ToLower(r))
		at = append(at, i)
	}
	s = append(s, '.')
	n := len(at)
	if n < h.leftMin+h.rightMin {
		return out
	}
	keep := func(p int) {
		if p >= h.leftMin && p <= n-h.rightMin && !isApostrophe(w, at, p) {
			out = append(out, off+at[p])
		}
	}
	if ex, ok := h.exceptions[string(s[1:len(s)-1])]; ok {
		for _, p := range ex {
			keep(p)
		}
		return out
	}
	var vBuf [68]byte
	values := h.liang(s, vBuf[:0])
	// values[k] is the value before rune k of s; rune k of s is rune k-1 of the word,
	// so a point before word rune p is values[p+1].
	for p := 1; p < n; p++ {
		if values[p+1]%2 == 1 {
			keep(p)
		}
	}
	return out
}

// isApostrophe: no hyphen directly before or after an apostrophe.
func isApostrophe(w string, at []int, p int) bool {
	a, _ := utf8.DecodeRuneInString(w[at[p]:])
	b, _ := utf8.DecodeLastRuneInString(w[:at[p]])
	return a == '\'' || a == '’' || b == '\'' || b == '’'
}

// liang returns the values of Liang's algorithm for s (".word.", lower case, valid
// UTF-8), appended to values: the value before each rune of s and one after the last.
// Every pattern that occurs in s raises the values between its letters to its digits;
// the trie finds all patterns starting at a rune in one walk.
func (h *Hyphenator) liang(s []byte, values []byte) []byte {
	for range utf8.RuneCount(s) + 1 {
		values = append(values, 0)
	}
	r := 0 // rune index of s[i]
	for i := range s {
		if s[i]&0xc0 == 0x80 {
			continue // inside a rune: patterns start at runes
		}
		for j, v := i, 0; j < len(s); j++ {
			if v = h.patterns.child(v, s[j]); v < 0 {
				break
			}
			for k, d := range []byte(h.patterns.digitsAt(v)) {
				if d > values[r+k] {
					values[r+k] = d
				}
			}
		}
		r++
	}
	return values
}

// Hyphenate returns word with sep inserted at each of its points (tests, the HTML).
func (h *Hyphenator) Hyphenate(word, sep string) string {
	pts := h.Points(word)
	if len(pts) == 0 {
		return word
	}
	var b strings.Builder
	last := 0
	for _, p := range pts {
		b.WriteString(word[last:p])
		b.WriteString(sep)
		last = p
	}
	b.WriteString(word[last:])
	return b.String()
}
