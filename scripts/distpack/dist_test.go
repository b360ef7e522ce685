package main

import (
	"archive/tar"
	"archive/zip"
	"bytes"
	"compress/gzip"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"
)

// The same files give the same archive bytes whatever their times on disk.
func TestPackReproducible(t *testing.T) {
	for _, ext := range []string{".tar.gz", ".zip"} {
		var got [][]byte
		for i, mt := range []time.Time{time.Unix(1e9, 0), time.Unix(2e9, 0)} {
			dir := t.TempDir()
			var files []string
			for _, n := range []string{"kep", "README.md", "LICENSE"} { // not sorted
				p := filepath.Join(dir, n)
				if err := os.WriteFile(p, []byte("content of "+n), 0o600); err != nil {
					t.Fatal(err)
				}
				os.Chtimes(p, mt, mt)
				files = append(files, p)
			}
			out := filepath.Join(dir, "a"+ext)
			if err := pack(out, "kep-v1-x/", time.Unix(1800000000, 0).UTC(), files); err != nil {
				t.Fatal(err)
			}
			b, err := os.ReadFile(out)
			if err != nil {
				t.Fatal(err)
			}
			got = append(got, b)
			if i == 1 && !bytes.Equal(got[0], got[1]) {
				t.Errorf("%s: archives of the same files differ", ext)
			}
		}
		names, modes := list(t, ext, got[0])
		if want := "kep-v1-x/ kep-v1-x/LICENSE kep-v1-x/README.md kep-v1-x/kep"; strings.Join(names, " ") != want {
			t.Errorf("%s: entries %q, want %q", ext, names, want)
		}
		if modes["kep-v1-x/kep"] != 0o755 || modes["kep-v1-x/README.md"] != 0o644 {
			t.Errorf("%s: modes %v", ext, modes)
		}
	}
}

func list(t *testing.T, ext string, b []byte) ([]string, map[string]os.FileMode) {
	t.Helper()
	var names []string
	modes := map[string]os.FileMode{}
	if ext == ".zip" {
		zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range zr.File {
			names = append(names, f.Name)
			modes[f.Name] = f.Mode().Perm()
		}
		return names, modes
	}
	zr, err := gzip.NewReader(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	tr := tar.NewReader(zr)
	for {
		h, err := tr.Next()
		if err == io.EOF {
			return names, modes
		}
		if err != nil {
			t.Fatal(err)
		}
		if h.Uid != 0 || h.Gid != 0 || !h.ModTime.Equal(time.Unix(1800000000, 0)) {
			t.Errorf("%s: owner %d:%d, time %v", h.Name, h.Uid, h.Gid, h.ModTime)
		}
		names = append(names, h.Name)
		modes[h.Name] = os.FileMode(h.Mode).Perm()
	}
}

// TestDistLinux makes the linux archive for this machine's architecture with
// scripts/dist.sh, unpacks it, and runs the binary from it: kep version shows the
// stamped version, and a sample plan renders. Skipped with -short (it builds kep).
func TestDistLinux(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a release archive; not with -short")
	}
	if runtime.GOOS != "linux" {
		t.Skip("the test unpacks and runs the linux archive")
	}
	for _, tool := range []string{"sh", "git", "go"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skipf("no %s", tool)
		}
	}
	root, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	dist := t.TempDir()
	plat := "linux/" + runtime.GOARCH
	cmd := exec.Command("sh", "scripts/dist.sh", plat)
	cmd.Dir = root
	cmd.Env = append(os.Environ(), "DIST="+dist, "VERSION=v0.0.0-disttest")
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("dist.sh: %v\n%s", err, out)
	}
	name := "kep-v0.0.0-disttest-linux-" + runtime.GOARCH
	sums, err := os.ReadFile(filepath.Join(dist, "SHA256SUMS"))
	if err != nil || !strings.Contains(string(sums), "  "+name+".tar.gz\n") {
		t.Fatalf("SHA256SUMS: %v\n%s", err, sums)
	}
	check := exec.Command("sha256sum", "-c", "SHA256SUMS")
	check.Dir = dist
	if out, err := check.CombinedOutput(); err != nil {
		t.Errorf("sha256sum -c: %v\n%s", err, out)
	}

	unpack := t.TempDir()
	if out, err := exec.Command("tar", "-xzf", filepath.Join(dist, name+".tar.gz"), "-C", unpack).CombinedOutput(); err != nil {
		t.Fatalf("tar: %v\n%s", err, out)
	}
	dir := filepath.Join(unpack, name)
	for _, f := range []string{"kep", "README.md", "THIRD_PARTY_NOTICES"} {
		if _, err := os.Stat(filepath.Join(dir, f)); err != nil {
			t.Error(err)
		}
	}
	notices, _ := os.ReadFile(filepath.Join(dir, "THIRD_PARTY_NOTICES"))
	for _, m := range []string{"github.com/yuin/goldmark", "github.com/BurntSushi/toml", "github.com/go-pdf/fpdf",
		"github.com/wcharczuk/go-chart/v2", "github.com/golang/freetype", "golang.org/x/image", "The Go fonts", "Go programming language"} {
		if !bytes.Contains(notices, []byte(m)) {
			t.Errorf("THIRD_PARTY_NOTICES does not name %s", m)
		}
	}

	kep := filepath.Join(dir, "kep")
	v, err := exec.Command(kep, "version").CombinedOutput()
	if err != nil || !strings.HasPrefix(string(v), "kep v0.0.0-disttest\n") {
		t.Errorf("kep version: %v\n%s", err, v)
	}
	work := t.TempDir()
	r := exec.Command(kep, "render", "-o", work, filepath.Join(root, "samples/accounts/hansa.toml"))
	r.Env = append(os.Environ(), "SOURCE_DATE_EPOCH=1800000000")
	if out, err := r.CombinedOutput(); err != nil {
		t.Fatalf("kep render: %v\n%s", err, out)
	}
	for _, f := range []string{"hansa.pdf", "hansa.html"} {
		b, err := os.ReadFile(filepath.Join(work, f))
		if err != nil || len(b) < 1000 {
			t.Errorf("%s: %v (%d bytes)", f, err, len(b))
		}
	}
}
