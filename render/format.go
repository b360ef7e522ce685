package render

import (
	"math"
	"strconv"
	"strings"

	"github.com/kepdev/kep"
)

// Format turns numbers, money, percentages and dates into the text a reader of one
// language expects. It is the one place where the documents, the diff and the charts
// format what they show (de: 1.850.000 €, 12,5 %, 15.03.2027; en: €1,850,000, 12.5%,
// 15 Mar 2027).
type Format struct {
	Lang     string // "de" or "en"; anything else formats as "de", the default language
	Currency string // ISO 4217 code; "" means EUR
}

// NewFormat returns the format of lang with the given currency.
func NewFormat(lang, currency string) Format {
	if lang != "en" {
		lang = "de"
	}
	if currency == "" {
		currency = "EUR"
	}
	return Format{Lang: lang, Currency: currency}
}

func (f Format) en() bool { return f.Lang == "en" }

// Number formats v with exactly dec decimals and grouped thousands.
func (f Format) Number(v float64, dec int) string {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return "–"
	}
	s := strconv.FormatFloat(math.Abs(v), 'f', dec, 64)
	intPart, frac, _ := strings.Cut(s, ".")
	thou, point := ".", ","
	if f.en() {
		thou, point = ",", "."
	}
	var b strings.Builder
	if v < 0 && strings.Trim(s, "0.") != "" {
		b.WriteString("−")
	}
	for i, c := range intPart {
		if i > 0 && (len(intPart)-i)%3 == 0 {
			b.WriteString(thou)
		}
		b.WriteRune(c)
	}
	if frac != "" {
		b.WriteString(point)
		b.WriteString(frac)
	}
	return b.String()
}

// Decimal formats v with at most dec decimals, dropping trailing zeros (7,5; 8; 1.234,25).
func (f Format) Decimal(v float64, dec int) string {
	s := f.Number(v, dec)
	if dec == 0 {
		return s
	}
	point := ","
	if f.en() {
		point = "."
	}
	if strings.Contains(s, point) {
		s = strings.TrimRight(s, "0")
		s = strings.TrimSuffix(s, point)
	}
	return s
}

// Int formats a whole number with grouped thousands.
func (f Format) Int(v int) string { return f.Number(float64(v), 0) }

// Percent formats a percentage with one decimal at most: de "12,5 %", en "12.5%".
func (f Format) Percent(v float64) string {
	if f.en() {
		return f.Decimal(v, 1) + "%"
	}
	return f.Decimal(v, 1) + "\u00a0%"
}

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
	sym := f.symbol()
	if f.en() {
		sign := ""
		if negative {
			sign = "−"
			num = strings.TrimPrefix(num, "−")
		}
		if len([]rune(sym)) > 1 {
			return sign + sym + "\u00a0" + num
		}
		return sign + sym + num
	}
	return num + "\u00a0" + sym
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
	a := math.Abs(v)
	var num, unit string
	switch {
	case a >= 1e9:
		num, unit = f.Decimal(v/1e9, 2), map[bool]string{false: "\u00a0Mrd.", true: "bn"}[f.en()]
	case a >= 1e6:
		num, unit = f.Decimal(v/1e6, 2), map[bool]string{false: "\u00a0Mio.", true: "M"}[f.en()]
	case a >= 1e4:
		num, unit = f.Decimal(v/1e3, 1), map[bool]string{false: "\u00a0Tsd.", true: "k"}[f.en()]
	default:
		return f.Money(v)
	}
	return f.withCurrency(num+unit, v < 0)
}

// Date formats a calendar day: de "15.03.2027", en "15 Mar 2027".
func (f Format) Date(d kep.Date) string {
	if d.IsZero() {
		return "–"
	}
	if f.en() {
		return strconv.Itoa(d.Day) + "\u00a0" + d.Month.String()[:3] + "\u00a0" + strconv.Itoa(d.Year)
	}
	return pad2(d.Day) + "." + pad2(int(d.Month)) + "." + strconv.Itoa(d.Year)
}

// DatePtr formats d or returns the "not given" dash.
func (f Format) DatePtr(d *kep.Date) string {
	if d == nil {
		return "–"
	}
	return f.Date(*d)
}

// Period formats a plan period "01.01.2027 – 31.12.2027".
func (f Format) Period(from, to kep.Date) string { return f.Date(from) + " – " + f.Date(to) }

func pad2(n int) string {
	if n < 10 {
		return "0" + strconv.Itoa(n)
	}
	return strconv.Itoa(n)
}

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
	a := math.Abs(v)
	switch {
	case a >= 1e9:
		return f.Decimal(v/1e9, 2) + map[bool]string{false: "\u00a0Mrd.", true: "bn"}[f.en()]
	case a >= 1e6:
		return f.Decimal(v/1e6, 2) + map[bool]string{false: "\u00a0Mio.", true: "M"}[f.en()]
	case a >= 1e4:
		return f.Decimal(v/1e3, 1) + map[bool]string{false: "\u00a0Tsd.", true: "k"}[f.en()]
	}
	return f.Decimal(v, 1)
}
