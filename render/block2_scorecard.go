package render

import (
	"math"
	"strings"

	"github.com/kepdev/kep/charts"
	"github.com/kepdev/kep/plan"
	"github.com/kepdev/kep/plan/figures"
)

// Building block 2, strategic KAM goals: the balanced scorecard, its perspectives and radar.

func (b *builder) block2(s *Section) {
	s.Blocks = append(s.Blocks, b.scorecardTable())
	b.lowerNote(s)
	s.Blocks = append(s.Blocks, b.perspectiveTable())
	s.Blocks = append(s.Blocks, b.radar(false))
}

// scorecardTable is the balanced scorecard.
func (b *builder) scorecardTable() *Table {
	L, sf := b.L, b.f.Scorecard
	header := []string{L.T("b2.perspective"), L.T("b2.objective"), L.T("b2.kpi"), L.T("b2.weight"), L.T("b2.baseline"), L.T("b2.target"), L.T("b2.actual"), L.T("b2.achievement"), L.T("b2.light")}
	align := []Align{Left, Left, Left, Right, Right, Right, Right, Right, Left}
	widths := []float64{1.5, 3, 1.9, 1.1, 1.6, 1.6, 1.5, 1.7, 1.5}
	// Progress from the baseline (spec A4) stands beside the achievement where any
	// objective has one.
	progress := false
	if sf != nil {
		for _, of := range sf.Objectives {
			progress = progress || of.Progress != nil
		}
	}
	if progress {
		at := len(header) - 1
		header = append(header[:at:at], L.T("b2.progress"), header[at])
		align = append(align[:at:at], Right, align[at])
		widths = append(widths[:at:at], 1.7, widths[at])
		// Ten columns do not fit a portrait page without breaking the headers: the
		// perspective moves into the objective's cell.
		header, align, widths = header[1:], align[1:], []float64{3.4, 1.9, 1.1, 1.6, 1.6, 1.5, 1.7, 1.6, 1.5}
	}
	var rows [][]Cell
	for _, o := range b.objectivesInOrder() {
		var of *figures.ObjectiveFigures
		if sf != nil {
			of = sf.Objectives[o.ID]
		}
		ach, light, prog := Cell{Text: "–", Muted: true}, Cell{Text: "–", Muted: true}, Cell{Text: "–", Muted: true}
		if of != nil {
			ach = Cell{Text: b.pct(of.Achievement), Muted: of.StartingPoint}
			if of.StartingPoint {
				ach.Text += " *"
				light = Cell{Text: L.T("b2.start"), Muted: true}
			} else {
				light = Cell{Text: b.enum("light", of.Light), Light: Light(of.Light)}
			}
			if of.Progress != nil {
				prog = Cell{Text: b.pct(*of.Progress)}
			}
		}
		tail := []Cell{ach, light}
		if progress {
			tail = []Cell{ach, prog, light}
		}
		obj := o.ID + " – " + o.Objective
		val := func(v *float64) Cell {
			if v == nil {
				return Cell{Text: "–", Muted: true}
			}
			return Cell{Text: b.F.Value(*v, o.Unit)}
		}
		target := Cell{Text: b.F.Value(o.Target, o.Unit)}
		if o.Better == "lower" {
			target.Text += " ↓"
		}
		w := "–"
		if of != nil {
			w = b.pct(of.Weight)
		} else if o.Weight != nil {
			w = b.pct(*o.Weight)
		}
		if progress {
			rows = append(rows, append([]Cell{{Text: b.enum("perspective", o.Perspective) + L.Colon() + obj}, {Text: o.KPI}, {Text: w}, val(o.Baseline), target, val(o.Actual)}, tail...))
			continue
		}
		rows = append(rows, append([]Cell{{Text: b.enum("perspective", o.Perspective)}, {Text: obj}, {Text: o.KPI}, {Text: w}, val(o.Baseline), target, val(o.Actual)}, tail...))
	}
	t := &Table{Caption: L.T("b2.table"), Header: header, Align: align, Widths: widths, Rows: rows}
	if sf != nil && sf.Total != nil {
		foot := []Cell{{Text: L.T("b2.total"), Strong: true}, {}, {}, {}, {}, {}, {}, {Text: b.pct(*sf.Total), Strong: true}}
		if progress {
			foot = append(foot[:1], foot[2:]...) // no perspective column
			foot = append(foot, Cell{})
		}
		if sf.StartingPoint {
			foot[len(foot)-1-btoi(progress)].Text += " *"
			foot = append(foot, Cell{Text: L.T("b2.start"), Muted: true, Strong: true})
		} else {
			l := figures.Light(*sf.Total)
			foot = append(foot, Cell{Text: b.enum("light", l), Light: Light(l), Strong: true})
		}
		t.Foot = [][]Cell{foot}
	}
	return t
}

// lowerNote explains the marks of the scorecard table: the arrow at targets where lower
// is better, the asterisk at achievements computed from the baseline.
func (b *builder) lowerNote(s *Section) {
	var lower, start bool
	for _, o := range b.p.Scorecard.Objectives {
		lower = lower || o.Better == "lower"
		if sf := b.f.Scorecard; sf != nil && sf.Objectives[o.ID] != nil {
			start = start || sf.Objectives[o.ID].StartingPoint
		}
	}
	if lower {
		s.Blocks = append(s.Blocks, &Paragraph{Text: "↓ " + b.enum("better", "lower")})
	}
	if start {
		s.Blocks = append(s.Blocks, &Paragraph{Text: "* " + b.t("b2.startpoint")})
	}
}

func (b *builder) perspectiveTable() Block {
	L, sf := b.L, b.f.Scorecard
	if sf == nil || len(sf.Perspectives) == 0 {
		return &Note{Text: L.T("b2.noachievement")}
	}
	var rows [][]Cell
	for _, per := range plan.Perspectives {
		a, ok := sf.Perspectives[per]
		if !ok {
			continue
		}
		l := figures.Light(a)
		rows = append(rows, []Cell{{Text: b.enum("perspective", per)}, {Text: b.pct(sf.Weights[per])}, {Text: b.pct(a)}, {Text: b.enum("light", l), Light: Light(l)}})
	}
	t := &Table{
		Caption: L.T("b2.perspective") + " – " + L.T("b2.achievement"),
		Header:  []string{L.T("b2.perspective"), L.T("b2.weight"), L.T("b2.achievement"), L.T("b2.light")},
		Align:   []Align{Left, Right, Right, Left}, Widths: []float64{3, 1, 1.4, 1.2}, Rows: rows, RowHeader: true,
	}
	if sf.Total != nil {
		l := figures.Light(*sf.Total)
		t.Foot = [][]Cell{{{Text: L.T("b2.total"), Strong: true}, {Text: b.pct(100)}, {Text: b.pct(*sf.Total), Strong: true}, {Text: b.enum("light", l), Light: Light(l), Strong: true}}}
	}
	return t
}

// radar is the scorecard radar: one axis per perspective, or per objective where a
// perspective has only one objective (spec: program.md, Charts).
func (b *builder) radar(actualOnly bool) Block {
	L, sf := b.L, b.f.Scorecard
	if sf == nil {
		return &Note{Text: L.T("doc.nochart")}
	}
	var axes []string
	var vals []float64
	var rows [][]Cell
	// same: every axis is a perspective whose achievement the perspective table above
	// prints (block 2); the chart's data then repeats that table.
	same := !actualOnly
	for _, per := range plan.Perspectives {
		var objs []plan.Objective
		for _, o := range b.p.Scorecard.Objectives {
			if o.Perspective == per {
				objs = append(objs, o)
			}
		}
		if len(objs) == 0 {
			continue
		}
		if a, ok := sf.Perspectives[per]; !ok || len(objs) == 1 && (sf.Objectives[objs[0].ID] == nil || sf.Objectives[objs[0].ID].Achievement != a) {
			same = false
		}
		add := func(label string, v float64, ok bool) {
			axes = append(axes, label)
			if !ok {
				v = math.NaN()
			}
			vals = append(vals, v)
			txt := "–"
			if ok {
				txt = b.pct(v)
			}
			rows = append(rows, []Cell{{Text: label}, {Text: b.pct(100)}, {Text: txt}})
		}
		if len(objs) == 1 {
			of := sf.Objectives[objs[0].ID]
			ok := of != nil && (!actualOnly || !of.StartingPoint)
			v := 0.0
			if of != nil {
				v = of.Achievement
			}
			add(b.enum("perspective", per)+L.Colon()+objs[0].Objective, v, ok)
			continue
		}
		if actualOnly {
			// the perspective's achievement over objectives with an actual value
			sum, w := 0.0, 0.0
			for _, o := range objs {
				if of := sf.Objectives[o.ID]; of != nil && !of.StartingPoint {
					sum += of.Weight * of.Achievement
					w += of.Weight
				}
			}
			add(b.enum("perspective", per), safeDiv(sum, w), w > 0)
			continue
		}
		a, ok := sf.Perspectives[per]
		add(b.enum("perspective", per), a, ok)
	}
	target := make([]float64, len(axes))
	for i := range target {
		target[i] = 100
	}
	var parts []string
	for i, a := range axes {
		if !math.IsNaN(vals[i]) {
			parts = append(parts, a+" "+b.pct(vals[i]))
		}
	}
	title := L.T("b2.radar")
	if actualOnly {
		title = L.T("pa.radar")
	}
	unit := b.F.PercentSign()
	r := &charts.Radar{
		Meta: charts.Meta{Heading: title, Summary: b.tf("b2.radar.alt", strings.Join(parts, L.Semicolon()))},
		Axes: axes, Target: target, Actual: vals,
		TargetLabel: L.T("b2.target"), ActualLabel: L.T("b2.achievement"), Unit: unit,
	}
	data := &Table{Caption: L.T("doc.chartdata") + L.Colon() + title,
		Header: []string{L.T("b2.perspective"), L.T("b2.target"), L.T("b2.achievement")},
		Align:  []Align{Left, Right, Right}, Rows: rows, RowHeader: true}
	c := b.chart("radar", r, data, 560, 440)
	if ch, ok := c.(*Chart); ok && same && len(rows) > 0 {
		ch.DataAbove = L.T("b2.perspective") + " – " + L.T("b2.achievement") // perspectiveTable's caption
	}
	return c
}

func safeDiv(a, b float64) float64 {
	if b == 0 {
		return 0
	}
	return a / b
}
