package render

import (
	"fmt"
	"math"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/kepdev/kep/plan"
	"github.com/kepdev/kep/plan/check"
	"github.com/kepdev/kep/plan/figures"
	"github.com/kepdev/kep/render/theme"
)

// Options are the inputs of Build that are not in the plan.
type Options struct {
	// Now is the document date (cover, footer, overdue actions); the zero value means
	// 1970-01-01 UTC so that output never depends on the clock by accident. Callers pass
	// SOURCE_DATE_EPOCH or the plan file's modification time.
	Now time.Time
	// KepVersion names the generator in the appendix ("1.0.0").
	KepVersion string
	// Changes, when not nil, adds an appendix section listing the changes against an
	// earlier version of the plan (kep render --since REV).
	Changes *Changes
	// Previous, when not nil, is the plan of the previous period of the same account
	// (kep render --previous): the chapter "Rückblick" / "Review" after the summary and
	// the movement arrow in block 1. Its comparison is the figures' Review, made here
	// when the caller left it nil.
	Previous *plan.Plan
}

// Changes is the change list of the appendix "Änderungen" / "Changes".
type Changes struct {
	Since  string        // what the plan is compared with, e.g. "hansa-2026-approved"
	Groups []ChangeGroup // by building block, in document order; empty: no changes
}

// ChangeGroup lists the changes of one building block, already in words.
type ChangeGroup struct {
	Title string
	Items []string
}

// Build lays out a checked plan and its figures as a Document. p must have been loaded
// without errors; f are its figures (those check.Loader's Load returned with it, or
// check.Compute(p, opt.Now); nil: the latter). Build never changes either.
func Build(p *plan.Plan, f *figures.Figures, opt Options) (*Document, error) {
	if p == nil {
		return nil, fmt.Errorf("render: no plan")
	}
	if f == nil {
		f = check.Compute(p, opt.Now)
	}
	if opt.Previous != nil && f.Review == nil {
		withReview := *f // the caller's figures stay as they are
		withReview.Review = figures.CompareReview(opt.Previous, p, check.Compute(opt.Previous, opt.Now), f)
		f = &withReview
	}
	b := newBuilder(p, f, opt)
	return b.build(), nil
}

type builder struct {
	p   *plan.Plan
	f   *figures.Figures
	opt Options
	ws  *plan.Workspace
	L   Labels
	F   Format
	doc *Document
	// ids already used as anchors, for unique section ids
	ids map[string]int
	// names by id and the overdue actions, made on first use: a plan may have 10,000
	// contacts or actions, and looking each up by scanning the list is quadratic.
	teamNames, contactNames map[string]string
	overdue                 map[string]bool
}

func newBuilder(p *plan.Plan, f *figures.Figures, opt Options) *builder {
	ws := p.Workspace
	if ws == nil {
		ws = plan.DefaultWorkspace()
	}
	return &builder{p: p, f: f, opt: opt, ws: ws, L: LabelsFor(p.Lang), F: NewFormat(p.Lang, p.Currency), ids: map[string]int{}}
}

func (b *builder) t(key string) string            { return b.L.T(key) }
func (b *builder) tf(key string, a ...any) string { return fmt.Sprintf(b.L.T(key), a...) }
func (b *builder) enum(kind, value string) string { return b.L.Enum(kind, value) }
func (b *builder) money(v float64) string         { return b.F.Money(v) }
func (b *builder) pct(v float64) string           { return b.F.Percent(v) }
func (b *builder) date(d *plan.Date) string       { return b.F.DatePtr(d) }
func (b *builder) pctPtr(p *float64) string       { return b.F.PercentPtr(p) }
func (b *builder) moneyPtr(p *float64) string     { return b.F.MoneyPtr(p) }
func (b *builder) pointsPtr(p *float64) string {
	if p == nil {
		return "–"
	}
	return b.F.Decimal(*p, 1)
}

func (b *builder) build() *Document {
	p, L := b.p, b.L
	now := b.opt.Now
	if now.IsZero() {
		now = time.Unix(0, 0)
	}
	now = now.UTC()
	today := plan.DateOf(now)
	title := p.Meta.Title
	if title == "" {
		title = b.tf("doc.title", p.Meta.Account)
	}
	status := p.Meta.Status
	if status == "" {
		status = "draft"
	}
	conf := p.Meta.Confidentiality
	if conf == "" {
		conf = "confidential"
	}
	paper := p.Brand.Paper
	if !strings.EqualFold(paper, "letter") {
		paper = "A4"
	} else {
		paper = "letter"
	}
	gen := "kep"
	if b.opt.KepVersion != "" {
		gen += " " + b.opt.KepVersion
	}
	d := &Document{
		Lang: L.Lang, Labels: L, Format: b.F,
		Title: title, Account: p.Meta.Account, Company: p.Brand.Company, Owner: p.Meta.Owner,
		Confidentiality: b.enum("confidentiality", conf),
		Version:         p.Meta.Version,
		Status:          b.enum("status", status), StatusKey: status,
		Period: b.F.Period(p.Meta.From, p.Meta.To),
		Date:   b.F.Date(today), DateISO: today.String(), Now: now,
		Primary: theme.ParseOr(p.Brand.Primary, theme.DefaultPrimary).Hex(), Accent: theme.ParseOr(p.Brand.Accent, theme.DefaultAccent).Hex(),
		Paper: paper, Logo: p.Brand.LogoData, LogoType: p.Brand.LogoType,
		Font: p.Brand.FontData, FontBold: p.Brand.FontBoldData,
		FontItalic: p.Brand.FontItalicData, FontBoldItalic: p.Brand.FontBoldItalicData,
		FontFallback: p.Brand.FontFallbackData,
		Footer:       p.Brand.Footer, Generator: gen,
	}
	for _, k := range []string{p.Meta.Account, p.Brand.Company, L.T("doc.keyword")} {
		if strings.TrimSpace(k) != "" {
			d.Keywords = append(d.Keywords, k)
		}
	}
	b.doc = d
	d.Cover = b.cover()

	d.Sections = append(d.Sections, b.summary())
	d.Sections = append(d.Sections, &Section{ID: "contents", Title: L.T("sec.contents"), Level: 1, TOC: true, NewPage: b.chapterPage()})
	if rv := b.review(); rv != nil {
		d.Sections = append(d.Sections, rv)
	}
	blocks := []func(*Section){b.block1, b.block2, b.block3, b.block4, b.block5, b.block6, b.block7}
	n := 0
	next := func(id, key string) *Section {
		n++
		s := &Section{ID: id, Number: strconv.Itoa(n), Title: L.T(key), Level: 1, NewPage: b.chapterPage()}
		d.Sections = append(d.Sections, s)
		return s
	}
	for i, fill := range blocks {
		s := next("b"+strconv.Itoa(i+1), "sec.b"+strconv.Itoa(i+1))
		if !b.f.Blocks[i] {
			s.Blocks = append(s.Blocks, &Note{Text: L.T("doc.empty")})
		} else {
			fill(s)
		}
		if i == 1 {
			b.pipeline(s) // opportunities serve block 2's revenue objectives (A5)
		}
	}
	b.actions(next("actions", "sec.actions"))
	b.askChapter(next("asks", "sec.asks"))
	b.checklists(next("checklists", "sec.checklists"))
	b.reviews(next("reviews", "sec.reviews"))
	if b.opt.Changes != nil {
		b.changes(next("changes", "sec.changes"))
	}
	b.appendix(next("appendix", "sec.appendix"))
	return d
}

// chapterPage reports whether chapters start a new page in print ([brand] chapter_breaks
// = "page"); by default they run on, each after a gap, to save paper.
func (b *builder) chapterPage() bool { return b.p.Brand.ChapterBreaks == "page" }

// sub adds a numbered subsection to s.
func (b *builder) sub(s *Section, id, title string) *Section {
	c := &Section{ID: b.uniqueID(s.ID + "-" + id), Number: s.Number + "." + strconv.Itoa(len(s.Sections)+1), Title: title, Level: s.Level + 1}
	s.Sections = append(s.Sections, c)
	return c
}

func (b *builder) uniqueID(id string) string {
	b.ids[id]++
	if n := b.ids[id]; n > 1 {
		return id + "-" + strconv.Itoa(n)
	}
	return id
}

func (b *builder) cover() []Fact {
	p, L := b.p, b.L
	var fs []Fact
	add := func(key, v string) {
		if strings.TrimSpace(v) != "" {
			fs = append(fs, Fact{Label: L.T(key), Value: v})
		}
	}
	add(b.prospectKey("cover.account"), p.Meta.Account) // "Potenzieller Key Account" (A2)
	add("cover.company", p.Brand.Company)
	add("cover.period", b.doc.Period)
	add("cover.version", p.Meta.Version)
	add("cover.status", b.doc.Status)
	add("cover.owner", p.Meta.Owner)
	if p.Meta.ApprovedBy != "" {
		add("cover.approved", strings.TrimSpace(p.Meta.ApprovedBy+", "+b.F.DatePtr(p.Meta.ApprovedOn)))
	}
	add("cover.date", b.doc.Date)
	add("cover.confidential", b.doc.Confidentiality)
	return fs
}

// ---------------------------------------------------------------- summary

func (b *builder) summary() *Section {
	p, f, L := b.p, b.f, b.L
	s := &Section{ID: "summary", Title: L.T("sec.summary"), Level: 1, NewPage: true, OnePage: true}
	facts := &Facts{Items: []Fact{
		{Label: L.T(b.prospectKey("sum.account")), Value: p.Meta.Account},
		{Label: L.T("sum.period"), Value: b.doc.Period},
	}}
	if p.Meta.Version != "" {
		facts.Items = append(facts.Items, Fact{Label: L.T("sum.version"), Value: p.Meta.Version})
	}
	facts.Items = append(facts.Items, Fact{Label: L.T("sum.status"), Value: b.doc.Status})
	s.Blocks = append(s.Blocks, facts)

	// Key figures as tiles.
	var tiles []Tile
	if sf := f.Selection; sf != nil {
		if sf.KeyAccount != nil {
			// Building block 1's verdict (A3): a class C account is no key account.
			t := Tile{Label: L.T(b.prospectKey("sum.keyaccount")), Value: L.T("b1.verdict.yes")}
			if !*sf.KeyAccount {
				t.Value, t.Light = b.tf("b1.verdict.no", sf.Class), Amber
			}
			tiles = append(tiles, t)
		}
		if sf.Class != "" {
			tiles = append(tiles, Tile{Label: L.T("sum.class"), Value: sf.Class, Sub: b.enum("qshort", sf.Quadrant)})
		}
		if sf.Attractiveness != nil {
			tiles = append(tiles, Tile{Label: L.T("sum.attractiveness"), Value: b.F.Decimal(*sf.Attractiveness, 1)})
		}
		if sf.Position != nil {
			tiles = append(tiles, Tile{Label: L.T("sum.position"), Value: b.F.Decimal(*sf.Position, 1)})
		}
	}
	if sel := p.Selection; sel != nil && sel.Revenue > 0 {
		tiles = append(tiles, Tile{Label: L.T(b.prospectKey("sum.revenue")), Value: b.F.MoneyCompact(sel.Revenue)})
	}
	if sf := f.Selection; sf != nil {
		if sf.MarginRate != nil {
			tiles = append(tiles, Tile{Label: L.T("sum.margin_rate"), Value: b.pct(*sf.MarginRate)})
		}
		if sf.VisitCostRevenuePct != nil {
			tiles = append(tiles, Tile{Label: L.T(b.prospectKey("sum.visit_ratio")), Value: b.F.Percent(round2(*sf.VisitCostRevenuePct))})
		}
	}
	if sc := f.Scorecard; sc != nil && sc.Total != nil {
		if sc.StartingPoint {
			// No actual yet: the figure is where the account starts, not a result (A4).
			tiles = append(tiles, Tile{Label: L.T("sum.scorecard"), Value: b.pct(*sc.Total), Sub: L.T("b2.start")})
		} else {
			l := Light(figures.Light(*sc.Total))
			tiles = append(tiles, Tile{Label: L.T("sum.scorecard"), Value: b.pct(*sc.Total), Sub: L.Enum("light", string(l)), Light: l})
		}
	}
	if pf := f.Pipeline; pf != nil {
		tiles = append(tiles, Tile{Label: L.T("sum.pipeline"), Value: b.F.MoneyCompact(tileRound(pf.Weighted))})
		if g := pf.Bridge.Gap; g != nil {
			t := Tile{Label: L.T("sum.gap"), Value: b.F.MoneyCompact(tileRound(*g)), Sub: L.T("sum.gap.covered")}
			if *g > 0 {
				t.Light, t.Sub = Amber, L.T("sum.gap.open")
			}
			tiles = append(tiles, t)
		}
	}
	s.Blocks = append(s.Blocks, &Tiles{Items: tiles})
	s.Blocks = append(s.Blocks, b.reviewSummary()...) // --previous: last period in one line
	// The manager's own words first, then what kep derives.
	if strings.TrimSpace(p.Meta.Summary) != "" {
		s.Blocks = append(s.Blocks, &Heading{Text: L.T("sec.manager_summary")}, &Markdown{Source: p.Meta.Summary})
	}

	// Objectives in the red.
	if f.Scorecard != nil {
		s.Blocks = append(s.Blocks, &Heading{Text: L.T("sum.red")})
		var red []string
		for _, o := range b.objectivesInOrder() {
			of := f.Scorecard.Objectives[o.ID]
			if of != nil && of.Light == "red" {
				red = append(red, fmt.Sprintf("%s – %s: %s", o.ID, o.Objective, b.pct(of.Achievement)))
			}
		}
		switch {
		case len(red) == 0 && f.Scorecard.StartingPoint:
			s.Blocks = append(s.Blocks, &Paragraph{Text: L.T("sum.nored.start")})
		case len(red) == 0:
			s.Blocks = append(s.Blocks, &Paragraph{Text: L.T("sum.nored")})
		default:
			s.Blocks = append(s.Blocks, &List{Items: red})
		}
	}

	// Top pains: high impact first, at most three.
	if p.Account != nil && len(p.Account.Pains) > 0 {
		pains := append([]plan.Pain(nil), p.Account.Pains...)
		sort.SliceStable(pains, func(i, j int) bool { return levelRank(pains[i].Impact) < levelRank(pains[j].Impact) })
		if len(pains) > 3 {
			pains = pains[:3]
		}
		var items []string
		for _, pn := range pains {
			it := pn.Pain + " (" + b.enum("level", pn.Impact) + ")"
			if pn.Solution != "" {
				it += " → " + pn.Solution
			}
			items = append(items, it)
		}
		s.Blocks = append(s.Blocks, &Heading{Text: L.T("sum.pains")}, &List{Items: items})
	}

	// The value concept with the highest net value.
	if best, vf := b.bestValue(); vf != nil {
		s.Blocks = append(s.Blocks, &Heading{Text: L.T("sum.value")},
			&Paragraph{Text: b.tf("sum.value.line", best.Name, b.money(vf.NetTotal), b.pctPtr(vf.ROI), b.payback(vf.PaybackMonths))})
	}

	// Contacts of influence 3.
	var key [][]Cell
	for _, c := range p.Contacts {
		if c.Influence == 3 {
			key = append(key, []Cell{{Text: c.Name, Name: true}, {Text: joinNonEmpty(", ", c.Title, c.Department)}, {Text: b.enum("attitude", c.Attitude)}})
		}
	}
	if len(key) > 0 {
		// The summary is one page for management: a long list is cut, the full one is
		// in block 7.
		more := len(key) - maxKeyContacts
		if more > 0 {
			key = key[:maxKeyContacts]
		}
		// One line, not a table: the summary fits one page (block 7 has the table).
		names := make([]string, len(key))
		for i, r := range key {
			names[i] = joinNonEmpty(", ", r[0].Text, r[1].Text) + " (" + r[2].Text + ")"
		}
		text := strings.Join(names, L.Semicolon()) + "."
		if more > 0 {
			text += " " + b.tf("sum.more", more, L.T("sec.b7.contacts"))
		}
		s.Blocks = append(s.Blocks, &Heading{Text: L.T("sum.keycontacts")}, &Paragraph{Text: text})
	}

	// Next three open actions, by due date (chapter 8 has them all).
	if rows := b.nextActions(3); len(rows) > 0 {
		s.Blocks = append(s.Blocks, &Heading{Text: L.T("sum.nextactions")}, &Table{
			Caption: L.T("sum.nextactions"),
			Header:  []string{L.T("act.id"), L.T("act.action"), L.T("act.owner"), L.T("act.due")},
			Rows:    rows, Widths: []float64{1, 6, 3, 2}, Align: []Align{Left, Left, Left, Right},
		})
	}

	// What the KAM still needs from management (A6).
	if asks := b.openAsks(); len(asks) > 0 {
		s.Blocks = append(s.Blocks, &Heading{Text: L.T("sum.asks")}, &List{Items: asks})
	}

	s.Blocks = append(s.Blocks, b.completeness())
	return s
}

// completeness is one line: how many building blocks hold the account's data, and which
// are empty or still kep init's example (A9). A table of seven rows said no more.
func (b *builder) completeness() *Paragraph {
	f, L := b.f, b.L
	n := "sum.completeness.n"
	if f.Examples != [7]bool{} {
		n = "sum.completeness.nx" // shown with data, but not the account's own (A9)
	}
	text := L.T("sum.completeness") + L.Colon() + b.tf(n, f.Completeness)
	var empty, example []string
	for i, has := range f.Blocks {
		name := strconv.Itoa(i+1) + " " + L.T("sec.b"+strconv.Itoa(i+1))
		switch {
		case !has:
			empty = append(empty, name)
		case f.Examples[i]:
			example = append(example, name)
		}
	}
	if len(empty) > 0 {
		text += L.Semicolon() + L.T("sum.block.empty") + L.Colon() + strings.Join(empty, ", ")
	}
	if len(example) > 0 {
		text += L.Semicolon() + L.T("sum.block.example") + L.Colon() + strings.Join(example, ", ")
	}
	return &Paragraph{Text: text + "."}
}

// tileRound rounds an amount of hundreds of thousands to whole thousands, so that a tile
// reads "834 Tsd. €" and fits its box, as "2,4 Mio. €" does.
func tileRound(v float64) float64 {
	if a := math.Abs(v); a >= 1e5 && a < 1e6 {
		return math.Round(v/1e3) * 1e3
	}
	return v
}

// maxKeyContacts is how many contacts of influence 3 the summary lists.
const maxKeyContacts = 6

func round2(v float64) float64 { return math.Round(v*100) / 100 }

func levelRank(l string) int {
	switch l {
	case "high":
		return 0
	case "medium":
		return 1
	case "low":
		return 2
	}
	return 3
}

func joinNonEmpty(sep string, parts ...string) string {
	var out []string
	for _, s := range parts {
		if strings.TrimSpace(s) != "" {
			out = append(out, s)
		}
	}
	return strings.Join(out, sep)
}

func (b *builder) payback(m *float64) string {
	if m == nil {
		return "–"
	}
	return b.tf("b6.months", b.F.Decimal(*m, 1))
}

func (b *builder) bestValue() (plan.ValueConcept, *figures.ValueFigures) {
	var best plan.ValueConcept
	var bf *figures.ValueFigures
	for _, v := range b.p.Value {
		vf := b.f.Value[v.ID]
		if vf != nil && (bf == nil || vf.NetTotal > bf.NetTotal) {
			best, bf = v, vf
		}
	}
	return best, bf
}

// objectivesInOrder returns the objectives grouped by perspective in document order,
// keeping the plan's order within a perspective.
func (b *builder) objectivesInOrder() []plan.Objective {
	var out []plan.Objective
	for _, per := range plan.Perspectives {
		for _, o := range b.p.Scorecard.Objectives {
			if o.Perspective == per {
				out = append(out, o)
			}
		}
	}
	return out
}

func (b *builder) teamName(id string) string {
	if b.teamNames == nil {
		b.teamNames = make(map[string]string, len(b.p.Team))
		for _, t := range slices.Backward(b.p.Team) { // the first of a duplicate id wins
			b.teamNames[t.ID] = t.Name
		}
	}
	if n, ok := b.teamNames[id]; ok {
		return n
	}
	return id
}

func (b *builder) contactName(id string) string {
	if b.contactNames == nil {
		b.contactNames = make(map[string]string, len(b.p.Contacts))
		for _, c := range slices.Backward(b.p.Contacts) {
			b.contactNames[c.ID] = c.Name
		}
	}
	if n, ok := b.contactNames[id]; ok {
		return n
	}
	return id
}

func (b *builder) nextActions(max int) [][]Cell {
	var open []plan.Action
	for _, a := range b.p.Actions {
		st := a.Status
		if st == "" || st == "open" || st == "doing" {
			open = append(open, a)
		}
	}
	sort.SliceStable(open, func(i, j int) bool {
		di, dj := open[i].Due, open[j].Due
		if di == nil || dj == nil {
			return di != nil
		}
		return di.Before(*dj)
	})
	if len(open) > max {
		open = open[:max]
	}
	var rows [][]Cell
	for _, a := range open {
		rows = append(rows, []Cell{{Text: a.ID}, {Text: a.Action}, {Text: b.teamName(a.Owner), Name: true}, b.dueCell(a)})
	}
	return rows
}

// dueCell shows an open action's due date, marked red with a word when it is overdue.
func (b *builder) dueCell(a plan.Action) Cell {
	c := Cell{Text: b.date(a.Due)}
	if b.overdue == nil && b.f.Actions != nil {
		b.overdue = make(map[string]bool, len(b.f.Actions.OverdueIDs))
		for _, id := range b.f.Actions.OverdueIDs {
			b.overdue[id] = true
		}
	}
	if b.overdue[a.ID] {
		c.Light = Red
		c.Text += " (" + strings.ToLower(b.t("act.overdue")) + ")"
	}
	return c
}
