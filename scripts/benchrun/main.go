//go:build unix

// Command benchrun runs a command n times and prints the median, minimum and maximum of
// its wall time and CPU time (user + system, from the kernel's accounting, in
// microseconds), and its peak memory: the time a user waits for one `kep render`,
// process start included.
//
//	go run ./scripts/benchrun -n 20 -- kep render -o out samples/accounts/hansa.toml
//
// Several commands, separated by "---", are run in turn (a, b, a, b, …) and get a line
// each, in the order given: a load that comes and goes during the measurement then
// weighs on all of them alike, which matters for a ratio between them (floor.sh).
package main

import (
	"flag"
	"fmt"
	"os"
	"os/exec"
	"slices"
	"syscall"
	"time"
)

type series struct {
	args      []string
	wall, cpu []float64
	rss       int64
}

func main() {
	n := flag.Int("n", 20, "runs")
	flag.Parse()
	var all []*series
	cur := &series{}
	for _, a := range flag.Args() {
		if a == "---" {
			all, cur = append(all, cur), &series{}
			continue
		}
		cur.args = append(cur.args, a)
	}
	all = append(all, cur)
	if *n < 1 || slices.ContainsFunc(all, func(s *series) bool { return len(s.args) == 0 }) {
		fmt.Fprintln(os.Stderr, "usage: benchrun [-n N] -- COMMAND [ARG…] [--- COMMAND [ARG…]]…")
		os.Exit(2)
	}
	for range *n {
		for _, s := range all {
			s.run()
		}
	}
	for _, s := range all {
		fmt.Printf("%d runs: wall median %.1f ms (min %.1f, max %.1f); CPU median %.1f ms (min %.1f, max %.1f); peak memory %.1f MB\n",
			*n, median(s.wall), slices.Min(s.wall), slices.Max(s.wall), median(s.cpu), slices.Min(s.cpu), slices.Max(s.cpu), float64(s.rss)/1024)
	}
}

// run runs the command once and records its times.
func (s *series) run() {
	cmd := exec.Command(s.args[0], s.args[1:]...)
	start := time.Now()
	if out, err := cmd.CombinedOutput(); err != nil {
		fmt.Fprintf(os.Stderr, "benchrun: %v\n%s", err, out)
		os.Exit(1)
	}
	s.wall = append(s.wall, float64(time.Since(start).Microseconds())/1000)
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		s.cpu = append(s.cpu, float64(ru.Utime.Usec+ru.Stime.Usec)/1000+float64(ru.Utime.Sec+ru.Stime.Sec)*1000)
		s.rss = max(s.rss, ru.Maxrss)
	}
}

func median(v []float64) float64 {
	if len(v) == 0 {
		return 0
	}
	s := slices.Clone(v)
	slices.Sort(s)
	if len(s)%2 == 1 {
		return s[len(s)/2]
	}
	return (s[len(s)/2-1] + s[len(s)/2]) / 2
}
