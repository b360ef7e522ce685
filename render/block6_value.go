package render

import (
	"strings"

	"github.com/kepdev/kep/charts"
)

// Building block 6, value concepts: the value calculation and its chart.

func (b *builder) block6(s *Section) {
	L := b.L
	for _, v := range b.p.Value {
		vs := b.sub(s, "v-"+v.ID, v.Name)
		if strings.TrimSpace(v.Description) != "" {
			vs.Blocks = append(vs.Blocks, &Markdown{Source: v.Description})
		}
		vf := b.f.Value[v.ID]
		if vf == nil {
			vs.Blocks = append(vs.Blocks, &Note{Text: L.T("doc.nochart")})
			continue
		}
		var rows [][]Cell
		for _, be := range v.Benefits {
			rows = append(rows, []Cell{{Text: be.Item}, {Text: L.T("b6.benefits")}, {Text: b.money(be.Amount)}, {Text: be.Basis}})
		}
		for _, c := range v.Costs {
			kind := L.T("b6.costs") + ", " + L.T("b6.yearly")
			if c.Once {
				kind = L.T("b6.costs") + ", " + L.T("b6.onetime")
			}
			rows = append(rows, []Cell{{Text: c.Item}, {Text: kind}, {Text: b.money(c.Amount)}, {Text: ""}})
		}
		years := v.Years
		if years < 1 {
			years = 1
		}
		vs.Blocks = append(vs.Blocks, &Table{
			Caption: L.T("b6.calc") + L.Colon() + v.Name,
			Header:  []string{L.T("b6.item"), L.T("b6.kind"), L.T("b6.amount"), L.T("b6.basis")},
			Align:   []Align{Left, Left, Right, Left}, Widths: []float64{3, 2, 1.6, 3}, Rows: rows, RowHeader: true,
		}, &Facts{Items: []Fact{
			{Label: L.T("b6.years"), Value: b.tf("b6.years.n", years)},
			{Label: L.T("b6.benefit"), Value: b.money(vf.Benefit)},
			{Label: L.T("b6.cost"), Value: b.money(vf.YearlyCost)},
			{Label: L.T("b6.once"), Value: b.money(vf.Once)},
			{Label: L.T("b6.net_yearly"), Value: b.money(vf.NetYearly)},
			{Label: b.tf("b6.net_total", years), Value: b.money(vf.NetTotal)},
			{Label: L.T("b6.roi"), Value: b.pctPtr(vf.ROI)},
			{Label: L.T("b6.payback"), Value: b.payback(vf.PaybackMonths)},
		}})
		ben, cost := charts.Cumulative(years, vf.Benefit, vf.YearlyCost, vf.Once)
		vc := &charts.ValueChart{
			Meta:    charts.Meta{Heading: b.tf("b6.chart", years) + L.Colon() + v.Name, Summary: b.tf("b6.chart.alt", years, b.money(vf.NetTotal))},
			Benefit: ben, Cost: cost,
			BenefitLabel: L.T("b6.benefits"), CostLabel: L.T("b6.costs"), NetLabel: b.tf("b6.net_total", years),
		}
		if m := vf.PaybackMonths; m != nil && *m > 0 {
			// The payback point on the chart, as the facts above state it.
			vc.PaybackYears, vc.PaybackLabel = *m/12, L.T("b6.payback")+L.Colon()+b.payback(m)
		}
		var drows [][]Cell
		for y := 1; y <= years; y++ {
			label := b.yearLabel(y)
			vc.Years = append(vc.Years, label)
			drows = append(drows, []Cell{{Text: label}, {Text: b.money(ben[y-1])}, {Text: b.money(cost[y-1])}, {Text: b.money(ben[y-1] - cost[y-1])}})
		}
		data := &Table{Caption: L.T("doc.chartdata") + L.Colon() + vc.Heading,
			Header: []string{L.T("b4.year"), L.T("b6.benefits"), L.T("b6.costs"), L.T("b6.net")},
			Align:  []Align{Left, Right, Right, Right}, Rows: drows, RowHeader: true}
		vs.Blocks = append(vs.Blocks, b.chart("value", vc, data, 600, 340))
	}
}

func (b *builder) yearLabel(y int) string { return b.tf("b6.year", y) }
