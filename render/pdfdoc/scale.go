package pdfdoc

// The type scale and the vertical rhythm of the document pages, in one place: three text
// sizes and three heading sizes (the cover and the charts have their own), and four
// gaps. A reader sees a few sizes used consistently as structure; every size or gap
// more than these looks like an accident.

// Text sizes in points.
const (
	sizeFurniture = 7.5  // running head, footer
	sizeSmall     = 8.5  // tables, key–value lists, captions, notes, chart text alternatives
	sizeBody      = 9.5  // running text, lists, chart titles, the contents' entries
	sizeH3        = 10.5 // small headings inside sections, third-level headings
	sizeH2        = 12.5 // second-level headings; key figures in tiles
	sizeH1        = 17   // chapter headings
)

// Line heights as a factor of the size: text and tables read with more air than headings.
const (
	leadText = 1.45
	leadHead = 1.3
)

// Vertical gaps in millimetres.
const (
	gapLine    = 1.5 // below a small heading, between list items, inside boxes
	gapBlock   = 4   // after every block
	gapSection = 6   // before a second- or third-level heading
	gapChapter = 12  // before a chapter that runs on (not on a new page)
)

// lead is the line height in millimetres of text set at size points with factor f.
func lead(size, f float64) float64 { return size * ptToMM * f }
