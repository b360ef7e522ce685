package htmldoc

import (
	"bytes"
	"math/rand/v2"
	"regexp"
	"testing"
	"unicode/utf8"

	"github.com/kepdev/kep/plan/check"
	"github.com/kepdev/kep/render"
	"github.com/kepdev/kep/render/hyph"
)

// The hyphenation of the page as it was written before appendHyphenated copied only
// what changes (appendHyphenatedRef: every tag and word appended on its own), kept as
// the reference the fast one must equal.

// TestHyphenatedAsReference: the samples' chapters and random markup hyphenate as the
// reference does.
func TestHyphenatedAsReference(t *testing.T) {
	for _, file := range samples(t) {
		p := loadPlan(t, file)
		d, err := render.Build(p, check.Compute(p, testNow), render.Options{Now: testNow})
		if err != nil {
			t.Fatal(err)
		}
		pg := &page{d: d, theme: d.ChartTheme(), look: d.Theme(), regions: map[string]int{}}
		parts, err := pg.document()
		if err != nil {
			t.Fatal(err)
		}
		for _, lang := range []string{"de", "en", "fr"} {
			checkHyphenated(t, parts[3], hyph.For(lang))
		}
	}
	pieces := []string{"<p>", "</p>", "<h2>", "</h2>", "<svg>", "</svg>", "<br/>", `<td class="name">`, `<span class="x name">`,
		"</td>", "</span>", "<code>", "</CODE>", "<", ">", " ", "\n", "&amp;", "&#39;", "Instandhaltungsplanungsleiter",
		"Key-Account-Analyse", "https://beispiel.de/instandhaltungsplanung", "www.instandhaltungsplanung.de",
		"kunde@instandhaltungsplanung.de", "Lieferzeitverkürzung", "Zusammenarbeit", "2026er-Investitionsprogramm",
		"Kunden\u00adentwicklungsplan", "\xff\xfe", "ä", "Entwicklungs", "partnerschaft", "l’entreprise",
		`<td title="a class=" class="name">`, `<TD CLASS="NAME">`, "</TD>", "<SVG>", `<td class="names">`, `<p class=" name">`, "<Pre>", "</pre>"}
	rng := rand.New(rand.NewPCG(1, 2))
	for range 3000 {
		var b []byte
		for range rng.IntN(40) {
			b = append(b, pieces[rng.IntN(len(pieces))]...)
		}
		checkHyphenated(t, b, hyph.For([]string{"de", "en", "fr"}[rng.IntN(3)]))
	}
}

// TestTagTestsAsReference: isSkipped and hasClass answer as the reference's on every
// element name and tag of the pieces below and of the samples' pages.
func TestTagTestsAsReference(t *testing.T) {
	names := append([]string{"", "h", "h7", "H2", "PRE", "Code", "sVg", "styles", "scrip", "titles", "kbd", "p", "td", "path", "tspan", "circle", "text"}, skipElements...)
	for _, n := range names {
		if got, want := isSkipped([]byte(n)), isSkippedRef([]byte(n)); got != want {
			t.Errorf("isSkipped(%q) = %v, want %v", n, got, want)
		}
	}
	tags := []string{`<td class="name">`, `<td class="x name y">`, `<td class="names">`, `<td title="a class=" class="name">`,
		`<td title=" class="name">`, `<td class=name>`, `<td class="">`, `<td class="`, `<td  class="name">`, `<td xclass="name">`,
		`<class="name">`, `<td class="na me">`, `<td data-class="name">`, `<a href="x=y" class="name">`, `<td class="name`}
	for _, file := range samples(t) {
		for _, m := range regexp.MustCompile(`<[^<>]*>`).FindAll(renderPlan(t, loadPlan(t, file)), -1) {
			tags = append(tags, string(m))
		}
	}
	for _, tag := range tags {
		if got, want := hasClass([]byte(tag), "name"), hasClassRef([]byte(tag), "name"); got != want {
			t.Errorf("hasClass(%q) = %v, want %v", tag, got, want)
		}
		name, _ := tagName([]byte(tag))
		if got, want := isSkipped(name), isSkippedRef(name); got != want {
			t.Errorf("isSkipped(%q) = %v, want %v", name, got, want)
		}
	}
}

func FuzzHyphenated(f *testing.F) {
	f.Add([]byte(`<p title="Instandhaltungsplanungsleiter">Instandhaltungsplanungsleiter</p><h2>Zielerreichungsgrad</h2>`))
	f.Add([]byte(`<td class="name">Vandermolenaandrijvingen</td><td>Forschung&amp;Entwicklungsabteilung`))
	f.Fuzz(func(t *testing.T, markup []byte) { checkHyphenated(t, markup, hyph.For("de")) })
}

func checkHyphenated(t *testing.T, markup []byte, h *hyph.Hyphenator) {
	t.Helper()
	prefix := []byte("x")
	got := appendHyphenated(prefix, markup, h)
	want := appendHyphenatedRef([]byte("x"), markup, h)
	if !bytes.Equal(got, want) {
		t.Fatalf("appendHyphenated(%q)\n got %q\nwant %q", markup, got, want)
	}
}

func appendHyphenatedRef(out, markup []byte, h *hyph.Hyphenator) []byte {
	cache := map[string][]int{} // documents repeat their words
	skip := 0                   // depth inside skipped elements
	var named []string          // open elements of class "name" (a name is not hyphenated)
	for i := 0; i < len(markup); {
		if markup[i] == '<' {
			j := bytes.IndexByte(markup[i:], '>')
			if j < 0 {
				return append(out, markup[i:]...)
			}
			tag := markup[i : i+j+1]
			name, closing := tagName(tag)
			switch {
			case isSkippedRef(name) && tag[len(tag)-2] != '/':
				if closing {
					skip = max(0, skip-1)
				} else {
					skip++
				}
			case closing && len(named) > 0 && bytes.EqualFold(name, []byte(named[len(named)-1])):
				named = named[:len(named)-1]
				skip = max(0, skip-1)
			case !closing && tag[len(tag)-2] != '/' && hasClassRef(tag, "name"):
				named = append(named, string(bytes.ToLower(name)))
				skip++
			}
			out = append(out, tag...)
			i += j + 1
			continue
		}
		j := bytes.IndexByte(markup[i:], '<')
		if j < 0 {
			j = len(markup) - i
		}
		if skip > 0 {
			out = append(out, markup[i:i+j]...)
		} else {
			out = hyphenateTextRef(out, markup[i:i+j], h, cache)
		}
		i += j
	}
	return out
}
func hyphenateTextRef(out, text []byte, h *hyph.Hyphenator, cache map[string][]int) []byte {
	for len(text) > 0 {
		// The next space-delimited word.
		k := 0
		for k < len(text) && !isSpace(text[k]) {
			k++
		}
		if k == 0 {
			_, n := utf8.DecodeRune(text)
			out = append(out, text[:n]...)
			text = text[n:]
			continue
		}
		w := text[:k]
		text = text[k:]
		if utf8.RuneCount(w) < longWord || bytes.Contains(w, []byte("://")) || bytes.IndexByte(w, '@') >= 0 || bytes.HasPrefix(w, []byte("www.")) {
			out = append(out, w...)
			continue
		}
		out = hyphenateWord(out, w, h, cache)
	}
	return out
}
func hasClassRef(tag []byte, c string) bool {
	_, v, ok := bytes.Cut(tag, []byte(` class="`))
	if !ok {
		return false
	}
	v, _, _ = bytes.Cut(v, []byte(`"`))
	if !bytes.Contains(v, []byte(c)) { // most tags: no field can be c
		return false
	}
	for _, f := range bytes.Fields(v) {
		if string(f) == c {
			return true
		}
	}
	return false
}
func isSkippedRef(name []byte) bool {
	for _, s := range skipElements {
		if len(s) == len(name) && bytes.EqualFold(name, []byte(s)) {
			return true
		}
	}
	return false
}

// BenchmarkHyphenated hyphenates hansa's chapters (141 KB, German); the words' points
// are memoized after the first round, so this measures the scan of the markup.
func BenchmarkHyphenated(b *testing.B) {
	p := loadPlan(b, "../../samples/accounts/hansa.toml")
	d, err := render.Build(p, check.Compute(p, testNow), render.Options{Now: testNow})
	if err != nil {
		b.Fatal(err)
	}
	pg := &page{d: d, theme: d.ChartTheme(), look: d.Theme(), regions: map[string]int{}}
	parts, err := pg.document()
	if err != nil {
		b.Fatal(err)
	}
	h := hyph.For("de")
	out := make([]byte, 0, 2*len(parts[3]))
	for b.Loop() {
		out = appendHyphenated(out[:0], parts[3], h)
	}
}
