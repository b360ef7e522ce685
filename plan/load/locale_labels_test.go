package load

import (
	"slices"
	"strings"
	"testing"

	"github.com/kepdev/kep/locale"
	"github.com/kepdev/kep/plan"
)

// enumLabels names, for every key of the plan format with a fixed set of values, the
// label kind under which the documents show its values ("attitude" → the label
// "attitude.skeptic"), or "" for a key whose values no document shows as words (the paper
// size, the language). A new such key must be added here with its labels in every
// language.
var enumLabels = map[string]string{
	"lang":                             "",
	"brand.paper":                      "",
	"brand.chapter_breaks":             "",
	"plan.status":                      "status",
	"plan.confidentiality":             "confidentiality",
	"plan.kind":                        "kind",
	"scorecard.objectives.perspective": "perspective",
	"scorecard.objectives.better":      "better",
	"account.pains.impact":             "level",
	"account.initiatives.relevance":    "level",
	"competitors.threat":               "level",
	"contacts.roles":                   "role",
	"contacts.attitude":                "attitude",
	"actions.status":                   "action",
	"opportunities.stage":              "stage",
	"asks.kind":                        "askkind",
	"asks.status":                      "askstatus",
	"checklists.topic":                 "topic",
	"checklists.items.status":          "check",
}

// TestSchemaValuesHaveLabels is driven by the schema: every value of every enumerated
// plan key has a label in every document language, so that no document prints a raw
// value ("skeptic") where its readers expect a word ("Sceptique").
func TestSchemaValuesHaveLabels(t *testing.T) {
	seen := map[string]bool{}
	var walk func(pre string, s *keySpec)
	walk = func(pre string, s *keySpec) {
		for _, k := range s.keys {
			path := k.name
			if pre != "" {
				path = pre + "." + k.name
			}
			if k.wsOnly {
				continue // a workspace key met in a plan: refused there
			}
			walk(path, k)
			if len(k.enum) == 0 {
				continue
			}
			seen[path] = true
			kind, ok := enumLabels[path]
			if !ok {
				t.Errorf("%s: an enumerated key without an entry in enumLabels (locale_labels_test.go): name the label kind of its values", path)
				continue
			}
			if kind == "" {
				continue
			}
			for _, l := range locale.Languages() {
				for _, v := range k.enum {
					if _, ok := l.Label(kind + "." + v); !ok {
						t.Errorf("%s = %q: no label %s.%s in %s (locale/%s.go)", path, v, kind, v, l.Name, l.Lang)
					}
				}
			}
		}
	}
	walk("", planSchema())
	for path := range enumLabels {
		if !seen[path] {
			t.Errorf("enumLabels names %s, which is no enumerated plan key (any more)", path)
		}
	}
}

// Every document language can be written: the schema accepts it for lang, kep init has a
// scaffold and an example account for it, and the default title is in that language.
func TestEveryLanguageIsComplete(t *testing.T) {
	for _, l := range locale.Languages() {
		if !slices.Contains(langs, l.Lang) {
			t.Errorf("%s: the schema refuses lang = %q", l.Name, l.Lang)
		}
		if scaffoldTemplates()[l.Lang] == nil {
			t.Errorf("%s: no templates/scaffold/%s/plan.toml for kep init", l.Name, l.Lang)
		}
		if ExampleAccount(l.Lang) == "" {
			t.Errorf("%s: no example account (label init.account)", l.Name)
		}
		if title, _ := l.Label("doc.title"); plan.DefaultTitle(l.Lang, "X") != strings.Replace(title, "%s", "X", 1) {
			t.Errorf("%s: default title %q", l.Name, plan.DefaultTitle(l.Lang, "X"))
		}
	}
}
