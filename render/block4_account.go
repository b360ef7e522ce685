package render

import (
	"math"
	"sort"
	"strconv"
	"strings"

	"github.com/kepdev/kep/charts"
	"github.com/kepdev/kep/plan"
)

// Building block 4, key account analysis: profile, business history, pains, initiatives,
// purchasing and readiness.

func (b *builder) block4(s *Section) {
	p, f, L := b.p, b.f, b.L
	a := p.Account
	var items []Fact
	add := func(key, v string) {
		if strings.TrimSpace(v) != "" {
			items = append(items, Fact{Label: L.T(key), Value: v})
		}
	}
	add("b4.industry", a.Industry)
	add("b4.hq", a.Headquarters)
	if a.Employees != nil {
		add("b4.employees", b.F.Int(*a.Employees))
	}
	if a.Revenue != nil {
		add("b4.revenue", b.money(*a.Revenue))
	}
	add("b4.locations", strings.Join(a.Locations, ", "))
	if a.Website != "" {
		fct := Fact{Label: L.T("b4.website"), Value: a.Website}
		if SafeURL(a.Website) {
			fct.Link = a.Website
		}
		items = append(items, fct)
	}
	if len(items) > 0 || strings.TrimSpace(a.Strategy) != "" {
		ps := b.sub(s, "profile", L.T("sec.b4.profile"))
		if len(items) > 0 {
			ps.Blocks = append(ps.Blocks, &Facts{Items: items})
		}
		if strings.TrimSpace(a.Strategy) != "" {
			ps.Blocks = append(ps.Blocks, &Heading{Text: L.T("b4.strategy")}, &Markdown{Source: a.Strategy})
		}
	}
	if len(a.History) > 0 {
		hs := b.sub(s, "history", L.T("sec.b4.history"))
		hist := append([]plan.HistoryRow(nil), a.History...)
		sort.SliceStable(hist, func(i, j int) bool { return hist[i].Year < hist[j].Year })
		h := &charts.History{RevenueLabel: L.T("b4.h.revenue"), MarginLabel: L.T("b4.h.margin"), ShareLabel: L.T("b4.h.share"), Unit: b.F.PercentSign()}
		hasShare := false
		var rows [][]Cell
		for _, r := range hist {
			h.Years = append(h.Years, strconv.Itoa(r.Year))
			h.Revenue = append(h.Revenue, r.Revenue)
			h.Margin = append(h.Margin, ptrOrNaN(r.ContributionMargin))
			h.Share = append(h.Share, ptrOrNaN(r.ShareOfWallet))
			hasShare = hasShare || r.ShareOfWallet != nil
			rows = append(rows, []Cell{{Text: strconv.Itoa(r.Year)}, {Text: b.money(r.Revenue)}, {Text: b.moneyPtr(r.ContributionMargin)}, {Text: b.pctPtr(r.ShareOfWallet)}})
		}
		if !hasShare {
			h.Share = nil
		}
		h.Meta = charts.Meta{Heading: L.T("b4.history"), Summary: b.tf("b4.history.alt", hist[0].Year, hist[len(hist)-1].Year)}
		hs.Blocks = append(hs.Blocks, &Table{
			Caption: L.T("b4.history"),
			Header:  []string{L.T("b4.year"), L.T("b4.h.revenue"), L.T("b4.h.margin"), L.T("b4.h.share")},
			Align:   []Align{Left, Right, Right, Right}, Rows: rows, RowHeader: true,
		}, b.chart("history", h, nil, 600, 360))
	}
	if len(a.Pains) > 0 {
		ps := b.sub(s, "pains", L.T("sec.b4.pains"))
		var rows [][]Cell
		for _, pn := range a.Pains {
			rows = append(rows, []Cell{{Text: pn.Pain}, {Text: b.enum("level", pn.Impact)}, {Text: pn.Solution}})
		}
		ps.Blocks = append(ps.Blocks, &Table{Caption: L.T("sec.b4.pains"), Header: []string{L.T("b4.pain"), L.T("b4.impact"), L.T("b4.solution")}, Rows: rows, RowHeader: true, Widths: []float64{4, 1.3, 4}})
	}
	if len(a.Initiatives) > 0 {
		is := b.sub(s, "initiatives", L.T("sec.b4.initiatives"))
		var rows [][]Cell
		for _, in := range a.Initiatives {
			rows = append(rows, []Cell{{Text: in.Name}, {Text: in.Goal}, {Text: b.date(in.Due)}, {Text: b.enum("level", in.Relevance)}})
		}
		is.Blocks = append(is.Blocks, &Table{Caption: L.T("sec.b4.initiatives"), Header: []string{L.T("b4.initiative"), L.T("b4.goal"), L.T("b4.due"), L.T("b4.relevance")}, Align: []Align{Left, Left, Right, Left}, Rows: rows, RowHeader: true, Widths: []float64{3, 4, 1.6, 1.3}})
	}
	if pu := a.Purchasing; pu != nil && (strings.TrimSpace(pu.Process) != "" || len(pu.Steps) > 0) {
		ps := b.sub(s, "purchasing", L.T("sec.b4.purchasing"))
		if strings.TrimSpace(pu.Process) != "" {
			ps.Blocks = append(ps.Blocks, &Markdown{Source: pu.Process})
		}
		if len(pu.Steps) > 0 {
			ps.Blocks = append(ps.Blocks, &List{Title: L.T("b4.steps"), Items: pu.Steps, Ordered: true})
		}
	}
	if len(a.Readiness) > 0 {
		rs := b.sub(s, "readiness", L.T("sec.b4.readiness"))
		var rows [][]Cell
		for _, r := range a.Readiness {
			rows = append(rows, []Cell{{Text: r.Criterion}, {Text: b.F.Decimal(r.Points, 1)}})
		}
		t := &Table{Caption: L.T("sec.b4.readiness"), Header: []string{L.T("b4.criterion"), L.T("b4.points")}, Align: []Align{Left, Right}, Rows: rows, RowHeader: true, Widths: []float64{5, 1}}
		if f.Analysis != nil && f.Analysis.Readiness != nil {
			t.Foot = [][]Cell{{{Text: L.T("b4.readiness"), Strong: true}, {Text: b.F.Decimal(*f.Analysis.Readiness, 1) + " / 100", Strong: true}}}
		}
		rs.Blocks = append(rs.Blocks, t)
	}
}

func ptrOrNaN(p *float64) float64 {
	if p == nil {
		return math.NaN()
	}
	return *p
}
