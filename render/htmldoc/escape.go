package htmldoc

import "strings"

// The escapers below write plan text into the page. They reproduce byte for byte what
// html/template wrote when the page was a template (FuzzEscapers compares them with
// html/template), so documents stay identical while costing no reflection.

// escapes is html/template's table for text and quoted attribute values: the five
// HTML specials, '+' (for UTF-7 sniffing browsers) and NUL, which becomes U+FFFD.
var escapes = [256]string{
	0: "\uFFFD", '"': "&#34;", '&': "&amp;", '\'': "&#39;", '+': "&#43;", '<': "&lt;", '>': "&gt;",
}

// escapesNoPlus is text/template's HTMLEscapeString table, the same without '+': wrap
// and heading ids used it.
var escapesNoPlus = [256]string{
	0: "\uFFFD", '"': "&#34;", '&': "&amp;", '\'': "&#39;", '<': "&lt;", '>': "&gt;",
}

// appendEscaped appends s with every byte that has an entry in table replaced. All
// entries are ASCII, so a byte-wise walk treats valid and invalid UTF-8 alike, as
// html/template's rune-wise one does.
func appendEscaped[T string | []byte](b []byte, s T, table *[256]string) []byte {
	last := 0
	for i := 0; i < len(s); i++ {
		if rep := table[s[i]]; rep != "" {
			b = append(b, s[last:i]...)
			b = append(b, rep...)
			last = i + 1
		}
	}
	return append(b, s[last:]...)
}

// urlKeep marks the bytes html/template's URL normaliser leaves as they are: RFC 3986
// unreserved and reserved characters except single quote and parentheses.
var urlKeep = func() (t [256]bool) {
	for c := 0; c < 256; c++ {
		t[c] = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' ||
			strings.IndexByte("-._~!#$&*+,/:;=?@[]", byte(c)) >= 0
	}
	return t
}()

// appendURL appends a link target for a quoted href: a scheme other than http, https
// or mailto becomes "#ZgotmplZ", other bytes are percent-encoded unless kept, and the
// attribute's specials among the kept ones (& and +) are escaped.
func appendURL(b []byte, s string) []byte {
	if !safeScheme(s) {
		s = "#ZgotmplZ"
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '%' && i+2 < len(s) && isHex(s[i+1]) && isHex(s[i+2]):
			b = append(b, c)
		case urlKeep[c]:
			if rep := escapes[c]; rep != "" {
				b = append(b, rep...)
			} else {
				b = append(b, c)
			}
		default:
			b = appendPercent(b, c)
		}
	}
	return b
}

// appendFragment appends s as the fragment of an href="#…": everything but unreserved
// characters is percent-encoded, so nothing needs attribute escaping afterwards.
func appendFragment(b []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '.' || c == '_' || c == '~' {
			b = append(b, c)
		} else {
			b = appendPercent(b, c)
		}
	}
	return b
}

func appendPercent(b []byte, c byte) []byte {
	const hex = "0123456789abcdef"
	return append(b, '%', hex[c>>4], hex[c&15])
}

func isHex(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F'
}

// safeScheme reports whether s has no scheme or http, https or mailto.
func safeScheme(s string) bool {
	if scheme, _, ok := strings.Cut(s, ":"); ok && !strings.Contains(scheme, "/") {
		return strings.EqualFold(scheme, "http") || strings.EqualFold(scheme, "https") || strings.EqualFold(scheme, "mailto")
	}
	return true
}
