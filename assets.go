package kep

import (
	"bytes"
	"fmt"
	"image"
	_ "image/jpeg" // logo formats for image.DecodeConfig
	_ "image/png"
	"path/filepath"
	"strings"

	"golang.org/x/image/font/sfnt"
)

// Limits of brand assets: a logo is a small picture, not a poster; the pixel limit refuses
// decompression bombs from the header alone, before anything is decoded.
const (
	MaxLogoSize   = 5 << 20
	MaxLogoPixels = 10000
	MaxFontSize   = 20 << 20
)

// loadAssets reads the logo and fonts that the table raw names (relative to dir, the folder
// of the file naming them), checks them and fills the brand's data fields. home is the
// workspace's folder tree, which the assets must not leave.
func loadAssets(fsys FileSystem, d *decoded, b *Brand, raw map[string]any, dir, home string) Diagnostics {
	var ds Diagnostics
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
	}{{"font", b.Font, &b.FontData}, {"font_bold", b.FontBold, &b.FontBoldData}} {
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

// checkLogo tells PNG from JPEG by the file's magic bytes and reads only the image header
// to refuse absurd dimensions.
func checkLogo(data []byte) (string, error) {
	var typ string
	switch {
	case bytes.HasPrefix(data, []byte("\x89PNG\r\n\x1a\n")):
		typ = "png"
	case bytes.HasPrefix(data, []byte{0xff, 0xd8, 0xff}):
		typ = "jpeg"
	default:
		return "", fmt.Errorf("logo is neither PNG nor JPEG")
	}
	cfg, format, err := image.DecodeConfig(bytes.NewReader(data))
	if err != nil || format != typ {
		return "", fmt.Errorf("logo is not a readable %s image", strings.ToUpper(typ))
	}
	if cfg.Width < 1 || cfg.Height < 1 || cfg.Width > MaxLogoPixels || cfg.Height > MaxLogoPixels {
		return "", fmt.Errorf("logo is %d × %d pixels: want 1 to %d on each side", cfg.Width, cfg.Height, MaxLogoPixels)
	}
	return typ, nil
}

// checkFont accepts TrueType outlines only: the PDF library refuses OpenType/CFF and
// collections, and reports bad fonts only late, on stdout.
func checkFont(data []byte) error {
	switch {
	case bytes.HasPrefix(data, []byte("OTTO")):
		return fmt.Errorf("font is OpenType with CFF outlines (.otf): want a TrueType font (.ttf)")
	case bytes.HasPrefix(data, []byte("ttcf")):
		return fmt.Errorf("font is a TrueType collection (.ttc): want a single TrueType font (.ttf)")
	case !bytes.HasPrefix(data, []byte{0, 1, 0, 0}) && !bytes.HasPrefix(data, []byte("true")):
		return fmt.Errorf("font is not a TrueType font (.ttf)")
	}
	f, err := sfnt.Parse(data)
	if err != nil {
		return fmt.Errorf("font is not a readable TrueType font: %w", err)
	}
	if f.NumGlyphs() == 0 {
		return fmt.Errorf("font has no glyphs")
	}
	return nil
}
