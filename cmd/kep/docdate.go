package main

import (
	"os"
	"path/filepath"
	"strconv"
	"time"

	"github.com/kepdev/kep/internal/app"
	planload "github.com/kepdev/kep/plan/load"
)

// dater gives the as-of date (Stand, spec A1) of each plan: SOURCE_DATE_EPOCH when set
// (reproducible builds), else today in the local time zone. Not the plan file's
// modification time: a KAM who opens a plan on 5 December expects an action due on
// 20 November to be overdue. Without SOURCE_DATE_EPOCH the same plan gives the same bytes
// all day long.
type dater struct {
	epoch   time.Time
	fromEnv bool

	// base holds the parsed workspaces for the loaders of every document date (app.Loader.At):
	// plans dated by their file times parse each kep.toml and its logo once per run.
	base *app.Loader
}

// newDater reads SOURCE_DATE_EPOCH; an invalid value is an error (exit 2).
func newDater() (*dater, error) {
	d := &dater{base: app.NewLoader(nil, time.Time{})}
	v, ok := os.LookupEnv("SOURCE_DATE_EPOCH")
	if !ok || v == "" {
		return d, nil
	}
	n, err := strconv.ParseInt(v, 10, 64)
	if err != nil || n < 0 || n > 253402300799 { // up to 9999-12-31
		return nil, errorf("SOURCE_DATE_EPOCH=%q: want whole seconds since 1970-01-01 UTC", v)
	}
	d.epoch, d.fromEnv = time.Unix(n, 0).UTC(), true
	return d, nil
}

// date returns the as-of date for the plan at path: the instant of SOURCE_DATE_EPOCH, or
// today's local calendar date as midnight UTC (kep's dates are calendar dates in UTC).
func (d *dater) date(string) time.Time {
	if d.fromEnv {
		return d.epoch
	}
	return today(time.Now())
}

// today is the calendar date of now in its own time zone, as midnight UTC.
func today(now time.Time) time.Time {
	y, m, day := now.Date()
	return time.Date(y, m, day, 0, 0, 0, 0, time.UTC)
}

// loader returns a loader whose document date is now; all of them share the parsed
// workspaces, so that a workspace file is parsed once per run whatever the dates.
func (d *dater) loader(now time.Time) *app.Loader { return d.base.At(now) }

// load checks the plan at path, and computes its figures, with its document date.
func (d *dater) load(path string) (app.Checked, time.Time) {
	now := d.date(path)
	return d.loader(now).Load(path), now
}

// checkInput reports an input that cannot be read as a plan file at all (missing, a
// folder, a device or pipe, not readable): a failure of the file system (exit 2), not an
// error in a plan.
func checkInput(path string) error {
	fi, err := os.Stat(path)
	if err != nil {
		return fileError(path, err)
	}
	if fi.IsDir() {
		return errorf("%s: is a folder, want a plan file", path)
	}
	// A device or named pipe (/dev/null, a FIFO) and a file kep may not read are failures
	// of the file system (exit 2, as the commands' help says), not errors in a plan (1).
	if !fi.Mode().IsRegular() {
		return errorf("%s: not a regular file, want a plan file", path)
	}
	f, err := os.Open(path)
	if err != nil {
		return fileError(path, err)
	}
	return f.Close()
}

// checkPlanInput is checkInput for the commands that need a plan (render, figures, diff,
// portfolio): the workspace file kep.toml is no plan, and given one by mistake they would
// have nothing to work with. Only kep validate checks kep.toml alone.
func checkPlanInput(path string) error {
	if err := checkInput(path); err != nil {
		return err
	}
	if filepath.Base(path) == planload.WorkspaceFileName {
		return errorf("%s: a workspace file, not a plan: give the plans that use it (kep validate %s checks it alone)", path, path)
	}
	return nil
}

// distinctFiles drops a plan named again on the command line (the same file as one
// before it, by any path or link), so that a shell glob overlapping a named plan renders
// or counts that plan once instead of failing or counting it twice. A path that cannot
// be read is kept for the caller to report.
func distinctFiles(files []string) []string {
	out := make([]string, 0, len(files))
	seen := make([]os.FileInfo, 0, len(files))
next:
	for _, f := range files {
		if fi, err := os.Stat(f); err == nil {
			for _, s := range seen {
				if os.SameFile(s, fi) {
					continue next
				}
			}
			seen = append(seen, fi)
		}
		out = append(out, f)
	}
	return out
}
