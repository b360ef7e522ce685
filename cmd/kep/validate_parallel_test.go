package main

import (
	"bytes"
	"fmt"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
)

// kep validate loads many plans on all cores; its output is the same, in the order of
// the files, every time.
func TestValidateParallelOrder(t *testing.T) {
	files := map[string]string{}
	const n = 40
	for i := range n {
		files[fmt.Sprintf("p%02d.toml", i)] = fmt.Sprintf("format = 1\n\n[plan]\naccount = \"A%d\"\nfrom = 2027-01-01\nto = 2027-12-31\n\n[selection]\nrevenue = -%d\n", i, i+1)
	}
	dir := planDir(t, files)
	var args []string
	for i := n - 1; i >= 0; i-- { // given backwards: the output is sorted all the same
		args = append(args, filepath.Join(dir, fmt.Sprintf("p%02d.toml", i)))
	}
	var first string
	for run := range 3 {
		var stderr bytes.Buffer
		if code := runArgs(append([]string{"validate"}, args...), &stderr); code != exitPlan {
			t.Fatalf("exit %d\n%s", code, stderr.String())
		}
		lines := strings.Split(strings.TrimSpace(stderr.String()), "\n")
		if len(lines) != n {
			t.Fatalf("%d lines, want %d:\n%s", len(lines), n, stderr.String())
		}
		for i, l := range lines {
			if want := fmt.Sprintf("p%02d.toml:", i); !strings.Contains(l, want) {
				t.Errorf("line %d: %q, want %s", i, l, want)
			}
		}
		if run == 0 {
			first = stderr.String()
		} else if stderr.String() != first {
			t.Errorf("run %d printed differently", run)
		}
	}
}

func TestParallelBounded(t *testing.T) {
	var running, peak, done atomic.Int32
	parallel(100, 3, func(int) {
		r := running.Add(1)
		for {
			p := peak.Load()
			if r <= p || peak.CompareAndSwap(p, r) {
				break
			}
		}
		running.Add(-1)
		done.Add(1)
	})
	if done.Load() != 100 || peak.Load() > 3 {
		t.Errorf("done %d, at most %d at once (want 100, ≤ 3)", done.Load(), peak.Load())
	}
	parallel(0, 4, func(int) { t.Error("called for n = 0") })
}

func runArgs(args []string, stderr *bytes.Buffer) int {
	var stdout bytes.Buffer
	return run(args, &stdout, stderr)
}
