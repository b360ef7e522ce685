package pdfdoc

import (
	"bytes"
	"testing"

	"github.com/go-pdf/fpdf"
	"golang.org/x/image/font/gofont/goregular"
)

// fpdf compresses the streams that are the same in every document (the ToUnicode map
// of a UTF-8 font, the ICC profile) once per process and reuses them (issue 19). An
// encrypted document encrypts its streams in place: it must not encrypt the ones kept
// for the next document.
func TestConstantStreamsSurviveEncryption(t *testing.T) {
	doc := func(protect bool) []byte {
		p := fpdf.New("P", "mm", "A4", "")
		p.SetCreationDate(testNow)
		p.SetModificationDate(testNow)
		p.SetCompression(true)
		if protect {
			p.SetProtection(fpdf.CnProtectPrint, "user", "owner")
		}
		p.AddUTF8FontFromBytes("f", "", goregular.TTF)
		p.SetFont("f", "", 10)
		p.AddPage()
		p.Text(20, 20, "Größe")
		var b bytes.Buffer
		if err := p.Output(&b); err != nil {
			t.Fatal(err)
		}
		return b.Bytes()
	}
	before := doc(false)
	if bytes.Equal(doc(true), before) {
		t.Fatal("the encrypted document is the plain one")
	}
	if !bytes.Equal(doc(false), before) {
		t.Error("a plain document after an encrypted one differs from one before it")
	}
}
