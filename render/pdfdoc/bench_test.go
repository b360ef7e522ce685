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
