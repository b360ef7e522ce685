package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"testing"
	"time"

	"github.com/kepdev/kep/internal/preview"
)

// On Linux a save reaches the page through a file event, not the next poll: with a poll
// interval of an hour, the event stream still announces the new version.
func TestServeFileEvents(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("file events are used on Linux")
	}
	dir := planDir(t, map[string]string{"a.toml": fmt.Sprintf(minimalPlan, "Alpha")})
	plan := filepath.Join(dir, "a.toml")
	pv := preview.New([]string{plan}, defaultPipeline(), io.Discard)
	ts := startTestServer(t, pv)
	ctx, cancel := context.WithCancel(context.Background())
	defer func() { cancel(); pv.Close(); ts.Close() }()
	go pv.Watch(ctx, time.Hour)

	get(t, ts.URL+"/plan/1") // the first load: the workspace beside the plan is watched too
	ev := openEvents(t, ctx, ts.URL+"/events/1")
	v1, _ := ev.next(t, 10*time.Second)
	writePlan(t, plan, fmt.Sprintf(minimalPlan, "Alpha Zwei"))
	if v2, _ := ev.next(t, 10*time.Second); v2 == v1 {
		t.Fatalf("event after the save repeats version %q", v2)
	}
	// A workspace file that appears beside the plan, and a save by rename (as vim and
	// most editors on Windows do): both seen.
	writePlan(t, filepath.Join(dir, "kep.toml"), "lang = \"en\"\n")
	v3, _ := ev.next(t, 10*time.Second)
	writePlan(t, filepath.Join(dir, "a.toml.tmp"), fmt.Sprintf(minimalPlan, "Alpha Drei"))
	if err := os.Rename(filepath.Join(dir, "a.toml.tmp"), plan); err != nil {
		t.Fatal(err)
	}
	for {
		v4, _ := ev.next(t, 10*time.Second)
		if v4 != v3 {
			break
		}
	}
}

// BenchmarkServeSaveToEvent: from a save of a plan to the event that makes the page
// reload, with kep serve's real poll interval (scripts/PERFORMANCE.md). On Linux the file
// event comes first; elsewhere the poll.
func BenchmarkServeSaveToEvent(b *testing.B) {
	t := &testing.T{}
	dir := b.TempDir()
	plan := filepath.Join(dir, "a.toml")
	os.Mkdir(filepath.Join(dir, ".git"), 0o755)
	os.WriteFile(plan, []byte(fmt.Sprintf(minimalPlan, "Alpha")), 0o644)
	pv := preview.New([]string{plan}, defaultPipeline(), io.Discard)
	ts := startTestServer(b, pv)
	ctx, cancel := context.WithCancel(context.Background())
	defer func() { cancel(); pv.Close(); ts.Close() }()
	go pv.Watch(ctx, preview.PollInterval)
	get(t, ts.URL+"/plan/1")
	ev := openEvents(t, ctx, ts.URL+"/events/1")
	ev.next(t, 10*time.Second)
	b.ResetTimer()
	for i := range b.N {
		os.WriteFile(plan, []byte(fmt.Sprintf(minimalPlan, fmt.Sprintf("Alpha %06d", i))), 0o644)
		ev.next(t, 10*time.Second)
		b.StopTimer()
		time.Sleep(20 * time.Millisecond) // the next save comes later, as a person's would
		b.StartTimer()
	}
}
