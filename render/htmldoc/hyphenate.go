package htmldoc

import (
	"bytes"
	"unicode/utf8"

	"github.com/kepdev/kep/render/hyph"
)

// softHyphen marks a hyphenation point; the browser breaks a line there, with a hyphen,
// only where the word does not fit. The style sheet asks for hyphens: auto, but that
// depends on the browser's dictionaries, which Chromium on Linux (headless too) lacks:
// there a long compound in a narrow box was cut anywhere ("Deckungsbeitragsquot|e").
// So kep marks the points of long words itself, from the same patterns as the PDF.
const softHyphen = "\u00ad"

// longWord is the length (in characters) from which a word gets soft hyphens: the
// compounds that overflow a tile or a table column on a phone. Shorter words are left
// to the browser, so that text copied or searched from the page mostly has none.
const longWord = 14

// skipElements are elements whose text is not hyphenated: headings (as in the PDF,
// titles keep their words whole), code, charts, and what is not shown as text; so are
// elements of class "name" (a table cell holding a person's or a company's name).
var skipElements = []string{"h1", "h2", "h3", "h4", "h5", "h6", "pre", "code", "svg", "style", "script", "title", "kbd"}

// hyphenateHTML returns markup with soft hyphens inserted into the words of its text
// (not into tags, attributes, entities or the skipped elements). The markup is kep's
// own: every '<' in text is escaped, and attribute values hold no '>' unescaped.
// Words the author gave soft hyphens keep only those.
func hyphenateHTML(markup []byte, h *hyph.Hyphenator) []byte {
	if h == nil {
		return markup
	}
	return appendHyphenated(make([]byte, 0, len(markup)+len(markup)/16), markup, h)
}

// appendHyphenated is hyphenateHTML appending to out; h is not nil. Only what changes
// is copied piecewise: the markup up to a word that gets soft hyphens, then that word;
// the rest goes over in long runs. Hansa: 141 KB of chapters, ~60 words hyphenated.
func appendHyphenated(out, markup []byte, h *hyph.Hyphenator) []byte {
	cache := map[string][]int{} // documents repeat their words
	skip := 0                   // depth inside skipped elements
	var named []string          // open elements of class "name" (a name is not hyphenated)
	last := 0                   // markup[last:] is not in out yet
	for i := 0; i < len(markup); {
		if markup[i] == '<' {
			j := bytes.IndexByte(markup[i:], '>')
			if j < 0 {
				break // the rest as it is
			}
			tag := markup[i : i+j+1]
			name, closing := tagName(tag)
			switch {
			case isSkipped(name) && tag[len(tag)-2] != '/':
				if closing {
					skip = max(0, skip-1)
				} else {
					skip++
				}
			case closing && len(named) > 0 && bytes.EqualFold(name, []byte(named[len(named)-1])):
				named = named[:len(named)-1]
				skip = max(0, skip-1)
			case !closing && tag[len(tag)-2] != '/' && hasClass(tag, "name"):
				named = append(named, string(bytes.ToLower(name)))
				skip++
			}
			i += j + 1
			continue
		}
		j := bytes.IndexByte(markup[i:], '<')
		if j < 0 {
			j = len(markup) - i
		}
		if skip == 0 {
			out, last = hyphenateText(out, markup, i, i+j, last, h, cache)
		}
		i += j
	}
	return append(out, markup[last:]...)
}

// tagName returns the name of a tag as written, to be compared without regard to case
// ("<h2 id=…>" → "h2", "</SVG>" → "SVG").
func tagName(tag []byte) ([]byte, bool) {
	t := tag[1:]
	closing := len(t) > 0 && t[0] == '/'
	if closing {
		t = t[1:]
	}
	n := 0
	for n < len(t) && (t[n] >= 'a' && t[n] <= 'z' || t[n] >= 'A' && t[n] <= 'Z' || t[n] >= '0' && t[n] <= '9') {
		n++
	}
	return t[:n], closing
}

// hasClass reports whether a start tag kep wrote (class="a b") has the class c. The
// first ` class="` is found at the first '=' that ends one: a tag has few, where
// bytes.Cut's search cost a quarter of the hyphenation's scan (BenchmarkHyphenated).
func hasClass(tag []byte, c string) bool {
	const attr = ` class="`
	var v []byte
	for i := 0; ; {
		k := bytes.IndexByte(tag[i:], '=')
		if k < 0 {
			return false
		}
		i += k
		if i >= len(attr)-2 && i+1 < len(tag) && tag[i+1] == '"' && string(tag[i-(len(attr)-2):i]) == attr[:len(attr)-2] {
			v = tag[i+2:]
			break
		}
		i++
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

// isSkipped reports whether name (ASCII letters and digits) is one of skipElements.
func isSkipped(name []byte) bool {
	if len(name) < 2 || len(name) > 6 {
		return false
	}
	var lower [6]byte
	for i, c := range name {
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		lower[i] = c
	}
	switch string(lower[:len(name)]) {
	case "h1", "h2", "h3", "h4", "h5", "h6", "pre", "code", "svg", "style", "script", "title", "kbd":
		return true
	}
	return false
}

// hyphenateText puts soft hyphens at the points of the words of markup[from:to]
// (escaped HTML text between tags): a word that gets some is appended to out with
// them, after markup[last:] up to it, and last moves behind it. A word is what lies
// between spaces; entities ("&amp;") end the letters on either side. Addresses ("://",
// "@", "www.") are left whole.
func hyphenateText(out, markup []byte, from, to, last int, h *hyph.Hyphenator, cache map[string][]int) ([]byte, int) {
	for i := from; i < to; {
		if isSpace(markup[i]) {
			i++
			continue
		}
		k := i + 1
		for k < to && !isSpace(markup[k]) {
			k++
		}
		// A word of fewer bytes than longWord has fewer characters too.
		if w := markup[i:k]; len(w) >= longWord && utf8.RuneCount(w) >= longWord && !bytes.Contains(w, []byte("://")) && bytes.IndexByte(w, '@') < 0 && !bytes.HasPrefix(w, []byte("www.")) {
			out = append(out, markup[last:i]...)
			out = hyphenateWord(out, w, h, cache)
			last = k
		}
		i = k
	}
	return out, last
}

func isSpace(c byte) bool { return c == ' ' || c == '\n' || c == '\t' || c == '\r' }

// hyphenateWord appends w with soft hyphens; its entities are kept as they are and
// split it into parts hyphenated on their own.
func hyphenateWord(out, w []byte, h *hyph.Hyphenator, cache map[string][]int) []byte {
	for len(w) > 0 {
		if w[0] == '&' {
			if e := bytes.IndexByte(w, ';'); e > 0 && e <= 10 {
				out = append(out, w[:e+1]...)
				w = w[e+1:]
				continue
			}
		}
		e := bytes.IndexByte(w[1:], '&') + 1
		if e <= 0 {
			e = len(w)
		}
		part := w[:e]
		pts, ok := cache[string(part)]
		if !ok {
			k := string(part)
			pts = h.Points(k)
			cache[k] = pts
		}
		last := 0
		for _, p := range pts {
			out = append(out, part[last:p]...)
			out = append(out, softHyphen...)
			last = p
		}
		out = append(out, part[last:]...)
		w = w[e:]
	}
	return out
}
