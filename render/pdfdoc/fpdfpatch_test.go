package pdfdoc

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
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
