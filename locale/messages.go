package locale

import (
	"fmt"
	"os"
	"strings"
)

// kep's messages (diagnostics, CLI errors, help, the preview's pages) are written in
// English in the code and translated when they are printed: a Msg keeps the English
// format and its arguments, and In renders it in a language from the catalogue of its
// Locale (the messages of de.go, fr.go, …), keyed by the English format. A format missing from a
// catalogue prints in English (TestMsgCatalogues over plan/ and cmd/kep fail on
// it). Only the text changes: the "file:line:col: key.path:" prefix that editors jump to
// is written by the caller in every language alike.

// Msg is one message as its English format and arguments.
type Msg struct {
	Format string
	Args   []any
}

// Msgf keeps a message to be printed in the reader's language.
func Msgf(format string, args ...any) Msg { return Msg{Format: format, Args: args} }

// MsgText wraps text that is not to be translated (an error of the operating system).
func MsgText(s string) Msg { return Msg{Format: "%s", Args: []any{s}} }

// MsgWord is an argument that is one of kep's own words ("an integer", "text"), translated
// with the message; arguments of other types (the user's text, keys, values) never are.
type MsgWord string

// IsZero reports whether m holds no message.
func (m Msg) IsZero() bool { return m.Format == "" }

// String is the message in English.
func (m Msg) String() string { return m.In("en") }

// In renders the message in lang ("de", "en", "fr"); arguments that are messages or
// words are rendered in lang too.
func (m Msg) In(lang string) string {
	cat := msgCatalogue(lang)
	format := m.Format
	if t, ok := cat[format]; ok {
		format = t
	}
	args := make([]any, len(m.Args))
	for i, a := range m.Args {
		switch a := a.(type) {
		case MsgWord:
			if t, ok := cat[string(a)]; ok {
				args[i] = t
			} else {
				args[i] = string(a)
			}
		case interface{ In(string) string }: // a Msg, or an error that keeps one
			args[i] = a.In(lang)
		case error:
			args[i] = a.Error()
		default:
			args[i] = a
		}
	}
	// %w, as in fmt.Errorf: the error's text (errors keep their chain where they are made).
	return fmt.Sprintf(strings.ReplaceAll(format, "%w", "%v"), args...)
}

// MsgError is an error whose text is kept as a Msg: Error is the English text, In the
// text in a language (cmd/kep prints errors with In where they have it). %w wraps.
type MsgError struct{ Msg Msg }

// MsgErrorf is fmt.Errorf with the text kept for translation.
func MsgErrorf(format string, args ...any) error { return &MsgError{Msgf(format, args...)} }

func (e *MsgError) Error() string         { return e.Msg.In("en") }
func (e *MsgError) In(lang string) string { return e.Msg.In(lang) }

// Unwrap returns the errors among the arguments, as fmt.Errorf's %w does.
func (e *MsgError) Unwrap() []error {
	var errs []error
	for _, a := range e.Msg.Args {
		if err, ok := a.(error); ok {
			errs = append(errs, err)
		}
	}
	return errs
}

// msgSource is the language the code writes its messages in; the other languages
// translate them.
const msgSource = "en"

// MsgLangs returns the languages kep's messages are written in: English, the language of
// the code, first, then every other document language of Languages().
func MsgLangs() []string {
	out := []string{msgSource}
	for _, l := range languages {
		if l.Lang != msgSource {
			out = append(out, l.Lang)
		}
	}
	return out
}

func msgCatalogue(lang string) map[string]string {
	if l := Lookup(lang); l != nil && lang != msgSource && l.messages != nil {
		return l.messages()
	}
	return nil
}

// MsgCatalogue returns the translations of lang keyed by the English text (nil for
// English), for the tests that hold every message to having one.
func MsgCatalogue(lang string) map[string]string { return msgCatalogue(lang) }

// MsgLang chooses the language of messages: KEP_LANG overrides; else planLang, the
// language a plan states for itself ("" for messages about no plan); else the locale of
// the environment (LC_ALL, LC_MESSAGES, LANG, the first that is set, as POSIX has it);
// else English. A value kep has no messages for counts as English.
func MsgLang(planLang string) string { return MsgLangFrom(os.Getenv, planLang) }

// MsgLangFrom is MsgLang with the environment read through getenv (for tests).
func MsgLangFrom(getenv func(string) string, planLang string) string {
	if l, ok := msgLangOf(getenv("KEP_LANG")); ok {
		return l
	}
	if l, ok := msgLangOf(planLang); ok {
		return l
	}
	for _, k := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		if v := getenv(k); v != "" {
			l, _ := msgLangOf(v)
			return l
		}
	}
	return msgSource
}

// msgLangOf reads a language from a locale name: "de_DE.UTF-8" and "de-AT" are German,
// "fr_FR@euro" French, "C" and "POSIX" English; ok is false for "" and for languages kep
// has no messages in (which read as English).
func msgLangOf(v string) (string, bool) {
	v = strings.ToLower(strings.TrimSpace(v))
	if i := strings.IndexAny(v, "_-.@"); i >= 0 {
		v = v[:i]
	}
	if Supported(v) {
		return v, true
	}
	return msgSource, false
}

// MsgEnumValue finds the value among values that word names in another language than
// English ("hoch" → "high", "Befürworter" → "supporter", "élevé" → "high"), written in
// any case; "" when there is none. The languages are asked in the order of Languages().
func MsgEnumValue(word string, values []string) string {
	w := strings.ToLower(strings.TrimSpace(word))
	if w == "" {
		return ""
	}
	for _, l := range languages {
		if l.enumWords == nil {
			continue
		}
		words := l.enumWords()
		for _, v := range values {
			for _, t := range words[v] {
				if strings.ToLower(t) == w {
					return v
				}
			}
		}
	}
	return ""
}
