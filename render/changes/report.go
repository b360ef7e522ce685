package changes

import (
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/kepdev/kep/locale"
	"github.com/kepdev/kep/plan"
	"github.com/kepdev/kep/render"
)

// Section is the changes of one part of the plan, titled as in the plan document.
type Section struct {
	Block   Block
	Number  string // the section number of the plan document ("2"); "" for plan, brand, figures
	Title   string
	Changes []Change
}

// Heading is Number and Title joined.
func (s Section) Heading() string {
	if s.Number == "" {
		return s.Title
	}
	return s.Number + " " + s.Title
}

// Group sorts changes into sections by block, in document order, keeping the order of
// the changes within a block. Blocks without changes are left out. lang is the language
// of the titles.
func Group(cs []Change, lang string) []Section {
	l := render.LabelsFor(lang)
	w := words{l.Locale()}
	by := make([][]Change, numBlocks)
	for _, c := range cs {
		if c.Block >= 0 && c.Block < numBlocks {
			by[c.Block] = append(by[c.Block], c)
		}
	}
	var out []Section
	for b := Block(0); b < numBlocks; b++ {
		if len(by[b]) == 0 {
			continue
		}
		num, title := blockTitle(b, l, w)
		out = append(out, Section{Block: b, Number: num, Title: title, Changes: by[b]})
	}
	return out
}

// blockTitle names a block as the plan document does: building blocks 1–7, then action
// plan (8), management asks (9), checklists (10) and reviews (11).
func blockTitle(b Block, l render.Labels, w words) (number, title string) {
	switch b {
	case Plan:
		return "", w.Phrase("block.plan")
	case Brand:
		return "", w.Phrase("block.brand")
	case Actions:
		return "8", l.T("sec.actions")
	case Asks:
		return "9", l.T("sec.asks")
	case Checklists:
		return "10", l.T("sec.checklists")
	case Reviews:
		return "11", l.T("sec.reviews")
	case Figures:
		return "", w.Phrase("block.figures")
	}
	n := strconv.Itoa(int(b - Selection + 1))
	return n, l.T("sec.b" + n)
}

// Versions names the two compared versions for the reader: a file name, with the
// revision where it came from git ("accounts/hansa.toml (HEAD)").
type Versions struct {
	Old, New string
}

// Title is the report's title: "Änderungen: Kundenentwicklungsplan …".
func Title(p *plan.Plan) string {
	l := render.LabelsFor(p.Lang)
	t := p.Meta.Title
	if strings.TrimSpace(t) == "" {
		t = plan.DefaultTitle(l.Lang, p.Meta.Account)
	}
	return l.T("sec.changes") + ": " + oneLine(t)
}

// WriteText prints the change list for a terminal: a title, the two versions, then the
// changes under a heading per block; "Keine Änderungen." when there are none.
func WriteText(w io.Writer, title string, v Versions, secs []Section, lang string) error {
	wd := words{locale.Get(lang)}
	var b strings.Builder
	b.WriteString(title + "\n")
	if v.Old != "" || v.New != "" {
		fmt.Fprintf(&b, "%s: %s\n%s: %s\n", wd.Phrase("text.old"), v.Old, wd.Phrase("text.new"), v.New)
	}
	if len(secs) == 0 {
		b.WriteString("\n" + wd.Phrase("nochange") + "\n")
	}
	for _, s := range secs {
		b.WriteString("\n" + s.Heading() + "\n")
		for _, c := range s.Changes {
			b.WriteString("  - " + c.Text + "\n")
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// Appendix is the change list for the appendix "Änderungen" of the plan document
// (render.Options.Changes, `kep render --since REV`).
func Appendix(cs []Change, lang, since string) *render.Changes {
	out := &render.Changes{Since: since, Groups: []render.ChangeGroup{}}
	for _, s := range Group(cs, lang) {
		g := render.ChangeGroup{Title: s.Heading()}
		for _, c := range s.Changes {
			g.Items = append(g.Items, c.Text)
		}
		out.Groups = append(out.Groups, g)
	}
	return out
}

// ReportOptions are the inputs of the change report that are not in the plans.
type ReportOptions struct {
	Now        time.Time // the document date; zero: 1970-01-01, never the clock
	KepVersion string
	Versions   Versions
}

// Report lays the change list out as a render.Document with the new plan's brand, so that
// the HTML and PDF writers print it styled like the plan: an overview, then one section
// per block with the same sentences as the text.
func Report(p *plan.Plan, cs []Change, opt ReportOptions) *render.Document {
	doc := reportFrame(p, opt)
	w := words{locale.Get(doc.Lang)}
	oldL, newL := w.Phrase("report.old"), w.Phrase("report.new")
	doc.Cover = []render.Fact{
		{Label: doc.Labels.T("cover.account"), Value: p.Meta.Account},
		{Label: oldL, Value: opt.Versions.Old},
		{Label: newL, Value: opt.Versions.New},
		{Label: doc.Labels.T("cover.period"), Value: doc.Period},
		{Label: doc.Labels.T("cover.date"), Value: doc.Date},
		{Label: doc.Labels.T("cover.confidential"), Value: doc.Confidentiality},
	}
	var count [3]int // by Kind, typed changes only
	for _, c := range cs {
		if c.Block != Figures && c.Kind >= 0 && int(c.Kind) < len(count) {
			count[c.Kind]++
		}
	}
	overview := &render.Section{ID: "overview", Title: w.Phrase("report.overview"), Level: 1}
	overview.Blocks = append(overview.Blocks, &render.Facts{Items: []render.Fact{
		{Label: oldL, Value: opt.Versions.Old},
		{Label: newL, Value: opt.Versions.New},
		{Label: w.Phrase("report.added"), Value: doc.Format.Int(count[Added])},
		{Label: w.Phrase("report.removed"), Value: doc.Format.Int(count[Removed])},
		{Label: w.Phrase("report.modified"), Value: doc.Format.Int(count[Modified])},
	}})
	secs := Group(cs, doc.Lang)
	if len(secs) == 0 {
		overview.Blocks = append(overview.Blocks, &render.Note{Text: w.Phrase("nochange")})
	}
	doc.Sections = append(doc.Sections, overview)
	for _, s := range secs {
		items := make([]string, len(s.Changes))
		for i, c := range s.Changes {
			items[i] = c.Text
		}
		doc.Sections = append(doc.Sections, &render.Section{ID: "changes-" + blockID(s.Block), Number: s.Number,
			Title: s.Title, Level: 1, Blocks: []render.Block{&render.List{Items: items}}})
	}
	return doc
}

// reportFrame is the document frame of the report: title, brand, date and the plan's
// facts, as render.Build makes them for the plan itself.
func reportFrame(p *plan.Plan, opt ReportOptions) *render.Document {
	l := render.LabelsFor(p.Lang)
	f := render.NewFormat(l.Lang, p.Currency)
	// A zero date is 1970-01-01 as in plan documents: output never depends on the clock.
	now := opt.Now
	if now.IsZero() {
		now = time.Unix(0, 0)
	}
	now = now.UTC()
	brand := p.Brand
	paper := "A4"
	if strings.EqualFold(brand.Paper, "letter") {
		paper = "letter"
	}
	status := or(p.Meta.Status, "draft")
	return &render.Document{
		Lang: l.Lang, Labels: l, Format: f,
		Title:           Title(p),
		Account:         p.Meta.Account,
		Company:         brand.Company,
		Owner:           p.Meta.Owner,
		Confidentiality: l.Enum("confidentiality", or(p.Meta.Confidentiality, "confidential")),
		Version:         p.Meta.Version,
		Status:          l.Enum("status", status), StatusKey: status,
		Period:  f.Period(p.Meta.From, p.Meta.To),
		Date:    f.Date(plan.DateOf(now)),
		DateISO: plan.DateOf(now).String(),
		Now:     now,
		Primary: or(brand.Primary, plan.DefaultPrimary), Accent: or(brand.Accent, plan.DefaultAccent),
		Paper: paper, Logo: brand.LogoData, LogoType: brand.LogoType,
		Font: brand.FontData, FontBold: brand.FontBoldData,
		FontItalic: brand.FontItalicData, FontBoldItalic: brand.FontBoldItalicData,
		FontFallback: brand.FontFallbackData,
		Footer:       brand.Footer,
		Generator:    strings.TrimSpace("kep " + opt.KepVersion),
		Keywords:     []string{p.Meta.Account, l.T("sec.changes")},
	}
}

// blockID is a stable anchor name of a block.
func blockID(b Block) string {
	switch b {
	case Plan:
		return "plan"
	case Brand:
		return "brand"
	case Actions:
		return "actions"
	case Asks:
		return "asks"
	case Checklists:
		return "checklists"
	case Reviews:
		return "reviews"
	case Figures:
		return "figures"
	}
	return "b" + strconv.Itoa(int(b-Selection+1))
}
