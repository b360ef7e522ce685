package fpdf

import (
	"crypto/sha256"
	"encoding/binary"
	"strconv"
)

// kep patch: pair kerning and real font names for UTF-8 fonts.

// SetFontKerning gives the loaded UTF-8 font of family and style a pair kerning: kern(a,
// b) is the adjustment between the runes a and b in thousandths of an em, negative to
// set them closer. Text then writes kerned strings as a TJ array, and every width
// (GetStringWidth, StringWidthOf) includes the kerning, so that measured is drawn.
// Call it after adding the font and before selecting it.
func (f *Fpdf) SetFontKerning(familyStr, styleStr string, kern func(a, b rune) int) {
	key := getFontKey(fontFamilyEscape(familyStr), styleStr)
	if font, ok := f.fonts[key]; ok && font.Tp == "UTF8" {
		font.kern = kern
		f.fonts[key] = font
	}
}

// SetFontPostScriptName embeds the loaded UTF-8 font of family and style under its
// PostScript name (the font's name ID 6, as readers and preflight tools expect) with
// the six-letter subset tag of ISO 32000-1 9.6.4, instead of "utf8" and the family
// key. The tag is derived from the font and the runes used, so it is reproducible and
// differs between different subsets. name must be a valid PDF name without delimiters
// (the caller checks it).
func (f *Fpdf) SetFontPostScriptName(familyStr, styleStr, name string) {
	key := getFontKey(fontFamilyEscape(familyStr), styleStr)
	if font, ok := f.fonts[key]; ok && font.Tp == "UTF8" {
		font.psName = name
		f.fonts[key] = font
	}
}

// subsetTag is six capital letters from a hash of the font and its used runes.
func subsetTag(font *fontDefType) string {
	h := sha256.New()
	h.Write([]byte(font.i))
	if font.usedBits != nil {
		var w [8]byte
		for _, b := range font.usedBits {
			binary.BigEndian.PutUint64(w[:], b)
			h.Write(w[:])
		}
	}
	sum := h.Sum(nil)
	tag := make([]byte, 6)
	for i := range tag {
		tag[i] = 'A' + sum[i]%26
	}
	return string(tag)
}

// kernWidth is the sum of the kerning of s's pairs, in thousandths of an em.
func kernWidth(kern func(a, b rune) int, s string) int {
	if kern == nil {
		return 0
	}
	w := 0
	prev := rune(-1)
	for _, r := range s {
		if prev >= 0 {
			w += kern(prev, r)
		}
		prev = r
	}
	return w
}

// appendKerned appends " Td [(…) n (…)] TJ ET" for txt in the current font when it has
// kerning and any pair of txt is kerned; ok is false otherwise (the caller writes Tj).
func (f *Fpdf) appendKerned(b []byte, txt string) ([]byte, bool) {
	kern := f.currentFont.kern
	if !f.isCurrentUTF8 || f.isRTL || kern == nil {
		return b, false
	}
	start, prev := 0, rune(-1)
	var parts []int // byte offsets of the pieces, with the adjustment before each
	var adjust []int
	for i, r := range txt {
		if prev >= 0 {
			if k := kern(prev, r); k != 0 {
				parts = append(parts, i)
				adjust = append(adjust, -k)
			}
		}
		prev = r
	}
	if len(parts) == 0 {
		return b, false
	}
	b = append(b, " Td [("...)
	for j, at := range parts {
		b = appendEscapedUTF16(b, txt[start:at])
		b = append(b, ") "...)
		b = strconv.AppendInt(b, int64(adjust[j]), 10)
		b = append(b, " ("...)
		start = at
	}
	b = appendEscapedUTF16(b, txt[start:])
	return append(b, ")] TJ ET"...), true
}
