package pdfdoc

import (
	"io"
	"testing"
)

func BenchmarkWriteSample(b *testing.B) {
	d := sampleDoc(b, "hansa")
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Write(io.Discard, d, Options{Now: testNow}); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkWriteHostile(b *testing.B) {
	d := hostileDoc(b, 2000, 500)
	for b.Loop() {
		if _, err := Write(io.Discard, d, Options{Now: testNow}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkLayoutSample is the layout alone (no output): the part of Write on the
// critical path that the tables, the words and the page breaks take.
func BenchmarkLayoutSample(b *testing.B) {
	d := sampleDoc(b, "hansa")
	b.ReportAllocs()
	for b.Loop() {
		fonts, err := fontSetOf(d)
		if err != nil {
			b.Fatal(err)
		}
		dw := newDocWriter(d, fonts, Options{Now: testNow})
		if err := dw.layout(); err != nil {
			b.Fatal(err)
		}
	}
}
