package charts

import (
	"bytes"
	"encoding/xml"
	"flag"
	"io"
	"path/filepath"
	"testing"

	"github.com/kepdev/kep/render/rendertest"
)

var update = flag.Bool("update", false, "rewrite the golden SVG files in testdata")

func TestGoldenSVG(t *testing.T) {
	for _, s := range samples() {
		t.Run(s.name, func(t *testing.T) {
			got, err := SVG(s.chart, testTheme, s.w, s.h)
			if err != nil {
				t.Fatal(err)
			}
			wellFormed(t, got)
			// On a difference, look at the picture before rewriting the golden file.
			rendertest.Golden(t, filepath.Join("testdata", s.name+".svg"), got, *update)
			if *update {
				return
			}
			again, _ := SVG(s.chart, testTheme, s.w, s.h)
			if !bytes.Equal(got, again) {
				t.Error("output not deterministic")
			}
			// AppendSVG appends the same element behind what dst holds.
			prefix := []byte("<div>")
			appended, err := AppendSVG(prefix, s.chart, testTheme, s.w, s.h)
			if err != nil || !bytes.Equal(appended, append(prefix, got...)) {
				t.Errorf("AppendSVG differs from SVG (error %v)", err)
			}
		})
	}
}

// wellFormed decodes the whole SVG with encoding/xml.
func wellFormed(t *testing.T, b []byte) {
	t.Helper()
	d := xml.NewDecoder(bytes.NewReader(b))
	for {
		_, err := d.Token()
		if err == io.EOF {
			return
		}
		if err != nil {
			t.Fatalf("SVG not well-formed: %v\n%s", err, b)
		}
	}
}
