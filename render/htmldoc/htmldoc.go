package htmldoc

import (
	"bytes"
	"encoding/base64"
	"fmt"
	"html/template"
	"io"
	"math"
	"strconv"
	"strings"
	"sync"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/text"

	"github.com/kepdev/kep/charts"
	"github.com/kepdev/kep/render"
	"github.com/kepdev/kep/templates"
)

// Options tune the HTML output. The zero value is the self-contained document.
type Options struct {
	// NoFont leaves the embedded @font-face out (a smaller file for previews); the page
	// then falls back to the reader's sans-serif font.
	NoFont bool
}

var (
	tmplOnce sync.Once
	tmpl     *template.Template
	tmplErr  error
	css      string
)

func parse() (*template.Template, error) {
	tmplOnce.Do(func() {
		funcs := template.FuncMap{
			"hopen": func(level int, id, class string) template.HTML {
				var b strings.Builder
				fmt.Fprintf(&b, "<h%d", clampLevel(level))
				if id != "" {
					fmt.Fprintf(&b, ` id="%s"`, template.HTMLEscapeString(id))
				}
				if class != "" {
					fmt.Fprintf(&b, ` class="%s"`, template.HTMLEscapeString(class))
				}
				b.WriteString(">")
				return template.HTML(b.String())
			},
			"hclose": func(level int) template.HTML { return template.HTML(fmt.Sprintf("</h%d>", clampLevel(level))) },
			"wrap":   wrap,
		}
		tmpl, tmplErr = template.New("").Funcs(funcs).ParseFS(templates.FS, "*.tmpl")
		if tmplErr != nil {
			return
		}
		var b []byte
		b, tmplErr = templates.FS.ReadFile("document.css")
		css = string(b)
	})
	return tmpl, tmplErr
}

func clampLevel(l int) int { return max(1, min(l, 6)) }

// Write writes d as one self-contained HTML5 file: style sheet, font, charts (inline
// SVG) and logo (data URI) inside, no script, nothing fetched from the network. Every
// string of the document is escaped by html/template; Markdown is rendered by goldmark
// without raw HTML and with only http, https and mailto links.
func Write(w io.Writer, d *render.Document, opt Options) error {
	t, err := parse()
	if err != nil {
		return fmt.Errorf("html templates: %w", err)
	}
	pg, err := newPage(d)
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	if err := t.ExecuteTemplate(&buf, "document", pg); err != nil {
		return fmt.Errorf("write html: %w", err)
	}
	out := buf.Bytes()
	if !opt.NoFont {
		// The font goes in front of the style sheet, subset to what the page shows. The
		// first "<style>" is ours: everything from the plan before it is escaped.
		const mark = "<style>\n"
		i := bytes.Index(out, []byte(mark))
		if i < 0 {
			return fmt.Errorf("write html: no style element")
		}
		i += len(mark)
		faces := pg.builder.fontFaces(usedRunes(out))
		if _, err := io.WriteString(w, string(out[:i])+faces); err != nil {
			return err
		}
		out = out[i:]
	}
	_, err = w.Write(out)
	return err
}

// page is what the template sees: the document plus everything pre-rendered.
type page struct {
	D           *render.Document
	L           render.Labels
	Lang        string
	Description string
	CSS         template.CSS
	LogoURI     template.URL
	LogoAlt     string
	Generated   string
	Sections    []*sectionView
	builder     *builder
}

type sectionView struct {
	*render.Section
	H        int
	Blocks   []blockView
	Sections []*sectionView
	TOCItems []tocItem
}

type tocItem struct {
	ID, Number, Title string
	Children          []tocItem
}

type blockView struct {
	Kind      string
	H         int // heading level for the block's own headings
	Warning   bool
	Paragraph *render.Paragraph
	HTML      template.HTML
	Heading   *render.Heading
	Note      *render.Note
	Facts     *render.Facts
	Tiles     *render.Tiles
	List      *render.List
	Table     *tableView
	Chart     *chartView
	SWOT      *render.SWOT
}

type tableView struct {
	T           *render.Table
	ID          string
	SectionID   string // id of the section heading, part of the table region's name
	Dup         int    // > 0: the n-th region of the same name, added so names stay unique
	HideCaption bool
	Fixed       bool
	MinWidth    template.CSS
	Cols        []template.CSS
	Head        []cellView
	Rows        [][]cellView
	Foot        [][]cellView
}

type cellView struct {
	render.Cell
	Header bool
	Class  string
}

type chartView struct {
	*render.Chart
	SVG       template.HTML
	MaxWidth  template.CSS // the chart's design width, enlarged a little for screens
	Data      *tableView
	DataLabel string
}

type builder struct {
	d       *render.Document
	theme   charts.Theme
	tables  int
	regions map[string]int
	// lastHeading is the text of the latest Heading block of the current section.
	lastHeading string
}

func newPage(d *render.Document) (*page, error) {
	b := &builder{d: d, theme: d.ChartTheme(), regions: map[string]int{}}
	pg := &page{D: d, L: d.Labels, Lang: d.Lang, LogoAlt: d.Company}
	if pg.LogoAlt == "" {
		pg.LogoAlt = "Logo"
	}
	pg.Description = strings.Join(nonEmpty(d.Title, d.Period, d.Confidentiality), " · ")
	pg.Generated = fmt.Sprintf(d.Labels.T("doc.generated"), d.Generator, d.Date)
	if len(d.Logo) > 0 && (d.LogoType == "png" || d.LogoType == "jpeg") {
		pg.LogoURI = template.URL("data:image/" + d.LogoType + ";base64," + base64.StdEncoding.EncodeToString(d.Logo))
	}
	pg.CSS = template.CSS(b.stylesheet())
	pg.builder = b
	for _, s := range d.Sections {
		sv, err := b.section(s, 2)
		if err != nil {
			return nil, err
		}
		pg.Sections = append(pg.Sections, sv)
	}
	return pg, nil
}

func nonEmpty(ss ...string) []string {
	var out []string
	for _, s := range ss {
		if strings.TrimSpace(s) != "" {
			out = append(out, s)
		}
	}
	return out
}

func (b *builder) section(s *render.Section, h int) (*sectionView, error) {
	sv := &sectionView{Section: s, H: clampLevel(h)}
	if s.TOC {
		for _, t := range b.d.Sections {
			if t.TOC {
				continue
			}
			it := tocItem{ID: t.ID, Number: t.Number, Title: t.Title}
			for _, c := range t.Sections {
				it.Children = append(it.Children, tocItem{ID: c.ID, Number: c.Number, Title: c.Title})
			}
			sv.TOCItems = append(sv.TOCItems, it)
		}
	}
	b.lastHeading = ""
	for _, bl := range s.Blocks {
		bv, err := b.block(bl, s, h+1)
		if err != nil {
			return nil, err
		}
		sv.Blocks = append(sv.Blocks, bv)
	}
	for _, c := range s.Sections {
		cv, err := b.section(c, h+1)
		if err != nil {
			return nil, err
		}
		sv.Sections = append(sv.Sections, cv)
	}
	return sv, nil
}

func (b *builder) block(bl render.Block, s *render.Section, h int) (blockView, error) {
	v := blockView{H: clampLevel(h)}
	switch x := bl.(type) {
	case *render.Paragraph:
		v.Kind, v.Paragraph = "p", x
	case *render.Markdown:
		v.Kind = "md"
		html, err := markdownHTML(x.Source, clampLevel(h))
		if err != nil {
			return v, err
		}
		v.HTML = html
	case *render.Heading:
		v.Kind, v.Heading = "heading", x
		b.lastHeading = x.Text
		return v, nil
	case *render.Note:
		v.Kind, v.Note, v.Warning = "note", x, x.Kind == render.NoteWarning
	case *render.Facts:
		v.Kind, v.Facts = "facts", x
	case *render.Tiles:
		v.Kind, v.Tiles = "tiles", x
	case *render.List:
		v.Kind, v.List = "list", x
	case *render.Table:
		v.Kind, v.Table = "table", b.table(x, s)
	case *render.SWOT:
		v.Kind, v.SWOT = "swot", x
	case *render.Chart:
		cv, err := b.chart(x, s)
		if err != nil {
			return v, err
		}
		v.Kind, v.Chart = "chart", cv
	default:
		return v, fmt.Errorf("html: unknown block %T", bl)
	}
	return v, nil
}

func (b *builder) chart(c *render.Chart, s *render.Section) (*chartView, error) {
	w, h := c.Width, c.Height
	if w < 50 {
		w = 600
	}
	if h < 50 {
		h = 400
	}
	svg, err := charts.SVG(c.Model, b.theme, w, h)
	if err != nil {
		return nil, fmt.Errorf("html: %w", err)
	}
	cv := &chartView{Chart: c, SVG: template.HTML(svg), DataLabel: b.d.Labels.T("doc.chartdata"),
		MaxWidth: template.CSS(strconv.Itoa(w*5/4) + "px")}
	if c.Data != nil {
		cv.Data = b.table(c.Data, s)
	}
	return cv, nil
}

// table prepares a table: column classes for alignment, widths, and a minimum width so
// that wide tables scroll inside their frame on a phone instead of squeezing every word.
func (b *builder) table(t *render.Table, s *render.Section) *tableView {
	b.tables++
	tv := &tableView{T: t, ID: "t" + strconv.Itoa(b.tables), SectionID: s.ID + "-h"}
	// Landmark names must be unique: caption plus section heading, numbered on repeat.
	name := t.Caption + "\x00" + s.ID
	b.regions[name]++
	if n := b.regions[name]; n > 1 {
		tv.Dup = n
	}
	// A caption that repeats the heading right above it is for screen readers only.
	tv.HideCaption = t.Caption != "" && (t.Caption == s.Title || strings.HasPrefix(b.lastHeading, t.Caption))
	ncol := len(t.Header)
	alignClass := func(i int) string {
		if i < len(t.Align) {
			switch t.Align[i] {
			case render.Right:
				return "r"
			case render.Center:
				return "c"
			}
		}
		return ""
	}
	if len(t.Widths) == ncol && ncol > 0 {
		sum := 0.0
		for _, w := range t.Widths {
			sum += math.Max(w, 0)
		}
		if sum > 0 {
			tv.Fixed = true
			for _, w := range t.Widths {
				tv.Cols = append(tv.Cols, template.CSS(strconv.FormatFloat(math.Max(w, 0)/sum*100, 'f', 2, 64)+"%"))
			}
		}
	}
	minRem := 0
	if ncol > 3 {
		minRem = ncol * 11 / 2
	}
	tv.MinWidth = template.CSS(strconv.Itoa(minRem) + "rem")
	for i, hd := range t.Header {
		tv.Head = append(tv.Head, cellView{Cell: render.Cell{Text: hd}, Class: alignClass(i)})
	}
	row := func(cells []render.Cell, header bool) []cellView {
		out := make([]cellView, 0, max(len(cells), ncol))
		for i, c := range cells {
			cls := []string{}
			if a := alignClass(i); a != "" {
				cls = append(cls, a)
			}
			if c.Strong {
				cls = append(cls, "strong")
			}
			if c.Muted {
				cls = append(cls, "muted")
			}
			if c.Link != "" && !render.SafeURL(c.Link) {
				c.Link = ""
			}
			out = append(out, cellView{Cell: c, Header: header && i == 0, Class: strings.Join(cls, " ")})
		}
		for len(out) < ncol {
			out = append(out, cellView{})
		}
		return out
	}
	for _, r := range t.Rows {
		tv.Rows = append(tv.Rows, row(r, t.RowHeader))
	}
	for _, r := range t.Foot {
		tv.Foot = append(tv.Foot, row(r, true))
	}
	return tv
}

// markdownHTML renders Markdown from the plan: raw HTML shown as text, unsafe links and
// images reduced to their text, headings moved below the surrounding section's heading
// (level h) so that the document's outline stays in order, and table alignment as a
// class (the align attribute is obsolete in HTML5, style attributes are not wanted).
func markdownHTML(src string, h int) (template.HTML, error) {
	source := []byte(src)
	md := render.MarkdownParser()
	doc := md.Parser().Parse(text.NewReader(source))
	render.CleanMarkdown(doc, source)
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Heading:
			n.Level = h
		case *ast.AutoLink:
			// The link shows its own address: print it once.
			n.SetAttributeString("class", []byte("bare"))
		case *east.TableCell:
			switch n.Alignment {
			case east.AlignRight:
				n.SetAttributeString("class", []byte("al-right"))
			case east.AlignCenter:
				n.SetAttributeString("class", []byte("al-center"))
			}
			n.Alignment = east.AlignNone
		}
		return ast.WalkContinue, nil
	})
	var buf bytes.Buffer
	if err := md.Renderer().Render(&buf, source, doc); err != nil {
		return "", fmt.Errorf("markdown: %w", err)
	}
	return template.HTML(buf.String()), nil
}

// wrap escapes s and offers line breaks (<wbr>) inside very long words, so that a
// 5,000-character word or URL wraps in a table cell without breaking ordinary words.
func wrap(s string) template.HTML {
	const long, chunk = 32, 16
	if !hasLongWord(s, long) {
		return template.HTML(template.HTMLEscapeString(s))
	}
	var b strings.Builder
	run := 0
	for _, r := range s {
		if r == ' ' || r == '\n' || r == '\t' {
			run = 0
		} else {
			run++
			if run > long && run%chunk == 1 {
				b.WriteString("<wbr>")
			}
		}
		b.WriteString(template.HTMLEscapeString(string(r)))
	}
	return template.HTML(b.String())
}

func hasLongWord(s string, long int) bool {
	run := 0
	for _, r := range s {
		if r == ' ' || r == '\n' || r == '\t' {
			run = 0
		} else if run++; run > long {
			return true
		}
	}
	return false
}
