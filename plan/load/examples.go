package load

import (
	"fmt"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/kepdev/kep/plan"
	"github.com/kepdev/kep/plan/figures"
)

// Example values left from kep init (spec A9). The loader compares a plan with what
// Scaffold writes for the plan's year and workspace: the same templates, so there is no
// second list to keep. A building block all of whose values are still kep init's is an
// example block (one warning, no completeness); elsewhere a text that is still one of the
// scaffold's placeholders gets a warning of its own. Decisions: docs/format-decisions.md.
// The scaffolds are built only for a plan that may still hold their values: a sketch
// generated from the same templates decides that first (examplesketch.go).
//
// blockTops are the top-level keys of each building block 1–7.
var blockTops = [7][]string{{"selection"}, {"scorecard"}, {"offering"}, {"account"},
	{"swot", "competitors", "goals"}, {"value"}, {"team", "contacts"}}

// exampleRef is what kep init writes for one language, year and workspace.
type exampleRef struct {
	raw map[string]any
	// texts holds the placeholder texts by column: the key path without array indexes
	// (contacts.name), so that a row the user added, copied or moved is matched too.
	texts map[string]map[string]bool
	under map[string]bool // the columns of texts and their ancestors
}

// exampleKey names a scaffold: the workspace enters by what the scaffold takes from it
// (criteria and visit norm), not by pointer, so that loaders that parse the same kep.toml
// anew (kep serve) share the entry.
type exampleKey struct {
	lang string
	year int
	ws   string
}

// exampleRefs caches the parsed scaffolds: a run needs one or two per workspace; the
// cache is emptied when it grows past maxExampleRefs.
var exampleRefs struct {
	sync.Mutex
	m map[exampleKey]*exampleRef
}

const maxExampleRefs = 32

func exampleRefFor(lang string, year int, ws *plan.Workspace, wsKey string) *exampleRef {
	k := exampleKey{lang, year, wsKey}
	exampleRefs.Lock()
	r, ok := exampleRefs.m[k]
	exampleRefs.Unlock()
	if ok {
		return r
	}
	r = newExampleRef(lang, year, ws)
	exampleRefs.Lock()
	if exampleRefs.m == nil || len(exampleRefs.m) >= maxExampleRefs {
		exampleRefs.m = map[exampleKey]*exampleRef{}
	}
	exampleRefs.m[k] = r
	exampleRefs.Unlock()
	return r
}

// newExampleRef parses the scaffold; nil when it does not parse (then nothing is flagged).
func newExampleRef(lang string, year int, ws *plan.Workspace) *exampleRef {
	src, plausible, err := scaffold(ScaffoldOptions{Lang: lang, Year: year, Workspace: ws})
	if err != nil {
		return nil
	}
	d, _ := decodeRaw("scaffold", src)
	if d == nil {
		return nil
	}
	r := &exampleRef{raw: d.raw, texts: map[string]map[string]bool{}, under: map[string]bool{}}
	var collect func(v any, col string)
	collect = func(v any, col string) {
		switch x := v.(type) {
		case map[string]any:
			for k, e := range x {
				collect(e, joinKey(col, k))
			}
		case []map[string]any, []any:
			for _, e := range asList(x) {
				collect(e, col)
			}
		case string:
			if t := normText(x); t != "" && !plausible[x] {
				if r.texts[col] == nil {
					r.texts[col] = map[string]bool{}
				}
				r.texts[col][t] = true
				for c := col; c != "" && !r.under[c]; c = parentPath(c) {
					r.under[c] = true
				}
			}
		}
	}
	collect(d.raw, "")
	return r
}

// exampleFindings tells which building blocks are still kep init's example and returns
// the warnings: one per example block, one per placeholder text outside them. raw is the
// plan file as parsed.
func exampleFindings(raw map[string]any, p *plan.Plan) (examples [7]bool, ds plan.Diagnostics) {
	if p.Meta.From.IsZero() {
		return examples, nil
	}
	blocks := figures.Blocks(p)
	if !mayHoldExamples(raw, blocks) {
		return examples, nil // the sketch proves it without the scaffolds (examplesketch.go)
	}
	return exampleFindingsAll(raw, p, blocks)
}

// exampleFindingsAll compares the plan with the scaffolds of its year and workspace.
func exampleFindingsAll(raw map[string]any, p *plan.Plan, blocks [7]bool) (examples [7]bool, ds plan.Diagnostics) {
	ws := p.Workspace
	if ws == nil {
		ws = plan.DefaultWorkspace()
	}
	// Both languages: a plan whose lang was switched keeps the other scaffold's texts.
	var refs []*exampleRef
	wsKey := fmt.Sprintf("%v|%v", ws.Scoring, ws.Visits)
	for _, lang := range ScaffoldLangs {
		if r := exampleRefFor(lang, p.Meta.From.Year, ws, wsKey); r != nil {
			refs = append(refs, r)
		}
	}
	if len(refs) == 0 {
		return examples, nil
	}
	at := func(path, pos, format string, args ...any) plan.Diagnostic {
		line, col := p.Position(pos)
		return plan.Diag(p.File, line, col, path, true, format, args...)
	}
	inBlock := map[string]int{}
	for i, has := range blocks {
		for _, k := range blockTops[i] {
			inBlock[k] = i
		}
		if !has {
			continue
		}
		for _, r := range refs {
			if blockIsExample(raw, r.raw, blockTops[i]) {
				examples[i] = true
				break
			}
		}
		if examples[i] {
			// Placed at the block's first key in the file.
			first := ""
			for _, k := range blockTops[i] {
				if _, ok := raw[k]; ok && (first == "" || lineOf(p, k) < lineOf(p, first)) {
					first = k
				}
			}
			ds = append(ds, at(plan.BlockKeys[i], first,
				"building block %d (%s) is still the example from kep init: replace its values with the account's own; until then it does not count towards completeness",
				i+1, plan.BlockKeys[i]))
		}
	}
	c := textCheck{refs: refs}
	for _, ks := range planSchema().keys {
		v, ok := raw[ks.name]
		if !ok {
			continue
		}
		if i, ok := inBlock[ks.name]; ok && examples[i] {
			continue // the block's one warning says it
		}
		c.segs = append(c.segs[:0], pathSeg{ks.name, -1})
		c.value(ks, v)
	}
	for _, f := range c.found {
		ds = append(ds, at(f.Path, f.Path, "still the example text from kep init (%q): replace it", shownText(f.Text)))
	}
	return examples, ds
}

// textCheck finds the placeholder texts of a plan. It builds a key path only for a
// finding: most values are not placeholders.
type textCheck struct {
	refs  []*exampleRef
	segs  []pathSeg
	found []markdownField
}

// pathSeg is one step of a key path: a key, or the element idx of an array.
type pathSeg struct {
	key string
	idx int // ≥ 0: an array element
}

func (c *textCheck) path() string {
	var b strings.Builder
	for _, s := range c.segs {
		if s.idx >= 0 {
			b.WriteString("[" + strconv.Itoa(s.idx) + "]")
			continue
		}
		if b.Len() > 0 {
			b.WriteByte('.')
		}
		b.WriteString(s.key)
	}
	return b.String()
}

// value checks v, the value of key ks at c.segs.
func (c *textCheck) value(ks *keySpec, v any) {
	col := schemaCols()[ks]
	if !c.anyTexts(col) {
		return
	}
	switch ks.kind {
	case kindTable:
		c.table(ks, v)
	case kindTables:
		for i, e := range asList(v) {
			c.segs = append(c.segs, pathSeg{idx: i})
			c.table(ks, e)
			c.segs = c.segs[:len(c.segs)-1]
		}
	case kindText, kindMarkdown:
		if s, ok := v.(string); ok && c.isExample(col, s) {
			c.found = append(c.found, markdownField{c.path(), s})
		}
	case kindTextList:
		for i, e := range asList(v) {
			if s, ok := e.(string); ok && c.isExample(col, s) {
				c.segs = append(c.segs, pathSeg{idx: i})
				c.found = append(c.found, markdownField{c.path(), s})
				c.segs = c.segs[:len(c.segs)-1]
			}
		}
	}
}

func (c *textCheck) table(ks *keySpec, v any) {
	m, _ := v.(map[string]any)
	for _, k := range ks.keys {
		if e, ok := m[k.name]; ok {
			c.segs = append(c.segs, pathSeg{k.name, -1})
			c.value(k, e)
			c.segs = c.segs[:len(c.segs)-1]
		}
	}
}

func (c *textCheck) anyTexts(col string) bool {
	for _, r := range c.refs {
		if r.under[col] {
			return true
		}
	}
	return false
}

func (c *textCheck) isExample(col, s string) bool {
	t := normText(s)
	for _, r := range c.refs {
		if r.texts[col][t] {
			return true
		}
	}
	return false
}

// schemaCols gives every key of the plan schema its column: its key path without array
// indexes (contacts.name).
var schemaCols = sync.OnceValue(func() map[*keySpec]string {
	m := map[*keySpec]string{}
	var visit func(ks *keySpec, col string)
	visit = func(ks *keySpec, col string) {
		m[ks] = col
		for _, k := range ks.keys {
			visit(k, joinKey(col, k.name))
		}
	}
	for _, k := range planSchema().keys {
		visit(k, k.name)
	}
	return m
})

// shownText is a text as a message quotes it: one line, at most 60 characters.
func shownText(s string) string { return OneLine(strings.Join(strings.Fields(s), " "), 60) }

// normText compares texts as a reader sees them: a Markdown text saved with Windows line
// ends, or with a blank line added at its end, is still the same text.
func normText(s string) string {
	return strings.TrimSpace(strings.ReplaceAll(s, "\r\n", "\n"))
}

// blockIsExample reports whether every value the plan gives under the block's keys is
// one kep init wrote there. Rows of an array are matched with any row of the scaffold's
// array, so a block whose example rows were only deleted or moved is still the example.
func blockIsExample(pm, ref map[string]any, tops []string) bool {
	for _, k := range tops {
		if v, ok := pm[k]; ok {
			rv, ok := ref[k]
			if !ok || !subsetOf(v, rv) {
				return false
			}
		}
	}
	return true
}

// subsetOf reports whether v holds only values that ref holds at the same place.
func subsetOf(v, ref any) bool {
	switch x := v.(type) {
	case map[string]any:
		r, ok := ref.(map[string]any)
		if !ok {
			return false
		}
		for k, e := range x {
			re, ok := r[k]
			if !ok || !subsetOf(e, re) {
				return false
			}
		}
		return true
	case []map[string]any, []any:
		rs := asList(ref)
		if rs == nil {
			return false
		}
	rows:
		for _, e := range asList(x) {
			for _, re := range rs {
				if subsetOf(e, re) {
					continue rows
				}
			}
			return false
		}
		return true
	case string:
		r, ok := ref.(string)
		return ok && normText(x) == normText(r)
	case int64, float64:
		a, aok := number(x)
		b, bok := number(ref)
		return aok && bok && a == b
	case time.Time:
		r, ok := ref.(time.Time)
		return ok && x.Equal(r) && x.Location().String() == r.Location().String()
	case bool:
		r, ok := ref.(bool)
		return ok && x == r
	}
	return false
}

func number(v any) (float64, bool) {
	switch x := v.(type) {
	case int64:
		return float64(x), true
	case float64:
		return x, true
	}
	return 0, false
}

// asList returns the elements of an array as the TOML library decodes it (an array of
// tables or an inline array); nil for anything else.
func asList(v any) []any {
	switch x := v.(type) {
	case []any:
		return x
	case []map[string]any:
		out := make([]any, len(x))
		for i, e := range x {
			out[i] = e
		}
		return out
	}
	return nil
}

// lineOf is the line of the key path in p's file.
func lineOf(p *plan.Plan, path string) int {
	line, _ := p.Position(path)
	return line
}
