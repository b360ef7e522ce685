package render

import (
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"github.com/kepdev/kep/plan"
)

// The chapters after the building blocks: actions, checklists, reviews, changes, appendix.

func (b *builder) actions(s *Section) {
	L := b.L
	if len(b.p.Actions) == 0 {
		s.Blocks = append(s.Blocks, &Note{Text: L.T("doc.empty")})
		return
	}
	if af := b.f.Actions; af != nil {
		s.Blocks = append(s.Blocks, &Facts{Items: []Fact{{Label: L.T("act.open"), Value: b.F.Int(af.Open)}, {Label: L.T("act.overdue"), Value: b.F.Int(af.Overdue)}}})
	}
	var rows [][]Cell
	for _, a := range b.p.Actions {
		st := a.Status
		if st == "" {
			st = "open"
		}
		due := Cell{Text: b.date(a.Due)}
		if st == "open" || st == "doing" {
			due = b.dueCell(a)
		}
		rows = append(rows, []Cell{{Text: a.ID}, {Text: a.Action}, {Text: b.teamName(a.Owner), Name: true}, due, {Text: b.enum("action", st), Muted: st == "done" || st == "dropped"}, {Text: orDash(a.Objective)}})
	}
	s.Blocks = append(s.Blocks, &Table{
		Caption: L.T("sec.actions"),
		Header:  []string{L.T("act.id"), L.T("act.action"), L.T("act.owner"), L.T("act.due"), L.T("act.status"), L.T("act.objective")},
		Align:   []Align{Left, Left, Left, Right, Left, Left}, Widths: []float64{0.8, 5, 2, 1.8, 1.4, 1}, Rows: rows,
	})
}

func (b *builder) checklists(s *Section) {
	L := b.L
	if len(b.p.Checklists) == 0 {
		s.Blocks = append(s.Blocks, &Note{Text: L.T("doc.empty")})
		return
	}
	for _, c := range b.p.Checklists {
		title := b.enum("topic", c.Topic)
		share := b.f.Checklists[c.Topic]
		if share != nil {
			title += " – " + b.pct(*share)
		}
		s.Blocks = append(s.Blocks, &Heading{Text: title})
		var rows [][]Cell
		for _, it := range c.Items {
			cell := Cell{Text: b.enum("check", it.Status)}
			switch it.Status {
			case "yes":
				cell.Light = Green
			case "partly":
				cell.Light = Amber
			case "no":
				cell.Light = Red
			default:
				cell.Muted = true
			}
			rows = append(rows, []Cell{{Text: it.Item}, cell})
		}
		t := &Table{Caption: b.enum("topic", c.Topic), Header: []string{L.T("cl.item"), L.T("cl.status")}, Rows: rows, Widths: []float64{6, 1.4}}
		if share != nil {
			t.Foot = [][]Cell{{{Text: L.T("cl.share"), Strong: true}, {Text: b.pct(*share), Strong: true}}}
		}
		s.Blocks = append(s.Blocks, t)
	}
}

func (b *builder) reviews(s *Section) {
	L := b.L
	if len(b.p.Reviews) == 0 {
		s.Blocks = append(s.Blocks, &Note{Text: L.T("doc.empty")})
		return
	}
	if len(b.p.Scorecard.Objectives) > 0 {
		// Block 2 shows every objective with its actual: the reviews point there instead
		// of repeating the scorecard. Their radar counts only objectives with an actual,
		// which differs from block 2's only where some objective is still a starting point.
		ps := b.sub(s, "plan-actual", L.T("sec.planactual"))
		total := "–"
		if sf := b.f.Scorecard; sf != nil && sf.Total != nil {
			total = b.pct(*sf.Total)
			if sf.StartingPoint {
				total += " (" + L.T("b2.start") + ")"
			}
		}
		ps.Blocks = append(ps.Blocks, &Paragraph{Text: b.tf("rev.planactual", total, "2 "+L.T("sec.b2"))})
		if b.someStartingPoint() {
			ps.Blocks = append(ps.Blocks, b.radar(true))
		}
	}
	ns := b.sub(s, "notes", L.T("sec.reviewnotes"))
	revs := append([]plan.Review(nil), b.p.Reviews...)
	sort.SliceStable(revs, func(i, j int) bool { return revs[i].Date.Before(revs[j].Date) })
	for _, r := range revs {
		ns.Blocks = append(ns.Blocks, &Heading{Text: b.F.Date(r.Date)})
		if len(r.Participants) > 0 {
			ns.Blocks = append(ns.Blocks, &Facts{Items: []Fact{{Label: L.T("rev.participants"), Value: strings.Join(r.Participants, ", ")}}})
		}
		if strings.TrimSpace(r.Notes) != "" {
			ns.Blocks = append(ns.Blocks, &Markdown{Source: r.Notes})
		}
	}
}

// someStartingPoint reports whether an objective has no actual yet while another has.
func (b *builder) someStartingPoint() bool {
	sf := b.f.Scorecard
	if sf == nil {
		return false
	}
	start, actual := false, false
	for _, of := range sf.Objectives {
		start = start || of.StartingPoint
		actual = actual || !of.StartingPoint
	}
	return start && actual
}

func (b *builder) changes(s *Section) {
	ch := b.opt.Changes
	if ch.Since != "" {
		s.Blocks = append(s.Blocks, &Paragraph{Text: b.tf("chg.since", ch.Since)})
	}
	if len(ch.Groups) == 0 {
		s.Blocks = append(s.Blocks, &Note{Text: b.t("chg.none")})
	}
	for _, g := range ch.Groups {
		s.Blocks = append(s.Blocks, &List{Title: g.Title, Items: g.Items})
	}
}

func (b *builder) appendix(s *Section) {
	p, L, ws := b.p, b.L, b.ws
	ms := b.sub(s, "model", L.T("sec.appendix.model"))
	ms.Blocks = append(ms.Blocks, &Facts{Items: []Fact{
		{Label: L.T("app.class_a"), Value: b.F.Decimal(ws.Scoring.ClassA, 1)},
		{Label: L.T("app.class_b"), Value: b.F.Decimal(ws.Scoring.ClassB, 1)},
	}})
	axes := []struct {
		key   string
		model []plan.Criterion
	}{{"b1.axis.a", ws.Scoring.Attractiveness}, {"b1.axis.p", ws.Scoring.Position}}
	// Building block 1's scoring tables list every criterion with its weight: the
	// appendix then points to them and adds only what they leave out, the criteria's
	// keys in the plan file, instead of printing the criteria a second time.
	if at := b.scoringShown(axes[0].model, axes[1].model); at != nil {
		var keys []string
		for _, ax := range axes {
			var ids []string
			for _, c := range ax.model {
				ids = append(ids, c.ID)
			}
			if len(ids) > 0 {
				keys = append(keys, L.T(ax.key)+L.Colon()+strings.Join(ids, ", "))
			}
		}
		ms.Blocks = append(ms.Blocks, &Paragraph{Text: b.tf("app.model.above", at.Number+" "+at.Title, strings.Join(keys, L.Semicolon()))})
		axes = nil
	}
	for _, ax := range axes {
		var rows [][]Cell
		for _, c := range ax.model {
			rows = append(rows, []Cell{{Text: c.Name}, {Text: c.ID}, {Text: b.pct(c.Weight)}})
		}
		ms.Blocks = append(ms.Blocks, &Table{Caption: L.T(ax.key), Header: []string{L.T("b1.criterion"), "ID", L.T("b1.weight")}, Align: []Align{Left, Left, Right}, Rows: rows, RowHeader: true, Widths: []float64{4, 2, 1}})
	}
	fs := b.sub(s, "file", L.T("sec.appendix.file"))
	wsName := L.T("app.builtin")
	if ws.File != "" {
		wsName = filepath.Base(ws.File)
	}
	items := []Fact{
		{Label: L.T("app.file"), Value: orDash(filepath.Base(p.File))},
		{Label: L.T("app.format"), Value: strconv.Itoa(p.Format)},
		{Label: L.T("app.version"), Value: orDash(p.Meta.Version)},
		{Label: L.T("app.status"), Value: b.doc.Status},
		{Label: L.T("app.workspace"), Value: wsName},
		{Label: L.T("app.currency"), Value: orDash(p.Currency)},
		{Label: L.T("app.date"), Value: b.doc.Date},
		{Label: L.T("app.generator"), Value: b.doc.Generator},
	}
	if p.File == "" {
		items = items[1:]
	}
	fs.Blocks = append(fs.Blocks, &Facts{Items: items})
	b.acceptedWarnings(s)
}

// scoringShown is building block 1's scoring section when its two tables list exactly
// the criteria of the model (attractiveness a, position p) with their weights; else nil.
func (b *builder) scoringShown(a, p []plan.Criterion) *Section {
	for _, ch := range b.doc.Sections {
		if ch.ID != "b1" {
			continue
		}
		for _, s := range ch.Sections {
			if s == nil || s.ID != "b1-scoring" {
				continue
			}
			found := 0
			for _, bl := range s.Blocks {
				t, ok := bl.(*Table)
				if !ok {
					continue
				}
				if t.Caption == b.L.T("b1.axis.a") && len(t.Rows) == len(a) || t.Caption == b.L.T("b1.axis.p") && len(t.Rows) == len(p) {
					found++
				}
			}
			if found == 2 {
				return s
			}
		}
	}
	return nil
}

// acceptedWarnings lists the warnings the plan accepts on purpose ([[accepted]], spec A7)
// with their reasons: not printed by kep validate, but never hidden from the reader.
func (b *builder) acceptedWarnings(s *Section) {
	ws := b.f.AcceptedWarnings
	if len(ws) == 0 {
		return
	}
	L := b.L
	var rows [][]Cell
	for _, a := range ws {
		rows = append(rows, []Cell{{Text: a.Path}, {Text: a.Message}, {Text: a.Reason}, {Text: b.F.DatePtr(a.Until)}})
	}
	as := b.sub(s, "accepted", L.T("sec.appendix.accepted"))
	as.Blocks = append(as.Blocks, &Table{Caption: L.T("sec.appendix.accepted"),
		Header: []string{L.T("app.acc.key"), L.T("app.acc.warning"), L.T("app.acc.reason"), L.T("app.acc.until")},
		Rows:   rows, Widths: []float64{2.2, 4, 3, 1.3}})
}

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}
