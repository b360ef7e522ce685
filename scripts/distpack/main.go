// Command distpack writes a release archive that is the same byte for byte whoever
// builds it and when: entries sorted under one folder, every time set to one instant
// (SOURCE_DATE_EPOCH), owner root, modes 0755 for the binary and 0644 for the rest, no
// names or times in the gzip header. It is Go rather than tar/zip flags because those
// differ between GNU and BSD (a release may be made on a Mac). scripts/dist.sh calls it.
//
// Usage: distpack -epoch SECONDS -prefix DIR/ OUT.tar.gz|OUT.zip FILE...
package main

import (
	"archive/tar"
	"archive/zip"
	"compress/flate"
	"compress/gzip"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"
)

func main() {
	epoch := flag.Int64("epoch", 0, "the time every entry gets, in seconds since 1970 (SOURCE_DATE_EPOCH)")
	prefix := flag.String("prefix", "", "the folder every entry is in, ending in /")
	flag.Parse()
	if flag.NArg() < 2 {
		fmt.Fprintln(os.Stderr, "usage: distpack -epoch SECONDS -prefix DIR/ OUT.tar.gz|OUT.zip FILE...")
		os.Exit(2)
	}
	if err := pack(flag.Arg(0), *prefix, time.Unix(*epoch, 0).UTC(), flag.Args()[1:]); err != nil {
		fmt.Fprintln(os.Stderr, "distpack:", err)
		os.Exit(1)
	}
}

type entry struct {
	name string // inside the archive
	path string // on disk
	mode int64
}

func pack(out, prefix string, mtime time.Time, files []string) error {
	var es []entry
	for _, f := range files {
		base := filepath.Base(f)
		mode := int64(0o644)
		if base == "kep" || base == "kep.exe" || base == "pre-commit" {
			mode = 0o755
		}
		es = append(es, entry{prefix + base, f, mode})
	}
	sort.Slice(es, func(i, j int) bool { return es[i].name < es[j].name })

	w, err := os.Create(out)
	if err != nil {
		return err
	}
	switch {
	case strings.HasSuffix(out, ".tar.gz"):
		err = writeTarGz(w, prefix, mtime, es)
	case strings.HasSuffix(out, ".zip"):
		err = writeZip(w, prefix, mtime, es)
	default:
		err = fmt.Errorf("%s: want .tar.gz or .zip", out)
	}
	if cerr := w.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(out)
	}
	return err
}

func writeTarGz(w io.Writer, prefix string, mtime time.Time, es []entry) error {
	zw, err := gzip.NewWriterLevel(w, gzip.BestCompression)
	if err != nil {
		return err
	}
	tw := tar.NewWriter(zw)
	hdr := func(name string, mode int64, typ byte, size int64) *tar.Header {
		return &tar.Header{Name: name, Mode: mode, Typeflag: typ, Size: size, ModTime: mtime,
			Uname: "root", Gname: "root", Format: tar.FormatPAX}
	}
	if prefix != "" {
		if err := tw.WriteHeader(hdr(prefix, 0o755, tar.TypeDir, 0)); err != nil {
			return err
		}
	}
	for _, e := range es {
		b, err := os.ReadFile(e.path)
		if err != nil {
			return err
		}
		if err := tw.WriteHeader(hdr(e.name, e.mode, tar.TypeReg, int64(len(b)))); err != nil {
			return err
		}
		if _, err := tw.Write(b); err != nil {
			return err
		}
	}
	if err := tw.Close(); err != nil {
		return err
	}
	return zw.Close()
}

func writeZip(w io.Writer, prefix string, mtime time.Time, es []entry) error {
	zw := zip.NewWriter(w)
	zw.RegisterCompressor(zip.Deflate, func(out io.Writer) (io.WriteCloser, error) {
		return flate.NewWriter(out, flate.BestCompression)
	})
	if prefix != "" {
		h := &zip.FileHeader{Name: prefix, Method: zip.Store, Modified: mtime}
		h.SetMode(0o755 | os.ModeDir)
		if _, err := zw.CreateHeader(h); err != nil {
			return err
		}
	}
	for _, e := range es {
		b, err := os.ReadFile(e.path)
		if err != nil {
			return err
		}
		h := &zip.FileHeader{Name: e.name, Method: zip.Deflate, Modified: mtime}
		h.SetMode(os.FileMode(e.mode))
		f, err := zw.CreateHeader(h)
		if err != nil {
			return err
		}
		if _, err := f.Write(b); err != nil {
			return err
		}
	}
	return zw.Close()
}
