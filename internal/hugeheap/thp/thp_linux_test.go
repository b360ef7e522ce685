package thp

import (
	"syscall"
	"testing"
	"unsafe"
)

// A 2 MB with some pages in memory becomes one huge page, all of it in memory; one with
// none stays as it is.
func TestCollapseTouched(t *testing.T) {
	if !Wanted {
		t.Skip("transparent huge pages are not on request here")
	}
	m, err := syscall.Mmap(-1, 0, 4*HugePage, syscall.PROT_READ|syscall.PROT_WRITE, syscall.MAP_ANON|syscall.MAP_PRIVATE)
	if err != nil {
		t.Skip(err)
	}
	defer syscall.Munmap(m)
	base := uintptr(unsafe.Pointer(&m[0]))
	off := int((base+HugePage-1)&^(HugePage-1) - base)
	b := m[off : off+2*HugePage] // two whole 2 MB
	beg := uintptr(unsafe.Pointer(&b[0]))
	for _, off := range []int{0, 5 << 12, 300 << 12} {
		b[off] = 1
	}
	resident := func(r uintptr) int {
		var vec [HugePage / 4096]byte
		if _, _, e := syscall.Syscall(syscall.SYS_MINCORE, r, HugePage, uintptr(unsafe.Pointer(&vec[0]))); e != 0 {
			t.Fatal(e)
		}
		n := 0
		for _, v := range vec {
			n += int(v & 1)
		}
		return n
	}
	if n := resident(beg); n != 3 {
		t.Fatalf("%d pages in memory before, want the 3 written", n)
	}
	CollapseTouched(beg, beg+2*HugePage)
	if n := resident(beg); n != HugePage/4096 {
		t.Errorf("first 2 MB: %d of %d pages in memory after CollapseTouched, want all (one huge page)", n, HugePage/4096)
	}
	if n := resident(beg + HugePage); n != 0 {
		t.Errorf("second 2 MB (untouched): %d pages in memory after CollapseTouched, want none", n)
	}
	if b[5<<12] != 1 || b[6<<12] != 0 {
		t.Error("CollapseTouched changed the memory's contents")
	}
}
