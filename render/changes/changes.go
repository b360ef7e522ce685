package changes

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/kepdev/kep/locale"
	"github.com/kepdev/kep/plan"
	planfigures "github.com/kepdev/kep/plan/figures"
	"github.com/kepdev/kep/render"
)

// Block is the part of the plan a change belongs to, in document order.
type Block int

// The parts of a plan, in the order of the document; Figures holds the derived figures
// that moved and comes last.
const (
	Plan       Block = iota // [plan], lang, currency
	Brand                   // [brand]
	Selection               // building block 1
	Scorecard               // 2
	Offering                // 3
	Account                 // 4
	Linking                 // 5: SWOT, competitors, goals
	Value                   // 6
	Network                 // 7: team and contacts
	Actions                 // action plan
	Asks                    // management asks (A6)
	Checklists              // checklists
	Reviews                 // reviews
	Figures                 // derived figures
	numBlocks
)

// Kind tells whether an item or entry was added, removed or a value modified.
type Kind int

// The kinds of change.
const (
	Modified Kind = iota
	Added
	Removed
)

func (k Kind) String() string {
	switch k {
	case Added:
		return "added"
	case Removed:
		return "removed"
	}
	return "modified"
}

// Change is one difference between two versions of a plan.
type Change struct {
	Block Block
	Kind  Kind
	// Path is the key path with items named by id or text, e.g.
	// scorecard.objectives[f1].target or swot.opportunities["Werk Brno"].
	Path string
	// Old and New are the values as the document shows them, for value changes; empty
	// for additions and removals of whole items.
	Old, New string
	// Text is the whole sentence in the new plan's language.
	Text string
}

// Compare lists what changed from old to new, worded in new's language: first the typed
// changes by building block, then the derived figures that moved. oldF and newF are the
// plans' figures (check.Compute); either may be nil to leave the figures out.
func Compare(old, new *plan.Plan, oldF, newF *planfigures.Figures) []Change {
	if old == nil {
		old = &plan.Plan{}
	}
	if new == nil {
		new = &plan.Plan{}
	}
	d := newDiffer(old, new)
	d.meta()
	d.brand()
	d.selection()
	d.scorecard()
	d.opportunities() // shown in block 2
	d.offering()
	d.account()
	d.linking()
	d.value()
	d.network()
	d.actions()
	d.asks()
	d.checklists()
	d.reviews()
	d.accepted()
	if oldF != nil && newF != nil {
		d.figures(oldF, newF)
	}
	return d.out
}

// differ collects the changes of one comparison.
type differ struct {
	old, new *plan.Plan
	w        words
	l        render.Labels
	fo, fn   render.Format // old values in the old plan's currency, new ones in the new one's
	block    Block
	out      []Change
}

func newDiffer(old, new *plan.Plan) *differ {
	lang := locale.Get(new.Lang).Lang
	return &differ{
		old: old, new: new,
		w:  words{locale.Get(lang)},
		l:  render.LabelsFor(lang),
		fo: render.NewFormat(lang, old.Currency),
		fn: render.NewFormat(lang, new.Currency),
	}
}

// val is one side of a compared value: a canonical key for comparison and the text the
// document shows.
type val struct {
	key  string
	show string
	set  bool
	long bool // markdown or other long text: the sentence says "changed", not the values
	// opaque values are never shown, however short (the bytes of a logo).
	opaque bool
	text   bool // free text: shown in quotation marks
}

// subject names the item a value belongs to. The zero subject is the block itself.
type subject struct {
	noun string // noun key; "" for a key of the block itself
	name string // the item's name in sentences; may be empty for text-keyed items
	of   bool   // word as "{field} of {name}" rather than "{noun} {name}: {field}"
	in   string // the parent, with its preposition: "in Checkliste Partnerschaft"
}

// f is the word for a key.
func (d *differ) f(key string) string { return d.w.Field(key) }

func (d *differ) emit(c Change) {
	c.Block = d.block
	// Plain spaces: a change is plain text that people grep and paste; the document
	// formats bind number and unit with a no-break space.
	c.Text, c.Old, c.New = plainSpaces(c.Text), plainSpaces(c.Old), plainSpaces(c.New)
	d.out = append(d.out, c)
}

func plainSpaces(s string) string { return strings.ReplaceAll(s, "\u00a0", " ") }

// field compares one value and words its change.
// label is already worded (d.f gives the words of a key).
func (d *differ) field(path string, s subject, label string, o, n val) {
	if o.set == n.set && (!o.set || o.key == n.key) {
		return
	}
	c := Change{Kind: Modified, Path: path}
	if (o.long || n.long) && readable(o) && readable(n) {
		// A one-line summary or description reads better shown than "changed".
		o.long, n.long, o.text, n.text = false, false, true, true
	}
	var what string
	if o.long || n.long {
		switch {
		case !o.set:
			what = d.w.Phrase("added")
		case !n.set:
			what = d.w.Phrase("removed")
		default:
			what = d.w.Phrase("changed")
		}
	} else {
		c.Old, c.New = d.shown(o), d.shown(n)
		what = c.Old + " → " + c.New
	}
	switch {
	case s.noun == "":
		c.Text = label + d.in(s) + d.sep(o, n) + what
	case s.of:
		c.Text = label + " " + d.w.Phrase("of") + " " + s.name + d.in(s) + ": " + what
	default:
		c.Text = d.w.Noun(s.noun) + nameSp(s.name) + d.in(s) + ": " + d.w.Inline(label) + " " + what
	}
	d.emit(c)
}

// sep is ": " before values and the language's glue before "changed" (" " in German
// and English: "Zusammenfassung geändert"; " : " in French, whose "texte modifié" agrees
// with no key's gender).
func (d *differ) sep(o, n val) string {
	if o.long || n.long {
		return d.w.Phrase("sep.long")
	}
	return ": "
}

func nameSp(name string) string {
	if name == "" {
		return ""
	}
	return " " + name
}

func (d *differ) in(s subject) string {
	if s.in == "" {
		return ""
	}
	return " " + s.in
}

func (d *differ) shown(v val) string {
	if !v.set {
		return d.w.Phrase("notgiven")
	}
	if v.text {
		return d.w.Quote(v.show)
	}
	return v.show
}

// added words a new item: "neue Maßnahme a3: Workshop …", "neue Chance: …".
func (d *differ) added(path string, s subject, detail string) {
	t := d.w.NewNoun(s.noun) + nameSp(s.name) + d.in(s)
	if detail != "" {
		t += ": " + detail
	}
	d.emit(Change{Kind: Added, Path: path, Text: t})
}

// removed words a removed item: "Maßnahme a3 entfernt: …" / "removed action a3: …".
func (d *differ) removed(path string, s subject, detail string) {
	t := d.w.Removed(s.noun, nameSp(s.name)+d.in(s))
	if detail != "" {
		t += ": " + detail
	}
	d.emit(Change{Kind: Removed, Path: path, Text: t})
}

// set compares two lists of text as multisets: entries added and removed, order ignored.
func (d *differ) set(path string, s subject, old, new []string) {
	count := map[string]int{}
	for _, e := range old {
		count[norm(e)]++
	}
	for _, e := range new {
		k := norm(e)
		if count[k] > 0 {
			count[k]--
			continue
		}
		d.added(path+"["+strconv.Quote(oneLine(e))+"]", s, oneLine(e))
	}
	// What is left in count was in old only.
	for _, e := range old {
		k := norm(e)
		if count[k] > 0 {
			count[k]--
			d.removed(path+"["+strconv.Quote(oneLine(e))+"]", s, oneLine(e))
		}
	}
}

// norm is the identity of a text under comparison: surrounding and repeated white space
// do not count.
func norm(s string) string { return strings.Join(strings.Fields(s), " ") }

// match pairs the items of two lists by key. Items with the same key are paired in order
// of occurrence, so duplicates (an error the validator reports) still compare sensibly.
// It calls both for pairs in the new list's order, then gone for old items left over.
func match(oldKeys, newKeys []string, both func(i, j int), added func(j int), gone func(i int)) {
	pos := map[string][]int{}
	for i, k := range oldKeys {
		pos[k] = append(pos[k], i)
	}
	used := make([]bool, len(oldKeys))
	for j, k := range newKeys {
		if is := pos[k]; len(is) > 0 {
			pos[k] = is[1:]
			used[is[0]] = true
			both(is[0], j)
			continue
		}
		added(j)
	}
	for i := range oldKeys {
		if !used[i] {
			gone(i)
		}
	}
}

// byID compares two lists whose items carry an id (or another unique key such as a
// year): both gets each pair with the item's key path, added and gone the items that only
// one version has.
func byID[T any](path string, old, new []T, id func(T) string, both func(a, b T, path string), added, gone func(x T, path string)) {
	at := func(x T) string { return path + "[" + id(x) + "]" }
	match(keys(old, id), keys(new, id),
		func(i, j int) { both(old[i], new[j], at(new[j])) },
		func(j int) { added(new[j], at(new[j])) },
		func(i int) { gone(old[i], at(old[i])) })
}

// byText compares two lists whose items are known by their text (a criterion, a pain).
// Added and removed items are worded with s's noun and the text, an added one with the
// words of extra in parentheses where extra gives any; both compares the pairs, with the
// subject that names the item in quotation marks.
func byText[T any](d *differ, path string, s subject, old, new []T, name, extra func(T) string, both func(a, b T, path string, s subject)) {
	key := func(x T) string { return norm(name(x)) }
	at := func(x T) string { return path + "[" + strconv.Quote(key(x)) + "]" }
	match(keys(old, key), keys(new, key), func(i, j int) {
		is := s
		is.name = d.w.Quote(oneLine(name(new[j])))
		both(old[i], new[j], at(new[j]), is)
	}, func(j int) {
		x := new[j]
		detail := oneLine(name(x))
		if extra != nil {
			if e := extra(x); e != "" {
				detail += " (" + e + ")"
			}
		}
		d.added(at(x), s, detail)
	}, func(i int) {
		d.removed(at(old[i]), s, oneLine(name(old[i])))
	})
}

// keys maps a list to its matching keys.
func keys[T any](xs []T, key func(T) string) []string {
	out := make([]string, len(xs))
	for i, x := range xs {
		out[i] = key(x)
	}
	return out
}

// ---- value constructors

func num(v float64) string { return strconv.FormatFloat(v, 'g', -1, 64) }

func money(f render.Format, v float64) val { return val{key: num(v), show: f.Money(v), set: true} }

func moneyP(f render.Format, p *float64) val {
	if p == nil {
		return val{}
	}
	return money(f, *p)
}

func pct(f render.Format, v float64) val { return val{key: num(v), show: f.Percent(v), set: true} }

func pctP(f render.Format, p *float64) val {
	if p == nil {
		return val{}
	}
	return pct(f, *p)
}

func decimal(f render.Format, v float64) val {
	return val{key: num(v), show: f.Decimal(v, 2), set: true}
}

func integer(f render.Format, v int) val {
	return val{key: strconv.Itoa(v), show: f.Int(v), set: true}
}

func intP(f render.Format, p *int) val {
	if p == nil {
		return val{}
	}
	return integer(f, *p)
}

func date(f render.Format, d plan.Date) val {
	if d.IsZero() {
		return val{}
	}
	return val{key: d.String(), show: f.Date(d), set: true}
}

func dateP(f render.Format, d *plan.Date) val {
	if d == nil {
		return val{}
	}
	return date(f, *d)
}

// text is one line of free text; empty is "not given".
func text(s string) val {
	s = norm(s)
	return val{key: s, show: oneLine(s), set: s != "", text: true}
}

// plain is a value shown without quotation marks (codes, ids, colours).
func plain(s string) val {
	s = strings.TrimSpace(s)
	return val{key: s, show: s, set: s != ""}
}

// markdown is long text: compared without surrounding white space, never shown.
func markdown(s string) val {
	s = strings.TrimSpace(s)
	return val{key: s, show: s, set: s != "", long: true}
}

// readable tells whether a long value is short enough to be quoted in a sentence: one
// line of at most 100 characters.
func readable(v val) bool {
	return !v.set || (!v.opaque && !strings.Contains(v.show, "\n") && utf8.RuneCountInString(v.show) <= 100)
}

// enum shows an enumerated value by its label in the document's language.
func (d *differ) enum(kind, v string) val {
	if v == "" {
		return val{}
	}
	return val{key: v, show: d.w.Inline(d.l.Enum(kind, v)), set: true}
}

func (d *differ) levelEnum(v int, kind string) val {
	return d.enum(kind, strconv.Itoa(v))
}
