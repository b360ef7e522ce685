package preview

import (
	"bufio"
	"bytes"
	"context"
	"io"
	"net"
	"net/http"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/kepdev/kep/plan"
	"github.com/kepdev/kep/plan/figures"
)

func TestSettle(t *testing.T) {
	ch := make(chan struct{}, 1)
	close(ch)
	settle(ch) // a closed channel returns at once
	ch2 := make(chan struct{})
	start := time.Now()
	settle(ch2)
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("settle on a quiet folder took %v", d)
	}
}

func TestLoopbackChecks(t *testing.T) {
	for host, want := range map[string]bool{
		"127.0.0.1:8080": true, "localhost:8080": true, "LOCALHOST": true, "[::1]:8080": true,
		"127.1.2.3": true, "app.localhost:1": true, "localhost.:80": true,
		"evil.example:8080": false, "192.168.1.10:8080": false, "[::]:8080": false,
		"0.0.0.0:8080": false, "localhost.evil.example": false, "": false,
	} {
		if got := loopbackHost(NormalHost(host)); got != want {
			t.Errorf("loopbackHost(%q) = %v, want %v", host, got, want)
		}
	}
}

func TestContentDisposition(t *testing.T) {
	got := contentDisposition(`müller "x".pdf`)
	want := `attachment; filename="m_ller _x_.pdf"; filename*=UTF-8''m%C3%BCller%20%22x%22.pdf`
	if got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
}

// startStub serves one plan whose pipeline writes a fixed document, on the preview's
// own server, and returns its address.
func startStub(t *testing.T, lim Limits) string {
	t.Helper()
	pipe := Pipeline{
		Load: func(string, time.Time) (*plan.Plan, *figures.Figures, plan.Diagnostics) {
			return &plan.Plan{}, nil, nil
		},
		HTML: func(w io.Writer, _ *plan.Plan, _ *figures.Figures, _ time.Time) error {
			_, err := io.WriteString(w, "<html><body>the plan</body></html>")
			return err
		},
		PDF: func(w io.Writer, _ *plan.Plan, _ *figures.Figures, _ time.Time) error {
			_, err := io.WriteString(w, "%PDF-1.7 stub")
			return err
		},
	}
	pv := New([]string{filepath.Join(t.TempDir(), "a.toml")}, pipe, io.Discard)
	pv.SetLimits(lim)
	return serveOn(t, pv)
}

// serveOn serves pv's requests on a loopback port until the test ends, and returns
// the address.
func serveOn(t *testing.T, pv *Server) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	errc := make(chan error, 1)
	go func() { errc <- pv.ServeRequests(ctx, ln) }()
	t.Cleanup(func() {
		cancel()
		if err := <-errc; err != nil {
			t.Errorf("serve: %v", err)
		}
	})
	return ln.Addr().String()
}

// roundTrip sends one raw request on its own connection and reads the response.
func roundTrip(t *testing.T, addr, req string) (*http.Response, string) {
	t.Helper()
	c, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	_ = c.SetDeadline(time.Now().Add(10 * time.Second))
	if _, err := io.WriteString(c, req); err != nil {
		t.Fatal(err)
	}
	method, _, _ := strings.Cut(req, " ")
	resp, err := http.ReadResponse(bufio.NewReader(c), &http.Request{Method: method})
	if err != nil {
		t.Fatalf("%q: %v", req, err)
	}
	b, _ := io.ReadAll(resp.Body)
	return resp, string(b)
}

// The routes as net/http's ServeMux answered them: GET and HEAD on the four routes, 405
// with Allow for another method on a route, 404 elsewhere; unclean and encoded paths
// match no route; every answer has the security headers.
func TestRoutes(t *testing.T) {
	addr := startStub(t, DefaultLimits)
	_, page := roundTrip(t, addr, "GET /plan/1 HTTP/1.1\r\nHost: localhost\r\n\r\n")
	for _, c := range []struct {
		req    string
		status int
		body   string
	}{
		{"GET /plan/1 HTTP/1.1\r\nHost: 127.0.0.1:8080\r\n\r\n", 200, "the plan"},
		{"GET /plan/1.pdf HTTP/1.1\r\nHost: localhost\r\n\r\n", 200, "%PDF-1.7 stub"},
		{"GET /plan/1?x=/etc/passwd HTTP/1.1\r\nHost: localhost\r\n\r\n", 200, "the plan"},
		{"GET http://localhost:8080/plan/1 HTTP/1.1\r\nHost: evil.example\r\n\r\n", 200, "the plan"},
		{"GET / HTTP/1.1\r\nHost: localhost\r\n\r\n", 200, "a.toml"},
		{"POST /plan/1 HTTP/1.1\r\nHost: localhost\r\nContent-Length: 0\r\n\r\n", 405, "Method Not Allowed\n"},
		{"DELETE /events/all HTTP/1.1\r\nHost: localhost\r\n\r\n", 405, "Method Not Allowed\n"},
		{"get / HTTP/1.1\r\nHost: localhost\r\n\r\n", 405, "Method Not Allowed\n"},
		{"POST /nothing HTTP/1.1\r\nHost: localhost\r\n\r\n", 404, "404 page not found\n"},
		{"GET /plan/2 HTTP/1.1\r\nHost: localhost\r\n\r\n", 404, "404 page not found\n"},
		{"GET /plan/%31 HTTP/1.1\r\nHost: localhost\r\n\r\n", 404, "404 page not found\n"},
		{"GET //plan/1 HTTP/1.1\r\nHost: localhost\r\n\r\n", 404, "404 page not found\n"},
		{"GET /plan/x/../1 HTTP/1.1\r\nHost: localhost\r\n\r\n", 404, "404 page not found\n"},
		{"GET /./plan/1 HTTP/1.1\r\nHost: localhost\r\n\r\n", 404, "404 page not found\n"},
		{"GET /plan/1/ HTTP/1.1\r\nHost: localhost\r\n\r\n", 404, "404 page not found\n"},
		{"GET /plan/.. HTTP/1.1\r\nHost: localhost\r\n\r\n", 404, "404 page not found\n"},
		{"GET /events/1/x HTTP/1.1\r\nHost: localhost\r\n\r\n", 404, "404 page not found\n"},
		{"GET /plan/1 HTTP/1.1\r\nHost: evil.example\r\n\r\n", 421, "--allow-host evil.example\n"},
		{"GET http://evil.example/plan/1 HTTP/1.1\r\nHost: localhost\r\n\r\n", 421, "--allow-host evil.example\n"},
		{"GET / HTTP/1.0\r\n\r\n", 421, "--allow-host\n"},
	} {
		resp, body := roundTrip(t, addr, c.req)
		if resp.StatusCode != c.status || !strings.HasSuffix(body, c.body) && !strings.Contains(body, c.body) {
			t.Errorf("%.50q: %d %q, want %d %q", c.req, resp.StatusCode, head(body), c.status, c.body)
		}
		h := resp.Header
		if h.Get("X-Content-Type-Options") != "nosniff" || h.Get("Referrer-Policy") != "no-referrer" || h.Get("Cache-Control") != "no-store" {
			t.Errorf("%.50q: security headers %v", c.req, h)
		}
		if resp.ContentLength != int64(len(body)) {
			t.Errorf("%.50q: Content-Length %d, body %d bytes", c.req, resp.ContentLength, len(body))
		}
		if c.status == 405 && h.Get("Allow") != "GET, HEAD" {
			t.Errorf("%.50q: Allow %q", c.req, h.Get("Allow"))
		}
		if c.status >= 400 && h.Get("Content-Type") != "text/plain; charset=utf-8" {
			t.Errorf("%.50q: Content-Type %q", c.req, h.Get("Content-Type"))
		}
	}

	// HEAD: the headers of GET with its Content-Length, no body.
	resp, body := roundTrip(t, addr, "HEAD /plan/1 HTTP/1.1\r\nHost: localhost\r\n\r\n")
	if resp.StatusCode != 200 || body != "" || resp.ContentLength != int64(len(page)) ||
		!strings.Contains(resp.Header.Get("Content-Security-Policy"), "script-src 'nonce-") {
		t.Errorf("HEAD: %d, length %d (GET: %d), body %q, %v", resp.StatusCode, resp.ContentLength, len(page), body, resp.Header)
	}
	resp, _ = roundTrip(t, addr, "HEAD /plan/1.pdf HTTP/1.1\r\nHost: localhost\r\n\r\n")
	if cd := resp.Header.Get("Content-Disposition"); resp.ContentLength != int64(len("%PDF-1.7 stub")) || !strings.Contains(cd, `filename="a.pdf"`) {
		t.Errorf("HEAD of the PDF: length %d, Content-Disposition %q", resp.ContentLength, cd)
	}
}

// A stream's place is freed when its client closes the connection, and HEAD of a stream
// does not keep one.
func TestStreamPlaceFreed(t *testing.T) {
	lim := DefaultLimits
	lim.Streams = 1
	addr := startStub(t, lim)
	resp, body := roundTrip(t, addr, "HEAD /events/1 HTTP/1.1\r\nHost: localhost\r\n\r\n")
	if resp.StatusCode != 200 || resp.Header.Get("Content-Type") != "text/event-stream" || body != "" {
		t.Errorf("HEAD of a stream: %d %v %q", resp.StatusCode, resp.Header, body)
	}
	for i := range 3 {
		c, err := net.Dial("tcp", addr)
		if err != nil {
			t.Fatal(err)
		}
		_ = c.SetDeadline(time.Now().Add(10 * time.Second))
		io.WriteString(c, "GET /events/all HTTP/1.1\r\nHost: localhost\r\n\r\n")
		br := bufio.NewReader(c)
		var status string
		for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); {
			resp, err := http.ReadResponse(br, nil)
			if err != nil {
				t.Fatal(err)
			}
			if status = resp.Status; resp.StatusCode == 200 {
				break
			}
			// The previous stream's close is still on its way: ask again.
			resp.Body.Close()
			c.Close()
			time.Sleep(20 * time.Millisecond)
			if c, err = net.Dial("tcp", addr); err != nil {
				t.Fatal(err)
			}
			_ = c.SetDeadline(time.Now().Add(10 * time.Second))
			io.WriteString(c, "GET /events/all HTTP/1.1\r\nHost: localhost\r\n\r\n")
			br = bufio.NewReader(c)
		}
		if !strings.HasPrefix(status, "200") {
			t.Fatalf("stream %d: %s", i, status)
		}
		if line, err := br.ReadString('\n'); err != nil || line != "retry: 1000\n" {
			t.Fatalf("stream %d: %q %v", i, line, err)
		}
		c.Close()
	}
}

func head(s string) string { return s[:min(len(s), 80)] }

// Hostile and broken clients (streams left open, closed, half-closed, HEAD of a stream,
// refused hosts, bodies, unfinished requests, pipelining after a stream) leave no
// goroutine behind while the server runs on, and every stream place is free again.
func TestHostileClientsLeaveNothing(t *testing.T) {
	lim := DefaultLimits
	lim.Streams = 4
	lim.ReadHeader, lim.Read, lim.Idle = 200*time.Millisecond, 300*time.Millisecond, 200*time.Millisecond
	addr := startStub(t, lim)
	roundTrip(t, addr, "GET /plan/1 HTTP/1.1\r\nHost: localhost\r\n\r\n")
	time.Sleep(100 * time.Millisecond)
	before := runtime.NumGoroutine()
	var wg sync.WaitGroup
	for range 3 {
		for _, req := range []string{
			"GET /events/1 HTTP/1.1\r\nHost: localhost\r\n\r\n",
			"HEAD /events/1 HTTP/1.1\r\nHost: localhost\r\n\r\n",
			"GET /events/all HTTP/1.0\r\n\r\n",
			"GET /events/all HTTP/1.1\r\nHost: localhost\r\n\r\nGET / HTTP/1.1\r\nHost: localhost\r\n\r\n",
			"GET /events/1 HTTP/1.1\r\nHost: evil.example\r\n\r\n",
			"GET /plan/1.pdf HTTP/1.1\r\nHost: localhost\r\n\r\n",
			"GET / HTTP/1.1\r\nHost: localhost\r\n",
			"POST /events/1 HTTP/1.1\r\nHost: localhost\r\nContent-Length: 100\r\n\r\n",
			"GET /events/1 HTTP/1.1\r\nHost: localhost\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n",
		} {
			for _, mode := range []string{"close", "halfclose", "read"} {
				wg.Add(1)
				go func() {
					defer wg.Done()
					c, err := net.Dial("tcp", addr)
					if err != nil {
						t.Error(err)
						return
					}
					defer c.Close()
					_, _ = io.WriteString(c, req)
					switch mode {
					case "halfclose":
						_ = c.(*net.TCPConn).CloseWrite()
						time.Sleep(100 * time.Millisecond)
					case "read":
						_ = c.SetReadDeadline(time.Now().Add(300 * time.Millisecond))
						_, _ = io.Copy(io.Discard, c)
					}
				}()
			}
		}
	}
	wg.Wait()
	deadline := time.Now().Add(5 * time.Second)
	for runtime.NumGoroutine() > before && time.Now().Before(deadline) {
		time.Sleep(20 * time.Millisecond)
	}
	if n := runtime.NumGoroutine(); n > before {
		buf := make([]byte, 1<<16)
		t.Errorf("%d goroutines, %d before:\n%s", n, before, buf[:runtime.Stack(buf, true)])
	}
	for i := range lim.Streams {
		c, err := net.Dial("tcp", addr)
		if err != nil {
			t.Fatal(err)
		}
		defer c.Close()
		_ = c.SetDeadline(time.Now().Add(10 * time.Second))
		io.WriteString(c, "GET /events/1 HTTP/1.1\r\nHost: localhost\r\n\r\n")
		if resp, err := http.ReadResponse(bufio.NewReader(c), nil); err != nil || resp.StatusCode != 200 {
			t.Fatalf("stream %d after the hostile clients: %v %v", i, resp, err)
		}
	}
}

// Clients that ask for a big page and do not read it must not each hold a copy of it:
// the page is rendered once per version and sent from there. Each request copied the
// document (4.5 MB for the largest valid plans) two or three times and kept one copy
// until the client had read it (up to the 2 min write timeout), so 256 connections of a
// few bytes each held over a gigabyte.
func TestSlowClientsShareThePage(t *testing.T) {
	doc := "<html><body>" + strings.Repeat("<p>the plan</p>\n", 1<<20) + "</body></html>" // 16 MiB
	pipe := Pipeline{
		Load: func(string, time.Time) (*plan.Plan, *figures.Figures, plan.Diagnostics) {
			return &plan.Plan{}, nil, nil
		},
		HTML: func(w io.Writer, _ *plan.Plan, _ *figures.Figures, _ time.Time) error {
			_, err := io.WriteString(w, doc)
			return err
		},
		PDF: func(w io.Writer, _ *plan.Plan, _ *figures.Figures, _ time.Time) error {
			_, err := io.WriteString(w, doc)
			return err
		},
	}
	pv := New([]string{filepath.Join(t.TempDir(), "a.toml")}, pipe, io.Discard)
	addr := serveOn(t, pv)
	roundTrip(t, addr, "GET /plan/1 HTTP/1.1\r\nHost: localhost\r\n\r\n") // rendered once
	roundTrip(t, addr, "GET /plan/1.pdf HTTP/1.1\r\nHost: localhost\r\n\r\n")

	heap := func() uint64 {
		runtime.GC()
		var m runtime.MemStats
		runtime.ReadMemStats(&m)
		return m.HeapAlloc
	}
	before := heap()
	const n = 8
	for i := range n {
		c, err := net.Dial("tcp", addr)
		if err != nil {
			t.Fatal(err)
		}
		defer c.Close()
		_ = c.(*net.TCPConn).SetReadBuffer(4 << 10)
		path := []string{"/plan/1", "/plan/1.pdf"}[i%2]
		io.WriteString(c, "GET "+path+" HTTP/1.1\r\nHost: localhost\r\n\r\n")
	}
	time.Sleep(500 * time.Millisecond) // the responses are being written, and stuck
	after := heap()
	grown := after - min(before, after)
	t.Logf("%d clients that do not read: heap +%d KiB", n, grown>>10)
	if grown > uint64(len(doc)) {
		t.Errorf("%d clients that do not read hold %d MiB more (the page is %d MiB)", n, grown>>20, len(doc)>>20)
	}
}

// The error page quotes the line of each error, and a plan may hold 1,000 errors on one
// line of 2 MiB (an inline array of tables): quoted whole, a 194 KB plan made a 206 MB
// page (800 MB of memory, 4.6 s) on every request, the largest about 2 GB. Each quote is
// a short piece of the line around the error's column.
func TestProblemPageQuotesBounded(t *testing.T) {
	file := filepath.Join(t.TempDir(), "a.toml")
	line := "contacts = [" + strings.Repeat(`{name = 1, bogus = "`+strings.Repeat("xü", 27)+`"}, `, 10000) + "]"
	var diags plan.Diagnostics
	for i := range 1000 {
		diags = append(diags, plan.Diagnostic{File: file, Line: 2, Col: 13 + i*(len(line)/1000), Message: "want text in quotes, not an integer"})
	}
	diags = append(diags, plan.Diagnostic{File: file, Line: 2, Col: len(line), Message: "at the end"},
		plan.Diagnostic{File: file, Line: 1, Col: 1, Message: "a short line"})
	pv := New([]string{file}, Pipeline{}, io.Discard)
	res := &planResult{diags: diags, sources: map[string][]string{file: {"ü = 1", line}}}
	var page bytes.Buffer
	pv.writeProblemPage(&page, pv.plans[0], res, "")
	if page.Len() > 1<<20 {
		t.Errorf("the error page is %d MB for a %d KB line", page.Len()>>20, len(line)>>10)
	}
	for _, want := range []string{"<pre>ü = 1</pre>", "<pre>contacts = [{name = 1, bogus = &#34;xüxü", "xü…</pre>",
		"<pre>…", "xü&#34;}, ]</pre>"} {
		if !strings.Contains(page.String(), want) {
			t.Errorf("the page lacks %q", want)
		}
	}
	if !utf8.Valid(page.Bytes()) {
		t.Error("a quote cut a character in two")
	}
}
