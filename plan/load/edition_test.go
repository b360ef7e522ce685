package load

import (
	"testing"
	"time"

	"github.com/kepdev/kep/plan"
	"github.com/kepdev/kep/plan/figures"
)

// TestCustomerClassification: every key of the plan format says whether the customer
// edition keeps it (customerKeep), and customerKeep names no key the schema lacks.
func TestCustomerClassification(t *testing.T) {
	known := map[string]bool{}
	for _, k := range PlanKeys() {
		known[k.Path] = true
		if !k.Classified {
			t.Errorf("plan key %q has no customer-edition classification: add it to customerKeep in edition.go (true: the customer may read it)", k.Path)
		}
	}
	for path := range customerKeep {
		if !known[path] {
			t.Errorf("customerKeep names %q, which is no key of the plan format", path)
		}
	}
}

// TestCustomerPlanSample: the customer plan of the full sample has none of the internal
// blocks and a workspace without the sample's scoring model.
func TestCustomerPlanSample(t *testing.T) {
	l := &Loader{Now: time.Date(2027, 3, 1, 0, 0, 0, 0, time.UTC)}
	p, diags := l.LoadPlan("../../samples/accounts/hansa.toml")
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	c := CustomerPlan(p)
	if c.Selection != nil || len(c.Scorecard.Objectives) > 0 || len(c.Competitors) > 0 || len(c.Opportunities) > 0 ||
		len(c.Asks) > 0 || len(c.Checklists) > 0 || len(c.Accepted) > 0 || c.Meta.Summary != "" || c.Source != nil {
		t.Errorf("customer plan holds internal blocks: %+v", c)
	}
	if c.Account == nil || len(c.Account.Pains) != len(p.Account.Pains) || len(c.Actions) != len(p.Actions) {
		t.Errorf("customer plan lost kept blocks: account %v, %d of %d actions", c.Account, len(c.Actions), len(p.Actions))
	}
	for i, ct := range c.Contacts {
		if ct.Attitude != "" || ct.Influence != 0 || ct.Owner != "" || ct.Name != p.Contacts[i].Name {
			t.Errorf("contact %d: %+v", i, ct)
		}
	}
	def := plan.DefaultWorkspace()
	if len(c.Workspace.Scoring.Attractiveness) != len(def.Scoring.Attractiveness) ||
		c.Workspace.Scoring.Attractiveness[0].Name != def.Scoring.Attractiveness[0].Name {
		t.Errorf("customer workspace carries the plan's scoring model: %+v", c.Workspace.Scoring)
	}
	f := figures.Compute(c, l.Now)
	if f.Selection != nil || f.Scorecard != nil || f.Pipeline != nil {
		t.Errorf("figures of the customer plan have internal figures: %+v", f)
	}
}
