package fpdf

import "sync"

// UTF8FontMetrics is what AddUTF8FontFromBytes reads from a TrueType font: its
// descriptor values and the width of every BMP rune (kep patch). A program that builds
// fonts in can compute them at build time (UTF8FontMetricsOf) and hand them to fpdf
// (SetUTF8FontMetrics) so that no process parses those fonts, whose parse made a
// 65,536-entry width table per face; the font is read then only to subset it, at Output.
type UTF8FontMetrics struct {
	Ascent, Descent, CapHeight, StemV, ItalicAngle, Flags int
	Bbox                                                  [4]int // xMin, yMin, xMax, yMax
	UnderlinePosition, UnderlineThickness, DefaultWidth   float64
	// Widths are the CharWidths: thousandths of an em by rune, 65535 for a glyph of no
	// width, 0 for none; Widths[0] is the count of runes with a width. Never written to:
	// it may be a program's static data, shared by every document.
	Widths *[1 << 16]uint16
}

// UTF8FontMetricsOf parses font as AddUTF8FontFromBytes does and returns its metrics.
func UTF8FontMetricsOf(font []byte) (*UTF8FontMetrics, error) {
	utf := newUTF8Font(&fileReader{array: font})
	if err := utf.parseFile(); err != nil {
		return nil, err
	}
	m := &UTF8FontMetrics{Ascent: utf.Ascent, Descent: utf.Descent, CapHeight: utf.CapHeight,
		StemV: utf.StemV, ItalicAngle: utf.ItalicAngle, Flags: utf.Flags,
		Bbox:              [4]int{utf.Bbox.Xmin, utf.Bbox.Ymin, utf.Bbox.Xmax, utf.Bbox.Ymax},
		UnderlinePosition: utf.UnderlinePosition, UnderlineThickness: utf.UnderlineThickness,
		DefaultWidth: utf.DefaultWidth, Widths: new([1 << 16]uint16)}
	copy(m.Widths[:], utf.CharWidths)
	return m, nil
}

// fontMetrics holds the metrics given by SetUTF8FontMetrics, by the identity of the
// font's bytes (as fontSums).
var fontMetrics sync.Map // fontBytes → *UTF8FontMetrics

// SetUTF8FontMetrics tells fpdf the metrics of font bytes (kep patch), which it then
// takes instead of parsing them. Wrong metrics make wrong documents: the caller's tests
// must hold them to UTF8FontMetricsOf. The bytes and m must never change; meant for
// fonts built into a program (the entries are never dropped).
func SetUTF8FontMetrics(font []byte, m *UTF8FontMetrics) {
	if len(font) > 0 && m != nil && m.Widths != nil {
		fontMetrics.Store(fontBytes{&font[0], len(font)}, m)
	}
}

// knownUTF8Font returns the parse of font made from its metrics, nil if none were given.
func knownUTF8Font(font []byte) *utf8FontFile {
	if len(font) == 0 {
		return nil
	}
	v, ok := fontMetrics.Load(fontBytes{&font[0], len(font)})
	if !ok {
		return nil
	}
	m := v.(*UTF8FontMetrics)
	return &utf8FontFile{fileReader: &fileReader{array: font}, Ascent: m.Ascent,
		Descent: m.Descent, CapHeight: m.CapHeight, StemV: m.StemV,
		ItalicAngle: m.ItalicAngle, Flags: m.Flags,
		Bbox:              fontBoxType{m.Bbox[0], m.Bbox[1], m.Bbox[2], m.Bbox[3]},
		UnderlinePosition: m.UnderlinePosition, UnderlineThickness: m.UnderlineThickness,
		DefaultWidth: m.DefaultWidth, CharWidths: m.Widths[:]}
}
