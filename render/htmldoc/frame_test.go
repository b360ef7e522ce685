package htmldoc

import (
	"bytes"
	"encoding/base64"
	"html/template"
	"strings"
	"sync"
	"testing"

	"github.com/kepdev/kep/render"
	"github.com/kepdev/kep/templates"
)

// frameTemplate is templates/document.html.tmpl, the frame's reference: page.frame
// must write what it writes.
var frameTemplate = sync.OnceValue(func() *template.Template {
	return template.Must(template.New("frame").Parse(templates.Document))
})

// checkFrame compares page.frame with the template for d and data.
func checkFrame(t *testing.T, d *render.Document, data frameData) {
	t.Helper()
	data.D = d
	var want bytes.Buffer
	if err := frameTemplate().ExecuteTemplate(&want, "document", data); err != nil {
		t.Fatal(err)
	}
	p := &page{d: d}
	p.frame(&data)
	if got := string(p.buf); got != want.String() {
		t.Fatalf("frame differs from the template: %s", firstDiff(want.String(), got))
	}
}

func frameFor(d *render.Document, s string) frameData {
	data := frameData{
		Description: strings.Join(nonEmpty(d.Title, d.Period, d.Confidentiality), " · "),
		Style:       styleMarker + template.CSS(s),
		Main:        template.HTML(s) + mainMarker,
		Generated:   s + d.Generator,
	}
	if s != "" {
		data.Logo = template.URL("data:image/png;base64," + base64.StdEncoding.EncodeToString([]byte(s+"\xfb\xff\xfe")))
		data.LogoAlt = s
	}
	return data
}

// hostile holds every byte html/template escapes, quotes, invalid UTF-8 and text that
// looks like markup.
const hostile = "<script>alert('x')</script> & \"q\" + \x00 \xff\xfe ä€😀 </title></style> {{.}} &amp; \t\n"

func TestFrameMatchesTemplate(t *testing.T) {
	for _, file := range samples(t) {
		p := loadPlan(t, file)
		d, err := render.Build(p, nil, render.Options{Now: testNow, KepVersion: "test"})
		if err != nil {
			t.Fatal(err)
		}
		checkFrame(t, d, frameFor(d, ""))
		checkFrame(t, d, frameFor(d, "Hansa"))
		d.Company, d.Footer, d.Account, d.Title, d.Lang, d.Generator = hostile, hostile, hostile, hostile, hostile, hostile
		d.Confidentiality, d.Period = hostile, hostile
		d.Cover = append(d.Cover, render.Fact{Label: hostile, Value: hostile})
		checkFrame(t, d, frameFor(d, hostile))
		d.Company, d.Footer, d.Cover = "", "", nil
		checkFrame(t, d, frameFor(d, hostile))
	}
}

func FuzzFrame(f *testing.F) {
	f.Add("Hansa Werke", "Vertraulich", "")
	f.Add(hostile, "+", "a&b")
	f.Fuzz(func(t *testing.T, a, b, c string) {
		d := &render.Document{Lang: a, Title: b, Company: c, Account: a + c, Footer: b, Confidentiality: c, Generator: a,
			Labels: render.LabelsFor("de"), Cover: []render.Fact{{Label: a, Value: b}, {Label: c}}}
		checkFrame(t, d, frameFor(d, a+b))
	})
}
