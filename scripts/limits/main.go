// Command limits measures kep on hostile plans that stay within the documented limits
// (internal/adversary): for each case the wall time and peak memory of `kep validate` and
// of `kep render` (PDF and HTML), process start included. These are the figures behind
// the promise in SECURITY.md.
//
//	go run ./scripts/limits              # builds kep, every case at full size
//	go run ./scripts/limits -kep ./kep -case brackets -scale 0.5
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"time"

	"github.com/kepdev/kep/internal/adversary"
)

func main() {
	kep := flag.String("kep", "", "kep binary (default: build one)")
	only := flag.String("case", "", "comma-separated case names (default: all)")
	scale := flag.Float64("scale", 1, "fraction of each case's full size")
	timeout := flag.Duration("timeout", 60*time.Second, "time limit per command")
	write := flag.String("write", "", "only write the plans into this folder")
	flag.Parse()
	if *write != "" {
		if err := writePlans(*write, *only, *scale); err != nil {
			fmt.Fprintln(os.Stderr, "limits:", err)
			os.Exit(1)
		}
		return
	}
	if err := run(*kep, *only, *scale, *timeout); err != nil {
		fmt.Fprintln(os.Stderr, "limits:", err)
		os.Exit(1)
	}
}

func run(kep, only string, scale float64, timeout time.Duration) error {
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
	fmt.Printf("%-16s %9s %9s | %-8s %8s %8s | %-8s %8s %8s\n", "case", "bytes", "size", "validate", "s", "MB", "render", "s", "MB")
	var worst [4]float64
	for _, c := range adversary.Cases {
		if only != "" && !contains(strings.Split(only, ","), c.Name) {
			continue
		}
		size := int(float64(c.Full) * scale)
		src := c.Plan(size)
		plan := filepath.Join(dir, c.Name+".toml")
		if err := os.WriteFile(plan, src, 0o644); err != nil {
			return err
		}
		v := measure(timeout, kep, "validate", plan)
		r := measure(timeout, kep, "render", "-o", filepath.Join(dir, "out"), plan)
		fmt.Printf("%-16s %9d %9d | %-8s %8.2f %8.0f | %-8s %8.2f %8.0f\n", c.Name, len(src), size, v.status, v.secs, v.mb, r.status, r.secs, r.mb)
		worst = [4]float64{max(worst[0], v.secs), max(worst[1], v.mb), max(worst[2], r.secs), max(worst[3], r.mb)}
	}
	fmt.Printf("worst: validate %.2f s, %.0f MB; render %.2f s, %.0f MB\n", worst[0], worst[1], worst[2], worst[3])
	return nil
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
	status   string // ok, refused (exit 1), or what went wrong
	secs, mb float64
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
