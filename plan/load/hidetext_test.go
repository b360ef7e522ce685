package load

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kepdev/kep/plan"
)

// TestNoTextFromNonTOML: a plan or kep.toml that is a link to another file (a secret)
// gets findings that quote nothing of it: no value, no key, and NoSource, so kep serve
// shows no line. A file named .toml keeps kep's friendly, quoting messages.
func TestNoTextFromNonTOML(t *testing.T) {
	t.Setenv("HOME", "/nonexistent-home")
	dir := t.TempDir()
	if err := os.Mkdir(filepath.Join(dir, ".git"), 0o755); err != nil {
		t.Fatal(err)
	}
	write := func(name, data string) string {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	link := func(target, name string) string {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.Symlink(target, p); err != nil {
			t.Fatal(err)
		}
		return p
	}
	values := []string{"sk_live_abc", "hunter2", "AKIA"}
	secrets := append([]string{"SECRET", "password", "aws_access_key_id"}, values...)
	noSecret := func(what string, ds plan.Diagnostics, secrets []string) {
		t.Helper()
		if !ds.HasErrors() {
			t.Errorf("%s: no error", what)
		}
		for _, d := range ds {
			for _, s := range secrets {
				if strings.Contains(d.String(), s) {
					t.Errorf("%s: %q quotes %q", what, d.String(), s)
				}
			}
			if strings.HasPrefix(d.File, filepath.Join(dir, "ws")) && !d.NoSource {
				t.Errorf("%s: %q: want NoSource", what, d.String())
			}
		}
	}
	env := write("secret/.env", "SECRET=sk_live_abc def\npassword: hunter2\n[default]\naws_access_key_id = AKIA123\n")
	quoted := write("secret/creds", "SECRET = \"sk_live_abc\"\ntoken = \"hunter2\"\n")

	// A plan that is a link to a secret that is not TOML.
	l := &Loader{}
	_, ds := l.LoadPlan(link(env, "ws/a/plan.toml"))
	noSecret("plan → .env", ds, secrets)
	if len(ds) != 1 || !strings.Contains(ds[0].Message, "not a TOML file: its name, links followed, is .env, not *.toml") || ds[0].Line != 1 {
		t.Errorf("plan → .env: %v", ds)
	}
	// One that parses as TOML: the schema walk's findings stay (they name keys, never
	// the values of unknown keys), marked NoSource.
	_, ds = l.LoadPlan(link(quoted, "ws/b/plan.toml"))
	noSecret("plan → TOML secret", ds, values)

	// kep.toml as such a link: the plan beside it is fine, the workspace's findings hide.
	link(env, "ws/c/kep.toml")
	pl := write("ws/c/p.toml", "format = 1\n[plan]\naccount = \"A\"\nfrom = 2027-01-01\nto = 2027-12-31\n")
	_, ds = (&Loader{}).LoadPlan(pl)
	noSecret("kep.toml → .env", ds, secrets)

	// A real .toml file with a syntax error keeps the quoting message.
	real := write("ws/d/p.toml", "format = 1\n[plan]\naccount = Hansa AG\n")
	_, ds = (&Loader{}).LoadPlan(real)
	if len(ds) == 0 || !strings.Contains(ds[0].Message, `"Hansa`) || ds[0].NoSource {
		t.Errorf("real plan: %v", ds)
	}
}
