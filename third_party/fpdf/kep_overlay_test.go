package fpdf

import (
	"bytes"
	"compress/zlib"
	"io"
	"regexp"
	"strconv"
	"testing"
)

// overlayDoc is a two-page document whose second page has an overlay drawn after the
// page was given to PageDone; it returns the PDF.
func overlayDoc(t *testing.T, compress bool) []byte {
	t.Helper()
	f := New("P", "mm", "A4", "")
	f.SetCompression(compress)
	f.AddPage()
	f.Rect(10, 10, 20, 20, "D")
	f.AddPage()
	f.Rect(30, 30, 40, 40, "F")
	f.PageDone(2)
	f.PageDone(2) // the same content again: skipped
	f.BeginOverlay()
	f.Line(1, 2, 3, 4)
	f.EndOverlay()
	f.SetPage(1)
	f.Rect(50, 50, 5, 5, "D") // page 1 after its PageDone would be fine too
	f.SetPage(2)
	var b bytes.Buffer
	if err := f.Output(&b); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// stream returns the content of object n of pdf, inflated when it is compressed.
func stream(t *testing.T, pdf []byte, n int) string {
	t.Helper()
	m := regexp.MustCompile(`(?s)\n` + strconv.Itoa(n) + ` 0 obj\n<<([^>]*)>>\nstream\n`).FindSubmatchIndex(pdf)
	if m == nil {
		t.Fatalf("object %d: no stream", n)
	}
	l := regexp.MustCompile(`/Length (\d+)`).FindSubmatch(pdf[m[2]:m[3]])
	size, _ := strconv.Atoi(string(l[1]))
	data := pdf[m[1] : m[1]+size]
	if !bytes.Contains(pdf[m[2]:m[3]], []byte("/FlateDecode")) {
		return string(data)
	}
	zr, err := zlib.NewReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	out, err := io.ReadAll(zr)
	if err != nil {
		t.Fatal(err)
	}
	return string(out)
}

// A page with an overlay has two content streams, the page's own first, and what was
// drawn between BeginOverlay and EndOverlay is in the second only; a page without one
// keeps its single stream.
func TestOverlay(t *testing.T) {
	for _, compress := range []bool{true, false} {
		pdf := overlayDoc(t, compress)
		pages := regexp.MustCompile(`/Contents (\d+) 0 R>>|/Contents \[(\d+) 0 R (\d+) 0 R\]>>`).FindAllSubmatch(pdf, -1)
		if len(pages) != 2 || pages[0][1] == nil || pages[1][2] == nil {
			t.Fatalf("compress %v: page contents %q", compress, pages)
		}
		one, _ := strconv.Atoi(string(pages[0][1]))
		body, _ := strconv.Atoi(string(pages[1][2]))
		over, _ := strconv.Atoi(string(pages[1][3]))
		if p1 := stream(t, pdf, one); !bytes.Contains([]byte(p1), []byte(" re S")) || bytes.Count([]byte(p1), []byte(" re ")) != 2 {
			t.Errorf("compress %v: page 1 is %q, want both rectangles", compress, p1)
		}
		b, o := stream(t, pdf, body), stream(t, pdf, over)
		if !bytes.Contains([]byte(b), []byte(" re f")) || bytes.Contains([]byte(b), []byte(" l S")) {
			t.Errorf("compress %v: page 2's own stream is %q, want the rectangle and no line", compress, b)
		}
		if bytes.Contains([]byte(o), []byte(" re ")) || !bytes.Contains([]byte(o), []byte(" l S")) {
			t.Errorf("compress %v: page 2's overlay is %q, want the line alone", compress, o)
		}
	}
}

// PageDone gives a page once per content: given again unchanged, it is not queued again;
// changed, it is.
func TestPageDoneSkipsUnchanged(t *testing.T) {
	f := New("P", "mm", "A4", "")
	f.AddPage()
	f.Rect(10, 10, 20, 20, "D")
	f.AddPage()
	// A worker counted as running takes nothing from the queue: the queue shows what
	// PageDone gave.
	f.early = &earlyPages{running: true}
	f.PageDone(1)
	f.PageDone(1)
	if n := len(f.early.queue); n != 1 {
		t.Errorf("page 1 given twice unchanged: queued %d times, want once", n)
	}
	f.SetPage(1)
	f.Rect(1, 1, 2, 2, "D")
	f.PageDone(1)
	if n := len(f.early.queue); n != 2 {
		t.Errorf("page 1 changed and given again: queued %d times in all, want twice", n)
	}
	f.early.running = false
	f.SetPage(2)
	var b bytes.Buffer
	if err := f.Output(&b); err != nil {
		t.Fatal(err)
	}
	if got := stream(t, b.Bytes(), 4); bytes.Count([]byte(got), []byte(" re S")) != 2 {
		t.Errorf("page 1 is %q, want both rectangles", got)
	}
}
