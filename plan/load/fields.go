package load

import (
	"fmt"

	"github.com/kepdev/kep/plan"
)

// oneLine shortens s to at most n characters, with an ellipsis where it cuts.
func OneLine(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}

// trimFloat formats a figure for a message: at most two decimals, no trailing zeros.
func TrimFloat(v float64) string {
	s := fmt.Sprintf("%.2f", v)
	for s[len(s)-1] == '0' {
		s = s[:len(s)-1]
	}
	if s[len(s)-1] == '.' {
		s = s[:len(s)-1]
	}
	return s
}

type markdownField struct{ Path, Text string }

// markdownFields lists the plan's Markdown texts with their key paths (the kindMarkdown
// keys of the schema), in the order of the file format.
func MarkdownFields(p *plan.Plan) []markdownField {
	var fs []markdownField
	add := func(path, text string) {
		if text != "" {
			fs = append(fs, markdownField{path, text})
		}
	}
	add("plan.summary", p.Meta.Summary)
	if o := p.Offering; o != nil {
		add("offering.positioning", o.Positioning)
		for i, pk := range o.Packages {
			add(IndexPath("offering.packages", i)+".description", pk.Description)
		}
	}
	if a := p.Account; a != nil {
		add("account.strategy", a.Strategy)
		if a.Purchasing != nil {
			add("account.purchasing.process", a.Purchasing.Process)
		}
	}
	for i, v := range p.Value {
		add(IndexPath("value", i)+".description", v.Description)
	}
	for i, k := range p.Asks {
		add(IndexPath("asks", i)+".reason", k.Reason)
	}
	for i, r := range p.Reviews {
		add(IndexPath("reviews", i)+".notes", r.Notes)
	}
	return fs
}
