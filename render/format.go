package render

import (
	"math"

	"github.com/kepdev/kep/locale"
	"github.com/kepdev/kep/plan"
)

// Format turns numbers, money, percentages and dates into the text a reader of one
// language expects, by the rules of its locale (locale/de.go, en.go, fr.go). It is the one
// place where the documents, the diff and the charts format what they show (de:
// 1.850.000 €, 12,5 %, 15.03.2027; en: €1,850,000, 12.5%, 15 Mar 2027; fr: 1 850 000 €,
// 12,5 %, 15/03/2027).
type Format struct {
	Lang     string // a code of locale.Languages(); anything else formats as "de", the default language
	Currency string // ISO 4217 code; "" means EUR
}

// NewFormat returns the format of lang with the given currency.
func NewFormat(lang, currency string) Format {
	if currency == "" {
		currency = "EUR"
	}
	return Format{Lang: locale.Get(lang).Lang, Currency: currency}
}

func (f Format) loc() *locale.Locale { return locale.Get(f.Lang) }

// Number formats v with exactly dec decimals and grouped thousands.
func (f Format) Number(v float64, dec int) string { return f.loc().Number(v, dec) }

// Decimal formats v with at most dec decimals, dropping trailing zeros (7,5; 8; 1.234,25).
func (f Format) Decimal(v float64, dec int) string { return f.loc().Decimal(v, dec) }

// Int formats a whole number with grouped thousands.
func (f Format) Int(v int) string { return f.Number(float64(v), 0) }

// Percent formats a percentage with one decimal at most: de "12,5 %", en "12.5%".
func (f Format) Percent(v float64) string { return f.loc().Percent(v) }

// PercentSign is what follows a number to make it a percentage ("\u00a0%", "%"), for
// charts that format their numbers themselves.
func (f Format) PercentSign() string { return f.loc().PercentSign() }

// PercentPtr formats p or returns the "not given" dash.
func (f Format) PercentPtr(p *float64) string {
	if p == nil {
		return "–"
	}
	return f.Percent(*p)
}

// symbol is the currency sign and whether it is a prefix sign in English.
func (f Format) symbol() string {
	switch f.Currency {
	case "EUR":
		return "€"
	case "USD":
		return "$"
	case "GBP":
		return "£"
	case "JPY":
		return "¥"
	}
	return f.Currency
}

func (f Format) withCurrency(num string, negative bool) string {
	return f.loc().WithCurrency(num, f.symbol(), negative)
}

// Money formats an amount in the plan's currency: whole units, cents only for small
// amounts that have them (a cost per visit of 75,50 €).
func (f Format) Money(v float64) string {
	dec := 0
	if math.Abs(v) < 1000 && math.Abs(v-math.Round(v)) >= 0.005 {
		dec = 2
	}
	return f.withCurrency(f.Number(v, dec), v < 0)
}

// MoneyPtr formats p or returns the "not given" dash.
func (f Format) MoneyPtr(p *float64) string {
	if p == nil {
		return "–"
	}
	return f.Money(*p)
}

// MoneyCompact formats an amount short, for chart labels and change reports:
// de "1,85 Mio. €", "410 Tsd. €"; en "€1.85M", "€410k".
func (f Format) MoneyCompact(v float64) string {
	num, ok := f.loc().Compact(v)
	if !ok {
		return f.Money(v)
	}
	return f.withCurrency(num, v < 0)
}

// Date formats a calendar day: de "15.03.2027", en "15 Mar 2027".
func (f Format) Date(d plan.Date) string {
	if d.IsZero() {
		return "–"
	}
	return f.loc().Date(d.Year, int(d.Month), d.Day)
}

// DatePtr formats d or returns the "not given" dash.
func (f Format) DatePtr(d *plan.Date) string {
	if d == nil {
		return "–"
	}
	return f.Date(*d)
}

// Period formats a plan period "01.01.2027 – 31.12.2027".
func (f Format) Period(from, to plan.Date) string { return f.Date(from) + " – " + f.Date(to) }

// Value formats a scorecard value in its unit: "%" as a percentage, the plan's currency
// code as money, anything else as a number followed by the unit.
func (f Format) Value(v float64, unit string) string {
	switch {
	case unit == "%":
		return f.Percent(v)
	case unit == f.Currency || (unit == "EUR" && f.Currency == "") || unit == "€":
		return f.Money(v)
	case unit == "":
		return f.Decimal(v, 2)
	}
	return f.Decimal(v, 2) + "\u00a0" + unit
}

// Compact formats a number short for chart axes and labels: de "2,4 Mio.", "410 Tsd.",
// "97,3"; en "2.4M", "410k", "97.3".
func (f Format) Compact(v float64) string {
	s, _ := f.loc().Compact(v)
	return s
}
