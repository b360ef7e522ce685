package render

import (
	"github.com/kepdev/kep/charts"
)

// maxChartSize is the largest design size the chart backends accept (charts refuse
// more); a chart that grows with a list, as the profile with its criteria, is drawn
// denser beyond it rather than failing the document.
const maxChartSize = 20000

// chart makes a chart block, or a note when the chart has nothing to draw.
func (b *builder) chart(kind string, m charts.Chart, data *Table, w, h int) Block {
	if m == nil || m.Empty() {
		return &Note{Text: b.t("doc.nochart")}
	}
	w, h = min(w, maxChartSize), min(h, maxChartSize)
	return &Chart{Kind: kind, Model: m, Title: m.Title(), Alt: m.Alt(), Data: data, Width: w, Height: h}
}
