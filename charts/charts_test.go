package charts

import (
	"bytes"
	"encoding/xml"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"testing"
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
			path := filepath.Join("testdata", s.name+".svg")
			if *update {
				if err := os.WriteFile(path, got, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run go test ./charts -update)", err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("%s differs from the golden file; look at the picture, then go test ./charts -update\n%s", path, diff(want, got))
			}
			again, _ := SVG(s.chart, testTheme, s.w, s.h)
			if !bytes.Equal(got, again) {
				t.Error("output not deterministic")
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

// diff shows the first differing line of two outputs.
func diff(want, got []byte) string {
	w, g := bytes.Split(want, []byte(">")), bytes.Split(got, []byte(">"))
	for i := 0; i < len(w) && i < len(g); i++ {
		if !bytes.Equal(w[i], g[i]) {
			return fmt.Sprintf("element %d:\n- %s>\n+ %s>", i, w[i], g[i])
		}
	}
	return fmt.Sprintf("lengths differ: %d vs %d elements", len(w), len(g))
}
