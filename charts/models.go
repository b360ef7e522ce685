package charts

import "strings"

// This file holds the chart models whose drawing lives in a file of its own name.

// Series is one named line of values, e.g. "us" or a competitor.
type Series struct {
	Name   string
	Values []float64 // one per criterion; NaN or missing: not rated
}

// Polarity is the strengths-weaknesses profile: criteria listed down, points across, one
// line per series. The first series is "us" and drawn in the primary colour.
type Polarity struct {
	Meta
	Criteria []string
	Series   []Series
	Min, Max float64 // the points scale; 0 and 10 when both are zero
}

// Point is one bubble in a Quadrant chart.
type Point struct {
	Label     string
	X, Y      float64
	Size      float64 // bubble area is proportional to Size (≥ 0); all zero: equal bubbles
	Highlight bool    // drawn in the primary colour and always labelled
	// From, when not nil, is where the point stood before (the previous period's plan):
	// drawn as a small ring with an arrow to the bubble (kep render --previous).
	From      *XY
	FromLabel string // names the previous position, e.g. "2026"
}

// XY is a position in a chart's data coordinates.
type XY struct{ X, Y float64 }

// Quadrant indexes of Quadrant.Names, in reading order.
const (
	TopLeft = iota
	TopRight
	BottomLeft
	BottomRight
)

// Quadrant is a 2 × 2 portfolio with named fields and bubbles: the scoring portfolio
// (attractiveness × position, one or many accounts) and the competence portfolio
// (importance × strength).
type Quadrant struct {
	Meta
	XTitle, YTitle string
	XMin, XMax     float64 // axis ranges; 0–100 when both are zero
	YMin, YMax     float64
	XCut, YCut     float64 // the lines that divide the four fields; the middle when zero
	Names          [4]string
	Points         []Point
	SizeLabel      string // legend text for the bubble size, e.g. "Umsatz"; none when empty
}

// History shows our business with the account by year: revenue and margin as bars on the
// left axis, share of wallet as a line in percent on the right axis.
type History struct {
	Meta
	Years                                 []string
	Revenue, Margin                       []float64 // NaN or missing: no bar
	Share                                 []float64 // percent; nil: no line and no right axis
	RevenueLabel, MarginLabel, ShareLabel string
	Unit                                  string // appended to share values, e.g. " %"
}

// SWOT field indexes of SWOTGrid.Titles and Items.
const (
	Strengths = iota
	Weaknesses
	Opportunities
	Threats
)

// SWOTGrid is the 2 × 2 grid of strengths, weaknesses (top), opportunities, threats
// (bottom), each a titled list.
type SWOTGrid struct {
	Meta
	Titles [4]string
	Items  [4][]string
}

// ValueChart is the value calculation over the horizon: cumulative benefit against
// cumulative cost (one-time costs in the first year) per year, and the net value.
type ValueChart struct {
	Meta
	Years                             []string  // x labels, e.g. "Jahr 1"
	Benefit, Cost                     []float64 // cumulative per year; see Cumulative
	BenefitLabel, CostLabel, NetLabel string
	// PaybackYears is when the cumulative net value reaches zero, in years from the start
	// (1.5: in the middle of the second year); 0: where the net line crosses zero.
	// PaybackLabel is the marker's text ("Amortisation nach 18 Monaten"); without it no
	// marker is drawn.
	PaybackYears float64
	PaybackLabel string
}

// Cumulative returns cumulative benefit and cost for years 1..years from a yearly benefit,
// a yearly cost and a one-time cost paid in the first year.
func Cumulative(years int, benefit, yearly, once float64) (b, c []float64) {
	for y := 1; y <= years && y <= 100; y++ {
		b = append(b, float64(y)*benefit)
		c = append(c, once+float64(y)*yearly)
	}
	return b, c
}

// Contact is one person on the relationship map.
type Contact struct {
	Name         string
	Attitude     int // index into RelationshipMap.AttitudeLabels; out of range is clamped
	Influence    int // index into RelationshipMap.InfluenceLabels, 0 = lowest
	Relationship int // 0 none … 4 trusted: the mark's size and strength
	Highlight    bool
}

// RelationshipMap places contacts by attitude (across, e.g. opponent … champion) and
// influence (up, low … high), marked by the strength of our relationship.
type RelationshipMap struct {
	Meta
	AttitudeLabels     []string // x categories, left to right
	InfluenceLabels    []string // y categories, bottom to top
	RelationshipLabels []string // legend for relationship 0..4; none when empty
	XTitle, YTitle     string
	Contacts           []Contact
}

// Empty reports that no series has a value.
func (p Polarity) Empty() bool {
	for _, s := range p.Series {
		for i := range p.Criteria {
			if finite(at(s.Values, i)) {
				return false
			}
		}
	}
	return true
}

// Empty reports that no point has finite coordinates.
func (q Quadrant) Empty() bool {
	for _, p := range q.Points {
		if finite(p.X) && finite(p.Y) {
			return false
		}
	}
	return true
}

// Empty reports that no year has a value.
func (h History) Empty() bool {
	for i := range h.Years {
		if finite(at(h.Revenue, i)) || finite(at(h.Margin, i)) || finite(at(h.Share, i)) {
			return false
		}
	}
	return true
}

// Empty reports that all four lists are empty.
func (s SWOTGrid) Empty() bool {
	for _, items := range s.Items {
		for _, it := range items {
			if strings.TrimSpace(sanitize(it)) != "" {
				return false
			}
		}
	}
	return true
}

// Empty reports that no year has a benefit or cost.
func (v ValueChart) Empty() bool {
	for i := range v.Years {
		if finite(at(v.Benefit, i)) || finite(at(v.Cost, i)) {
			return false
		}
	}
	return true
}

// Empty reports that there are no contacts or no categories to place them in.
func (m RelationshipMap) Empty() bool {
	return len(m.Contacts) == 0 || len(m.AttitudeLabels) == 0 || len(m.InfluenceLabels) == 0
}
