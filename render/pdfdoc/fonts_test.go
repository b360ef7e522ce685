package pdfdoc

import (
	"bytes"
	"os"
	"sync"
	"testing"

	"github.com/kepdev/kep/render/fonts"
	"golang.org/x/image/font/gofont/gomono"
	"golang.org/x/image/font/gofont/goregular"
	"golang.org/x/image/font/sfnt"
)

func TestBuiltinFontCoversGermanAndLatinExtended(t *testing.T) {
	fs, err := newFontSet(nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range "äöüÄÖÜß€„“‚‘–—…•●▲■□ŒœŠšŽžŁłŘřĞğŞşİı" {
		if !fs.cov.has(r) {
			t.Errorf("built-in font lacks %q (%U)", r, r)
		}
	}
	for _, r := range []rune{'😀', '漢', 0x10FFFF, 0x1F600, -1, 0x110000} {
		if fs.cov.has(r) {
			t.Errorf("coverage claims %U", r)
		}
	}
}

func TestFontsParsedOncePerProcess(t *testing.T) {
	a, err := loadFace(bytes.Clone(goregular.TTF))
	if err != nil {
		t.Fatal(err)
	}
	// Another copy of the bytes is the same font: found by hash, not parsed again.
	b, err := loadFace(bytes.Clone(goregular.TTF))
	if err != nil {
		t.Fatal(err)
	}
	if a.cov.face != b.cov.face {
		t.Error("the same font was parsed twice")
	}
	fs1, _ := newFontSet(nil, nil)
	fs2, _ := newFontSet(nil, nil)
	if fs1.styles[""] != fs2.styles[""] || fs1.mono != fs2.mono {
		t.Error("font sets do not share their faces")
	}
}

func TestBrandFontReplacesRegularAndBold(t *testing.T) {
	fs, err := newFontSet(gomono.TTF, nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, st := range []string{"", "B", "I", "BI"} {
		if !bytes.Equal(fs.styles[st].data, gomono.TTF) {
			t.Errorf("style %q does not use the brand font", st)
		}
	}
	fs, err = newFontSet(gomono.TTF, goregular.TTF)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(fs.styles["B"].data, goregular.TTF) || !bytes.Equal(fs.styles[""].data, gomono.TTF) {
		t.Error("brand bold font not used for bold")
	}
}

func TestBadBrandFontIsAnError(t *testing.T) {
	for _, data := range [][]byte{[]byte("not a font"), {0, 1, 0, 0, 0, 0}} {
		if _, err := newFontSet(data, nil); err == nil {
			t.Errorf("newFontSet(%q) succeeded", data)
		}
	}
	if _, err := newFontSet(goregular.TTF, []byte("bad")); err == nil {
		t.Error("bad bold font accepted")
	}
}

func TestIntersectCoverage(t *testing.T) {
	var a, b coverage
	a.set('x')
	a.set('y')
	b.set('y')
	c := intersect(&a, &b)
	if c.has('x') || !c.has('y') {
		t.Errorf("intersect wrong: x %v y %v", c.has('x'), c.has('y'))
	}
}

// The lazy coverage must answer exactly as asking the font for every rune would, also
// when many goroutines fill it at once (go test -race).
func TestLazyCoverageMatchesFont(t *testing.T) {
	f, err := sfnt.Parse(goregular.TTF)
	if err != nil {
		t.Fatal(err)
	}
	fc, err := loadFace(append(bytes.Clone(goregular.TTF), 0)) // a fresh face, not the shared one
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	for w := 0; w < 4; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			var buf sfnt.Buffer
			for r := rune(w); r < 0x10000; r += 4 {
				g, err := f.GlyphIndex(&buf, r)
				want := err == nil && g != 0
				if got := fc.cov.has(r); got != want {
					t.Errorf("has(%U) = %v, font says %v", r, got, want)
					return
				}
			}
		}(w)
	}
	wg.Wait()
}

// without returns a fixed copy of c that lacks the runes of drop.
func without(c *coverage, drop string) *coverage {
	out := new(coverage)
	for i := 0; i < 0x10000/64; i++ {
		out.blocks.Store(i, c.block(i))
	}
	for _, r := range drop {
		bits, _ := out.blocks.Load(int(r >> 6))
		out.blocks.Store(int(r>>6), bits&^(1<<(uint(r)&63)))
	}
	return out
}

// A long-running kep serve sees many versions of a brand font or logo: the caches stay
// bounded.
func TestCachesStayBounded(t *testing.T) {
	count := func(m *sync.Map) int {
		n := 0
		m.Range(func(_, _ any) bool { n++; return true })
		return n
	}
	logo, err := os.ReadFile("../../samples/assets/logo.png")
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 3*maxCached; i++ {
		font := append(bytes.Clone(goregular.TTF), byte(i)) // another file, the same font
		if _, err := loadFace(font); err != nil {
			t.Fatal(err)
		}
		if img := prepareLogo(append(bytes.Clone(logo), byte(i)), "png"); !img.ok {
			t.Fatal("logo refused")
		}
		if n := fonts.CachedFaces(); n > maxCached {
			t.Fatalf("%d faces cached", n)
		}
		if n := count(&logos); n > maxCached {
			t.Fatalf("%d logos cached", n)
		}
	}
}
