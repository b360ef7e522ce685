package stack

import (
	"runtime"
	"runtime/debug"
	"testing"
)

// noGC keeps the collector, which shrinks stacks, out of a test.
func noGC(t *testing.T) {
	old := debug.SetGCPercent(-1)
	t.Cleanup(func() { debug.SetGCPercent(old) })
}

// depth recurses n frames deep, each with a few hundred bytes of stack.
//
//go:noinline
func depth(n int) int {
	var pad [256]byte
	pad[n%len(pad)] = byte(n)
	if n == 0 {
		return int(pad[0])
	}
	return depth(n-1) + int(pad[n%len(pad)])
}

// After Grow, a goroutine's stack does not grow again for work within Size: the
// runtime's count of stack memory in use stays where Grow left it.
func TestGrowOnce(t *testing.T) {
	noGC(t)
	done := make(chan [2]uint64)
	go func() {
		var ms runtime.MemStats
		Grow()
		runtime.ReadMemStats(&ms)
		before := ms.StackInuse
		depth(100) // ~30 KB of frames
		runtime.ReadMemStats(&ms)
		done <- [2]uint64{before, ms.StackInuse}
	}()
	got := <-done
	if got[1] > got[0] {
		t.Errorf("stack in use grew from %d to %d bytes after Grow", got[0], got[1])
	}
}

// Grow's frame is what makes the stack grow: a goroutine without it grows for the
// same work (the test above would then see no difference only by chance).
func TestWithoutGrowItGrows(t *testing.T) {
	noGC(t)
	done := make(chan [2]uint64)
	go func() {
		var ms runtime.MemStats
		runtime.ReadMemStats(&ms)
		before := ms.StackInuse
		depth(100)
		runtime.ReadMemStats(&ms)
		done <- [2]uint64{before, ms.StackInuse}
	}()
	got := <-done
	if got[1] <= got[0] {
		t.Skipf("stack in use %d → %d: other goroutines' stacks blur the count", got[0], got[1])
	}
}
