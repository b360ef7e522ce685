package portfolio

import (
	"fmt"
	"strings"

	"github.com/kepdev/kep/render"
)

// movement adds to the portfolio section where each account stood in its previous
// period's plan (kep portfolio --previous @REV): class and field before and now, and the
// lists of up- and downgrades. Nothing when no plan was compared.
func (b *builder) movement(s *render.Section) {
	l, pf := b.l, b.pf
	if pf.Compared == 0 && b.prev == "" {
		return
	}
	since := strings.TrimPrefix(b.prev, "@")
	if since == "" {
		since = l.T("pf.move.prev")
	}
	ms := &render.Section{ID: "portfolio-movement", Number: s.Number + ".1", Title: fmt.Sprintf(l.T("pf.move"), since), Level: 2}
	s.Sections = append(s.Sections, ms)
	ms.Blocks = append(ms.Blocks, &render.Paragraph{Text: fmt.Sprintf(l.T("pf.move.intro"), pf.Compared, pf.Totals.Accounts, since)})

	str := func(p *string, kind string) string {
		switch {
		case p == nil:
			return "–"
		case kind != "":
			return l.Enum(kind, *p)
		}
		return *p
	}
	t := &render.Table{Caption: l.T("pf.move.table"),
		Header: []string{l.T("pf.account"), l.T("pf.move.class"), l.T("pf.move.quadrant"), l.T("pf.h.attr"), l.T("pf.h.pos")},
		Align:  []render.Align{render.Left, render.Left, render.Left, render.Right, render.Right},
		Widths: []float64{26, 12, 22, 12, 12}, RowHeader: true}
	var fresh []string
	for _, a := range pf.Accounts {
		if !a.Compared {
			fresh = append(fresh, strings.TrimSpace(a.Name))
			continue
		}
		m := a.Movement
		if m == nil { // neither plan has a scoring
			dash := render.Cell{Text: "–", Muted: true}
			t.Rows = append(t.Rows, []render.Cell{{Text: a.Name, Name: true}, dash, dash, dash, dash})
			continue
		}
		class := str(m.From.Class, "") + " → " + str(m.To.Class, "")
		cell := render.Cell{Text: class}
		switch m.ClassChange() {
		case 1:
			cell.Text += " ▲"
			cell.Light = render.Green
		case -1:
			cell.Text += " ▼"
			cell.Light = render.Red
		}
		t.Rows = append(t.Rows, []render.Cell{{Text: a.Name, Name: true}, cell,
			{Text: str(m.From.Quadrant, "qshort") + " → " + str(m.To.Quadrant, "qshort")},
			{Text: b.score(m.From.Attractiveness) + " → " + b.score(m.To.Attractiveness)},
			{Text: b.score(m.From.Position) + " → " + b.score(m.To.Position)}})
	}
	if len(t.Rows) > 0 {
		ms.Blocks = append(ms.Blocks, t)
	}
	list := func(title, none string, accts []Account) {
		if len(accts) == 0 {
			ms.Blocks = append(ms.Blocks, &render.Paragraph{Text: l.T(none)})
			return
		}
		var items []string
		for _, a := range accts {
			items = append(items, strings.TrimSpace(a.Name)+": "+str(a.Movement.From.Class, "")+" → "+str(a.Movement.To.Class, ""))
		}
		ms.Blocks = append(ms.Blocks, &render.List{Title: title, Items: items})
	}
	list(l.T("pf.move.up"), "pf.move.none.up", pf.Upgrades)
	list(l.T("pf.move.down"), "pf.move.none.dn", pf.Downgrades)
	if len(fresh) > 0 && b.prev != "" {
		ms.Blocks = append(ms.Blocks, &render.Paragraph{Text: fmt.Sprintf(l.T("pf.move.new"), since, strings.Join(fresh, ", "))})
	}
}
