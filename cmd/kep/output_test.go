package main

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// TestWriteAtomicFolderGone: a folder removed between kep's MkdirAll and the write (by
// another run that wrote nothing) is made again instead of failing the document.
func TestWriteAtomicFolderGone(t *testing.T) {
	path := filepath.Join(t.TempDir(), "out", "sub", "x.html")
	if err := writeAtomic(path, []byte("doc")); err != nil {
		t.Fatal(err)
	}
	if b, err := os.ReadFile(path); err != nil || string(b) != "doc" {
		t.Fatalf("read back %q, %v", b, err)
	}
}

// TestRenderConcurrentNewFolder: renders into one new output folder while other runs,
// of a broken plan, keep starting beside them (they write nothing and remove the folder
// they made, if it is empty): every good run writes its document. Once 5 of 60 such
// runs failed with "no such file or directory".
func TestRenderConcurrentNewFolder(t *testing.T) {
	ws := hardWorkspace(t)
	good := filepath.Join(ws, "accounts", "minimal.toml")
	broken := filepath.Join(ws, "accounts", "broken.toml")
	writeFile(t, broken, []byte("format = 1\n[plan]\naccount = \"K\"\nfrom = 2027-01-01\nto = 2026-01-01\n"))
	for round := 0; round < 5; round++ {
		out := filepath.Join(ws, fmt.Sprintf("new%d", round), "out")
		var wg sync.WaitGroup
		errs := make(chan string, 8)
		for i := 0; i < 8; i++ {
			wg.Add(1)
			go func() {
				defer wg.Done()
				var stdout, stderr bytes.Buffer
				if code := run([]string{"render", "-f", "html", "-o", out, good}, &stdout, &stderr); code != exitOK {
					errs <- fmt.Sprintf("run %d: exit %d:\n%s", i, code, stderr.String())
				}
			}()
		}
		stop := make(chan struct{})
		brokenDone := make(chan struct{})
		go func() {
			defer close(brokenDone)
			for {
				select {
				case <-stop:
					return
				default:
				}
				var stdout, stderr bytes.Buffer
				if code := run([]string{"render", "-f", "html", "-o", out, broken}, &stdout, &stderr); code != exitPlan {
					errs <- fmt.Sprintf("broken run: exit %d:\n%s", code, stderr.String())
				}
			}
		}()
		wg.Wait()
		close(stop)
		<-brokenDone
		close(errs)
		for e := range errs {
			t.Error(e)
		}
		if _, err := os.Stat(filepath.Join(out, "minimal.html")); err != nil {
			t.Error(err)
		}
	}
}

// TestNeverOverwritesBrandAsset: a document is never written over a file the run read,
// whatever its name: a logo under the output folder named like a document, or a document
// path that leads to kep.toml through a link. Nothing is written, the exit status is 2.
func TestNeverOverwritesBrandAsset(t *testing.T) {
	ws := hardWorkspace(t)
	out := filepath.Join(ws, "out")
	logo, err := os.ReadFile(filepath.Join(ws, "assets", "logo.png"))
	if err != nil {
		t.Fatal(err)
	}
	writeFile(t, filepath.Join(out, "hansa.pdf"), logo)
	kt := filepath.Join(ws, "kep.toml")
	src, err := os.ReadFile(kt)
	if err != nil {
		t.Fatal(err)
	}
	writeFile(t, kt, bytes.Replace(src, []byte(`logo = "assets/logo.png"`), []byte(`logo = "out/hansa.pdf"`), 1))
	if err := os.Symlink(kt, filepath.Join(out, "hansa.html")); err != nil {
		t.Fatal(err)
	}
	before := snapshot(t, ws)
	for _, f := range []string{"pdf", "html"} {
		code, _, stderr := runKep(ws, "render", "-f", f, "-o", out, filepath.Join(ws, "accounts", "hansa.toml"))
		if code != exitUsage || !strings.Contains(stderr, "is an input file") || !strings.Contains(stderr, "never writes over an input") {
			t.Errorf("-f %s: exit %d, want %d and a message about the input; stderr:\n%s", f, code, exitUsage, stderr)
		}
	}
	if after := snapshot(t, ws); after != before {
		t.Errorf("files changed:\nbefore:\n%s\nafter:\n%s", before, after)
	}
}

// TestNoOutputReadAsInput: in a batch, plan B's own logo (named in its [brand]) that
// lies where plan A's document goes is never written over: every plan is read before any
// document is written, so A's document is refused (exit 2) and the logo stays. A logo
// named after a document that does not exist yet is simply missing for B: kep never
// reads its own output as an input.
func TestNoOutputReadAsInput(t *testing.T) {
	ws := hardWorkspace(t)
	out := filepath.Join(ws, "accounts")
	minimal, err := os.ReadFile(filepath.Join(ws, "accounts", "minimal.toml"))
	if err != nil {
		t.Fatal(err)
	}
	logo := mustRead(t, filepath.Join(ws, "assets", "logo.png"))
	writeFile(t, filepath.Join(out, "a.html"), logo) // B's logo, named like A's document
	b := filepath.Join(ws, "accounts", "b.toml")
	writeFile(t, b, append(minimal, []byte("\n[brand]\nlogo = \"a.html\"\n")...))
	a := filepath.Join(ws, "accounts", "a.toml")
	writeFile(t, a, minimal)
	for _, order := range [][]string{{a, b}, {b, a}} {
		code, _, stderr := runKep(ws, append([]string{"render", "-j", "1", "-f", "html", "-o", out}, order...)...)
		if code != exitUsage || !strings.Contains(stderr, "never writes over an input") {
			t.Errorf("%v: exit %d, want %d and a refusal of a's document; stderr:\n%s", order, code, exitUsage, stderr)
		}
		if got := mustRead(t, filepath.Join(out, "a.html")); !bytes.Equal(got, logo) {
			t.Fatalf("%v: b's logo was written over", order)
		}
	}
	// The logo does not exist: b has an error of its own, a is written.
	os.Remove(filepath.Join(out, "a.html"))
	code, _, stderr := runKep(ws, "render", "-j", "1", "-f", "html", "-o", out, a, b)
	if code != exitPlan || !strings.Contains(stderr, `brand.logo: "a.html": file not found`) {
		t.Errorf("exit %d, want %d and b's missing logo; stderr:\n%s", code, exitPlan, stderr)
	}
}

// TestPortfolioNeverOverwritesBrandAsset: the portfolio report is never written over a
// file its plans read (here the workspace's logo, named like the report).
func TestPortfolioNeverOverwritesBrandAsset(t *testing.T) {
	ws := hardWorkspace(t)
	out := filepath.Join(ws, "out")
	logo := mustRead(t, filepath.Join(ws, "assets", "logo.png"))
	writeFile(t, filepath.Join(out, "portfolio.html"), logo)
	kt := filepath.Join(ws, "kep.toml")
	writeFile(t, kt, bytes.Replace(mustRead(t, kt), []byte(`logo = "assets/logo.png"`), []byte(`logo = "out/portfolio.html"`), 1))
	code, _, stderr := runKep(ws, "portfolio", "-f", "html", "-o", out, filepath.Join(ws, "accounts", "hansa.toml"))
	if code != exitUsage || !strings.Contains(stderr, "never writes over an input") {
		t.Errorf("exit %d, want %d and a refusal; stderr:\n%s", code, exitUsage, stderr)
	}
	if got := mustRead(t, filepath.Join(out, "portfolio.html")); !bytes.Equal(got, logo) {
		t.Error("the logo was written over")
	}
}

// TestStaleTempsRemoved: temporary files of kep's own pattern older than an hour (left
// by a run that was killed) are removed by the next render into the folder; fresh ones
// (a run going on beside it) and files of other patterns stay.
func TestStaleTempsRemoved(t *testing.T) {
	ws := hardWorkspace(t)
	out := filepath.Join(ws, "out")
	old := time.Now().Add(-2 * time.Hour)
	files := map[string]bool{ // name → removed
		".hansa.pdf.123456.tmp":   true,
		".x y.html.9.tmp":         true,
		".hansa.pdf.999.tmp":      false, // fresh, set below
		".notes.txt.123.tmp":      false,
		".hansa.pdf.12ab.tmp":     false,
		".hansa.pdf.tmp":          false,
		"hansa.pdf.123.tmp":       false,
		".pdf.123.tmp":            false,
		".hansa.pdf.123.tmp.keep": false,
	}
	for name := range files {
		p := filepath.Join(out, name)
		writeFile(t, p, []byte("x"))
		if name != ".hansa.pdf.999.tmp" {
			if err := os.Chtimes(p, old, old); err != nil {
				t.Fatal(err)
			}
		}
	}
	// A link of the pattern is not followed nor removed.
	target := filepath.Join(ws, "keep.txt")
	writeFile(t, target, []byte("keep"))
	if err := os.Symlink(target, filepath.Join(out, ".link.pdf.1.tmp")); err != nil {
		t.Fatal(err)
	}
	files[".link.pdf.1.tmp"] = false
	if code, _, stderr := runKep(ws, "render", "-f", "html", "-o", out, filepath.Join(ws, "accounts", "minimal.toml")); code != exitOK {
		t.Fatalf("exit %d:\n%s", code, stderr)
	}
	for name, removed := range files {
		_, err := os.Lstat(filepath.Join(out, name))
		if gone := errors.Is(err, os.ErrNotExist); gone != removed {
			t.Errorf("%s: removed %v, want %v", name, gone, removed)
		}
	}
	if _, err := os.Stat(target); err != nil {
		t.Error(err)
	}
}

// TestSignalRemovesTemps: SIGINT and SIGTERM during a write remove the temporary file
// and end kep with 130 and 143. The write runs in a child process (this test binary)
// that stops with its temporary file in place.
func TestSignalRemovesTemps(t *testing.T) {
	if dir := os.Getenv("KEP_SIGNAL_CHILD"); dir != "" {
		afterTempCreated = func() {
			fmt.Println("ready")
			select {}
		}
		writeAtomic(filepath.Join(dir, "x.pdf"), []byte("doc"))
		os.Exit(3)
	}
	for _, c := range []struct {
		sig  syscall.Signal
		code int
	}{{syscall.SIGINT, 130}, {syscall.SIGTERM, 143}} {
		dir := t.TempDir()
		cmd := exec.Command(os.Args[0], "-test.run=^TestSignalRemovesTemps$")
		cmd.Env = append(os.Environ(), "KEP_SIGNAL_CHILD="+dir)
		stdout, err := cmd.StdoutPipe()
		if err != nil {
			t.Fatal(err)
		}
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		line, err := bufio.NewReader(stdout).ReadString('\n')
		if err != nil || line != "ready\n" {
			cmd.Process.Kill()
			t.Fatalf("child said %q, %v", line, err)
		}
		entries, _ := os.ReadDir(dir)
		if len(entries) != 1 || !isKepTemp(entries[0].Name()) {
			t.Fatalf("before the signal: %v, want one temporary file", entries)
		}
		cmd.Process.Signal(c.sig)
		err = cmd.Wait()
		var ee *exec.ExitError
		if !errors.As(err, &ee) || ee.ExitCode() != c.code {
			t.Errorf("%v: %v, want exit status %d", c.sig, err, c.code)
		}
		if entries, _ := os.ReadDir(dir); len(entries) != 0 {
			t.Errorf("%v: left %v", c.sig, entries)
		}
	}
}

// TestCommitDocReplaces: a document replaces the old one of its name (removed first on
// Linux, commitDoc) and leaves no temporary file; a folder of that name is neither
// replaced nor removed, the write fails and names the document.
func TestCommitDocReplaces(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "hansa.pdf")
	if err := os.WriteFile(path, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, content := range []string{"new", "newer"} {
		d, err := writeTemp(path, []byte(content), 0o644)
		if err != nil {
			t.Fatal(err)
		}
		if err := d.commitDoc(); err != nil {
			t.Fatal(err)
		}
		if b, err := os.ReadFile(path); err != nil || string(b) != content {
			t.Fatalf("after commitDoc: %q, %v; want %q", b, err, content)
		}
	}
	folder := filepath.Join(dir, "folder.pdf")
	if err := os.Mkdir(folder, 0o755); err != nil {
		t.Fatal(err)
	}
	d, err := writeTemp(folder, []byte("doc"), 0o644)
	if err != nil {
		t.Fatal(err)
	}
	err = d.commitDoc()
	if err == nil || !strings.Contains(err.Error(), folder) {
		t.Errorf("commitDoc over a folder: %v; want an error naming %s", err, folder)
	}
	if fi, err := os.Stat(folder); err != nil || !fi.IsDir() {
		t.Errorf("the folder %s is gone: %v", folder, err)
	}
	ents, _ := os.ReadDir(dir)
	for _, e := range ents {
		if strings.HasSuffix(e.Name(), tempSuffix) {
			t.Errorf("temporary file left: %s", e.Name())
		}
	}
}
