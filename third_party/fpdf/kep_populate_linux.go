//go:build linux

package fpdf

import (
	"os"
	"syscall"
	"unsafe"
)

// populate maps in the memory of b's whole capacity with one system call (kep patch):
// MADV_POPULATE_WRITE (Linux 5.14) makes the pages present and writable as writes
// would, without writing, so the contents stay as they are. A fresh buffer written
// afterwards then takes no page fault per 4 KB, each of which costs an exception
// (dear on virtual machines). An older kernel refuses the advice: the pages are then
// faulted in as before.
func populate(b []byte) {
	b = b[:cap(b)]
	ps := os.Getpagesize()
	if len(b) < 16*ps {
		return
	}
	off := int(-uintptr(unsafe.Pointer(&b[0])) & uintptr(ps-1))
	n := (len(b) - off) &^ (ps - 1)
	const madvPopulateWrite = 23
	_ = syscall.Madvise(b[off:off+n], madvPopulateWrite)
}
