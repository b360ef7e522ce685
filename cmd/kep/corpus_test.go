package main

import (
	"bytes"
	"encoding/binary"
	"flag"
	"fmt"
	"hash/crc32"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/kepdev/kep/plan/load"
)

var updateCorpus = flag.Bool("update-corpus", false, "rewrite testdata/broken/*.want from kep's output")

// The corpus of broken plans: testdata/broken/NAME.want holds the exact messages of
// `kep validate NAME.toml`. The plan is testdata/broken/NAME.toml, or is made by
// corpusGen[NAME] where it is large, binary or needs other files (assets, links). Each
// case runs in its own workspace (a folder with .git, so no kep.toml above is found).
//
// For each case, kep validate and kep render -o DIR must exit 1 with the same messages,
// and render must leave DIR exactly as it was: the documents of an earlier run untouched,
// nothing new, no temporary file left behind.
func TestBrokenCorpus(t *testing.T) {
	wants, err := filepath.Glob("testdata/broken/*.want")
	if err != nil {
		t.Fatal(err)
	}
	if len(wants) < 40 {
		t.Fatalf("%d cases in testdata/broken, want at least 40", len(wants))
	}
	seen := map[string]bool{}
	for _, want := range wants {
		name := strings.TrimSuffix(filepath.Base(want), ".want")
		seen[name] = true
		t.Run(name, func(t *testing.T) { runCorpusCase(t, name, want) })
	}
	for name := range corpusGen {
		if !seen[name] {
			t.Errorf("corpusGen[%q] has no testdata/broken/%s.want", name, name)
		}
	}
}

func runCorpusCase(t *testing.T, name, wantFile string) {
	t.Setenv("SOURCE_DATE_EPOCH", "1795737600")
	dir := t.TempDir()
	if err := os.Mkdir(filepath.Join(dir, ".git"), 0o755); err != nil {
		t.Fatal(err)
	}
	pl := filepath.Join(dir, name+".toml")
	if src, err := os.ReadFile(filepath.Join("testdata/broken", name+".toml")); err == nil {
		writeFile(t, pl, src)
	}
	if gen := corpusGen[name]; gen != nil {
		gen(t, dir, pl)
	}
	if _, err := os.Lstat(pl); err != nil {
		t.Fatalf("no plan: neither testdata/broken/%s.toml nor corpusGen[%q]", name, name)
	}

	code, stdout, stderr := runKep(dir, "validate", pl)
	if *updateCorpus {
		writeFile(t, wantFile, []byte(stderr))
	}
	want, err := os.ReadFile(wantFile)
	if err != nil {
		t.Fatal(err)
	}
	if code != exitPlan {
		t.Errorf("kep validate: exit %d, want %d", code, exitPlan)
	}
	if stderr != string(want) {
		t.Errorf("kep validate: messages differ\n got: %s\nwant: %s", stderr, want)
	}
	if stdout != "" {
		t.Errorf("kep validate: stdout %q, want nothing", stdout)
	}
	checkMessageForm(t, name, stderr)

	// kep render: the same messages, exit 1, and the output folder exactly as it was.
	out := filepath.Join(dir, "out")
	for file, data := range map[string]string{name + ".pdf": "%PDF earlier", name + ".html": "<p>earlier</p>", "other.txt": "keep"} {
		writeFile(t, filepath.Join(out, file), []byte(data))
	}
	before := snapshot(t, out)
	code, stdout, stderr = runKep(dir, "render", "-o", out, pl)
	if code != exitPlan {
		t.Errorf("kep render: exit %d, want %d", code, exitPlan)
	}
	if stderr != string(want) {
		t.Errorf("kep render: messages differ from kep validate\n got: %s\nwant: %s", stderr, want)
	}
	if stdout != "" {
		t.Errorf("kep render: stdout %q, want nothing", stdout)
	}
	if after := snapshot(t, out); after != before {
		t.Errorf("kep render changed the output folder:\nbefore:\n%s\nafter:\n%s", before, after)
	}
}

// checkMessageForm checks the form of every line: "file:line:col: key.path: message" with
// the plan's own name, or "file: message" where no position can be known.
func checkMessageForm(t *testing.T, name, stderr string) {
	t.Helper()
	for _, line := range strings.Split(strings.TrimSuffix(stderr, "\n"), "\n") {
		file, rest, ok := strings.Cut(line, ": ")
		if !ok || (!strings.HasPrefix(file, name+".toml") && !strings.HasPrefix(file, "kep.toml")) {
			t.Errorf("message does not start with the file name: %q", line)
			continue
		}
		if strings.TrimSpace(rest) == "" {
			t.Errorf("message without text: %q", line)
		}
	}
}

// runKep runs kep in-process and returns its exit status and output with dir/ removed
// from paths and dir itself written $WORK, so that messages read as they would in the
// workspace and do not depend on the temporary folder.
func runKep(dir string, args ...string) (int, string, string) {
	var stdout, stderr bytes.Buffer
	code := run(args, &stdout, &stderr)
	clean := func(s string) string {
		return strings.ReplaceAll(strings.ReplaceAll(s, dir+string(filepath.Separator), ""), dir, "$WORK")
	}
	return code, clean(stdout.String()), clean(stderr.String())
}

// snapshot lists every file below dir (hidden ones too) with its mode, time, size and a
// hash, one per line.
func snapshot(t *testing.T, dir string) string {
	t.Helper()
	var lines []string
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		fi, err := d.Info()
		if err != nil {
			return err
		}
		// A folder's time changes when a temporary file comes and goes; its files tell.
		line := fmt.Sprintf("%s %v", strings.TrimPrefix(path, dir), fi.Mode())
		if fi.Mode().IsRegular() {
			line += " " + fi.ModTime().Format(time.RFC3339Nano)
			data, err := os.ReadFile(path)
			if err != nil {
				return err
			}
			line += fmt.Sprintf(" %d %08x", len(data), crc32.ChecksumIEEE(data))
		}
		lines = append(lines, line)
		return nil
	})
	if err != nil && !os.IsNotExist(err) {
		t.Fatal(err)
	}
	sort.Strings(lines)
	return strings.Join(lines, "\n")
}

func writeFile(t *testing.T, name string, data []byte) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(name, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

const corpusHeader = "format = 1\n\n[plan]\naccount = \"Muster GmbH\"\nfrom = 2027-01-01\nto = 2027-12-31\n"

// corpusGen makes the cases that are too large or too odd to keep as files: they get
// the case's folder and the plan path to write.
var corpusGen = map[string]func(t *testing.T, dir, pl string){
	"limit_file_size": func(t *testing.T, dir, pl string) {
		// A valid start, then comments up to one byte above the limit.
		src := []byte(corpusHeader)
		src = append(src, bytes.Repeat([]byte("# padding\n"), load.MaxFileSize/10)...)
		writeFile(t, pl, src[:load.MaxFileSize+1])
	},
	"limit_rows": func(t *testing.T, dir, pl string) {
		var b strings.Builder
		b.WriteString(corpusHeader)
		for i := 0; i <= load.MaxRows; i++ {
			fmt.Fprintf(&b, "[[team]]\nid = \"t%d\"\nname = \"T\"\n", i)
		}
		writeFile(t, pl, []byte(b.String()))
	},
	"limit_list": func(t *testing.T, dir, pl string) {
		writeFile(t, pl, []byte(corpusHeader+"\n[swot]\nstrengths = ["+strings.Repeat(`"x",`, load.MaxRows+1)+"]\n"))
	},
	"limit_markdown_quotes": func(t *testing.T, dir, pl string) {
		// Block quotes 50,000 deep: goldmark needs quadratic time for them.
		writeFile(t, pl, []byte(corpusHeader+"summary = \"\"\"\n"+strings.Repeat("> ", 50000)+"x\n\"\"\"\n"))
	},
	"limit_markdown_lists": func(t *testing.T, dir, pl string) {
		var b strings.Builder
		b.WriteString(corpusHeader + "summary = \"\"\"\n")
		for i := 0; i < 1000; i++ {
			b.WriteString(strings.Repeat("  ", i) + "- x\n")
		}
		b.WriteString("\"\"\"\n")
		writeFile(t, pl, []byte(b.String()))
	},
	"limit_markdown_table": func(t *testing.T, dir, pl string) {
		// 14 kB that goldmark would blow up into four million table cells.
		n := 2000
		md := "|" + strings.Repeat("a|", n) + "\n|" + strings.Repeat("-|", n) + "\n" + strings.Repeat("|x\n", n)
		writeFile(t, pl, []byte(corpusHeader+"summary = \"\"\"\n"+md+"\"\"\"\n"))
	},
	"logo_bomb": func(t *testing.T, dir, pl string) {
		writeFile(t, filepath.Join(dir, "assets", "logo.png"), pngHeader(100_000, 100_000))
		writeFile(t, pl, []byte(corpusHeader+"\n[brand]\nlogo = \"assets/logo.png\"\n"))
	},
	"logo_zero_size": func(t *testing.T, dir, pl string) {
		writeFile(t, filepath.Join(dir, "assets", "logo.png"), pngHeader(0, 0))
		writeFile(t, pl, []byte(corpusHeader+"\n[brand]\nlogo = \"assets/logo.png\"\n"))
	},
	"logo_not_image": func(t *testing.T, dir, pl string) {
		writeFile(t, filepath.Join(dir, "logo.png"), []byte("GIF89a not what it says"))
		writeFile(t, pl, []byte(corpusHeader+"\n[brand]\nlogo = \"logo.png\"\n"))
	},
	"logo_truncated_png": func(t *testing.T, dir, pl string) {
		writeFile(t, filepath.Join(dir, "logo.png"), pngHeader(10, 10)[:20])
		writeFile(t, pl, []byte(corpusHeader+"\n[brand]\nlogo = \"logo.png\"\n"))
	},
	"logo_too_large": func(t *testing.T, dir, pl string) {
		writeFile(t, filepath.Join(dir, "logo.png"), append(pngHeader(10, 10), make([]byte, load.MaxLogoSize)...))
		writeFile(t, pl, []byte(corpusHeader+"\n[brand]\nlogo = \"logo.png\"\n"))
	},
	"logo_symlink_outside": func(t *testing.T, dir, pl string) {
		// The link leads to a real PNG outside the workspace: refused all the same.
		outside := t.TempDir()
		writeFile(t, filepath.Join(outside, "secret.png"), pngHeader(10, 10))
		mustSymlink(t, filepath.Join(outside, "secret.png"), filepath.Join(dir, "logo.png"))
		writeFile(t, pl, []byte(corpusHeader+"\n[brand]\nlogo = \"logo.png\"\n"))
	},
	"logo_dotdot": func(t *testing.T, dir, pl string) {
		writeFile(t, pl, []byte(corpusHeader+"\n[brand]\nlogo = \"../../../../../../../../etc/passwd\"\n"))
	},
	"logo_absolute": func(t *testing.T, dir, pl string) {
		writeFile(t, pl, []byte(corpusHeader+"\n[brand]\nlogo = \"/etc/passwd\"\n"))
	},
	"logo_directory": func(t *testing.T, dir, pl string) {
		if err := os.MkdirAll(filepath.Join(dir, "assets", "logo.png"), 0o755); err != nil {
			t.Fatal(err)
		}
		writeFile(t, pl, []byte(corpusHeader+"\n[brand]\nlogo = \"assets/logo.png\"\n"))
	},
	"logo_fifo": func(t *testing.T, dir, pl string) {
		// A named pipe would block the reader for ever.
		if err := mkfifo(filepath.Join(dir, "logo.png")); err != nil {
			t.Skipf("mkfifo: %v", err)
		}
		writeFile(t, pl, []byte(corpusHeader+"\n[brand]\nlogo = \"logo.png\"\n"))
	},
	"logo_missing": func(t *testing.T, dir, pl string) {
		writeFile(t, pl, []byte(corpusHeader+"\n[brand]\nlogo = \"assets/logo.png\"\n"))
	},
	"font_not_truetype": func(t *testing.T, dir, pl string) {
		writeFile(t, filepath.Join(dir, "fonts", "brand.ttf"), []byte("<html>this is a web page saved as .ttf</html>"))
		writeFile(t, pl, []byte(corpusHeader+"\n[brand]\nfont = \"fonts/brand.ttf\"\n"))
	},
	"font_otf": func(t *testing.T, dir, pl string) {
		writeFile(t, filepath.Join(dir, "brand.otf"), append([]byte("OTTO"), make([]byte, 64)...))
		writeFile(t, pl, []byte(corpusHeader+"\n[brand]\nfont_bold = \"brand.otf\"\n"))
	},
	"font_truncated": func(t *testing.T, dir, pl string) {
		writeFile(t, filepath.Join(dir, "brand.ttf"), []byte{0, 1, 0, 0, 0, 9, 0, 0})
		writeFile(t, pl, []byte(corpusHeader+"\n[brand]\nfont = \"brand.ttf\"\n"))
	},
	"logo_symlink_loop": func(t *testing.T, dir, pl string) {
		mustSymlink(t, "loop.png", filepath.Join(dir, "loop.png"))
		writeFile(t, pl, []byte(corpusHeader+"\n[brand]\nlogo = \"loop.png\"\n"))
	},
	"workspace_broken": func(t *testing.T, dir, pl string) {
		writeFile(t, filepath.Join(dir, "kep.toml"), []byte("[scoring]\nclass_a = 40\nclass_b = 70\n\n[visits]\nkams = 0\n"))
		writeFile(t, pl, []byte(corpusHeader))
	},
	"workspace_too_big": func(t *testing.T, dir, pl string) {
		// A sparse gigabyte: refused by its size before anything is read.
		f, err := os.Create(filepath.Join(dir, "kep.toml"))
		if err != nil {
			t.Fatal(err)
		}
		if err := f.Truncate(1 << 30); err != nil {
			t.Fatal(err)
		}
		f.Close()
		writeFile(t, pl, []byte(corpusHeader))
	},
	"workspace_syntax": func(t *testing.T, dir, pl string) {
		writeFile(t, filepath.Join(dir, "kep.toml"), []byte("lang = \"de\n"))
		writeFile(t, pl, []byte(corpusHeader))
	},
	"workspace_plan_key": func(t *testing.T, dir, pl string) {
		writeFile(t, filepath.Join(dir, "kep.toml"), []byte("format = 1\n\n[plan]\naccount = \"x\"\n"))
		writeFile(t, pl, []byte(corpusHeader))
	},
}

func mustSymlink(t *testing.T, target, link string) {
	t.Helper()
	if err := os.Symlink(target, link); err != nil {
		t.Skipf("symlink: %v", err)
	}
}

// pngHeader makes the start of a PNG file: signature and an IHDR chunk claiming w × h
// pixels of 8-bit RGBA, with a correct checksum, then an empty IDAT and IEND. It is all a
// decompression bomb needs to show its size; no pixel data follows.
func pngHeader(w, h uint32) []byte {
	var b bytes.Buffer
	b.WriteString("\x89PNG\r\n\x1a\n")
	chunk := func(typ string, data []byte) {
		binary.Write(&b, binary.BigEndian, uint32(len(data)))
		crc := crc32.NewIEEE()
		crc.Write([]byte(typ))
		crc.Write(data)
		b.WriteString(typ)
		b.Write(data)
		binary.Write(&b, binary.BigEndian, crc.Sum32())
	}
	ihdr := make([]byte, 13)
	binary.BigEndian.PutUint32(ihdr[0:], w)
	binary.BigEndian.PutUint32(ihdr[4:], h)
	ihdr[8], ihdr[9] = 8, 6 // bit depth 8, colour type RGBA
	chunk("IHDR", ihdr)
	chunk("IDAT", nil)
	chunk("IEND", nil)
	return b.Bytes()
}
