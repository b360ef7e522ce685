package figures

// The pipeline (spec A5) and the management asks (spec A6): what the account may still
// bring and how likely, and what the KAM needs from management to get there.
import (
	"github.com/kepdev/kep/plan"
)

// PipelineFigures are the derived figures of the plan's opportunities.
type PipelineFigures struct {
	Total    float64 `json:"total"`    // Σ value of open and won opportunities
	Weighted float64 `json:"weighted"` // Σ weighted value of open and won opportunities
	Won      float64 `json:"won"`      // Σ value of won opportunities
	// Stages holds count and value for every stage present, lost included.
	Stages map[string]StageFigures `json:"stages"`
	Bridge BridgeFigures           `json:"bridge"`
	// OverdueIDs are the open opportunities whose decision date lies before the as-of date.
	OverdueIDs []string `json:"-"`
}

// StageFigures count the opportunities in one stage.
type StageFigures struct {
	Count int     `json:"count"`
	Value float64 `json:"value"` // Σ value, not weighted
}

// BridgeFigures are the revenue bridge (Umsatzbrücke) from last year's revenue to the
// planned revenue: base + won + weighted_open = expected; gap = planned − expected, what
// is still to be found. A part the plan lacks the data for is nil (null in JSON).
type BridgeFigures struct {
	Base         *float64 `json:"base"`          // revenue of the newest [account.history] row
	Won          float64  `json:"won"`           // won, closing within the plan period
	WeightedOpen float64  `json:"weighted_open"` // weighted value of open ones closing within the period
	Expected     *float64 `json:"expected"`      // base + won + weighted_open
	Planned      *float64 `json:"planned"`       // [selection] revenue
	Gap          *float64 `json:"gap"`           // planned − expected
}

func pipelineFigures(p *plan.Plan, today plan.Date) *PipelineFigures {
	f := &PipelineFigures{Stages: map[string]StageFigures{}, OverdueIDs: []string{}}
	for _, o := range p.Opportunities {
		st := f.Stages[o.Stage]
		st.Count++
		st.Value += o.Value
		f.Stages[o.Stage] = st
		if o.Stage == "lost" {
			continue
		}
		f.Total += o.Value
		f.Weighted += o.Weighted()
		open := plan.OpenStage(o.Stage)
		if !open {
			f.Won += o.Value
		}
		if open && o.Close.Before(today) {
			f.OverdueIDs = append(f.OverdueIDs, o.ID)
		}
		if o.Close.Before(p.Meta.From) || p.Meta.To.Before(o.Close) {
			continue // decided outside the plan period: not part of its revenue
		}
		if open {
			f.Bridge.WeightedOpen += o.Weighted()
		} else {
			f.Bridge.Won += o.Value
		}
	}
	f.Bridge.Base = baseRevenue(p)
	if s := p.Selection; s != nil && s.Revenue > 0 {
		f.Bridge.Planned = ptr(s.Revenue)
	}
	if b := f.Bridge.Base; b != nil {
		f.Bridge.Expected = ptr(*b + f.Bridge.Won + f.Bridge.WeightedOpen)
	}
	if e, pl := f.Bridge.Expected, f.Bridge.Planned; e != nil && pl != nil {
		f.Bridge.Gap = ptr(*pl - *e)
	}
	return f
}

// baseRevenue is the revenue of the newest year in [account.history], nil without history.
func baseRevenue(p *plan.Plan) *float64 {
	if p.Account == nil || len(p.Account.History) == 0 {
		return nil
	}
	newest := p.Account.History[0]
	for _, h := range p.Account.History[1:] {
		if h.Year > newest.Year {
			newest = h
		}
	}
	return ptr(newest.Revenue)
}

// AskFigures count the management asks by status (spec A6).
type AskFigures struct {
	Open           int     `json:"open"`
	Approved       int     `json:"approved"`
	Rejected       int     `json:"rejected"`
	Conditional    int     `json:"conditional"`
	ApprovedAmount float64 `json:"approved_amount"` // Σ amount of the approved asks (not the conditional ones)
}

func askFigures(as []plan.Ask) *AskFigures {
	f := &AskFigures{}
	for _, a := range as {
		switch a.Status {
		case "open":
			f.Open++
		case "approved":
			f.Approved++
			if a.Amount != nil {
				f.ApprovedAmount += *a.Amount
			}
		case "rejected":
			f.Rejected++
		case "conditional":
			f.Conditional++
		}
	}
	return f
}
