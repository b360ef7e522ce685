package plan

import (
	"bytes"
	"fmt"
	"sort"
	"strings"

	"github.com/kepdev/kep/locale"
)

// Diagnostic is one finding about a plan or workspace file, printed as
// "file:line:col: key.path: message" (gofmt style, so editors can jump to it).
type Diagnostic struct {
	File    string
	Line    int    // 1-based; 0 when the line cannot be known
	Col     int    // 1-based; 0 when unknown
	Path    string // key path such as scorecard.objectives[2].weight; may be empty
	Message string // in English; Text gives it in the reader's language
	// Msg is the message as its English format and arguments, for Text; nil for a
	// message that is not kep's own (the operating system's), which Message holds.
	// A pointer keeps Diagnostic comparable.
	Msg *locale.Msg
	// Lang is the language the file states for itself (its lang, or its workspace's),
	// "" if none: the language of its messages unless KEP_LANG says otherwise.
	Lang    string
	Warning bool
	// Accepted holds the reason of a warning the plan accepts on purpose ([[accepted]],
	// spec A7): not printed by kep validate (unless --all), no failure with --strict,
	// listed in the documents' appendix.
	Accepted string
	// NoSource: the file may not be a plan at all (its name, links followed, does not end
	// in .toml; a link to a secret): show no line of it next to the message.
	NoSource bool
}

// diag makes a diagnostic with kep's message format, args.
func Diag(file string, line, col int, path string, warning bool, format string, args ...any) Diagnostic {
	d := Diagnostic{File: file, Line: line, Col: col, Path: path, Warning: warning}
	d.SetMsg(locale.Msgf(format, args...))
	return d
}

// SetMsg gives d the message m: Message in English, Msg for Text.
func (d *Diagnostic) SetMsg(m locale.Msg) {
	d.Message = m.String()
	d.Msg = &m
}

// TextMsg is the message kept for translation (the plain Message where there is none).
func (d Diagnostic) TextMsg() locale.Msg {
	if d.Msg == nil {
		return locale.MsgText(d.Message)
	}
	return *d.Msg
}

// Text is the message in lang (see locale.MsgLang).
func (d Diagnostic) Text(lang string) string {
	if d.Msg == nil {
		return d.Message
	}
	return d.Msg.In(lang)
}

// String is the finding as a line, in English.
func (d Diagnostic) String() string { return d.StringIn("en") }

// StringIn is the finding as a line with its message in lang: the prefix
// "file:line:col: [warning: ]key.path: " is the same in every language, for editors,
// CI annotations and the pre-commit hook that read it.
func (d Diagnostic) StringIn(lang string) string {
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
	b.WriteString(d.Text(lang))
	return b.String()
}

// withLang gives the findings in file the language the file states (statedLang).
func WithLang(ds Diagnostics, file, lang string) Diagnostics {
	if lang == "" {
		return ds
	}
	for i := range ds {
		if ds[i].File == file && ds[i].Lang == "" {
			ds[i].Lang = lang
		}
	}
	return ds
}

// statedLang returns the lang a plan or workspace file gives at its top (before the
// first [table]), "" if none. It reads the lines, not the TOML: a file with a syntax
// error still gets its messages in its language.
func StatedLang(src []byte) string {
	for len(src) > 0 {
		line := src
		if i := bytes.IndexByte(src, '\n'); i >= 0 {
			line, src = src[:i], src[i+1:]
		} else {
			src = nil
		}
		line = bytes.TrimSpace(line)
		if bytes.HasPrefix(line, []byte("[")) {
			return ""
		}
		rest, ok := bytes.CutPrefix(line, []byte("lang"))
		if !ok {
			continue
		}
		rest = bytes.TrimLeft(rest, " \t")
		if rest, ok = bytes.CutPrefix(rest, []byte("=")); !ok {
			continue
		}
		rest = bytes.TrimLeft(rest, " \t")
		if len(rest) < 2 || rest[0] != '"' && rest[0] != '\'' {
			return ""
		}
		if end := bytes.IndexByte(rest[1:], rest[0]); end > 0 {
			return string(rest[1 : 1+end])
		}
		return ""
	}
	return ""
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

// Unaccepted returns the findings without the accepted warnings: what kep prints.
func (ds Diagnostics) Unaccepted() Diagnostics {
	out := make(Diagnostics, 0, len(ds))
	for _, d := range ds {
		if d.Accepted == "" {
			out = append(out, d)
		}
	}
	return out
}
