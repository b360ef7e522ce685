package load

import (
	"bytes"
	"fmt"
	"io/fs"
	"math"
	"strconv"
	"strings"
	"sync"
	"text/template"

	"github.com/kepdev/kep/locale"
	"github.com/kepdev/kep/plan"
	"github.com/kepdev/kep/plan/figures"
	"github.com/kepdev/kep/templates"
)

// The scaffolds are commented plans, one per language, that `kep init` writes. The TOML
// encoder cannot write comments, so they are templates rather than encoded structs
// (templates/scaffold). They are read here, not in cmd/kep, because the loader compares
// plans with them (spec A9, examples.go): one source for what kep init writes and for
// what counts as its example.
// scaffoldTemplates are parsed on first use: at start-up they cost every kep command
// 150 KB and 1,400 allocations (issue 19).
// Each language's scaffold is templates/scaffold/LANG/plan.toml; a language without one
// has none here (TestEveryLanguageIsComplete fails on it).
var scaffoldTemplates = sync.OnceValue(func() map[string]*template.Template {
	m := map[string]*template.Template{}
	for _, lang := range locale.Langs() {
		if _, err := fs.Stat(templates.Scaffold, templates.PlanFile(lang)); err == nil {
			m[lang] = template.Must(template.ParseFS(templates.Scaffold, templates.PlanFile(lang)))
		}
	}
	return m
})

// ScaffoldLangs are the languages kep init writes: every document language, each with its
// scaffold/LANG/plan.toml (TestExamplePlanFromInit writes and checks each).
var ScaffoldLangs = locale.Langs()

// ExampleAccount is the account name kep init writes without --account.
func ExampleAccount(lang string) string {
	name, _ := locale.Get(lang).Label("init.account")
	return name
}

// ScaffoldOptions say what to fill the scaffold with.
type ScaffoldOptions struct {
	Lang      string          // de or en
	Account   string          // the key account's name; empty: ExampleAccount
	File      string          // the plan's path, named in the header comment
	Year      int             // the plan year
	Workspace *plan.Workspace // its scoring criteria and visit norm; nil: the defaults
}

// Scaffold returns the plan kep init writes. The visits in block 1 are the norm of the
// class the example scores give in the workspace, so that the new plan has no visit
// warning.
func Scaffold(o ScaffoldOptions) ([]byte, error) {
	src, _, err := scaffold(o)
	return src, err
}

// scaffoldData fills a scaffold template.
type scaffoldData struct {
	File           string // as given, for the hints in the header comment
	Account        string // a TOML basic string, quotes included
	Year, Prev     int
	Visits         int
	Attractiveness []scaffoldCriterion
	Position       []scaffoldCriterion

	plausible map[string]bool // the texts marked with Plausible
}

// Plausible writes s as a TOML string and notes it as an example text a real plan may
// well keep (a role, a criterion, a checklist question): not flagged on its own (A9).
func (d *scaffoldData) Plausible(s string) string {
	d.plausible[s] = true
	return tomlString(s)
}

// PlausibleList is Plausible for an array of texts.
func (d *scaffoldData) PlausibleList(ss ...string) string {
	q := make([]string, len(ss))
	for i, s := range ss {
		q[i] = d.Plausible(s)
	}
	return "[" + strings.Join(q, ", ") + "]"
}

type scaffoldCriterion struct {
	ID, Name, Weight, Pad string
	Points                int
}

// scaffold fills the template and returns it with the texts marked plausible.
func scaffold(o ScaffoldOptions) ([]byte, map[string]bool, error) {
	tmpl := scaffoldTemplates()[o.Lang]
	if tmpl == nil {
		return nil, nil, fmt.Errorf("scaffold: no scaffold for language %q", o.Lang)
	}
	ws := o.Workspace
	if ws == nil {
		ws = plan.DefaultWorkspace()
	}
	account := o.Account
	if account == "" {
		account = ExampleAccount(o.Lang)
	}
	// The file name appears in a comment: a line break in it would end the comment.
	shown := strings.Map(func(r rune) rune {
		if r < 0x20 || r == 0x7f {
			return '?'
		}
		return r
	}, o.File)
	data := &scaffoldData{File: shown, Account: tomlString(account), Year: o.Year, Prev: o.Year - 1,
		Attractiveness: scaffoldCriteria(ws.Scoring.Attractiveness, 6, o.Lang),
		Position:       scaffoldCriteria(ws.Scoring.Position, 5, o.Lang),
		plausible:      map[string]bool{}}
	var buf bytes.Buffer
	for pass := 0; pass < 2; pass++ {
		buf.Reset()
		if err := tmpl.Execute(&buf, data); err != nil {
			return nil, nil, fmt.Errorf("scaffold: %w", err)
		}
		if pass == 1 {
			break
		}
		// The first pass, with no visits, gives the class of the example scores.
		d, _ := decodeRaw("scaffold", buf.Bytes())
		p := &plan.Plan{}
		if d == nil || d.into(p) != nil || p.Selection == nil {
			break
		}
		f := figures.Selection(p, ws, figures.Visits(ws))
		if f.NormVisits == nil {
			break
		}
		data.Visits = int(math.Round(*f.NormVisits))
	}
	return bytes.Clone(buf.Bytes()), data.plausible, nil
}

func scaffoldCriteria(cs []plan.Criterion, points int, lang string) []scaffoldCriterion {
	defaults := map[string]string{}
	for _, c := range append(plan.DefaultWorkspace().Scoring.Attractiveness, plan.DefaultWorkspace().Scoring.Position...) {
		defaults[c.ID] = c.Name
	}
	out := make([]scaffoldCriterion, len(cs))
	for i, c := range cs {
		// Align the comments after "id = n" in one column, at least two spaces after.
		pad := strings.Repeat(" ", max(2, 31-len(c.ID)-3-len(strconv.Itoa(points))))
		// The default model's criteria, named in German by the spec, in the scaffold's
		// language; a workspace's own names stay as they are.
		name := c.Name
		if t, ok := locale.Get(lang).Label("criterion." + c.ID); ok && defaults[c.ID] == c.Name {
			name = t
		}
		out[i] = scaffoldCriterion{ID: c.ID, Name: name, Weight: strconv.FormatFloat(c.Weight, 'f', -1, 64), Points: points, Pad: pad}
	}
	return out
}

// tomlString quotes s as a TOML basic string.
func tomlString(s string) string { return QuoteTOML(s) }

// QuoteTOML quotes s as a TOML basic string (for tools that write plan text: kep init,
// kep import).
func QuoteTOML(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r == '"':
			b.WriteString(`\"`)
		case r == '\\':
			b.WriteString(`\\`)
		case r < 0x20 || r == 0x7f:
			fmt.Fprintf(&b, `\u%04X`, r)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}
