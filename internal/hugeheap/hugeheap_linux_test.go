package hugeheap

import (
	"bytes"
	"os"
	"runtime"
	"runtime/metrics"
	"strconv"
	"syscall"
	"testing"
	"unsafe"
)

// anonHuge is the process's memory in transparent huge pages, in kB.
func anonHuge(t *testing.T) int {
	b, err := os.ReadFile("/proc/self/smaps_rollup")
	if err != nil {
		t.Skip(err)
	}
	for _, l := range bytes.Split(b, []byte("\n")) {
		if f := bytes.Fields(l); len(f) >= 2 && string(f[0]) == "AnonHugePages:" {
			n, _ := strconv.Atoi(string(f[1]))
			return n
		}
	}
	t.Skip("no AnonHugePages in smaps_rollup")
	return 0
}

// After Prepare, what the program allocates and writes lands in huge pages.
func TestPrepareGivesHugePages(t *testing.T) {
	if !wanted() {
		t.Skip("transparent huge pages are not on request here")
	}
	before := anonHuge(t)
	if !Prepare(32 << 20) {
		t.Fatal("Prepare did nothing although huge pages come on request")
	}
	buf := make([]byte, 8<<20)
	for i := range buf {
		buf[i] = byte(i)
	}
	after := anonHuge(t)
	if after-before < 2048 {
		t.Errorf("AnonHugePages %d -> %d kB after writing 8 MB: want at least one more huge page", before, after)
	}
	_ = buf[len(buf)-1]
}

func TestPrepareRespectsDisablethp(t *testing.T) {
	t.Setenv("GODEBUG", "madvdontneed=1,disablethp=1")
	if Prepare(16 << 20) {
		t.Error("Prepare went on although GODEBUG has disablethp=1")
	}
	if Prepare(0) {
		t.Error("Prepare(0) went on")
	}
}

// The prepared pages go back to the heap released (the kernel zeroes them when they are
// next touched), so that the runtime does not clear them once more before handing them
// out: the heap has no free pages left that are not released.
func TestPrepareReleasesItsPages(t *testing.T) {
	if !wanted() {
		t.Skip("transparent huge pages are not on request here")
	}
	s := []metrics.Sample{{Name: "/memory/classes/heap/free:bytes"}, {Name: "/memory/classes/heap/released:bytes"}}
	// No collection under way, as at the start of kep render: during one, the runtime
	// keeps the stacks of goroutines that end for other stacks until it is over.
	runtime.GC()
	if !Prepare(32 << 20) {
		t.Fatal("Prepare did nothing although huge pages come on request")
	}
	metrics.Read(s)
	if free, released := s[0].Value.Uint64(), s[1].Value.Uint64(); free > 1<<20 || released < 32<<20 {
		t.Errorf("after Prepare(32 MB) the heap has %d KB free, %d KB released: want at most 1 MB free (not released), at least 32 MB released", free>>10, released>>10)
	}
}

// A 2 MB with some pages in memory becomes one huge page, all of it in memory; one with
// none stays as it is.
func TestCollapseTouched(t *testing.T) {
	if !wanted() {
		t.Skip("transparent huge pages are not on request here")
	}
	m, err := syscall.Mmap(-1, 0, 4*hugePage, syscall.PROT_READ|syscall.PROT_WRITE, syscall.MAP_ANON|syscall.MAP_PRIVATE)
	if err != nil {
		t.Skip(err)
	}
	defer syscall.Munmap(m)
	base := uintptr(unsafe.Pointer(&m[0]))
	off := int((base+hugePage-1)&^(hugePage-1) - base)
	b := m[off : off+2*hugePage] // two whole 2 MB
	beg := uintptr(unsafe.Pointer(&b[0]))
	for _, off := range []int{0, 5 << 12, 300 << 12} {
		b[off] = 1
	}
	resident := func(r uintptr) int {
		var vec [hugePage / 4096]byte
		if _, _, e := syscall.Syscall(syscall.SYS_MINCORE, r, hugePage, uintptr(unsafe.Pointer(&vec[0]))); e != 0 {
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
	collapseTouched(beg, beg+2*hugePage)
	if n := resident(beg); n != hugePage/4096 {
		t.Errorf("first 2 MB: %d of %d pages in memory after collapseTouched, want all (one huge page)", n, hugePage/4096)
	}
	if n := resident(beg + hugePage); n != 0 {
		t.Errorf("second 2 MB (untouched): %d pages in memory after collapseTouched, want none", n)
	}
	if b[5<<12] != 1 || b[6<<12] != 0 {
		t.Error("collapseTouched changed the memory's contents")
	}
}
