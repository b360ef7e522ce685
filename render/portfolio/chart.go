package portfolio

import "github.com/kepdev/kep/render"

// chart is the scoring portfolio chart; until the charts package has its quadrant model
// the data table stands alone.
func (b *builder) chart(alt string, data *render.Table) render.Block {
	return &render.Chart{Kind: "portfolio", Title: b.l.T("b1.portfolio"), Alt: alt, Data: data, Width: 480, Height: 400}
}
