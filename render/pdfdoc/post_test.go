package pdfdoc

import (
	"bytes"
	"testing"

	"github.com/go-pdf/fpdf"
)

func TestCompressStreams(t *testing.T) {
	p := fpdf.New("P", "mm", "A4", "")
	p.SetCompression(false)
	p.SetFont("Helvetica", "", 12)
	for i := 0; i < 3; i++ {
		p.AddPage()
		p.Text(20, 20, "Seite mit Text, der sich wiederholt, wiederholt, wiederholt")
	}
	var raw bytes.Buffer
	if err := p.Output(&raw); err != nil {
		t.Fatal(err)
	}
	out := compressStreams(raw.Bytes())
	if bytes.Equal(out, raw.Bytes()) {
		t.Fatal("nothing compressed")
	}
	if n := bytes.Count(out, []byte("/Filter /FlateDecode")); n != 3 {
		t.Errorf("%d compressed streams, want 3 pages", n)
	}
	run(t, out, "qpdf", "--check", "FILE")
	if text := run(t, out, "pdftotext", "FILE", "-"); bytes.Count([]byte(text), []byte("Seite mit Text")) != 3 {
		t.Errorf("text after compression: %q", text)
	}
}

func TestCompressStreamsLeavesOtherInputAlone(t *testing.T) {
	for _, in := range []string{"", "%PDF-1.4\nno xref", "%PDF-1.4\n1 0 obj\n<<>>\nendobj\nxref\n0 2\n0000000000 65535 f \nbroken\ntrailer\n<<>>\nstartxref\n9\n%%EOF\n"} {
		if got := compressStreams([]byte(in)); string(got) != in {
			t.Errorf("compressStreams(%q) changed it to %q", in, got)
		}
	}
}
