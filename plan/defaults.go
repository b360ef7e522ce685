package plan

import (
	"fmt"

	"github.com/kepdev/kep/locale"
)

// Built-in defaults (spec: "Default model, used where the workspace has no [scoring]",
// "Defaults where the workspace has none"). The loader fills them into the model as
// effective values, so documents and figures never need to know what was left out.

const (
	defaultLang            = "de"
	defaultCurrency        = "EUR"
	DefaultStatus          = "draft"
	defaultConfidentiality = "confidential"
	DefaultKind            = "account"
	defaultBetter          = "higher"
	defaultActionStatus    = "open"
	defaultYears           = 1
	defaultPaper           = "A4"
	// DefaultPrimary and DefaultAccent are the brand colours without a [brand] colour:
	// a calm blue and an orange.
	DefaultPrimary = "#1f4e79"
	DefaultAccent  = "#e8772e"

	defaultClassA       = 70
	defaultClassB       = 40
	defaultWorkingDays  = 200
	defaultVisitsPerDay = 2.5
	defaultKAMs         = 1
)

// defaultFrequency is the visit norm per customer and year of each class.
var defaultFrequency = map[string]float64{"A": 12, "B": 6, "C": 2}

// visitClasses are the customer classes in document order.
var VisitClasses = []string{"A", "B", "C"}

func defaultAttractiveness() []Criterion {
	return []Criterion{
		{"revenue", "Umsatz", 25},
		{"potential", "Umsatzpotenzial", 25},
		{"margin", "Deckungsbeitrag", 20},
		{"strategic_fit", "strategische Bedeutung", 15},
		{"reference", "Referenzwert", 15},
	}
}

func defaultPosition() []Criterion {
	return []Criterion{
		{"share_of_wallet", "Lieferanteil", 30},
		{"relationship", "Beziehungsqualität", 25},
		{"solution_fit", "Leistungsfit", 25},
		{"price_enforcement", "Preisdurchsetzung", 20},
	}
}

func defaultVisitClasses() []VisitClass {
	out := make([]VisitClass, 0, len(VisitClasses))
	for _, c := range VisitClasses {
		f := defaultFrequency[c]
		out = append(out, VisitClass{Class: c, Frequency: f, ProspectFrequency: f / 2})
	}
	return out
}

// DefaultWorkspace is the workspace that applies when no kep.toml is found.
func DefaultWorkspace() *Workspace {
	w := &Workspace{}
	w.FillDefaults(nil)
	return w
}

// fillDefaults sets every key the workspace file left out to its built-in default. set
// tells which keys the file gave (nil: none), so that a 0 typed by the user stays 0.
func (w *Workspace) FillDefaults(set map[string]any) {
	if w.Lang == "" {
		w.Lang = defaultLang
	}
	if w.Currency == "" {
		w.Currency = defaultCurrency
	}
	w.Brand.fillDefaults()
	sc, _ := set["scoring"].(map[string]any)
	if _, ok := sc["class_a"]; !ok {
		w.Scoring.ClassA = defaultClassA
	}
	if _, ok := sc["class_b"]; !ok {
		w.Scoring.ClassB = defaultClassB
	}
	if _, ok := sc["attractiveness"]; !ok {
		w.Scoring.Attractiveness = defaultAttractiveness()
	}
	if _, ok := sc["position"]; !ok {
		w.Scoring.Position = defaultPosition()
	}
	vs, _ := set["visits"].(map[string]any)
	if _, ok := vs["working_days"]; !ok {
		w.Visits.WorkingDays = defaultWorkingDays
	}
	if _, ok := vs["visits_per_day"]; !ok {
		w.Visits.VisitsPerDay = defaultVisitsPerDay
	}
	if _, ok := vs["kams"]; !ok {
		w.Visits.KAMs = defaultKAMs
	}
	w.Visits.Classes = effectiveClasses(w.Visits.Classes, vs)
	ts, _ := TableRows(vs["territories"])
	for i := range w.Visits.Territories {
		var set map[string]any
		if i < len(ts) {
			set = ts[i]
		}
		w.Visits.Territories[i].fillDefaults(&w.Visits, set)
	}
}

// fillDefaults gives a territory the workspace's KAMs, working days and visits per day
// where it names none, and rows for A, B and C in that order: a class without a row
// counts nobody, and a frequency left out is the workspace's norm of the class.
func (t *Territory) fillDefaults(v *Visits, set map[string]any) {
	if _, ok := set["kams"]; !ok {
		t.KAMs = v.KAMs
	}
	if _, ok := set["working_days"]; !ok {
		t.WorkingDays = v.WorkingDays
	}
	if _, ok := set["visits_per_day"]; !ok {
		t.VisitsPerDay = v.VisitsPerDay
	}
	given, _ := TableRows(set["classes"])
	out := make([]VisitClass, 0, len(v.Classes))
	for _, norm := range v.Classes {
		row := VisitClass{Class: norm.Class, Frequency: norm.Frequency, ProspectFrequency: norm.ProspectFrequency,
			MinorProspectFrequency: norm.MinorProspectFrequency}
		for i, c := range t.Classes {
			if c.Class != norm.Class {
				continue
			}
			var set map[string]any
			if i < len(given) {
				set = given[i]
			}
			row.Customers, row.Prospects, row.MinorProspects = c.Customers, c.Prospects, c.MinorProspects
			if _, ok := set["frequency"]; ok {
				row.Frequency = c.Frequency
			}
			if _, ok := set["prospect_frequency"]; ok {
				row.ProspectFrequency = c.ProspectFrequency
			}
			if _, ok := set["minor_prospect_frequency"]; ok {
				row.MinorProspectFrequency = c.MinorProspectFrequency
			}
			break // a second row is an error the validator reports
		}
		out = append(out, row)
	}
	t.Classes = out
}

// effectiveClasses returns the rows for A, B and C in that order: the file's rows where
// given (a missing prospect_frequency is half the frequency), else the defaults.
func effectiveClasses(given []VisitClass, set map[string]any) []VisitClass {
	rows, _ := set["classes"].([]map[string]any)
	out := defaultVisitClasses()
	for i, c := range given {
		for j := range out {
			if out[j].Class != c.Class {
				continue
			}
			if i < len(rows) {
				if _, ok := rows[i]["prospect_frequency"]; !ok {
					c.ProspectFrequency = c.Frequency / 2
				}
			}
			out[j] = c
		}
	}
	return out
}

func (b *Brand) fillDefaults() {
	if b.Primary == "" {
		b.Primary = DefaultPrimary
	}
	if b.Accent == "" {
		b.Accent = DefaultAccent
	}
	if b.Paper == "" {
		b.Paper = defaultPaper
	}
}

// DefaultTitle is the plan title used when [plan] title is not given: the document
// title of the plan's language.
func DefaultTitle(lang, account string) string {
	title, _ := locale.Get(lang).Label("doc.title")
	return fmt.Sprintf(title, account)
}

// fillDefaults sets the plan's effective values: everything the file left out.
func (p *Plan) FillDefaults() {
	if p.Meta.Title == "" {
		p.Meta.Title = DefaultTitle(p.Lang, p.Meta.Account)
	}
	if p.Meta.Status == "" {
		p.Meta.Status = DefaultStatus
	}
	if p.Meta.Confidentiality == "" {
		p.Meta.Confidentiality = defaultConfidentiality
	}
	if p.Meta.Kind == "" {
		p.Meta.Kind = DefaultKind
	}
	if p.Scorecard.Weights == nil {
		p.Scorecard.Weights = map[string]float64{}
		for _, k := range Perspectives {
			p.Scorecard.Weights[k] = 25
		}
	} else {
		for _, k := range Perspectives {
			p.Scorecard.Weights[k] += 0 // a perspective left out weighs 0
		}
	}
	// An objective without weight gets an equal share of its perspective.
	count := map[string]int{}
	for _, o := range p.Scorecard.Objectives {
		if o.Weight == nil {
			count[o.Perspective]++
		}
	}
	for i := range p.Scorecard.Objectives {
		o := &p.Scorecard.Objectives[i]
		if o.Better == "" {
			o.Better = defaultBetter
		}
		if o.Weight == nil {
			w := 100 / float64(count[o.Perspective])
			o.Weight = &w
		}
	}
	for i := range p.Value {
		if p.Value[i].Years == 0 {
			p.Value[i].Years = defaultYears
		}
	}
	for i := range p.Actions {
		if p.Actions[i].Status == "" {
			p.Actions[i].Status = defaultActionStatus
		}
	}
}

// TableRows returns the tables of an array of tables as the TOML library or fill gives
// them, written as [[x]] or as x = [{…}]; false when an element is no table.
func TableRows(v any) ([]map[string]any, bool) {
	switch x := v.(type) {
	case []map[string]any:
		return x, true
	case []any:
		out := make([]map[string]any, 0, len(x))
		for _, e := range x {
			m, ok := e.(map[string]any)
			if !ok {
				return nil, false
			}
			out = append(out, m)
		}
		return out, true
	}
	return nil, false
}
