package kep

import (
	"fmt"
	"sort"
	"strings"
)

// Diagnostic is one finding about a plan or workspace file, printed as
// "file:line:col: key.path: message" (gofmt style, so editors can jump to it).
type Diagnostic struct {
	File    string
	Line    int    // 1-based; 0 when the line cannot be known
	Col     int    // 1-based; 0 when unknown
	Path    string // key path such as scorecard.objectives[2].weight; may be empty
	Message string
	Warning bool
	// Accepted holds the reason of a warning the plan accepts on purpose ([[accepted]],
	// spec A7): not printed by kep validate (unless --all), no failure with --strict,
	// listed in the documents' appendix.
	Accepted string
	// NoSource: the file may not be a plan at all (its name, links followed, does not end
	// in .toml; a link to a secret): show no line of it next to the message.
	NoSource bool
}

func (d Diagnostic) String() string {
	var b strings.Builder
	b.WriteString(d.File)
	if d.Line > 0 {
		col := d.Col
		if col < 1 {
			col = 1
		}
		fmt.Fprintf(&b, ":%d:%d", d.Line, col)
	}
	b.WriteString(": ")
	if d.Warning {
		b.WriteString("warning: ")
	}
	if d.Path != "" {
		b.WriteString(d.Path)
		b.WriteString(": ")
	}
	b.WriteString(d.Message)
	return b.String()
}

// Diagnostics is the list of findings of one or more files.
type Diagnostics []Diagnostic

// HasErrors reports whether any finding is an error (not a warning).
func (ds Diagnostics) HasErrors() bool {
	for _, d := range ds {
		if !d.Warning {
			return true
		}
	}
	return false
}

// Sort orders errors before warnings, each by file, line, column and path.
func (ds Diagnostics) Sort() {
	sort.SliceStable(ds, func(i, j int) bool {
		a, b := ds[i], ds[j]
		if a.Warning != b.Warning {
			return !a.Warning
		}
		if a.File != b.File {
			return a.File < b.File
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		if a.Col != b.Col {
			return a.Col < b.Col
		}
		return a.Path < b.Path
	})
}

// Err returns the diagnostics as an error when any of them is an error, else nil.
func (ds Diagnostics) Err() error {
	if !ds.HasErrors() {
		return nil
	}
	return errorList(ds)
}

type errorList Diagnostics

func (e errorList) Error() string {
	lines := make([]string, 0, len(e))
	for _, d := range e {
		if !d.Warning {
			lines = append(lines, d.String())
		}
	}
	return strings.Join(lines, "\n")
}
