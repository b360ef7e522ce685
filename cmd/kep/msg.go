package main

import (
	"errors"
	"io"
	"io/fs"
	"strings"

	"github.com/kepdev/kep/locale"
	"github.com/kepdev/kep/plan"
)

// kep speaks the reader's language (locale.MsgLang): its messages are written here in
// English and translated from locale's catalogues as they are printed. say and errorf
// take the place of fmt.Fprintf and fmt.Errorf for every text a user reads;
// TestMsgCatalogues (package locale) fails on a constant format of theirs that has no
// German or French translation. Findings about a plan follow the plan's lang instead
// (printDiagnostics).

// cliLang is the language of messages about no plan in particular.
func cliLang() string { return locale.MsgLang("") }

// tr is format with args in the reader's language.
func tr(format string, args ...any) string {
	return locale.Msgf(format, args...).In(cliLang())
}

// say prints format with args in the reader's language.
func say(w io.Writer, format string, args ...any) {
	io.WriteString(w, tr(format, args...))
}

// errorf is fmt.Errorf with the text kept for translation (printed in the reader's
// language by say and tr; Error is English); %w wraps as there.
func errorf(format string, args ...any) error { return locale.MsgErrorf(format, args...) }

// fileError is err, a failure to read or write path, with a text in the reader's
// language for the failures users meet (a file that is not there, one they may not
// read); Error stays the operating system's.
func fileError(path string, err error) error {
	var m locale.Msg
	switch {
	case errors.Is(err, fs.ErrNotExist):
		m = locale.Msgf("%s: no such file or folder", path)
	case errors.Is(err, fs.ErrPermission):
		m = locale.Msgf("%s: permission denied", path)
	default:
		return err
	}
	return &osError{err, m}
}

// osError is an error of the operating system with a translated text.
type osError struct {
	err error
	msg locale.Msg
}

func (e *osError) Error() string { return e.err.Error() }
func (e *osError) Unwrap() error { return e.err }

func (e *osError) In(lang string) string {
	if lang == "en" {
		return e.err.Error()
	}
	return e.msg.In(lang)
}

// helpText is a help text in the reader's language.
func helpText(s string) string { return withLangs(tr("%s", locale.MsgWord(s))) }

// withLangs writes the document languages kep has ("de|en|fr") where a help text says
// {langs}, so that a new language needs no edit of the help texts.
func withLangs(s string) string {
	return strings.ReplaceAll(s, "{langs}", strings.Join(locale.Langs(), "|"))
}

// diagLang is the language of a finding: its plan's, unless KEP_LANG says otherwise.
func diagLang(d plan.Diagnostic) string { return locale.MsgLang(d.Lang) }
