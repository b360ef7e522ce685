package pdfdoc

import (
	"bytes"
	"compress/zlib"
	"encoding/binary"
	"errors"
	"hash/crc32"
	"image"
	_ "image/png"
	"io"
	"strings"
	"testing"

	"golang.org/x/image/font/gofont/gomono"

	"github.com/kepdev/kep/render"
)

func TestNilDocumentIsAnError(t *testing.T) {
	var buf bytes.Buffer
	if _, err := Write(&buf, nil, Options{}); err == nil {
		t.Error("Write(nil) succeeded")
	}
	if buf.Len() > 0 {
		t.Error("Write(nil) wrote bytes")
	}
}

// TestWriteHandsOverOrAppends: an empty bytes.Buffer is handed the document's bytes
// (handOver), a buffer already holding some gets them appended, and any other writer
// written: the same bytes each way.
func TestWriteHandsOverOrAppends(t *testing.T) {
	d := &render.Document{Title: "Hand-over"}
	want, _ := writePDF(t, d)
	held := bytes.NewBufferString("held")
	var other strings.Builder
	for _, w := range []io.Writer{held, &other} {
		if _, err := Write(w, d, Options{Now: testNow, KepVersion: "test"}); err != nil {
			t.Fatal(err)
		}
	}
	if got := held.String(); got != "held"+string(want) {
		t.Errorf("appended to a bytes.Buffer holding 4 bytes: %d bytes, want 4 + %d", len(got), len(want))
	}
	if got := other.String(); got != string(want) {
		t.Errorf("written to a strings.Builder: %d bytes, want %d", len(got), len(want))
	}
}

func TestEmptyDocumentIsValid(t *testing.T) {
	pdf, res := writePDF(t, &render.Document{})
	if res.Pages != 1 {
		t.Errorf("%d pages, want the cover alone", res.Pages)
	}
	run(t, pdf, "qpdf", "--check", "FILE")
}

func TestLetterPaper(t *testing.T) {
	d := sampleDoc(t, "minimal")
	d.Paper = "letter"
	pdf, _ := writePDF(t, d)
	if !bytes.Contains(pdf, []byte("/MediaBox [0 0 612.00 792.00]")) {
		t.Error("not letter size")
	}
	d.Paper = ""
	pdf, _ = writePDF(t, d)
	if !bytes.Contains(pdf, []byte("/MediaBox [0 0 595.28 841.89]")) {
		t.Error("not A4 by default")
	}
}

func TestBrandFont(t *testing.T) {
	d := sampleDoc(t, "hansa")
	d.Font = gomono.TTF // any TrueType font stands in for a brand font
	pdf, res := writePDF(t, d)
	if len(res.Replaced) > 0 {
		t.Errorf("replaced %s", res.ReplacedText())
	}
	fonts := run(t, pdf, "pdffonts", "FILE")
	if n := strings.Count(fonts, "CID TrueType"); n < 2 {
		t.Errorf("fonts:\n%s", fonts)
	}
	text := run(t, pdf, "pdftotext", "-enc", "UTF-8", "FILE", "-")
	if !strings.Contains(text, "Maßnahmen") {
		t.Error("text in the brand font not extractable")
	}
}

// interlacedPNG is a 2 × 1 Adam7-interlaced PNG, which fpdf refuses and Go reads. Each
// pixel lies in its own pass (1 and 6), so the image data is two one-pixel scanlines.
func interlacedPNG(t *testing.T) []byte {
	var buf bytes.Buffer
	buf.WriteString("\x89PNG\r\n\x1a\n")
	chunk := func(typ string, data []byte) {
		var n [4]byte
		binary.BigEndian.PutUint32(n[:], uint32(len(data)))
		buf.Write(n[:])
		body := append([]byte(typ), data...)
		buf.Write(body)
		binary.BigEndian.PutUint32(n[:], crc32.ChecksumIEEE(body))
		buf.Write(n[:])
	}
	chunk("IHDR", []byte{0, 0, 0, 2, 0, 0, 0, 1, 8, 2, 0, 0, 1})
	var z bytes.Buffer
	zw := zlib.NewWriter(&z)
	zw.Write([]byte{0, 200, 0, 0, 0, 0, 0, 200})
	zw.Close()
	chunk("IDAT", z.Bytes())
	chunk("IEND", nil)
	return buf.Bytes()
}

func TestLogoFpdfCannotReadIsReencoded(t *testing.T) {
	logo := interlacedPNG(t)
	if _, _, err := image.Decode(bytes.NewReader(logo)); err != nil {
		t.Fatalf("test logo is broken: %v", err)
	}
	if img := checkLogo(logo, "png"); !img.ok || img.typ != "PNG" {
		t.Fatal("interlaced logo not re-encoded")
	}
	d := sampleDoc(t, "minimal")
	d.Logo, d.LogoType = logo, "png"
	pdf, _ := writePDF(t, d)
	if list := run(t, pdf, "pdfimages", "-list", "FILE"); !strings.Contains(list, "     2     1") {
		t.Errorf("re-encoded logo missing:\n%s", list)
	}
}

func TestBrokenLogoIsLeftOut(t *testing.T) {
	d := sampleDoc(t, "minimal")
	for name, logo := range map[string][]byte{
		"garbage": []byte("\x89PNG\r\n\x1a\nnot really"),
		"jpeg":    []byte("\xff\xd8\xff\xe0 broken"),
	} {
		d.Logo, d.LogoType = logo, "png"
		var buf bytes.Buffer
		if _, err := Write(&buf, d, Options{Now: testNow}); err != nil {
			t.Errorf("%s logo: %v", name, err)
			continue
		}
		run(t, buf.Bytes(), "qpdf", "--check", "FILE")
	}
}

func TestTrafficLightsShowShapeAndWord(t *testing.T) {
	d := &render.Document{Labels: render.LabelsFor("en"), Sections: []*render.Section{{
		Title: "Lights", Level: 1, NewPage: true,
		Blocks: []render.Block{&render.Table{Header: []string{"Objective", "Light"}, Rows: [][]render.Cell{
			{{Text: "f1"}, {Light: render.Green}},
			{{Text: "f2"}, {Light: render.Red, Text: "77%"}},
		}}},
	}}}
	pdf, _ := writePDF(t, d)
	text := run(t, pdf, "pdftotext", "-enc", "UTF-8", "FILE", "-")
	for _, want := range []string{"● green", "■ 77%"} {
		if !strings.Contains(text, want) {
			t.Errorf("text lacks %q:\n%s", want, text)
		}
	}
}

func TestLightSymbolDrawnAsShapeWhereTheFontLacksIt(t *testing.T) {
	w := testWriter(t)
	w.san.cov = without(w.san.cov, "●▲■")
	for _, l := range []render.Light{render.Green, render.Amber, render.Red, "purple"} {
		spans := w.lightSpans(l, "")
		if spans[0].shape == 0 {
			t.Errorf("%s: no shape", l)
		}
		w.flow(spans, body(ink), 0)
	}
	if err := w.pdf.Error(); err != nil {
		t.Fatal(err)
	}
}

// TestConcurrentWrites renders documents in parallel, as kep render -j does; run with
// -race. Each result must equal the sequential one.
func TestConcurrentWrites(t *testing.T) {
	d := sampleDoc(t, "brightwater")
	want, _ := writePDF(t, d)
	errs := make(chan error, 6)
	for i := 0; i < 6; i++ {
		d := sampleDoc(t, "brightwater")
		go func() {
			var buf bytes.Buffer
			_, err := Write(&buf, d, Options{Now: testNow, KepVersion: "test"})
			if err == nil && !bytes.Equal(buf.Bytes(), want) {
				err = errors.New("concurrent output differs")
			}
			errs <- err
		}()
	}
	for i := 0; i < 6; i++ {
		if err := <-errs; err != nil {
			t.Error(err)
		}
	}
}
