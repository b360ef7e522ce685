package pdfdoc

// The type scale and the vertical rhythm of the document pages, in one place: three text
// sizes and three heading sizes, one line-height factor for text and one for headings,
// and gaps that are multiples of one spacing unit. A reader sees a few sizes used
// consistently as structure; every size or gap more than these looks like an accident.
// The cover has a display size for its title besides (sizeTitle); charts set their own
// text (charts.Theme), sized for the same page.

// Text sizes in points.
const (
	sizeFurniture = 7.5  // running head, footer, the cover's labels
	sizeSmall     = 8.5  // tables, key–value lists, captions, notes, chart text alternatives
	sizeBody      = 9.5  // running text, lists, chart titles, the contents' entries
	sizeH3        = 10.5 // small headings inside sections, third-level headings, the contents' chapters
	sizeH2        = 12.5 // second-level headings; key figures in tiles; the account on the cover
	sizeH1        = 17   // chapter headings
	sizeTitle     = 26   // the document's title on the cover, and only there
)

// Line heights as a factor of the size: text and tables read with more air than headings.
const (
	leadText = 1.35
	leadHead = 1.25
)

// unit is the spacing unit in millimetres; every vertical gap is a multiple of it.
const unit = 1.5

// Vertical gaps in millimetres.
const (
	gapLine    = unit     // below a small heading, inside boxes, around a chart
	gapItem    = unit / 2 // between list items
	gapBlock   = 2 * unit // after every block
	gapSection = 3 * unit // before a second- or third-level heading
	gapChapter = 6 * unit // before a chapter that runs on (not on a new page)
)

// lead is the line height in millimetres of text set at size points with factor f.
func lead(size, f float64) float64 { return size * ptToMM * f }
