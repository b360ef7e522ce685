package main

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/kepdev/kep/internal/preview"
)

const minimalPlan = `format = 1

[plan]
account = "%s"
from = 2027-01-01
to = 2027-12-31
`

// writePlan writes a plan file and makes sure its modification time differs from the
// previous version's, as an editor's save would.
func writePlan(t *testing.T, path, content string) {
	t.Helper()
	var before time.Time
	if st, err := os.Stat(path); err == nil {
		before = st.ModTime()
	}
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	if st, err := os.Stat(path); err == nil && !st.ModTime().After(before) {
		later := before.Add(10 * time.Millisecond)
		if err := os.Chtimes(path, later, later); err != nil {
			t.Fatal(err)
		}
	}
}

// newTestPreview serves the given plan files in-process, polling every 20 ms.
func newTestPreview(t *testing.T, files ...string) (*preview.Server, *testServer) {
	t.Helper()
	pv := preview.New(files, defaultPipeline(), io.Discard)
	ts := startTestServer(t, pv)
	ctx, cancel := context.WithCancel(context.Background())
	go pv.Watch(ctx, 20*time.Millisecond)
	t.Cleanup(func() {
		cancel()
		pv.Close()
		ts.Close()
	})
	return pv, ts
}

// testServer is the preview's own server (internal/httpd) on a free loopback port, with
// the default limits, in place of httptest.Server: the handler is not a net/http one.
type testServer struct {
	URL    string
	cancel context.CancelFunc
	errc   chan error
	once   sync.Once
}

func startTestServer(t testing.TB, pv *preview.Server) *testServer {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	ts := &testServer{URL: "http://" + ln.Addr().String(), cancel: cancel, errc: make(chan error, 1)}
	go func() { ts.errc <- pv.ServeRequests(ctx, ln) }()
	t.Cleanup(func() {
		if err := ts.Close(); err != nil {
			t.Errorf("preview server: %v", err)
		}
	})
	return ts
}

// Close shuts the server down (it ends the preview's event streams) and waits for it.
func (ts *testServer) Close() error {
	var err error
	ts.once.Do(func() {
		ts.cancel()
		err = <-ts.errc
	})
	return err
}

// planDir makes a folder with a .git marker (so the loader stops looking for a workspace
// there) holding the given files.
func planDir(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	if err := os.Mkdir(filepath.Join(dir, ".git"), 0o755); err != nil {
		t.Fatal(err)
	}
	for name, content := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		writePlan(t, p, content)
	}
	return dir
}

func get(t *testing.T, url string) (*http.Response, string) {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp, string(b)
}

func TestServeIndexAndPlan(t *testing.T) {
	dir := planDir(t, map[string]string{
		"a.toml": fmt.Sprintf(minimalPlan, "Alpha & Söhne GmbH"),
		"b.toml": fmt.Sprintf(minimalPlan, "Beta AG"),
	})
	_, ts := newTestPreview(t, filepath.Join(dir, "a.toml"), filepath.Join(dir, "b.toml"))

	resp, body := get(t, ts.URL+"/")
	if resp.StatusCode != 200 {
		t.Fatalf("index: status %d\n%s", resp.StatusCode, body)
	}
	// The minimal plans leave building blocks empty: each warning is listed.
	for _, want := range []string{`href="/plan/1"`, `href="/plan/2"`, "Alpha &amp; Söhne GmbH", "Beta AG", `href="/plan/2.pdf"`, "/events/all", `<summary class="warn">`, "warning: "} {
		if !strings.Contains(body, want) {
			t.Errorf("index lacks %q", want)
		}
	}

	resp, body = get(t, ts.URL+"/plan/2")
	if resp.StatusCode != 200 || !strings.HasPrefix(resp.Header.Get("Content-Type"), "text/html") {
		t.Fatalf("plan: status %d, type %q", resp.StatusCode, resp.Header.Get("Content-Type"))
	}
	if !strings.Contains(body, "Beta AG") {
		t.Errorf("plan page does not show the account")
	}
	if n := strings.Count(body, "<script"); n != 1 {
		t.Errorf("plan page has %d scripts, want exactly the reload script", n)
	}
	if !regexp.MustCompile(`(?s)<script nonce="[^"]+">.*new EventSource\("/events/2"\).*</script>\s*</body>`).MatchString(body) {
		t.Errorf("reload script not injected before </body>:\n%s", tail(body, 600))
	}
	csp := resp.Header.Get("Content-Security-Policy")
	if !strings.Contains(csp, "script-src 'nonce-") || !strings.Contains(csp, "default-src 'none'") {
		t.Errorf("CSP %q", csp)
	}

	resp, body = get(t, ts.URL+"/plan/1.pdf")
	if resp.StatusCode != 200 || resp.Header.Get("Content-Type") != "application/pdf" || !strings.HasPrefix(body, "%PDF-") {
		t.Fatalf("pdf: status %d, type %q, starts %q", resp.StatusCode, resp.Header.Get("Content-Type"), head(body, 20))
	}
	if cd := resp.Header.Get("Content-Disposition"); !strings.Contains(cd, `filename="a.pdf"`) {
		t.Errorf("Content-Disposition %q", cd)
	}
}

func TestServeErrorPage(t *testing.T) {
	// A syntax error on a line full of markup: the page must quote it as text.
	bad := fmt.Sprintf(minimalPlan, "Gamma KG") + "\n[selection]\n\"<img src=x onerror=alert(1)>\" = = 1\n"
	// Errors found after decoding: a negative amount and an unknown key.
	invalid := fmt.Sprintf(minimalPlan, "Delta KG") + "\n[selection]\nrevenue = -5\nrevenu = 1\n"
	dir := planDir(t, map[string]string{"bad.toml": bad, "invalid.toml": invalid})
	plan := filepath.Join(dir, "bad.toml")
	_, ts := newTestPreview(t, plan, filepath.Join(dir, "invalid.toml"))

	resp, body := get(t, ts.URL+"/plan/1")
	if resp.StatusCode != 200 {
		t.Fatalf("status %d", resp.StatusCode)
	}
	if !strings.Contains(body, "error(s): the document is not rendered") {
		t.Fatalf("no error list in page:\n%s", body)
	}
	if !strings.Contains(body, plan+":9:") {
		t.Errorf("page lacks %s:9:", plan)
	}
	if strings.Contains(body, "<img") {
		t.Errorf("markup from the plan is not escaped:\n%s", body)
	}
	if !strings.Contains(body, "&lt;img src=x onerror=alert(1)&gt;") {
		t.Errorf("the offending line is not quoted escaped:\n%s", body)
	}
	if n := strings.Count(body, "<script"); n != 1 {
		t.Errorf("error page has %d scripts, want the reload script only", n)
	}
	resp, _ = get(t, ts.URL+"/plan/1.pdf")
	if resp.StatusCode != http.StatusUnprocessableEntity {
		t.Errorf("pdf of a plan with errors: status %d, want 422", resp.StatusCode)
	}
	_, index := get(t, ts.URL+"/")
	if !strings.Contains(index, "error(s)") {
		t.Errorf("index does not flag the errors")
	}

	_, body = get(t, ts.URL+"/plan/2")
	for _, want := range []string{":9:", ":10:", "selection.revenue", "selection.revenu"} {
		if !strings.Contains(body, want) {
			t.Errorf("page of invalid.toml lacks %q:\n%s", want, body)
		}
	}
}

func TestServeOnlyGivenPlans(t *testing.T) {
	dir := planDir(t, map[string]string{"a.toml": fmt.Sprintf(minimalPlan, "Alpha")})
	_, ts := newTestPreview(t, filepath.Join(dir, "a.toml"))
	paths := []string{
		"/plan/../../etc/passwd",
		"/plan/..%2f..%2fetc%2fpasswd",
		"/plan/%2e%2e/%2e%2e/etc/passwd",
		"/plan/..%252f..%252fetc%252fpasswd",
		"/plan/1/../../../etc/passwd",
		"/plan/1%2f..%2f..%2fetc%2fpasswd",
		"/plan/0", "/plan/2", "/plan/01", "/plan/-1", "/plan/+1", "/plan/1.html", "/plan/1.pdf.pdf",
		"/plan/", "/plan", "/events/0", "/events/..%2f1",
		"/etc/passwd", "/a.toml", "/" + filepath.Base(dir) + "/a.toml", "/static/", "/..%2f..%2fetc%2fpasswd",
		"//etc/passwd", "/plan/1?file=/etc/passwd&x=",
	}
	client := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	for _, p := range paths {
		req, err := http.NewRequest("GET", ts.URL+p, nil)
		if err != nil {
			t.Fatal(err)
		}
		req.URL.RawPath = "" // send the path bytes as written, encoded or not
		req.URL.Opaque = "//" + req.URL.Host + p
		resp, err := client.Do(req)
		if err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		body := string(b)
		if strings.Contains(body, "root:") {
			t.Errorf("%s: leaked /etc/passwd", p)
		}
		switch {
		case p == "/plan/1?file=/etc/passwd&x=":
			if resp.StatusCode != 200 || !strings.Contains(body, "Alpha") {
				t.Errorf("%s: status %d, want the plan", p, resp.StatusCode)
			}
		case resp.StatusCode/100 == 3:
			// The mux cleans dot segments by redirecting; the target must be no plan.
			loc := resp.Header.Get("Location")
			if strings.HasPrefix(loc, "/plan/") {
				t.Errorf("%s: redirects to %s", p, loc)
			}
		case resp.StatusCode != http.StatusNotFound:
			t.Errorf("%s: status %d, want 404", p, resp.StatusCode)
		}
	}

	req, _ := http.NewRequest("GET", ts.URL+"/plan/1", nil)
	req.Host = "attacker.example:8080"
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusMisdirectedRequest {
		t.Errorf("request for host attacker.example: status %d, want 421", resp.StatusCode)
	}
	resp, _ = get(t, strings.Replace(ts.URL, "127.0.0.1", "localhost", 1)+"/")
	if resp.StatusCode != 200 {
		t.Errorf("request for host localhost: status %d", resp.StatusCode)
	}
	resp, _ = get(t, ts.URL+"/plan/1")
	if resp.StatusCode != 200 {
		t.Errorf("POST-free plain GET: status %d", resp.StatusCode)
	}
	r2, err := http.Post(ts.URL+"/plan/1", "text/plain", strings.NewReader("x"))
	if err != nil {
		t.Fatal(err)
	}
	r2.Body.Close()
	if r2.StatusCode != http.StatusMethodNotAllowed {
		t.Errorf("POST: status %d, want 405", r2.StatusCode)
	}
}

// sseReader reads the data of "version" events from an event stream.
type sseReader struct {
	resp  *http.Response
	lines chan string
}

func openEvents(t *testing.T, ctx context.Context, url string) *sseReader {
	t.Helper()
	req, err := http.NewRequestWithContext(ctx, "GET", url, nil)
	if err != nil {
		t.Fatal(err)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	if ct := resp.Header.Get("Content-Type"); ct != "text/event-stream" {
		t.Fatalf("events: Content-Type %q", ct)
	}
	s := &sseReader{resp: resp, lines: make(chan string, 16)}
	go func() {
		defer close(s.lines)
		sc := bufio.NewScanner(resp.Body)
		for sc.Scan() {
			if v, ok := strings.CutPrefix(sc.Text(), "data: "); ok {
				s.lines <- v
			}
		}
	}()
	t.Cleanup(func() { resp.Body.Close() })
	return s
}

func (s *sseReader) next(t *testing.T, within time.Duration) (string, bool) {
	t.Helper()
	select {
	case v, ok := <-s.lines:
		return v, ok
	case <-time.After(within):
		t.Fatalf("no event within %v", within)
		return "", false
	}
}

func TestServeEventsOnChange(t *testing.T) {
	dir := planDir(t, map[string]string{"a.toml": fmt.Sprintf(minimalPlan, "Alpha")})
	plan := filepath.Join(dir, "a.toml")
	_, ts := newTestPreview(t, plan)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()

	_, body := get(t, ts.URL+"/plan/1")
	pageVersion := regexp.MustCompile(`var v="([^"]+)"`).FindStringSubmatch(body)
	if pageVersion == nil {
		t.Fatalf("no version in page")
	}
	ev := openEvents(t, ctx, ts.URL+"/events/1")
	all := openEvents(t, ctx, ts.URL+"/events/all")
	v1, _ := ev.next(t, 10*time.Second)
	if v1 != pageVersion[1] {
		t.Fatalf("first event %q, page version %q: the page would reload for nothing", v1, pageVersion[1])
	}
	a1, _ := all.next(t, 10*time.Second)

	writePlan(t, plan, fmt.Sprintf(minimalPlan, "Alpha Zwei"))
	v2, _ := ev.next(t, 10*time.Second)
	if v2 == v1 {
		t.Fatalf("event after the change repeats version %q", v2)
	}
	if a2, _ := all.next(t, 10*time.Second); a2 == a1 {
		t.Fatalf("index event after the change repeats version %q", a2)
	}
	if _, body := get(t, ts.URL+"/plan/1"); !strings.Contains(body, "Alpha Zwei") || strings.Contains(body, `"`+v1+`"`) {
		t.Fatalf("page after the change is stale or still has version %q", v1)
	}

	// A change of the workspace file beside the plan reloads too, also one that appears.
	writePlan(t, filepath.Join(dir, "kep.toml"), "lang = \"en\"\n")
	if v3, _ := ev.next(t, 10*time.Second); v3 == v2 {
		t.Fatalf("no new version after the workspace file appeared")
	}
}

func TestServeAssetChange(t *testing.T) {
	logo, err := os.ReadFile("../../samples/assets/logo.png")
	if err != nil {
		t.Skip("sample logo missing:", err)
	}
	dir := planDir(t, map[string]string{
		"kep.toml":           "[brand]\nlogo = \"assets/logo.png\"\n",
		"assets/logo.png":    string(logo),
		"accounts/acme.toml": fmt.Sprintf(minimalPlan, "Acme"),
	})
	plan := filepath.Join(dir, "accounts", "acme.toml")
	_, ts := newTestPreview(t, plan)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	if resp, body := get(t, ts.URL+"/plan/1"); resp.StatusCode != 200 || strings.Contains(body, "error(s)") {
		t.Fatalf("plan with workspace and logo: status %d\n%s", resp.StatusCode, body)
	}
	ev := openEvents(t, ctx, ts.URL+"/events/1")
	v1, _ := ev.next(t, 10*time.Second)
	writePlan(t, filepath.Join(dir, "assets", "logo.png"), string(logo)+"\x00")
	if v2, _ := ev.next(t, 10*time.Second); v2 == v1 {
		t.Fatalf("no new version after the logo changed")
	}
}

// TestServeConcurrentChanges runs requests while the plan changes under them (go test -race).
func TestServeConcurrentChanges(t *testing.T) {
	dir := planDir(t, map[string]string{"a.toml": fmt.Sprintf(minimalPlan, "Version 0")})
	plan := filepath.Join(dir, "a.toml")
	_, ts := newTestPreview(t, plan)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	ev := openEvents(t, ctx, ts.URL+"/events/1")
	go func() {
		for range ev.lines { // keep the stream drained
		}
	}()

	var wg sync.WaitGroup
	stop := make(chan struct{})
	errs := make(chan error, 100)
	for g := 0; g < 6; g++ {
		wg.Add(1)
		go func(g int) {
			defer wg.Done()
			paths := []string{"/plan/1", "/", "/plan/1.pdf"}
			for i := 0; ; i++ {
				select {
				case <-stop:
					return
				default:
				}
				resp, err := http.Get(ts.URL + paths[(g+i)%len(paths)])
				if err != nil {
					errs <- err
					return
				}
				io.Copy(io.Discard, resp.Body)
				resp.Body.Close()
				// A half-written file may be shown as errors (422 for the PDF): never a 5xx.
				if resp.StatusCode >= 500 {
					errs <- fmt.Errorf("%s: status %d", paths[(g+i)%len(paths)], resp.StatusCode)
					return
				}
			}
		}(g)
	}
	for i := 1; i <= 30; i++ {
		writePlan(t, plan, fmt.Sprintf(minimalPlan, fmt.Sprintf("Version %d", i)))
		time.Sleep(7 * time.Millisecond)
	}
	time.Sleep(100 * time.Millisecond)
	close(stop)
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	// Once the watcher has seen the last write, the page shows it.
	body := ""
	for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
		if _, body = get(t, ts.URL+"/plan/1"); strings.Contains(body, "Version 30") {
			return
		}
	}
	t.Errorf("final page is stale:\n%s", head(body, 400))
}

// syncBuffer is an io.Writer safe for the server's and the test's goroutines.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// startServe runs runServe in the background and returns the base URL it announced.
func startServe(t *testing.T, args ...string) (string, *syncBuffer, chan int) {
	t.Helper()
	stderr := &syncBuffer{}
	code := make(chan int, 1)
	go func() { code <- runServe(args, io.Discard, stderr) }()
	announce := regexp.MustCompile(`at (http://[^/ ]+)/`)
	deadline := time.Now().Add(20 * time.Second)
	for time.Now().Before(deadline) {
		if m := announce.FindStringSubmatch(stderr.String()); m != nil {
			return m[1], stderr, code
		}
		select {
		case c := <-code:
			t.Fatalf("kep serve exited with %d:\n%s", c, stderr.String())
		case <-time.After(10 * time.Millisecond):
		}
	}
	t.Fatalf("kep serve did not start:\n%s", stderr.String())
	return "", nil, nil
}

// TestServeStopsOnSignal runs the command itself and stops it with SIGTERM while an
// event stream is open: it must end the stream and return 0.
func TestServeStopsOnSignal(t *testing.T) {
	dir := planDir(t, map[string]string{"a.toml": fmt.Sprintf(minimalPlan, "Alpha")})
	base, stderr, code := startServe(t, "--addr", "127.0.0.1:0", filepath.Join(dir, "a.toml"))
	if resp, _ := get(t, base+"/plan/1"); resp.StatusCode != 200 {
		t.Fatalf("status %d", resp.StatusCode)
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	ev := openEvents(t, ctx, base+"/events/1")
	ev.next(t, 10*time.Second)

	sendSIGTERM(t)
	select {
	case c := <-code:
		if c != 0 {
			t.Fatalf("exit %d:\n%s", c, stderr.String())
		}
	case <-time.After(20 * time.Second):
		t.Fatalf("kep serve did not stop on SIGTERM:\n%s", stderr.String())
	}
	select {
	case _, ok := <-ev.lines:
		if ok {
			for range ev.lines {
			}
		}
	case <-time.After(10 * time.Second):
		t.Fatal("event stream still open after shutdown")
	}
	if !strings.Contains(stderr.String(), "stopped") {
		t.Errorf("stderr: %s", stderr.String())
	}
}

func TestServeUsage(t *testing.T) {
	var stderr bytes.Buffer
	if c := runServe(nil, io.Discard, &stderr); c != 2 || !strings.Contains(stderr.String(), "usage: kep serve") {
		t.Errorf("no files: exit %d, stderr %q", c, stderr.String())
	}
	stderr.Reset()
	if c := runServe([]string{filepath.Join(t.TempDir(), "missing.toml")}, io.Discard, &stderr); c != 2 {
		t.Errorf("missing file: exit %d", c)
	}
	stderr.Reset()
	if c := runServe([]string{"--bogus", "x.toml"}, io.Discard, &stderr); c != 2 {
		t.Errorf("unknown flag: exit %d", c)
	}
	fl := []string{"a.toml", "--addr", "127.0.0.1:9", "b.toml"}
	flags, _ := newServeFlags()
	files, err := parseInterspersed(flags, fl)
	if err != nil || strings.Join(files, ",") != "a.toml,b.toml" {
		t.Errorf("interspersed flags: %v %v", files, err)
	}
}

func TestBrowseAddr(t *testing.T) {
	for _, c := range []struct {
		ip   net.IP
		want string
	}{
		{net.IPv6unspecified, "localhost:8080"},
		{net.IPv4zero, "localhost:8080"},
		{net.IPv4(127, 0, 0, 1), "127.0.0.1:8080"},
		{net.IPv6loopback, "[::1]:8080"},
	} {
		if got := browseAddr(&net.TCPAddr{IP: c.ip, Port: 8080}); got != c.want {
			t.Errorf("browseAddr(%v) = %q, want %q", c.ip, got, c.want)
		}
	}
}

func head(s string, n int) string { return s[:min(n, len(s))] }
func tail(s string, n int) string { return s[max(0, len(s)-n):] }

// The preview shows no warning the plan accepts on purpose ([[accepted]]), as kep
// validate prints none; the other warnings stay.
func TestServeHidesAcceptedWarnings(t *testing.T) {
	plan := fmt.Sprintf(minimalPlan, "Alpha") + "\n[[accepted]]\nwarning = \"swot\"\nreason = \"comes in spring\"\n"
	dir := planDir(t, map[string]string{"a.toml": plan})
	_, ts := newTestPreview(t, filepath.Join(dir, "a.toml"))
	_, body := get(t, ts.URL+"/")
	if strings.Contains(body, "building block 5 (swot) is empty") {
		t.Error("the index shows the accepted warning")
	}
	if !strings.Contains(body, "building block 6 (value) is empty") {
		t.Errorf("the index lacks the other warnings:\n%s", body)
	}
}
