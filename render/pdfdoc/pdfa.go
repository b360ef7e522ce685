package pdfdoc

import (
	_ "embed"

	"github.com/go-pdf/fpdf"
)

// srgbICC is the sRGB profile (ICC version 2.3, from Debian's icc-profiles-free, zlib
// licence, listed in the third-party notices) that PDF/A-1 requires as the output
// intent of a document in DeviceRGB. PDF/A-1 is based on PDF 1.4, which reads ICC
// profiles up to version 2.x; colord's sRGB.icc is version 4 and would not do.
//
//go:embed srgb.icc
var srgbICC []byte

// setPDFA makes pdf a PDF/A-1b document (third_party/fpdf/kep_tag.go writes the XMP
// metadata, the output intent, the file ID and the CIDSets). What the content must do
// itself: no transparency (the logo is flattened onto white by render/logo, the
// charts' translucent colours onto the page by charts.PDF), only embedded fonts.
func setPDFA(pdf *fpdf.Fpdf) {
	pdf.SetPDFA(srgbICC, "sRGB IEC61966-2.1")
	pdf.SetDisplayDocTitle(true)
}
