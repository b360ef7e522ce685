package main

import (
	"bytes"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/kepdev/kep/plan"
	"github.com/kepdev/kep/plan/check"
	"github.com/kepdev/kep/plan/figures"
	"github.com/kepdev/kep/render"
	"github.com/kepdev/kep/render/changes"
	"github.com/kepdev/kep/render/htmldoc"
	"github.com/kepdev/kep/render/pdfdoc"
	"github.com/kepdev/kep/render/portfolio"
	"github.com/rogpeppe/go-internal/txtar"
)

// The fuzz tests run the whole path of kep render and kep diff in-process on any bytes:
// decode → validate → compute → charts → HTML and PDF writers. The promise they check is
// the one of the issue: a plan that validates always renders; anything else is reported
// as diagnostics with at least one error; nothing ever panics. Run each for minutes:
//
//	go test -run '^$' -fuzz FuzzRenderPlan -fuzztime 10m ./cmd/kep
//	go test -run '^$' -fuzz FuzzDiffPlans -fuzztime 10m ./cmd/kep
//
// Crashers land in testdata/fuzz/<name> and run as regression tests with every go test.

var fuzzNow = time.Date(2026, 11, 27, 0, 0, 0, 0, time.UTC)

// fuzzWorkspace is a copy of the samples workspace (kep.toml, logo) shared by all fuzz
// inputs of one process, with one loader so that kep.toml is parsed once.
var fuzzWorkspace struct {
	once   sync.Once
	dir    string
	loader *check.Loader
	err    error
}

func fuzzLoader(t testing.TB) (*check.Loader, string) {
	w := &fuzzWorkspace
	w.once.Do(func() {
		// Not t.TempDir: the workspace outlives the first input's test.
		w.dir, w.err = os.MkdirTemp("", "kep-fuzz-")
		if w.err != nil {
			return
		}
		w.err = os.CopyFS(w.dir, os.DirFS("../../samples"))
		if w.err == nil {
			w.err = os.Mkdir(filepath.Join(w.dir, ".git"), 0o755)
		}
		w.loader = &check.Loader{Now: fuzzNow}
	})
	if w.err != nil {
		t.Fatal(w.err)
	}
	return w.loader, filepath.Join(w.dir, "accounts", "fuzz.toml")
}

// fuzzSeeds are plan files to start from: the samples, the broken corpus and every plan
// in the script tests.
func fuzzSeeds(f *testing.F) [][]byte {
	var seeds [][]byte
	for _, pattern := range []string{"../../samples/accounts/*.toml", "testdata/broken/*.toml", "testdata/hostile/*.toml"} {
		files, _ := filepath.Glob(pattern)
		for _, name := range files {
			if b, err := os.ReadFile(name); err == nil {
				seeds = append(seeds, b)
			}
		}
	}
	scripts, _ := filepath.Glob("testdata/script/*.txtar")
	for _, name := range scripts {
		a, err := txtar.ParseFile(name)
		if err != nil {
			continue
		}
		for _, file := range a.Files {
			if strings.HasSuffix(file.Name, ".toml") && !strings.HasSuffix(file.Name, "kep.toml") {
				seeds = append(seeds, file.Data)
			}
		}
	}
	if len(seeds) < 3 {
		f.Fatalf("only %d seeds found", len(seeds))
	}
	return seeds
}

// renderPlanBytes is kep render's path for one plan given as bytes: it returns the
// diagnostics, and an error when a plan without errors fails to render.
func renderPlanBytes(l *check.Loader, path string, src []byte) (plan.Diagnostics, error) {
	p, diags := l.LoadPlanBytes(path, src)
	if diags.HasErrors() || p == nil {
		return diags, nil
	}
	f := check.Compute(p, fuzzNow)
	doc, err := render.Build(p, f, render.Options{Now: fuzzNow, KepVersion: "fuzz"})
	if err != nil {
		return diags, err
	}
	if _, err := pdfdoc.Write(io.Discard, doc, pdfdoc.Options{Now: fuzzNow, KepVersion: "fuzz"}); err != nil {
		return diags, err
	}
	return diags, htmldoc.Write(io.Discard, doc, htmldoc.Options{})
}

// checkOutcome fails t when a plan neither rendered nor was refused with an error that
// names the file.
func checkOutcome(t *testing.T, path string, src []byte, p *plan.Plan, diags plan.Diagnostics) {
	t.Helper()
	if p == nil && !diags.HasErrors() {
		t.Fatalf("no plan and no error for %q", src)
	}
	for _, d := range diags {
		if d.File != path && !strings.HasSuffix(d.File, "kep.toml") {
			t.Fatalf("diagnostic names %q, not the plan: %s", d.File, d)
		}
		if !d.Warning && strings.TrimSpace(d.Message) == "" {
			t.Fatalf("error without a message: %#v", d)
		}
	}
}

func FuzzRenderPlan(f *testing.F) {
	for _, s := range fuzzSeeds(f) {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		l, path := fuzzLoader(t)
		diags, err := renderPlanBytes(l, path, src)
		if err != nil {
			t.Fatalf("a plan without errors does not render: %v\n%s", err, src)
		}
		p, _ := l.LoadPlanBytes(path, src)
		checkOutcome(t, path, src, p, diags)
	})
}

// FuzzDiffPlans compares two versions of a plan as kep diff does, and writes the change
// report as text, HTML and PDF, the change appendix of kep render --since, and the
// portfolio report of both as two accounts.
func FuzzDiffPlans(f *testing.F) {
	seeds := fuzzSeeds(f)
	for i, s := range seeds {
		f.Add(s, seeds[(i+1)%len(seeds)])
		f.Add(s, s)
	}
	f.Fuzz(func(t *testing.T, oldSrc, newSrc []byte) {
		l, path := fuzzLoader(t)
		oldPlan, od := l.LoadPlanBytes(path, oldSrc)
		newPlan, nd := l.LoadPlanBytes(path, newSrc)
		checkOutcome(t, path, oldSrc, oldPlan, od)
		checkOutcome(t, path, newSrc, newPlan, nd)
		if od.HasErrors() || nd.HasErrors() {
			return
		}
		oldF, newF := check.Compute(oldPlan, fuzzNow), check.Compute(newPlan, fuzzNow)
		cs := changes.Compare(oldPlan, newPlan, oldF, newF)
		if bytes.Equal(oldSrc, newSrc) && len(cs) > 0 {
			t.Fatalf("the same plan compared with itself shows %d changes: %v", len(cs), cs)
		}
		v := changes.Versions{Old: "old.toml", New: "new.toml"}
		if err := changes.WriteText(io.Discard, changes.Title(newPlan), v, changes.Group(cs, newPlan.Lang), newPlan.Lang); err != nil {
			t.Fatalf("text report: %v", err)
		}
		doc := changes.Report(newPlan, cs, changes.ReportOptions{Now: fuzzNow, KepVersion: "fuzz", Versions: v})
		if err := htmldoc.Write(io.Discard, doc, htmldoc.Options{}); err != nil {
			t.Fatalf("HTML change report: %v", err)
		}
		if _, err := pdfdoc.Write(io.Discard, doc, pdfdoc.Options{Now: fuzzNow}); err != nil {
			t.Fatalf("PDF change report: %v", err)
		}
		// Both versions as the accounts of a portfolio report.
		pf, err := portfolio.Compute([]*plan.Plan{oldPlan, newPlan}, []*figures.Figures{oldF, newF})
		if err != nil {
			t.Fatalf("portfolio of two valid plans: %v", err)
		}
		pdoc := portfolio.Document(pf, portfolio.Options{Now: fuzzNow, KepVersion: "fuzz"})
		if err := htmldoc.Write(io.Discard, pdoc, htmldoc.Options{NoFont: true}); err != nil {
			t.Fatalf("HTML portfolio: %v", err)
		}
		if _, err := pdfdoc.Write(io.Discard, pdoc, pdfdoc.Options{Now: fuzzNow}); err != nil {
			t.Fatalf("PDF portfolio: %v", err)
		}
		appendix := changes.Appendix(cs, newPlan.Lang, "HEAD")
		d, err := render.Build(newPlan, newF, render.Options{Now: fuzzNow, Changes: appendix})
		if err != nil {
			t.Fatalf("build with appendix: %v", err)
		}
		if err := htmldoc.Write(io.Discard, d, htmldoc.Options{NoFont: true}); err != nil {
			t.Fatalf("HTML with appendix: %v", err)
		}
	})
}

// overlayFS is the operating system's file system with one file, the workspace file
// kep.toml, replaced by bytes: the fuzz input.
type overlayFS struct {
	name string
	data []byte
}

type overlayInfo struct {
	os.FileInfo
	size int64
}

func (o overlayInfo) Size() int64 { return o.size }

func (o overlayFS) ReadFile(name string) ([]byte, error) {
	if name == o.name {
		return o.data, nil
	}
	return os.ReadFile(name)
}

func (o overlayFS) Stat(name string) (fs.FileInfo, error) {
	fi, err := os.Stat(name)
	if name == o.name && err == nil {
		return overlayInfo{fi, int64(len(o.data))}, nil
	}
	return fi, err
}

func (o overlayFS) Lstat(name string) (fs.FileInfo, error) {
	fi, err := os.Lstat(name)
	if name == o.name && err == nil {
		return overlayInfo{fi, int64(len(o.data))}, nil
	}
	return fi, err
}

func (o overlayFS) EvalSymlinks(name string) (string, error) { return filepath.EvalSymlinks(name) }

// FuzzRenderWorkspace renders the sample plans under any workspace file: scoring model,
// visit and cost model and brand are all input. A workspace and plan without errors
// always render; otherwise there are errors, and nothing panics.
func FuzzRenderWorkspace(f *testing.F) {
	ws, err := os.ReadFile("../../samples/kep.toml")
	if err != nil {
		f.Fatal(err)
	}
	f.Add(ws, uint8(0))
	f.Add([]byte(""), uint8(1))
	f.Add([]byte("lang = \"en\"\n[brand]\ncompany = \"<b>x</b>\"\nprimary = \"#000000\"\n"), uint8(2))
	plans := []string{"hansa", "brightwater", "minimal"}
	f.Fuzz(func(t *testing.T, ws []byte, which uint8) {
		_, path := fuzzLoader(t) // the copied samples: logo and plans
		dir := filepath.Dir(filepath.Dir(path))
		l := &check.Loader{Now: fuzzNow, FS: overlayFS{name: filepath.Join(dir, "kep.toml"), data: ws}}
		pl := filepath.Join(dir, "accounts", plans[int(which)%len(plans)]+".toml")
		src, err := os.ReadFile(pl)
		if err != nil {
			t.Fatal(err)
		}
		diags, err := renderPlanBytes(l, pl, src)
		if err != nil {
			t.Fatalf("a plan and workspace without errors do not render: %v\n%s", err, ws)
		}
		for _, d := range diags {
			if !d.Warning && strings.TrimSpace(d.Message) == "" {
				t.Fatalf("error without a message: %#v", d)
			}
		}
	})
}
