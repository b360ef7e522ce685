// Command pages measures the page economy of kep PDFs: per document the number of pages,
// and per page after the cover how much of the text area below its last mark stays empty.
// It flags pages more than 40 % empty that are not a chapter's last (the page before a
// chapter that starts a page, or the document's last page), which issue 17 forbids.
//
// It reads what a reader sees: each page rasterised by pdftoppm (poppler-utils), the last
// row with ink in the text area (between the running head and the footer), and the
// chapters' starts from the PDF outline (qpdf --json).
//
//	go run ./scripts/pages out/hansa.pdf out/brightwater.pdf
//
// scripts/pages.sh renders the samples first.
package main

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
)

// The text area of kep's document pages in millimetres from the top (render/pdfdoc
// write.go: marginTop, marginBottom).
const (
	marginTop    = 22.0
	marginBottom = 21.0
	limit        = 0.40 // the emptiest a page may be that is not a chapter's last
	dpi          = 40
)

func main() {
	verbose := flag.Bool("v", false, "print every page, not only the flagged ones")
	flag.Parse()
	if flag.NArg() == 0 {
		fmt.Fprintln(os.Stderr, "usage: pages [-v] FILE.pdf…")
		os.Exit(2)
	}
	bad := 0
	for _, f := range flag.Args() {
		n, err := report(f, *verbose)
		if err != nil {
			fmt.Fprintln(os.Stderr, "pages:", err)
			os.Exit(1)
		}
		bad += n
	}
	if bad > 0 {
		fmt.Printf("%d page(s) more than %.0f %% empty that are not a chapter's last\n", bad, limit*100)
	}
}

// report prints one document's figures and returns the number of flagged pages.
func report(file string, verbose bool) (int, error) {
	tmp, err := os.MkdirTemp("", "pages")
	if err != nil {
		return 0, err
	}
	defer os.RemoveAll(tmp)
	if out, err := exec.Command("pdftoppm", "-gray", "-r", strconv.Itoa(dpi), file, filepath.Join(tmp, "p")).CombinedOutput(); err != nil {
		return 0, fmt.Errorf("pdftoppm %s: %v: %s", file, err, out)
	}
	imgs, _ := filepath.Glob(filepath.Join(tmp, "p-*.pgm"))
	sort.Slice(imgs, func(i, j int) bool { return pageNo(imgs[i]) < pageNo(imgs[j]) })
	starts, err := chapterStarts(file)
	if err != nil {
		return 0, err
	}
	n := len(imgs)
	var sum float64
	var lines []string
	flagged := 0
	for i, img := range imgs {
		p := i + 1
		if p == 1 {
			continue // the cover
		}
		empty, err := emptyShare(img)
		if err != nil {
			return 0, err
		}
		sum += empty
		last := p == n || starts[p+1]
		mark := ""
		switch {
		case empty > limit && !last:
			mark = "  <-- more than 40 % empty"
			flagged++
		case last:
			mark = "  (chapter's last)"
		}
		if verbose || (empty > limit && !last) {
			lines = append(lines, fmt.Sprintf("  p. %2d  %3.0f %% empty%s", p, empty*100, mark))
		}
	}
	fmt.Printf("%s: %d pages, %.1f pages' worth empty below the last line (pages 2–%d), %d flagged\n",
		file, n, sum, n, flagged)
	for _, l := range lines {
		fmt.Println(l)
	}
	return flagged, nil
}

func pageNo(name string) int {
	s := strings.TrimSuffix(filepath.Base(name), ".pgm")
	n, _ := strconv.Atoi(s[strings.LastIndex(s, "-")+1:])
	return n
}

// emptyShare reads a binary PGM and returns the share of the text area below its last
// row with ink.
func emptyShare(file string) (float64, error) {
	f, err := os.Open(file)
	if err != nil {
		return 0, err
	}
	defer f.Close()
	r := bufio.NewReader(f)
	var magic string
	var w, h, max int
	if _, err := fmt.Fscan(r, &magic, &w, &h, &max); err != nil || magic != "P5" || max > 255 {
		return 0, fmt.Errorf("%s: not an 8-bit binary PGM", file)
	}
	if _, err := r.ReadByte(); err != nil { // the one whitespace after the header
		return 0, err
	}
	px := make([]byte, w*h)
	if _, err := ioReadFull(r, px); err != nil {
		return 0, err
	}
	mm := float64(dpi) / 25.4 // pixels per millimetre
	pageH := float64(h) / mm
	top, bottom := int(marginTop*mm), int((pageH-marginBottom)*mm)
	lastInk := top
	for y := top; y < bottom && y < h; y++ {
		for x := 0; x < w; x++ {
			if px[y*w+x] < 235 {
				lastInk = y + 1
				break
			}
		}
	}
	return float64(bottom-lastInk) / float64(bottom-top), nil
}

func ioReadFull(r *bufio.Reader, b []byte) (int, error) {
	n := 0
	for n < len(b) {
		m, err := r.Read(b[n:])
		n += m
		if err != nil {
			return n, err
		}
	}
	return n, nil
}

// chapterStarts returns the pages on which a top-level outline entry (a chapter) starts
// at the top of the text area: the page before each is a chapter's last.
func chapterStarts(file string) (map[int]bool, error) {
	out, err := exec.Command("qpdf", "--json", "--json-key=outlines", "--json-key=pages", file).Output()
	if err != nil {
		return nil, fmt.Errorf("qpdf %s: %v", file, err)
	}
	var doc struct {
		Outlines []struct {
			Dest  []any `json:"dest"`
			Page  int   `json:"destpageposfrom1"`
			Title string
		} `json:"outlines"`
	}
	if err := json.Unmarshal(out, &doc); err != nil {
		return nil, fmt.Errorf("qpdf %s: %v", file, err)
	}
	starts := map[int]bool{}
	const pageTop = 297 * 72 / 25.4 // A4; Letter pages differ by 6 mm, within the tolerance
	for _, o := range doc.Outlines {
		y := 0.0
		if len(o.Dest) >= 4 {
			if v, ok := o.Dest[3].(float64); ok {
				y = v
			}
		}
		fromTop := (pageTop - y) * 25.4 / 72
		if fromTop < marginTop+15 {
			starts[o.Page] = true
		}
	}
	return starts, nil
}
