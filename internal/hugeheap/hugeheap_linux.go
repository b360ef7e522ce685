package hugeheap

import (
	"runtime"
	"runtime/debug"
	"sync/atomic"
	"time"
	"unsafe"

	"github.com/kepdev/kep/internal/hugeheap/thp"
)

const (
	hugePage = thp.HugePage
	chunk    = thp.Chunk // the runtime's page allocator grows the heap in 4 MB chunks
	maxHeap  = 256 << 20
)

// first is a heap object made by Prepare: its address says where the heap begins.
var first *[64]byte

// prepared: Prepare works once per process (kep's tests run many commands in one).
var prepared atomic.Bool

// Prepare readies the next n bytes of heap (rounded to whole 16 MB blocks, at most
// 256 MB) to be faulted in as huge pages, and reports whether it did. It does nothing
// when the kernel gives huge pages to every mapping anyway ("always") or to none
// ("never"), or when GODEBUG has disablethp=1, the runtime's own switch against them,
// or when it ran before in this process. Call it early, before the run allocates much.
//
// It used to allocate one large block and collect it (runtime.GC) to free it: that
// first collection cost ~3 ms of CPU in a render of ~65 (its mark workers on both
// cores, then ~150 page faults for the runtime's span sets; GODEBUG=gctrace=1), more
// than a third of what the huge pages save. A goroutine's stack is given back to the
// heap when the goroutine ends, with no collection (issue 19).
func Prepare(n int) bool {
	if n <= 0 || !thp.Wanted || thp.Disabled() || !prepared.CompareAndSwap(false, true) {
		return false
	}
	n = min(n, maxHeap)
	first = new([64]byte)
	c := uintptr(unsafe.Pointer(first)) &^ (chunk - 1)
	// The heap so far: the chunk of first and those around it, which the runtime may
	// have mapped already (a chunk mapped and still untouched at this point took ~400
	// 4 KB faults later in 2 of 6 renders).
	thp.Advise(c-2*chunk, c+2*chunk)
	// The goroutines hold their stacks until all have grown, else each would take the
	// stack the one before it gave back.
	goroutines := runtime.NumGoroutine()
	at := make(chan uintptr)
	release := make(chan struct{})
	for range (n + stackBlock - 1) / stackBlock {
		go hold(at, release)
	}
	start, done := make(chan struct{}), make(chan struct{})
	go func() {
		<-start
		stackAbove32K()
		close(done)
	}()
	for range (n + stackBlock - 1) / stackBlock {
		// The stack is stackBlock bytes around the address of a local of hold: advising
		// a block either side covers it; what else lies there is the heap's own address
		// space (the first chunk, reserved space not yet mapped), where advice is
		// harmless or lost when the runtime maps it anew.
		m := <-at
		thp.Advise(m-stackBlock, m+stackBlock)
	}
	close(release)
	// The runtime counts a goroutine gone once it has freed its stack (and here no other
	// goroutine starts or ends: Prepare also waits for its last one below).
	waitGoroutines(goroutines + 1)
	// The freed stacks are pages the runtime would clear before it hands them out again,
	// each allocation once more after the kernel cleared the huge page: ~2 ms of
	// memclr in a render (perf). Pages given back to the system come zeroed from it, so
	// the runtime does not clear those: over its memory limit, the next allocation of
	// pages gives back the free ones first. That allocation is a goroutine stack, which
	// starts no collection (a heap allocation over the limit would); nothing else
	// allocates meanwhile. The pages were never touched: giving them back is a madvise
	// over untouched address space, and they keep their advice.
	limit := debug.SetMemoryLimit(1)
	close(start)
	<-done
	debug.SetMemoryLimit(limit)
	waitGoroutines(goroutines)
	// After the release: giving back the free 4 KB pages of a huge page splits it.
	thp.CollapseTouched(c-2*chunk, c+2*chunk)
	return true
}

// waitGoroutines waits until at most n goroutines are left, for 10 ms at most. It
// yields first, then sleeps: a goroutine that yields goes to the global run queue and
// can get itself back at once, while one that another processor readied waits there.
func waitGoroutines(n int) {
	for i := 0; i < 500 && runtime.NumGoroutine() > n; i++ {
		if i < 20 {
			runtime.Gosched()
		} else {
			time.Sleep(20 * time.Microsecond)
		}
	}
}

// stackAbove32K makes its goroutine's stack grow past 32 KB, to a size that the runtime
// allocates from the heap's pages (smaller stacks come from caches).
//
//go:noinline
func stackAbove32K() {
	if never {
		deep32K([40 << 10]byte{})
	}
}

//go:noinline
func deep32K(f [40 << 10]byte) byte { return f[len(f)-1] }

// stackBlock is the stack each of Prepare's goroutines grows to: goroutine stacks are
// powers of two, and a stack that must grow is doubled until the next frame fits.
const stackBlock = 16 << 20

// frame is what makes hold's frame need a stack of stackBlock bytes: the argument
// block of a call that is never made, so no byte of it is written (a local variable
// this large would go to the heap instead).
type frame [stackBlock - 256<<10]byte

//go:noinline
func deep(f frame) byte { return f[len(f)-1] }

// never is false; the compiler cannot know it.
var never bool

// hold runs on a stack of stackBlock bytes, untouched but for its top: it sends an
// address within that stack, and returns (freeing the stack) once release is closed.
//
//go:noinline
func hold(at chan<- uintptr, release <-chan struct{}) {
	var mark byte
	if never {
		mark = deep(frame{})
	}
	at <- uintptr(unsafe.Pointer(&mark))
	<-release
}
