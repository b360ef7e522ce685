package main

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/kepdev/kep/internal/preview"
	"github.com/kepdev/kep/plan"
	"github.com/kepdev/kep/plan/figures"
)

// startServeContext runs the command itself until the test ends and returns the port it
// listens on and its stderr.
func startServeContext(t *testing.T, args ...string) (string, *syncBuffer) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	stderr := &syncBuffer{}
	code := make(chan int, 1)
	go func() { code <- runServeContext(ctx, args, io.Discard, stderr) }()
	t.Cleanup(func() {
		cancel()
		select {
		case c := <-code:
			if c != 0 {
				t.Errorf("kep serve exited with %d:\n%s", c, stderr.String())
			}
		case <-time.After(20 * time.Second):
			t.Errorf("kep serve did not stop")
		}
	})
	deadline := time.Now().Add(20 * time.Second)
	for time.Now().Before(deadline) {
		if _, rest, ok := strings.Cut(stderr.String(), " plan(s) at http://"); ok {
			hostport, _, _ := strings.Cut(rest, "/")
			_, port, err := net.SplitHostPort(hostport)
			if err != nil {
				t.Fatal(err)
			}
			return port, stderr
		}
		select {
		case c := <-code:
			code <- c
			t.Fatalf("kep serve exited with %d:\n%s", c, stderr.String())
		case <-time.After(10 * time.Millisecond):
		}
	}
	t.Fatalf("kep serve did not start:\n%s", stderr.String())
	return "", nil
}

// getHost asks for path on 127.0.0.1:port with the given Host header.
func getHost(t *testing.T, port, host, path string) (int, string) {
	t.Helper()
	req, err := http.NewRequest("GET", "http://127.0.0.1:"+port+path, nil)
	if err != nil {
		t.Fatal(err)
	}
	req.Host = host
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

// On a wildcard address the Host check still holds (DNS rebinding): only loopback names
// and the names given with --allow-host are answered.
func TestServeHostCheckOnAnyAddress(t *testing.T) {
	dir := planDir(t, map[string]string{"a.toml": fmt.Sprintf(minimalPlan, "Alpha")})
	pl := filepath.Join(dir, "a.toml")

	port, stderr := startServeContext(t, "--addr", ":0", pl)
	for _, host := range []string{"evil.example", "evil.example:" + port, "0.0.0.0:" + port, "192.168.1.10:" + port} {
		code, body := getHost(t, port, host, "/plan/1")
		if code != http.StatusMisdirectedRequest || strings.Contains(body, "Alpha") {
			t.Errorf("Host %s on :0: status %d, want 421\n%s", host, code, head(body, 200))
		}
	}
	if _, body := getHost(t, port, "evil.example:"+port, "/"); !strings.Contains(body, "--allow-host evil.example") {
		t.Errorf("refusal does not say how to allow the name: %q", body)
	}
	for _, host := range []string{"localhost:" + port, "127.0.0.1:" + port, "[::1]:" + port, "app.localhost"} {
		if code, body := getHost(t, port, host, "/plan/1"); code != 200 || !strings.Contains(body, "Alpha") {
			t.Errorf("Host %s: status %d, want the plan", host, code)
		}
	}
	for _, want := range []string{"WARNING: listening on", "only requests addressed to localhost are answered",
		"refused a request addressed to evil.example (to allow it: --allow-host evil.example)"} {
		if !strings.Contains(stderr.String(), want) {
			t.Errorf("stderr lacks %q:\n%s", want, stderr.String())
		}
	}

	port, stderr = startServeContext(t, "--addr", ":0", "--allow-host", "Evil.Example", pl, "--allow-host", "lan.example, 10.1.2.3,::ffff:10.9.9.9")
	for _, host := range []string{"evil.example", "EVIL.example.:" + port, "lan.example:80", "10.1.2.3:" + port, "10.9.9.9", "localhost"} {
		if code, body := getHost(t, port, host, "/plan/1"); code != 200 || !strings.Contains(body, "Alpha") {
			t.Errorf("Host %s with --allow-host: status %d, want the plan", host, code)
		}
	}
	for _, host := range []string{"other.example", "evil.example.attacker.example", "sub.evil.example", "10.1.2.4"} {
		if code, _ := getHost(t, port, host, "/plan/1"); code != http.StatusMisdirectedRequest {
			t.Errorf("Host %s with --allow-host: status %d, want 421", host, code)
		}
	}
	if !strings.Contains(stderr.String(), "answering requests addressed to localhost and to evil.example, lan.example, 10.1.2.3, 10.9.9.9") {
		t.Errorf("stderr does not list the allowed names:\n%s", stderr.String())
	}

	// The default loopback address allows named hosts too.
	port, _ = startServeContext(t, "--addr", "127.0.0.1:0", "--allow-host", "box.example", pl)
	if code, _ := getHost(t, port, "box.example:"+port, "/plan/1"); code != 200 {
		t.Errorf("Host box.example on loopback with --allow-host: status %d", code)
	}
	if code, _ := getHost(t, port, "evil.example", "/plan/1"); code != http.StatusMisdirectedRequest {
		t.Errorf("Host evil.example on loopback: status %d", code)
	}
}

func TestAllowHostValues(t *testing.T) {
	for _, bad := range []string{"", " ", "a.example,", "*", "*.example", "http://a.example/", "u@a.example", "a b"} {
		var h hostList
		if err := h.Set(bad); err == nil {
			t.Errorf("--allow-host %q accepted: %v", bad, h.names)
		}
	}
	var h hostList
	for _, v := range []string{"A.example.", "[fe80::1]:8080,fe80::1", "a.example:99"} {
		if err := h.Set(v); err != nil {
			t.Fatal(err)
		}
	}
	if got := h.String(); got != "a.example,fe80::1" {
		t.Errorf("names %q", got)
	}
}

// startLimitedPreview runs pv.serve, with its listener, timeouts and limits, on a free
// loopback port.
func startLimitedPreview(t *testing.T, lim preview.Limits, files ...string) string {
	t.Helper()
	pv := preview.New(files, defaultPipeline(), io.Discard)
	pv.SetLimits(lim)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	errc := make(chan error, 1)
	go func() { errc <- pv.Serve(ctx, ln) }()
	t.Cleanup(func() {
		cancel()
		if err := <-errc; err != nil {
			t.Errorf("serve: %v", err)
		}
	})
	return "http://" + ln.Addr().String()
}

// shortLimits are test-only: small enough to be reached within a test.
var shortLimits = preview.Limits{
	Streams: 2, Conns: 16,
	ReadHeader: 200 * time.Millisecond, Read: 300 * time.Millisecond, Write: 300 * time.Millisecond,
	StreamWrite: 5 * time.Second, Idle: 200 * time.Millisecond,
}

// Each event stream holds a connection for as long as its page is open: beyond the limit
// a stream gets 503 with Retry-After, and the pages themselves are still served.
func TestServeStreamLimit(t *testing.T) {
	dir := planDir(t, map[string]string{"a.toml": fmt.Sprintf(minimalPlan, "Alpha")})
	base := startLimitedPreview(t, shortLimits, filepath.Join(dir, "a.toml"))

	ctx1, cancel1 := context.WithCancel(context.Background())
	defer cancel1()
	ev1 := openEvents(t, ctx1, base+"/events/1")
	ev1.next(t, 10*time.Second)
	ev2 := openEvents(t, context.Background(), base+"/events/all")
	ev2.next(t, 10*time.Second)

	resp, err := http.Get(base + "/events/1")
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != http.StatusServiceUnavailable || resp.Header.Get("Retry-After") == "" ||
		!strings.Contains(string(b), "2 pages reload live already") {
		t.Errorf("third stream: status %d, Retry-After %q, body %q", resp.StatusCode, resp.Header.Get("Retry-After"), b)
	}
	if resp, body := get(t, base+"/plan/1"); resp.StatusCode != 200 || !strings.Contains(body, "Alpha") {
		t.Errorf("plan page at the stream limit: status %d", resp.StatusCode)
	}

	// A closed stream frees its place.
	cancel1()
	deadline := time.Now().Add(10 * time.Second)
	for {
		resp, err := http.Get(base + "/events/1")
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode == 200 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("no stream after one was closed: status %d", resp.StatusCode)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// An event stream outlives the read and write timeouts of ordinary requests.
func TestServeStreamOutlivesRequestTimeouts(t *testing.T) {
	dir := planDir(t, map[string]string{"a.toml": fmt.Sprintf(minimalPlan, "Alpha")})
	pl := filepath.Join(dir, "a.toml")
	lim := shortLimits
	base := startLimitedPreview(t, lim, pl)
	ev := openEvents(t, context.Background(), base+"/events/1")
	first, _ := ev.next(t, 10*time.Second)
	time.Sleep(lim.Read + lim.Write + 100*time.Millisecond) // past every deadline of an ordinary request
	writePlan(t, pl, fmt.Sprintf(minimalPlan, "Beta"))
	if v, ok := ev.next(t, 10*time.Second); !ok || v == first {
		t.Errorf("no new version after the timeouts: %q %v", v, ok)
	}
}

// dialRaw opens a plain TCP connection to the server with a generous deadline: the
// server must close it long before.
func dialRaw(t *testing.T, base string) net.Conn {
	t.Helper()
	c, err := net.Dial("tcp", strings.TrimPrefix(base, "http://"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { c.Close() })
	if err := c.SetReadDeadline(time.Now().Add(10 * time.Second)); err != nil {
		t.Fatal(err)
	}
	return c
}

// closedByServer reads until the server closes the connection; a timeout of the test's
// own deadline means the server kept it open.
func closedByServer(t *testing.T, c net.Conn, what string) {
	t.Helper()
	_, err := io.Copy(io.Discard, c)
	var ne net.Error
	if errors.As(err, &ne) && ne.Timeout() {
		t.Errorf("%s: the server kept the connection open", what)
	}
}

// Slowloris: a client that sends its headers a byte at a time is cut off after the header
// timeout, however steadily it sends.
func TestServeHeaderTimeout(t *testing.T) {
	dir := planDir(t, map[string]string{"a.toml": fmt.Sprintf(minimalPlan, "Alpha")})
	base := startLimitedPreview(t, shortLimits, filepath.Join(dir, "a.toml"))
	c := dialRaw(t, base)
	go func() {
		if _, err := io.WriteString(c, "GET / HTTP/1.1\r\nHost: localhost\r\n"); err != nil {
			return
		}
		for i := 0; ; i++ {
			time.Sleep(20 * time.Millisecond)
			if _, err := fmt.Fprintf(c, "X-%d: y\r\n", i); err != nil {
				return
			}
		}
	}()
	closedByServer(t, c, "slow headers")
}

// A keep-alive connection that sends no further request is closed after the idle timeout.
func TestServeIdleTimeout(t *testing.T) {
	dir := planDir(t, map[string]string{"a.toml": fmt.Sprintf(minimalPlan, "Alpha")})
	base := startLimitedPreview(t, shortLimits, filepath.Join(dir, "a.toml"))
	c := dialRaw(t, base)
	if _, err := io.WriteString(c, "GET / HTTP/1.1\r\nHost: localhost\r\n\r\n"); err != nil {
		t.Fatal(err)
	}
	br := bufio.NewReader(c)
	resp, err := http.ReadResponse(br, nil)
	if err != nil {
		t.Fatal(err)
	}
	_, _ = io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 200 || resp.Close {
		t.Fatalf("status %d, close %v", resp.StatusCode, resp.Close)
	}
	_, err = io.Copy(io.Discard, br)
	var ne net.Error
	if errors.As(err, &ne) && ne.Timeout() {
		t.Errorf("idle keep-alive connection kept open")
	}
}

// A request body sent slowly is cut off after the read timeout.
func TestServeReadTimeout(t *testing.T) {
	dir := planDir(t, map[string]string{"a.toml": fmt.Sprintf(minimalPlan, "Alpha")})
	base := startLimitedPreview(t, shortLimits, filepath.Join(dir, "a.toml"))
	c := dialRaw(t, base)
	go func() {
		if _, err := io.WriteString(c, "POST /plan/1 HTTP/1.1\r\nHost: localhost\r\nContent-Length: 100000\r\n\r\n"); err != nil {
			return
		}
		for {
			time.Sleep(20 * time.Millisecond)
			if _, err := io.WriteString(c, "x"); err != nil {
				return
			}
		}
	}()
	closedByServer(t, c, "slow body")
}

// A plan swapped for a named pipe after it was loaded: quoting its lines on the error
// page must not wait for a writer (it hung the plan and the index forever).
func TestServeProblemPageFIFO(t *testing.T) {
	fifo := filepath.Join(t.TempDir(), "a.toml")
	if err := mkfifo(fifo); err != nil {
		t.Skipf("mkfifo: %v", err)
	}
	pipe := defaultPipeline()
	pipe.Load = func(path string, _ time.Time) (*plan.Plan, *figures.Figures, plan.Diagnostics) {
		return nil, nil, plan.Diagnostics{{File: path, Line: 1, Col: 1, Message: "broken"}}
	}
	pv := preview.New([]string{fifo}, pipe, io.Discard)
	ts := startTestServer(t, pv)
	done := make(chan string, 1)
	go func() {
		resp, err := http.Get(ts.URL + "/plan/1")
		if err != nil {
			done <- err.Error()
			return
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		done <- string(b)
	}()
	select {
	case body := <-done:
		if !strings.Contains(body, "broken") {
			t.Errorf("problem page: %s", head(body, 300))
		}
	case <-time.After(10 * time.Second):
		t.Fatal("the problem page still waits for the named pipe after 10 s")
	}
}

// A client that sends requests and never reads the answers holds its connection in a
// write until the write timeout (2 min): stopping kep serve must still end within the
// shutdown grace (5 s) and with status 0. It exited with 2 ("shutdown: context deadline
// exceeded"), so any local process could make a Ctrl-C look like a failure.
func TestServeStopsWhileAClientDoesNotRead(t *testing.T) {
	dir := planDir(t, map[string]string{"a.toml": fmt.Sprintf(minimalPlan, "Alpha")})
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	stderr := &syncBuffer{}
	code := make(chan int, 1)
	go func() {
		code <- runServeContext(ctx, []string{"--addr", "127.0.0.1:0", filepath.Join(dir, "a.toml")}, io.Discard, stderr)
	}()
	var addr string
	for deadline := time.Now().Add(20 * time.Second); addr == ""; time.Sleep(10 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatalf("kep serve did not start:\n%s", stderr.String())
		}
		if _, rest, ok := strings.Cut(stderr.String(), " plan(s) at http://"); ok {
			addr, _, _ = strings.Cut(rest, "/")
		}
	}
	c, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	_ = c.(*net.TCPConn).SetReadBuffer(1024)
	go func() { // pages until the socket buffers are full and the server blocks writing
		for i := 0; i < 2000; i++ {
			if _, err := io.WriteString(c, "GET /plan/1 HTTP/1.1\r\nHost: localhost\r\n\r\n"); err != nil {
				return
			}
		}
	}()
	time.Sleep(time.Second)
	start := time.Now()
	cancel()
	select {
	case got := <-code:
		if got != 0 || !strings.Contains(stderr.String(), "kep serve: stopped") {
			t.Errorf("exit %d after %v:\n%s", got, time.Since(start), stderr.String())
		}
	case <-time.After(20 * time.Second):
		t.Fatal("kep serve did not stop")
	}
}
