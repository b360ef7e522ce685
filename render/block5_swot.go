package render

import (
	"strings"
)

// Building block 5, linking the goals: SWOT, TOWS, competitors, goals.

func (b *builder) block5(s *Section) {
	p, L := b.p, b.L
	if sw := p.SWOT; sw != nil {
		n := len(sw.Strengths) + len(sw.Weaknesses) + len(sw.Opportunities) + len(sw.Threats)
		if n > 0 {
			ss := b.sub(s, "swot", L.T("sec.b5.swot"))
			ss.Blocks = append(ss.Blocks, &SWOT{Quadrants: [4]SWOTQuadrant{
				{Key: "strengths", Title: L.T("b5.strengths"), Items: sw.Strengths},
				{Key: "weaknesses", Title: L.T("b5.weaknesses"), Items: sw.Weaknesses},
				{Key: "opportunities", Title: L.T("b5.opportunities"), Items: sw.Opportunities},
				{Key: "threats", Title: L.T("b5.threats"), Items: sw.Threats},
			}})
		}
		st := sw.Strategies
		if len(st.SO)+len(st.ST)+len(st.WO)+len(st.WT) > 0 {
			ts := b.sub(s, "tows", L.T("sec.b5.tows"))
			for _, x := range []struct {
				key   string
				items []string
			}{{"b5.so", st.SO}, {"b5.st", st.ST}, {"b5.wo", st.WO}, {"b5.wt", st.WT}} {
				if len(x.items) > 0 {
					ts.Blocks = append(ts.Blocks, &List{Title: L.T(x.key), Items: x.items})
				}
			}
		}
	}
	if len(p.Competitors) > 0 {
		cs := b.sub(s, "competitors", L.T("sec.b5.competitors"))
		var rows [][]Cell
		for _, c := range p.Competitors {
			rows = append(rows, []Cell{{Text: c.Name, Name: true}, {Text: b.pctPtr(c.ShareOfWallet)}, {Text: strings.Join(c.Strengths, L.Semicolon())}, {Text: strings.Join(c.Weaknesses, L.Semicolon())}, {Text: c.Strategy}, {Text: b.enum("level", c.Threat)}})
		}
		cs.Blocks = append(cs.Blocks, &Table{
			Caption: L.T("sec.b5.competitors"),
			Header:  []string{L.T("b5.competitor"), L.T("b5.share"), L.T("b5.strengths"), L.T("b5.weaknesses"), L.T("b5.strategy"), L.T("b5.threat")},
			Align:   []Align{Left, Right, Left, Left, Left, Left}, Widths: []float64{2, 1.2, 3, 3, 3, 1.2}, Rows: rows, RowHeader: true,
		})
	}
	if len(p.Goals) > 0 {
		gs := b.sub(s, "goals", L.T("sec.b5.goals"))
		var rows [][]Cell
		for _, g := range p.Goals {
			rows = append(rows, []Cell{{Text: g.AccountGoal}, {Text: g.OwnGoal}, {Text: g.Contribution}, {Text: orDash(g.Objective)}})
		}
		gs.Blocks = append(gs.Blocks, &Table{
			Caption: L.T("sec.b5.goals"),
			Header:  []string{L.T("b5.account_goal"), L.T("b5.own_goal"), L.T("b5.contribution"), L.T("b5.objective")},
			Widths:  []float64{3, 3, 3, 1.2}, Rows: rows,
		})
	}
}

func orDash(s string) string {
	if strings.TrimSpace(s) == "" {
		return "–"
	}
	return s
}
