package kep

import (
	"io/fs"
	"time"
)

// FileSystem is what the loader reads plans, workspace files and brand assets through.
// cmd/kep passes the operating system's; tests pass an in-memory one.
type FileSystem interface {
	ReadFile(name string) ([]byte, error)
	Lstat(name string) (fs.FileInfo, error)
	Stat(name string) (fs.FileInfo, error)
	EvalSymlinks(name string) (string, error)
}

// Loader decodes and checks plans. One Loader may serve many plans in parallel: it parses
// each workspace file once and shares the result read-only.
type Loader struct {
	FS  FileSystem // nil: the operating system
	Now time.Time  // the document date, for date warnings; zero: time.Now()
}

// LoadPlan reads the plan at path, finds and merges its workspace (kep.toml), and checks
// both. The diagnostics hold every error and warning, sorted; the plan is usable for
// rendering only when diags.HasErrors() is false.
func (l *Loader) LoadPlan(path string) (*Plan, Diagnostics) {
	src, err := l.fs().ReadFile(path)
	if err != nil {
		return nil, Diagnostics{{File: path, Message: err.Error()}}
	}
	return l.LoadPlanBytes(path, src)
}

// LoadPlanBytes is LoadPlan on bytes read elsewhere (an older git revision, a test); path
// names the file in messages and locates the workspace.
func (l *Loader) LoadPlanBytes(path string, src []byte) (*Plan, Diagnostics) {
	panic("TODO: pipeline")
}

// Compute derives every figure of a checked plan. now is the document date (overdue
// actions). It never changes the plan.
func Compute(p *Plan, now time.Time) *Figures {
	panic("TODO: pipeline")
}

func (l *Loader) fs() FileSystem {
	if l.FS == nil {
		return osFS{}
	}
	return l.FS
}
