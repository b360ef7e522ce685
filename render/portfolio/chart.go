package portfolio

import (
	"github.com/kepdev/kep/charts"
	"github.com/kepdev/kep/render"
)

// maxHighlights is how many of the best class-A accounts the chart names for sure; in a
// large portfolio more labels would only cover each other.
const maxHighlights = 5

// chart is the scoring portfolio with one bubble per scored account, sized by planned
// revenue: position across, attractiveness up, cut at 50 on both axes (spec, block 1), so
// stars sit top right.
func (b *builder) chart(alt string, data *render.Table) render.Block {
	l := b.l
	q := charts.Quadrant{
		Meta:   charts.Meta{Heading: l.T("b1.portfolio"), Summary: alt},
		XTitle: l.T("b1.axis.p"), YTitle: l.T("b1.axis.a"),
		XMin: 0, XMax: 100, YMin: 0, YMax: 100, XCut: 50, YCut: 50,
		SizeLabel: l.T("sum.revenue"),
	}
	q.Names[charts.TopLeft] = l.Enum("qshort", "question")
	q.Names[charts.TopRight] = l.Enum("qshort", "star")
	q.Names[charts.BottomLeft] = l.Enum("qshort", "marginal")
	q.Names[charts.BottomRight] = l.Enum("qshort", "cash")
	for _, a := range b.pf.Accounts {
		if a.Rank == 0 {
			continue
		}
		pt := charts.Point{Label: a.Name, X: *a.Position, Y: *a.Attractiveness,
			Size: a.Revenue, Highlight: a.Class == "A" && a.Rank <= maxHighlights}
		if m := a.Movement; m != nil && m.From.Attractiveness != nil && m.From.Position != nil {
			pt.From = &charts.XY{X: *m.From.Position, Y: *m.From.Attractiveness} // kep portfolio --previous
		}
		q.Points = append(q.Points, pt)
	}
	return &render.Chart{Kind: "portfolio", Model: q, Title: l.T("b1.portfolio"), Alt: alt, Data: data,
		Width: 480, Height: 400}
}
