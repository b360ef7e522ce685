package edition

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/kepdev/kep/plan"
	"github.com/kepdev/kep/plan/load"
	"github.com/kepdev/kep/render"
)

// Options are the inputs of Customer that are not in the plan.
type Options struct {
	// Now is the document date; zero: 1970-01-01 UTC, never the clock.
	Now time.Time
	// KepVersion names the generator ("1.0.0").
	KepVersion string
}

// Customer lays out the customer edition of a plan as a render.Document, which the HTML
// and PDF writers write like the full document. It takes the full plan only to hand it
// to plan.CustomerPlan at once: every line below reads the customer plan, which holds
// nothing internal, so no section added here later can leak what the copy left out.
func Customer(full *plan.Plan, opt Options) (*render.Document, *plan.Plan, error) {
	if full == nil {
		return nil, nil, fmt.Errorf("edition: no plan")
	}
	p := load.CustomerPlan(full)
	return build(p, opt), p, nil
}

type builder struct {
	p   *plan.Plan
	L   render.Labels
	W   Words
	F   render.Format
	doc *render.Document
	n   int
}

func build(p *plan.Plan, opt Options) *render.Document {
	b := &builder{p: p, L: render.LabelsFor(p.Lang), W: WordsFor(p.Lang), F: render.NewFormat(p.Lang, p.Currency)}
	now := opt.Now
	if now.IsZero() {
		now = time.Unix(0, 0)
	}
	now = now.UTC()
	today := plan.DateOf(now)
	paper := "A4"
	if strings.EqualFold(p.Brand.Paper, "letter") {
		paper = "letter"
	}
	gen := "kep"
	if opt.KepVersion != "" {
		gen += " " + opt.KepVersion
	}
	W := b.W
	d := &render.Document{
		Lang: b.L.Lang, Labels: b.L, Format: b.F,
		Title: W.F("cust.title", p.Meta.Account), Account: p.Meta.Account, Company: p.Brand.Company,
		Owner: p.Meta.Owner,
		// The footer of every page says whom the document is for, where the full
		// document prints its confidentiality.
		Confidentiality: W.F("cust.forline", p.Meta.Account),
		Version:         p.Meta.Version,
		Status:          W.T("cust.edition"), StatusKey: "customer",
		Period: b.F.Period(p.Meta.From, p.Meta.To),
		Date:   b.F.Date(today), DateISO: today.String(), Now: now,
		Primary: colorOr(p.Brand.Primary, "#1f4e79"), Accent: colorOr(p.Brand.Accent, "#c8702a"),
		Paper: paper, Logo: p.Brand.LogoData, LogoType: p.Brand.LogoType,
		Font: p.Brand.FontData, FontBold: p.Brand.FontBoldData,
		FontItalic: p.Brand.FontItalicData, FontBoldItalic: p.Brand.FontBoldItalicData,
		FontFallback: p.Brand.FontFallbackData,
		Footer:       p.Brand.Footer, Generator: gen,
	}
	for _, k := range []string{p.Meta.Account, p.Brand.Company, W.T("cust.keyword")} {
		if strings.TrimSpace(k) != "" {
			d.Keywords = append(d.Keywords, k)
		}
	}
	b.doc = d
	add := func(key string, v string) {
		if strings.TrimSpace(v) != "" {
			d.Cover = append(d.Cover, render.Fact{Label: W.T(key), Value: v})
		}
	}
	add("cust.for", p.Meta.Account)
	add("cust.from", p.Brand.Company)
	d.Cover = append(d.Cover, render.Fact{Label: b.L.T("cover.period"), Value: d.Period})
	if p.Meta.Version != "" {
		d.Cover = append(d.Cover, render.Fact{Label: b.L.T("cover.version"), Value: p.Meta.Version})
	}
	add("cust.kam", p.Meta.Owner)
	d.Cover = append(d.Cover, render.Fact{Label: b.L.T("cover.date"), Value: d.Date})

	d.Sections = append(d.Sections, &render.Section{ID: "contents", Title: b.L.T("sec.contents"), Level: 1, TOC: true, NewPage: true})
	for _, s := range []*render.Section{b.account(), b.goals(), b.offer(), b.value(), b.strengths(), b.people(), b.actions(), b.reviews()} {
		if s != nil {
			d.Sections = append(d.Sections, s)
		}
	}
	return d
}

func colorOr(c, def string) string {
	if len(c) == 7 && c[0] == '#' {
		if _, err := strconv.ParseUint(c[1:], 16, 32); err == nil {
			return strings.ToLower(c)
		}
	}
	return def
}

func orDash(s string) string {
	if strings.TrimSpace(s) == "" {
		return "–"
	}
	return s
}

// chapter starts a numbered chapter; sections without content are never made.
func (b *builder) chapter(id, title string) *render.Section {
	b.n++
	return &render.Section{ID: id, Number: strconv.Itoa(b.n), Title: title, Level: 1, NewPage: true}
}

func (b *builder) sub(s *render.Section, id, title string) *render.Section {
	c := &render.Section{ID: s.ID + "-" + id, Number: s.Number + "." + strconv.Itoa(len(s.Sections)+1), Title: title, Level: 2}
	s.Sections = append(s.Sections, c)
	return c
}

func (b *builder) account() *render.Section {
	a := b.p.Account
	if a == nil {
		return nil
	}
	L := b.L
	var facts []render.Fact
	fact := func(key, v string) {
		if strings.TrimSpace(v) != "" {
			facts = append(facts, render.Fact{Label: L.T(key), Value: v})
		}
	}
	fact("b4.industry", a.Industry)
	fact("b4.hq", a.Headquarters)
	if a.Employees != nil {
		fact("b4.employees", b.F.Int(*a.Employees))
	}
	if a.Revenue != nil {
		fact("b4.revenue", b.F.Money(*a.Revenue))
	}
	fact("b4.locations", strings.Join(a.Locations, ", "))
	if len(facts) == 0 && strings.TrimSpace(a.Strategy) == "" && strings.TrimSpace(a.Website) == "" {
		return nil
	}
	s := b.chapter("account", b.W.T("cust.account"))
	if len(facts) > 0 || a.Website != "" {
		f := &render.Facts{Items: facts}
		if a.Website != "" {
			link := ""
			if render.SafeURL(a.Website) {
				link = a.Website
			}
			f.Items = append(f.Items, render.Fact{Label: L.T("b4.website"), Value: a.Website, Link: link})
		}
		s.Blocks = append(s.Blocks, f)
	}
	if strings.TrimSpace(a.Strategy) != "" {
		ss := b.sub(s, "strategy", L.T("b4.strategy"))
		ss.Blocks = append(ss.Blocks, &render.Markdown{Source: a.Strategy})
	}
	return s
}

func (b *builder) goals() *render.Section {
	p, L, W := b.p, b.L, b.W
	var pains []plan.Pain
	var inits []plan.Initiative
	if p.Account != nil {
		pains, inits = p.Account.Pains, p.Account.Initiatives
	}
	if len(pains) == 0 && len(inits) == 0 && len(p.Goals) == 0 {
		return nil
	}
	s := b.chapter("goals", W.T("cust.goals"))
	if len(p.Goals) > 0 {
		g := b.sub(s, "joint", W.T("cust.joint"))
		var rows [][]render.Cell
		for _, x := range p.Goals {
			rows = append(rows, []render.Cell{{Text: x.AccountGoal}, {Text: x.OwnGoal}, {Text: orDash(x.Contribution)}})
		}
		g.Blocks = append(g.Blocks, &render.Table{Caption: W.T("cust.joint"),
			Header: []string{W.T("cust.yourgoal"), W.T("cust.ourgoal"), W.T("cust.contrib")},
			Widths: []float64{3, 3, 3}, Rows: rows, RowHeader: true})
	}
	if len(pains) > 0 {
		ps := b.sub(s, "pains", L.T("sec.b4.pains"))
		var rows [][]render.Cell
		for _, x := range pains {
			rows = append(rows, []render.Cell{{Text: x.Pain}, {Text: L.Enum("level", x.Impact)}, {Text: orDash(x.Solution)}})
		}
		ps.Blocks = append(ps.Blocks, &render.Table{Caption: L.T("sec.b4.pains"),
			Header: []string{L.T("b4.pain"), L.T("b4.impact"), W.T("cust.answer")},
			Widths: []float64{4, 1.3, 4}, Rows: rows, RowHeader: true})
	}
	if len(inits) > 0 {
		is := b.sub(s, "initiatives", W.T("cust.initiatives"))
		var rows [][]render.Cell
		for _, x := range inits {
			rows = append(rows, []render.Cell{{Text: x.Name}, {Text: orDash(x.Goal)}, {Text: b.F.DatePtr(x.Due)}})
		}
		is.Blocks = append(is.Blocks, &render.Table{Caption: W.T("cust.initiatives"),
			Header: []string{L.T("b4.initiative"), L.T("b4.goal"), L.T("b4.due")},
			Align:  []render.Align{render.Left, render.Left, render.Right},
			Widths: []float64{3, 4, 1.5}, Rows: rows, RowHeader: true})
	}
	return s
}

func (b *builder) offer() *render.Section {
	o := b.p.Offering
	if o == nil {
		return nil
	}
	L := b.L
	s := b.chapter("offer", b.W.T("cust.offer"))
	if strings.TrimSpace(o.Positioning) != "" {
		ps := b.sub(s, "positioning", L.T("sec.b3.positioning"))
		ps.Blocks = append(ps.Blocks, &render.Markdown{Source: o.Positioning})
	}
	if len(o.Packages) > 0 {
		ks := b.sub(s, "packages", L.T("sec.b3.packages"))
		var rows [][]render.Cell
		for _, pk := range o.Packages {
			rows = append(rows, []render.Cell{{Text: pk.Name}, {Text: orDash(strings.Join(pk.Components, ", "))}, {Text: orDash(pk.Benefit)}})
		}
		ks.Blocks = append(ks.Blocks, &render.Table{Caption: L.T("sec.b3.packages"),
			Header: []string{L.T("b3.package"), L.T("b3.components"), L.T("b3.benefit")},
			Widths: []float64{2.5, 4, 3}, Rows: rows, RowHeader: true})
		for _, pk := range o.Packages {
			if strings.TrimSpace(pk.Description) != "" {
				ks.Blocks = append(ks.Blocks, &render.Heading{Text: pk.Name}, &render.Markdown{Source: pk.Description})
			}
		}
	}
	if len(s.Sections) == 0 {
		b.n--
		return nil
	}
	return s
}

func (b *builder) value() *render.Section {
	if len(b.p.Value) == 0 {
		return nil
	}
	L, W := b.L, b.W
	s := b.chapter("value", W.T("cust.value"))
	for _, v := range b.p.Value {
		vs := b.sub(s, v.ID, v.Name)
		if strings.TrimSpace(v.Description) != "" {
			vs.Blocks = append(vs.Blocks, &render.Markdown{Source: v.Description})
		}
		if len(v.Benefits) == 0 {
			continue
		}
		var rows [][]render.Cell
		sum := 0.0
		for _, x := range v.Benefits {
			sum += x.Amount
			rows = append(rows, []render.Cell{{Text: x.Item}, {Text: b.F.Money(x.Amount)}, {Text: orDash(x.Basis)}})
		}
		years := max(v.Years, 1)
		foot := [][]render.Cell{{{Text: W.T("cust.value.year"), Strong: true}, {Text: b.F.Money(sum), Strong: true}, {}}}
		if years > 1 {
			foot = append(foot, []render.Cell{{Text: W.F("cust.value.total", years), Strong: true}, {Text: b.F.Money(sum * float64(years)), Strong: true}, {}})
		}
		vs.Blocks = append(vs.Blocks, &render.Table{Caption: L.T("b6.benefits"),
			Header: []string{L.T("b6.benefit"), L.T("b6.yearly"), L.T("b6.basis")},
			Align:  []render.Align{render.Left, render.Right, render.Left},
			Widths: []float64{3.5, 2, 3.5}, Rows: rows, Foot: foot, RowHeader: true})
	}
	return s
}

func (b *builder) strengths() *render.Section {
	sw := b.p.SWOT
	if sw == nil {
		return nil
	}
	L := b.L
	s := b.chapter("strengths", b.W.T("cust.strengths"))
	if len(sw.Strengths) > 0 {
		s.Blocks = append(s.Blocks, &render.List{Title: L.T("b5.strengths"), Items: sw.Strengths})
	}
	if len(sw.Opportunities) > 0 {
		s.Blocks = append(s.Blocks, &render.List{Title: L.T("b5.opportunities"), Items: sw.Opportunities})
	}
	return s
}

func (b *builder) people() *render.Section {
	p, L, W := b.p, b.L, b.W
	if len(p.Team) == 0 && len(p.Contacts) == 0 {
		return nil
	}
	s := b.chapter("people", W.T("cust.people"))
	if len(p.Team) > 0 {
		ts := b.sub(s, "team", W.T("cust.ourteam"))
		var rows [][]render.Cell
		for _, t := range p.Team {
			rows = append(rows, []render.Cell{{Text: t.Name}, {Text: orDash(t.Role)}})
		}
		ts.Blocks = append(ts.Blocks, &render.Table{Caption: W.T("cust.ourteam"),
			Header: []string{L.T("b7.name"), L.T("b7.role")}, Widths: []float64{3, 4}, Rows: rows, RowHeader: true})
	}
	if len(p.Contacts) > 0 {
		cs := b.sub(s, "contacts", W.T("cust.yourteam"))
		var rows [][]render.Cell
		for _, c := range p.Contacts {
			rows = append(rows, []render.Cell{{Text: c.Name}, {Text: orDash(c.Title)}, {Text: orDash(c.Department)}})
		}
		cs.Blocks = append(cs.Blocks, &render.Table{Caption: W.T("cust.yourteam"),
			Header: []string{L.T("b7.name"), L.T("b7.title"), L.T("b7.department")}, Widths: []float64{3, 3, 3}, Rows: rows, RowHeader: true})
	}
	return s
}

func (b *builder) teamName(id string) string {
	for _, t := range b.p.Team {
		if t.ID == id {
			return t.Name
		}
	}
	return id
}

func (b *builder) actions() *render.Section {
	p, L, W := b.p, b.L, b.W
	if len(p.Actions) == 0 {
		return nil
	}
	s := b.chapter("actions", W.T("cust.actions"))
	names := make(map[string]string, len(p.Team))
	for i := len(p.Team) - 1; i >= 0; i-- { // the first of a duplicate id wins
		names[p.Team[i].ID] = p.Team[i].Name
	}
	var rows [][]render.Cell
	for _, a := range p.Actions {
		owner := a.Owner
		if n, ok := names[owner]; ok {
			owner = n
		}
		st := a.Status
		if st == "" {
			st = "open"
		}
		rows = append(rows, []render.Cell{{Text: a.ID}, {Text: a.Action}, {Text: orDash(owner)}, {Text: b.F.DatePtr(a.Due)}, {Text: L.Enum("action", st)}})
	}
	s.Blocks = append(s.Blocks, &render.Table{Caption: W.T("cust.actions"),
		Header: []string{L.T("act.id"), L.T("act.action"), L.T("act.owner"), L.T("act.due"), L.T("act.status")},
		Align:  []render.Align{render.Left, render.Left, render.Left, render.Right, render.Left},
		Widths: []float64{0.8, 5, 2, 1.6, 1.4}, Rows: rows})
	return s
}

func (b *builder) reviews() *render.Section {
	p, L, W := b.p, b.L, b.W
	if len(p.Reviews) == 0 {
		return nil
	}
	s := b.chapter("reviews", W.T("cust.reviews"))
	var rows [][]render.Cell
	for _, r := range p.Reviews {
		rows = append(rows, []render.Cell{{Text: b.F.Date(r.Date)}, {Text: orDash(strings.Join(r.Participants, ", "))}})
	}
	s.Blocks = append(s.Blocks, &render.Table{Caption: W.T("cust.reviews"),
		Header: []string{L.T("rev.date"), L.T("rev.participants")}, Widths: []float64{1.5, 6}, Rows: rows})
	return s
}
