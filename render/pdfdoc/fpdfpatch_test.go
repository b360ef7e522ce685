package pdfdoc

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/go-pdf/fpdf"
	"golang.org/x/image/font/gofont/gomono"
	"golang.org/x/image/font/gofont/goregular"
)

// The vendored fpdf writes Text without fmt (third_party/fpdf, kep patch). Its bytes
// must be what upstream's Sprintf and escaping gave, also for the characters that need
// escaping in a PDF string and for colour, underline and non-UTF-8 fonts.
func TestPatchedTextWritesUpstreamBytes(t *testing.T) {
	escape := func(s string) string {
		return strings.NewReplacer(`\`, `\\`, "(", `\(`, ")", `\)`, "\r", `\r`).Replace(s)
	}
	utf16 := func(s string) string {
		var b strings.Builder
		for _, r := range s {
			b.WriteByte(byte(r >> 8))
			b.WriteByte(byte(r))
		}
		return b.String()
	}
	for _, tc := range []struct {
		name, text string
		utf8       bool
		color      bool
	}{
		{"plain", "Umsatz 2026", true, false},
		{"escapes", `a\b(c)d` + "\r" + `e)(`, true, false},
		{"umlauts", "Größe €", true, true},
		{"core font", `x(1)\y`, false, true},
		{"empty", "", true, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := fpdf.New("P", "mm", "A4", "")
			p.SetCompression(false)
			if tc.utf8 {
				p.AddUTF8FontFromBytes("f", "", goregular.TTF)
				p.SetFont("f", "", 10)
			} else {
				p.SetFont("Helvetica", "", 10)
			}
			p.AddPage()
			if tc.color {
				p.SetTextColor(200, 10, 10)
			}
			p.Text(12.345, 45.678, tc.text)
			var out bytes.Buffer
			if err := p.Output(&out); err != nil {
				t.Fatal(err)
			}
			txt := tc.text
			if tc.utf8 {
				txt = utf16(txt)
			}
			k := 72 / 25.4
			want := fmt.Sprintf("BT %.2f %.2f Td (%s) Tj ET", 12.345*k, (297-45.678)*k, escape(txt))
			if tc.color {
				want = fmt.Sprintf("q %s %s Q", "0.784 0.039 0.039 rg", want)
			}
			if !bytes.Contains(out.Bytes(), []byte("\n"+want+"\n")) {
				t.Errorf("page lacks %q", want)
			}
		})
	}
}

// Writing a document must not change the font files it embeds: upstream fpdf wrote into
// the font's bytes while subsetting a face with fewer horizontal metrics than glyphs (a
// monospaced face), which changed later documents and raced between parallel ones.
func TestWritingLeavesFontBytesAlone(t *testing.T) {
	d := sampleDoc(t, "hansa")
	d.Font = bytes.Clone(gomono.TTF) // all text in the monospaced face
	writePDF(t, d)
	if !bytes.Equal(d.Font, gomono.TTF) {
		t.Error("writing a document changed the bytes of its font")
	}
}

// PageDone compresses a page early (kep patch, third_party/fpdf/kep_pages.go): the
// document must be the same bytes as without it, also when a page is written to after
// PageDone (compressed again), when PageDone is called twice or for a page out of
// range, when an alias rewrites the pages after it, and when compression is turned off
// after it.
func TestPageDoneSameBytes(t *testing.T) {
	build := func(early, alias, compress bool) []byte {
		p := fpdf.New("P", "mm", "A4", "")
		p.SetCompression(true)
		p.SetCreationDate(time.Unix(0, 0))
		p.SetModificationDate(time.Unix(0, 0))
		p.AddUTF8FontFromBytes("f", "", goregular.TTF)
		p.SetFont("f", "", 10)
		if alias {
			p.AliasNbPages("{nb}")
		}
		for i := 1; i <= 12; i++ {
			p.AddPage()
			for l := 0; l < 40; l++ {
				p.Text(20, 20+float64(l)*6, fmt.Sprintf("Seite %d, Zeile %d von {nb}: Umsatz %d €", i, l, i*l*1234))
			}
			if early && i > 1 {
				p.PageDone(i - 1)
			}
		}
		if early {
			p.PageDone(12)
			p.PageDone(12) // twice
			p.PageDone(0)  // out of range: ignored
			p.PageDone(99)
		}
		p.SetPage(3) // written to after PageDone: compressed again
		p.Text(50, 280, "Nachtrag")
		if early {
			p.PageDone(1)
		}
		p.SetPage(12)
		if !compress {
			p.SetCompression(false) // after PageDone: its streams go unused
		}
		var out bytes.Buffer
		if err := p.Output(&out); err != nil {
			t.Fatal(err)
		}
		return out.Bytes()
	}
	for _, compress := range []bool{true, false} {
		for _, alias := range []bool{false, true} {
			want := build(false, alias, compress)
			got := build(true, alias, compress)
			if !bytes.Equal(got, want) {
				t.Errorf("alias %v, compress %v: the document differs with PageDone (%d bytes, want %d)", alias, compress, len(got), len(want))
			}
		}
	}
}
