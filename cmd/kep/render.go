package main

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/kepdev/kep/internal/app"
	"github.com/kepdev/kep/internal/gitrev"
	"github.com/kepdev/kep/internal/hugeheap"
	"github.com/kepdev/kep/internal/stack"
	"github.com/kepdev/kep/plan"
	planload "github.com/kepdev/kep/plan/load"
	"github.com/kepdev/kep/render"
	"github.com/kepdev/kep/render/pdfdoc"
)

var renderCommand = &command{
	name:    "render",
	summary: "check plans and write them as PDF and HTML",
	usage: `usage: kep render [-f pdf,html,onepage,slides] [--edition internal|customer] [-o DIR] [-j N] [-q] [--strict] [--since REV] [--previous FILE|@REV] FILE…

Checks each plan and writes DIR/<plan file name>.pdf and .html for it, e.g.
out/hansa.pdf for accounts/hansa.toml. A plan with errors is reported and nothing
is written for it; the other plans are still rendered. Plans are rendered in
parallel; on a terminal a progress line shows how far it got.

Every document is written to a temporary file in DIR and then renamed, so a
document is either complete or not there; kep never writes over an input file.
The same plan gives the same bytes: the as-of date (Stand) is SOURCE_DATE_EPOCH
when set, else today (local time).

Flags:
	-f pdf,html   formats to write (default pdf,html), any of: pdf; html;
	              onepage (DIR/<name>.onepage.pdf: the account on one landscape
	              page); slides (DIR/<name>.slides.pdf: a 16:9 review deck)
	--edition internal|customer
	              internal (default): the whole plan; customer: the version to
	              share with the account, without scores, margins, attitudes,
	              competitors, pipeline, asks or checklists, written as
	              <name>.customer.pdf, .customer.html, .customer.onepage.pdf, …
	-o DIR        output folder, created when missing (default out, in the
	              current folder); '-' writes the one document of one plan and one
	              format to stdout
	-j N          plans rendered at the same time (default: the number of CPUs)
	--strict      treat warnings as errors: nothing is written for such a plan
	--since REV   add an appendix listing what changed since git revision REV
	              (a plan that did not exist then is rendered without it)
	--previous FILE|@REV
	              add the chapter "Rückblick" / "Review": the plan compared with
	              the previous period's plan of the same account, from FILE (one
	              plan only) or from the same plan file at git revision REV
	              (@v2026, @HEAD~3); a plan that did not exist then is rendered
	              without it
	-q            do not name the documents written (one line each:
	              "wrote out/hansa.pdf (24 pages)")

Exit status: 0 every document written; 1 a plan has errors (or warnings with
--strict); 2 wrong usage or a failure of the file system (for example an output
folder that is a file, or a full disk).
`,
	run: runRender,
}

// renderJob is one plan to render and what came of it.
type renderJob struct {
	path  string
	base  string // output file name without extension
	diags plan.Diagnostics
	notes []string // other messages for stderr
	wrote []string // "out/hansa.pdf (24 pages)", announced unless -q

	// Set by loadAll: the plan as read before any document of the run was written.
	preloaded bool
	loaded    app.Checked
	now       time.Time
	status    int
}

func runRender(c *command, args []string, stdout, stderr io.Writer) int {
	fl := flag.NewFlagSet(c.name, flag.ContinueOnError)
	formatsFlag := fl.String("f", "pdf,html", "")
	editionFlag := fl.String("edition", "internal", "")
	outDir := fl.String("o", "out", "")
	jobs := fl.Int("j", runtime.NumCPU(), "")
	strict := fl.Bool("strict", false, "")
	since := fl.String("since", "", "")
	previous := fl.String("previous", "", "")
	quiet := fl.Bool("q", false, "")
	files, code, ok := parseFlags(fl, c, args, stdout, stderr)
	if !ok {
		return code
	}
	if *previous != "" {
		if err := checkPrevious(*previous, len(distinctFiles(files))); err != nil {
			return usageError(stderr, c, "%v", err)
		}
	}
	formats, err := parseRenderFormats(*formatsFlag)
	if err != nil {
		return usageError(stderr, c, "-f: %v", err)
	}
	ed, err := parseEdition(*editionFlag)
	if err != nil {
		return usageError(stderr, c, "--edition: %v", err)
	}
	if len(files) == 0 {
		return usageError(stderr, c, "no plan file given")
	}
	files = distinctFiles(files)
	if *jobs < 1 {
		return usageError(stderr, c, "-j %d: want at least 1", *jobs)
	}
	if *outDir == "" {
		return usageError(stderr, c, "-o: want a folder, or - for stdout")
	}
	toStdout := *outDir == "-"
	if toStdout && (len(files) != 1 || len(formats) != 1) {
		return usageError(stderr, c, "-o - writes one document: give one plan and one format (-f pdf, html, onepage or slides)")
	}
	if toStdout && app.IsPDF(formats[0]) && isTerminal(stdout) {
		return usageError(stderr, c, "-o - would write a PDF to the terminal; redirect stdout to a file or a program")
	}
	tuneGC()
	// The heap in huge pages: a plan's 7–16 MB of fresh heap is otherwise 1,900–4,000
	// page faults, a fifth of its CPU time (internal/hugeheap).
	huge := hugeheap.Prepare(16 << 20 * min(len(files), *jobs))
	// The workspaces, the PDF writer's once-per-process setup (fonts), then the logos
	// are made ready on another core while the plans are read and checked (beside).
	var bg *beside
	if slices.ContainsFunc(formats, app.IsPDF) {
		bg = newBeside()
		// On an early return, lets it end and waits for it: no reading of workspaces goes
		// on after run returns. After a render it ended long before (the logo is done
		// before the PDF's cover).
		defer bg.wait()
	}
	d, err := newDater()
	if err != nil {
		say(stderr, "kep: %v\n", err)
		return exitUsage
	}
	js, code := planJobs(files, stderr)
	if code != exitOK {
		return code
	}
	rf := newRunFiles()
	d.base = app.NewLoader(planload.OSFileSystem(rf.opened), time.Time{})
	if !toStdout {
		// The workspaces (kep.toml and its brand assets) are read before any document is
		// written, so that no plan's document replaces another plan's logo or font: at
		// the latest by loadAll, whose plans wait for them (the loader reads each once).
		// With a PDF they are read beside, first: a plan's parse needs no workspace
		// (LoadPlanBytes), so on two cores the workspace, its logo's decoding above all,
		// is off the way from start to document (issue 19).
		readWorkspaces := func() {
			for _, j := range js {
				ws, _ := d.base.WorkspaceFor(j.path)
				if ws != nil && len(ws.Brand.LogoData) > 0 && bg != nil {
					// The cover's logo is made ready after the fonts (PrepareLogo).
					bg.do(func() { pdfdoc.PrepareLogo(ws.Brand.LogoData, ws.Brand.LogoType) })
				}
			}
		}
		if bg != nil {
			bg.do(readWorkspaces)
		} else {
			readWorkspaces()
		}
		if code := checkOutputs(js, formats, ed, *outDir, stderr); code != exitOK {
			return code
		}
		made := missingFolder(*outDir)
		if err := mkdirAll(*outDir); err != nil {
			say(stderr, "kep render: output folder: %v\n", err)
			return exitUsage
		}
		removeStaleTemps(*outDir)
		// A run that wrote nothing (every plan with errors) leaves no empty folder behind.
		defer removeEmpty(*outDir, made)
	}
	if bg != nil {
		bg.do(pdfdoc.Warm) // after the workspaces: the plans wait for those, the fonts are needed later
	}

	r := &renderer{bg: bg, dater: d, formats: formats, edition: ed, dir: *outDir, strict: *strict, since: *since, previous: *previous, stdout: stdout, version: kepVersion(), files: rf}
	r.sideBySide = len(js) < *jobs
	// With the heap in huge pages, fresh memory is cheap and the early collection is
	// CPU for nothing: a plan to PDF and HTML then runs without any.
	r.collectEarly = r.sideBySide && os.Getenv("GOGC") == "" && !huge // tuneGC set the pace
	if toStdout {
		r.dir = ""
	}
	// Every plan is read before any document is written: a plan's own brand assets (a
	// logo named in its [brand]) are then known to the run, and no document of another
	// plan can replace one of them (runFiles.checkTarget).
	r.loadAll(js, *jobs)
	bg.close() // nothing more to queue: the lane ends once it has done its work
	progress := newProgress(stderr, len(js))
	work := make(chan *renderJob)
	var wg sync.WaitGroup
	for i := 0; i < min(*jobs, len(js)); i++ {
		wg.Add(1)
		go func() {
			stack.Grow() // loads, lays out and writes: deep (internal/stack)
			defer wg.Done()
			for j := range work {
				progress.start(j.path)
				r.render(j)
				progress.done()
			}
		}()
	}
	for _, j := range js {
		work <- j
	}
	close(work)
	wg.Wait()
	progress.finish()

	// Errors first, then warnings, as kep validate prints them; then other messages in
	// the order of the plans on the command line, whatever order the workers finished in.
	status := exitOK
	var all plan.Diagnostics
	for _, j := range js {
		all = append(all, j.diags...)
		status = max(status, j.status)
	}
	all.Sort()
	printDiagnostics(stderr, all, "text")
	for _, j := range js {
		for _, n := range j.notes {
			fmt.Fprintln(stderr, n)
		}
		if !*quiet {
			for _, w := range j.wrote {
				fmt.Fprintln(stderr, "wrote "+w)
			}
		}
	}
	return status
}

// parseFormats reads the -f list: pdf and html, each at most once, in that order.
func parseFormats(s string) ([]string, error) {
	var pdf, html bool
	for _, f := range strings.Split(s, ",") {
		switch strings.TrimSpace(f) {
		case "pdf":
			pdf = true
		case "html":
			html = true
		default:
			return nil, errorf("unknown format %q: want pdf, html or pdf,html", f)
		}
	}
	var out []string
	if pdf {
		out = append(out, "pdf")
	}
	if html {
		out = append(out, "html")
	}
	return out, nil
}

// planJobs checks that the inputs exist and that no two of them would write the same
// output file.
func planJobs(files []string, stderr io.Writer) ([]*renderJob, int) {
	seen := map[string]string{}
	js := make([]*renderJob, 0, len(files))
	for _, f := range files {
		if err := checkPlanInput(f); err != nil {
			say(stderr, "kep: %v\n", err)
			return nil, exitUsage
		}
		base := strings.TrimSuffix(filepath.Base(f), ".toml")
		if other, dup := seen[base]; dup {
			say(stderr, "kep render: %s and %s would both be written as %s.*; rename one or render them separately\n", other, f, base)
			return nil, exitUsage
		}
		seen[base] = f
		js = append(js, &renderJob{path: f, base: base})
	}
	return js, exitOK
}

// missingFolder returns the outermost folder of dir that does not exist yet, the first
// one MkdirAll will create, or "" when dir exists.
func missingFolder(dir string) string {
	made := ""
	for d := filepath.Clean(dir); ; {
		if _, err := os.Lstat(d); !errors.Is(err, fs.ErrNotExist) {
			return made
		}
		made = d
		parent := filepath.Dir(d)
		if parent == d {
			return made
		}
		d = parent
	}
}

// removeEmpty removes the folders from dir up to made (as returned by missingFolder) while
// they are empty: os.Remove refuses a folder with a document in it.
func removeEmpty(dir, made string) {
	if made == "" {
		return
	}
	for d := filepath.Clean(dir); ; d = filepath.Dir(d) {
		if os.Remove(d) != nil || d == made {
			return
		}
	}
}

// checkOutputs refuses an output path that is one of the input files (for example
// -o pointing at the plans' folder where a plan is itself named x.html) or a folder.
func checkOutputs(js []*renderJob, formats []string, ed, dir string, stderr io.Writer) int {
	inputs := make([]string, len(js))
	for i, j := range js {
		inputs[i] = j.path
	}
	for _, j := range js {
		for _, ext := range formats {
			out := filepath.Join(dir, app.OutputName(j.base, ext, ed))
			if inputAt(out, inputs) != "" {
				say(stderr, "kep render: %s is an input file; kep never writes over an input (choose another -o)\n", out)
				return exitUsage
			}
			if isFolder(out) {
				say(stderr, "kep render: %s is a folder, cannot write the document there\n", out)
				return exitUsage
			}
		}
	}
	return exitOK
}

// isFolder reports whether a document's path is taken by a folder, which the rename into
// place would fail on after other documents were written.
func isFolder(path string) bool {
	fi, err := os.Stat(path)
	return err == nil && fi.IsDir()
}

// inputAt returns the input file that the output path out is (the same file, through
// any link), or "" when it is none of them: kep never writes over an input.
func inputAt(out string, inputs []string) string {
	fo, err := os.Stat(out)
	if err != nil {
		return ""
	}
	for _, in := range inputs {
		if fi, err := os.Stat(in); err == nil && os.SameFile(fo, fi) {
			return in
		}
	}
	return ""
}

// renderer holds what all plans of one run share. Templates, fonts and parsed workspace
// files are cached by the packages and loaders behind it, so they are read once.
type renderer struct {
	bg      *beside // work beside the loading (nil without a PDF)
	dater   *dater
	formats []string
	edition string // internal | customer
	dir     string // "" writes to stdout
	strict  bool
	since   string
	// previous is --previous: a plan file or "@REV".
	previous string
	stdout   io.Writer
	version  string
	files    *runFiles // what the run read and wrote: no document over an input
	// sideBySide writes a plan's formats in parallel: set when there are fewer plans
	// than workers, so that cores would otherwise stay idle.
	sideBySide bool
	// collectEarly: the first of a plan's side-by-side writers to finish collects the
	// garbage while the others still write (earlyGC).
	collectEarly bool
}

func (r *renderer) render(j *renderJob) {
	// A panic anywhere in this plan's pipeline is this plan's failure: the rest of the
	// batch is still written.
	defer func() {
		if v := recover(); v != nil {
			j.notes = append(j.notes, tr("kep render: %s: internal error: %v", j.path, v))
			j.status = exitUsage
		}
	}()
	testHookRender(j.path)
	loaded, now := j.loaded, j.now
	if !j.preloaded {
		loaded, now = r.dater.load(j.path)
	}
	diags := loaded.Diags
	if r.strict {
		diags = strictly(diags)
	}
	j.diags = diags
	p, f := loaded.Plan, loaded.Figures
	if diags.HasErrors() || p == nil {
		j.status = exitPlan
		return
	}
	opt := render.Options{Now: now, KepVersion: r.version}
	if r.since != "" {
		ch, status, err := changesSince(j.path, r.since, p, f, now)
		switch {
		case errors.Is(err, gitrev.ErrNotInRevision):
			// A plan added since the revision (a new account) has nothing to compare
			// with: its document is made without the appendix, and the run goes on.
			j.notes = append(j.notes, tr("kep render: %s: --since %s: not in that revision (a new plan): rendered without the changes appendix", j.path, r.since))
		case err != nil:
			j.notes = append(j.notes, tr("kep render: %s: --since %s: %v", j.path, r.since, err))
			j.status = status
			return
		default:
			opt.Changes = ch
		}
	}
	if r.previous != "" {
		prev, status, err := previousPlan(r.previous, j.path, p, r.dater.loader(now), now)
		switch {
		case errors.Is(err, gitrev.ErrNotInRevision):
			j.notes = append(j.notes, tr("kep render: %s: --previous %s: not in that revision (a new plan): rendered without the review", j.path, r.previous))
		case err != nil:
			j.notes = append(j.notes, tr("kep render: %s: --previous: %v", j.path, err))
			j.status = status
			return
		default:
			app.AddReview(f, p, prev)
			opt.Previous = prev.Plan
		}
	}
	// The customer edition is written from its own model (plan.CustomerPlan): the
	// internal document is not even built.
	m, err := app.NewModel(p, f, r.edition, opt)
	if err != nil {
		j.notes = append(j.notes, tr("kep render: %s: %v", j.path, err))
		j.status = exitUsage
		return
	}
	// The formats are independent and only read the document. When there are fewer
	// plans than workers (one plan: the common case), they are written side by side, so
	// a plan on two cores takes the time of the slower writer, not of both; in a batch
	// the workers already keep the cores busy.
	bufs := make([]bytes.Buffer, len(r.formats))
	errs := make([]error, len(r.formats))
	warns := make([]string, len(r.formats))
	pages := make([]int, len(r.formats))
	// Each format's file is written to its temporary file by its own writer as soon as
	// the format is done (the HTML while the PDF is still laid out, off the plan's
	// critical path); below they are renamed into place in order, and once one format
	// fails the later ones' temporary files are removed: what reaches the folder is the
	// same as when each file was written after all formats were done.
	temp := make([]*tempDoc, len(r.formats))
	twerr := make([]error, len(r.formats))
	defer func() { // also after a panic
		for _, t := range temp {
			t.discard()
		}
	}()
	write := func(i int) {
		ext := r.formats[i]
		defer func() { // also on a goroutine of its own (sideBySide)
			if v := recover(); v != nil {
				errs[i] = errorf("%s: internal error: %v", ext, v)
			}
		}()
		testHookWrite(ext)
		var res app.Result
		res, errs[i] = app.Write(&bufs[i], ext, m, app.Options{Now: now, Version: r.version})
		pages[i] = res.Pages
		if errs[i] == nil && res.Replaced != "" {
			warns[i] = tr("%s: warning: the PDF font cannot draw %s; shown as placeholders", j.path, res.Replaced)
		}
		if errs[i] == nil && r.dir != "" {
			temp[i], twerr[i] = writeTemp(filepath.Join(r.dir, app.OutputName(j.base, ext, r.edition)), bufs[i].Bytes(), 0o644)
			// The document is in its file: its memory, faulted in already, is free
			// for the PDF's layout and output after earlyGC, instead of fresh pages.
			bufs[i] = bytes.Buffer{}
		}
	}
	if !r.sideBySide {
		for i := range r.formats {
			write(i)
		}
	} else {
		// The slowest format, a PDF's layout, is the plan's critical path: it is written
		// on this goroutine, at once, and the others on goroutines of their own. Started
		// on a goroutine too, it waited in the run queue behind the HTML's writer and the
		// cover's logo (two cores, three goroutines; Go does not preempt them for ~10 ms)
		// and began 2–3 ms after the document was built (issue 19).
		lead := max(0, slices.IndexFunc(r.formats, app.IsPDF))
		var wg sync.WaitGroup
		var done atomic.Bool
		for i := range r.formats {
			if i == lead {
				continue
			}
			wg.Add(1)
			go func() {
				stack.Grow()
				write(i) // recovers its own panics
				wg.Done()
				// After Done: waiting for the collection never holds up the plan's files.
				if r.collectEarly && done.CompareAndSwap(false, true) {
					earlyGC()
				}
			}()
		}
		write(lead)
		wg.Wait()
	}
	for i, ext := range r.formats {
		if errs[i] != nil {
			j.notes = append(j.notes, tr("kep render: %s: %v", j.path, errs[i]))
			j.status = exitUsage
			return
		}
		if warns[i] != "" {
			j.notes = append(j.notes, warns[i])
		}
		name := app.OutputName(j.base, ext, r.edition)
		if err := r.place(name, bufs[i].Bytes(), temp[i], twerr[i]); err != nil {
			j.notes = append(j.notes, tr("kep render: %s: %v", j.path, err))
			j.status = exitUsage
			return
		}
		if r.dir != "" {
			j.wrote = append(j.wrote, wroteLine(filepath.Join(r.dir, name), pages[i]))
		}
	}
}

// earlyGC collects the garbage of loading the plan and of the first document written
// while the plan's other writers still run, on the core the finished writer leaves
// idle (one plan to PDF and HTML: the HTML is done while the PDF is still laid out).
// With kep render's pace (tuneGC: GOGC=400) the one collection of such a run otherwise
// came during the PDF's output, on both cores' critical path and with ~10 MB live
// instead of ~6; after this one the PDF's output reuses the memory freed instead of
// faulting in fresh pages. PDF + HTML: hansa task-clock median 107 -> 99 ms, page faults
// 4,180 -> 3,700, peak memory 30 -> 28 MB; brightwater 101 -> 97 ms; a plan too small
// to reach a collection pays one (minimal: 58 -> 61 ms, on the idle core)
// (scripts/PERFORMANCE.md). Only where the heap is not in huge pages (hugeheap.Prepare):
// there fresh memory is cheap, and one plan to PDF and HTML runs without a collection.
func earlyGC() { runtime.GC() }

// wroteLine names a document written, with its pages for a PDF: the one line per
// document that render, diff -f and portfolio print unless -q.
func wroteLine(path string, pages int) string {
	switch {
	case pages == 1:
		return path + " (1 page)"
	case pages > 1:
		return fmt.Sprintf("%s (%d pages)", path, pages)
	}
	return path
}

// loadAll reads and checks every plan of the run, n at a time, before anything is
// written. A panic while reading one plan leaves that plan to render's own recovery.
func (r *renderer) loadAll(js []*renderJob, n int) {
	work := make(chan *renderJob)
	var wg sync.WaitGroup
	for i := 0; i < min(n, len(js)); i++ {
		wg.Add(1)
		go func() {
			stack.Grow()
			defer wg.Done()
			for j := range work {
				func() {
					defer func() { _ = recover() }() // render loads it again and reports
					j.loaded, j.now = r.dater.load(j.path)
					j.preloaded = true
					if p := j.loaded.Plan; p != nil && len(p.Brand.LogoData) > 0 && r.bg != nil {
						// a plan's own logo; the workspace's is on its way already
						r.bg.do(func() { pdfdoc.PrepareLogo(p.Brand.LogoData, p.Brand.LogoType) })
					}
				}()
			}
		}()
	}
	for _, j := range js {
		work <- j
	}
	close(work)
	wg.Wait()
}

// beside runs work that the documents need later, one piece after the other, on one
// goroutine beside the plans' loading: the fonts (pdfdoc.Warm), then the logos
// (pdfdoc.PrepareLogo). One goroutine, not one each: on two cores a third runnable
// goroutine took turns with the loading itself, the critical path of a render, while
// the logo is needed only when the PDF's cover is drawn, after all its other pages
// (issue 19). A writer that needs a logo before the lane got to it prepares it itself
// (the same per-process once).
type beside struct {
	mu     sync.Mutex
	queue  []func()
	closed bool
	wake   chan struct{} // one token: queue changed
	done   chan struct{} // closed when run returns
}

func newBeside() *beside {
	b := &beside{wake: make(chan struct{}, 1), done: make(chan struct{})}
	go b.run()
	return b
}

// wait closes the lane and waits until its queue is done.
func (b *beside) wait() {
	b.close()
	<-b.done
}

// do queues fn; after close it runs fn itself, as a go statement would have.
func (b *beside) do(fn func()) {
	b.mu.Lock()
	if b.closed {
		b.mu.Unlock()
		go fn()
		return
	}
	b.queue = append(b.queue, fn)
	b.mu.Unlock()
	b.signal()
}

// close lets the lane end once its queue is done. Safe on nil and more than once.
func (b *beside) close() {
	if b == nil {
		return
	}
	b.mu.Lock()
	b.closed = true
	b.mu.Unlock()
	b.signal()
}

func (b *beside) signal() {
	select {
	case b.wake <- struct{}{}:
	default:
	}
}

func (b *beside) run() {
	stack.Grow()
	defer close(b.done)
	for {
		b.mu.Lock()
		if len(b.queue) == 0 {
			closed := b.closed
			b.mu.Unlock()
			if closed {
				return
			}
			<-b.wake
			continue
		}
		fn := b.queue[0]
		b.queue = b.queue[1:]
		b.mu.Unlock()
		fn()
	}
}

// Test hooks: called as a plan's rendering starts and as each format is written.
var (
	testHookRender = func(path string) {}
	testHookWrite  = func(format string) {}
)

// write puts one finished document in place: to stdout, or into the output folder
// (writeAtomic).
func (r *renderer) write(name string, data []byte) error { return r.place(name, data, nil, nil) }

// place is write for a document whose temporary file may be written already: t, or werr
// the error of writing it (writeTemp); with neither, place writes it. The check that
// the document would replace no input of the run comes first, as with write.
func (r *renderer) place(name string, data []byte, t *tempDoc, werr error) error {
	if r.dir == "" {
		_, err := r.stdout.Write(data)
		return err
	}
	path := filepath.Join(r.dir, name)
	if err := r.files.checkTarget(path); err != nil {
		return err
	}
	if t == nil && werr == nil {
		t, werr = writeTemp(path, data, 0o644)
	}
	if werr != nil {
		return werr
	}
	if err := t.commitDoc(); err != nil {
		return err
	}
	r.files.wrote(path)
	return nil
}

// kepVersion names the program in documents: the release version when set at link
// time, else the module version, else "devel".
func kepVersion() string {
	if version != "" {
		return version
	}
	if info, ok := debug.ReadBuildInfo(); ok && info.Main.Version != "" && info.Main.Version != "(devel)" {
		return info.Main.Version
	}
	return "devel"
}

// progress draws one status line on a terminal: plans done of all, the file being
// rendered, time elapsed. It draws nothing when stderr is not a terminal (CI logs,
// pipes, tests).
type progress struct {
	w       io.Writer
	on      bool
	total   int
	doneN   atomic.Int64
	started time.Time

	mu      sync.Mutex
	current string
	width   int
}

func newProgress(w io.Writer, total int) *progress {
	return &progress{w: w, on: isTerminal(w), total: total, started: time.Now()}
}

func (p *progress) start(path string) {
	if !p.on {
		return
	}
	p.mu.Lock()
	p.current = path
	p.draw()
	p.mu.Unlock()
}

func (p *progress) done() {
	p.doneN.Add(1)
	if !p.on {
		return
	}
	p.mu.Lock()
	p.draw()
	p.mu.Unlock()
}

func (p *progress) draw() {
	line := fmt.Sprintf("kep render: %d/%d  %s  %s", p.doneN.Load(), p.total,
		time.Since(p.started).Round(100*time.Millisecond), p.current)
	if n := len([]rune(line)); n > 100 {
		line = string([]rune(line)[:99]) + "…"
	}
	pad := max(0, p.width-len([]rune(line)))
	p.width = len([]rune(line))
	fmt.Fprint(p.w, "\r"+line+strings.Repeat(" ", pad))
}

// finish clears the line so the messages that follow start at the left margin.
func (p *progress) finish() {
	if !p.on {
		return
	}
	p.mu.Lock()
	fmt.Fprint(p.w, "\r"+strings.Repeat(" ", p.width)+"\r")
	p.mu.Unlock()
}

// isTerminal reports whether w is a character device (a terminal), without x/term.
// /dev/null is a character device too, and where output goes that nobody wants to see:
// not a terminal (kep render -f pdf -o - plan.toml >/dev/null was refused).
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	fi, err := f.Stat()
	if err != nil || fi.Mode()&os.ModeCharDevice == 0 || os.Getenv("TERM") == "dumb" {
		return false
	}
	if null, err := os.Stat(os.DevNull); err == nil && os.SameFile(fi, null) {
		return false
	}
	return true
}
