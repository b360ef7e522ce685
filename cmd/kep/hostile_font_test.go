package main

import (
	"bytes"
	"fmt"
	"math/rand"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/kepdev/kep/render/fonts"
	"github.com/kepdev/kep/render/fonts/fontstest"
)

// hostileFontPlan holds kerned pairs of Latin letters (the pair memo) and of others.
const hostileFontPlan = `format = 1

[plan]
account = "AVATAR Tower Wahl Ζωή Жук"
from = 2027-01-01
to = 2027-12-31
`

// hostileFonts are brand fonts with damaged or hostile GPOS, cmap and loca tables.
func hostileFonts(t *testing.T) map[string][]byte {
	t.Helper()
	noto, err := fonts.Tables(fonts.Regular())
	if err != nil {
		t.Fatal(err)
	}
	gpos := noto["GPOS"] // Noto's kerning, over Go Regular's glyphs: kerning all the same
	tables, _ := fonts.Tables(fontstest.Mutate(nil))
	loca := tables["loca"]
	m := map[string][]byte{
		"gpos fan-out":      fontstest.WithTables(map[string][]byte{"GPOS": fontstest.GPOSFanOut(30000, 30000, -50)}),
		"gpos feature loop": fontstest.WithTables(map[string][]byte{"GPOS": fontstest.GPOSFeatureLoop(10900, 65535)}),
		"gpos huge":         fontstest.WithTables(map[string][]byte{"head": fontstest.Head(16), "GPOS": fontstest.GPOSFanOut(1000, 1, 32767)}),
		"gpos whole":        fontstest.WithTables(map[string][]byte{"GPOS": gpos}),
		"loca past glyf":    fontstest.LocaChanged(),
		"loca short":        fontstest.WithTables(map[string][]byte{"loca": loca[:len(loca)-2]}),
		"loca empty":        fontstest.WithTables(map[string][]byte{"loca": []byte{}}),
		"self reference":    fontstest.SelfReferencing('A'),
		"no cmap":           fontstest.WithTables(map[string][]byte{"cmap": nil}),
	}
	for _, n := range []int{11, 100, len(gpos) / 3, len(gpos) - 1} {
		m[fmt.Sprintf("gpos cut at %d", n)] = fontstest.WithTables(map[string][]byte{"GPOS": gpos[:n]})
	}
	rng := rand.New(rand.NewSource(19))
	for i := 0; i < 6; i++ {
		g := bytes.Clone(gpos)
		for j := 0; j < 1+i*4; j++ {
			g[rng.Intn(min(len(g), 4096<<i))] = byte(rng.Intn(256))
		}
		m[fmt.Sprintf("gpos corrupt %d", i)] = fontstest.WithTables(map[string][]byte{"GPOS": g})
	}
	for i := 0; i < 6; i++ {
		edits := []byte{}
		for j := 0; j < 3; j++ { // table 2 is cmap, 0 loca (fontstest.Tables)
			edits = append(edits, byte(2*(i%2)), byte(rng.Intn(6)), byte(rng.Intn(256)), byte(rng.Intn(256)))
		}
		m[fmt.Sprintf("cmap/loca edits %d", i)] = fontstest.Mutate(edits)
	}
	return m
}

// TestHostileBrandFonts: kep render -f pdf,html with each hostile brand font renders
// both documents or refuses the font with a message, without a panic, within seconds;
// a document rendered twice in one process (the font's memos warm) has the same bytes.
func TestHostileBrandFonts(t *testing.T) {
	if testing.Short() {
		t.Skip("renders ~30 plans")
	}
	t.Setenv("SOURCE_DATE_EPOCH", "1795737600")
	for name, font := range hostileFonts(t) {
		t.Run(strings.ReplaceAll(name, " ", "_"), func(t *testing.T) {
			dir := t.TempDir()
			writeFiles(t, dir, map[string]string{
				"kep.toml":  "[brand]\ncompany = \"Rheinfeld\"\nfont = \"brand.ttf\"\n",
				"plan.toml": hostileFontPlan,
				"brand.ttf": string(font),
				".git/HEAD": "ref: refs/heads/main\n",
			})
			var docs [2][2][]byte
			for round := range docs {
				out := filepath.Join(dir, fmt.Sprint("out", round))
				var stdout, stderr bytes.Buffer
				start := time.Now()
				code := run([]string{"render", "-q", "-f", "pdf,html", "-o", out, filepath.Join(dir, "plan.toml")}, &stdout, &stderr)
				if d := time.Since(start); d > 20*time.Second {
					t.Errorf("round %d: %v", round, d)
				}
				if strings.Contains(stderr.String(), "panic") || strings.Contains(stderr.String(), "goroutine ") {
					t.Fatalf("round %d: %s", round, stderr.String())
				}
				entries, _ := os.ReadDir(out)
				if code != exitOK {
					if !strings.Contains(stderr.String(), "font") || len(entries) > 0 {
						t.Fatalf("round %d: exit %d, %d files; stderr: %s", round, code, len(entries), stderr.String())
					}
					t.Logf("refused: %s", strings.TrimSpace(stderr.String()))
					return
				}
				for i, ext := range []string{"pdf", "html"} {
					b, err := os.ReadFile(filepath.Join(out, "plan."+ext))
					if err != nil {
						t.Fatal(err)
					}
					docs[round][i] = b
				}
			}
			for i, ext := range []string{"pdf", "html"} {
				if !bytes.Equal(docs[0][i], docs[1][i]) {
					t.Errorf("the %s differs when rendered again in the same process", ext)
				}
			}
		})
	}
}

// TestRenderSameBytesAcrossProcesses: hansa with a brand font that kerns (DejaVu Sans),
// rendered by two kep processes at once and by this process twice, gives the same
// bytes each time: no memo (kerning pairs, widths, hyphenation, the logo) changes a
// document.
func TestRenderSameBytesAcrossProcesses(t *testing.T) {
	if testing.Short() {
		t.Skip("renders hansa five times")
	}
	kepBin, err := exec.LookPath("kep")
	if err != nil {
		t.Skip("the kep command of TestMain is not on PATH")
	}
	brand, err := os.ReadFile("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
	if err != nil {
		t.Skip("no DejaVu Sans")
	}
	t.Setenv("SOURCE_DATE_EPOCH", "1795737600")
	dir := t.TempDir()
	ws := filepath.Join(dir, "ws")
	if err := os.CopyFS(ws, os.DirFS("../../samples")); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(ws, "brand.ttf"), brand, 0o644); err != nil {
		t.Fatal(err)
	}
	kt, err := os.ReadFile(filepath.Join(ws, "kep.toml"))
	if err != nil {
		t.Fatal(err)
	}
	kt2 := strings.Replace(string(kt), "[brand]\n", "[brand]\nfont = \"brand.ttf\"\n", 1)
	if kt2 == string(kt) {
		t.Skip("samples/kep.toml has no [brand] table")
	}
	if err := os.WriteFile(filepath.Join(ws, "kep.toml"), []byte(kt2), 0o644); err != nil {
		t.Fatal(err)
	}
	plan := filepath.Join(ws, "accounts", "hansa.toml")
	render := func(out string) {
		var stdout, stderr bytes.Buffer
		if code := run([]string{"render", "-q", "-f", "pdf,html", "-o", out, plan}, &stdout, &stderr); code != exitOK {
			t.Fatalf("exit %d: %s", code, stderr.String())
		}
	}
	outs := []string{filepath.Join(dir, "a"), filepath.Join(dir, "b"), filepath.Join(dir, "p1"), filepath.Join(dir, "p2")}
	render(outs[0])
	render(outs[1])
	var wg sync.WaitGroup
	for _, out := range outs[2:] {
		wg.Add(1)
		go func() {
			defer wg.Done()
			cmd := exec.Command(kepBin, "render", "-q", "-j", "2", "-f", "pdf,html", "-o", out, plan)
			cmd.Env = append(os.Environ(), "SOURCE_DATE_EPOCH=1795737600")
			if b, err := cmd.CombinedOutput(); err != nil {
				t.Errorf("%s: %v: %s", out, err, b)
			}
		}()
	}
	wg.Wait()
	for _, ext := range []string{"pdf", "html"} {
		want, err := os.ReadFile(filepath.Join(outs[0], "hansa."+ext))
		if err != nil {
			t.Fatal(err)
		}
		if ext == "pdf" && !bytes.Contains(want, []byte("DejaVuSans")) {
			t.Error("the PDF does not embed the brand font")
		}
		for _, out := range outs[1:] {
			if got, err := os.ReadFile(filepath.Join(out, "hansa."+ext)); err != nil || !bytes.Equal(got, want) {
				t.Errorf("hansa.%s in %s differs from the first render (%v)", ext, filepath.Base(out), err)
			}
		}
	}
}

func writeFiles(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, content := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}
