package pdfdoc

import (
	"bytes"
	"testing"

	"golang.org/x/image/font/gofont/gomono"
	"golang.org/x/image/font/gofont/goregular"
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
	a, err := loadFace(goregular.TTF)
	if err != nil {
		t.Fatal(err)
	}
	// A copy of the bytes is the same font: found by hash, not parsed again.
	b, err := loadFace(bytes.Clone(goregular.TTF))
	if err != nil {
		t.Fatal(err)
	}
	if a != b {
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
	a['x'>>6] |= 1 << ('x' & 63)
	a['y'>>6] |= 1 << ('y' & 63)
	b['y'>>6] |= 1 << ('y' & 63)
	c := intersect(&a, &b)
	if c.has('x') || !c.has('y') {
		t.Errorf("intersect wrong: x %v y %v", c.has('x'), c.has('y'))
	}
}
