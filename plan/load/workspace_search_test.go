package load

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const searchPlan = "format = 1\n[plan]\naccount = \"A\"\nfrom = 2027-01-01\nto = 2027-12-31\n"

// searchTree writes files (slash paths → content) below a new folder and returns it.
func searchTree(t *testing.T, files map[string]string) string {
	t.Helper()
	root := t.TempDir()
	for name, data := range files {
		p := filepath.Join(root, filepath.FromSlash(name))
		if strings.HasSuffix(name, "/") {
			if err := os.MkdirAll(p, 0o755); err != nil {
				t.Fatal(err)
			}
			continue
		}
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return root
}

// TestWorkspaceSearchStopsAtHome: a kep.toml above the user's home folder is never used;
// one in the home folder itself is.
func TestWorkspaceSearchStopsAtHome(t *testing.T) {
	root := searchTree(t, map[string]string{
		"kep.toml":               "lang = \"de\"\n",
		"home/me/acc/p.toml":     searchPlan,
		"home/you/kep.toml":      "lang = \"de\"\n",
		"home/you/acc/p.toml":    searchPlan,
		"elsewhere/deep/p.toml":  searchPlan,
		"home/me/.config/x.toml": "",
	})
	t.Setenv("HOME", filepath.Join(root, "home", "me"))
	l := &Loader{}
	ws, ds := l.WorkspaceFor(filepath.Join(root, "home", "me", "acc", "p.toml"))
	if ws.File != "" || len(ds) != 0 {
		t.Errorf("below home: workspace %q, %v; want none", ws.File, ds)
	}
	// Without the home folder in its way, the search still goes up (no .git here).
	ws, _ = l.WorkspaceFor(filepath.Join(root, "elsewhere", "deep", "p.toml"))
	if ws.File != filepath.Join(root, "kep.toml") {
		t.Errorf("elsewhere: workspace %q, want the one at the top", ws.File)
	}
	t.Setenv("HOME", filepath.Join(root, "home", "you"))
	ws, _ = (&Loader{}).WorkspaceFor(filepath.Join(root, "home", "you", "acc", "p.toml"))
	if ws.File != filepath.Join(root, "home", "you", "kep.toml") {
		t.Errorf("home's own kep.toml: workspace %q", ws.File)
	}
}

// TestWorkspaceSearchStopsAtGitFile: a .git file (a worktree, a submodule) ends the search
// as a .git folder does, without running git.
func TestWorkspaceSearchStopsAtGitFile(t *testing.T) {
	root := searchTree(t, map[string]string{
		"kep.toml":         "lang = \"de\"\n",
		"repo/.git":        "gitdir: /nowhere\n",
		"repo/acc/p.toml":  searchPlan,
		"repo2/.git/":      "",
		"repo2/acc/p.toml": searchPlan,
		"plain/acc/p.toml": searchPlan,
	})
	t.Setenv("HOME", "/nonexistent-home")
	for _, c := range []struct{ pl, want string }{
		{"repo/acc/p.toml", ""},
		{"repo2/acc/p.toml", ""},
		{"plain/acc/p.toml", filepath.Join(root, "kep.toml")},
	} {
		ws, _ := (&Loader{}).WorkspaceFor(filepath.Join(root, c.pl))
		if ws.File != c.want {
			t.Errorf("%s: workspace %q, want %q", c.pl, ws.File, c.want)
		}
	}
}

// TestWorkspaceWorldWritable: a kep.toml in a folder anyone may write to (with or
// without the sticky bit, as /tmp) is refused for plans in folders below it, with an
// error; in the plan's own folder it is used.
func TestWorkspaceWorldWritable(t *testing.T) {
	t.Setenv("HOME", "/nonexistent-home")
	for _, mode := range []os.FileMode{0o777, 0o777 | os.ModeSticky, 0o773} {
		root := searchTree(t, map[string]string{
			"tmp/kep.toml":      "lang = \"de\"\n",
			"tmp/p.toml":        searchPlan,
			"tmp/acc/p.toml":    searchPlan,
			"tmp/mine/kep.toml": "lang = \"en\"\n",
			"tmp/mine/a/p.toml": searchPlan,
		})
		tmp := filepath.Join(root, "tmp")
		if err := os.Chmod(tmp, mode); err != nil {
			t.Fatal(err)
		}
		l := &Loader{}
		p, ds := l.LoadPlan(filepath.Join(tmp, "acc", "p.toml"))
		want := filepath.Join(tmp, "kep.toml") + ": not used: " + tmp + " is a folder anyone may write to"
		if p != nil && p.Workspace.File != "" || len(ds) != 1 || !strings.HasPrefix(ds[0].String(), want) || !ds.HasErrors() {
			t.Errorf("mode %v: below: %v; want one error starting %q", mode, ds, want)
		}
		p, ds = l.LoadPlan(filepath.Join(tmp, "p.toml"))
		if ds.HasErrors() || p.Workspace.File != filepath.Join(tmp, "kep.toml") {
			t.Errorf("mode %v: own folder: %v", mode, ds)
		}
		// A folder of one's own between the plan and the shared one.
		p, ds = l.LoadPlan(filepath.Join(tmp, "mine", "a", "p.toml"))
		if ds.HasErrors() || p.Workspace.File != filepath.Join(tmp, "mine", "kep.toml") {
			t.Errorf("mode %v: own workspace below: %v", mode, ds)
		}
	}
}
