// Package thp holds the kernel calls for transparent huge pages that internal/hugeheap
// makes, and gives the heap that kep's packages build while they are initialised huge
// pages: it imports nothing but syscall, so it is initialised before almost all of
// them (GODEBUG=inittrace=1: 14th of ~120 packages, after ~3 KB of their heap).
package thp

import (
	"syscall"
	"unsafe"
)

const (
	// HugePage is the size of a huge page (x86-64, arm64 with 4 KB pages).
	HugePage = 2 << 20
	// Chunk is how much address space the runtime maps for its heap at a time.
	Chunk        = 4 << 20
	madvHuge     = 14 // MADV_HUGEPAGE
	madvCollapse = 25 // MADV_COLLAPSE (Linux 6.1)
	thpConfig    = "/sys/kernel/mm/transparent_hugepage/enabled"
)

// Wanted is whether huge pages come only on request (transparent huge pages set to
// "madvise", the default of most distributions) and GODEBUG does not have
// disablethp=1, the runtime's own switch against them.
var Wanted bool

// probe is a heap object of the initialisation: its address says where the heap is.
var probe *[16]byte

// The packages' initialisation touched ~75 pages of heap in 4 KB pages before main
// (perf record -e page-faults -d, kep render), each fault costly on a virtual
// machine; the runtime's own start-up touched ~100 before this.
func init() {
	Wanted = wanted()
	if !Wanted {
		return
	}
	probe = new([16]byte)
	c := uintptr(unsafe.Pointer(probe)) &^ (Chunk - 1)
	Advise(c, c+Chunk)
	CollapseTouched(c, c+Chunk)
}

// CollapseTouched turns each 2 MB of [beg, end) that is mapped and partly in memory
// into one huge page (MADV_COLLAPSE: the pages in memory copied, the rest zero), so that
// it takes no more page faults. Advice alone comes too late for such a 2 MB: one with 4
// KB pages in it takes 4 KB pages from then on.
func CollapseTouched(beg, end uintptr) {
	var vec [HugePage / 4096]byte
	for r := beg &^ (HugePage - 1); r < end; r += HugePage {
		if _, _, e := syscall.Syscall(syscall.SYS_MINCORE, r, HugePage, uintptr(unsafe.Pointer(&vec[0]))); e != 0 {
			continue // not all mapped: not heap, or not yet
		}
		in := 0
		for _, v := range vec {
			in += int(v & 1)
		}
		if in > 0 && in < len(vec) {
			syscall.Syscall(syscall.SYS_MADVISE, r, HugePage, madvHuge)
			syscall.Syscall(syscall.SYS_MADVISE, r, HugePage, madvCollapse)
		}
	}
}

// Advise asks for huge pages in the whole huge pages within [beg, end).
func Advise(beg, end uintptr) {
	beg = (beg + HugePage - 1) &^ (HugePage - 1)
	end &^= HugePage - 1
	if beg < end {
		// An error (a kernel without transparent huge pages) leaves small pages: fine.
		syscall.Syscall(syscall.SYS_MADVISE, beg, end-beg, madvHuge)
	}
}

// Disabled reports whether GODEBUG has disablethp=1.
func Disabled() bool {
	v, ok := syscall.Getenv("GODEBUG")
	return ok && hasSetting(v, "disablethp=1")
}

// wanted reads Wanted's conditions with syscall alone (os is not initialised yet).
func wanted() bool {
	if Disabled() {
		return false
	}
	fd, err := syscall.Open(thpConfig, syscall.O_RDONLY|syscall.O_CLOEXEC, 0)
	if err != nil {
		return false
	}
	defer syscall.Close(fd)
	var buf [128]byte
	n, err := syscall.Read(fd, buf[:])
	return err == nil && n > 0 && contains(string(buf[:n]), "[madvise]")
}

// hasSetting reports whether the comma-separated list s has the setting kv (spaces
// around an entry ignored).
func hasSetting(s, kv string) bool {
	for len(s) > 0 {
		e := s
		if i := index(s, ","); i >= 0 {
			e, s = s[:i], s[i+1:]
		} else {
			s = ""
		}
		if trim(e) == kv {
			return true
		}
	}
	return false
}

func contains(s, sub string) bool { return index(s, sub) >= 0 }

func index(s, sub string) int {
	for i := 0; i+len(sub) <= len(s); i++ {
		if s[i:i+len(sub)] == sub {
			return i
		}
	}
	return -1
}

func trim(s string) string {
	for len(s) > 0 && (s[0] == ' ' || s[0] == '\t') {
		s = s[1:]
	}
	for len(s) > 0 && (s[len(s)-1] == ' ' || s[len(s)-1] == '\t') {
		s = s[:len(s)-1]
	}
	return s
}
