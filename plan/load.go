package plan

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
	return &Loader{FS: l.FS, Now: now, workspaces: l.cache()}
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
func (l *Loader) LoadPlan(path string) (*Plan, Diagnostics) {
	if fi, err := l.fs().Stat(path); err == nil {
		// A device or pipe would be read without end.
		if !fi.Mode().IsRegular() {
			return nil, Diagnostics{diag(path, 0, 0, "", false, "not a regular file")}
		}
		if fi.Size() > MaxFileSize {
			return nil, Diagnostics{tooBig(path, fi.Size())}
		}
	}
	src, err := l.fs().ReadFile(path)
	if err != nil {
		return nil, Diagnostics{{File: path, Message: err.Error()}}
	}
	return l.LoadPlanBytes(path, src)
}

func tooBig(path string, n int64) Diagnostic {
	return diag(path, 0, 0, "", false, "file is %d bytes, more than the limit of %d (2 MiB)", n, MaxFileSize)
}

// LoadPlanBytes is LoadPlan on bytes read elsewhere (an older git revision, a test); path
// names the file in messages and locates the workspace. The plan is nil only when the
// file cannot be decoded at all, or when it is a workspace file (kep.toml), which is
// then checked as one. The plan keeps src (as Source, and to place its warnings): the
// caller must not change it afterwards.
func (l *Loader) LoadPlanBytes(path string, src []byte) (*Plan, Diagnostics) {
	if len(src) > MaxFileSize {
		return nil, Diagnostics{tooBig(path, int64(len(src)))}
	}
	if filepath.Base(path) == WorkspaceFileName {
		// Given a workspace file, check it as one: no plan, its own findings.
		fallback := DefaultWorkspace()
		fallback.Dir = l.folder(path)
		if real, err := l.fs().EvalSymlinks(fallback.Dir); err == nil {
			fallback.Dir = real
		}
		_, diags := decodeWorkspace(l.fs(), path, src, fallback)
		diags = append(diags, diag(path, 0, 0, "", true, "a workspace file, not a plan: checked as a workspace; its plans are checked with it"))
		diags.Sort()
		return nil, diags
	}
	ws, diags := l.workspaceFor(path)
	p, pd := decodePlan(l.fs(), path, src, ws)
	diags = append(diags, pd...)
	if p != nil && !diags.HasErrors() {
		today := DateOf(l.now())
		diags = accept(p, append(diags, planWarnings(p, today)...), today)
		// Compute takes the plan's warnings from here (also those of the walk, such as
		// A8's thousands dots) instead of finding them a second time.
		p.warnings, p.warnedOn = nil, today
		for _, d := range diags {
			if d.Warning && d.File == p.File {
				p.warnings = append(p.warnings, d)
			}
		}
	}
	lang := statedLang(src)
	if lang == "" && ws != nil {
		lang = ws.statedLang
	}
	return p, withLang(limitErrors(path, diags), path, lang)
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
}

// MaxErrors is how many errors one file gets before checking stops: beyond that, more
// messages help nobody, and a generated file of 150,000 wrong keys would take seconds.
const MaxErrors = 1000

// limitErrors keeps the first MaxErrors errors (by line) and all warnings, and says how
// many it left out.
func limitErrors(file string, ds Diagnostics) Diagnostics {
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
	out := Diagnostics{diag(file, 0, 0, "", false, "more than %d errors; showing the first %d", MaxErrors, MaxErrors)}
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
// The file is parsed once (parsing is most of a load): decoding into a Primitive keeps
// the parser's tables undecoded; the schema walk reads them as the generic map, and into
// later fills a struct from the same parse, exactly as decoding the source again would.
func decodeRaw(file string, src []byte) (*decoded, Diagnostics) {
	d := &decoded{file: file}
	if line, msg := checkStructure(src); line > 0 {
		d := Diagnostic{File: file, Line: line}
		d.SetMsg(msg)
		return nil, Diagnostics{d}
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
		return nil, Diagnostics{tomlDiag(file, err)}
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
	return d.md.PrimitiveDecode(d.root, v)
}

// tomlDiag turns an error of the TOML library into a diagnostic with its position.
func tomlDiag(file string, err error) Diagnostic {
	var pe toml.ParseError
	if errors.As(err, &pe) {
		return Diagnostic{File: file, Line: pe.Position.Line, Col: pe.Position.Col, Path: pe.LastKey, Message: pe.Message}
	}
	return Diagnostic{File: file, Message: err.Error()}
}

// at makes a diagnostic at the position of key path in the file.
func (d *decoded) at(path string, warning bool, format string, args ...any) Diagnostic {
	if !warning {
		d.errors++
	}
	p := d.idx.at(path)
	return diag(d.file, p.Line, p.Col, path, warning, format, args...)
}

// decodePlan turns a plan file into a checked Plan merged with its workspace.
func decodePlan(fsys FileSystem, path string, src []byte, ws *Workspace) (*Plan, Diagnostics) {
	p, diags := decodePlanFile(fsys, path, src, ws)
	return p, hideText(fsys, path, src, diags)
}

func decodePlanFile(fsys FileSystem, path string, src []byte, ws *Workspace) (*Plan, Diagnostics) {
	d, diags := decodeRaw(path, src)
	if d == nil {
		return nil, diags
	}
	diags = append(diags, walk(d, planSchema(), d.raw, "")...)
	if diags.HasErrors() {
		return nil, diags
	}
	p := &Plan{}
	if err := d.into(p); err != nil {
		return nil, append(diags, tomlDiag(path, err))
	}
	p.File, p.Source, p.Workspace, p.idx = path, src, ws, d.idx
	if sel, ok := d.raw["selection"].(map[string]any); ok && len(sel) > 0 {
		p.selectionGiven = true
	}
	p.links = new(linkCache)
	if p.Lang == "" {
		p.Lang = ws.Lang
	}
	if p.Currency == "" {
		p.Currency = ws.Currency
	}
	raw, _ := d.raw["brand"].(map[string]any)
	p.Brand = mergeBrand(ws.Brand, p.Brand, raw)
	diags = append(diags, loadAssets(fsys, d, &p.Brand, raw, filepath.Dir(path), ws.Dir)...)
	diags = append(diags, validatePlan(d, p)...)
	p.fillDefaults()
	p.examples, p.exampleWarnings = exampleFindings(d.raw, p)
	return p, diags
}

// mergeBrand lays the keys the plan gives (set) over the workspace's brand.
func mergeBrand(ws, plan Brand, set map[string]any) Brand {
	b := ws
	pick := func(key string, dst *string, v string) {
		if _, ok := set[key]; ok {
			*dst = v
		}
	}
	pick("company", &b.Company, plan.Company)
	pick("primary", &b.Primary, plan.Primary)
	pick("accent", &b.Accent, plan.Accent)
	pick("paper", &b.Paper, plan.Paper)
	pick("footer", &b.Footer, plan.Footer)
	pick("chapter_breaks", &b.ChapterBreaks, plan.ChapterBreaks)
	if _, ok := set["logo"]; ok {
		b.Logo, b.LogoData, b.LogoType = plan.Logo, nil, ""
	}
	if _, ok := set["font"]; ok {
		b.Font, b.FontData = plan.Font, nil
	}
	if _, ok := set["font_bold"]; ok {
		b.FontBold, b.FontBoldData = plan.FontBold, nil
	}
	if _, ok := set["font_italic"]; ok {
		b.FontItalic, b.FontItalicData = plan.FontItalic, nil
	}
	if _, ok := set["font_bold_italic"]; ok {
		b.FontBoldItalic, b.FontBoldItalicData = plan.FontBoldItalic, nil
	}
	return b
}

// WorkspaceFileName is the name of the workspace file that plans find in their folder
// or above.
const WorkspaceFileName = "kep.toml"

// WorkspaceFor returns the workspace of the plan at planPath (the file need not exist):
// the kep.toml found as LoadPlan finds it, checked, or the built-in defaults without one.
func (l *Loader) WorkspaceFor(planPath string) (*Workspace, Diagnostics) {
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
	ws    *Workspace
	diags Diagnostics
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
func (l *Loader) workspaceFor(path string) (*Workspace, Diagnostics) {
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
			ws := DefaultWorkspace()
			ws.Dir = dir
			return ws, Diagnostics{diag(file, 0, 0, "", false, "not used: %s is a folder anyone may write to, so this workspace file may not be yours; "+
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
func loadWorkspace(fsys FileSystem, file, home string) (*Workspace, Diagnostics) {
	ws := DefaultWorkspace()
	ws.Dir = home
	if real, err := fsys.EvalSymlinks(home); err == nil {
		ws.Dir = real
	}
	if file == "" {
		return ws, nil
	}
	ws.File, ws.invalid = file, true // the defaults stand in until the file passes every check
	// Checked before reading, as for plans: a huge file would be read whole first.
	if fi, err := fsys.Stat(file); err == nil && fi.Size() > MaxFileSize {
		return ws, Diagnostics{tooBig(file, fi.Size())}
	}
	src, err := fsys.ReadFile(file)
	if err != nil {
		return ws, Diagnostics{{File: file, Message: err.Error()}}
	}
	if len(src) > MaxFileSize {
		return ws, Diagnostics{tooBig(file, int64(len(src)))}
	}
	return decodeWorkspace(fsys, file, src, ws)
}

// decodeWorkspace checks the workspace file's bytes; on errors it returns fallback.
func decodeWorkspace(fsys FileSystem, file string, src []byte, fallback *Workspace) (*Workspace, Diagnostics) {
	ws, diags := decodeWorkspaceFile(fsys, file, src, fallback)
	ws.statedLang = statedLang(src)
	return ws, withLang(hideText(fsys, file, src, diags), file, ws.statedLang)
}

func decodeWorkspaceFile(fsys FileSystem, file string, src []byte, fallback *Workspace) (*Workspace, Diagnostics) {
	ws := fallback
	d, diags := decodeRaw(file, src)
	if d == nil {
		return ws, diags
	}
	diags = append(diags, walk(d, workspaceSchema(), d.raw, "")...)
	if diags.HasErrors() {
		return ws, diags
	}
	w := &Workspace{}
	if err := d.into(w); err != nil {
		return ws, append(diags, tomlDiag(file, err))
	}
	w.File, w.Dir = file, ws.Dir
	givenClasses := w.Visits.Classes
	w.fillDefaults(d.raw)
	raw, _ := d.raw["brand"].(map[string]any)
	diags = append(diags, loadAssets(fsys, d, &w.Brand, raw, filepath.Dir(file), w.Dir)...)
	diags = append(diags, validateWorkspace(d, w, givenClasses)...)
	if diags.HasErrors() {
		return ws, diags
	}
	return w, diags
}
