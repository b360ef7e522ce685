package pdfdoc

import (
	"encoding/json"
	"encoding/xml"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kepdev/kep/plan/check"
	"github.com/kepdev/kep/render"
	"github.com/kepdev/kep/render/rendertest"
)

// economyDocs are the documents the page-economy rules are checked on: every sample, and
// hansa with its previous year's plan as `make samples` renders it.
func economyDocs(t *testing.T) map[string]*render.Document {
	docs := map[string]*render.Document{}
	for _, name := range samples(t) {
		docs[name] = sampleDoc(t, name)
	}
	pl := loadSample(t, "hansa")
	prev, diags := (&check.Loader{Now: testNow}).LoadPlan(filepath.Join("..", "..", "samples", "previous", "hansa-2026.toml"))
	if diags.HasErrors() {
		t.Fatalf("load previous: %v", diags)
	}
	d, err := render.Build(pl, check.Compute(pl, testNow), render.Options{Now: testNow, KepVersion: "test", Previous: prev})
	if err != nil {
		t.Fatal(err)
	}
	docs["hansa-previous"] = d
	return docs
}

// pageFill is what pdftotext -bbox-layout says of one page: its height and the lowest
// text of its body, header and footer excluded (points from the top; 0: no text).
type pageFill struct {
	height, bottom float64
}

// fills reads the text blocks' extent of each page. Charts are drawn as vectors but
// carry text (axis labels, their text alternative below them), so a page with a chart at
// its foot counts as filled there.
func fills(t *testing.T, pdf []byte) []pageFill {
	t.Helper()
	out := run(t, pdf, "pdftotext", "-bbox-layout", "FILE", "-")
	type block struct {
		YMin float64 `xml:"yMin,attr"`
		YMax float64 `xml:"yMax,attr"`
	}
	type page struct {
		Height float64 `xml:"height,attr"`
		Flows  []struct {
			Blocks []block `xml:"block"`
		} `xml:"flow"`
	}
	var doc struct {
		Pages []page `xml:"body>doc>page"`
	}
	dec := xml.NewDecoder(strings.NewReader(out))
	dec.Strict = false
	dec.AutoClose = xml.HTMLAutoClose
	dec.Entity = xml.HTMLEntity
	if err := dec.Decode(&doc); err != nil {
		t.Fatalf("pdftotext -bbox-layout: %v", err)
	}
	var res []pageFill
	for _, p := range doc.Pages {
		f := pageFill{height: p.Height}
		top, bottom := marginTop*mmToPt-1, p.Height-marginBottom*mmToPt+1
		for _, fl := range p.Flows {
			for _, b := range fl.Blocks {
				if b.YMin >= top && b.YMax <= bottom && b.YMax > f.bottom {
					f.bottom = b.YMax
				}
			}
		}
		res = append(res, f)
	}
	return res
}

const mmToPt = 72 / 25.4

// chapterEnds are the pages a chapter ends on: the last page, and each page before one
// whose chapter heading stands at its top (an outline entry's destination at the top
// margin). A chapter that runs on ends on a page it shares with the next.
func chapterEnds(t *testing.T, pdf []byte, pages int, pageH float64) map[int]bool {
	var doc struct {
		Outlines []struct {
			Dest []any `json:"dest"`
			Page int   `json:"destpageposfrom1"`
		} `json:"outlines"`
	}
	if err := json.Unmarshal([]byte(run(t, pdf, "qpdf", "--json", "--json-key=outlines", "FILE")), &doc); err != nil {
		t.Fatal(err)
	}
	ends := map[int]bool{pages: true}
	for _, o := range doc.Outlines {
		if len(o.Dest) < 4 {
			continue
		}
		if y, ok := o.Dest[3].(float64); ok && y >= pageH-marginTop*mmToPt-1 {
			ends[o.Page-1] = true
		}
	}
	return ends
}

// TestPageEconomy holds every page of the samples to the spec's page economy: no page
// except a chapter's last (and the cover) is more than 40 % empty, measured from the
// lowest text on the page to the bottom of the text area.
func TestPageEconomy(t *testing.T) {
	if testing.Short() {
		t.Skip("renders every sample and runs pdftotext on it")
	}
	dir := os.Getenv("KEP_PDF_DIR")
	for name, d := range economyDocs(t) {
		pdf, res := writePDF(t, d)
		if dir != "" {
			if err := os.WriteFile(filepath.Join(dir, "economy-"+name+".pdf"), pdf, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		pages := fills(t, pdf)
		if len(pages) != res.Pages {
			t.Fatalf("%s: pdftotext saw %d pages, want %d", name, len(pages), res.Pages)
		}
		ends := chapterEnds(t, pdf, res.Pages, pages[0].height)
		var report []string
		for i, f := range pages {
			page := i + 1
			top, bottom := marginTop*mmToPt, f.height-marginBottom*mmToPt
			empty := 1.0
			if f.bottom > 0 {
				empty = (bottom - f.bottom) / (bottom - top)
			}
			report = append(report, fmt.Sprintf("%d:%.0f%%", page, 100*empty))
			if page > 1 && !ends[page] && empty > 0.40 {
				t.Errorf("%s: page %d of %d is %.0f %% empty (not a chapter's last page)", name, page, res.Pages, 100*empty)
			}
		}
		t.Logf("%s: %d pages; empty per page %s", name, res.Pages, strings.Join(report, " "))
	}
}

// TestFactsContinued: a list of facts longer than a page says where it continues, as a
// table repeats its header.
func TestFactsContinued(t *testing.T) {
	rendertest.Tool(t, "pdftotext") // before rendering anything
	d := sampleDoc(t, "minimal")
	f := &render.Facts{Title: "Standorte"}
	for i := 0; i < 90; i++ {
		f.Items = append(f.Items, render.Fact{Label: fmt.Sprintf("Werk %d", i+1), Value: "Bremen"})
	}
	d.Sections = append(d.Sections, &render.Section{ID: "x", Number: "13", Title: "Werke", Level: 1, Blocks: []render.Block{f}})
	pdf, res := writePDF(t, d)
	text := run(t, pdf, "pdftotext", "-layout", "FILE", "-")
	pages := strings.Split(text, "\f")
	cont := 0
	for _, p := range pages[:res.Pages] {
		if strings.Contains(p, "Standorte (Fortsetzung)") {
			cont++
			if i, j := strings.Index(p, "Standorte (Fortsetzung)"), strings.Index(p, "Werk "); j < i {
				t.Error("the cue does not stand above the continued rows")
			}
		}
	}
	if cont == 0 {
		t.Fatal("no page says the facts continue")
	}
	if !strings.Contains(pages[res.Pages-1], "Werk 90") {
		t.Error("the last fact is not on the last page")
	}
}

// TestTableStartsInChartGap: in hansa, the value calculation of 6.2 starts in the gap the
// chart of 6.1 leaves, which then opens the next page; the table continues below it,
// named as continued, and the chart is read before it, where it stands in the plan.
func TestTableStartsInChartGap(t *testing.T) {
	rendertest.Tool(t, "pdftotext")
	pdf, res := writePDF(t, sampleDoc(t, "hansa"))
	pages := strings.Split(run(t, pdf, "pdftotext", "-layout", "FILE", "-"), "\f")[:res.Pages]
	const caption = "Mehrwertrechnung: Vormontierte Antriebsmodule für Győr"
	p := -1
	for i, pg := range pages {
		if strings.Contains(pg, caption) {
			p = i
			break
		}
	}
	if p < 0 || p+1 >= len(pages) {
		t.Fatalf("no page with %q", caption)
	}
	if !strings.Contains(pages[p], "Kürzere Montagezeit") {
		t.Errorf("page %d: the table's first row is not below its caption", p+1)
	}
	next := pages[p+1]
	chart := strings.Index(next, "Nutzen und Kosten über 3 Jahre")
	cont := strings.Index(next, caption+" (Fortsetzung)")
	last := strings.Index(next, "Einmalige Konstruktionsanpassung")
	if chart < 0 || cont < chart || last < cont {
		t.Errorf("page %d: want the chart (%d), then the table named as continued (%d), then its last row (%d)", p+2, chart, cont, last)
	}
}

// TestRepeatedHeaderIsNotRead: a table's header that repeats on the next page is an
// artifact, not text of the row being set there.
func TestRepeatedHeaderIsNotRead(t *testing.T) {
	rendertest.Tool(t, "pdfinfo")
	d := sampleDoc(t, "minimal")
	tb := &render.Table{Caption: "Kontakte", Header: []string{"Name", "Kopfzeile"}}
	for i := 0; i < 90; i++ {
		tb.Rows = append(tb.Rows, []render.Cell{{Text: fmt.Sprintf("Kontakt %d", i+1)}, {Text: "Einkauf"}})
	}
	d.Sections = append(d.Sections, &render.Section{ID: "x", Number: "13", Title: "Kontakte", Level: 1, Blocks: []render.Block{tb}})
	pdf, res := writePDF(t, d)
	if res.Pages < 5 {
		t.Fatalf("%d pages: the table does not break", res.Pages)
	}
	if n := strings.Count(run(t, pdf, "pdfinfo", "-struct-text", "FILE"), `"Kopfzeile"`); n != 1 {
		t.Errorf("the header is read %d times, want once", n)
	}
}
