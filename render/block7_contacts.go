package render

import (
	"strconv"
	"strings"

	"github.com/kepdev/kep/charts"
	"github.com/kepdev/kep/plan"
)

// Building block 7, networking: our team, the contacts, the relationship map and coverage.

func (b *builder) block7(s *Section) {
	p, f, L := b.p, b.f, b.L
	if len(p.Team) > 0 {
		ts := b.sub(s, "team", L.T("sec.b7.team"))
		var rows [][]Cell
		for _, t := range p.Team {
			rows = append(rows, []Cell{{Text: t.Name, Name: true}, {Text: t.Role}})
		}
		ts.Blocks = append(ts.Blocks, &Table{Caption: L.T("sec.b7.team"), Header: []string{L.T("b7.name"), L.T("b7.role")}, Rows: rows, RowHeader: true, Widths: []float64{1, 1}})
	}
	if len(p.Contacts) == 0 {
		return
	}
	cs := b.sub(s, "contacts", L.T("sec.b7.contacts"))
	var rows [][]Cell
	for _, c := range p.Contacts {
		var roles []string
		for _, r := range c.Roles {
			roles = append(roles, b.enum("role", r))
		}
		rel := b.enum("relationship", strconv.Itoa(c.Relationship))
		if c.TargetRelationship != nil && *c.TargetRelationship != c.Relationship {
			rel += " → " + b.enum("relationship", strconv.Itoa(*c.TargetRelationship))
		}
		name := Cell{Text: c.Name, Strong: c.Influence == 3, Name: true}
		fn := joinNonEmpty(", ", c.Title, c.Department)
		if c.ReportsTo != "" {
			fn = joinNonEmpty(L.Semicolon(), fn, L.T("b7.reports_to")+" "+b.contactName(c.ReportsTo))
		}
		rows = append(rows, []Cell{name, {Text: fn}, {Text: strings.Join(roles, ", ")}, {Text: b.enum("influence", strconv.Itoa(c.Influence))}, {Text: b.enum("attitude", c.Attitude)}, {Text: rel}, {Text: b.teamName(c.Owner), Name: true}, {Text: b.date(c.LastContact)}, {Text: c.NextStep}})
	}
	cs.Blocks = append(cs.Blocks, &Table{
		Caption: L.T("sec.b7.contacts"),
		Header:  []string{L.T("b7.name"), L.T("b7.title"), L.T("b7.roles"), L.T("b7.influence"), L.T("b7.attitude"), L.T("b7.relationship"), L.T("b7.owner"), L.T("b7.last"), L.T("b7.next")},
		Align:   []Align{Left, Left, Left, Left, Left, Left, Left, Right, Left},
		Widths:  []float64{2.2, 2.6, 2, 1.1, 1.4, 1.8, 1.6, 1.5, 2.6}, Rows: rows, RowHeader: true,
	})

	ms := b.sub(s, "map", L.T("sec.b7.map"))
	if f.Network != nil {
		ms.Blocks = append(ms.Blocks, &Facts{Items: []Fact{{Label: L.T("b7.mapstatus"), Value: strconv.Itoa(f.Network.MapStatus) + " – " + L.T("mapstatus."+strconv.Itoa(f.Network.MapStatus))}}})
	}
	// Attitude from opponent (left) to champion (right).
	att := make([]string, len(plan.Attitudes))
	attIndex := map[string]int{}
	for i, a := range plan.Attitudes {
		j := len(plan.Attitudes) - 1 - i
		att[j] = b.enum("attitude", a)
		attIndex[a] = j
	}
	rm := &charts.RelationshipMap{
		Meta:            charts.Meta{Heading: L.T("sec.b7.map"), Summary: b.tf("b7.map.alt", len(p.Contacts))},
		AttitudeLabels:  att,
		InfluenceLabels: []string{b.enum("influence", "1"), b.enum("influence", "2"), b.enum("influence", "3")},
		XTitle:          L.T("b7.attitude"), YTitle: L.T("b7.influence"),
	}
	for i := 0; i <= 4; i++ {
		rm.RelationshipLabels = append(rm.RelationshipLabels, b.enum("relationship", strconv.Itoa(i)))
	}
	for _, c := range p.Contacts {
		rm.Contacts = append(rm.Contacts, charts.Contact{Name: c.Name, Attitude: attIndex[c.Attitude], Influence: c.Influence - 1, Relationship: c.Relationship, Highlight: c.Influence == 3})
	}
	ms.Blocks = append(ms.Blocks, b.chart("relationship", rm, nil, 640, 440))

	if nf := f.Network; nf != nil && len(nf.Coverage) > 0 {
		vs := b.sub(s, "coverage", L.T("sec.b7.coverage"))
		var rows [][]Cell
		for _, rc := range nf.Coverage {
			var names []string
			for _, id := range rc.Contacts {
				names = append(names, b.contactName(id))
			}
			who := Cell{Text: strings.Join(names, ", ")}
			best := Cell{Text: "–", Muted: true}
			if len(names) == 0 {
				who = Cell{Text: L.T("b7.uncovered"), Light: Red}
			} else if rc.BestRelationship >= 0 {
				best = Cell{Text: b.enum("relationship", strconv.Itoa(rc.BestRelationship))}
			}
			rows = append(rows, []Cell{{Text: b.enum("role", rc.Role)}, who, best})
		}
		vs.Blocks = append(vs.Blocks, &Table{Caption: L.T("sec.b7.coverage"), Header: []string{L.T("b7.role.col"), L.T("b7.contacts"), L.T("b7.best")}, Rows: rows, RowHeader: true, Widths: []float64{1.5, 4, 1.5}})
	}
}
