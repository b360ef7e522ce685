//go:build unix

// Command limits measures kep on the hostile plans of internal/adversary, each shrunk to
// the largest size kep accepts (the worst plan within the documented limits; a shape
// refused at any size is measured at full size): the wall time, CPU time and peak memory
// of `kep validate` and of `kep render` (PDF and HTML), process start included. These
// are the figures behind the promise in SECURITY.md. Wall times need an idle machine;
// CPU times are less sensitive to other load.
//
//	go run ./scripts/limits                    # builds kep, every case
//	go run ./scripts/limits -n 3 -case prose-split,lists-full
//	go run ./scripts/limits -write /tmp/plans  # only write the plans
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"time"

	"github.com/kepdev/kep/internal/adversary"
)

func main() {
	kep := flag.String("kep", "", "kep binary (default: build one)")
	only := flag.String("case", "", "comma-separated case names (default: all)")
	scale := flag.Float64("scale", 1, "fraction of each case's full size")
	fit := flag.Bool("fit", true, "shrink a refused case to the largest size kep accepts: the worst plan within the limits")
	timeout := flag.Duration("timeout", 60*time.Second, "time limit per command")
	runs := flag.Int("n", 1, "runs per command; the median time and the largest peak are shown")
	write := flag.String("write", "", "only write the plans into this folder")
	flag.Parse()
	if *write != "" {
		if err := writePlans(*write, *only, *scale); err != nil {
			fmt.Fprintln(os.Stderr, "limits:", err)
			os.Exit(1)
		}
		return
	}
	if err := run(*kep, *only, *scale, *fit, *runs, *timeout); err != nil {
		fmt.Fprintln(os.Stderr, "limits:", err)
		os.Exit(1)
	}
}

func run(kep, only string, scale float64, fit bool, runs int, timeout time.Duration) error {
	dir, err := os.MkdirTemp("", "kep-limits-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	if kep == "" {
		kep = filepath.Join(dir, "kep")
		if out, err := exec.Command("go", "build", "-o", kep, "./cmd/kep").CombinedOutput(); err != nil {
			return fmt.Errorf("go build: %v\n%s", err, out)
		}
	}
	fmt.Printf("%-22s %8s | %-8s %6s %6s %6s | %-8s %6s %6s %6s\n", "case", "bytes", "validate", "wall s", "CPU s", "MB", "render", "wall s", "CPU s", "MB")
	var worst [6]float64
	for _, c := range adversary.Cases {
		if only != "" && !contains(strings.Split(only, ","), c.Name) {
			continue
		}
		size := int(float64(c.Full) * scale)
		if fit {
			if size, err = fitted(kep, dir, c, size, timeout); err != nil {
				return err
			}
		}
		src := c.Plan(size)
		plan := filepath.Join(dir, c.Name+".toml")
		if err := os.WriteFile(plan, src, 0o644); err != nil {
			return err
		}
		v := measureN(runs, timeout, kep, "validate", plan)
		r := measureN(runs, timeout, kep, "render", "-o", filepath.Join(dir, "out"), plan)
		fmt.Printf("%-22s %8d | %-8s %6.2f %6.2f %6.0f | %-8s %6.2f %6.2f %6.0f\n", c.Name, len(src), v.status, v.secs, v.cpu, v.mb, r.status, r.secs, r.cpu, r.mb)
		worst = [6]float64{max(worst[0], v.secs), max(worst[1], v.cpu), max(worst[2], v.mb), max(worst[3], r.secs), max(worst[4], r.cpu), max(worst[5], r.mb)}
	}
	fmt.Printf("worst: validate %.2f s wall, %.2f s CPU, %.0f MB; render (PDF and HTML) %.2f s wall, %.2f s CPU, %.0f MB\n", worst[0], worst[1], worst[2], worst[3], worst[4], worst[5])
	return nil
}

// fitted returns the largest size up to full, to about 1 %, whose plan kep validate
// accepts, or full when even a tiny one is refused (a case refused for its kind, not its
// size). kep runs as a child: measured in this process, the peak memory of the search
// would show in the children's figures.
func fitted(kep, dir string, c adversary.Case, full int, timeout time.Duration) (int, error) {
	plan := filepath.Join(dir, "fit.toml")
	ok := func(n int) (bool, error) {
		if err := os.WriteFile(plan, c.Plan(n), 0o644); err != nil {
			return false, err
		}
		return measure(timeout, kep, "validate", plan).status == "ok", nil
	}
	const least = 256
	if yes, err := ok(full); yes || err != nil {
		return full, err
	}
	if yes, err := ok(least); !yes || err != nil {
		return full, err
	}
	lo, hi := least, full
	for hi-lo > lo/100+16 {
		mid := (lo + hi) / 2
		yes, err := ok(mid)
		if err != nil {
			return 0, err
		}
		if yes {
			lo = mid
		} else {
			hi = mid
		}
	}
	return lo, nil
}

func writePlans(dir, only string, scale float64) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	for _, c := range adversary.Cases {
		if only == "" || contains(strings.Split(only, ","), c.Name) {
			if err := os.WriteFile(filepath.Join(dir, c.Name+".toml"), c.Plan(int(float64(c.Full)*scale)), 0o644); err != nil {
				return err
			}
		}
	}
	return nil
}

type result struct {
	status        string // ok, refused (exit 1), or what went wrong
	secs, cpu, mb float64
}

// measureN runs the command n times: the median wall and CPU time, the largest peak.
func measureN(n int, timeout time.Duration, name string, args ...string) result {
	var rs []result
	for range max(n, 1) {
		rs = append(rs, measure(timeout, name, args...))
	}
	mid := func(f func(result) float64) float64 {
		v := make([]float64, len(rs))
		for i, r := range rs {
			v[i] = f(r)
		}
		slices.Sort(v)
		return v[len(v)/2]
	}
	out := rs[0]
	out.secs = mid(func(r result) float64 { return r.secs })
	out.cpu = mid(func(r result) float64 { return r.cpu })
	for _, r := range rs {
		out.mb = max(out.mb, r.mb)
	}
	return out
}

func measure(timeout time.Duration, name string, args ...string) result {
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, name, args...)
	start := time.Now()
	err := cmd.Run()
	r := result{status: "ok", secs: time.Since(start).Seconds()}
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		r.mb = float64(ru.Maxrss) / 1024
		r.cpu = time.Duration(ru.Utime.Nano() + ru.Stime.Nano()).Seconds()
	}
	var ee *exec.ExitError
	switch {
	case ctx.Err() != nil:
		r.status = "timeout"
	case errors.As(err, &ee) && ee.ExitCode() == 1:
		r.status = "refused"
	case err != nil:
		r.status = fmt.Sprintf("exit %v", err)
	}
	return r
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
