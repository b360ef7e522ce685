package pdfdoc

import (
	"io"
	"strings"
	"testing"

	"github.com/kepdev/kep/render/fonts/fontstest"
)

// Write never takes the process down, even with a font that kep validate refuses (a
// caller that skips validation): fpdf subsets fonts on goroutines of its own, where a
// panic used to end the program, and followed composite glyphs that contain themselves
// until the stack overflowed (a fatal error no recover catches).
func TestUnvalidatedFontFailsTheDocumentOnly(t *testing.T) {
	for name, font := range map[string][]byte{
		// a panic in fpdf's subsetter, on its goroutine (slice bounds out of range)
		"subsetter": fontstest.Mutate([]byte{0x00, 0x06, 0x30, 0xf3, 0x03, 0xe0, 0x01, 0xc0}),
		// a composite glyph that contains itself: used by the title
		"recursion": fontstest.SelfReferencing('A'),
	} {
		d := *assetDoc()
		d.Font = font
		_, err := Write(io.Discard, &d, Options{Now: testNow})
		t.Logf("%s: %v", name, err) // an error or a document: both are fine, a crash is not
	}
}

// A panic in the goroutine that prepares the logo is the document's error.
func TestLogoGoroutinePanicIsAnError(t *testing.T) {
	old := testHookLogo
	testHookLogo = func() { panic("boom") }
	defer func() { testHookLogo = old }()
	d := *assetDoc()
	_, err := Write(io.Discard, &d, Options{Now: testNow})
	if err == nil || !strings.Contains(err.Error(), "logo: internal error: boom") {
		t.Fatalf("got %v, want the logo's internal error", err)
	}
}
