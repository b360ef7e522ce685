package htmldoc

import (
	"html/template"
	"strings"
	"testing"
)

// escapeRef escapes s by html/template in each context the page writes plan text to;
// the page was an html/template once, and its escapers must stay equal to it.
var escapeRef = template.Must(template.New("").Parse(
	`<p>{{.}}</p>` + "\x01" + `<a title="{{.}}">` + "\x01" + `<a href="{{.}}">` + "\x01" + `<a href="#{{.}}">`))

func FuzzEscapers(f *testing.F) {
	for _, s := range []string{"", "a+b <c> & 'd' \"e\"", "\x00", "\xff\xe2\x82<", "javascript:alert(1)", "JaVaScRiPt:x",
		"https://example.com/?a=1&b=2+3#x", "mailto:a@b.c", "/a:b", "%41%zz%4", "ä € 😀 \ufdd0 ( ) ~ [ ]", "data:x", ":", "#x y"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if strings.Contains(s, "\x01") {
			return
		}
		var ref strings.Builder
		if err := escapeRef.Execute(&ref, s); err != nil {
			t.Fatal(err)
		}
		want := strings.Split(ref.String(), "\x01")
		got := []string{
			`<p>` + string(appendEscaped(nil, s, &escapes)) + `</p>`,
			`<a title="` + string(appendEscaped(nil, s, &escapes)) + `">`,
			`<a href="` + string(appendURL(nil, s)) + `">`,
			`<a href="#` + string(appendFragment(nil, s)) + `">`,
		}
		for i := range got {
			if got[i] != want[i] {
				t.Errorf("%q: got %q, html/template %q", s, got[i], want[i])
			}
		}
		if got, want := string(appendEscaped(nil, s, &escapesNoPlus)), template.HTMLEscapeString(s); got != want {
			t.Errorf("%q: got %q, HTMLEscapeString %q", s, got, want)
		}
	})
}
