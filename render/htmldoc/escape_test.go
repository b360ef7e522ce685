package htmldoc

import (
	"encoding/base64"
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

// TestLogoAttr: the logo's data URI is written as html/template wrote a template.URL,
// for sizes around the encoder's chunk.
func TestLogoAttr(t *testing.T) {
	ref := template.Must(template.New("").Parse(`<img src="{{.}}">`))
	for _, n := range []int{0, 1, 2, 3, 3071, 3072, 3073, 10000} {
		data := make([]byte, n)
		for i := range data {
			data[i] = byte(i*7 + i/13) // '+' and '/' among the digits
		}
		var want strings.Builder
		if err := ref.Execute(&want, template.URL("data:image/png;base64,"+base64.StdEncoding.EncodeToString(data))); err != nil {
			t.Fatal(err)
		}
		p := &page{}
		p.raw(`<img src="data:image/png;base64,`)
		p.base64Attr(data)
		p.raw(`">`)
		if got := string(p.buf); got != want.String() {
			t.Errorf("%d bytes: got %.80q…, want %.80q…", n, got, want.String())
		}
	}
}
