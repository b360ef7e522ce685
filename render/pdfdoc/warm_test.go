package pdfdoc

import (
	"sync"
	"testing"
)

// TestWarmBesideWriter: a writer may ask for the font set while Warm still parses the
// faces one by one; both get the one shared set (run with -race).
func TestWarmBesideWriter(t *testing.T) {
	var wg sync.WaitGroup
	wg.Add(1)
	go func() { defer wg.Done(); Warm() }()
	fs, err := newFontSet(nil, nil)
	wg.Wait()
	if err != nil {
		t.Fatal(err)
	}
	again, _ := newFontSet(nil, nil)
	if fs != again || fs.styles[""] == nil || fs.mono == nil {
		t.Fatal("Warm and a writer got different or incomplete font sets")
	}
}
