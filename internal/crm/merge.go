package crm

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"math"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/kepdev/kep/locale"
	"github.com/kepdev/kep/plan"
)

// Options of a merge. The zero value recognises the CRMs' column names.
type Options struct {
	Map      *Mapping // from --map, or nil
	IDColumn string   // a column that gives the record id, overriding the recognised one
	Account  string   // the account whose rows are taken; "" for the plan's [plan] account
}

// Result is the plan's new text and what the merge did.
type Result struct {
	Src      []byte
	Added    int
	Updated  int          // records that got at least one changed value
	Warnings []locale.Msg // defaults put in for required keys the source lacks; matches by name
}

// CheckComment marks a value kep import made up because the plan needs one (spec).
const CheckComment = "  # from kep import: check"

// Errors are the problems found in a source, each naming its row; all of them at once.
type Errors []error

func (es Errors) Error() string { return es.In("en") }

// In is the errors in lang, one a line.
func (es Errors) In(lang string) string {
	s := make([]string, len(es))
	for i, e := range es {
		s[i] = errorIn(e, lang)
	}
	return strings.Join(s, "\n")
}

// errorIn is err's text in lang where err keeps one (locale.MsgError, RowError).
func errorIn(err error, lang string) string {
	if e, ok := err.(interface{ In(string) string }); ok {
		return e.In(lang)
	}
	return err.Error()
}

// msgLines is an error of several lines, each a message.
type msgLines []locale.Msg

func (ls msgLines) Error() string { return ls.In("en") }

func (ls msgLines) In(lang string) string {
	s := make([]string, len(ls))
	for i, l := range ls {
		s[i] = l.In(lang)
	}
	return strings.Join(s, "\n")
}

const maxErrors = 30

// Merge merges the table's rows into the plan (loaded without errors from plan.Source).
// It returns the new text; the caller validates it before writing.
func Merge(kind string, p *plan.Plan, t *Table, opt Options) (*Result, error) {
	if _, ok := kindFields()[kind]; !ok {
		return nil, locale.MsgErrorf("unknown kind %q (want %s)", kind, strings.Join(Kinds, ", "))
	}
	cols, err := columnsFor(kind, t.Header, opt.Map)
	if err != nil {
		return nil, err
	}
	if opt.IDColumn != "" {
		found := false
		for i, h := range t.Header {
			if normName(h) == normName(opt.IDColumn) {
				cols["id"], found = i, true
			}
		}
		if !found {
			return nil, locale.MsgErrorf("--id %q: the file has no such column (it has: %s)", opt.IDColumn, strings.Join(t.Header, ", "))
		}
	}
	m := &merger{kind: kind, plan: p, src: p.Source, t: t, cols: cols, opt: opt}
	if err := m.onlyThisAccount(); err != nil {
		return nil, err
	}
	m.german = isGerman(t)
	if opt.Map != nil {
		m.dateOrder = opt.Map.DateFormat
	}
	switch kind {
	case "contacts":
		err = m.contacts()
	case "actions":
		err = m.actions()
	case "actuals":
		err = m.actuals()
	case "opportunities":
		err = m.opportunities()
	}
	if err != nil {
		return nil, err
	}
	out, err := apply(m.src, m.edits)
	if err != nil {
		return nil, err
	}
	return &Result{Src: out, Added: m.added, Updated: m.updated, Warnings: m.warnings}, nil
}

// onlyThisAccount leaves out the rows of other accounts where the export has an account
// column: a CRM export often spans accounts, and their contacts do not belong in this plan.
// Rows with an empty account cell are kept. No row of the account at all is an error
// naming the accounts found.
func (m *merger) onlyThisAccount() error {
	i, ok := m.cols["account"]
	if !ok {
		return nil
	}
	want := m.opt.Account
	if want == "" {
		want = m.plan.Meta.Account
	}
	var keep []Row
	others := map[string]int{}
	var names []string
	for _, r := range m.t.Rows {
		a := cleanText(r.Cells[i])
		if a == "" || normText(a) == normText(want) {
			keep = append(keep, r)
			continue
		}
		if others[a] == 0 {
			names = append(names, a)
		}
		others[a]++
	}
	if len(keep) == 0 && len(m.t.Rows) > 0 {
		if len(names) > 5 {
			names = append(names[:5], "…")
		}
		return locale.MsgErrorf("no row of the account %q (column %q holds %s); name the account as the export writes it with --account NAME", want, m.t.Header[i], strings.Join(quoteAll(names), ", "))
	}
	if n := len(m.t.Rows) - len(keep); n > 0 {
		if len(names) > 5 {
			names = append(names[:5], "…")
		}
		what := locale.Msgf("%d rows of other accounts", n)
		if n == 1 {
			what = locale.Msgf("1 row of another account")
		}
		m.warnings = append(m.warnings, locale.Msgf("left out %s (%s)", what, strings.Join(quoteAll(names), ", ")))
	}
	t := *m.t
	t.Rows = keep
	m.t = &t
	return nil
}

func quoteAll(ss []string) []string {
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = s
		if s != "…" {
			out[i] = strconv.Quote(s)
		}
	}
	return out
}

type merger struct {
	kind      string
	plan      *plan.Plan
	src       []byte
	t         *Table
	cols      map[string]int
	opt       Options
	german    bool
	dateOrder string

	edits    []edit
	errs     Errors
	unknown  map[string]map[string][]int // key → unknown word → rows
	added    int
	updated  int
	warnings []locale.Msg
	ended    map[int]bool // offsets at which a missing final line end was put
}

func (m *merger) fail(row int, format string, args ...any) {
	if len(m.errs) < maxErrors {
		m.errs = append(m.errs, rowErr(row, format, args...))
	}
}

// cell is the row's value for a key, "" when the source has no column for it.
func (m *merger) cell(r Row, key string) string {
	i, ok := m.cols[key]
	if !ok || i >= len(r.Cells) {
		return ""
	}
	return r.Cells[i]
}

func (m *merger) has(key string) bool { _, ok := m.cols[key]; return ok }

// word maps a CRM word to the plan's enum word, or records it as unknown.
func (m *merger) word(key, w string, row int) (string, bool) {
	if m.opt.Map != nil {
		for from, to := range m.opt.Map.Words[key] {
			if normName(from) == normName(w) {
				return to, true
			}
		}
	}
	if v, ok := knownWords()[key][normName(w)]; ok {
		return v, true
	}
	if m.unknown == nil {
		m.unknown = map[string]map[string][]int{}
	}
	if m.unknown[key] == nil {
		m.unknown[key] = map[string][]int{}
	}
	m.unknown[key][w] = append(m.unknown[key][w], row)
	return "", false
}

// unknownWords is one error for all words that could not be mapped, saying how to map them.
func (m *merger) unknownWords() error {
	if len(m.unknown) == 0 {
		return nil
	}
	var b msgLines
	keys := make([]string, 0, len(m.unknown))
	for k := range m.unknown {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		ws := make([]string, 0, len(m.unknown[k]))
		for w := range m.unknown[k] {
			ws = append(ws, w)
		}
		sort.Strings(ws)
		b = append(b, locale.Msgf("unknown %s words (the plan knows %s):", k, enumList(k)))
		for _, w := range ws {
			b = append(b, locale.Msgf("  %q in rows %s", w, rowList(m.unknown[k][w])))
		}
		b = append(b, locale.Msgf("map them in a --map file (kep import --print-map %s writes one):", m.kind),
			locale.MsgText("  [words."+k+"]"))
		for _, w := range ws {
			b = append(b, locale.MsgText(fmt.Sprintf("  %s = %q", tomlString(w), firstEnum(k))))
		}
	}
	return b
}

func enumList(key string) any {
	switch key {
	case "attitude":
		return strings.Join(plan.Attitudes, ", ")
	case "status":
		return "open, doing, done, dropped"
	case "roles":
		return strings.Join(plan.BuyingRoles, ", ")
	case "stage":
		return strings.Join(plan.OpportunityStages, ", ")
	}
	return locale.Msgf("1 (low), 2 (medium), 3 (high)")
}

func rowList(rows []int) any {
	s := make([]string, 0, len(rows))
	for i, r := range rows {
		if i == 10 {
			return locale.Msgf("%s, and %d more", strings.Join(s, ", "), len(rows)-10)
		}
		s = append(s, strconv.Itoa(r))
	}
	return strings.Join(s, ", ")
}

func (m *merger) finish() error {
	if err := m.unknownWords(); err != nil {
		m.errs = append(m.errs, err)
	}
	if len(m.errs) > 0 {
		return m.errs
	}
	return nil
}

var idRE = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^[a-z0-9][a-z0-9_-]{0,31}$`) })

// DeriveID turns a CRM record id into a plan id: lower case, other characters as "-";
// one longer than 32 characters (a Dynamics GUID) is shortened and made unique by a hash.
// The same record id always gives the same plan id, so a second import updates.
func DeriveID(rid string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(strings.TrimSpace(rid)) {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9', r == '_':
			b.WriteRune(r)
		default:
			b.WriteByte('-')
		}
	}
	id := strings.Trim(b.String(), "-_")
	for strings.Contains(id, "--") {
		id = strings.ReplaceAll(id, "--", "-")
	}
	if len(id) > 32 || !idRE().MatchString(id) {
		sum := sha256.Sum256([]byte(rid))
		id = strings.Trim(id[:min(len(id), 23)], "-_")
		if id == "" {
			id = "x"
		}
		id += "-" + hex.EncodeToString(sum[:4])
	}
	return id
}

// target is the plan record a source row goes to.
type target struct {
	row   Row
	id    string // plan id
	index int    // index in the plan's list, -1 for a new record
}

// resolve gives each row its plan id: a record of the plan with the derived id, else one
// with the same name (the plan's id kept), else a new record. Duplicate record ids, and
// two rows aiming at one record, are errors naming both rows.
func (m *merger) resolve(ids []string, names []string, nameKey func(Row) string) []target {
	byID := map[string]int{}
	byName := map[string]int{}
	for i, id := range ids {
		byID[id] = i
		if n := normText(names[i]); n != "" {
			if _, dup := byName[n]; dup {
				byName[n] = -1 // ambiguous: never matched by name
			} else {
				byName[n] = i
			}
		}
	}
	var out []target
	seenRID := map[string]int{}
	seenTarget := map[string]int{}
	for _, r := range m.t.Rows {
		rid := m.cell(r, "id")
		if rid == "" {
			m.fail(r.N, "no record id (column %s); every row needs one so that a second import updates instead of adding", m.colName("id"))
			continue
		}
		if prev, dup := seenRID[rid]; dup {
			m.fail(r.N, "record id %q appears again (first in row %d)", rid, prev)
			continue
		}
		seenRID[rid] = r.N
		id := DeriveID(rid)
		tg := target{row: r, id: id, index: -1}
		if i, ok := byID[id]; ok {
			tg.index = i
		} else if i, ok := byName[normText(nameKey(r))]; ok && i >= 0 && nameKey(r) != "" {
			tg.index, tg.id = i, ids[i]
			m.warnings = append(m.warnings, locale.Msgf("row %d: matched %s %q by its name", r.N, singular(m.kind), ids[i]))
		}
		if prev, dup := seenTarget[tg.id]; dup {
			m.fail(r.N, "goes to the same %s %q as row %d (two records with one id or name)", singular(m.kind), tg.id, prev)
			continue
		}
		seenTarget[tg.id] = r.N
		out = append(out, tg)
	}
	return out
}

// singular names one record of kind, a word translated with its message.
func singular(kind string) locale.MsgWord {
	switch kind {
	case "contacts":
		return locale.MsgWord("contact")
	case "actions":
		return locale.MsgWord("action")
	case "opportunities":
		return locale.MsgWord("opportunity")
	}
	return locale.MsgWord("record")
}

// colName names the column of key for a message: the file's column, else the
// recognised name (a message, translated with the message it is put in).
func (m *merger) colName(key string) any {
	if i, ok := m.cols[key]; ok {
		return strconv.Quote(m.t.Header[i])
	}
	if fs := kindFields()[m.kind]; len(fs) > 0 {
		for _, f := range fs {
			if f.Name == key {
				return locale.Msgf("%q or another recognised name; or name one with --id or in --map", f.Columns[0])
			}
		}
	}
	return key
}

func normText(s string) string { return strings.ToLower(strings.Join(strings.Fields(s), " ")) }

// isGerman: a semicolon-separated file or German dates mean German numbers (1.234 is
// one thousand two hundred and thirty-four).
// An XLSX stores numbers without grouping (0.125 is an eighth), so never there.
func isGerman(t *Table) bool {
	if t.XLSX {
		return false
	}
	if t.Delim == ';' {
		return true
	}
	for _, r := range t.Rows {
		for _, c := range r.Cells {
			if len(c) == 10 && c[2] == '.' && c[5] == '.' {
				return true
			}
			if strings.Contains(c, ",") && strings.Contains(c, ".") && strings.LastIndex(c, ",") > strings.LastIndex(c, ".") {
				if _, err := strconv.ParseFloat(strings.NewReplacer(".", "", ",", ".").Replace(c), 64); err == nil {
					return true
				}
			}
		}
	}
	return false
}

// setter collects the changes to one record: existing keys whose value changes, keys to
// add, and the text of a new block.
type setter struct {
	m       *merger
	blk     *block // nil for a new record
	changed bool
	lines   []string // new keys (or all keys of a new block), in order
}

// set puts key = value (TOML text) when it differs from the current value text.
func (s *setter) set(key, value string, same bool) {
	if s.blk == nil {
		s.lines = append(s.lines, key+" = "+value)
		return
	}
	if sp, ok := s.blk.keys[key]; ok {
		if same {
			return
		}
		s.m.edits = append(s.m.edits, edit{sp.start, sp.end, value})
		s.changed = true
		return
	}
	s.lines = append(s.lines, key+" = "+value)
	s.changed = true
}

func (s *setter) flush(header string, after int) {
	if s.blk != nil {
		if len(s.lines) > 0 {
			s.m.insert(s.blk.lastEnd, strings.Join(s.lines, "\n")+"\n")
		}
		if s.changed {
			s.m.updated++
		}
		return
	}
	s.m.insert(after, "\n"+header+"\n"+strings.Join(s.lines, "\n")+"\n")
	s.m.added++
}

// insert adds lines at offset at, with the plan's own line ends (CRLF where it uses
// them), after a line end of their own where the file's last line lacks one.
func (m *merger) insert(at int, text string) {
	if bytes.Contains(m.src, []byte("\r\n")) {
		text = strings.ReplaceAll(text, "\n", "\r\n")
	}
	if at > 0 && m.src[at-1] != '\n' {
		if m.ended == nil {
			m.ended = map[int]bool{}
		}
		if !m.ended[at] {
			m.ended[at] = true
			text = m.eol() + text
		}
	}
	m.edits = append(m.edits, edit{at, at, text})
}

func (m *merger) eol() string {
	if bytes.Contains(m.src, []byte("\r\n")) {
		return "\r\n"
	}
	return "\n"
}

// appendAt is where new blocks go: after the last key of the last block, else at the end.
func (m *merger) appendAt(blocks []block) int {
	if len(blocks) > 0 {
		return blocks[len(blocks)-1].lastEnd
	}
	return len(m.src)
}

// blocksFor finds the [[name]] tables and checks they are the plan's records, in order.
func (m *merger) blocksFor(name string, ids []string) ([]block, error) {
	blocks, err := scanBlocks(m.src, name)
	if err != nil {
		return nil, err
	}
	if len(blocks) != len(ids) {
		return nil, locale.MsgErrorf("the plan's %s are not all written as [[%s]] tables (found %d of %d); kep import edits only that form", name, name, len(blocks), len(ids))
	}
	for i, b := range blocks {
		if ids[i] == "" {
			continue
		}
		sp, ok := b.keys["id"]
		if !ok || strings.Trim(string(m.src[sp.start:sp.end]), `"'`) != ids[i] {
			return nil, locale.MsgErrorf("[[%s]] number %d: cannot find its id %q on a line of its own", name, i+1, ids[i])
		}
	}
	return blocks, nil
}

func (m *merger) number(r Row, key string) (float64, bool) {
	c := m.cell(r, key)
	if c == "" {
		return 0, false
	}
	v, err := parseNumber(c, m.german)
	if err != nil {
		m.fail(r.N, "%s: %v", key, err)
		return 0, false
	}
	return v, true
}

func (m *merger) integer(r Row, key string, lo, hi int) (int, bool) {
	v, ok := m.number(r, key)
	if !ok {
		return 0, false
	}
	if v != math.Trunc(v) || v < float64(lo) || v > float64(hi) {
		m.fail(r.N, "%s: %s, want a whole number from %d to %d", key, m.cell(r, key), lo, hi)
		return 0, false
	}
	return int(v), true
}

func (m *merger) date(r Row, key string) (plan.Date, bool) {
	c := m.cell(r, key)
	if c == "" {
		return plan.Date{}, false
	}
	t, err := parseDate(c, m.t.XLSX, m.t.Date1904, m.dateOrder)
	if err != nil {
		m.fail(r.N, "%s: %v", key, err)
		return plan.Date{}, false
	}
	return plan.DateOf(t), true
}

// owner finds the team member a CRM's owner name means.
func (m *merger) owner(r Row, key string) (string, bool) {
	c := cleanText(m.cell(r, key))
	if c == "" {
		return "", false
	}
	if m.opt.Map != nil {
		for from, to := range m.opt.Map.Owners {
			if normText(from) == normText(c) {
				return to, true
			}
		}
	}
	for _, t := range m.plan.Team {
		if t.ID == c || normText(t.Name) == normText(c) {
			return t.ID, true
		}
	}
	m.fail(r.N, "%s %q is no member of the plan's [[team]] (by id or name); add them there, or map the name in [owners] of a --map file", key, c)
	return "", false
}
