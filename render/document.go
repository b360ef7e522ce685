package render

import (
	"sync"
	"time"

	"github.com/yuin/goldmark/ast"

	"github.com/kepdev/kep/charts"
	"github.com/kepdev/kep/render/fonts"
	"github.com/kepdev/kep/render/hyph"
	"github.com/kepdev/kep/render/theme"
)

// Document is a plan laid out as ordered sections of typed blocks, built once by Build
// and written by the HTML and the PDF writer. Every string in it is plain text (already
// localised and formatted) except Markdown blocks, which hold Markdown source that the
// writers render from one parsed tree (Markdown.Tree). Nothing in it is HTML or PDF
// specific.
type Document struct {
	Lang   string // "de" or "en": the <html lang>, hyphenation, labels
	Labels Labels // the document language's words (page, contents, chart data …)
	Format Format // number, money, percent and date formats of the language

	Title           string // "Kundenentwicklungsplan Hansa Werke"
	Account         string
	Company         string // our company (brand), may be ""
	Owner           string // the key account manager, may be ""
	Confidentiality string // label, e.g. "Vertraulich"; printed on every page
	Version         string // plan version as written, may be ""
	Status          string // label of the plan status ("Entwurf")
	StatusKey       string // draft | review | approved
	Period          string // formatted plan period
	Date            string // formatted document date
	DateISO         string // the document date as 2027-03-15 (for metadata)
	Now             time.Time

	Primary, Accent string // brand colours "#rrggbb"
	Paper           string // "A4" or "letter"
	Logo            []byte // PNG or JPEG bytes, nil without a logo
	LogoType        string // "png" or "jpeg"
	Font, FontBold  []byte // the brand's TrueType fonts; nil: the built-in font
	FontFallback    []byte // the brand's face for the scripts its text faces lack; nil: none
	// FontItalic, FontBoldItalic: the brand's italic faces; nil: its upright faces slanted
	FontItalic, FontBoldItalic []byte
	Footer                     string // extra footer text from the brand, may be ""
	Generator                  string // "kep 1.2.0"
	Keywords                   []string

	// Cover holds the facts printed on the cover page, in order.
	Cover []Fact
	// Sections are the top-level sections after the cover, in document order: summary,
	// contents, the seven building blocks, actions, checklists, reviews, appendix. The
	// contents section has no blocks: each writer fills it from Sections (TOC true).
	Sections []*Section
}

// Section is a numbered part of the document with its blocks and subsections.
type Section struct {
	ID       string // stable anchor, unique in the document: "b1", "b1-visits", "summary"
	Number   string // "2", "2.1"; "" for unnumbered sections (summary, contents)
	Title    string
	Level    int  // 1 for top-level sections, 2 for subsections, 3 below
	TOC      bool // the section where the table of contents goes (no blocks of its own)
	NewPage  bool // start on a new page in print (top-level sections)
	Blocks   []Block
	Sections []*Section

	// OnePage: in print the section keeps to one page; a small heading with its block
	// that does not fit is left out and named in a closing line (the summary, whose
	// lists the chapters hold in full).
	OnePage bool
}

// Heading is Number and Title joined for headings and the table of contents.
func (s *Section) Heading() string {
	if s.Number == "" {
		return s.Title
	}
	return s.Number + " " + s.Title
}

// Block is one piece of content of a section. The concrete types are Paragraph, Markdown,
// Facts, Table, List, Chart, Note, SWOT, Tiles and Heading; writers switch on the type.
type Block interface{ block() }

// Paragraph is one paragraph of plain text.
type Paragraph struct{ Text string }

// Markdown is Markdown source from the plan (summary, strategy, descriptions, notes).
// Writers render its Tree, which has no raw HTML and no unsafe links (ParseMarkdown).
type Markdown struct {
	Source string

	once sync.Once
	tree ast.Node
	src  []byte
}

// Tree returns Source parsed and made safe (ParseMarkdown) with the bytes its nodes
// refer to. It is parsed once, at the first writer's first look, and shared by the
// document's writers, which run side by side: they must not change it. Parsing it once
// per writer (and again for the PDF's height measures) was 1.3 % of a hansa render's
// CPU (perf, issue 19).
func (m *Markdown) Tree() (ast.Node, []byte) {
	m.once.Do(func() {
		m.src = []byte(m.Source)
		m.tree = ParseMarkdown(m.src)
	})
	return m.tree, m.src
}

// Fact is one label/value pair.
type Fact struct {
	Label string
	Value string
	Light Light // optional traffic light of the value
	Link  string
}

// Facts is a list of label/value pairs (a definition list).
type Facts struct {
	Title string // optional small heading
	Items []Fact
}

// Align is the horizontal alignment of a table column.
type Align int

// Column alignments; numbers are right-aligned.
const (
	Left Align = iota
	Right
	Center
)

// Light is a traffic light. Writers never show it by colour alone: they draw its Symbol
// and the cell's text (or the light's label) beside the colour.
type Light string

// The three lights; "" means none.
const (
	Green Light = "green"
	Amber Light = "amber"
	Red   Light = "red"
)

// Symbol is a shape that tells the lights apart without colour.
func (l Light) Symbol() string {
	switch l {
	case Green:
		return "●"
	case Amber:
		return "▲"
	case Red:
		return "■"
	}
	return ""
}

// Color is the light's colour, dark enough for text on white (WCAG AA).
func (l Light) Color() string {
	switch l {
	case Green:
		return "#1b7a3a"
	case Amber:
		return "#9a6200"
	case Red:
		return "#b42318"
	}
	return ""
}

// Cell is one table cell.
type Cell struct {
	Text   string
	Light  Light  // a traffic light drawn before Text
	Strong bool   // bold (totals, key figures)
	Muted  bool   // de-emphasised (a derived starting point, "not given")
	Link   string // an http(s) or mailto URL, already checked with SafeURL
	// Name: the cell is a person's or an organisation's name (a contact, a team member,
	// an account, a competitor), which is never hyphenated.
	Name bool
}

// Table is a table with one header row. RowHeader marks the first column as the row's
// header (th scope=row in HTML).
type Table struct {
	Caption   string
	Header    []string
	Align     []Align   // per column; missing columns are Left
	Widths    []float64 // relative column widths; nil: the writer decides
	Rows      [][]Cell
	Foot      [][]Cell // total rows, printed after the body
	RowHeader bool
}

// List is a list of plain-text items.
type List struct {
	Title   string // optional small heading
	Items   []string
	Ordered bool
}

// Chart is a chart with its text alternative and its data as a table.
type Chart struct {
	Kind  string       // radar | polarity | portfolio | competences | history | swot | value | relationship
	Model charts.Chart // what charts.SVG and charts.PDF draw
	Title string
	Alt   string // one or two sentences that say what the chart shows
	Data  *Table // the chart's numbers, for readers who cannot see it; may be nil
	// DataAbove, when not empty, is the caption of the table just above the chart that
	// already prints every number of Data: the PDF then points to it instead of printing
	// the same numbers again (the HTML keeps Data folded away, the alt text has them too).
	DataAbove string
	// Width and Height are the chart's design size in points; writers scale it to fit.
	Width, Height int
}

// NoteKind tells writers how to present a note.
type NoteKind int

// Kinds of notes.
const (
	NoteInfo    NoteKind = iota // a block or chart left out
	NoteWarning                 // a validation warning worth seeing in the document
)

// Note is a short remark: a block left empty, a chart without data.
type Note struct {
	Text string
	Kind NoteKind
}

// SWOT is the 2 × 2 SWOT grid; quadrants in the order strengths, weaknesses,
// opportunities, threats (reading order of the grid).
type SWOT struct {
	Quadrants [4]SWOTQuadrant
}

// SWOTQuadrant is one field of the SWOT grid.
type SWOTQuadrant struct {
	Key   string // strengths | weaknesses | opportunities | threats
	Title string
	Items []string
}

// Tile is one key figure on the summary: a big value with a label under it.
type Tile struct {
	Label string
	Value string
	Sub   string // optional second line ("Klasse A", "Star")
	Light Light
}

// Tiles is a row of key figures.
type Tiles struct{ Items []Tile }

// Heading is a small unnumbered heading inside a section (not in the contents), e.g. the
// name of a value concept's calculation.
type Heading struct{ Text string }

func (*Paragraph) block() {}
func (*Markdown) block()  {}
func (*Facts) block()     {}
func (*Table) block()     {}
func (*List) block()      {}
func (*Chart) block()     {}
func (*Note) block()      {}
func (*SWOT) block()      {}
func (*Tiles) block()     {}
func (*Heading) block()   {}

// Walk calls fn for every section in document order, depth first.
func (d *Document) Walk(fn func(s *Section)) {
	var walk func([]*Section)
	walk = func(ss []*Section) {
		for _, s := range ss {
			fn(s)
			walk(s.Sections)
		}
	}
	walk(d.Sections)
}

// Theme resolves the document's brand once for both writers and the charts: colours and
// their text-safe variants, running header and footer, chart size and chart number
// formats. It is a pure function of the document.
func (d *Document) Theme() theme.Theme {
	version := ""
	if d.Version != "" {
		version = d.Labels.T("cover.version") + " " + d.Version
	}
	return theme.New(theme.Brand{
		Primary: d.Primary, Accent: d.Accent,
		Account: d.Account, Title: d.Title, Version: version, Status: d.Status,
		Confidentiality: d.Confidentiality, Company: d.Company, Footer: d.Footer,
		Number: d.Format.Compact, Money: d.Format.MoneyCompact,
	})
}

// ChartTheme is the charts.Theme of the document: its Theme's colours and number
// formats, the hyphenation of its language, the brand font where the workspace gives
// one (family "Brand", else the built-in text face, fonts.Family), whose bytes the SVG
// charts measure with. The PDF writer sets Clean (and may rename the family to the one
// it registered); the HTML writer provides the family with @font-face.
func (d *Document) ChartTheme() charts.Theme {
	th := d.Theme()
	t := charts.Theme{Primary: th.Primary.Hex(), Accent: th.Accent.Hex(), FontFamily: fonts.Family,
		Regular: fonts.Regular(), Bold: fonts.Bold(), Format: th.Number, Money: th.Money}
	if h := hyph.For(d.Lang); h != nil {
		t.Hyphenate = h.Points
	}
	if len(d.Font) > 0 {
		t.FontFamily, t.Regular, t.Bold = "Brand", d.Font, d.FontBold
		if len(t.Bold) == 0 {
			t.Bold = d.Font
		}
	}
	return t
}
