package crm

import (
	"fmt"
	"slices"
	"strings"
	"sync"

	"github.com/kepdev/kep/locale"
	"github.com/kepdev/kep/plan"
)

// contactName is a row's name: the full-name column, else first and last name.
func (m *merger) contactName(r Row) string {
	if n := cleanText(m.cell(r, "name")); n != "" {
		return n
	}
	return cleanText(strings.TrimSpace(m.cell(r, "first_name") + " " + m.cell(r, "last_name")))
}

func (m *merger) contacts() error {
	cs := m.plan.Contacts
	ids, names := make([]string, len(cs)), make([]string, len(cs))
	for i, c := range cs {
		ids[i], names[i] = c.ID, c.Name
	}
	if !m.has("name") && !(m.has("first_name") || m.has("last_name")) {
		return locale.MsgErrorf("no column for the contact's name (want %s, or First Name and Last Name; or name it in --map)", m.colName("name"))
	}
	targets := m.resolve(ids, names, m.contactName)
	blocks, err := m.blocksFor("contacts", ids)
	if err != nil {
		return err
	}
	// Whom reports_to may name: a source record id, a plan id, or a name.
	who := map[string]string{}
	for i, c := range cs {
		who[normText(c.ID)] = c.ID
		who[normText(c.Name)] = c.ID
		_ = i
	}
	for _, tg := range targets {
		who[normText(m.cell(tg.row, "id"))] = tg.id
		if n := m.contactName(tg.row); n != "" {
			who[normText(n)] = tg.id
		}
	}
	at := m.appendAt(blocks)
	for _, tg := range targets {
		r := tg.row
		s := &setter{m: m}
		var cur *plan.Contact
		if tg.index >= 0 {
			cur, s.blk = &cs[tg.index], &blocks[tg.index]
		} else {
			s.set("id", tomlString(tg.id), false)
		}
		name := m.contactName(r)
		if name == "" && cur == nil {
			m.fail(r.N, "a new contact needs a name")
		}
		text := func(key, v, old string) {
			if v != "" {
				s.set(key, tomlString(v), cur != nil && v == old)
			}
		}
		text("name", name, str(cur, func(c *plan.Contact) string { return c.Name }))
		text("title", cleanText(m.cell(r, "title")), str(cur, func(c *plan.Contact) string { return c.Title }))
		text("department", cleanText(m.cell(r, "department")), str(cur, func(c *plan.Contact) string { return c.Department }))
		if c := m.cell(r, "roles"); c != "" {
			var roles []string
			for _, w := range strings.FieldsFunc(c, func(r rune) bool { return r == ',' || r == ';' || r == '|' }) {
				if w = strings.TrimSpace(w); w == "" {
					continue
				}
				if v, ok := m.word("roles", w, r.N); ok && !slices.Contains(roles, v) {
					roles = append(roles, v)
				}
			}
			if len(roles) > 0 {
				s.set("roles", tomlStrings(roles), cur != nil && slices.Equal(roles, cur.Roles))
			}
		}
		check := func(key, v string) {
			s.set(key, v+CheckComment, false)
			m.warnings = append(m.warnings, locale.Msgf("row %d: contact %q: %s not in the source, set to %s; check it (the line says %q)", r.N, tg.id, key, v, strings.TrimSpace(CheckComment)))
		}
		if c := m.cell(r, "influence"); c != "" {
			if v, ok := m.word("influence", c, r.N); ok {
				s.set("influence", v, cur != nil && v == fmt.Sprint(cur.Influence))
			}
		} else if cur == nil {
			check("influence", "1")
		}
		if c := m.cell(r, "attitude"); c != "" {
			if v, ok := m.word("attitude", c, r.N); ok {
				s.set("attitude", tomlString(v), cur != nil && v == cur.Attitude)
			}
		} else if cur == nil {
			check("attitude", `"neutral"`)
		}
		if v, ok := m.integer(r, "relationship", 0, 4); ok {
			s.set("relationship", fmt.Sprint(v), cur != nil && v == cur.Relationship)
		} else if cur == nil && m.cell(r, "relationship") == "" {
			check("relationship", "0")
		}
		if v, ok := m.owner(r, "owner"); ok {
			s.set("owner", tomlString(v), cur != nil && v == cur.Owner)
		}
		if c := cleanText(m.cell(r, "reports_to")); c != "" {
			if id, ok := who[normText(c)]; !ok {
				m.fail(r.N, "reports_to %q is no contact of the plan or the file (by record id, id or name)", c)
			} else if id == tg.id {
				m.fail(r.N, "reports_to %q is the contact itself", c)
			} else {
				s.set("reports_to", tomlString(id), cur != nil && id == cur.ReportsTo)
			}
		}
		if d, ok := m.date(r, "last_contact"); ok {
			s.set("last_contact", d.String(), cur != nil && cur.LastContact != nil && *cur.LastContact == d)
		}
		text("next_step", cleanText(m.cell(r, "next_step")), str(cur, func(c *plan.Contact) string { return c.NextStep }))
		if cur == nil {
			s.flush("[[contacts]]", at)
		} else {
			s.flush("", 0)
		}
	}
	return m.finish()
}

func str[T any](cur *T, get func(*T) string) string {
	if cur == nil {
		return ""
	}
	return get(cur)
}

func (m *merger) actions() error {
	as := m.plan.Actions
	ids, names := make([]string, len(as)), make([]string, len(as))
	for i, a := range as {
		ids[i], names[i] = a.ID, a.Action
	}
	targets := m.resolve(ids, names, func(r Row) string { return cleanText(m.cell(r, "action")) })
	blocks, err := m.blocksFor("actions", ids)
	if err != nil {
		return err
	}
	objectives := map[string]bool{}
	for _, o := range m.plan.Scorecard.Objectives {
		objectives[o.ID] = true
	}
	at := m.appendAt(blocks)
	for _, tg := range targets {
		r := tg.row
		s := &setter{m: m}
		var cur *plan.Action
		if tg.index >= 0 {
			cur, s.blk = &as[tg.index], &blocks[tg.index]
		} else {
			s.set("id", tomlString(tg.id), false)
		}
		if v := cleanText(m.cell(r, "action")); v != "" {
			s.set("action", tomlString(v), cur != nil && v == cur.Action)
		} else if cur == nil {
			m.fail(r.N, "a new action needs its text (column %s)", m.colName("action"))
		}
		if v, ok := m.owner(r, "owner"); ok {
			s.set("owner", tomlString(v), cur != nil && v == cur.Owner)
		}
		if d, ok := m.date(r, "due"); ok {
			s.set("due", d.String(), cur != nil && cur.Due != nil && *cur.Due == d)
		}
		if c := m.cell(r, "status"); c != "" {
			if v, ok := m.word("status", c, r.N); ok {
				s.set("status", tomlString(v), cur != nil && v == cur.Status)
			}
		}
		if v := cleanText(m.cell(r, "objective")); v != "" {
			if !objectives[v] {
				m.fail(r.N, "objective %q is no objective of the plan's scorecard", v)
			} else {
				s.set("objective", tomlString(v), cur != nil && v == cur.Objective)
			}
		}
		if cur == nil {
			s.flush("[[actions]]", at)
		} else {
			s.flush("", 0)
		}
	}
	return m.finish()
}

// opportunities merges a CRM's opportunities or deals into [[opportunities]] (spec A5).
// A won or lost stage sets the probability to 100 or 0, as the format requires, whatever
// the export says (with a warning where it said otherwise).
func (m *merger) opportunities() error {
	ops := m.plan.Opportunities
	ids, names := make([]string, len(ops)), make([]string, len(ops))
	for i, o := range ops {
		ids[i], names[i] = o.ID, o.Name
	}
	targets := m.resolve(ids, names, func(r Row) string { return cleanText(m.cell(r, "name")) })
	blocks, err := m.blocksFor("opportunities", ids)
	if err != nil {
		return err
	}
	at := m.appendAt(blocks)
	for _, tg := range targets {
		r := tg.row
		s := &setter{m: m}
		var cur *plan.Opportunity
		if tg.index >= 0 {
			cur, s.blk = &ops[tg.index], &blocks[tg.index]
		} else {
			s.set("id", tomlString(tg.id), false)
		}
		if v := cleanText(m.cell(r, "name")); v != "" {
			s.set("name", tomlString(v), cur != nil && v == cur.Name)
		} else if cur == nil {
			m.fail(r.N, "a new opportunity needs its name (column %s)", m.colName("name"))
		}
		if v, ok := m.number(r, "value"); ok {
			if v <= 0 {
				m.fail(r.N, "value %s: an opportunity's value is more than 0", tomlNumber(v))
			} else {
				s.set("value", tomlNumber(v), cur != nil && v == cur.Value)
			}
		} else if cur == nil {
			m.fail(r.N, "a new opportunity needs its value (column %s)", m.colName("value"))
		}
		stage := ""
		if cur != nil {
			stage = cur.Stage
		}
		if c := m.cell(r, "stage"); c != "" {
			if v, ok := m.word("stage", c, r.N); ok {
				stage = v
				s.set("stage", tomlString(v), cur != nil && v == cur.Stage)
			}
		} else if cur == nil {
			m.fail(r.N, "a new opportunity needs its stage (column %s)", m.colName("stage"))
		}
		prob, given := m.number(r, "probability")
		switch stage {
		case "won", "lost":
			want := 100.0
			if stage == "lost" {
				want = 0
			}
			if given && prob != want {
				m.warnings = append(m.warnings, locale.Msgf("row %d: opportunity %q is %s: probability %s set to %s", r.N, tg.id, stage, tomlNumber(prob), tomlNumber(want)))
			}
			prob, given = want, true
		}
		if given {
			if prob < 0 || prob > 100 {
				m.fail(r.N, "probability %s: want 0 to 100", tomlNumber(prob))
			} else {
				s.set("probability", tomlNumber(prob), cur != nil && prob == cur.Probability)
			}
		} else if cur == nil {
			m.fail(r.N, "a new opportunity needs its probability (column %s)", m.colName("probability"))
		}
		if d, ok := m.date(r, "close"); ok {
			s.set("close", d.String(), cur != nil && cur.Close == d)
		} else if cur == nil {
			m.fail(r.N, "a new opportunity needs its close date (column %s)", m.colName("close"))
		}
		if v, ok := m.owner(r, "owner"); ok {
			s.set("owner", tomlString(v), cur != nil && v == cur.Owner)
		}
		if cur == nil {
			s.flush("[[opportunities]]", at)
		} else {
			s.flush("", 0)
		}
	}
	return m.finish()
}

// historyKeys are the actuals' keys for the newest [[account.history]] row.
var historyKeys = sync.OnceValue(func() map[string]string {
	return map[string]string{
		"historyrevenue": "revenue", "historycontributionmargin": "contribution_margin", "historyshareofwallet": "share_of_wallet",
	}
})

func (m *merger) actuals() error {
	if !m.has("key") || !m.has("actual") {
		return locale.MsgErrorf("want a column for the objective (%s) and one for the value (%s)", m.colName("key"), m.colName("actual"))
	}
	obs := m.plan.Scorecard.Objectives
	ids := make([]string, len(obs))
	for i, o := range obs {
		ids[i] = o.ID
	}
	oblocks, err := m.blocksFor("scorecard.objectives", ids)
	if err != nil {
		return err
	}
	var hist []plan.HistoryRow
	if m.plan.Account != nil {
		hist = m.plan.Account.History
	}
	hblocks, err := m.blocksFor("account.history", make([]string, len(hist)))
	if err != nil {
		return err
	}
	newest := -1
	for i, h := range hist {
		if newest < 0 || h.Year > hist[newest].Year {
			newest = i
		}
	}
	setters := map[int]*setter{}
	get := func(i int, blk *block) *setter {
		if setters[i] == nil {
			setters[i] = &setter{m: m, blk: blk}
		}
		return setters[i]
	}
	seen := map[string]int{}
	for _, r := range m.t.Rows {
		key := cleanText(m.cell(r, "key"))
		v, ok := m.number(r, "actual")
		if key == "" || !ok {
			if key == "" && m.cell(r, "actual") != "" {
				m.fail(r.N, "a value without an objective id or KPI")
			}
			continue
		}
		// Two rows for one value (by id and by KPI, say) would leave the import's
		// result to the order of the rows: an error naming both.
		once := func(what string) bool {
			if prev, dup := seen[what]; dup {
				m.fail(r.N, "%q sets %s again (first in row %d)", key, what, prev)
				return false
			}
			seen[what] = r.N
			return true
		}
		if hk, ok := historyKeys()[normName(key)]; ok {
			if !once("history." + hk) {
				continue
			}
			if newest < 0 {
				m.fail(r.N, "%s: the plan has no [[account.history]] row to update", key)
				continue
			}
			h := hist[newest]
			var same bool
			switch hk {
			case "revenue":
				same = h.Revenue == v
			case "contribution_margin":
				same = h.ContributionMargin != nil && *h.ContributionMargin == v
			case "share_of_wallet":
				same = h.ShareOfWallet != nil && *h.ShareOfWallet == v
			}
			get(-1, &hblocks[newest]).set(hk, tomlNumber(v), same)
			continue
		}
		idx := -1
		for i, o := range obs {
			if o.ID == key {
				idx = i
			}
		}
		if idx < 0 {
			for i, o := range obs {
				if o.KPI != "" && normText(o.KPI) == normText(key) {
					if idx >= 0 {
						m.fail(r.N, "the KPI %q names objectives %s and %s; use the objective id", key, obs[idx].ID, o.ID)
						idx = -2
						break
					}
					idx = i
				}
			}
		}
		if idx == -1 {
			m.fail(r.N, "%q is neither an objective id nor a KPI of the plan's scorecard (nor history.revenue, history.contribution_margin, history.share_of_wallet)", key)
		}
		if idx < 0 || !once("the actual of "+obs[idx].ID) {
			continue
		}
		o := obs[idx]
		get(idx, &oblocks[idx]).set("actual", tomlNumber(v), o.Actual != nil && *o.Actual == v)
	}
	if err := m.finish(); err != nil {
		return err
	}
	keys := make([]int, 0, len(setters))
	for k := range setters {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range keys {
		setters[k].flush("", 0)
	}
	return nil
}
