package pdfdoc

// slab hands out slices of larger arrays, so that the many small slices a layout makes
// (the fragments and words of every text, the words and lines of every wrap) are not
// an allocation each: hansa's layout made ~2,800 in words and ~2,900 in breakLines, a
// tenth of its allocations. A slice handed out is capped at its length (an append to
// it copies) and never handed out again. Not safe for concurrent use (one engine's).
type slab[T any] struct {
	buf   []T
	i     int // buf[i:] is free
	at, n int // the last grab: where, and its room
}

// slabLen is the length of a slab's arrays (a request larger than that gets its own).
const slabLen = 512

// grab returns an empty slice with room for n, to be filled by append and given to keep
// before the next grab.
func (s *slab[T]) grab(n int) []T {
	if len(s.buf)-s.i < n {
		s.buf, s.i = make([]T, max(n, slabLen)), 0
	}
	s.at, s.n = s.i, n
	s.i += n
	return s.buf[s.at:s.at:s.i]
}

// keep takes b, the slice the last grab returned after it was filled, and returns it
// capped at its length; the room it did not use goes back to the slab.
func (s *slab[T]) keep(b []T) []T {
	if len(b) <= s.n { // still in the slab (an append beyond the room would have moved it)
		s.i = s.at + len(b)
	}
	s.n = 0
	return b[:len(b):len(b)]
}
