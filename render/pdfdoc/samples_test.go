package pdfdoc

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/kepdev/kep/render"
	"github.com/kepdev/kep/render/rendertest"
)

func TestReproducibleAcrossRunsAndTimeZones(t *testing.T) {
	d := sampleDoc(t, "hansa")
	a, _ := writePDF(t, d)
	b, _ := writePDF(t, sampleDoc(t, "hansa"))
	if !bytes.Equal(a, b) {
		t.Fatal("two runs differ")
	}
	// The same instant in another zone, and another local zone for the process.
	saved := time.Local
	defer func() { time.Local = saved }()
	for _, loc := range []*time.Location{time.FixedZone("UTC+5:30", 5*3600+1800), time.FixedZone("UTC-11", -11*3600)} {
		time.Local = loc
		var buf bytes.Buffer
		if _, err := Write(&buf, sampleDoc(t, "hansa"), Options{Now: testNow.In(loc), KepVersion: "test"}); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(a, buf.Bytes()) {
			t.Errorf("output differs in %s", loc)
		}
	}
	if !bytes.Contains(a, []byte("/CreationDate (D:20270315093000+00'00')")) {
		t.Error("creation date is not Options.Now in UTC")
	}
}

func TestMetadata(t *testing.T) {
	d := sampleDoc(t, "hansa")
	pdf, _ := writePDF(t, d)
	info := map[string]string{}
	for _, l := range strings.Split(run(t, pdf, "pdfinfo", "FILE"), "\n") {
		if k, v, ok := strings.Cut(l, ":"); ok {
			info[k] = strings.TrimSpace(v)
		}
	}
	want := map[string]string{
		"Title": d.Title, "Author": d.Company, "Creator": "kep test",
		"Subject": d.Account + " · " + d.Period, "Keywords": strings.Join(d.Keywords, ", "),
	}
	for k, v := range want {
		if info[k] != v {
			t.Errorf("pdfinfo %s = %q, want %q", k, info[k], v)
		}
	}
}

// outline is the document outline as qpdf reports it.
type outline struct {
	Title string    `json:"title"`
	Page  int       `json:"destpageposfrom1"`
	Kids  []outline `json:"kids"`
}

func outlineOf(t *testing.T, pdf []byte) []outline {
	var doc struct {
		Outlines []outline `json:"outlines"`
	}
	if err := json.Unmarshal([]byte(run(t, pdf, "qpdf", "--json", "--json-key=outlines", "FILE")), &doc); err != nil {
		t.Fatal(err)
	}
	return doc.Outlines
}

func flatOutline(os []outline, depth int, out *[]string) {
	for _, o := range os {
		*out = append(*out, fmt.Sprintf("%s%s → %d", strings.Repeat("  ", depth), o.Title, o.Page))
		flatOutline(o.Kids, depth+1, out)
	}
}

// TestSamplesWithTools checks every sample with qpdf and poppler: valid, fonts embedded
// and subset, no image but the logo, text extractable with umlauts, ß and €, every
// section in the outline.
func TestSamplesWithTools(t *testing.T) {
	// The tools first: without them rendering every plan would be for nothing.
	for _, tool := range []string{"qpdf", "pdffonts", "pdfimages", "pdftotext"} {
		rendertest.Tool(t, tool)
	}
	plans := checkedPlans(t)
	if testing.Short() {
		plans = plans[:1] // the rest under make test (CI)
	}
	for _, cp := range plans {
		name := cp.name
		t.Run(name, func(t *testing.T) {
			plan := loadPath(t, cp.path)
			d := build(t, plan)
			pdf, res := writePDF(t, d)
			run(t, pdf, "qpdf", "--check", "FILE")

			fonts := strings.Split(strings.TrimSpace(run(t, pdf, "pdffonts", "FILE")), "\n")
			if len(fonts) < 3 {
				t.Fatalf("no fonts:\n%s", strings.Join(fonts, "\n"))
			}
			for _, l := range fonts[2:] {
				f := strings.Fields(l)
				if len(f) < 7 || f[len(f)-5] != "yes" || f[len(f)-4] != "yes" {
					t.Errorf("font not embedded and subset: %s", l)
				}
			}

			images := strings.Split(strings.TrimSpace(run(t, pdf, "pdfimages", "-list", "FILE")), "\n")[2:]
			for _, l := range images {
				f := strings.Fields(l)
				if f[0] != "1" || (f[2] != "image" && f[2] != "smask") {
					t.Errorf("unexpected image: %s", l)
				}
			}
			if len(d.Logo) > 0 && len(images) == 0 {
				t.Error("the logo is missing")
			}

			text := run(t, pdf, "pdftotext", "-enc", "UTF-8", "FILE", "-")
			norm := strings.Join(strings.Fields(text), " ")
			wants := []string{d.Account, d.Confidentiality}
			for _, c := range plan.Contacts {
				wants = append(wants, c.Name)
			}
			for _, w := range wants {
				if !strings.Contains(norm, strings.Join(strings.Fields(w), " ")) {
					t.Errorf("text lacks %q", w)
				}
			}
			// The letters and spaces of each language survive into the text layer.
			for _, w := range map[string][]string{"hansa": {"ß", "€", "ä", "ö", "ü"}, "lumiere": {"é", "è", "à", "ô"}}[name] {
				if !strings.Contains(text, w) {
					t.Errorf("text lacks %q", w)
				}
			}
			if len(res.Replaced) > 0 {
				t.Errorf("sample needed replacements: %s", res.ReplacedText())
			}

			var got []string
			flatOutline(outlineOf(t, pdf), 0, &got)
			var want []string
			var walk func(ss []*render.Section, depth int)
			walk = func(ss []*render.Section, depth int) {
				for _, s := range ss {
					want = append(want, strings.Repeat("  ", depth)+s.Heading())
					walk(s.Sections, depth+1)
				}
			}
			walk(d.Sections, 0)
			if len(got) != len(want) {
				t.Fatalf("outline has %d entries, want %d:\n%s", len(got), len(want), strings.Join(got, "\n"))
			}
			for i := range want {
				if title, _, _ := strings.Cut(got[i], " → "); title != want[i] {
					t.Errorf("outline entry %d = %q, want %q", i, title, want[i])
				}
			}
		})
	}
}

// TestSampleGoldens records what matters of each sample: the page count, the outline with
// its pages, and the text of each page.
func TestSampleGoldens(t *testing.T) {
	rendertest.Tool(t, "pdftotext") // before rendering anything
	for _, name := range samples(t) {
		t.Run(name, func(t *testing.T) {
			pdf, res := writePDF(t, sampleDoc(t, name))
			var b strings.Builder
			fmt.Fprintf(&b, "pages: %d\n\n== outline ==\n", res.Pages)
			var ol []string
			flatOutline(outlineOf(t, pdf), 0, &ol)
			b.WriteString(strings.Join(ol, "\n"))
			b.WriteString("\n")
			// One pdftotext run for all pages: its pages end in form feeds, each as
			// pdftotext -f P -l P writes it (one process instead of one per page).
			pages := strings.Split(run(t, pdf, "pdftotext", "-enc", "UTF-8", "-layout", "FILE", "-"), "\f")
			if len(pages) < res.Pages {
				t.Fatalf("pdftotext found %d pages, want %d", len(pages)-1, res.Pages)
			}
			for p := 1; p <= res.Pages; p++ {
				text := pages[p-1]
				fmt.Fprintf(&b, "\n== page %d ==\n", p)
				for _, l := range strings.Split(strings.TrimRight(text, "\f\n"), "\n") {
					b.WriteString(strings.TrimRight(l, " ") + "\n")
				}
			}
			checkGolden(t, name+".golden", []byte(b.String()))
		})
	}
}

// TestByteGolden pins the exact bytes of the smallest sample.
func TestByteGolden(t *testing.T) {
	pdf, _ := writePDF(t, sampleDoc(t, "minimal"))
	checkGolden(t, "minimal.pdf.golden", pdf)
}

// TestContentsPagesMatchTheOutline checks the page numbers in the table of contents
// against the outline's destinations, on A4 and letter paper.
func TestContentsPagesMatchTheOutline(t *testing.T) {
	for _, paper := range []string{"A4", "letter"} {
		d := sampleDoc(t, "hansa")
		d.Paper = paper
		pdf, _ := writePDF(t, d)
		tocPage := 0
		var entries []outline
		for _, o := range outlineOf(t, pdf) {
			if o.Title == d.Labels.T("doc.contents") || o.Title == d.Labels.T("sec.contents") {
				tocPage = o.Page
				continue
			}
			entries = append(entries, o)
			entries = append(entries, o.Kids...)
		}
		if tocPage == 0 || len(entries) < 10 {
			t.Fatalf("%s: contents on page %d, %d entries", paper, tocPage, len(entries))
		}
		// Each entry is a link: the outline's and the contents' destinations.
		if n := bytes.Count(pdf, []byte("/Subtype /Link")); n < len(entries) {
			t.Errorf("%s: %d links for %d contents entries", paper, n, len(entries))
		}
		text := run(t, pdf, "pdftotext", "-enc", "UTF-8", "-layout", "-f", fmt.Sprint(tocPage), "-l", fmt.Sprint(tocPage+1), "FILE", "-")
		lines := strings.Split(text, "\n")
		for _, e := range entries {
			title := e.Title
			if i := strings.Index(title, " "); i > 0 && strings.Trim(title[:i], "0123456789.") == "" {
				title = title[i+1:] // the number stands in its own column
			}
			found := false
			for _, l := range lines {
				f := strings.Fields(l)
				if strings.Contains(l, title) && len(f) > 0 && f[len(f)-1] == fmt.Sprint(e.Page) {
					found = true
					break
				}
			}
			if !found {
				t.Errorf("%s: contents lack %q on page %d", paper, title, e.Page)
			}
		}
	}
}

// TestNoHeadingEndsAPage lays out the samples on A4 and letter paper: no heading is left
// at the bottom of a page with what it heads on the next.
func TestNoHeadingEndsAPage(t *testing.T) {
	for _, name := range samples(t) {
		for _, paper := range []string{"A4", "letter"} {
			d := sampleDoc(t, name)
			d.Paper = paper
			fs, err := newFontSet(d.Font, d.FontBold, d.FontItalic, d.FontBoldItalic)
			if err != nil {
				t.Fatal(err)
			}
			w := newDocWriter(d, fs, Options{Now: testNow})
			if err := w.layout(); err != nil {
				t.Fatal(err)
			}
			if w.stranded > 0 {
				t.Errorf("%s on %s: %d headings end a page", name, paper, w.stranded)
			}
		}
	}
}

// TestStrandedHeadingsAreCounted checks the counter TestNoHeadingEndsAPage relies on.
func TestStrandedHeadingsAreCounted(t *testing.T) {
	w := testWriter(t)
	w.smallHeading("Allein")
	w.newPage()
	w.smallHeading("Mit Text")
	w.flow(plain("Text"), body(ink), 0)
	w.newPage()
	if w.stranded != 1 {
		t.Errorf("stranded = %d, want 1", w.stranded)
	}
}

// TestEmptyChaptersSharePages: the minimal plan's empty building blocks follow each other
// on shared pages instead of a nearly blank page each.
func TestEmptyChaptersSharePages(t *testing.T) {
	d := sampleDoc(t, "minimal")
	_, res := writePDF(t, d)
	chapters := 0
	for _, s := range d.Sections {
		if s.Number != "" {
			chapters++
		}
	}
	if res.Pages >= chapters {
		t.Errorf("%d pages for %d chapters", res.Pages, chapters)
	}
}
