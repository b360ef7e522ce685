package theme

import "strings"

// Brand is what a document brings to its theme: the brand colours as written ("" for
// the default), the words of its running header and footer, and the number formats of
// its language.
type Brand struct {
	Primary, Accent string

	Account, Title, Version, Status  string // header; Version as printed ("Version 2027.2")
	Confidentiality, Company, Footer string // footer

	// Number and Money format chart values short in the document's language ("2,5 Mio.",
	// "2,5 Mio. €"); plain numbers when nil.
	Number, Money func(float64) string
}

// Theme is a Brand resolved once for drawing. Writers and charts read it and decide
// nothing of it again.
type Theme struct {
	Primary, Accent Color
	// PrimaryText and AccentText are the brand colours darkened just enough for text on
	// white (TextContrast); PrimaryDark for small text on tints (StrongContrast).
	PrimaryText, AccentText, PrimaryDark Color
	// Tint and TintStrong are light and medium fills of the primary colour.
	Tint, TintStrong Color

	// Header is the running head's left part (account · title), HeaderRight its right
	// part (version · status); Footer the footer's left part after the confidentiality
	// (company · brand footer). The page number is each writer's own.
	Header, HeaderRight string
	Confidentiality     string
	Footer              string

	// ChartWidth and ChartHeight are the design size of a chart whose builder gave none,
	// in CSS pixels (0.75 pt).
	ChartWidth, ChartHeight int

	// Number and Money format every number a chart prints, in both writers, so that the
	// PDF and the HTML read the same ("98,5 %", "2,5 Mio. €").
	Number, Money func(float64) string
}

// Default chart design size in CSS pixels.
const (
	DefaultChartWidth  = 600
	DefaultChartHeight = 400
)

// New resolves b.
func New(b Brand) Theme {
	p := ParseOr(b.Primary, DefaultPrimary)
	a := ParseOr(b.Accent, DefaultAccent)
	head := b.Title
	if b.Account != "" && !strings.Contains(head, b.Account) {
		head = b.Account + " · " + head
	}
	t := Theme{
		Primary: p, Accent: a,
		PrimaryText: p.OnWhite(TextContrast), AccentText: a.OnWhite(TextContrast),
		PrimaryDark: p.OnWhite(StrongContrast),
		Tint:        p.Tint(0.92), TintStrong: p.Tint(0.6),
		Header: head, HeaderRight: join(" · ", b.Version, b.Status),
		Confidentiality: b.Confidentiality,
		Footer:          join(" · ", b.Company, b.Footer),
		ChartWidth:      DefaultChartWidth, ChartHeight: DefaultChartHeight,
		Number: b.Number, Money: b.Money,
	}
	return t
}

// join joins the parts that are not empty.
func join(sep string, parts ...string) string {
	var keep []string
	for _, p := range parts {
		if p != "" {
			keep = append(keep, p)
		}
	}
	return strings.Join(keep, sep)
}
