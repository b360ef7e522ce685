package rendertest

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/kepdev/kep/locale"
)

// languagePlans are plans written in each document language, relative to the module
// root: the samples where one is in that language, else a plan of testdata/.
var languagePlans = map[string]string{
	"de": "samples/accounts/hansa.toml",
	"en": "samples/accounts/brightwater.toml",
	"fr": "render/rendertest/testdata/fr/accounts/lumiere.toml",
}

// LanguagePlans returns, for every document language of locale.Languages(), in that order, the
// path of a plan written in it, so that the checks of the HTML and PDF documents run on
// every language alike. A language without a plan fails the test: add one here.
func LanguagePlans(t testing.TB) []LanguagePlan {
	t.Helper()
	root := moduleRoot()
	var out []LanguagePlan
	for _, l := range locale.Languages() {
		rel, ok := languagePlans[l.Lang]
		if !ok {
			t.Fatalf("no plan in %s (%s) for the document checks: add one to rendertest.languagePlans", l.Name, l.Lang)
		}
		out = append(out, LanguagePlan{Lang: l.Lang, Path: filepath.Join(root, filepath.FromSlash(rel))})
	}
	return out
}

// LanguagePlan is a plan written in one document language.
type LanguagePlan struct {
	Lang string
	Path string // absolute
}

// Name is the plan's file name without .toml ("lumiere").
func (p LanguagePlan) Name() string {
	return filepath.Base(p.Path[:len(p.Path)-len(filepath.Ext(p.Path))])
}

// moduleRoot is the folder of go.mod above the test's working folder.
func moduleRoot() string {
	wd, err := os.Getwd()
	if err != nil {
		return "."
	}
	for dir := wd; ; {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return wd
		}
		dir = parent
	}
}
