package check

import (
	"strings"

	"github.com/kepdev/kep/locale"
	"github.com/kepdev/kep/plan"
	"github.com/kepdev/kep/plan/load"
)

// accept marks the warnings of p that its [[accepted]] entries name (spec A7) and adds a
// warning for each entry that names none, so that stale acceptances do not pile up. An
// entry matches a warning whose key path is the entry's, or lies below it
// (contacts[1] accepts contacts[1].last_contact). After its until date an entry accepts
// nothing: the warning returns and says that its acceptance ran out.
func accept(p *plan.Plan, ds plan.Diagnostics, today plan.Date) plan.Diagnostics {
	if len(p.Accepted) == 0 {
		return ds
	}
	used := make([]bool, len(p.Accepted))
	for i := range ds {
		d := &ds[i]
		if !d.Warning || d.File != p.File || d.Path == "" || d.Accepted != "" {
			continue
		}
		for j, a := range p.Accepted {
			if !pathWithin(d.Path, a.Warning) {
				continue
			}
			used[j] = true
			if a.Until != nil && a.Until.Before(today) {
				d.SetMsg(locale.Msgf("%s (accepted until %s: the acceptance ran out; extend until or remove accepted[%d])", d.TextMsg(), a.Until, j))
				continue
			}
			d.Accepted = a.Reason
			break
		}
	}
	for j, a := range p.Accepted {
		if !used[j] {
			path := load.IndexPath("accepted", j) + ".warning"
			line, col := p.Position(path)
			ds = append(ds, plan.Diag(p.File, line, col, path, true, "accepts no warning: no warning names %q (any more); remove the entry", a.Warning))
		}
	}
	return ds
}

// pathWithin reports whether the key path p is base or lies below it.
func pathWithin(p, base string) bool {
	if !strings.HasPrefix(p, base) {
		return false
	}
	rest := p[len(base):]
	return rest == "" || rest[0] == '.' || rest[0] == '['
}
