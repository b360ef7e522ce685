package render

import (
	"strconv"
	"strings"

	"github.com/kepdev/kep/charts"
	"github.com/kepdev/kep/plan"
	"github.com/kepdev/kep/plan/figures"
)

// periodName names a plan period in running text: "2026" for a calendar year, else its
// dates.
func (b *builder) periodName(from, to plan.Date) string {
	if from.Month == 1 && from.Day == 1 && to.Month == 12 && to.Day == 31 && from.Year == to.Year {
		return strconv.Itoa(from.Year)
	}
	return b.F.Period(from, to)
}

// review is the chapter "Rückblick {previous period}" / "Review of {previous period}"
// (program.md, --previous): how last period's plan ended and what moved since. Nil
// without a previous plan.
func (b *builder) review() *Section {
	prev, r := b.opt.Previous, b.f.Review
	if prev == nil || r == nil {
		return nil
	}
	L := b.L
	before := b.periodName(prev.Meta.From, prev.Meta.To)
	now := b.periodName(b.p.Meta.From, b.p.Meta.To)
	s := &Section{ID: b.uniqueID("review"), Title: b.tf("sec.review", before), Level: 1, NewPage: b.chapterPage()}
	intro := b.tf("rv.intro", before, b.F.Period(prev.Meta.From, prev.Meta.To))
	if prev.Meta.Version != "" {
		intro += " " + b.tf("rv.version", prev.Meta.Version)
	}
	s.Blocks = append(s.Blocks, &Paragraph{Text: intro})
	if tiles := b.reviewTiles(r, before); len(tiles) > 0 {
		s.Blocks = append(s.Blocks, &Tiles{Items: tiles})
	}
	b.reviewObjectives(b.unnumbered(s, "objectives", L.T("rv.objectives")), prev, r, before, now)
	b.reviewActions(b.unnumbered(s, "actions", L.T("rv.actions")), prev, r)
	b.reviewMovement(b.unnumbered(s, "movement", L.T("rv.movement")), r, before)
	b.reviewAsks(b.unnumbered(s, "asks", L.T("rv.asks")), prev)
	b.reviewContacts(b.unnumbered(s, "contacts", L.T("rv.contacts")), r)
	return s
}

// reviewSummary is the summary's line on last period (kep render --previous): its
// scorecard achievement, the actions done and the class change, pointing to the chapter.
func (b *builder) reviewSummary() []Block {
	prev, r := b.opt.Previous, b.f.Review
	if prev == nil || r == nil {
		return nil
	}
	L := b.L
	before := b.periodName(prev.Meta.From, prev.Meta.To)
	var parts []string
	if v := r.PrevScorecard; v != nil {
		parts = append(parts, b.tf("rv.sum.scorecard", b.pct(*v), L.Enum("light", figures.Light(*v))))
	}
	if c := r.Actions.Completion; c != nil {
		parts = append(parts, b.tf("rv.sum.actions", r.Actions.Done, r.Actions.Done+r.Actions.Open, b.pct(*c)))
	}
	if m := r.Movement; m != nil && m.From.Class != nil && m.To.Class != nil {
		class := b.tf("rv.sum.class", *m.From.Class, *m.To.Class)
		switch m.ClassChange() {
		case 1:
			class += " (" + L.T("rv.up") + ")"
		case -1:
			class += " (" + L.T("rv.down") + ")"
		}
		parts = append(parts, class)
	}
	text := b.tf("rv.sum", before, b.tf("sec.review", before))
	if len(parts) > 0 {
		text = b.tf("rv.sum.line", before, strings.Join(parts, b.L.Semicolon()), b.tf("sec.review", before))
	}
	return []Block{&Heading{Text: b.tf("sec.review", before)}, &Paragraph{Text: text}}
}

// reviewTiles are the review's answer at a glance: last period's scorecard achievement,
// how many of its actions were done, and the class before and now.
func (b *builder) reviewTiles(r *figures.ReviewFigures, before string) []Tile {
	L := b.L
	var tiles []Tile
	if v := r.PrevScorecard; v != nil {
		tiles = append(tiles, Tile{Label: b.tf("rv.scorecard", before), Value: b.pct(*v), Sub: L.Enum("light", figures.Light(*v)), Light: Light(figures.Light(*v))})
	}
	if c := r.Actions.Completion; c != nil {
		tiles = append(tiles, Tile{Label: L.T("rv.completion"), Value: b.pct(*c),
			Sub: b.tf("rv.done.of", r.Actions.Done, r.Actions.Done+r.Actions.Open)})
	}
	if m := r.Movement; m != nil && m.From.Class != nil && m.To.Class != nil {
		t := Tile{Label: L.T("b1.class"), Value: *m.From.Class + " → " + *m.To.Class}
		switch m.ClassChange() {
		case 1:
			t.Sub, t.Light = L.T("rv.up"), Green
		case -1:
			t.Sub, t.Light = L.T("rv.down"), Red
		}
		tiles = append(tiles, t)
	}
	return tiles
}

// unnumbered adds a subsection without a number, as the chapter itself has none: the
// numbers belong to the building blocks.
func (b *builder) unnumbered(s *Section, id, title string) *Section {
	c := &Section{ID: b.uniqueID(s.ID + "-" + id), Title: title, Level: s.Level + 1}
	s.Sections = append(s.Sections, c)
	return c
}

// reviewObjectives lists each previous objective with its result and this plan's target
// for the same id, then the objectives new this period. Objectives are matched by id: a
// reworded objective is the same objective, its former wording shown.
func (b *builder) reviewObjectives(s *Section, prev *plan.Plan, r *figures.ReviewFigures, before, now string) {
	L := b.L
	if len(prev.Scorecard.Objectives) == 0 && len(r.New) == 0 {
		s.Blocks = append(s.Blocks, &Note{Text: L.T("rv.noobjectives")})
		return
	}
	cur := map[string]plan.Objective{}
	for _, o := range b.p.Scorecard.Objectives {
		cur[o.ID] = o
	}
	muted := func(t string) Cell { return Cell{Text: t, Muted: true} }
	target := func(o plan.Objective) Cell {
		c := Cell{Text: b.F.Value(o.Target, o.Unit)}
		if o.Better == "lower" {
			c.Text += " ↓"
		}
		return c
	}
	var rows [][]Cell
	for _, o := range prev.Scorecard.Objectives {
		ro := r.Objectives[o.ID]
		if ro == nil {
			continue
		}
		name := o.ID + " – " + o.Objective
		last := muted(L.T("rv.dropped"))
		if c, ok := cur[o.ID]; ok {
			last = target(c)
			if c.Objective != o.Objective {
				name = o.ID + " – " + c.Objective + " " + b.tf("rv.formerly", o.Objective)
			}
		}
		actual, ach, light := muted("–"), muted("–"), muted("–")
		if ro.PrevActual != nil {
			actual = Cell{Text: b.F.Value(*ro.PrevActual, o.Unit)}
		}
		if ro.PrevAchievement != nil {
			ach = Cell{Text: b.pct(*ro.PrevAchievement)}
			light = Cell{Text: b.enum("light", *ro.PrevLight), Light: Light(*ro.PrevLight)}
		}
		rows = append(rows, []Cell{{Text: name}, target(o), actual, ach, light, last})
	}
	for _, id := range r.New {
		o := cur[id]
		rows = append(rows, []Cell{{Text: o.ID + " – " + o.Objective}, muted(L.T("rv.new")), muted("–"), muted("–"), muted("–"), target(o)})
	}
	s.Blocks = append(s.Blocks, &Table{
		Caption: L.T("rv.objectives"),
		Header: []string{L.T("b2.objective"), b.tf("rv.target_in", before), b.tf("rv.actual_in", before),
			L.T("b2.achievement"), L.T("b2.light"), b.tf("rv.target_in", now)},
		Align:  []Align{Left, Right, Right, Right, Left, Right},
		Widths: []float64{4.4, 1.8, 1.8, 1.7, 1.4, 1.8}, Rows: rows, RowHeader: true,
	})
}

// reviewActions counts how the previous plan's actions ended and lists them.
func (b *builder) reviewActions(s *Section, prev *plan.Plan, r *figures.ReviewFigures) {
	L := b.L
	if len(prev.Actions) == 0 {
		s.Blocks = append(s.Blocks, &Note{Text: L.T("rv.noactions")})
		return
	}
	a := r.Actions
	s.Blocks = append(s.Blocks, &Facts{Items: []Fact{
		{Label: L.T("rv.done"), Value: b.F.Int(a.Done)},
		{Label: L.T("rv.dropped.actions"), Value: b.F.Int(a.Dropped)},
		{Label: L.T("rv.stillopen"), Value: b.F.Int(a.Open)},
		{Label: L.T("rv.completion"), Value: b.pctPtr(a.Completion)},
	}})
	var rows [][]Cell
	for _, ac := range prev.Actions {
		st := ac.Status
		if st == "" {
			st = "open"
		}
		cell := Cell{Text: b.enum("action", st)}
		switch st {
		case "done":
			cell.Light = Green
		case "dropped":
			cell.Muted = true
		default:
			cell.Light = Amber
		}
		rows = append(rows, []Cell{{Text: ac.ID}, {Text: ac.Action}, {Text: b.date(ac.Due)}, cell})
	}
	s.Blocks = append(s.Blocks, &Table{
		Caption: L.T("rv.actions.list"),
		Header:  []string{L.T("act.id"), L.T("act.action"), L.T("act.due"), L.T("act.status")},
		Align:   []Align{Left, Left, Right, Left}, Widths: []float64{0.8, 6, 1.8, 1.6}, Rows: rows,
	})
}

// reviewMovement states where the account stood in building block 1 before and now; the
// arrow is drawn in block 1's scoring portfolio.
func (b *builder) reviewMovement(s *Section, r *figures.ReviewFigures, before string) {
	L := b.L
	m := r.Movement
	if m == nil {
		s.Blocks = append(s.Blocks, &Note{Text: L.T("rv.nomovement")})
		return
	}
	str := func(p *string, kind string) string {
		if p == nil {
			return "–"
		}
		if kind == "" {
			return *p
		}
		return b.enum(kind, *p)
	}
	arrow := func(a, c string) string { return a + " → " + c }
	class := arrow(str(m.From.Class, ""), str(m.To.Class, ""))
	switch m.ClassChange() {
	case 1:
		class += " (" + L.T("rv.up") + ")"
	case -1:
		class += " (" + L.T("rv.down") + ")"
	}
	s.Blocks = append(s.Blocks, &Facts{Items: []Fact{
		{Label: L.T("b1.axis.a"), Value: arrow(b.pointsPtr(m.From.Attractiveness), b.pointsPtr(m.To.Attractiveness))},
		{Label: L.T("b1.axis.p"), Value: arrow(b.pointsPtr(m.From.Position), b.pointsPtr(m.To.Position))},
		{Label: L.T("b1.class"), Value: class},
		{Label: L.T("sum.quadrant"), Value: arrow(str(m.From.Quadrant, "qshort"), str(m.To.Quadrant, "qshort"))},
	}})
	if m.From.Attractiveness != nil && m.From.Position != nil && m.To.Attractiveness != nil && m.To.Position != nil {
		s.Blocks = append(s.Blocks, &Paragraph{Text: b.tf("rv.arrow", before)})
	}
}

// reviewAsks lists what the previous plan asked of management and how it was decided.
func (b *builder) reviewAsks(s *Section, prev *plan.Plan) {
	L := b.L
	if len(prev.Asks) == 0 {
		s.Blocks = append(s.Blocks, &Note{Text: L.T("rv.noasks")})
		return
	}
	var rows [][]Cell
	for _, a := range prev.Asks {
		st := Cell{Text: b.enum("askstatus", a.Status)}
		switch a.Status {
		case "approved":
			st.Light = Green
		case "conditional":
			st.Light = Amber
		case "rejected":
			st.Light = Red
		default:
			st.Muted = true
		}
		decided := ""
		if a.Status != "open" {
			decided = joinNonEmpty(", ", a.DecidedBy, b.date(a.DecidedOn))
		}
		amount := "–"
		if a.Amount != nil {
			amount = b.money(*a.Amount)
		}
		rows = append(rows, []Cell{{Text: a.ID + " – " + a.Ask}, {Text: amount}, st, {Text: orDash(decided)}, {Text: orDash(a.Condition)}})
	}
	s.Blocks = append(s.Blocks, &Table{
		Caption: L.T("rv.asks"),
		Header:  []string{L.T("ask.ask"), L.T("ask.amount"), L.T("ask.status"), L.T("ask.decided"), L.T("ask.condition")},
		Align:   []Align{Left, Right, Left, Left, Left},
		Widths:  []float64{4, 1.6, 1.8, 2.6, 2.4}, Rows: rows,
	})
}

// reviewContacts lists the contacts whose attitude or relationship changed.
func (b *builder) reviewContacts(s *Section, r *figures.ReviewFigures) {
	L := b.L
	if len(r.Contacts) == 0 {
		s.Blocks = append(s.Blocks, &Paragraph{Text: L.T("rv.nocontacts")})
		return
	}
	var rows [][]Cell
	for _, c := range b.p.Contacts { // in this plan's order
		ch := r.Contacts[c.ID]
		if ch == nil {
			continue
		}
		att, rel := Cell{Text: b.enum("attitude", c.Attitude), Muted: true}, Cell{Text: b.enum("relationship", strconv.Itoa(c.Relationship)), Muted: true}
		if ch.Attitude != nil {
			att = Cell{Text: b.enum("attitude", ch.Attitude[0]) + " → " + b.enum("attitude", ch.Attitude[1])}
		}
		if ch.Relationship != nil {
			rel = Cell{Text: b.enum("relationship", strconv.Itoa(ch.Relationship[0])) + " → " + b.enum("relationship", strconv.Itoa(ch.Relationship[1]))}
		}
		rows = append(rows, []Cell{{Text: c.Name, Name: true}, att, rel})
	}
	s.Blocks = append(s.Blocks, &Table{
		Caption: L.T("rv.contacts"),
		Header:  []string{L.T("b7.name"), L.T("b7.attitude"), L.T("b7.relationship")},
		Widths:  []float64{3, 3, 3}, Rows: rows, RowHeader: true,
	})
}

// movement returns the review's movement when both plans place the account in the
// scoring portfolio, else nil.
func (b *builder) movement() *figures.Movement {
	if b.f.Review == nil || b.opt.Previous == nil {
		return nil
	}
	m := b.f.Review.Movement
	if m == nil || m.From.Attractiveness == nil || m.From.Position == nil || m.To.Attractiveness == nil || m.To.Position == nil {
		return nil
	}
	return m
}

// movementFacts states block 1's change since the previous plan: the class before, and
// whether that is an upgrade or a downgrade.
func (b *builder) movementFacts() []Fact {
	m := b.movement()
	if m == nil {
		return nil
	}
	prev := b.opt.Previous
	v := b.tf("b1.moved", b.periodName(prev.Meta.From, prev.Meta.To), derefOr(m.From.Class, "–"), b.enum("qshort", derefOr(m.From.Quadrant, "")))
	switch m.ClassChange() {
	case 1:
		v += " (" + b.t("rv.up") + ")"
	case -1:
		v += " (" + b.t("rv.down") + ")"
	}
	return []Fact{{Label: b.t("b1.before"), Value: v}}
}

// movementArrow draws the previous position into block 1's scoring portfolio as an
// arrow to this year's, and says so in the chart's text alternative.
func (b *builder) movementArrow(q *charts.Quadrant) {
	m := b.movement()
	if m == nil || len(q.Points) == 0 {
		return
	}
	prev := b.opt.Previous
	q.Points[0].From = &charts.XY{X: *m.From.Position, Y: *m.From.Attractiveness}
	q.Points[0].FromLabel = b.periodName(prev.Meta.From, prev.Meta.To)
	q.Summary += " " + b.tf("b1.portfolio.moved", b.periodName(prev.Meta.From, prev.Meta.To),
		b.F.Decimal(*m.From.Attractiveness, 1), b.F.Decimal(*m.From.Position, 1), derefOr(m.From.Class, "–"), derefOr(m.To.Class, "–"))
}

func derefOr(p *string, def string) string {
	if p == nil {
		return def
	}
	return *p
}
