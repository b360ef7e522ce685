package render

import (
	"os"
	"path/filepath"
	"regexp"
	"testing"

	"github.com/kepdev/kep/locale"
)

// Every label the builders ask for by a literal key exists in every language: a missing
// one prints its key in the document ("ask.table" stood as a table caption).
func TestLabelKeysUsedExist(t *testing.T) {
	files, _ := filepath.Glob("*.go")
	more, _ := filepath.Glob("changes/*.go")
	files = append(files, more...)
	call := regexp.MustCompile(`\b(?:L|b\.L|d\.l|l)\.T\("([^"%]+)"\)`)
	n := 0
	for _, f := range files {
		if filepath.Ext(f) != ".go" || len(f) > 8 && f[len(f)-8:] == "_test.go" {
			continue
		}
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range call.FindAllStringSubmatch(string(src), -1) {
			n++
			for _, lang := range locale.Langs() {
				if !LabelsFor(lang).Has(m[1]) {
					t.Errorf("%s: label %q has no %s text", f, m[1], lang)
				}
			}
		}
	}
	if n < 100 {
		t.Fatalf("found only %d label uses: the pattern no longer matches the builders", n)
	}
}
