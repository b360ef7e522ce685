package load

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"sync"
	"time"

	"github.com/BurntSushi/toml"
	"github.com/kepdev/kep/plan"
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
	// Check, if set, adds its findings to those of a plan that loaded without errors,
	// before they are put in order; now is the document date. plan/check's Loader sets
	// it: the plan's warnings.
	Check func(p *plan.Plan, ds plan.Diagnostics, now time.Time) plan.Diagnostics

	mu         sync.Mutex
	workspaces *workspaceCache // made on first use; shared with the loaders of At
}

// workspaceCache holds the parsed workspaces, by kep.toml path, or by plan folder without
// one. A workspace does not depend on the document date, so loaders of different dates
// share it.
type workspaceCache struct {
	mu      sync.Mutex
	entries map[string]*wsEntry
}

// At returns a loader with the document date now that shares l's file system and parsed
// workspaces: plans of different dates (each dated by its file) still parse each
// workspace file and its logo once per run.
func (l *Loader) At(now time.Time) *Loader {
	return &Loader{FS: l.FS, Now: now, Check: l.Check, workspaces: l.cache()}
}

func (l *Loader) cache() *workspaceCache {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.workspaces == nil {
		l.workspaces = &workspaceCache{entries: map[string]*wsEntry{}}
	}
	return l.workspaces
}

// MaxFileSize is the largest plan or workspace file the loader reads (2 MiB): plans are
// a few dozen kilobytes; anything far bigger is a mistake or an attack.
const MaxFileSize = 2 << 20

// LoadPlan reads the plan at path, finds and merges its workspace (kep.toml), and checks
// both. The diagnostics hold every error and warning, sorted; the plan is usable for
// rendering only when diags.HasErrors() is false.
func (l *Loader) LoadPlan(path string) (*plan.Plan, plan.Diagnostics) {
	if fi, err := l.fs().Stat(path); err == nil {
		// A device or pipe would be read without end.
		if !fi.Mode().IsRegular() {
			return nil, plan.Diagnostics{plan.Diag(path, 0, 0, "", false, "not a regular file")}
		}
		if fi.Size() > MaxFileSize {
			return nil, plan.Diagnostics{tooBig(path, fi.Size())}
		}
	}
	src, err := l.fs().ReadFile(path)
	if err != nil {
		return nil, plan.Diagnostics{{File: path, Message: err.Error()}}
	}
	return l.LoadPlanBytes(path, src)
}

func tooBig(path string, n int64) plan.Diagnostic {
	return plan.Diag(path, 0, 0, "", false, "file is %d bytes, more than the limit of %d (2 MiB)", n, MaxFileSize)
}

// LoadPlanBytes is LoadPlan on bytes read elsewhere (an older git revision, a test); path
// names the file in messages and locates the workspace. The plan is nil only when the
// file cannot be decoded at all, or when it is a workspace file (kep.toml), which is
// then checked as one. The plan keeps src (as Source, and to place its warnings): the
// caller must not change it afterwards.
func (l *Loader) LoadPlanBytes(path string, src []byte) (*plan.Plan, plan.Diagnostics) {
	if len(src) > MaxFileSize {
		return nil, plan.Diagnostics{tooBig(path, int64(len(src)))}
	}
	if filepath.Base(path) == WorkspaceFileName {
		// Given a workspace file, check it as one: no plan, its own findings.
		fallback := plan.DefaultWorkspace()
		fallback.Dir = l.folder(path)
		if real, err := l.fs().EvalSymlinks(fallback.Dir); err == nil {
			fallback.Dir = real
		}
		_, diags := decodeWorkspace(l.fs(), path, src, fallback)
		diags = append(diags, plan.Diag(path, 0, 0, "", true, "a workspace file, not a plan: checked as a workspace; its plans are checked with it"))
		diags.Sort()
		return nil, diags
	}
	// The plan's parse and key walk need no workspace: they come first, so that the
	// workspace may still be read meanwhile (kep render reads it on another core).
	parsed := parsePlan(path, src)
	ws, diags := l.workspaceFor(path)
	p, pd := decodePlan(l.fs(), path, src, ws, parsed)
	diags = append(diags, pd...)
	if p != nil && !diags.HasErrors() && l.Check != nil {
		diags = l.Check(p, diags, l.now())
	}
	return p, plan.WithLang(limitErrors(path, diags), path, messageLang(src, ws))
}

func (l *Loader) now() time.Time {
	if l.Now.IsZero() {
		return time.Now()
	}
	return l.Now
}

func (l *Loader) fs() FileSystem {
	if l.FS == nil {
		return osFS{}
	}
	return l.FS
}

// decoded is a TOML file parsed once: generically, for the schema walk, with its line
// index for messages, and kept as the library's parse to fill the structs from (into).
type decoded struct {
	file   string
	raw    map[string]any
	idx    *lazyIndex
	errors int // made so far, to stop early on a file that is all mistakes

	md   toml.MetaData  // the parse, for PrimitiveDecode
	root toml.Primitive // the whole document, not yet decoded into a struct
	src  []byte         // set when fastParse made raw: md and root are not made yet
}

// MaxErrors is how many errors one file gets before checking stops: beyond that, more
// messages help nobody, and a generated file of 150,000 wrong keys would take seconds.
const MaxErrors = 1000

// limitErrors keeps the first MaxErrors errors (by line) and all warnings, and says how
// many it left out.
func limitErrors(file string, ds plan.Diagnostics) plan.Diagnostics {
	ds.Sort()
	n := 0
	for _, d := range ds {
		if !d.Warning && d.File == file {
			n++
		}
	}
	if n <= MaxErrors {
		return ds
	}
	out := plan.Diagnostics{plan.Diag(file, 0, 0, "", false, "more than %d errors; showing the first %d", MaxErrors, MaxErrors)}
	kept := 0
	for _, d := range ds {
		if !d.Warning && d.File == file {
			if kept++; kept > MaxErrors {
				continue
			}
		}
		out = append(out, d)
	}
	return out
}

// decodeRaw parses src into a generic map; a syntax error becomes a diagnostic at its line.
//
// The file is parsed once (parsing is most of a load), by fastParse when it can. Else
// decoding into a Primitive keeps the parser's tables undecoded; the schema walk reads
// them as the generic map, and into later fills a struct from the same parse, exactly as
// decoding the source again would.
func decodeRaw(file string, src []byte) (*decoded, plan.Diagnostics) {
	d := &decoded{file: file}
	if line, msg := checkStructure(src); line > 0 {
		d := plan.Diagnostic{File: file, Line: line}
		d.SetMsg(msg)
		return nil, plan.Diagnostics{d}
	}
	if raw, ok := fastParse(src); ok {
		// The library's parse (md, root) is made only if into needs it.
		d.raw, d.idx, d.src = raw, newLazyIndex(src), src
		return d, nil
	}
	md, err := toml.NewDecoder(bytes.NewReader(src)).Decode(&d.root)
	if err != nil {
		diag := tomlDiag(file, err)
		raw := diag.Line
		friendlierDiag(&diag, src)
		return nil, syntaxDiagnostics(file, src, diag, raw)
	}
	d.md = md
	// Into an empty interface the library hands over its own top-level table, uncopied.
	var raw any
	if err := d.md.PrimitiveDecode(d.root, &raw); err != nil {
		return nil, plan.Diagnostics{tomlDiag(file, err)}
	}
	if d.raw, _ = raw.(map[string]any); d.raw == nil {
		d.raw = map[string]any{}
	}
	d.idx = newLazyIndex(src)
	return d, nil
}

// into decodes the parsed file into the zero Plan or Workspace v points to, after the
// schema walk: with fill where it decides, else with the library, from the start again.
func (d *decoded) into(v any) error {
	if fillInto(v, d.raw) == nil {
		return nil
	}
	rv := reflect.ValueOf(v).Elem()
	rv.SetZero()
	if err := d.library(); err != nil {
		return err
	}
	return d.md.PrimitiveDecode(d.root, v)
}

// library makes the library's parse (md, root) of a file fastParse parsed; the library
// takes what fastParse takes.
func (d *decoded) library() error {
	if d.src == nil {
		return nil
	}
	md, err := toml.NewDecoder(bytes.NewReader(d.src)).Decode(&d.root)
	if err != nil {
		return err
	}
	d.md, d.src = md, nil
	return nil
}

// tomlDiag turns an error of the TOML library into a diagnostic with its position.
func tomlDiag(file string, err error) plan.Diagnostic {
	var pe toml.ParseError
	if errors.As(err, &pe) {
		return plan.Diagnostic{File: file, Line: pe.Position.Line, Col: pe.Position.Col, Path: pe.LastKey, Message: pe.Message}
	}
	return plan.Diagnostic{File: file, Message: err.Error()}
}

// at makes a diagnostic at the position of key path in the file.
func (d *decoded) at(path string, warning bool, format string, args ...any) plan.Diagnostic {
	if !warning {
		d.errors++
	}
	p := d.idx.at(path)
	return plan.Diag(d.file, p.Line, p.Col, path, warning, format, args...)
}

// parsedPlan is a plan file parsed and walked (parsePlan): what decodePlan does before it
// needs the workspace.
type parsedPlan struct {
	d     *decoded // nil: not parsed
	diags plan.Diagnostics
}

func parsePlan(path string, src []byte) parsedPlan {
	d, diags := decodeRaw(path, src)
	if d == nil {
		return parsedPlan{nil, diags}
	}
	return parsedPlan{d, append(diags, walk(d, planSchema(), d.raw, "")...)}
}

// decodePlan turns a plan file into a checked Plan merged with its workspace; parsed is
// parsePlan's result for the same path and src.
func decodePlan(fsys FileSystem, path string, src []byte, ws *plan.Workspace, parsed parsedPlan) (*plan.Plan, plan.Diagnostics) {
	p, diags := decodePlanFile(fsys, path, src, ws, parsed)
	return p, hideText(fsys, path, src, diags)
}

func decodePlanFile(fsys FileSystem, path string, src []byte, ws *plan.Workspace, parsed parsedPlan) (*plan.Plan, plan.Diagnostics) {
	d, diags := parsed.d, parsed.diags
	if d == nil || diags.HasErrors() {
		return nil, diags
	}
	p := &plan.Plan{}
	if err := d.into(p); err != nil {
		return nil, append(diags, tomlDiag(path, err))
	}
	p.File, p.Source, p.Workspace, p.Positions = path, src, ws, d.idx
	if sel, ok := d.raw["selection"].(map[string]any); ok && len(sel) > 0 {
		p.SelectionGiven = true
	}
	if p.Lang == "" {
		p.Lang = ws.Lang
	}
	if p.Currency == "" {
		p.Currency = ws.Currency
	}
	raw, _ := d.raw["brand"].(map[string]any)
	p.Brand = mergeBrand(ws.Brand, p.Brand, raw)
	diags = append(diags, loadAssets(fsys, d, &p.Brand, raw, filepath.Dir(path), ws.Dir, nil)...)
	diags = append(diags, validatePlan(d, p)...)
	p.FillDefaults()
	p.Examples, p.ExampleWarnings = exampleFindings(d.raw, p)
	return p, diags
}

// mergeBrand lays the keys the plan gives (set) over the workspace's brand.
func mergeBrand(ws, pb plan.Brand, set map[string]any) plan.Brand {
	b := ws
	pick := func(key string, dst *string, v string) {
		if _, ok := set[key]; ok {
			*dst = v
		}
	}
	pick("company", &b.Company, pb.Company)
	pick("primary", &b.Primary, pb.Primary)
	pick("accent", &b.Accent, pb.Accent)
	pick("paper", &b.Paper, pb.Paper)
	pick("footer", &b.Footer, pb.Footer)
	pick("chapter_breaks", &b.ChapterBreaks, pb.ChapterBreaks)
	if _, ok := set["logo"]; ok {
		b.Logo, b.LogoData, b.LogoType = pb.Logo, nil, ""
	}
	if _, ok := set["font"]; ok {
		b.Font, b.FontData = pb.Font, nil
	}
	if _, ok := set["font_bold"]; ok {
		b.FontBold, b.FontBoldData = pb.FontBold, nil
	}
	if _, ok := set["font_italic"]; ok {
		b.FontItalic, b.FontItalicData = pb.FontItalic, nil
	}
	if _, ok := set["font_bold_italic"]; ok {
		b.FontBoldItalic, b.FontBoldItalicData = pb.FontBoldItalic, nil
	}
	if _, ok := set["font_fallback"]; ok {
		b.FontFallback, b.FontFallbackData = pb.FontFallback, nil
	}
	return b
}

// WorkspaceFileName is the name of the workspace file that plans find in their folder
// or above.
const WorkspaceFileName = "kep.toml"

// WorkspaceFor returns the workspace of the plan at planPath (the file need not exist):
// the kep.toml found as LoadPlan finds it, checked, or the built-in defaults without one.
func (l *Loader) WorkspaceFor(planPath string) (*plan.Workspace, plan.Diagnostics) {
	return l.workspaceFor(planPath)
}

// folder is the folder of path, absolute on the operating system's file system so that
// the search for kep.toml can go above the working folder.
func (l *Loader) folder(path string) string {
	dir := filepath.Dir(path)
	if _, onOS := l.fs().(osFS); onOS {
		if abs, err := filepath.Abs(dir); err == nil {
			dir = abs
		}
	}
	return dir
}

// homeFolders is the user's home folder, as named and with links resolved: the search
// for kep.toml stops there, so a kep.toml above it (in /home, in /) is never used.
func homeFolders() map[string]bool {
	h, err := os.UserHomeDir()
	if err != nil || h == "" || !filepath.IsAbs(h) {
		return nil
	}
	m := map[string]bool{filepath.Clean(h): true}
	if real, err := filepath.EvalSymlinks(h); err == nil {
		m[real] = true
	}
	return m
}

type wsEntry struct {
	once  sync.Once
	ws    *plan.Workspace
	diags plan.Diagnostics
}

// workspaceFor finds the workspace of the plan at path: kep.toml in the plan's folder,
// then in each parent, stopping at a folder holding .git (a folder, or a file as in a
// git worktree or submodule: git itself is not run), at the user's home folder, or at
// the root. Each workspace file is parsed once per Loader (and the loaders made from it
// by At).
//
// A kep.toml in a folder anyone may write to (/tmp, even with its sticky bit: anyone
// may create the file there) is refused for plans in other folders below it: another
// user could have put it there to give plans their brand and logo. In the plan's own
// folder it is the plan's author's own choice.
func (l *Loader) workspaceFor(path string) (*plan.Workspace, plan.Diagnostics) {
	fsys := l.fs()
	dir := l.folder(path)
	file, home := "", dir
	userHome := homeFolders()
	for d := dir; ; {
		if fi, err := fsys.Stat(filepath.Join(d, WorkspaceFileName)); err == nil && fi.Mode().IsRegular() {
			file, home = filepath.Join(d, WorkspaceFileName), d
			break
		}
		if _, err := fsys.Lstat(filepath.Join(d, ".git")); err == nil {
			break
		}
		parent := filepath.Dir(d)
		if parent == d || d == "." || userHome[d] {
			break
		}
		d = parent
	}
	if file != "" && home != dir {
		if fi, err := fsys.Stat(home); err == nil && fi.Mode().Perm()&0o002 != 0 {
			ws := plan.DefaultWorkspace()
			ws.Dir = dir
			return ws, plan.Diagnostics{plan.Diag(file, 0, 0, "", false, "not used: %s is a folder anyone may write to, so this workspace file may not be yours; "+
				"put a kep.toml in the plan's folder or in a folder between it and %s that only you can write to", home, home)}
		}
	}
	key := file
	if key == "" {
		key = "dir:" + home
	}
	c := l.cache()
	c.mu.Lock()
	e := c.entries[key]
	if e == nil {
		e = &wsEntry{}
		c.entries[key] = e
	}
	c.mu.Unlock()
	e.once.Do(func() { e.ws, e.diags = loadWorkspace(fsys, file, home) })
	return e.ws, e.diags
}

// loadWorkspace reads and checks the workspace file (or gives the defaults when file is
// empty). The workspace is never nil: on errors the defaults stand in, so that plans can
// still be checked.
func loadWorkspace(fsys FileSystem, file, home string) (*plan.Workspace, plan.Diagnostics) {
	ws := plan.DefaultWorkspace()
	ws.Dir = home
	if real, err := fsys.EvalSymlinks(home); err == nil {
		ws.Dir = real
	}
	if file == "" {
		return ws, nil
	}
	ws.File, ws.Invalid = file, true // the defaults stand in until the file passes every check
	// Checked before reading, as for plans: a huge file would be read whole first.
	if fi, err := fsys.Stat(file); err == nil && fi.Size() > MaxFileSize {
		return ws, plan.Diagnostics{tooBig(file, fi.Size())}
	}
	src, err := fsys.ReadFile(file)
	if err != nil {
		return ws, plan.Diagnostics{{File: file, Message: err.Error()}}
	}
	if len(src) > MaxFileSize {
		return ws, plan.Diagnostics{tooBig(file, int64(len(src)))}
	}
	return decodeWorkspace(fsys, file, src, ws)
}

// decodeWorkspace checks the workspace file's bytes; on errors it returns fallback.
func decodeWorkspace(fsys FileSystem, file string, src []byte, fallback *plan.Workspace) (*plan.Workspace, plan.Diagnostics) {
	ws, diags := decodeWorkspaceFile(fsys, file, src, fallback)
	ws.StatedLang = plan.StatedLang(src)
	return ws, plan.WithLang(hideText(fsys, file, src, diags), file, ws.StatedLang)
}

func decodeWorkspaceFile(fsys FileSystem, file string, src []byte, fallback *plan.Workspace) (*plan.Workspace, plan.Diagnostics) {
	ws := fallback
	d, diags := decodeRaw(file, src)
	if d == nil {
		return ws, diags
	}
	logo := startLogo(fsys, d.raw, filepath.Dir(file), ws.Dir)
	defer logo.wait()
	diags = append(diags, walk(d, workspaceSchema(), d.raw, "")...)
	if diags.HasErrors() {
		return ws, diags
	}
	w := &plan.Workspace{}
	if err := d.into(w); err != nil {
		return ws, append(diags, tomlDiag(file, err))
	}
	w.File, w.Dir = file, ws.Dir
	givenClasses := w.Visits.Classes
	w.FillDefaults(d.raw)
	raw, _ := d.raw["brand"].(map[string]any)
	diags = append(diags, loadAssets(fsys, d, &w.Brand, raw, filepath.Dir(file), w.Dir, logo)...)
	diags = append(diags, validateWorkspace(d, w, givenClasses)...)
	if diags.HasErrors() {
		return ws, diags
	}
	return w, diags
}

// messageLang is the language of a plan file's messages: the lang it states, else its
// workspace's.
func messageLang(src []byte, ws *plan.Workspace) string {
	lang := plan.StatedLang(src)
	if lang == "" && ws != nil {
		lang = ws.StatedLang
	}
	return lang
}
