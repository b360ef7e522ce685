package load

import (
	"bytes"
	"encoding/binary"
	"hash/crc32"
	"image"
	"image/jpeg"
	"image/png"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/gofont/goregular"
)

func pngBytes(t *testing.T, w, h int) []byte {
	var b bytes.Buffer
	if err := png.Encode(&b, image.NewGray(image.Rect(0, 0, w, h))); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// bombPNG is a 1 × 1 PNG whose header claims width × height pixels, CRC intact.
func bombPNG(t *testing.T, width, height uint32) []byte {
	b := pngBytes(t, 1, 1)
	ihdr := b[8+8 : 8+8+13] // after signature, length and type
	binary.BigEndian.PutUint32(ihdr[0:], width)
	binary.BigEndian.PutUint32(ihdr[4:], height)
	binary.BigEndian.PutUint32(b[8+8+13:], crc32.ChecksumIEEE(b[8+4:8+8+13]))
	return b
}

// writerIn returns a function that writes a file under dir, making its folders.
func writerIn(t *testing.T, dir string) func(name string, data []byte) {
	return func(name string, data []byte) {
		t.Helper()
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func TestBrandAssets(t *testing.T) {
	root := t.TempDir()
	outside := t.TempDir()
	ws := filepath.Join(root, "ws")
	write := writerIn(t, ws)
	var jb bytes.Buffer
	if err := jpeg.Encode(&jb, image.NewGray(image.Rect(0, 0, 4, 3)), nil); err != nil {
		t.Fatal(err)
	}
	write(".git/HEAD", []byte("x"))
	write("assets/logo.png", pngBytes(t, 40, 20))
	write("assets/logo.jpg", jb.Bytes())
	write("assets/fake.png", []byte("GIF89a not a png"))
	write("assets/big.png", append([]byte("\x89PNG\r\n\x1a\n"), make([]byte, MaxLogoSize)...))
	write("assets/bomb.png", bombPNG(t, 20000, 20000))
	write("assets/broken.png", []byte("\x89PNG\r\n\x1a\nbroken"))
	write("assets/regular.ttf", goregular.TTF)
	write("assets/bold.ttf", gobold.TTF)
	write("assets/font.otf", append([]byte("OTTO"), goregular.TTF[4:]...))
	write("assets/fonts.ttc", append([]byte("ttcf"), goregular.TTF[4:]...))
	write("assets/garbage.ttf", append([]byte{0, 1, 0, 0}, "garbage"...))
	if err := os.WriteFile(filepath.Join(outside, "logo.png"), pngBytes(t, 2, 2), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(filepath.Join(outside, "logo.png"), filepath.Join(ws, "assets", "escape.png")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("logo.png", filepath.Join(ws, "assets", "link.png")); err != nil {
		t.Fatal(err)
	}
	write("kep.toml", []byte("[brand]\nlogo = \"assets/logo.png\"\nfont = \"assets/regular.ttf\"\nfont_bold = \"assets/bold.ttf\"\n"))

	cases := []struct{ brand, want string }{
		{"", ""},
		{"logo = \"../assets/logo.jpg\"", ""},
		{"logo = \"../assets/link.png\"", ""},
		{"logo = \"../assets/fake.png\"", `p.toml:7:1: brand.logo: logo is neither PNG nor JPEG`},
		{"logo = \"../assets/big.png\"", `p.toml:7:1: brand.logo: "../assets/big.png" is 5242888 bytes, more than the limit of 5 MiB`},
		{"logo = \"../assets/bomb.png\"", `p.toml:7:1: brand.logo: logo is 20000 × 20000 pixels: want 1 to 10000 on each side`},
		{"logo = \"../assets/broken.png\"", `p.toml:7:1: brand.logo: logo is not a readable PNG image: the file ends too early (cut short?)`},
		{"logo = \"../assets/missing.png\"", `p.toml:7:1: brand.logo: "../assets/missing.png": file not found`},
		{"logo = \"../assets\"", `p.toml:7:1: brand.logo: "../assets" is not a regular file`},
		{"logo = \"../assets/escape.png\"", `p.toml:7:1: brand.logo: "../assets/escape.png" lies outside the workspace folder WS`},
		{"logo = \"../../outside.png\"", `p.toml:7:1: brand.logo: "../../outside.png": file not found`},
		{"logo = \"/etc/passwd\"", `p.toml:7:1: brand.logo: "/etc/passwd": give the path relative to this file, not absolute`},
		{"font = \"../assets/font.otf\"", `p.toml:7:1: brand.font: font is OpenType with CFF outlines (.otf): want a TrueType font (.ttf)`},
		{"font_bold = \"../assets/fonts.ttc\"", `p.toml:7:1: brand.font_bold: font is a TrueType collection (.ttc): want a single TrueType font (.ttf)`},
		{"font = \"../assets/garbage.ttf\"", `p.toml:7:1: brand.font: font is not a readable TrueType font: sfnt: invalid bounds`},
		{"font = \"../assets/logo.png\"", `p.toml:7:1: brand.font: font is not a TrueType font (.ttf)`},
		{"font_italic = \"../assets/garbage.ttf\"", `p.toml:7:1: brand.font_italic: font is not a readable TrueType font: sfnt: invalid bounds`},
		{"font_bold_italic = \"../assets/font.otf\"", `p.toml:7:1: brand.font_bold_italic: font is OpenType with CFF outlines (.otf): want a TrueType font (.ttf)`},
	}
	// A file outside the workspace, reachable by a relative path.
	if err := os.WriteFile(filepath.Join(root, "outside.png"), pngBytes(t, 2, 2), 0o644); err != nil {
		t.Fatal(err)
	}
	cases[10].want = `p.toml:7:1: brand.logo: "../../outside.png" lies outside the workspace folder WS`
	realWS, _ := filepath.EvalSymlinks(ws)
	for _, c := range cases {
		t.Run(c.brand, func(t *testing.T) {
			pl := filepath.Join(ws, "accounts", "p.toml")
			write("accounts/p.toml", []byte(header+"[brand]\n"+c.brand+"\n"))
			p, ds := (&Loader{Now: testNow}).LoadPlan(pl)
			got := strings.Join(messages(ds, false), "\n")
			got = strings.ReplaceAll(got, filepath.Join(ws, "accounts")+string(filepath.Separator), "")
			got = strings.ReplaceAll(got, realWS, "WS")
			if got != c.want {
				t.Fatalf("got  %s\nwant %s", got, c.want)
			}
			if c.want != "" {
				return
			}
			b := p.Brand
			if len(b.LogoData) == 0 || len(b.FontData) != len(goregular.TTF) || len(b.FontBoldData) != len(gobold.TTF) {
				t.Errorf("assets not filled: logo %d, font %d, bold %d", len(b.LogoData), len(b.FontData), len(b.FontBoldData))
			}
			if want := map[bool]string{true: "jpeg", false: "png"}[strings.Contains(c.brand, "jpg")]; b.LogoType != want {
				t.Errorf("logo type %q, want %q", b.LogoType, want)
			}
		})
	}
}

// A workspace's logo, read and checked on a goroutine of its own while the rest of the
// workspace is decoded (startLogo), gives the same findings and the same brand data as
// read after it, for good and for broken logos, also when the workspace has other errors;
// and the loader leaves no goroutine behind.
func TestWorkspaceLogoEarly(t *testing.T) {
	ws := t.TempDir()
	write := writerIn(t, ws)
	write(".git/HEAD", []byte("x"))
	write("assets/logo.png", pngBytes(t, 40, 20))
	write("assets/fake.png", []byte("GIF89a not a png"))
	write("assets/bomb.png", bombPNG(t, 20000, 20000))
	write("assets/broken.png", []byte("\x89PNG\r\n\x1a\nbroken"))
	write("accounts/p.toml", []byte("# The smallest valid plan: only what the format requires.\nformat = 1\n\n[plan]\naccount = \"Muster GmbH\"\nfrom = 2027-01-01\nto = 2027-12-31\n")) // samples/accounts/minimal.toml
	for _, tc := range []string{
		"[brand]\nlogo = \"assets/logo.png\"\n",
		"[brand]\nlogo = \"assets/fake.png\"\n",
		"[brand]\nlogo = \"assets/bomb.png\"\n",
		"[brand]\nlogo = \"assets/broken.png\"\n",
		"[brand]\nlogo = \"assets/missing.png\"\n",
		"[brand]\nlogo = \"../outside.png\"\n",
		"[brand]\nlogo = 7\n",
		"[brand]\nlogo = \"assets/logo.png\"\nno_such_key = 1\n", // the walk's error: returns before the assets
	} {
		write("kep.toml", []byte(tc))
		load := func(early bool) (string, *Loader) {
			earlyLogos = early
			defer func() { earlyLogos = true }()
			l := &Loader{}
			_, diags := l.LoadPlan(filepath.Join(ws, "accounts", "p.toml"))
			var b strings.Builder
			for _, d := range diags {
				b.WriteString(d.String() + "\n")
			}
			return b.String(), l
		}
		before := runtime.NumGoroutine()
		got, lg := load(true)
		// A goroutine that has closed its done channel may not have returned yet:
		// a leak stays, an exiting goroutine goes within moments.
		after := runtime.NumGoroutine()
		for deadline := time.Now().Add(2 * time.Second); after > before && time.Now().Before(deadline); after = runtime.NumGoroutine() {
			time.Sleep(5 * time.Millisecond)
		}
		want, lw := load(false)
		t.Logf("%q:\n%s", tc, got)
		if !strings.Contains(tc, "logo.png") && !strings.Contains(got, "brand.logo") {
			t.Errorf("%q: no finding for the logo:\n%s", tc, got)
		}
		if got != want {
			t.Errorf("%q: findings with the logo read early:\n%s\nread after the workspace:\n%s", tc, got, want)
		}
		wg, _ := lg.WorkspaceFor(filepath.Join(ws, "accounts", "p.toml"))
		ww, _ := lw.WorkspaceFor(filepath.Join(ws, "accounts", "p.toml"))
		if (wg == nil) != (ww == nil) || wg != nil && (!bytes.Equal(wg.Brand.LogoData, ww.Brand.LogoData) || wg.Brand.LogoType != ww.Brand.LogoType) {
			t.Errorf("%q: the workspace's logo differs when read early", tc)
		}
		if after > before {
			t.Errorf("%q: %d goroutines before loading, %d after", tc, before, after)
		}
	}
}
