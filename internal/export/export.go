package export

import (
	"fmt"
	"io"
	"math"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/kepdev/kep/internal/xlsx"
	"github.com/kepdev/kep/locale"
	"github.com/kepdev/kep/plan"
	"github.com/kepdev/kep/plan/figures"
)

// Plan is one plan with its figures.
type Plan struct {
	File    string // as given on the command line, the first column of every sheet
	Plan    *plan.Plan
	Figures *figures.Figures
}

// Options of a workbook. The zero value is valid.
type Options struct {
	// Now is the workbook's creation date in its properties; the zip entries carry a
	// fixed time, so equal plans and an equal Now give equal bytes.
	Now  time.Time
	Lang string // labels and number formats: a code of locale.Languages(); "": the first plan's
}

// kinds of cells, each with its style.
const (
	text = iota
	money
	number
	percent
	date
	integer
	score
)

// column is one column of a sheet: the key of its heading (the label xlsx.KEY of the
// language, locale/) and the kind of its cells.
type column struct {
	key  string
	kind int
}

// sheet is one table of the workbook, named by the label xlsx.KEY.
type sheet struct {
	key  string
	cols []column
	rows [][]any
}

// word is the label xlsx.key of the workbook's language.
func word(loc *locale.Locale, key string) string {
	s, _ := loc.Label("xlsx." + key)
	return s
}

// Write writes the workbook.
func Write(w io.Writer, plans []Plan, opt Options) error {
	lang := opt.Lang
	if lang == "" && len(plans) > 0 {
		lang = plans[0].Plan.Lang
	}
	sheets := []*sheet{figuresSheet(plans), objectivesSheet(plans), actionsSheet(plans), contactsSheet(plans), opportunitiesSheet(plans), asksSheet(plans)}
	loc := locale.Get(lang)
	wb := &xlsx.Workbook{Title: word(loc, "title"), Creator: "kep", Language: lang, Created: opt.Now}
	st := newStyles(wb, loc)
	for _, s := range sheets {
		name := word(loc, s.key)
		xs, err := buildSheet(name, s, st, loc)
		if err != nil {
			return fmt.Errorf("sheet %s: %w", name, err)
		}
		wb.Sheets = append(wb.Sheets, xs)
	}
	return wb.Write(w)
}

type styles struct {
	header int
	byKind map[int]int
}

func newStyles(wb *xlsx.Workbook, loc *locale.Locale) *styles {
	f := loc.SheetFormats()
	pct, dt, mon, sc := f.Percent, f.Date, `#,##0`, "0.0"
	s := &styles{byKind: map[int]int{}}
	s.header = wb.AddStyle(xlsx.Style{Bold: true, Fill: "DDE4EE", NumFmt: "@"})
	for kind, code := range []string{
		text:    "@", // Excel keeps the cell text, also when someone edits it
		money:   mon,
		number:  "", // General: objectives' values have any unit and precision
		percent: pct,
		date:    dt,
		integer: "0",
		score:   sc,
	} {
		s.byKind[kind] = wb.AddStyle(xlsx.Style{NumFmt: code})
	}
	return s
}

// buildSheet makes one table: a bold header row that stays in view, under a filter, and
// columns about as wide as their widest value.
func buildSheet(name string, s *sheet, st *styles, loc *locale.Locale) (*xlsx.Sheet, error) {
	xs := &xlsx.Sheet{Name: name, FreezeRows: 1, Filter: true, Rows: make([][]xlsx.Cell, 0, len(s.rows)+1)}
	widths := make([]int, len(s.cols))
	head := make([]xlsx.Cell, len(s.cols))
	for c, col := range s.cols {
		h := word(loc, col.key)
		head[c] = xlsx.TextCell(h, st.header)
		widths[c] = utf8.RuneCountInString(h) + 3 // room for the filter button
	}
	xs.Rows = append(xs.Rows, head)
	for r, row := range s.rows {
		cells := make([]xlsx.Cell, len(row))
		for c, v := range row {
			cell, n, err := toCell(v)
			if err != nil {
				return nil, fmt.Errorf("cell %s: %w", xlsx.CellName(c+1, r+2), err)
			}
			cell.Style = st.byKind[s.cols[c].kind]
			cells[c] = cell
			widths[c] = max(widths[c], n)
		}
		xs.Rows = append(xs.Rows, cells)
	}
	xs.Widths = make([]float64, len(widths))
	for c, wd := range widths {
		xs.Widths[c] = float64(min(max(wd+1, 8), 60))
	}
	return xs, nil
}

// toCell makes one value a cell with its type: text always as a string cell (never a
// formula, whatever it starts with), numbers as numbers, dates as Excel dates. It returns
// the displayed width, roughly, for the column. A value that is not a finite number (no
// computed figure should be) is left empty rather than written as a broken cell.
func toCell(v any) (xlsx.Cell, int, error) {
	switch x := v.(type) {
	case nil:
		return xlsx.Cell{}, 0, nil
	case string:
		return xlsx.TextCell(x, 0), utf8.RuneCountInString(x), nil
	case *float64:
		if x == nil {
			return xlsx.Cell{}, 0, nil
		}
		return toCell(*x)
	case float64:
		if math.IsNaN(x) || math.IsInf(x, 0) {
			return xlsx.Cell{}, 0, nil
		}
		return xlsx.NumberCell(x, 0), len(fmt.Sprintf("%.1f", x)) + len(fmt.Sprintf("%.0f", x))/3 + 2, nil
	case int:
		return xlsx.NumberCell(float64(x), 0), len(fmt.Sprint(x)) + 1, nil
	case *int:
		if x == nil {
			return xlsx.Cell{}, 0, nil
		}
		return toCell(*x)
	case *plan.Date:
		if x == nil {
			return xlsx.Cell{}, 0, nil
		}
		return toCell(*x)
	case plan.Date:
		if x.IsZero() {
			return xlsx.Cell{}, 0, nil
		}
		return xlsx.NumberCell(xlsx.Serial(x.Time()), 0), 12, nil
	}
	return xlsx.Cell{}, 0, fmt.Errorf("cannot write a %T", v)
}

func lead(p Plan) []any { return []any{p.File, p.Plan.Meta.Account} }

var leadCols = []column{{"file", text}, {"account", text}}

func figuresSheet(plans []Plan) *sheet {
	s := &sheet{key: "sheet.figures", cols: append(append([]column{}, leadCols...),
		column{"from", date}, column{"to", date}, column{"status", text},
		column{"currency", text},
		column{"class", text}, column{"quadrant", text},
		column{"attractiveness", score}, column{"position", score},
		column{"revenue", money}, column{"margin", money},
		column{"margin_rate", percent}, column{"visits", integer},
		column{"visit_cost", money}, column{"visit_cost_revenue", percent},
		column{"scorecard", percent}, column{"readiness", score},
		column{"map_status", integer}, column{"contacts", integer},
		column{"open_actions", integer}, column{"overdue_actions", integer},
		column{"completeness", integer}, column{"warnings", integer},
	)}
	for _, p := range plans {
		pl, fg := p.Plan, p.Figures
		row := append(lead(p), pl.Meta.From, pl.Meta.To, pl.Meta.Status, pl.Currency)
		var class, quad string
		var attr, pos, mr, vc, vcr *float64
		if sf := fg.Selection; sf != nil {
			class, quad, attr, pos, mr, vc, vcr = sf.Class, sf.Quadrant, sf.Attractiveness, sf.Position, sf.MarginRate, sf.VisitCost, sf.VisitCostRevenuePct
		}
		var rev, cm *float64
		var visits *int
		if sel := pl.Selection; sel != nil {
			rev, cm, visits = &sel.Revenue, &sel.ContributionMargin, &sel.Visits
		}
		var total, ready *float64
		if fg.Scorecard != nil {
			total = fg.Scorecard.Total
		}
		if fg.Analysis != nil {
			ready = fg.Analysis.Readiness
		}
		var mapStatus, contacts, open, overdue *int
		if fg.Network != nil {
			mapStatus, contacts = &fg.Network.MapStatus, &fg.Network.Contacts
		}
		if fg.Actions != nil {
			open, overdue = &fg.Actions.Open, &fg.Actions.Overdue
		}
		row = append(row, class, quad, attr, pos, rev, cm, mr, visits, vc, vcr, total, ready, mapStatus, contacts, open, overdue, fg.Completeness, len(fg.Warnings))
		s.rows = append(s.rows, row)
	}
	return s
}

func objectivesSheet(plans []Plan) *sheet {
	s := &sheet{key: "sheet.objectives", cols: append(append([]column{}, leadCols...),
		column{"id", text}, column{"perspective", text}, column{"objective", text},
		column{"kpi", text}, column{"unit", text},
		column{"baseline", number}, column{"target", number}, column{"actual", number},
		column{"achievement", percent}, column{"light", text}, column{"weight", percent},
	)}
	for _, p := range plans {
		for _, o := range p.Plan.Scorecard.Objectives {
			var ach *float64
			var light string
			if p.Figures.Scorecard != nil {
				if of := p.Figures.Scorecard.Objectives[o.ID]; of != nil {
					a := of.Achievement
					ach, light = &a, of.Light
				}
			}
			s.rows = append(s.rows, append(lead(p), o.ID, o.Perspective, o.Objective, o.KPI, o.Unit, o.Baseline, o.Target, o.Actual, ach, light, o.Weight))
		}
	}
	return s
}

func actionsSheet(plans []Plan) *sheet {
	s := &sheet{key: "sheet.actions", cols: append(append([]column{}, leadCols...),
		column{"id", text}, column{"action", text}, column{"owner", text},
		column{"due", date}, column{"status", text}, column{"objective", text},
	)}
	for _, p := range plans {
		team := teamNames(p.Plan)
		for _, a := range p.Plan.Actions {
			s.rows = append(s.rows, append(lead(p), a.ID, a.Action, team(a.Owner), a.Due, a.Status, a.Objective))
		}
	}
	return s
}

func contactsSheet(plans []Plan) *sheet {
	s := &sheet{key: "sheet.contacts", cols: append(append([]column{}, leadCols...),
		column{"id", text}, column{"name", text}, column{"title_job", text},
		column{"department", text}, column{"roles", text},
		column{"influence", integer}, column{"attitude", text},
		column{"relationship", integer}, column{"contact_owner", text},
		column{"last_contact", date}, column{"next_step", text},
	)}
	for _, p := range plans {
		team := teamNames(p.Plan)
		for _, c := range p.Plan.Contacts {
			s.rows = append(s.rows, append(lead(p), c.ID, c.Name, c.Title, c.Department, strings.Join(c.Roles, ", "),
				c.Influence, c.Attitude, c.Relationship, team(c.Owner), c.LastContact, c.NextStep))
		}
	}
	return s
}

// opportunitiesSheet lists every opportunity (A5) with its weighted value; asksSheet every
// management ask (A6) with its decision.
func opportunitiesSheet(plans []Plan) *sheet {
	s := &sheet{key: "sheet.opportunities", cols: append(append([]column{}, leadCols...),
		column{"id", text}, column{"name", text}, column{"value", money},
		column{"probability", percent}, column{"weighted", money},
		column{"stage", text}, column{"close", date},
		column{"owner", text}, column{"objective", text},
	)}
	for _, p := range plans {
		team := teamNames(p.Plan)
		for _, o := range p.Plan.Opportunities {
			weighted := o.Value * o.Probability / 100
			s.rows = append(s.rows, append(lead(p), o.ID, o.Name, o.Value, o.Probability, weighted, o.Stage, o.Close, team(o.Owner), o.Objective))
		}
	}
	return s
}

func asksSheet(plans []Plan) *sheet {
	s := &sheet{key: "sheet.asks", cols: append(append([]column{}, leadCols...),
		column{"id", text}, column{"ask", text}, column{"kind", text},
		column{"amount", money}, column{"status", text},
		column{"decided_by", text}, column{"decided_on", date},
		column{"condition", text},
	)}
	for _, p := range plans {
		for _, a := range p.Plan.Asks {
			s.rows = append(s.rows, append(lead(p), a.ID, a.Ask, a.Kind, a.Amount, a.Status, a.DecidedBy, a.DecidedOn, a.Condition))
		}
	}
	return s
}

// teamNames shows an owner id as the team member's name.
func teamNames(p *plan.Plan) func(string) string {
	names := map[string]string{}
	for _, t := range p.Team {
		names[t.ID] = t.Name
	}
	return func(id string) string {
		if n, ok := names[id]; ok {
			return n
		}
		return id
	}
}
