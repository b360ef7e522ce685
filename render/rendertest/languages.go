package rendertest

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/kepdev/kep/locale"
	"github.com/kepdev/kep/plan/load"
)

// languagePlans are plans written in each document language, relative to the module
// root: the samples where one is in that language, else a plan of testdata/.
var languagePlans = map[string]string{
	"de": "samples/accounts/hansa.toml",
	"en": "samples/accounts/brightwater.toml",
	"fr": "render/rendertest/testdata/fr/accounts/lumiere.toml",
}

// LanguagePlans returns, for every document language of locale.Languages(), in that
// order, the path of a plan written in it, so that the checks of the HTML and PDF
// documents run on every language alike: the plan of languagePlans, else the language's
// kep init scaffold (every block filled with its example values), written to a
// temporary folder, so that a new language is checked before it has a plan of its own.
func LanguagePlans(t testing.TB) []LanguagePlan {
	t.Helper()
	root := moduleRoot()
	var out []LanguagePlan
	for _, l := range locale.Languages() {
		rel, ok := languagePlans[l.Lang]
		if !ok {
			out = append(out, LanguagePlan{Lang: l.Lang, Path: scaffoldPlan(t, l.Lang)})
			continue
		}
		out = append(out, LanguagePlan{Lang: l.Lang, Path: filepath.Join(root, filepath.FromSlash(rel))})
	}
	return out
}

// scaffoldPlan writes the kep init scaffold of lang (plan year 2027) to a temporary
// folder and returns its path.
func scaffoldPlan(t testing.TB, lang string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "scaffold-"+lang+".toml")
	src, err := load.Scaffold(load.ScaffoldOptions{Lang: lang, File: filepath.Base(path), Year: 2027})
	if err != nil {
		t.Fatalf("no plan in %s for the document checks: %v", lang, err)
	}
	if err := os.WriteFile(path, src, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
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
