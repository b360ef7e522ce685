package logo

import (
	"bytes"
	"image"
	"os"
	"sync"
	"testing"
)

// Check and ForPDF keep the last logo decoded (decodeShared) for the whole process, and
// kep render checks and writes several plans at once: goroutines that alternate between
// logos each get their own logo's PDF bytes. Run with -race (make test does).
func TestDecodeSharedConcurrent(t *testing.T) {
	sample, err := os.ReadFile("../../samples/assets/logo.png")
	if err != nil {
		t.Fatal(err)
	}
	gray := image.NewGray(image.Rect(0, 0, 30, 20))
	for i := range gray.Pix {
		gray.Pix[i] = byte(i)
	}
	logos := [][]byte{sample, encodePNG(t, rgba(7, 5)), encodePNG(t, gray)}
	want := make([][]byte, len(logos))
	for i, data := range logos {
		img, _, err := Decode(data)
		if err != nil {
			t.Fatal(err)
		}
		want[i] = encodeForPDF(t, scaleFlatten(img))
	}
	var wg sync.WaitGroup
	errs := make(chan string, 6)
	for g := 0; g < 6; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for n := 0; n < 20; n++ {
				i := (g + n) % len(logos)
				if _, err := Check(logos[i]); err != nil {
					errs <- err.Error()
					return
				}
				got, _, err := ForPDF(logos[i])
				if err != nil || !bytes.Equal(got, want[i]) {
					errs <- "logo " + string(rune('0'+i)) + ": not its own PDF bytes"
					return
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Error(e)
	}
}
