package hyph

import (
	"bytes"
	"embed"
	"hash/maphash"
	"strings"
	"sync"
	"sync/atomic"
	"unicode"
	"unicode/utf8"

	"github.com/kepdev/kep/locale"
)

//go:embed patterns/*.tex
var patternFiles embed.FS

// Hyphenator hyphenates the words of one language. Safe for concurrent use; the
// patterns are read once per process, on first use.
type Hyphenator struct {
	file              string
	leftMin, rightMin int // letters kept before the first and after the last point
	once              sync.Once
	patterns          patternTable     // letters → the digits between and around them
	maxLen            int              // longest pattern, in bytes
	exceptions        map[string][]int // lower-case word → rune positions of its points

	// memo holds the points of the words looked up so far (word → []int): the PDF
	// measures and wraps the same words many times while it balances tables and lays
	// out blocks. memoBytes bounds it (maxMemo), so that no input exhausts memory.
	memo      sync.Map
	memoBytes atomic.Int64
}

// maxMemo bounds the bytes the memo of one Hyphenator may hold (words, points and an
// estimate of the map's own cost per entry); words after that are looked up each time.
const maxMemo = 8 << 20

// patternTable maps a pattern's letters to its digits: an open-addressing hash table
// over one string of all letters and one slice of all digits. It is built once per
// process and language at the first word, and a Go map of 36,000 strings (German) cost
// several times as much to build.
type patternTable struct {
	letters string
	digits  []byte
	spans   []patternSpan
	slots   []uint32 // 1 + index into spans; 0 is empty; the length is a power of two
	seed    maphash.Seed
}

type patternSpan struct {
	letters, digits uint32 // offsets; the digits are one more than the letters' runes
	n, d            uint16 // lengths of the letters (bytes) and digits
}

func (t *patternTable) key(sp patternSpan) string {
	return t.letters[sp.letters : sp.letters+uint32(sp.n)]
}

// lookup returns the digits of the pattern with these letters.
func (t *patternTable) lookup(letters string) ([]byte, bool) {
	if len(t.slots) == 0 {
		return nil, false
	}
	mask := uint64(len(t.slots) - 1)
	for i := maphash.String(t.seed, letters) & mask; ; i = (i + 1) & mask {
		e := t.slots[i]
		if e == 0 {
			return nil, false
		}
		if sp := t.spans[e-1]; t.key(sp) == letters {
			return t.digits[sp.digits : sp.digits+uint32(sp.d) : sp.digits+uint32(sp.d)], true
		}
	}
}

// index fills the slots; of patterns with the same letters the last one counts, as in
// a map filled in file order.
func (t *patternTable) index() {
	size := 16
	for size < 2*len(t.spans) {
		size *= 2
	}
	t.slots = make([]uint32, size)
	t.seed = maphash.MakeSeed()
	mask := uint64(size - 1)
	for n, sp := range t.spans {
		k := t.key(sp)
		for i := maphash.String(t.seed, k) & mask; ; i = (i + 1) & mask {
			e := t.slots[i]
			if e == 0 || t.key(t.spans[e-1]) == k {
				t.slots[i] = uint32(n + 1)
				break
			}
		}
	}
}

// len is the number of distinct patterns.
func (t *patternTable) len() int {
	n := 0
	for _, e := range t.slots {
		if e != 0 {
			n++
		}
	}
	return n
}

// hyphenators are the languages' Hyphenators by code, made from the locales: each
// Locale names its pattern file and minimum letters (locale.Hyphenation).
var hyphenators = sync.OnceValue(func() map[string]*Hyphenator {
	m := map[string]*Hyphenator{}
	for _, l := range locale.Languages() {
		if h := l.Hyphenation(); h.Patterns != "" {
			m[l.Lang] = &Hyphenator{file: "patterns/" + h.Patterns, leftMin: h.LeftMin, rightMin: h.RightMin}
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

// load parses the \patterns{…} and \hyphenation{…} groups of the TeX file. It runs once
// per process and language, at the first word: the German file holds 36,000 patterns, so
// it makes no string or slice per pattern (their letters share one string, their digits
// one slice) and sizes the map once (loadReference in the tests is the plain version).
func (h *Hyphenator) load() {
	src, err := patternFiles.ReadFile(h.file)
	if err != nil {
		panic("hyph: embedded patterns missing: " + err.Error()) // a build fault, not input
	}
	loadFrom(h, src)
}

func loadFrom(h *Hyphenator, src []byte) {
	t := &h.patterns
	t.spans = make([]patternSpan, 0, bytes.Count(src, []byte{'\n'})+1)
	letters := make([]byte, 0, len(src))
	t.digits = make([]byte, 0, len(src))
	h.exceptions = map[string][]int{}
	group := byte(0)
	for len(src) > 0 {
		ln := src
		if i := bytes.IndexByte(src, '\n'); i >= 0 {
			ln, src = src[:i], src[i+1:]
		} else {
			src = nil
		}
		if i := bytes.IndexByte(ln, '%'); i >= 0 {
			ln = ln[:i]
		}
		for {
			var tok []byte
			if tok, ln = nextField(ln); tok == nil {
				break
			}
			switch {
			case bytes.HasPrefix(tok, []byte(`\patterns{`)):
				group, tok = 'p', tok[len(`\patterns{`):]
			case bytes.HasPrefix(tok, []byte(`\hyphenation{`)):
				group, tok = 'h', tok[len(`\hyphenation{`):]
			case tok[0] == '\\':
				continue
			}
			closing := len(tok) > 0 && tok[len(tok)-1] == '}'
			if closing {
				tok = tok[:len(tok)-1]
			}
			switch {
			case len(tok) == 0:
			case group == 'p':
				// "a1b2c" is "abc" → [0 1 2 0].
				l, d := len(letters), len(t.digits)
				t.digits = append(t.digits, 0)
				for _, r := range string(tok) {
					if r >= '0' && r <= '9' {
						t.digits[len(t.digits)-1] = byte(r - '0')
						continue
					}
					letters = utf8.AppendRune(letters, r)
					t.digits = append(t.digits, 0)
				}
				t.spans = append(t.spans, patternSpan{letters: uint32(l), digits: uint32(d),
					n: uint16(len(letters) - l), d: uint16(len(t.digits) - d)})
				h.maxLen = max(h.maxLen, len(letters)-l)
			case group == 'h':
				h.addException(string(tok))
			}
			if closing {
				group = 0
			}
		}
	}
	t.letters = string(letters)
	t.index()
}

// nextField returns the first field of b as strings.Fields splits (on Unicode white
// space) and the rest of b after it, or nil when b holds no more fields.
func nextField(b []byte) (field, rest []byte) {
	isSpace := func(b []byte) (bool, int) {
		if b[0] < utf8.RuneSelf {
			return asciiSpace[b[0]], 1
		}
		r, n := utf8.DecodeRune(b)
		return unicode.IsSpace(r), n
	}
	for len(b) > 0 {
		sp, n := isSpace(b)
		if !sp {
			break
		}
		b = b[n:]
	}
	if len(b) == 0 {
		return nil, nil
	}
	i := 0
	for i < len(b) {
		sp, n := isSpace(b[i:])
		if sp {
			break
		}
		i += n
	}
	return b[:i], b[i:]
}

var asciiSpace = [utf8.RuneSelf]bool{'\t': true, '\n': true, '\v': true, '\f': true, '\r': true, ' ': true}

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
	if h == nil {
		return nil
	}
	if v, ok := h.memo.Load(word); ok {
		return v.([]int)
	}
	out := h.points(word)
	if len(out) == 0 {
		out = nil
	}
	out = out[:len(out):len(out)] // an append by a caller copies
	if h.memoBytes.Load() < maxMemo {
		h.memoBytes.Add(int64(len(word) + 8*len(out) + 64))
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
	var out []int
	start := -1 // byte offset of the current run of letters
	for i, r := range word + " " {
		if isWordLetter(r) {
			if start < 0 {
				start = i
			}
			continue
		}
		if start >= 0 {
			if !(r >= '0' && r <= '9') && !precededByDigit(word, start) {
				out = append(out, h.run(word[start:i], start)...)
			}
			start = -1
		}
	}
	return out
}

// isWordLetter: letters and the apostrophes French patterns know ("l'entreprise").
func isWordLetter(r rune) bool {
	return unicode.IsLetter(r) || r == '\'' || r == '’'
}

func precededByDigit(s string, at int) bool {
	r, _ := utf8.DecodeLastRuneInString(s[:at])
	return r >= '0' && r <= '9'
}

// run hyphenates one run of letters; off is its offset in the word.
func (h *Hyphenator) run(w string, off int) []int {
	var lower strings.Builder
	var at []int // byte offset in w of each rune
	for i, r := range w {
		if i > 0 && unicode.IsUpper(r) {
			return nil
		}
		if r == '’' {
			r = '\'' // the patterns spell the apostrophe as ASCII
		}
		lower.WriteRune(unicode.ToLower(r))
		at = append(at, i)
	}
	n := len(at)
	if n < h.leftMin+h.rightMin {
		return nil
	}
	key := lower.String()
	var points []int // rune positions
	if ex, ok := h.exceptions[key]; ok {
		points = ex
	} else {
		points = h.liang(key, n)
	}
	var out []int
	for _, p := range points {
		if p >= h.leftMin && p <= n-h.rightMin && !isApostrophe(w, at, p) {
			out = append(out, off+at[p])
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

// liang returns the rune positions (1…n-1) of word (lower case, n runes) that get an odd
// value from the patterns: every substring of ".word." is looked up, and each pattern
// found raises the values between its letters to its digits.
func (h *Hyphenator) liang(word string, n int) []int {
	s := "." + word + "."
	// rs[k] is the byte offset of rune k of s; values[k] the value before rune k.
	rs := make([]int, 0, n+3)
	for i := range s {
		rs = append(rs, i)
	}
	rs = append(rs, len(s))
	values := make([]byte, len(rs))
	for i := 0; i < len(rs)-1; i++ {
		for j := i + 1; j < len(rs) && rs[j]-rs[i] <= h.maxLen; j++ {
			d, ok := h.patterns.lookup(s[rs[i]:rs[j]])
			if !ok {
				continue
			}
			for k, v := range d {
				if v > values[i+k] {
					values[i+k] = v
				}
			}
		}
	}
	var out []int
	// values[k] is the value before rune k of s; rune k of s is rune k-1 of the word,
	// so a point before word rune p is values[p+1].
	for p := 1; p < n; p++ {
		if values[p+1]%2 == 1 {
			out = append(out, p)
		}
	}
	return out
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
