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
func loadAssets(fsys FileSystem, d *decoded, b *plan.Brand, raw map[string]any, dir, home string) plan.Diagnostics {
	var ds plan.Diagnostics
	if _, ok := raw["logo"]; ok {
		data, err := readAsset(fsys, b.Logo, dir, home, MaxLogoSize)
		if err == nil {
			b.LogoType, err = checkLogo(data)
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
