package preview

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kepdev/kep/plan/check"
)

// TestServeQuotesNoSecret: the error page of kep serve shows no line of a plan that is a
// link to a file not named .toml (a secret); a real plan's line is still shown.
func TestServeQuotesNoSecret(t *testing.T) {
	t.Setenv("HOME", "/nonexistent-home")
	dir := t.TempDir()
	secret := filepath.Join(dir, "id_token")
	if err := os.WriteFile(secret, []byte("SECRET=sk_live_abc def\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	pl := filepath.Join(dir, "plan.toml")
	if err := os.Symlink(secret, pl); err != nil {
		t.Fatal(err)
	}
	real := filepath.Join(dir, "real.toml")
	if err := os.WriteFile(real, []byte("format = 1\n[plan]\naccount = Hansa AG\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		path  string
		shown bool
	}{{pl, false}, {real, true}} {
		_, ds := (&check.Loader{}).LoadPlan(c.path)
		src := quotedSources(ds)
		got := strings.Join(src[c.path], "\n")
		if shown := got != ""; shown != c.shown {
			t.Errorf("%s: lines shown %q, want shown %v", filepath.Base(c.path), got, c.shown)
		}
		if strings.Contains(got, "sk_live") {
			t.Errorf("%s: secret shown", c.path)
		}
	}
}
