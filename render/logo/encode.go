package logo

import (
	"bufio"
	"bytes"
	"compress/zlib"
	"encoding/binary"
	"hash/crc32"
)

// encodeOpaque writes the PNG that png.Encoder writes at png.BestSpeed for an opaque
// w × h image, grey (8 bits) or RGB (an image.NRGBA whose alpha is 255 everywhere), byte
// for byte: the same chunks, the same filter for each row, the same zlib stream, cut
// into IDAT chunks where png.Encode's 32 KB buffer cuts it. row(y, dst) gives the
// pixels of row y, 1 or 3 bytes each, so that a logo is flattened a row at a time
// instead of into an image first.
//
// Why not png.Encoder: the PDF must keep its bytes (the PDF embeds this PNG's zlib
// stream), and png.Encoder chooses each row's filter by filtering the row five times,
// byte by byte, which took a third of ForPDF for the sample logo (issue 19); here the
// sums are taken eight bytes at a time and only the chosen filter is written.
// TestEncodeOpaque compares the two on images made to pick every filter.
func encodeOpaque(dst *bytes.Buffer, w, h int, gray bool, row func(y int, dst []byte)) error {
	bpp, ct := 3, byte(2)
	if gray {
		bpp, ct = 1, 0
	}
	dst.WriteString("\x89PNG\r\n\x1a\n")
	var ihdr [13]byte
	binary.BigEndian.PutUint32(ihdr[0:], uint32(w))
	binary.BigEndian.PutUint32(ihdr[4:], uint32(h))
	ihdr[8], ihdr[9] = 8, ct // bit depth; compression, filter and interlace methods 0
	writeChunk(dst, "IHDR", ihdr[:])

	bw := bufio.NewWriterSize(idatWriter{dst}, 1<<15) // png.Encode's IDAT chunks
	// The fastest level: the logo is prepared while the plan is read and laid out, and
	// the cover waited for it at the default level (sample logo: ForPDF 1.9 -> 1.1 ms,
	// the PDF 477 bytes larger; issue 19).
	zw, err := zlib.NewWriterLevel(bw, zlib.BestSpeed)
	if err != nil {
		return err
	}
	n := bpp * w
	// The current and the previous row, each after bpp zero bytes: the filters read the
	// pixel to the left and above-left of the first as zeros.
	cur, prev := make([]byte, bpp+n), make([]byte, bpp+n)
	out := make([]byte, 1+n)
	for y := 0; y < h; y++ {
		row(y, cur[bpp:])
		out[0] = filterRow(out[1:], cur, prev, bpp)
		// A Write per row, as png.Encode writes (zlib's output does not depend on how
		// its input is cut, but nothing here relies on that).
		if _, err := zw.Write(out); err != nil {
			return err
		}
		cur, prev = prev, cur
	}
	if err := zw.Close(); err != nil {
		return err
	}
	if err := bw.Flush(); err != nil {
		return err
	}
	writeChunk(dst, "IEND", nil)
	return nil
}

// idatWriter writes each Write as an IDAT chunk, as png.Encode's encoder does.
type idatWriter struct{ dst *bytes.Buffer }

func (iw idatWriter) Write(b []byte) (int, error) {
	writeChunk(iw.dst, "IDAT", b)
	return len(b), nil
}

func writeChunk(dst *bytes.Buffer, name string, b []byte) {
	var head [8]byte
	binary.BigEndian.PutUint32(head[:4], uint32(len(b)))
	copy(head[4:], name)
	crc := crc32.Update(crc32.ChecksumIEEE(head[4:]), crc32.IEEETable, b)
	dst.Write(head[:])
	dst.Write(b)
	dst.Write(binary.BigEndian.AppendUint32(head[:0], crc))
}

// The PNG filter types.
const (
	ftNone = iota
	ftSub
	ftUp
	ftAverage
	ftPaeth
)

// filterRow chooses the filter png.Encode chooses for a row and writes the row filtered
// with it into out. cur and prev are the row and the row above, each after bpp zero
// bytes (prev all zeros for the first row). png.Encode takes the filter whose output
// has the least sum of absolute values (bytes read as signed), trying them in the order
// up, Paeth, none, sub, average and keeping the first of equal sums: the same choice
// is made here, from the sums of up, none, sub and average (eight bytes at a time, each
// given up once it reaches the best so far) and then Paeth's, given up as soon as it
// cannot win.
func filterRow(out, cur, prev []byte, bpp int) byte {
	n := len(cur) - bpp
	x, a, b, c := cur[bpp:], cur[:n], prev[bpp:], prev[:n] // a left, b up, c up-left
	best, f := sumUp(x, b), byte(ftUp)
	if s := sumNone(x, best); s < best {
		best, f = s, ftNone
	}
	if s := sumSub(x, a, best); s < best {
		best, f = s, ftSub
	}
	if s := sumAverage(x, a, b, best); s < best {
		best, f = s, ftAverage
	}
	// Paeth comes second in png.Encode's order: it wins over up when less, over the
	// others when not more.
	bound := best
	if f != ftUp {
		bound++
	}
	if sumPaeth(x, a, b, c, bound) < bound {
		f = ftPaeth
	}
	switch f {
	case ftNone:
		copy(out, x)
	case ftSub:
		for i := range x {
			out[i] = x[i] - a[i]
		}
	case ftUp:
		for i := range x {
			out[i] = x[i] - b[i]
		}
	case ftAverage:
		for i := range x {
			out[i] = x[i] - uint8((int(a[i])+int(b[i]))/2)
		}
	case ftPaeth:
		a, b, c := a[:len(x)], b[:len(x)], c[:len(x)]
		for i := range x {
			out[i] = x[i] - uint8(paeth(int(a[i]), int(b[i]), int(c[i])))
		}
	}
	return f
}

// Eight bytes in a uint64, each a lane of its own.
const (
	laneHigh = 0x8080808080808080
	laneLow7 = 0xfefefefefefefefe
	lanePair = 0x00ff00ff00ff00ff
)

func load8(p []byte) uint64 { return binary.LittleEndian.Uint64(p) }

// sub8 is x − y in each lane, modulo 256.
func sub8(x, y uint64) uint64 { return ((x | laneHigh) - (y &^ laneHigh)) ^ ((x ^ ^y) & laneHigh) }

// avg8 is (x + y) / 2 in each lane, rounded down.
func avg8(x, y uint64) uint64 { return (x & y) + ((x^y)&laneLow7)>>1 }

// abs8sum is the sum over the lanes of each byte read as signed, made positive
// (png.Encode's abs8: d or 256 − d).
func abs8sum(d uint64) int {
	neg := (d & laneHigh) >> 7
	v := (d ^ (neg * 0xff)) + neg              // each lane at most 128
	v = (v & lanePair) + ((v >> 8) & lanePair) // four lanes of 16 bits
	return int((v * 0x0001000100010001) >> 48)
}

func abs8(d uint8) int {
	if d < 128 {
		return int(d)
	}
	return 256 - int(d)
}

func sumUp(x, b []byte) int {
	s, i := 0, 0
	for ; i+8 <= len(x); i += 8 {
		s += abs8sum(sub8(load8(x[i:]), load8(b[i:])))
	}
	for ; i < len(x); i++ {
		s += abs8(x[i] - b[i])
	}
	return s
}

// sumNone, sumSub, sumAverage and sumPaeth return the sum of their filter's output, or
// a number at least bound once the sum reaches it.
func sumNone(x []byte, bound int) int {
	s, i := 0, 0
	for ; i+8 <= len(x) && s < bound; i += 8 {
		s += abs8sum(load8(x[i:]))
	}
	for ; i < len(x) && s < bound; i++ {
		s += abs8(x[i])
	}
	return s
}

func sumSub(x, a []byte, bound int) int {
	s, i := 0, 0
	for ; i+8 <= len(x) && s < bound; i += 8 {
		s += abs8sum(sub8(load8(x[i:]), load8(a[i:])))
	}
	for ; i < len(x) && s < bound; i++ {
		s += abs8(x[i] - a[i])
	}
	return s
}

func sumAverage(x, a, b []byte, bound int) int {
	s, i := 0, 0
	for ; i+8 <= len(x) && s < bound; i += 8 {
		s += abs8sum(sub8(load8(x[i:]), avg8(load8(a[i:]), load8(b[i:]))))
	}
	for ; i < len(x) && s < bound; i++ {
		s += abs8(x[i] - uint8((int(a[i])+int(b[i]))/2))
	}
	return s
}

func sumPaeth(x, a, b, c []byte, bound int) int {
	a, b, c = a[:len(x)], b[:len(x)], c[:len(x)]
	s := 0
	for i := range x {
		s += iabs(int(int8(x[i] - uint8(paeth(int(a[i]), int(b[i]), int(c[i]))))))
		if s >= bound {
			break
		}
	}
	return s
}

// paeth is the Paeth predictor of a (left), b (up) and c (up-left), as image/png
// computes it, but small enough to be inlined (a call for each byte took a third more
// time) and without branches, which the pixels of a picture would mispredict. It
// compares squares for absolute values: the order is the same.
func paeth(a, b, c int) int {
	pa, pb, pc := b-c, a-c, a+b-2*c
	pa, pb, pc = pa*pa, pb*pb, pc*pc
	p := c
	if pb <= pc {
		p = b
	}
	if pa <= pb && pa <= pc {
		p = a
	}
	return p
}

func iabs(x int) int {
	m := x >> 63
	return (x ^ m) - m
}
