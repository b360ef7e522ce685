package pdfdoc

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
	"time"
	"unicode/utf16"

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
	toUTF16 := func(s string) string {
		var b strings.Builder
		for _, u := range utf16.Encode([]rune(s)) { // invalid UTF-8: U+FFFD
			b.WriteByte(byte(u >> 8))
			b.WriteByte(byte(u))
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
		// UTF-16 bytes that need escaping (U+5C28: '\\' '('; U+0D29: '\r' ')') and
		// invalid UTF-8: Text escapes the UTF-16 bytes as it writes them, without making
		// the UTF-16 string first. (Runes above U+FFFF never reach fpdf: the sanitizer
		// replaces them, as fpdf's subsetting cannot hold them.)
		{"utf-16 escapes", "\u5c28\u0d29(x)\xffx", true, false},
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
				txt = toUTF16(txt)
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

// The vendored fpdf remembers the colour operators it made last and writes the font
// operator and marked content without fmt (kep patch); the bytes must be upstream's
// Sprintf formats, also once more colours are used than it remembers.
func TestPatchedOperatorsWriteUpstreamBytes(t *testing.T) {
	p := fpdf.New("P", "mm", "A4", "")
	p.SetCompression(false)
	p.AddUTF8FontFromBytes("f", "", goregular.TTF)
	p.AddPage()
	var want []string
	for round := 0; round < 2; round++ {
		for i := 0; i < 40; i++ {
			r, g, b := i*6, i*6, (i*37)%256
			if i%3 == 0 {
				b = r // grey
			}
			c := func(v int) float64 { return float64(v) / 255 }
			p.SetFillColor(r, g, b)
			p.SetDrawColor(r, g, b)
			if r == g && g == b {
				want = append(want, fmt.Sprintf("%.3f g", c(r)), fmt.Sprintf("%.3f G", c(r)))
			} else {
				want = append(want, fmt.Sprintf("%.3f %.3f %.3f rg", c(r), c(g), c(b)),
					fmt.Sprintf("%.3f %.3f %.3f RG", c(r), c(g), c(b)))
			}
			size := 7 + float64(i)/3
			p.SetFont("f", "", size)
			want = append(want, fmt.Sprintf("BT /F%s %.2f Tf ET", "", size)) // the font's ID is checked below
		}
	}
	var out bytes.Buffer
	if err := p.Output(&out); err != nil {
		t.Fatal(err)
	}
	page := out.String()
	at := 0
	for _, w := range want {
		if strings.HasPrefix(w, "BT /F ") {
			i := strings.Index(page[at:], "\nBT /F")
			j := strings.Index(page[at+max(i, 0):], " Tf ET\n")
			if i < 0 || j < 0 {
				t.Fatalf("no font operator after byte %d", at)
			}
			got := page[at+i+1 : at+i+j+len(" Tf ET")]
			if f := strings.Fields(got); len(f) != 5 || f[2] != strings.Fields(w)[2] {
				t.Fatalf("font operator %q, want size %s", got, strings.Fields(w)[2])
			}
			at += i + 1
			continue
		}
		i := strings.Index(page[at:], "\n"+w+"\n")
		if i < 0 {
			t.Fatalf("page lacks %q after byte %d", w, at)
		}
		at += i + 1
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
