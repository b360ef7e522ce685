package render

import (
	"math"
	"sort"
	"strings"

	"github.com/kepdev/kep/charts"
	"github.com/kepdev/kep/plan"
	"github.com/kepdev/kep/plan/figures"
)

// Building block 3, KAM service packages: positioning, strengths-weaknesses profile,
// competences and packages.

func (b *builder) block3(s *Section) {
	p, f, L := b.p, b.f, b.L
	o := p.Offering
	if strings.TrimSpace(o.Positioning) != "" {
		ps := b.sub(s, "positioning", L.T("sec.b3.positioning"))
		ps.Blocks = append(ps.Blocks, &Markdown{Source: o.Positioning})
	}
	if len(o.Profile) > 0 {
		ps := b.sub(s, "profile", L.T("sec.b3.profile"))
		comps := b.profileCompetitors()
		header := []string{L.T("b3.criterion"), L.T("b3.weight"), L.T("b3.own")}
		align := []Align{Left, Right, Right}
		for _, c := range comps {
			header = append(header, c.Name)
			align = append(align, Right)
		}
		pol := &charts.Polarity{Criteria: nil, Min: 0, Max: 10}
		us := charts.Series{Name: L.T("b3.own")}
		series := make([]charts.Series, len(comps))
		for i, c := range comps {
			series[i].Name = c.Name
		}
		var rows [][]Cell
		for _, pc := range o.Profile {
			row := []Cell{{Text: pc.Criterion}, {Text: b.pct(pc.Weight)}, {Text: b.F.Decimal(pc.Own, 1)}}
			pol.Criteria = append(pol.Criteria, pc.Criterion)
			us.Values = append(us.Values, pc.Own)
			for i, c := range comps {
				v, ok := pc.Competitors[c.ID]
				if ok {
					row = append(row, Cell{Text: b.F.Decimal(v, 1)})
					series[i].Values = append(series[i].Values, v)
				} else {
					row = append(row, Cell{Text: "–", Muted: true})
					series[i].Values = append(series[i].Values, math.NaN())
				}
			}
			rows = append(rows, row)
		}
		pol.Series = append([]charts.Series{us}, series...)
		pol.Meta = charts.Meta{Heading: L.T("b3.polarity"), Summary: b.tf("b3.polarity.alt", len(comps))}
		var foot [][]Cell
		if of := f.Offering; of != nil && len(comps) > 0 {
			row := []Cell{{Text: L.T("b3.rq"), Strong: true}, {}, {}}
			for _, c := range comps {
				if rq, ok := of.RelativeQuality[c.ID]; ok {
					row = append(row, Cell{Text: b.F.Number(rq, 2), Strong: true})
				} else {
					row = append(row, Cell{Text: "–"})
				}
			}
			foot = append(foot, row)
		}
		ps.Blocks = append(ps.Blocks, &Table{Caption: L.T("b3.polarity"), Header: header, Align: align, Rows: rows, RowHeader: true, Foot: foot})
		ps.Blocks = append(ps.Blocks, b.chart("polarity", pol, nil, 600, 90+34*len(o.Profile)))
		if of := f.Offering; of != nil && len(of.RelativeQuality) > 0 {
			var items []Fact
			for _, c := range comps {
				if rq, ok := of.RelativeQuality[c.ID]; ok {
					items = append(items, Fact{Label: b.tf("b3.rq.against", c.Name), Value: b.F.Number(rq, 2)})
				}
			}
			ps.Blocks = append(ps.Blocks, &Facts{Items: items})
			if w := of.WeakestAgainst; w != "" {
				ps.Blocks = append(ps.Blocks, &Paragraph{Text: b.tf("b3.weakest", b.competitorName(w), b.F.Number(of.RelativeQuality[w], 2))})
			}
		}
	}
	if len(o.Competences) > 0 {
		cs := b.sub(s, "competences", L.T("sec.b3.competences"))
		var rows [][]Cell
		q := &charts.Quadrant{
			XTitle: L.T("b3.strength"), YTitle: L.T("b3.importance"),
			XMin: 0, XMax: 10, YMin: 0, YMax: 10, XCut: 5, YCut: 5,
			Names:     [4]string{b.enum("competence", "gap"), b.enum("competence", "core"), b.enum("competence", "irrelevant"), b.enum("competence", "selective")},
			SizeLabel: L.T("b3.revenue"),
		}
		var parts []string
		for _, c := range o.Competences {
			quad := figures.CompetenceQuadrant(c.Importance, c.Strength)
			rows = append(rows, []Cell{{Text: c.Name}, {Text: b.F.Decimal(c.Importance, 1)}, {Text: b.F.Decimal(c.Strength, 1)}, {Text: b.moneyPtr(c.Revenue)}, {Text: b.enum("competence", quad)}})
			size := 0.0
			if c.Revenue != nil {
				size = *c.Revenue
			}
			q.Points = append(q.Points, charts.Point{Label: c.Name, X: c.Strength, Y: c.Importance, Size: size})
			parts = append(parts, c.Name+" ("+b.enum("competence", quad)+")")
		}
		q.Meta = charts.Meta{Heading: L.T("b3.portfolio"), Summary: b.tf("b3.portfolio.alt", strings.Join(parts, L.Semicolon()))}
		cs.Blocks = append(cs.Blocks, &Table{
			Caption: L.T("b3.portfolio"),
			Header:  []string{L.T("b3.competence"), L.T("b3.importance"), L.T("b3.strength"), L.T("b3.revenue"), L.T("b3.quadrant")},
			Align:   []Align{Left, Right, Right, Right, Left}, Rows: rows, RowHeader: true,
		}, b.chart("competences", q, nil, 560, 420))
	}
	if len(o.Packages) > 0 {
		ks := b.sub(s, "packages", L.T("sec.b3.packages"))
		for _, pk := range o.Packages {
			ks.Blocks = append(ks.Blocks, &Heading{Text: pk.Name})
			if strings.TrimSpace(pk.Description) != "" {
				ks.Blocks = append(ks.Blocks, &Markdown{Source: pk.Description})
			}
			var items []Fact
			if len(pk.Components) > 0 {
				items = append(items, Fact{Label: L.T("b3.components"), Value: strings.Join(pk.Components, L.Semicolon())})
			}
			if pk.Price != nil {
				items = append(items, Fact{Label: L.T("b3.price"), Value: b.money(*pk.Price)})
			}
			if pk.Benefit != "" {
				items = append(items, Fact{Label: L.T("b3.benefit"), Value: pk.Benefit})
			}
			if len(items) > 0 {
				ks.Blocks = append(ks.Blocks, &Facts{Items: items})
			}
		}
	}
}

// profileCompetitors are the competitors rated in the profile: those of [[competitors]]
// in plan order, then ids only named in the profile, sorted.
func (b *builder) profileCompetitors() []plan.Competitor {
	seen := map[string]bool{}
	for _, pc := range b.p.Offering.Profile {
		for id := range pc.Competitors {
			seen[id] = true
		}
	}
	var out []plan.Competitor
	for _, c := range b.p.Competitors {
		if seen[c.ID] {
			out = append(out, c)
			delete(seen, c.ID)
		}
	}
	var rest []string
	for id := range seen {
		rest = append(rest, id)
	}
	sort.Strings(rest)
	for _, id := range rest {
		out = append(out, plan.Competitor{ID: id, Name: id})
	}
	return out
}

func (b *builder) competitorName(id string) string {
	for _, c := range b.p.Competitors {
		if c.ID == id {
			return c.Name
		}
	}
	return id
}
