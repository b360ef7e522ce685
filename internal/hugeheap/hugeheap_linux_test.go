package hugeheap

import (
	"bytes"
	"os"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"strconv"
	"testing"

	"github.com/kepdev/kep/internal/hugeheap/thp"
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
	if !thp.Wanted {
		t.Skip("transparent huge pages are not on request here")
	}
	before := anonHuge(t)
	prepared.Store(false)
	if !Prepare(32 << 20) {
		t.Fatal("Prepare did nothing although huge pages come on request")
	}
	if Prepare(32 << 20) {
		t.Error("Prepare worked a second time in one process")
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
	prepared.Store(false)
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
	if !thp.Wanted {
		t.Skip("transparent huge pages are not on request here")
	}
	s := []metrics.Sample{{Name: "/memory/classes/heap/free:bytes"}, {Name: "/memory/classes/heap/released:bytes"}}
	// No collection under way, as at the start of kep render: during one, the runtime
	// keeps the stacks of goroutines that end for other stacks until it is over.
	runtime.GC()
	defer debug.SetGCPercent(debug.SetGCPercent(-1))
	// And no goroutine of an earlier test still ending: Prepare counts goroutines to
	// know when its own have ended, as nothing else runs when kep render calls it.
	for i := 0; i < 100000 && runtime.NumGoroutine() > 2; i++ {
		runtime.Gosched()
	}
	prepared.Store(false)
	if !Prepare(32 << 20) {
		t.Fatal("Prepare did nothing although huge pages come on request")
	}
	metrics.Read(s)
	if free, released := s[0].Value.Uint64(), s[1].Value.Uint64(); free > 1<<20 || released < 32<<20 {
		t.Errorf("after Prepare(32 MB) the heap has %d KB free, %d KB released: want at most 1 MB free (not released), at least 32 MB released", free>>10, released>>10)
	}
}
