package fpdf

import (
	"bytes"
	"crypto/sha1"
	"strings"
	"sync"
	"sync/atomic"
)

// kep patch: additions to the API, and the bound of the per-process caches.

var pngInfosN, utf8FontsN atomic.Int32

// maxCached bounds the caches of parsed fonts and images (utf8Fonts, pngInfos): a long
// running program (kep serve) would otherwise keep every version of a font or logo it
// was given.
const maxCached = 16

// boundCache empties m but for the entry just added (key, value) when that entry makes
// more than maxCached: entries in use stay valid for their holders; the next document
// parses again what it needs.
func boundCache(m *sync.Map, n *atomic.Int32, key, value any) {
	if n.Add(1) > maxCached {
		m.Clear()
		m.Store(key, value)
		n.Store(1)
	}
}

// fontSums remembers the SHA-1 of font bytes by their identity (kep patch). The sum names
// a UTF-8 font (the key of its parse in utf8Fonts, its ID in the document), and hashing
// every font for every document cost a tenth of one kep render: the 2.8 MB of kep's
// built-in fonts, twice per process. The key's pointer keeps the bytes alive, so their
// address is not reused while the entry lives; font bytes are never changed once given
// to fpdf (the parse cache holds them too).
var fontSums sync.Map // fontBytes → [sha1.Size]byte
var fontSumsN atomic.Int32

type fontBytes struct {
	p *byte
	n int
}

func utf8FontSum(b []byte) [sha1.Size]byte {
	if len(b) == 0 {
		return sha1.Sum(b)
	}
	k := fontBytes{&b[0], len(b)}
	if v, ok := fontSums.Load(k); ok {
		return v.([sha1.Size]byte)
	}
	sum := sha1.Sum(b)
	if _, loaded := fontSums.LoadOrStore(k, sum); !loaded {
		boundCache(&fontSums, &fontSumsN, k, sum)
	}
	return sum
}

// SetUTF8FontSum tells fpdf the SHA-1 of font bytes that the caller knows already (kep
// patch): fonts built into a program, whose sums are constants, so that no process
// hashes them. A wrong sum names the font wrongly in the document: the caller's tests
// must check its constants. The bytes must never change.
func SetUTF8FontSum(b []byte, sum [sha1.Size]byte) {
	if len(b) == 0 {
		return
	}
	k := fontBytes{&b[0], len(b)}
	if _, loaded := fontSums.Swap(k, sum); !loaded {
		boundCache(&fontSums, &fontSumsN, k, sum)
	}
}

// panicValue carries a goroutine's panic to the goroutine that waits for it (kep patch):
// a panic in a goroutine of its own ends the whole program, whatever the caller recovers.
type panicValue struct{ v any }

// UTF8FontWidths returns what StringWidthOf adds up for the loaded UTF-8 font of family
// and style (kep patch): its widths by rune in thousandths of an em (0: the rune has
// none, 65535: it takes no room) and the width of a rune it has none for; ok is false for
// a font that is not loaded or not UTF-8. A caller that measures many texts in a few
// fonts adds them up itself (the font's kerning as given to SetFontKerning besides),
// without StringWidthOf's look-up of the font by name on every call. The slice must not
// be modified.
func (f *Fpdf) UTF8FontWidths(familyStr, styleStr string) (cw []uint16, missing int, ok bool) {
	font, ok := f.fonts[getFontKey(fontFamilyEscape(familyStr), styleStr)]
	if !ok || font.Tp != "UTF8" {
		return nil, 0, false
	}
	missing = font.Desc.MissingWidth
	if missing == 0 {
		missing = 500
	}
	return font.Cw, missing, true
}

// StringWidthOf returns the width of s, in user units, set in the loaded font of family
// and style at size points: what SetFont followed by GetStringWidth returns, without
// selecting the font. Selecting writes a font operator into the current page, so a
// layout that measures text in many styles filled its pages with unused operators.
// It returns 0 for a font that is not loaded.
func (f *Fpdf) StringWidthOf(familyStr, styleStr string, size float64, s string) float64 {
	// getFontKey's key, made in the index expression so that it needs no allocation
	family, style := strings.ToLower(fontFamilyEscape(familyStr)), strings.ToUpper(styleStr)
	if style == "IB" {
		style = "BI"
	}
	font, ok := f.fonts[family+style]
	if !ok || f.err != nil {
		return 0
	}
	w := kernWidth(font.kern, s)
	if font.Tp == "UTF8" {
		for _, char := range s {
			c := int(char)
			switch {
			case c < len(font.Cw) && font.Cw[c] > 0:
				if font.Cw[c] != 65535 {
					w += int(font.Cw[c])
				}
			case font.Desc.MissingWidth != 0:
				w += font.Desc.MissingWidth
			default:
				w += 500
			}
		}
	} else {
		for _, ch := range []byte(s) {
			if ch == 0 {
				break
			}
			w += int(font.Cw[ch])
		}
	}
	return float64(w) * (size / f.k) / 1000
}

// CIDFontWidths returns the /W array cidFontWidths writes for a UTF-8 font with the
// widths cw of which the runes used (as usedRunes holds them) are written, up to
// lastRune (kep patch): for kep's test that compares it with upstream's algorithm
// (render/pdfdoc, TestCIDFontWidths).
func CIDFontWidths(cw []uint16, used map[int]int, lastRune int) string {
	return cidFontWidths(&fontDefType{Cw: cw, usedRunes: used}, lastRune)
}

// constZ holds the compressed form of a stream that is the same in every document, made
// once per process (kep patch): the ToUnicode map, written for every UTF-8 font (five
// times a document), and the output intent's ICC profile (0.09 ms to compress, at the
// end of Output). It holds the stream of the last bytes given.
type constZ struct {
	mu   sync.Mutex
	data []byte // a copy of the bytes compressed
	z    []byte
}

var (
	toUnicodeZ, iccZ constZ
	toUnicodeBytes   = []byte(toUnicode)
)

// compressedConst returns data compressed, from c when c holds it. An encrypted
// document gets a copy: putstream encrypts the stream in place.
func (f *Fpdf) compressedConst(c *constZ, data []byte) []byte {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.z == nil || !bytes.Equal(c.data, data) {
		mem := xmem.compress(data)
		c.data, c.z = bytes.Clone(data), mem.copy()
		mem.release()
	}
	if f.protect.encrypted {
		return bytes.Clone(c.z)
	}
	return c.z
}
