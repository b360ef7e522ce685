package htmldoc

import (
	"bytes"
	"strings"
	"testing"

	"github.com/kepdev/kep/render"
	"github.com/kepdev/kep/render/hyph"
)

// TestNamesNotHyphenated: a table cell typed as a name (render.Cell.Name) gets the class
// "name", which hyphenateHTML leaves whole and the style sheet sets hyphens: manual;
// the text after it is hyphenated again.
func TestNamesNotHyphenated(t *testing.T) {
	de := hyph.For("de")
	in := `<tr><th scope="row" class="strong name">Vandermolenaandrijvingen</th><td class="name"><a href="mailto:x@y.de">Instandhaltungsplanungsleiter</a></td><td>Instandhaltungsplanungsleiter</td></tr>`
	got := strings.ReplaceAll(string(hyphenateHTML([]byte(in), de)), softHyphen, "-")
	want := `<tr><th scope="row" class="strong name">Vandermolenaandrijvingen</th><td class="name"><a href="mailto:x@y.de">Instandhaltungsplanungsleiter</a></td><td>In-stand-hal-tungs-pla-nungs-lei-ter</td></tr>`
	if got != want {
		t.Errorf("hyphenateHTML\n got %q\nwant %q", got, want)
	}
	d := &render.Document{Lang: "de", Title: "T", Labels: render.LabelsFor("de"), Format: render.NewFormat("de", "EUR"),
		Sections: []*render.Section{{ID: "s", Title: "S", Level: 1, Blocks: []render.Block{&render.Table{
			Header: []string{"Name", "Rolle"},
			Rows:   [][]render.Cell{{{Text: "Instandhaltungsplanungsleiter", Name: true}, {Text: "Instandhaltungsplanungsleiter"}}},
		}}}}}
	var buf bytes.Buffer
	if err := Write(&buf, d, Options{}); err != nil {
		t.Fatal(err)
	}
	page := buf.String()
	if !strings.Contains(page, `class="name">Instandhaltungsplanungsleiter<`) {
		t.Errorf("the name cell is not whole and of class name")
	}
	if !strings.Contains(page, "In\u00adstand") {
		t.Errorf("the other cell is not hyphenated")
	}
	if !strings.Contains(page, "td.name, th.name { hyphens: manual; }") {
		t.Errorf("the style sheet does not keep names whole")
	}
}
