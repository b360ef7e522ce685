package main

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"golang.org/x/net/websocket"

	"github.com/kepdev/kep/internal/httpd"
	"github.com/kepdev/kep/internal/preview"
	"github.com/kepdev/kep/render/rendertest"
)

// chromiumPath finds headless Chromium ($KEP_CHROMIUM, else chromium on PATH); without it
// browser tests are skipped unless KEP_REQUIRE_TOOLS=1.
func chromiumPath(t *testing.T) string {
	t.Helper()
	if p := os.Getenv("KEP_CHROMIUM"); p != "" {
		return p
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	rendertest.Missing(t, "chromium")
	return ""
}

// browser is headless Chromium driven through the DevTools protocol over a WebSocket:
// just enough of it to open a page, read its text and see its console.
type browser struct {
	ws *websocket.Conn

	mu      sync.Mutex
	nextID  int
	waiting map[int]chan cdpMessage
	logs    []string // console messages and browser log entries (CSP violations land here)
}

type cdpMessage struct {
	ID     int             `json:"id"`
	Method string          `json:"method"`
	Params json.RawMessage `json:"params"`
	Result json.RawMessage `json:"result"`
	Error  *struct {
		Message string `json:"message"`
	} `json:"error"`
}

// startBrowser launches Chromium with a private profile and connects to its first page;
// args are further command-line flags.
func startBrowser(t *testing.T, args ...string) *browser {
	t.Helper()
	bin := chromiumPath(t)
	// Chromium's helper processes outlive a killed main process and keep writing to the
	// profile: run it in its own process group, kill the group, then remove the profile.
	profile, err := os.MkdirTemp("", "kep-chromium-")
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(bin, "--headless", "--no-sandbox", "--disable-gpu",
		"--disable-background-networking", "--disable-component-update", "--no-first-run",
		"--disable-dev-shm-usage", "--remote-debugging-address=127.0.0.1", "--remote-debugging-port=0",
		"--remote-allow-origins=*", "--user-data-dir="+profile, "--window-size=1280,900")
	cmd.Args = append(append(cmd.Args, args...), "about:blank")
	ownProcessGroup(cmd)
	stderr, err := cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		os.RemoveAll(profile)
		t.Fatalf("start chromium: %v", err)
	}
	t.Cleanup(func() {
		killProcessGroup(cmd)
		_ = cmd.Wait()
		for i := 0; i < 20; i++ {
			if os.RemoveAll(profile) == nil {
				return
			}
			time.Sleep(100 * time.Millisecond)
		}
	})

	// Chromium announces "DevTools listening on ws://127.0.0.1:PORT/devtools/browser/…".
	listening := regexp.MustCompile(`DevTools listening on ws://([^/]+)/`)
	found := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(stderr)
		for sc.Scan() {
			if m := listening.FindStringSubmatch(sc.Text()); m != nil {
				found <- m[1]
			}
		}
	}()
	var hostport string
	select {
	case hostport = <-found:
	case <-time.After(60 * time.Second):
		t.Fatal("chromium did not open its DevTools port")
	}

	var targets []struct {
		Type, URL, WebSocketDebuggerURL string
	}
	resp, err := http.Get("http://" + hostport + "/json/list")
	if err != nil {
		t.Fatal(err)
	}
	err = json.NewDecoder(resp.Body).Decode(&targets)
	resp.Body.Close()
	if err != nil {
		t.Fatal(err)
	}
	wsURL := ""
	for _, tg := range targets {
		if tg.Type == "page" {
			wsURL = tg.WebSocketDebuggerURL
			break
		}
	}
	if wsURL == "" {
		t.Fatalf("no page target: %+v", targets)
	}
	ws, err := websocket.Dial(wsURL, "", "http://127.0.0.1/")
	if err != nil {
		t.Fatal(err)
	}
	ws.MaxPayloadBytes = 64 << 20
	b := &browser{ws: ws, waiting: map[int]chan cdpMessage{}}
	go b.read()
	t.Cleanup(func() { ws.Close() })
	for _, domain := range []string{"Page.enable", "Runtime.enable", "Log.enable"} {
		if _, err := b.call(domain, nil); err != nil {
			t.Fatal(err)
		}
	}
	return b
}

func (b *browser) read() {
	for {
		var m cdpMessage
		if err := websocket.JSON.Receive(b.ws, &m); err != nil {
			b.mu.Lock()
			for id, ch := range b.waiting {
				close(ch)
				delete(b.waiting, id)
			}
			b.mu.Unlock()
			return
		}
		b.mu.Lock()
		switch {
		case m.ID != 0:
			if ch, ok := b.waiting[m.ID]; ok {
				ch <- m
				delete(b.waiting, m.ID)
			}
		case m.Method == "Runtime.consoleAPICalled" || m.Method == "Log.entryAdded" || m.Method == "Runtime.exceptionThrown":
			b.logs = append(b.logs, m.Method+": "+string(m.Params))
		}
		b.mu.Unlock()
	}
}

func (b *browser) call(method string, params any) (json.RawMessage, error) {
	b.mu.Lock()
	b.nextID++
	id := b.nextID
	ch := make(chan cdpMessage, 1)
	b.waiting[id] = ch
	b.mu.Unlock()
	if params == nil {
		params = struct{}{}
	}
	if err := websocket.JSON.Send(b.ws, map[string]any{"id": id, "method": method, "params": params}); err != nil {
		return nil, err
	}
	select {
	case m, ok := <-ch:
		if !ok {
			return nil, errors.New("devtools connection closed")
		}
		if m.Error != nil {
			return nil, fmt.Errorf("%s: %s", method, m.Error.Message)
		}
		return m.Result, nil
	case <-time.After(60 * time.Second):
		return nil, fmt.Errorf("%s: no answer", method)
	}
}

// eval returns the string value of a JavaScript expression in the page.
func (b *browser) eval(expr string) (string, error) {
	raw, err := b.call("Runtime.evaluate", map[string]any{"expression": expr, "returnByValue": true})
	if err != nil {
		return "", err
	}
	var r struct {
		Result struct {
			Value any `json:"value"`
		} `json:"result"`
	}
	if err := json.Unmarshal(raw, &r); err != nil {
		return "", err
	}
	s, _ := r.Result.Value.(string)
	return s, nil
}

// waitText waits until the page's text contains want.
func (b *browser) waitText(t *testing.T, want string, within time.Duration) string {
	t.Helper()
	deadline := time.Now().Add(within)
	text := ""
	for time.Now().Before(deadline) {
		var err error
		text, err = b.eval(`document.readyState === "complete" && document.body ? document.body.innerText : ""`)
		if err == nil && strings.Contains(text, want) {
			return text
		}
		time.Sleep(100 * time.Millisecond)
	}
	t.Fatalf("page text never contained %q; last text:\n%s\nconsole:\n%s", want, head(text, 800), strings.Join(b.console(), "\n"))
	return ""
}

func (b *browser) console() []string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return append([]string(nil), b.logs...)
}

// TestServeInBrowser is the end-to-end check of the preview: Chromium opens a plan, the
// plan file is edited, and the open page shows the change by itself (event stream and
// reload script), then an error, then the fixed plan again.
func TestServeInBrowser(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test in -short mode")
	}
	b := startBrowser(t)
	dir := planDir(t, map[string]string{"a.toml": fmt.Sprintf(minimalPlan, "Alpha Maschinenbau")})
	plan := filepath.Join(dir, "a.toml")
	_, ts := newTestPreview(t, plan)

	if _, err := b.call("Page.navigate", map[string]any{"url": ts.URL + "/plan/1"}); err != nil {
		t.Fatal(err)
	}
	b.waitText(t, "Alpha Maschinenbau", 60*time.Second)
	if n, err := b.eval(`String(document.scripts.length)`); err != nil || n != "1" {
		t.Errorf("page has %s scripts (%v), want 1", n, err)
	}

	writePlan(t, plan, fmt.Sprintf(minimalPlan, "Omega Antriebe"))
	b.waitText(t, "Omega Antriebe", 30*time.Second)

	writePlan(t, plan, fmt.Sprintf(minimalPlan, "Omega Antriebe")+"\nbogus = 1\n")
	// The page may pass through a half-written file on the way; wait for the last one.
	text := b.waitText(t, "bogus", 30*time.Second)
	if !strings.Contains(text, "error(s)") || !strings.Contains(text, plan+":") {
		t.Errorf("error page lacks file:line or the key:\n%s", text)
	}

	writePlan(t, plan, fmt.Sprintf(minimalPlan, "Omega Antriebe GmbH"))
	b.waitText(t, "Omega Antriebe GmbH", 30*time.Second)

	// The page must work under the preview's Content-Security-Policy: nothing blocked.
	for _, l := range b.console() {
		if strings.Contains(l, "Content Security Policy") || strings.Contains(l, "exceptionThrown") {
			t.Errorf("browser reports: %s", l)
		}
	}
}

// screenshot saves a PNG of the page region from the top of the element with the given
// id (the page's top when id is "") down by height CSS pixels, 1280 pixels wide.
func (b *browser) screenshot(t *testing.T, file, id string, height int) {
	t.Helper()
	top := "0"
	if id != "" {
		var err error
		top, err = b.eval(`String(Math.round(document.getElementById("` + id + `").getBoundingClientRect().top + window.scrollY))`)
		if err != nil || top == "" {
			t.Fatalf("no element #%s: %v", id, err)
		}
	}
	var y float64
	fmt.Sscan(top, &y)
	raw, err := b.call("Page.captureScreenshot", map[string]any{
		"format": "png", "captureBeyondViewport": true,
		"clip": map[string]any{"x": 0, "y": y, "width": 1280, "height": height, "scale": 1},
	})
	if err != nil {
		t.Fatal(err)
	}
	var r struct {
		Data []byte `json:"data"`
	}
	if err := json.Unmarshal(raw, &r); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(file, r.Data, 0o644); err != nil {
		t.Fatal(err)
	}
}

func (b *browser) open(t *testing.T, url, wantText string) {
	t.Helper()
	if _, err := b.call("Emulation.setDeviceMetricsOverride", map[string]any{
		"width": 1280, "height": 900, "deviceScaleFactor": 1, "mobile": false,
	}); err != nil {
		t.Fatal(err)
	}
	if _, err := b.call("Page.navigate", map[string]any{"url": url}); err != nil {
		t.Fatal(err)
	}
	b.waitText(t, wantText, 60*time.Second)
	time.Sleep(300 * time.Millisecond) // fonts and images settle
}

// TestDocScreenshots makes the screenshots of docs/img from the samples when
// KEP_SCREENSHOTS names the folder to write them to (go test -run DocScreenshots
// ./cmd/kep with KEP_SCREENSHOTS=$PWD/docs/img); otherwise it is skipped.
func TestDocScreenshots(t *testing.T) {
	out := os.Getenv("KEP_SCREENSHOTS")
	if out == "" {
		t.Skip("set KEP_SCREENSHOTS=DIR to write the guide's screenshots")
	}
	out, err := filepath.Abs(out)
	if err != nil {
		t.Fatal(err)
	}
	b := startBrowser(t)

	t.Run("document", func(t *testing.T) {
		t.Chdir("../../samples")
		_, ts := newTestPreview(t, "accounts/hansa.toml", "accounts/brightwater.toml", "accounts/minimal.toml")
		b.open(t, ts.URL+"/", "Brightwater")
		b.screenshot(t, filepath.Join(out, "preview-index.png"), "", 330)
		for lang, n := range map[string]string{"de": "1", "en": "2"} {
			b.open(t, ts.URL+"/plan/"+n, "Key Account")
			b.screenshot(t, filepath.Join(out, "document-summary."+lang+".png"), "", 1250)
			b.screenshot(t, filepath.Join(out, "document-scorecard."+lang+".png"), "b2", 1750)
			b.screenshot(t, filepath.Join(out, "document-network."+lang+".png"), "b7-map", 900)
		}
	})
	t.Run("errors", func(t *testing.T) {
		dir := planDir(t, map[string]string{"accounts/acme.toml": fmt.Sprintf(minimalPlan, "Acme") + `
[selection]
revenue = 1_850_000
visits = "twelve"

[[contacts]]
id = "mk"
name = "Dr. Maria König"
attitude = "friendly"
influence = 3
`})
		t.Chdir(dir)
		_, ts := newTestPreview(t, "accounts/acme.toml")
		b.open(t, ts.URL+"/plan/1", "error(s)")
		b.screenshot(t, filepath.Join(out, "preview-errors.png"), "", 360)
	})
}

// TestServeOtherOriginPage: a web page of another origin in the user's browser opens 40
// event streams to the preview and fetches a plan, with and without CORS. It can read
// nothing (no Access-Control-Allow-Origin), and the failed streams give their places
// back at once: the preview's own pages still get all of them.
func TestServeOtherOriginPage(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test in -short mode")
	}
	b := startBrowser(t)
	dir := planDir(t, map[string]string{"a.toml": fmt.Sprintf(minimalPlan, "Secret Alpha")})
	lim := preview.DefaultLimits
	lim.Streams = 4
	base := startLimitedPreview(t, lim, filepath.Join(dir, "a.toml"))
	target := strings.Replace(base, "127.0.0.1", "localhost", 1)

	evil := &httpd.Server{Handler: func(w *httpd.ResponseWriter, r *httpd.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		_, _ = w.WriteString(`<!DOCTYPE html><body>other origin<script>
window.res = {open: 0, err: 0};
for (var i = 0; i < 40; i++) {
  var es = new EventSource("` + target + `/events/all");
  es.onopen = function() { res.open++; };
  es.onerror = function() { res.err++; };
}
fetch("` + target + `/plan/1").then(r => r.text()).then(t => { res.read = t; }).catch(e => { res.fetch = "failed"; });
fetch("` + target + `/plan/1", {mode: "no-cors"}).then(r => { res.nocors = r.type; });
</script></body>`)
	}}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	go func() { _ = evil.Serve(ln) }()
	t.Cleanup(func() { _ = evil.Shutdown(context.Background()) })
	if _, err := b.call("Page.navigate", map[string]any{"url": "http://" + ln.Addr().String() + "/"}); err != nil {
		t.Fatal(err)
	}
	b.waitText(t, "other origin", 60*time.Second)
	var got string
	for deadline := time.Now().Add(30 * time.Second); time.Now().Before(deadline); time.Sleep(100 * time.Millisecond) {
		got, _ = b.eval(`res.err === 40 && res.fetch && res.nocors ? JSON.stringify(res) : ""`)
		if got != "" {
			break
		}
	}
	if got != `{"open":0,"err":40,"fetch":"failed","nocors":"opaque"}` {
		s, _ := b.eval(`JSON.stringify(res)`)
		t.Fatalf("the page of another origin: %s", s)
	}
	for i := range lim.Streams {
		c, err := net.Dial("tcp", strings.TrimPrefix(base, "http://"))
		if err != nil {
			t.Fatal(err)
		}
		defer c.Close()
		_ = c.SetDeadline(time.Now().Add(10 * time.Second))
		fmt.Fprintf(c, "GET /events/1 HTTP/1.1\r\nHost: localhost\r\n\r\n")
		resp, err := http.ReadResponse(bufio.NewReader(c), nil)
		if err != nil || resp.StatusCode != 200 {
			t.Fatalf("stream %d of the preview's own page after the other origin's: %v %v", i, resp, err)
		}
	}
}

// TestServeRebindingInBrowser: a name of the attacker's that resolves to this machine
// (DNS rebinding, here by Chromium's resolver rules) reaches the preview's port, but the
// page gets 421 and not the plan, by the Host header Chromium sends.
func TestServeRebindingInBrowser(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test in -short mode")
	}
	b := startBrowser(t, "--host-resolver-rules=MAP rebind.example 127.0.0.1, MAP rebind.example. 127.0.0.1")
	dir := planDir(t, map[string]string{"a.toml": fmt.Sprintf(minimalPlan, "Secret Alpha")})
	_, ts := newTestPreview(t, filepath.Join(dir, "a.toml"))
	for _, url := range []string{strings.Replace(ts.URL, "127.0.0.1", "rebind.example", 1) + "/plan/1",
		strings.Replace(ts.URL, "127.0.0.1", "REBIND.example.", 1) + "/"} {
		if _, err := b.call("Page.navigate", map[string]any{"url": url}); err != nil {
			t.Fatal(err)
		}
		text := b.waitText(t, "--allow-host rebind.example", 60*time.Second)
		if strings.Contains(text, "Secret Alpha") {
			t.Errorf("%s: the plan was shown:\n%s", url, text)
		}
	}
}
