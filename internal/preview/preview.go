// Package preview is kep serve's live preview: an HTTP server on loopback that renders
// each plan as HTML (and PDF on request), watches the plan, its workspace and its brand
// files, and reloads the page through an event stream when one changes. cmd/kep parses
// the flags and listens; the pipeline (load, figures, writers) is passed in.
package preview

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"fmt"
	"html/template"
	"io"
	"log"
	"net"
	"net/netip"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/kepdev/kep/internal/httpd"
	"github.com/kepdev/kep/locale"
	"github.com/kepdev/kep/plan"
	"github.com/kepdev/kep/plan/figures"
	"github.com/kepdev/kep/plan/load"
)

// PollInterval is how often the watched files' modification times are read: short
// enough to feel instant after a save, cheap enough (a few stat calls) to not matter.
const PollInterval = 300 * time.Millisecond

// Pipeline is what the preview does with a plan: load and check it, derive its figures,
// write its documents. The real one is the program's; tests substitute parts.
type Pipeline struct {
	// Load loads and checks a plan and derives its figures (nil when it has errors).
	Load func(path string, now time.Time) (*plan.Plan, *figures.Figures, plan.Diagnostics)
	HTML func(w io.Writer, p *plan.Plan, f *figures.Figures, now time.Time) error
	PDF  func(w io.Writer, p *plan.Plan, f *figures.Figures, now time.Time) error
}

// Server is the preview's state: the plans given on the command line, in that order, and
// the event-stream subscribers that wait for a change.
type Server struct {
	plans      []*previewPlan
	pipe       Pipeline
	log        *log.Logger
	now        func() time.Time
	instance   string          // distinguishes this server's versions from a previous run's
	allowHosts map[string]bool // host names answered besides the loopback ones (normalHost)
	limits     Limits

	mu      sync.Mutex
	subs    map[chan struct{}]struct{}
	refused map[string]bool // host names already logged as refused
	done    chan struct{}   // closed at shutdown: event streams end
	shut    sync.Once
}

// previewPlan is one plan file with the files it depends on and its latest rendering.
type previewPlan struct {
	path string

	mu   sync.Mutex
	gen  uint64             // bumped whenever a watched file changes
	sigs map[string]fileSig // watched file → what it looked like at the last poll
	res  *planResult        // the rendering of generation res.gen

	renderMu sync.Mutex // one rendering of this plan at a time
}

// planResult is one generation of a plan: loaded, checked and rendered (or not).
type planResult struct {
	gen     uint64
	plan    *plan.Plan
	diags   plan.Diagnostics
	sources map[string][]string // file → lines, to quote the lines that errors name
	figs    *figures.Figures
	html    []byte // the document; nil when the plan has errors or rendering failed
	bodyEnd int    // where in html the reload script goes (before the last </body>)
	err     error  // a failure of the program while rendering

	pdf    []byte // made on the first request for it
	pdfErr error
}

// fileSig is what the watcher compares: a save changes the modification time or the size.
type fileSig struct {
	exists bool
	size   int64
	mod    int64
}

func statSig(path string) fileSig {
	st, err := os.Stat(path)
	if err != nil {
		return fileSig{}
	}
	return fileSig{exists: true, size: st.Size(), mod: st.ModTime().UnixNano()}
}

// New makes the preview of files (plan paths, in the order given) rendered by pipe;
// it logs to logw.
func New(files []string, pipe Pipeline, logw io.Writer) *Server {
	var nonce [6]byte
	_, _ = rand.Read(nonce[:])
	pv := &Server{
		pipe:     pipe,
		log:      log.New(logw, "kep serve: ", 0),
		now:      func() time.Time { return time.Now().UTC().Truncate(time.Second) },
		instance: base64.RawURLEncoding.EncodeToString(nonce[:]),
		limits:   DefaultLimits,
		subs:     map[chan struct{}]struct{}{},
		refused:  map[string]bool{},
		done:     make(chan struct{}),
	}
	for _, f := range files {
		p := &previewPlan{path: f, sigs: map[string]fileSig{}}
		// Before the first load only the plan and a workspace beside it are known.
		for _, w := range []string{f, filepath.Join(filepath.Dir(f), "kep.toml")} {
			p.sigs[w] = statSig(w)
		}
		pv.plans = append(pv.plans, p)
	}
	return pv
}

// Limits keep clients from exhausting the machine: an event stream or a connection
// holds a file descriptor, a slow client a goroutine.
type Limits struct {
	Streams     int           // event streams open at once; a further one gets 503
	Conns       int           // connections at once; an idle one makes way, else a further one waits
	ReadHeader  time.Duration // to send a request's headers (slowloris)
	Read        time.Duration // to send a whole request
	Write       time.Duration // to take a whole response, from the end of the request
	StreamWrite time.Duration // to take one message of an event stream
	Idle        time.Duration // a keep-alive connection waits this long for its next request
}

// DefaultLimits: a preview has a few tabs open, so the limits are far above what one
// user needs, and far below the usual 1024 file descriptors of a process.
var DefaultLimits = Limits{
	Streams:     64,
	Conns:       256,
	ReadHeader:  10 * time.Second,
	Read:        30 * time.Second,
	Write:       2 * time.Minute, // a first PDF of a big plan is rendered within it
	StreamWrite: 30 * time.Second,
	Idle:        60 * time.Second,
}

// serve runs the watcher and the HTTP server on ln until ctx is done, then shuts down.
func (pv *Server) serve(ctx context.Context, ln net.Listener) error {
	watchCtx, cancel := context.WithCancel(ctx)
	defer cancel()
	go pv.watch(watchCtx, PollInterval)
	return pv.serveRequests(ctx, ln)
}

// serveRequests runs the HTTP server (internal/httpd: net/http would cost every kep
// command its start-up) on ln until ctx is done, then shuts down: the event streams end
// first, then active requests have 5 s to finish.
func (pv *Server) serveRequests(ctx context.Context, ln net.Listener) error {
	lim := pv.limits
	srv := &httpd.Server{
		Handler:           pv.handle,
		ReadHeaderTimeout: lim.ReadHeader,
		ReadTimeout:       lim.Read,
		WriteTimeout:      lim.Write,
		IdleTimeout:       lim.Idle,
		MaxHeaderBytes:    64 << 10,
		MaxConns:          lim.Conns,
		ErrorLog:          pv.log,
	}
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		pv.close()
		return err
	case <-ctx.Done():
	}
	pv.close() // event streams return, so Shutdown does not wait for them
	sctx, scancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer scancel()
	if err := srv.Shutdown(sctx); err != nil {
		// Shutdown has closed what was left: a response to a client that does not read
		// it (held up to lim.Write) or a slow render. Stopping still succeeded; any local
		// process could otherwise turn a Ctrl-C into exit status 2.
		pv.log.Print("stopped with requests still being answered; their connections were closed")
	}
	if err := <-errc; err != nil && !errors.Is(err, httpd.ErrServerClosed) {
		return err
	}
	return nil
}

// close ends every event stream; safe to call more than once.
func (pv *Server) close() { pv.shut.Do(func() { close(pv.done) }) }

// watch polls the watched files' signatures and wakes the event streams on a change. Where
// the system reports file events (Linux), an event in a watched folder starts a poll at
// once, after the writes have settled (settleTime), so a save shows without waiting for
// the next tick; the ticker stays as the fallback (a folder on a network file system
// sends no events).
func (pv *Server) watch(ctx context.Context, every time.Duration) {
	var events <-chan struct{}
	w, err := newDirWatcher()
	if err == nil {
		defer w.close()
		pv.watchDirs(w)
		events = w.events()
	}
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-pv.done:
			return
		case <-t.C:
		case _, ok := <-events:
			if !ok { // the watcher failed: polling goes on
				events = nil
				continue
			}
			settle(events)
		}
		if pv.poll() {
			pv.notify()
		}
		if w != nil {
			pv.watchDirs(w) // a plan's first load names its workspace and assets
		}
	}
}

// settleTime is how long a folder must be quiet before a poll: an editor's save is
// several writes (or a write and a rename) within a millisecond or two.
const (
	settleTime    = 5 * time.Millisecond
	settleTimeMax = 50 * time.Millisecond
)

// settle waits until no event came for settleTime, or settleTimeMax at most.
func settle(events <-chan struct{}) {
	deadline := time.After(settleTimeMax)
	for {
		select {
		case _, ok := <-events:
			if !ok {
				return
			}
		case <-time.After(settleTime):
			return
		case <-deadline:
			return
		}
	}
}

// watchDirs gives the watcher the folder of every watched file.
func (pv *Server) watchDirs(w dirWatcher) {
	for _, p := range pv.plans {
		p.mu.Lock()
		dirs := make([]string, 0, len(p.sigs))
		for f := range p.sigs {
			dirs = append(dirs, filepath.Dir(f))
		}
		p.mu.Unlock()
		for _, d := range dirs {
			w.add(d)
		}
	}
}

// poll compares every watched file with its last signature and bumps the generation of
// each plan that changed. It reports whether any did.
func (pv *Server) poll() bool {
	changed := false
	for _, p := range pv.plans {
		p.mu.Lock()
		paths := make([]string, 0, len(p.sigs))
		for f := range p.sigs {
			paths = append(paths, f)
		}
		p.mu.Unlock()

		now := make(map[string]fileSig, len(paths))
		for _, f := range paths {
			now[f] = statSig(f)
		}

		p.mu.Lock()
		bump := false
		for f, sig := range now {
			if old, ok := p.sigs[f]; ok && old != sig {
				bump = true
			}
			p.sigs[f] = sig
		}
		if bump {
			p.gen++
			changed = true
		}
		p.mu.Unlock()
	}
	return changed
}

func (pv *Server) notify() {
	pv.mu.Lock()
	defer pv.mu.Unlock()
	for ch := range pv.subs {
		select {
		case ch <- struct{}{}:
		default: // already woken; it reads the newest version anyway
		}
	}
}

// subscribe registers an event stream; ok is false when limits.Streams are open already.
func (pv *Server) subscribe() (ch chan struct{}, unsubscribe func(), ok bool) {
	ch = make(chan struct{}, 1)
	pv.mu.Lock()
	defer pv.mu.Unlock()
	if len(pv.subs) >= pv.limits.Streams {
		return nil, nil, false
	}
	pv.subs[ch] = struct{}{}
	return ch, func() {
		pv.mu.Lock()
		delete(pv.subs, ch)
		pv.mu.Unlock()
	}, true
}

// version names what a page shows: plan n's generation, or with n == -1 all of them (the
// index). A page reloads when the version the server announces differs from its own.
func (pv *Server) version(n int) string {
	var sum uint64
	for i, p := range pv.plans {
		if n >= 0 && i != n {
			continue
		}
		p.mu.Lock()
		sum += p.gen
		p.mu.Unlock()
	}
	return pv.instance + "." + strconv.FormatUint(sum, 10)
}

// result returns the rendering of the plan's current generation, making it if needed.
func (pv *Server) result(p *previewPlan) *planResult {
	p.renderMu.Lock()
	defer p.renderMu.Unlock()
	p.mu.Lock()
	gen, res := p.gen, p.res
	p.mu.Unlock()
	if res != nil && res.gen == gen {
		return res
	}
	res = pv.build(p.path, gen)

	p.mu.Lock()
	p.res = res
	for _, f := range dependencies(p.path, res.plan) {
		if _, ok := p.sigs[f]; !ok {
			p.sigs[f] = statSig(f)
		}
	}
	p.mu.Unlock()
	return res
}

// build loads, checks and renders one plan; a panic anywhere in the pipeline becomes an
// error shown in the page instead of a dead server.
func (pv *Server) build(path string, gen uint64) (res *planResult) {
	res = &planResult{gen: gen}
	defer func() {
		if r := recover(); r != nil {
			res.html = nil
			res.err = fmt.Errorf("internal error while rendering %s: %v", path, r)
			pv.log.Print(res.err)
		}
	}()
	now := pv.now()
	res.plan, res.figs, res.diags = pv.pipe.Load(path, now)
	// Warnings the plan accepts on purpose ([[accepted]]) are not shown, as kep validate
	// does not print them; the document's appendix lists them.
	res.diags = res.diags.Unaccepted()
	res.diags.Sort()
	res.sources = quotedSources(res.diags)
	if res.plan == nil || res.diags.HasErrors() {
		// The terminal says so too, for whoever has it next to the editor.
		for _, d := range res.diags {
			if !d.Warning {
				pv.log.Print(d.StringIn(locale.MsgLang(d.Lang)))
			}
		}
		return res
	}
	var buf bytes.Buffer
	if err := pv.pipe.HTML(&buf, res.plan, res.figs, now); err != nil {
		res.err = fmt.Errorf("render %s: %w", path, err)
		return res
	}
	res.html = buf.Bytes()
	res.bodyEnd = bodyEnd(res.html)
	return res
}

// pdfOf makes (once per generation) the PDF of a checked plan.
func (pv *Server) pdfOf(p *previewPlan, res *planResult) (pdf []byte, err error) {
	p.renderMu.Lock()
	defer p.renderMu.Unlock()
	if res.pdf != nil || res.pdfErr != nil {
		return res.pdf, res.pdfErr
	}
	defer func() {
		if r := recover(); r != nil {
			res.pdfErr = fmt.Errorf("internal error while rendering the PDF of %s: %v", p.path, r)
			pv.log.Print(res.pdfErr)
			pdf, err = nil, res.pdfErr
		}
	}()
	var buf bytes.Buffer
	if err := pv.pipe.PDF(&buf, res.plan, res.figs, pv.now()); err != nil {
		res.pdfErr = fmt.Errorf("render pdf of %s: %w", p.path, err)
		return nil, res.pdfErr
	}
	res.pdf = buf.Bytes()
	return res.pdf, nil
}

// dependencies lists the files a plan's rendering depends on: the plan, its workspace
// file (or where one would be found first) and the brand's assets. An asset path is
// relative to the file that names it, and the merged brand no longer says which one did,
// so both candidates are watched; watching a file that does not exist costs one stat.
func dependencies(path string, p *plan.Plan) []string {
	deps := []string{path, filepath.Join(filepath.Dir(path), "kep.toml")}
	if p == nil {
		return deps
	}
	dirs := []string{filepath.Dir(path)}
	if ws := p.Workspace; ws != nil && ws.File != "" {
		deps = append(deps, ws.File)
		dirs = append(dirs, filepath.Dir(ws.File))
	}
	for _, asset := range []string{p.Brand.Logo, p.Brand.Font, p.Brand.FontBold, p.Brand.FontItalic, p.Brand.FontBoldItalic, p.Brand.FontFallback} {
		switch {
		case asset == "":
		case filepath.IsAbs(asset):
			deps = append(deps, asset)
		default:
			for _, d := range dirs {
				deps = append(deps, filepath.Join(d, filepath.FromSlash(asset)))
			}
		}
	}
	return deps
}

// quotedSources reads the files that errors point into, so that the error page can show
// the offending line. Only files the loader itself named are read, and none it marked
// NoSource (not named .toml: perhaps a link to a secret).
func quotedSources(ds plan.Diagnostics) map[string][]string {
	src := map[string][]string{}
	for _, d := range ds {
		if d.Line <= 0 || d.File == "" || d.NoSource {
			continue
		}
		if _, ok := src[d.File]; ok {
			continue
		}
		b, err := load.OSFileSystem(nil).ReadFile(d.File) // not a named pipe swapped in since
		if err != nil {
			src[d.File] = nil
			continue
		}
		src[d.File] = strings.Split(strings.ReplaceAll(string(b), "\r\n", "\n"), "\n")
	}
	return src
}

// handle serves fixed routes only: the index, each plan's HTML and PDF by number, and
// the event streams. Nothing is looked up by a path from the request. A path that is not
// clean ("//", dot segments, percent-encoding) matches no route and gets 404 (net/http's
// ServeMux redirected it to the clean path, or decoded it).
func (pv *Server) handle(w *httpd.ResponseWriter, r *httpd.Request) {
	h := w.Header()
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Referrer-Policy", "no-referrer")
	h.Set("Cache-Control", "no-store")
	// A page on the web must not reach the preview through a host name of its own
	// that resolves to this machine (DNS rebinding): plans are confidential. This
	// holds on every address, not only on loopback.
	if host := NormalHost(r.Host); !loopbackHost(host) && !pv.allowHosts[host] {
		pv.refuseHost(w, host)
		return
	}
	var serve func(*httpd.ResponseWriter, *httpd.Request, string)
	arg := ""
	if r.Path == "/" {
		serve = pv.serveIndex
	} else if n, ok := strings.CutPrefix(r.Path, "/plan/"); ok && n != "" && !strings.Contains(n, "/") {
		serve, arg = pv.servePlan, n
	} else if n, ok := strings.CutPrefix(r.Path, "/events/"); ok && n != "" && !strings.Contains(n, "/") {
		serve, arg = pv.serveEvents, n
	} else {
		httpd.NotFound(w)
		return
	}
	if r.Method != "GET" && r.Method != "HEAD" { // as ServeMux answered for a route of GET only
		h.Set("Allow", "GET, HEAD")
		httpd.Error(w, "Method Not Allowed", 405)
		return
	}
	serve(w, r, arg)
}

// refuseHost answers a request for a host name that is not allowed, saying how to allow
// it; the terminal hears of each such name once.
func (pv *Server) refuseHost(w *httpd.ResponseWriter, host string) {
	if len(host) > 100 || !printableASCII(host) {
		host = "" // an odd Host header is not repeated
	}
	lang := locale.MsgLang("")
	msg := pageText(lang, "kep serve answers only requests addressed to localhost or to a name given with --allow-host")
	if host != "" {
		msg = pageText(lang, "kep serve answers only requests addressed to localhost or to a name given with --allow-host; to open it as %s, restart kep serve with --allow-host %s", host, host)
	}
	httpd.Error(w, msg, 421) // Misdirected Request
	pv.mu.Lock()
	first := host != "" && !pv.refused[host] && len(pv.refused) < 20
	if first {
		pv.refused[host] = true
	}
	pv.mu.Unlock()
	if first {
		pv.log.Print(pageText(locale.MsgLang(""), "refused a request addressed to %s (to allow it: --allow-host %s)", host, host))
	}
}

func printableASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] <= ' ' || s[i] > '~' {
			return false
		}
	}
	return true
}

// NormalHost is the host name of a Host header or an --allow-host value, for comparing:
// without port, brackets and a final dot, in lower case, an IP address in its usual form.
func NormalHost(hostport string) string {
	host, _, err := net.SplitHostPort(hostport)
	if err != nil {
		host = hostport
	}
	host = strings.ToLower(strings.TrimSuffix(strings.TrimSuffix(strings.TrimPrefix(host, "["), "]"), "."))
	if ip, err := netip.ParseAddr(host); err == nil {
		return ip.Unmap().String()
	}
	return host
}

// loopbackHost reports whether a normalised host name can only mean this machine.
func loopbackHost(host string) bool {
	if host == "localhost" || strings.HasSuffix(host, ".localhost") {
		return true
	}
	ip, err := netip.ParseAddr(host)
	return err == nil && ip.IsLoopback()
}

// planIndex parses a plan number as shown in URLs: 1 to the number of plans, digits only.
func (pv *Server) planIndex(s string) (int, bool) {
	if s == "" || len(s) > 6 || s[0] == '0' {
		return 0, false
	}
	for _, c := range s {
		if c < '0' || c > '9' {
			return 0, false
		}
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < 1 || n > len(pv.plans) {
		return 0, false
	}
	return n - 1, true
}

func (pv *Server) servePlan(w *httpd.ResponseWriter, r *httpd.Request, seg string) {
	num, wantPDF := strings.CutSuffix(seg, ".pdf")
	i, ok := pv.planIndex(num)
	if !ok {
		httpd.NotFound(w)
		return
	}
	p := pv.plans[i]
	version := pv.version(i) // before rendering: a change during it triggers a reload
	res := pv.result(p)
	if wantPDF {
		pv.servePDF(w, p, res, i)
		return
	}
	nonce := newNonce()
	setPageCSP(w, nonce)
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	script := reloadScript(nonce, "/events/"+strconv.Itoa(i+1), version)
	if res.html == nil {
		w.WriteHeader(200) // the page itself is fine: it shows the errors
		pv.writeProblemPage(w, p, res, script)
		return
	}
	// The document is shared by every request for this version, never copied per request.
	_, _ = w.WriteShared(res.html[:res.bodyEnd])
	_, _ = w.WriteString(script)
	_, _ = w.WriteShared(res.html[res.bodyEnd:])
}

func (pv *Server) servePDF(w *httpd.ResponseWriter, p *previewPlan, res *planResult, i int) {
	if res.html == nil {
		nonce := newNonce()
		setPageCSP(w, nonce)
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.WriteHeader(422) // Unprocessable Entity
		pv.writeProblemPage(w, p, res, "")
		return
	}
	pdf, err := pv.pdfOf(p, res)
	if err != nil {
		httpd.Error(w, err.Error(), 500)
		return
	}
	name := strings.TrimSuffix(filepath.Base(p.path), filepath.Ext(p.path)) + ".pdf"
	w.Header().Set("Content-Type", "application/pdf")
	w.Header().Set("Content-Disposition", contentDisposition(name))
	_, _ = w.WriteShared(pdf) // shared like the page
}

// contentDisposition names the download: an ASCII fallback and the UTF-8 name (RFC 6266).
func contentDisposition(name string) string {
	ascii := make([]rune, 0, len(name))
	for _, c := range name {
		if c < 0x20 || c > 0x7e || c == '"' || c == '\\' {
			c = '_'
		}
		ascii = append(ascii, c)
	}
	var enc strings.Builder
	for _, b := range []byte(name) {
		if ('a' <= b && b <= 'z') || ('A' <= b && b <= 'Z') || ('0' <= b && b <= '9') || strings.IndexByte("-._~", b) >= 0 {
			enc.WriteByte(b)
		} else {
			fmt.Fprintf(&enc, "%%%02X", b)
		}
	}
	return fmt.Sprintf(`attachment; filename="%s"; filename*=UTF-8''%s`, string(ascii), enc.String())
}

// serveEvents streams the version of plan n (or of all plans for "all") as server-sent
// events: once at once, then after every change, until the client leaves or the server
// shuts down.
func (pv *Server) serveEvents(w *httpd.ResponseWriter, r *httpd.Request, s string) {
	which := -1
	if s != "all" {
		i, ok := pv.planIndex(s)
		if !ok {
			httpd.NotFound(w)
			return
		}
		which = i
	}
	ch, unsubscribe, ok := pv.subscribe()
	if !ok {
		// The page still works; it only does not reload by itself.
		w.Header().Set("Retry-After", "10")
		httpd.Error(w, pageText(locale.MsgLang(""), "kep serve: %d pages reload live already; close some preview tabs", pv.limits.Streams),
			503) // Service Unavailable
		return
	}
	defer unsubscribe()

	// A stream lasts as long as its page is open: the server's write timeout counts from
	// the request, so each message gets its own deadline instead, and a client that
	// stops reading is dropped. (Reading, the server waits without a deadline.)
	write := func(msg string) bool {
		_ = w.SetWriteDeadline(time.Now().Add(pv.limits.StreamWrite))
		if _, err := w.WriteString(msg); err != nil {
			return false
		}
		return w.Flush() == nil
	}
	w.Header().Set("Content-Type", "text/event-stream")
	last := ""
	send := func() bool {
		v := pv.version(which)
		if v == last {
			return true
		}
		last = v
		return write("retry: 1000\nevent: version\ndata: " + v + "\n\n")
	}
	if !send() {
		return
	}
	keepalive := time.NewTicker(20 * time.Second)
	defer keepalive.Stop()
	for {
		select {
		case <-w.Gone(): // the client closed the connection: the stream's place is free
			return
		case <-pv.done:
			return
		case <-ch:
			if !send() {
				return
			}
		case <-keepalive.C:
			if !write(": keepalive\n\n") {
				return
			}
		}
	}
}

func newNonce() string {
	var b [16]byte
	_, _ = rand.Read(b[:])
	return hex.EncodeToString(b[:])
}

// setPageCSP allows what a self-contained document needs (inline styles, data: images and
// fonts) plus exactly one script, the reload script, by its nonce.
func setPageCSP(w *httpd.ResponseWriter, nonce string) {
	w.Header().Set("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; "+
		"img-src data:; font-src data:; connect-src 'self'; script-src 'nonce-"+nonce+"'; "+
		"base-uri 'none'; form-action 'none'; frame-ancestors 'none'")
}

// reloadScript is the only script of the preview: it reloads the page when the server
// announces a version other than the one the page was made from.
func reloadScript(nonce, events, version string) string {
	var b strings.Builder
	_ = reloadTmpl().Execute(&b, map[string]string{"Nonce": nonce, "Events": events, "Version": version})
	return b.String()
}

// The pages' templates are parsed on first use: kep commands that serve nothing do
// not pay for them at start-up.
var reloadTmpl = sync.OnceValue(func() *template.Template {
	return template.Must(template.New("reload").Parse(
		`<script nonce="{{.Nonce}}">(function(){var v={{.Version}};` +
			`var es=new EventSource({{.Events}});` +
			`es.addEventListener("version",function(e){if(e.data!==v){es.close();location.reload();}});})();</script>`))
})

// bodyEnd is where the reload script goes: before the last </body>, or at the end.
func bodyEnd(doc []byte) int {
	if i := bytes.LastIndex(bytes.ToLower(doc), []byte("</body>")); i >= 0 {
		return i
	}
	return len(doc)
}

type problemLine struct {
	Where   string // file:line:col
	Path    string
	Message string
	Source  string // the offending line of the file, if known
	Warning bool
}

func (pv *Server) writeProblemPage(w io.Writer, p *previewPlan, res *planResult, script string) {
	data := struct {
		Lang     string
		File     string
		Errors   []problemLine
		Warnings []problemLine
		Failure  string
		Script   template.HTML
	}{Lang: locale.MsgLang(""), File: p.path, Script: template.HTML(script)}
	for _, d := range res.diags {
		if d.File == p.path && d.Lang != "" {
			data.Lang = locale.MsgLang(d.Lang) // the page about a plan speaks the plan's language
			break
		}
	}
	for _, d := range res.diags {
		where := d.File
		if d.Line > 0 {
			col := max(d.Col, 1)
			where = fmt.Sprintf("%s:%d:%d", d.File, d.Line, col)
		}
		pl := problemLine{Where: where, Path: d.Path, Message: d.Text(data.Lang), Warning: d.Warning}
		if lines := res.sources[d.File]; d.Line > 0 && d.Line <= len(lines) {
			pl.Source = excerpt(lines[d.Line-1], d.Col)
		}
		if d.Warning {
			data.Warnings = append(data.Warnings, pl)
		} else {
			data.Errors = append(data.Errors, pl)
		}
	}
	if res.err != nil {
		data.Failure = res.err.Error()
	}
	if err := problemTmpl().Execute(w, data); err != nil {
		pv.log.Printf("error page: %v", err)
	}
}

// excerpt is what the error page quotes of a line: all of it, or of a long line the
// piece around col (1-based; 0: the start). A plan may hold 1,000 errors on one line of
// 2 MiB: quoted whole, that was a 2 GB page on every request.
func excerpt(line string, col int) string {
	const before, after = 80, 160
	if len(line) <= before+after {
		return line
	}
	at := min(max(col-1, 0), len(line))
	from, to := max(at-before, 0), min(at+after, len(line))
	for from > 0 && !utf8.RuneStart(line[from]) {
		from--
	}
	for to < len(line) && !utf8.RuneStart(line[to]) {
		to++
	}
	out := line[from:to]
	if from > 0 {
		out = "…" + out
	}
	if to < len(line) {
		out += "…"
	}
	return out
}

// The pages' words are in the reader's language: {{t $.Lang FORMAT args…}} translates as
// pageText does (TestMsgCatalogues finds them in the templates).
var pageFuncs = template.FuncMap{"t": pageText}

// pageText is format with args in lang, from locale's catalogues.
func pageText(lang, format string, args ...any) string {
	return locale.Msgf(format, args...).In(lang)
}

var problemTmpl = sync.OnceValue(func() *template.Template {
	return template.Must(template.New("problems").Funcs(pageFuncs).Parse(`<!DOCTYPE html>
<html lang="{{.Lang}}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{if .Errors}}{{t $.Lang "%d error(s)" (len .Errors)}}{{else}}{{t $.Lang "Problem"}}{{end}} – {{.File}}</title>
<style>` + previewCSS + `
.problem li { margin: .6rem 0; }
.problem code.where { font-weight: bold; }
.problem pre { background: #f6f6f6; border-left: 3px solid #b00020; padding: .3rem .6rem; margin: .3rem 0 0; overflow-x: auto; }
.warnings pre { border-left-color: #b26a00; }
</style>
</head>
<body>
<main>
<h1>{{.File}}</h1>
{{if .Errors}}<section class="problem errors" id="errors">
<h2>{{t $.Lang "%d error(s): the document is not rendered" (len .Errors)}}</h2>
<p>{{t $.Lang "Fix the plan and save: this page reloads by itself."}}</p>
<ol>{{range .Errors}}
<li><code class="where">{{.Where}}</code>: {{if .Path}}<code>{{.Path}}</code>: {{end}}{{.Message}}{{if .Source}}
<pre>{{.Source}}</pre>{{end}}</li>{{end}}
</ol>
</section>{{end}}
{{if .Failure}}<section class="problem errors" id="failure">
<h2>{{t $.Lang "The document could not be rendered"}}</h2>
<pre>{{.Failure}}</pre>
</section>{{end}}
{{if .Warnings}}<section class="problem warnings" id="warnings">
<h2>{{t $.Lang "%d warning(s)" (len .Warnings)}}</h2>
<ol>{{range .Warnings}}
<li><code class="where">{{.Where}}</code>: {{if .Path}}<code>{{.Path}}</code>: {{end}}{{.Message}}{{if .Source}}
<pre>{{.Source}}</pre>{{end}}</li>{{end}}
</ol>
</section>{{end}}
<p><a href="/">{{t $.Lang "All plans"}}</a></p>
</main>
{{.Script}}
</body>
</html>
`))
})

const previewCSS = `
body { font: 16px/1.45 system-ui, sans-serif; color: #1b1b1b; margin: 0; }
main { max-width: 60rem; margin: 0 auto; padding: 1rem 1.25rem 3rem; }
h1 { font-size: 1.4rem; word-break: break-all; }
h2 { font-size: 1.15rem; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; padding: .4rem .5rem; border-bottom: 1px solid #ddd; vertical-align: top; }
.ok { color: #1e6b2a; } .err { color: #b00020; } .warn { color: #8a5300; }
details { display: inline; } details[open] { display: block; } summary { cursor: pointer; }
details ul { margin: .4rem 0 0; padding-left: 1.1rem; font-size: .85rem; }
`

func (pv *Server) serveIndex(w *httpd.ResponseWriter, r *httpd.Request, _ string) {
	type row struct {
		N       int
		File    string
		Account string
		Errors  int
		Warns   []string // file:line:col: key: message, for the list under the row
		Failed  bool
	}
	version := pv.version(-1)
	rows := make([]row, len(pv.plans))
	for i, p := range pv.plans {
		res := pv.result(p)
		rw := row{N: i + 1, File: p.path, Failed: res.err != nil}
		if res.plan != nil {
			rw.Account = res.plan.Meta.Account
		}
		for _, d := range res.diags {
			if d.Warning {
				rw.Warns = append(rw.Warns, d.StringIn(locale.MsgLang(d.Lang)))
			} else {
				rw.Errors++
			}
		}
		rows[i] = rw
	}
	nonce := newNonce()
	setPageCSP(w, nonce)
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	err := indexTmpl().Execute(w, struct {
		Lang   string
		Rows   []row
		Script template.HTML
	}{locale.MsgLang(""), rows, template.HTML(reloadScript(nonce, "/events/all", version))})
	if err != nil {
		pv.log.Printf("index page: %v", err)
	}
}

var indexTmpl = sync.OnceValue(func() *template.Template {
	return template.Must(template.New("index").Funcs(pageFuncs).Parse(`<!DOCTYPE html>
<html lang="{{.Lang}}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{t $.Lang "kep preview"}}</title>
<style>` + previewCSS + `</style>
</head>
<body>
<main>
<h1>{{t $.Lang "kep preview"}}</h1>
<p>{{t $.Lang "Each plan is rendered when you open it and again whenever you save it, its workspace file or a brand asset; open pages reload by themselves."}}</p>
<table>
<thead><tr><th scope="col">#</th><th scope="col">{{t $.Lang "Plan"}}</th><th scope="col">{{t $.Lang "File"}}</th><th scope="col">{{t $.Lang "Check"}}</th><th scope="col">PDF</th></tr></thead>
<tbody>{{range .Rows}}
<tr><td>{{.N}}</td><td><a href="/plan/{{.N}}">{{if .Account}}{{.Account}}{{else}}{{.File}}{{end}}</a></td><td><code>{{.File}}</code></td>
<td>{{if .Errors}}<span class="err">{{t $.Lang "%d error(s)" .Errors}}</span>{{else if .Failed}}<span class="err">{{t $.Lang "not rendered"}}</span>{{else}}<span class="ok">{{t $.Lang "valid"}}</span>{{end}}{{if .Warns}}, <details><summary class="warn">{{t $.Lang "%d warning(s)" (len .Warns)}}</summary><ul>{{range .Warns}}<li><code>{{.}}</code></li>{{end}}</ul></details>{{end}}</td>
<td>{{if or .Errors .Failed}}–{{else}}<a href="/plan/{{.N}}.pdf" download>PDF</a>{{end}}</td></tr>{{end}}
</tbody>
</table>
</main>
{{.Script}}
</body>
</html>
`))
})

// Serve runs the watcher and the HTTP server on ln until ctx is done, then shuts down.
func (pv *Server) Serve(ctx context.Context, ln net.Listener) error { return pv.serve(ctx, ln) }

// AllowHosts sets the host names answered besides the loopback ones (NormalHost form).
func (pv *Server) AllowHosts(names map[string]bool) { pv.allowHosts = names }

// ServeRequests is Serve without the watcher (tests run their own Watch).
func (pv *Server) ServeRequests(ctx context.Context, ln net.Listener) error {
	return pv.serveRequests(ctx, ln)
}

// SetLimits replaces DefaultLimits (tests reach the limits within a test's time).
func (pv *Server) SetLimits(l Limits) { pv.limits = l }

// Watch polls the plans' files every interval (and listens to file events where the
// system has them) until ctx is done; Serve runs it itself.
func (pv *Server) Watch(ctx context.Context, every time.Duration) { pv.watch(ctx, every) }

// Close ends the open event streams.
func (pv *Server) Close() { pv.close() }
