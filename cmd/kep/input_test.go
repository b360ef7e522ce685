package main

import (
	"bytes"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// A plan that cannot be read (no permission, a device) is exit 2, a failure of the file
// system, for every command that reads plans (spec/program.md, exit statuses).
func TestUnreadableInputExit2(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("no /dev/null, no Unix permissions")
	}
	dir := t.TempDir()
	secret := filepath.Join(dir, "secret.toml")
	if err := os.WriteFile(secret, []byte("format = 1\n"), 0o000); err != nil {
		t.Fatal(err)
	}
	inputs := []string{"/dev/null"}
	if f, err := os.Open(secret); err == nil {
		f.Close() // root reads everything: only the device case can be tested
	} else {
		inputs = append(inputs, secret)
	}
	for _, in := range inputs {
		for _, args := range [][]string{
			{"validate", in},
			{"figures", in},
			{"render", "-o", filepath.Join(dir, "out"), in},
			{"portfolio", "-o", filepath.Join(dir, "out"), in},
			{"diff", in, in},
		} {
			var stdout, stderr bytes.Buffer
			if got := run(args, &stdout, &stderr); got != exitUsage {
				t.Errorf("kep %s: exit %d, want %d; stderr: %s", strings.Join(args, " "), got, exitUsage, stderr.String())
			}
			if !strings.Contains(stderr.String(), in) {
				t.Errorf("kep %s: stderr %q does not name the file", strings.Join(args, " "), stderr.String())
			}
		}
	}
}
