// Package hugeheap lets a short run of kep take its heap in huge pages (2 MB) instead
// of 4 KB ones, where Linux gives them only on request (transparent huge pages set to
// "madvise", the default of most distributions).
//
// Why: one kep render of a plan touches 7–16 MB of fresh heap. In 4 KB pages that was
// ~1,900 page faults, at 5–10 µs each on a virtual machine: about a fifth of the render's
// CPU time and a good part of its wall time (scripts/PERFORMANCE.md, issue 19). A
// huge page is one fault and one 2 MB clear.
//
// How: the Go runtime maps its heap itself and no longer asks for huge pages (since Go
// 1.21.1), and each growth of the heap is a fresh mapping, so advice given ahead to
// address space not yet mapped would be lost. Prepare therefore makes the runtime map
// the address space the run will use at once, and hand it back free: goroutine stacks
// come from the heap's pages, and a stack of a goroutine that ends is freed at once,
// without a collection. Prepare starts a goroutine per 16 MB whose stack grows to 16
// MB in one step (a frame that needs it, never written), advises those stacks (and
// the heap's chunks so far) MADV_HUGEPAGE, and lets the goroutines end.
// The pages were never touched, so this costs address space, not memory; the runtime
// then hands the same, advised, addresses to the run's allocations. Prepare has the
// runtime release those pages to the system first (they stay mapped and advised), so
// that it takes them for zeroed, as they will be, and does not clear them itself.
//
// The heap of the packages' initialisation is in huge pages already: package thp,
// initialised before almost all others, collapses it into one (thp's init).
package hugeheap
