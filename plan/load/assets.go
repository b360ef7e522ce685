package load

import (
	"fmt"
	"path/filepath"
	"strings"

	"github.com/kepdev/kep/plan"
	"github.com/kepdev/kep/render/fonts"
	"github.com/kepdev/kep/render/logo"
)

// Limits of brand assets: a logo is a small picture, not a poster. The pixel limits are
// checked from the image header, before anything is decoded (decompression bombs); then
// the image is decoded whole.
const (
	MaxLogoSize       = 5 << 20
	MaxLogoPixels     = logo.MaxSide   // on each side
	MaxLogoArea       = logo.MaxPixels // width × height
	MaxLogoDecoded    = logo.MaxDecodedBytes
	MaxFontSize       = 20 << 20
	MaxCompositeDepth = fonts.MaxCompositeDepth
)

// loadAssets reads the logo and fonts that the table raw names (relative to dir, the folder
// of the file naming them), checks them and fills the brand's data fields. home is the
// workspace's folder tree, which the assets must not leave.
// early, when not nil, is the logo read and checked already (startLogo), used when it
// is the logo b names.
func loadAssets(fsys FileSystem, d *decoded, b *plan.Brand, raw map[string]any, dir, home string, early *earlyLogo) plan.Diagnostics {
	var ds plan.Diagnostics
	if _, ok := raw["logo"]; ok {
		var data []byte
		var err error
		if early != nil && early.name == b.Logo {
			data, b.LogoType, err = early.result()
		} else {
			data, err = readAsset(fsys, b.Logo, dir, home, MaxLogoSize)
			if err == nil {
				b.LogoType, err = checkLogo(data)
			}
		}
		if err != nil {
			ds = append(ds, d.at("brand.logo", false, "%v", err))
		} else {
			b.LogoData = data
		}
	}
	for _, f := range []struct {
		key  string
		name string
		dst  *[]byte
	}{{"font", b.Font, &b.FontData}, {"font_bold", b.FontBold, &b.FontBoldData},
		{"font_italic", b.FontItalic, &b.FontItalicData}, {"font_bold_italic", b.FontBoldItalic, &b.FontBoldItalicData},
		{"font_fallback", b.FontFallback, &b.FontFallbackData}} {
		if _, ok := raw[f.key]; !ok {
			continue
		}
		data, err := readAsset(fsys, f.name, dir, home, MaxFontSize)
		if err == nil {
			err = checkFont(data)
		}
		if err != nil {
			ds = append(ds, d.at("brand."+f.key, false, "%v", err))
		} else {
			*f.dst = data
		}
	}
	return ds
}

// earlyLogo is a workspace's logo read and checked on a goroutine of its own, started as
// soon as the file's TOML is parsed (startLogo): decoding the logo whole for its check
// (~0.8 ms for a 400 × 120 RGBA PNG) then runs beside the schema walk and the decoding
// into the structs instead of after them. kep render reads the workspace on one core
// while the plan is parsed on the other, and the plan waited ~1 ms for it (issue 19);
// the waiting core takes the logo's goroutine.
type earlyLogo struct {
	name string
	done chan struct{}
	data []byte
	typ  string
	err  error
	pnc  any // a panic while reading or checking, raised again by result
}

// startLogo starts reading and checking the logo that the parsed file's [brand] names,
// if it names one by a string; the checks are readAsset's and checkLogo's, as later.
func startLogo(fsys FileSystem, raw map[string]any, dir, home string) *earlyLogo {
	if !earlyLogos {
		return nil
	}
	brand, _ := raw["brand"].(map[string]any)
	name, ok := brand["logo"].(string)
	if !ok {
		return nil
	}
	e := &earlyLogo{name: name, done: make(chan struct{})}
	go func() {
		defer close(e.done)
		defer func() { e.pnc = recover() }() // raised in the loader's goroutine (result)
		e.data, e.err = readAsset(fsys, name, dir, home, MaxLogoSize)
		if e.err == nil {
			e.typ, e.err = checkLogo(e.data)
		}
	}()
	return e
}

// earlyLogos switches startLogo on; tests compare with it off.
var earlyLogos = true

// result waits for the logo and returns what readAsset and checkLogo returned.
func (e *earlyLogo) result() ([]byte, string, error) {
	<-e.done
	if e.pnc != nil {
		panic(e.pnc)
	}
	return e.data, e.typ, e.err
}

// wait waits for the goroutine, its result unused: the loader returns only when nothing
// it started still reads files. Safe on nil.
func (e *earlyLogo) wait() {
	if e != nil {
		<-e.done
	}
}

// readAsset reads a regular file named relative to dir that, with symbolic links
// resolved, lies inside home.
func readAsset(fsys FileSystem, name, dir, home string, limit int64) ([]byte, error) {
	if filepath.IsAbs(name) {
		return nil, fmt.Errorf("%q: give the path relative to this file, not absolute", name)
	}
	p := filepath.Join(dir, filepath.FromSlash(name))
	real, err := fsys.EvalSymlinks(p)
	if err != nil {
		return nil, fmt.Errorf("%q: file not found", name)
	}
	if !within(real, home, fsys) {
		return nil, fmt.Errorf("%q lies outside the workspace folder %s", name, home)
	}
	fi, err := fsys.Lstat(real)
	if err != nil {
		return nil, fmt.Errorf("%q: %w", name, err)
	}
	if !fi.Mode().IsRegular() {
		return nil, fmt.Errorf("%q is not a regular file", name)
	}
	if fi.Size() > limit {
		return nil, fmt.Errorf("%q is %d bytes, more than the limit of %d MiB", name, fi.Size(), limit>>20)
	}
	data, err := fsys.ReadFile(real)
	if err != nil {
		return nil, fmt.Errorf("%q: %w", name, err)
	}
	if int64(len(data)) > limit {
		return nil, fmt.Errorf("%q is %d bytes, more than the limit of %d MiB", name, len(data), limit>>20)
	}
	return data, nil
}

// within reports whether path lies in the folder tree home (both resolved).
func within(path, home string, fsys FileSystem) bool {
	if h, err := fsys.EvalSymlinks(home); err == nil {
		home = h
	}
	if filepath.IsAbs(home) && !filepath.IsAbs(path) {
		if a, err := filepath.Abs(path); err == nil {
			path = a
		}
	}
	rel, err := filepath.Rel(home, path)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) && !filepath.IsAbs(rel)
}

// checkLogo decodes the logo whole, as the documents will use it (render/logo): a
// truncated file, a bad chunk or a decompression bomb is refused here, not while a
// document is written.
func checkLogo(data []byte) (string, error) {
	return logo.Check(data)
}

// checkFont checks a brand font as every writer will read it, and makes each of them
// use the whole font once (render/fonts.Check): a font that validates renders.
func checkFont(data []byte) error {
	return fonts.Check(data)
}
