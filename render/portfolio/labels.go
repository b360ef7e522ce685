package portfolio

import "github.com/kepdev/kep/render"

// labels are the words of the portfolio report. Its own words ("pf.…") and everything a
// plan document also says (classes, quadrants, visit and cost terms) come from the same
// locale table (locale/de.go, en.go, fr.go), so both documents use the same words.
type labels struct{ render.Labels }

func labelsFor(lang string) labels { return labels{render.LabelsFor(lang)} }
