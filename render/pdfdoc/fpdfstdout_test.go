package pdfdoc

import (
	"bytes"
	"encoding/binary"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/go-pdf/fpdf"
	"github.com/kepdev/kep/render/fonts"
	"golang.org/x/image/font/gofont/goregular"
)

// fontWith returns a copy of Go Regular with edit applied to its tables.
func fontWith(t *testing.T, edit func(tables map[string][]byte)) []byte {
	t.Helper()
	b := bytes.Clone(goregular.TTF)
	tables, err := fonts.Tables(b)
	if err != nil {
		t.Fatal(err)
	}
	edit(tables)
	return b
}

// captureStdout runs f with os.Stdout going to a pipe and returns what was written there.
func captureStdout(t *testing.T, f func()) string {
	t.Helper()
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	got := make(chan string, 1)
	go func() { b, _ := io.ReadAll(r); got <- string(b) }()
	saved := os.Stdout
	os.Stdout = w
	defer func() {
		os.Stdout = saved
		w.Close()
	}()
	f()
	os.Stdout = saved
	w.Close()
	return <-got
}

// fpdf printed a font's faults to stdout ("ERROR - copyright restrictions."), into a PDF
// written there by kep render -o -. Now each fault is the document's error, and nothing
// reaches stdout.
func TestFpdfFontFaultsAreErrorsNotStdout(t *testing.T) {
	for _, tc := range []struct {
		name string
		edit func(map[string][]byte)
		want string
	}{
		{"restricted licence", func(t map[string][]byte) { binary.BigEndian.PutUint16(t["OS/2"][8:], 0x0002) },
			"its licence does not allow embedding a subset of it (OS/2 fsType 0x0002)"},
		{"no subsetting", func(t map[string][]byte) { binary.BigEndian.PutUint16(t["OS/2"][8:], 0x0100) },
			"(OS/2 fsType 0x0100)"},
		{"bitmap only", func(t map[string][]byte) { binary.BigEndian.PutUint16(t["OS/2"][8:], 0x0208) },
			"(OS/2 fsType 0x0208)"},
		{"no metrics", func(t map[string][]byte) { binary.BigEndian.PutUint16(t["hhea"][34:], 0) },
			"font: no horizontal metrics"},
		{"metric format", func(t map[string][]byte) { binary.BigEndian.PutUint16(t["hhea"][32:], 7) },
			"unknown horizontal metric data format 7"},
		{"loca format", func(t map[string][]byte) { binary.BigEndian.PutUint16(t["head"][50:], 2) },
			"unknown loca table format 2"},
		{"no unicode cmap", func(t map[string][]byte) {
			c := t["cmap"]
			for i := 0; i < int(binary.BigEndian.Uint16(c[2:])); i++ {
				binary.BigEndian.PutUint16(c[4+8*i:], 9) // platform 9: nobody's
			}
		}, "no character map for Unicode"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			font := fontWith(t, tc.edit)
			var err error
			out := captureStdout(t, func() {
				p := fpdf.New("P", "mm", "A4", "")
				p.AddUTF8FontFromBytes("f", "", font)
				p.SetFont("f", "", 10)
				p.AddPage()
				p.Text(10, 10, "Umsatz")
				err = p.Output(io.Discard)
			})
			if out != "" {
				t.Errorf("stdout: %q", out)
			}
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error %v, want %q", err, tc.want)
			}
		})
	}
	// The names in the name table are not needed: an unusual one is no fault.
	font := fontWith(t, func(t map[string][]byte) { binary.BigEndian.PutUint16(t["name"][0:], 1) })
	out := captureStdout(t, func() {
		p := fpdf.New("P", "mm", "A4", "")
		p.AddUTF8FontFromBytes("f", "", font)
		p.SetFont("f", "", 10)
		p.AddPage()
		p.Text(10, 10, "Umsatz")
		if err := p.Output(io.Discard); err != nil {
			t.Errorf("name table format 1: %v", err)
		}
	})
	if out != "" {
		t.Errorf("stdout: %q", out)
	}
}

// Nothing in the vendored fpdf writes to stdout: kep writes documents there (-o -).
func TestFpdfHasNoStdoutWrites(t *testing.T) {
	files, err := filepath.Glob("../../third_party/fpdf/*.go")
	if err != nil || len(files) == 0 {
		t.Fatalf("no fpdf sources: %v", err)
	}
	stdout := regexp.MustCompile(`^\s*[^/\s].*\b(fmt\.Print(f|ln)?\(|os\.Stdout\b|println\(|print\()`)
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for i, line := range strings.Split(string(b), "\n") {
			if stdout.MatchString(line) {
				t.Errorf("%s:%d: writes to stdout: %s", filepath.Base(f), i+1, strings.TrimSpace(line))
			}
		}
	}
}
