package load

import (
	"strings"
	"testing"

	"github.com/kepdev/kep/internal/adversary"
)

// TestMarkdownBudget: hostile Markdown within the file size is refused by the plan's
// Markdown budget before goldmark parses it (it once took up to minutes and gigabytes:
// link reference definitions, runs of [ and backticks, tables repeated in 500 texts).
func TestMarkdownBudget(t *testing.T) {
	for _, name := range []string{"linkrefs", "linkrefs-used", "brackets", "brackets-links", "brackets-titles",
		"brackets-paragraphs", "backticks", "prose", "paragraphs", "list-items", "emphasis", "tables-per-text"} {
		c, ok := adversary.Find(name)
		if !ok {
			t.Fatalf("no case %s", name)
		}
		_, ds := (&Loader{}).LoadPlanBytes("/nowhere/"+name+".toml", c.Plan(600<<10))
		if len(ds) != 1 || ds[0].Warning || !strings.Contains(ds[0].Message, "the plan's Markdown texts together") {
			t.Errorf("%s: got %v, want one error about the plan's Markdown", name, ds)
		}
	}
}

// TestMarkdownBudgetPerPlan: the limits count all texts of a plan together, not each text.
func TestMarkdownBudgetPerPlan(t *testing.T) {
	c, _ := adversary.Find("tables-per-text")
	_, ds := (&Loader{}).LoadPlanBytes("/nowhere/p.toml", c.Plan(8<<10)) // 7 texts, 19,100 cells each
	if len(ds) != 1 || ds[0].Path != "offering.packages[1].description" || !strings.Contains(ds[0].Message, "more than the limit of 20000 table cells") {
		t.Errorf("got %v", ds)
	}
}

// TestMarkdownCost checks the estimate on small texts.
func TestMarkdownCost(t *testing.T) {
	for _, tc := range []struct {
		src  string
		want markdownCost
	}{
		{"one\ntwo\n\nthree", markdownCost{bytes: 14, blocks: 2, scan: 0}},
		{"- a\n- b\n> c\n# d\n1. e", markdownCost{bytes: 20, blocks: 5}},
		{"[a](b) *c*\n\n`d`", markdownCost{bytes: 15, blocks: 2, markup: 6, scan: 11*4 + 3*2}},
		{"|a|b|\n|-|-|\n|c|d|", markdownCost{bytes: 17, blocks: 3, cells: 6}},
	} {
		if got := costOf(tc.src); got != tc.want {
			t.Errorf("costOf(%q) = %+v, want %+v", tc.src, got, tc.want)
		}
	}
}
