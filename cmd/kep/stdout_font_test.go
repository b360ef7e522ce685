package main

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kepdev/kep/render/fonts"
	"golang.org/x/image/font/gofont/goregular"
)

// kep render -o - with a brand font whose licence bits forbid embedding (OS/2 fsType):
// fpdf printed "ERROR - copyright restrictions." to stdout, in front of the PDF. Run as a
// separate process (the kep command of TestMain), so that a stray write to the real
// stdout would be seen. stdout holds the document or nothing; a refusal is on stderr.
func TestRenderStdoutRestrictedFont(t *testing.T) {
	kepBin, err := exec.LookPath("kep")
	if err != nil {
		t.Skip("the kep command of TestMain is not on PATH")
	}
	for _, fsType := range []uint16{0x0002, 0x0100, 0x0200} {
		t.Run(fmt.Sprintf("fsType_%04x", fsType), func(t *testing.T) {
			dir := t.TempDir()
			font := bytes.Clone(goregular.TTF)
			tables, err := fonts.Tables(font)
			if err != nil {
				t.Fatal(err)
			}
			binary.BigEndian.PutUint16(tables["OS/2"][8:], fsType)
			files := map[string]string{
				"kep.toml":  "[brand]\ncompany = \"Rheinfeld\"\nfont = \"brand.ttf\"\n",
				"plan.toml": fmt.Sprintf(minimalPlan, "Alpha"),
				"brand.ttf": string(font),
				".git/HEAD": "ref: refs/heads/main\n",
			}
			for name, content := range files {
				p := filepath.Join(dir, filepath.FromSlash(name))
				if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			cmd := exec.Command(kepBin, "render", "-f", "pdf", "-o", "-", "plan.toml")
			cmd.Dir = dir
			cmd.Env = append(os.Environ(), "SOURCE_DATE_EPOCH=1795737600")
			var stdout, stderr bytes.Buffer
			cmd.Stdout, cmd.Stderr = &stdout, &stderr
			runErr := cmd.Run()
			out := stdout.String()
			if out != "" && !strings.HasPrefix(out, "%PDF-") {
				t.Fatalf("stdout starts with %q, want %%PDF- or nothing", head(out, 60))
			}
			if runErr != nil {
				if out != "" {
					t.Errorf("failed (%v) but wrote %d bytes to stdout", runErr, len(out))
				}
				if !strings.Contains(stderr.String(), fmt.Sprintf("fsType 0x%04x", fsType)) {
					t.Errorf("stderr does not say why: %s", stderr.String())
				}
			} else if out == "" {
				t.Errorf("exit 0 and no document; stderr: %s", stderr.String())
			}
		})
	}
}
