// Package stack grows a goroutine's stack ahead of its work.
//
// A goroutine starts with a 2 KB stack, and the runtime doubles it whenever a call does
// not fit: each time it copies the stack and walks every frame on it, decoding their
// tables from the binary (pcvalue), the first time page-faulting them in. A render's
// deep goroutines (loading a plan, writing the HTML, laying out the PDF) grew theirs
// 2 → 4 → 8 → 16 → 32 → 64 KB, each step deeper in their work and costlier: copying
// and stack walks were ~2.5 % of a small plan's CPU (perf). Grown once at the start,
// with a frame or two on the stack, they do not grow again (issue 19).
package stack

// Size is what Grow makes the stack at least: a render's deepest goroutine needed
// 64 KB (perf probe on runtime.copystack, samples/accounts/hansa.toml).
const Size = 64 << 10

// frame is the argument block of a call that Grow never makes: it sizes Grow's frame,
// so that the runtime grows the stack once on entry to Grow, without a byte of it
// being written (a local variable this large could be moved to the heap instead).
type frame [Size - 4<<10]byte

//go:noinline
func sink(f frame) byte { return f[len(f)-1] }

// never is false; the compiler cannot know it.
var never bool

// Grow makes the calling goroutine's stack at least Size bytes, in one step. Call it
// first thing in a goroutine that goes deep; elsewhere it costs a stack of 64 KB.
//
//go:noinline
func Grow() {
	if never {
		sink(frame{})
	}
}
