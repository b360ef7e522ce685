// Command floor is the physical floor of one `kep render -f pdf,html` of a plan: a
// process that only reads the plan, deflates as many bytes as the PDF's streams hold
// uncompressed (at the level kep uses, zlib.BestSpeed), and writes a file the size of
// the PDF and one the size of the HTML. What kep does beyond that (parsing, checking,
// layout, fonts, charts) is the cost over the floor; scripts/floor.sh prints the ratio
// (scripts/PERFORMANCE.md).
//
//	floor -measure DOC.pdf -raw RAW        writes the PDF's inflated stream bytes to RAW
//	floor -raw RAW -pdf N -html M -o DIR PLAN
package main

import (
	"bytes"
	"compress/zlib"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
)

func main() {
	measure := flag.String("measure", "", "a PDF whose FlateDecode streams to inflate into -raw")
	raw := flag.String("raw", "", "the PDF's uncompressed stream bytes")
	pdfSize := flag.Int("pdf", 0, "size of the PDF to write")
	htmlSize := flag.Int("html", 0, "size of the HTML to write")
	out := flag.String("o", "", "folder to write floor.pdf and floor.html into")
	flag.Parse()
	var err error
	if *measure != "" {
		err = inflateStreams(*measure, *raw)
	} else if flag.NArg() == 1 && *raw != "" && *out != "" {
		err = run(flag.Arg(0), *raw, *out, *pdfSize, *htmlSize)
	} else {
		fmt.Fprintln(os.Stderr, "usage: floor -measure DOC.pdf -raw RAW | floor -raw RAW -pdf N -html M -o DIR PLAN")
		os.Exit(2)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "floor:", err)
		os.Exit(1)
	}
}

func run(plan, rawPath, dir string, pdfSize, htmlSize int) error {
	src, err := os.ReadFile(plan)
	if err != nil {
		return err
	}
	raw, err := os.ReadFile(rawPath) // stands for the content kep would have made
	if err != nil {
		return err
	}
	var z bytes.Buffer
	zw, _ := zlib.NewWriterLevel(&z, zlib.BestSpeed)
	zw.Write(raw)
	zw.Close()
	if err := os.WriteFile(filepath.Join(dir, "floor.pdf"), fill(z.Bytes(), pdfSize), 0o644); err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(dir, "floor.html"), fill(src, htmlSize), 0o644)
}

// fill returns n bytes: b repeated or cut.
func fill(b []byte, n int) []byte {
	out := make([]byte, n)
	for i := 0; i < n && len(b) > 0; i += len(b) {
		copy(out[i:], b)
	}
	return out
}

var streamRe = regexp.MustCompile(`(?s)/FlateDecode.*?>>\s*stream\r?\n`)

func inflateStreams(pdf, rawPath string) error {
	b, err := os.ReadFile(pdf)
	if err != nil {
		return err
	}
	var raw bytes.Buffer
	n := 0
	for _, loc := range streamRe.FindAllIndex(b, -1) {
		zr, err := zlib.NewReader(bytes.NewReader(b[loc[1]:]))
		if err != nil {
			continue
		}
		if _, err := io.Copy(&raw, zr); err == nil {
			n++
		}
	}
	if n == 0 {
		return fmt.Errorf("%s: no FlateDecode streams", pdf)
	}
	fmt.Printf("%d streams, %d bytes uncompressed\n", n, raw.Len())
	return os.WriteFile(rawPath, raw.Bytes(), 0o644)
}
