package hugeheap

import (
	"bytes"
	"os"
	"runtime"
	"runtime/debug"
	"strings"
	"sync/atomic"
	"syscall"
	"unsafe"
)

const (
	hugePage  = 2 << 20
	chunk     = 4 << 20 // the runtime's page allocator grows the heap in 4 MB chunks
	maxHeap   = 256 << 20
	madvHuge  = 14 // MADV_HUGEPAGE
	thpConfig = "/sys/kernel/mm/transparent_hugepage/enabled"
)

// first is a heap object made by Prepare: its address says where the heap begins.
var first *[64]byte

// prepared: Prepare works once per process (kep's tests run many commands in one).
var prepared atomic.Bool

// Prepare readies the next n bytes of heap (rounded to whole huge pages, at most 256
// MB) to be faulted in as huge pages, and reports whether it did. It does nothing when
// the kernel gives huge pages to every mapping anyway ("always") or to none ("never"),
// or when GODEBUG has disablethp=1, the runtime's own switch against them, or when it
// ran before in this process. Call it early, before the run allocates much: what is
// already in the heap's first chunk stays in small pages.
func Prepare(n int) bool {
	if n <= 0 || !wanted() || !prepared.CompareAndSwap(false, true) {
		return false
	}
	if n > maxHeap {
		n = maxHeap
	}
	n = (n + hugePage - 1) &^ (hugePage - 1)
	// No collection may start while the block is alive: it would run while this
	// goroutine still holds it, and the run's next allocations would go past it.
	old := debug.SetGCPercent(-1)
	first = new([64]byte)
	c := uintptr(unsafe.Pointer(first)) &^ (chunk - 1)
	advise(c, c+chunk)
	b := make([]byte, n) // fresh address space: the runtime does not clear it
	p := uintptr(unsafe.Pointer(unsafe.SliceData(b)))
	advise(p, p+uintptr(n))
	runtime.KeepAlive(b)
	b = nil
	debug.SetGCPercent(old)
	// The collection frees the block, so that the run allocates in its advised pages
	// instead of growing the heap into fresh (small-page) address space. With a heap
	// of a few hundred KB it is short.
	runtime.GC()
	return true
}

// advise asks for huge pages in the whole huge pages within [beg, end).
func advise(beg, end uintptr) {
	beg = (beg + hugePage - 1) &^ (hugePage - 1)
	end &^= hugePage - 1
	if beg < end {
		// An error (a kernel without transparent huge pages) leaves small pages: fine.
		syscall.Syscall(syscall.SYS_MADVISE, beg, end-beg, madvHuge)
	}
}

// wanted reports whether huge pages come only on request, and the user did not ask
// the runtime to avoid them.
func wanted() bool {
	for _, kv := range strings.Split(os.Getenv("GODEBUG"), ",") {
		if strings.TrimSpace(kv) == "disablethp=1" {
			return false
		}
	}
	cfg, err := os.ReadFile(thpConfig)
	return err == nil && bytes.Contains(cfg, []byte("[madvise]"))
}
