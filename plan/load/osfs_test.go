package load

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// osFS reads a file whole, sized by its length, and stops at maxRead whatever the length
// says (a device reports 0).
func TestOSFSReadFile(t *testing.T) {
	for _, n := range []int{0, 1, 511, 512, 513, 40000} {
		want := bytes.Repeat([]byte("k"), n)
		name := filepath.Join(t.TempDir(), "p.toml")
		if err := os.WriteFile(name, want, 0o644); err != nil {
			t.Fatal(err)
		}
		if got, err := (osFS{}).ReadFile(name); err != nil || !bytes.Equal(got, want) {
			t.Errorf("%d bytes: got %d bytes, %v", n, len(got), err)
		}
	}
	if _, err := os.Stat("/dev/zero"); err == nil && !testing.Short() { // reads 64 MiB
		if b, err := (osFS{}).ReadFile("/dev/zero"); err == nil {
			t.Errorf("/dev/zero: read %d bytes, want an error", len(b))
		}
	}
}
