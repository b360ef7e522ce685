//go:build unix

// Command benchrun runs a command n times and prints the median, minimum and maximum of
// its wall time and CPU time (user + system, from the kernel's accounting, in
// microseconds), and its peak memory: the time a user waits for one `kep render`,
// process start included.
//
//	go run ./scripts/benchrun -n 20 -- kep render -o out samples/accounts/hansa.toml
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

func main() {
	n := flag.Int("n", 20, "runs")
	flag.Parse()
	args := flag.Args()
	if len(args) == 0 || *n < 1 {
		fmt.Fprintln(os.Stderr, "usage: benchrun [-n N] -- COMMAND [ARG…]")
		os.Exit(2)
	}
	var wall, cpu []float64
	var rss int64
	for range *n {
		cmd := exec.Command(args[0], args[1:]...)
		start := time.Now()
		if out, err := cmd.CombinedOutput(); err != nil {
			fmt.Fprintf(os.Stderr, "benchrun: %v\n%s", err, out)
			os.Exit(1)
		}
		wall = append(wall, float64(time.Since(start).Microseconds())/1000)
		if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
			cpu = append(cpu, float64(ru.Utime.Usec+ru.Stime.Usec)/1000+float64(ru.Utime.Sec+ru.Stime.Sec)*1000)
			rss = max(rss, ru.Maxrss)
		}
	}
	fmt.Printf("%d runs: wall median %.1f ms (min %.1f, max %.1f); CPU median %.1f ms (min %.1f, max %.1f); peak memory %.1f MB\n",
		*n, median(wall), slices.Min(wall), slices.Max(wall), median(cpu), slices.Min(cpu), slices.Max(cpu), float64(rss)/1024)
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
