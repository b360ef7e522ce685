package templates

import (
	"io/fs"
	"testing"

	"github.com/kepdev/kep/locale"
)

// Every document language has its scaffolds, one folder scaffold/LANG/: plan.toml, the
// plan of kep init (its keys and values are checked in plan/load), and kep.toml, the
// template of kep init --workspace; and no folder is there for a language locale/ does
// not know.
func TestEveryLanguageHasItsScaffolds(t *testing.T) {
	for _, l := range locale.Languages() {
		if _, err := fs.Stat(Workspace, WorkspaceFile(l.Lang)); err != nil {
			t.Errorf("%s: no %s for kep init --workspace: %v", l.Name, WorkspaceFile(l.Lang), err)
		}
		if _, err := fs.Stat(Scaffold, PlanFile(l.Lang)); err != nil {
			t.Errorf("%s: no %s for kep init: %v", l.Name, PlanFile(l.Lang), err)
		}
	}
	dirs, err := fs.Glob(Workspace, "scaffold/*")
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range dirs {
		if lang := d[len("scaffold/"):]; !locale.Supported(lang) {
			t.Errorf("%s: a scaffold for %q, which is no language of locale.Languages()", d, lang)
		}
	}
}
