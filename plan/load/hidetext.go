package load

import (
	"path/filepath"
	"strings"

	"github.com/BurntSushi/toml"
	"github.com/kepdev/kep/plan"
)

// hideText keeps the text of a file that may not be a plan out of its findings. A plan
// or kep.toml named on the command line or found by the search may be a link to any
// file (a key, a token, .env); a syntax error would quote it ("text must be in quotes:
// "sk_live_…"") and kep serve would show the line. So only a file whose name, with links
// followed, ends in .toml is quoted. For any other file a syntax error becomes one
// finding that keeps its position but quotes nothing, and every finding is marked
// NoSource. Findings of the schema walk stay: they name keys and what kep expects. The
// rule: docs/format-decisions.md.
func hideText(fsys FileSystem, file string, src []byte, ds plan.Diagnostics) plan.Diagnostics {
	if len(ds) == 0 {
		return ds
	}
	real := file
	if r, err := fsys.EvalSymlinks(file); err == nil {
		real = r
	}
	if strings.EqualFold(filepath.Ext(real), ".toml") {
		return ds
	}
	// Parsed again, only for such a file: the findings of a file that does not parse
	// are all syntax errors (the library's, the syntax scan's).
	parsed := false
	if checkNesting(src) == 0 {
		var v map[string]any
		parsed = toml.Unmarshal(src, &v) == nil
	}
	out := make(plan.Diagnostics, 0, len(ds))
	syntax := false
	for _, d := range ds {
		if d.File != file {
			out = append(out, d)
			continue
		}
		if !parsed && !d.Warning {
			if syntax {
				continue
			}
			syntax = true
			d = plan.Diag(file, d.Line, d.Col, "", false, "not a TOML file: its name, links followed, is %s, not *.toml, so kep quotes nothing from it", filepath.Base(real))
		}
		d.NoSource = true
		out = append(out, d)
	}
	return out
}
