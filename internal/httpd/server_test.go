package httpd

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"io"
	"log"
	"net"
	"net/http"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"
)

// start serves h on a free loopback port until the test ends; Shutdown must succeed
// and Serve return ErrServerClosed.
func start(t *testing.T, s *Server) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	errc := make(chan error, 1)
	go func() { errc <- s.Serve(ln) }()
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		if err := s.Shutdown(ctx); err != nil {
			t.Errorf("shutdown: %v", err)
		}
		if err := <-errc; !errors.Is(err, ErrServerClosed) {
			t.Errorf("serve: %v", err)
		}
	})
	return ln.Addr().String()
}

func hello(w *ResponseWriter, r *Request) {
	w.Header().Set("Content-Type", "text/plain")
	w.Header().Set("X-Path", r.Path)
	_, _ = w.WriteString("hello " + r.Path)
}

func dial(t *testing.T, addr string) net.Conn {
	t.Helper()
	c, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { c.Close() })
	_ = c.SetDeadline(time.Now().Add(10 * time.Second))
	return c
}

// readAll reads until the server closes; a timeout of the test's deadline is an error.
func readAll(t *testing.T, c net.Conn) string {
	t.Helper()
	b, err := io.ReadAll(c)
	var ne net.Error
	if errors.As(err, &ne) && ne.Timeout() {
		t.Fatalf("the server kept the connection open; read %q", b)
	}
	return string(b)
}

// Keep-alive, pipelining and HEAD: three requests in one write get three answers in
// order, each with its Content-Length, HEAD without a body; the last asks to close.
func TestPipelined(t *testing.T) {
	addr := start(t, &Server{Handler: hello})
	c := dial(t, addr)
	io.WriteString(c, "GET /a HTTP/1.1\r\nHost: x\r\n\r\nHEAD /b HTTP/1.1\r\nHost: x\r\n\r\n"+
		"GET /c?q HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
	br := bufio.NewReader(c)
	for _, p := range []string{"/a", "/b", "/c"} {
		method := "GET"
		if p == "/b" {
			method = "HEAD"
		}
		resp, err := http.ReadResponse(br, &http.Request{Method: method})
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(resp.Body)
		want := "hello " + p
		if method == "HEAD" {
			want = ""
		}
		if resp.StatusCode != 200 || resp.Header.Get("X-Path") != p || string(body) != want ||
			resp.ContentLength != int64(len("hello "+p)) || resp.Header.Get("Date") == "" {
			t.Errorf("%s %s: %d %v len %d body %q", method, p, resp.StatusCode, resp.Header, resp.ContentLength, body)
		}
		if resp.Close != (p == "/c") {
			t.Errorf("%s: Connection: close %v", p, resp.Close)
		}
	}
	if rest := readAll(t, c); rest != "" {
		t.Errorf("after the last response: %q", rest)
	}
}

// HTTP/1.0: answered as HTTP/1.0 and closed, keep-alive asked or not; no Host needed.
func TestHTTP10(t *testing.T) {
	addr := start(t, &Server{Handler: hello})
	for _, req := range []string{"GET /x HTTP/1.0\r\n\r\n", "GET /x HTTP/1.0\r\nConnection: keep-alive\r\nHost: x\r\n\r\n"} {
		c := dial(t, addr)
		io.WriteString(c, req)
		got := readAll(t, c)
		if !strings.HasPrefix(got, "HTTP/1.0 200 OK\r\n") || !strings.Contains(got, "\r\nConnection: close\r\n") ||
			!strings.Contains(got, "\r\nContent-Length: 8\r\n") || !strings.HasSuffix(got, "\r\n\r\nhello /x") {
			t.Errorf("%q:\n%s", req, got)
		}
	}
}

// A request with a body: GET gets 400, another method the handler's answer; the body is
// never read, the connection closes, and the client reads the whole response even while
// it is still sending a large body (no reset destroys it).
func TestBodyRefused(t *testing.T) {
	called := make(chan string, 4)
	addr := start(t, &Server{Handler: func(w *ResponseWriter, r *Request) {
		called <- r.Method
		w.Header().Set("Allow", "GET, HEAD")
		Error(w, "Method Not Allowed", 405)
	}, ReadTimeout: 2 * time.Second})
	for _, c := range []struct {
		head, status string
	}{
		{"GET / HTTP/1.1\r\nHost: x\r\nContent-Length: 4000000\r\n\r\n", "HTTP/1.1 400 Bad Request\r\n"},
		{"HEAD / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n", "HTTP/1.1 400 Bad Request\r\n"},
		{"POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 4000000\r\n\r\n", "HTTP/1.1 405 Method Not Allowed\r\n"},
	} {
		conn := dial(t, addr)
		go func() {
			io.WriteString(conn, c.head)
			chunk := bytes.Repeat([]byte("x"), 64<<10)
			for i := 0; i < 60; i++ {
				if _, err := conn.Write(chunk); err != nil {
					return
				}
			}
		}()
		got := readAll(t, conn)
		if !strings.HasPrefix(got, c.status) || !strings.Contains(got, "\r\nConnection: close\r\n") || !strings.HasSuffix(got, "\n") {
			t.Errorf("%.40q: %q", c.head, got)
		}
		if strings.HasPrefix(c.head, "GET") && !strings.Contains(got, "a request body is not accepted") {
			t.Errorf("GET with body: %q", got)
		}
	}
	if len(called) != 1 || <-called != "POST" {
		t.Errorf("the handler saw other requests than the POST")
	}
}

// Refused requests are answered with the status and closed; the handler never sees them.
func TestRefusedRequests(t *testing.T) {
	addr := start(t, &Server{Handler: func(w *ResponseWriter, r *Request) { t.Errorf("handler called for %q", r.Target) }})
	for req, status := range map[string]string{
		"GET / HTTP/1.1\r\n\r\n":                                                      "400 Bad Request",
		"GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n":                                "400 Bad Request",
		"GET / HTTP/2.0\r\nHost: a\r\n\r\n":                                           "505 HTTP Version Not Supported",
		"GET / HTTP/1.1\r\nHost: a\r\nX: " + strings.Repeat("y", 70<<10) + "\r\n\r\n": "431 Request Header Fields Too Large",
		"\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03\r\n\r\n":                        "400 Bad Request", // TLS
	} {
		c := dial(t, addr)
		go io.WriteString(c, req)
		got := readAll(t, c)
		if !strings.HasPrefix(got, "HTTP/1.1 "+status+"\r\n") || !strings.Contains(got, "\r\nConnection: close\r\n") {
			t.Errorf("%.30q: %q", req, got)
		}
	}
}

// The header limit counts the request line and headers together.
func TestHeaderLimit(t *testing.T) {
	addr := start(t, &Server{Handler: hello, MaxHeaderBytes: 1000})
	for n, want := range map[int]string{900: "HTTP/1.1 200 OK", 1001: "HTTP/1.1 431 "} {
		c := dial(t, addr)
		req := "GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n"
		req += "X: " + strings.Repeat("y", n-len(req)-len("X: \r\n\r\n")) + "\r\n\r\n"
		io.WriteString(c, req)
		if got := readAll(t, c); !strings.HasPrefix(got, want) {
			t.Errorf("%d bytes: %.60q", len(req), got)
		}
	}
}

// A response header value cannot split the response.
func TestHeaderInjection(t *testing.T) {
	addr := start(t, &Server{Handler: func(w *ResponseWriter, r *Request) {
		w.Header().Set("X-A", "a\r\nSet-Cookie: b=c\nX: \rd")
	}})
	c := dial(t, addr)
	io.WriteString(c, "GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
	got := readAll(t, c)
	if strings.Contains(got, "\nSet-Cookie") || !strings.Contains(got, "\r\nX-A: a  Set-Cookie: b=c X:  d\r\n") {
		t.Errorf("%q", got)
	}
}

// MaxConns: while every connection is active, a further one is served only when one
// closes.
func TestMaxConns(t *testing.T) {
	release := make(chan struct{}, 2)
	addr := start(t, &Server{Handler: func(w *ResponseWriter, r *Request) {
		if r.Path == "/block" {
			<-release
		}
		hello(w, r)
	}, MaxConns: 2})
	a, b := dial(t, addr), dial(t, addr)
	for _, c := range []net.Conn{a, b} {
		io.WriteString(c, "GET /block HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
	}
	time.Sleep(100 * time.Millisecond)
	third := dial(t, addr)
	io.WriteString(third, "GET /3 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
	_ = third.SetReadDeadline(time.Now().Add(200 * time.Millisecond))
	if n, _ := third.Read(make([]byte, 1)); n > 0 {
		t.Fatal("a third connection was served while two were active")
	}
	release <- struct{}{}
	_ = third.SetReadDeadline(time.Now().Add(10 * time.Second))
	if got := readAll(t, third); !strings.HasSuffix(got, "hello /3") {
		t.Errorf("third connection after one closed: %q", got)
	}
	release <- struct{}{}
	readAll(t, a)
	readAll(t, b)
}

// Timeouts: slow headers (slowloris), an idle keep-alive connection and a client that
// does not read its response are all cut off.
func TestTimeouts(t *testing.T) {
	big := bytes.Repeat([]byte("z"), 32<<20)
	addr := start(t, &Server{Handler: func(w *ResponseWriter, r *Request) {
		if r.Path == "/big" {
			_, _ = w.Write(big)
			return
		}
		hello(w, r)
	}, ReadHeaderTimeout: 200 * time.Millisecond, IdleTimeout: 200 * time.Millisecond, WriteTimeout: 300 * time.Millisecond})

	slow := dial(t, addr)
	go func() {
		io.WriteString(slow, "GET / HTTP/1.1\r\n")
		for {
			time.Sleep(20 * time.Millisecond)
			if _, err := io.WriteString(slow, "X: y\r\n"); err != nil {
				return
			}
		}
	}()
	idle := dial(t, addr)
	io.WriteString(idle, "GET / HTTP/1.1\r\nHost: x\r\n\r\n")
	stuck := dial(t, addr)
	io.WriteString(stuck, "GET /big HTTP/1.1\r\nHost: x\r\n\r\n")
	start := time.Now()
	readAll(t, slow)
	if got := readAll(t, idle); !strings.HasSuffix(got, "hello /") {
		t.Errorf("idle connection: %q", got)
	}
	time.Sleep(time.Second) // the server's write deadline passes while this client does not read
	if n, _ := io.Copy(io.Discard, stuck); n >= int64(len(big)) {
		t.Errorf("a client that did not read got the whole response")
	}
	if d := time.Since(start); d > 8*time.Second {
		t.Errorf("timeouts took %v", d)
	}
}

// A stream: headers without Content-Length and with Connection: close, messages as they
// are flushed, and Gone when the client leaves, so the handler returns and its
// connection (and whatever slot it held) is freed.
func TestStream(t *testing.T) {
	ended := make(chan struct{}, 1)
	tick := make(chan struct{})
	addr := start(t, &Server{Handler: func(w *ResponseWriter, r *Request) {
		defer func() { ended <- struct{}{} }()
		w.Header().Set("Content-Type", "text/event-stream")
		for i := 0; ; i++ {
			_ = w.SetWriteDeadline(time.Now().Add(5 * time.Second))
			w.WriteString("data: " + string(rune('a'+i%26)) + "\n\n")
			if w.Flush() != nil {
				return
			}
			select {
			case <-w.Gone():
				return
			case <-tick:
			}
		}
	}, WriteTimeout: 100 * time.Millisecond, ReadTimeout: 100 * time.Millisecond})
	c := dial(t, addr)
	io.WriteString(c, "GET /events HTTP/1.1\r\nHost: x\r\n\r\n")
	br := bufio.NewReader(c)
	resp, err := http.ReadResponse(br, nil)
	if err != nil {
		t.Fatal(err)
	}
	if resp.ContentLength != -1 || !resp.Close || resp.Header.Get("Content-Type") != "text/event-stream" {
		t.Fatalf("stream headers: %d %v %v", resp.ContentLength, resp.Close, resp.Header)
	}
	time.Sleep(300 * time.Millisecond) // past the write and read timeouts of a request
	tick <- struct{}{}
	line := ""
	for line != "data: b\n" {
		if line, err = br.ReadString('\n'); err != nil {
			t.Fatalf("stream: %v", err)
		}
	}
	c.Close()
	select {
	case <-ended:
	case <-time.After(10 * time.Second):
		t.Fatal("the stream's handler did not return after its client left")
	}

	// HEAD of a stream: the headers, then the connection closes.
	c = dial(t, addr)
	io.WriteString(c, "HEAD /events HTTP/1.1\r\nHost: x\r\n\r\n")
	if got := readAll(t, c); !strings.HasPrefix(got, "HTTP/1.1 200 OK\r\n") || !strings.HasSuffix(got, "\r\n\r\n") {
		t.Errorf("HEAD of a stream: %q", got)
	}
	<-ended
}

// Shutdown closes idle connections at once, lets an active request finish (its
// response says Connection: close), and gives up on a handler that does not return
// when ctx ends.
func TestShutdown(t *testing.T) {
	release := make(chan struct{})
	entered := make(chan struct{}, 2)
	s := &Server{Handler: func(w *ResponseWriter, r *Request) {
		if r.Path == "/slow" {
			entered <- struct{}{}
			<-release
		}
		hello(w, r)
	}}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	errc := make(chan error, 1)
	go func() { errc <- s.Serve(ln) }()
	addr := ln.Addr().String()

	idle := dial(t, addr)
	io.WriteString(idle, "GET / HTTP/1.1\r\nHost: x\r\n\r\n")
	if _, err := http.ReadResponse(bufio.NewReader(idle), nil); err != nil {
		t.Fatal(err)
	}
	fresh := dial(t, addr) // connected, no request yet
	partial := dial(t, addr)
	io.WriteString(partial, "GET / HTTP/1.1\r\nHost: x\r\n") // headers not finished
	active := dial(t, addr)
	io.WriteString(active, "GET /slow HTTP/1.1\r\nHost: x\r\n\r\n")
	<-entered

	done := make(chan error, 1)
	go func() { done <- s.Shutdown(context.Background()) }()
	readAll(t, idle)
	readAll(t, fresh)
	if got := readAll(t, partial); got != "" {
		t.Errorf("unfinished request at shutdown: %q", got)
	}
	select {
	case err := <-done:
		t.Fatalf("Shutdown returned %v while a request was active", err)
	case <-time.After(100 * time.Millisecond):
	}
	close(release)
	if got := readAll(t, active); !strings.Contains(got, "\r\nConnection: close\r\n") || !strings.HasSuffix(got, "hello /slow") {
		t.Errorf("active request at shutdown: %q", got)
	}
	if err := <-done; err != nil {
		t.Errorf("Shutdown: %v", err)
	}
	if err := <-errc; !errors.Is(err, ErrServerClosed) {
		t.Errorf("Serve: %v", err)
	}
	if _, err := net.Dial("tcp", addr); err == nil {
		t.Error("still accepting after Shutdown")
	}

	// A handler that does not return: Shutdown gives up when ctx ends and closes it.
	stuck := make(chan struct{})
	defer close(stuck)
	s2 := &Server{Handler: func(w *ResponseWriter, r *Request) { entered <- struct{}{}; <-stuck }}
	addr2 := start2(t, s2)
	c := dial(t, addr2)
	io.WriteString(c, "GET / HTTP/1.1\r\nHost: x\r\n\r\n")
	<-entered
	ctx, cancel := context.WithTimeout(context.Background(), 100*time.Millisecond)
	defer cancel()
	if err := s2.Shutdown(ctx); !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("Shutdown with a stuck handler: %v", err)
	}
	readAll(t, c)
}

func start2(t *testing.T, s *Server) string {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	go s.Serve(ln)
	return ln.Addr().String()
}

// A panic in the handler closes its connection, is logged, and the server goes on.
func TestPanic(t *testing.T) {
	var logbuf syncBuffer
	addr := start(t, &Server{Handler: func(w *ResponseWriter, r *Request) {
		if r.Path == "/panic" {
			panic("boom")
		}
		hello(w, r)
	}, ErrorLog: log.New(&logbuf, "", 0)})
	c := dial(t, addr)
	io.WriteString(c, "GET /panic HTTP/1.1\r\nHost: x\r\n\r\n")
	if got := readAll(t, c); got != "" {
		t.Errorf("response after a panic: %q", got)
	}
	if !strings.Contains(logbuf.String(), "panic serving") || !strings.Contains(logbuf.String(), "boom") {
		t.Errorf("log: %q", logbuf.String())
	}
	c = dial(t, addr)
	io.WriteString(c, "GET /ok HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
	if got := readAll(t, c); !strings.HasSuffix(got, "hello /ok") {
		t.Errorf("after a panic: %q", got)
	}
}

// Hostile and broken clients leave no goroutine behind once the server has shut down.
func TestNoGoroutineLeak(t *testing.T) {
	before := runtime.NumGoroutine()
	s := &Server{Handler: func(w *ResponseWriter, r *Request) {
		if r.Path == "/stream" {
			w.WriteString("x")
			for w.Flush() == nil {
				select {
				case <-w.Gone():
					return
				case <-time.After(10 * time.Millisecond):
				}
			}
			return
		}
		hello(w, r)
	}, ReadHeaderTimeout: time.Second, IdleTimeout: time.Second, WriteTimeout: time.Second}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	errc := make(chan error, 1)
	go func() { errc <- s.Serve(ln) }()
	addr := ln.Addr().String()
	var wg sync.WaitGroup
	for _, req := range []string{
		"", "GET", "GET / HTTP/1.1\r\nHost: x\r\n", "GET /stream HTTP/1.1\r\nHost: x\r\n\r\n",
		"GET / HTTP/1.1\r\nHost: x\r\n\r\nGET / HTTP/1.1\r\nHost: x\r\n\r\n", "\xff\xfe\x00garbage\r\n\r\n",
		"POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\n\r\nab",
	} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			c, err := net.Dial("tcp", addr)
			if err != nil {
				return
			}
			io.WriteString(c, req)
			time.Sleep(50 * time.Millisecond)
			c.Close()
		}()
	}
	wg.Wait()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := s.Shutdown(ctx); err != nil {
		t.Fatal(err)
	}
	<-errc
	deadline := time.Now().Add(5 * time.Second)
	for runtime.NumGoroutine() > before && time.Now().Before(deadline) {
		time.Sleep(20 * time.Millisecond)
	}
	if n := runtime.NumGoroutine(); n > before {
		buf := make([]byte, 1<<16)
		t.Errorf("%d goroutines, %d before:\n%s", n, before, buf[:runtime.Stack(buf, true)])
	}
}

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

// At MaxConns, connections that only wait for their next request (keep-alive, or a
// request that does not come) make way for a new client: they held every place for the
// idle timeout (60 s in kep serve), so a page that opens a few hundred keep-alive
// connections (many *.localhost names, 6 each) locked the user out. Active ones stay.
func TestIdleMakesWayAtMaxConns(t *testing.T) {
	release := make(chan struct{})
	defer close(release)
	addr := start(t, &Server{Handler: func(w *ResponseWriter, r *Request) {
		if r.Path == "/block" {
			<-release
		}
		hello(w, r)
	}, MaxConns: 3, IdleTimeout: time.Minute, ReadHeaderTimeout: time.Minute})
	active := dial(t, addr)
	io.WriteString(active, "GET /block HTTP/1.1\r\nHost: x\r\n\r\n")
	idle := dial(t, addr)
	io.WriteString(idle, "GET / HTTP/1.1\r\nHost: x\r\n\r\n")
	if _, err := http.ReadResponse(bufio.NewReader(idle), nil); err != nil {
		t.Fatal(err)
	}
	silent := dial(t, addr) // sends nothing
	time.Sleep(100 * time.Millisecond)
	// The first new client takes the place of the connection idle longest (the kept-alive
	// one), the second that of the silent one: the first is still open, idle since later.
	first := dial(t, addr)
	io.WriteString(first, "GET /a HTTP/1.1\r\nHost: x\r\n\r\n")
	_ = first.SetReadDeadline(time.Now().Add(5 * time.Second))
	if _, err := http.ReadResponse(bufio.NewReader(first), nil); err != nil {
		t.Fatalf("first new client at the limit: %v", err)
	}
	if got := readAll(t, idle); got != "" {
		t.Errorf("idle connection got %q", got)
	}
	second := dial(t, addr)
	_ = second.SetReadDeadline(time.Now().Add(5 * time.Second))
	io.WriteString(second, "GET /b HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
	if got := readAll(t, second); !strings.HasSuffix(got, "hello /b") {
		t.Fatalf("second new client at the limit: %q", got)
	}
	if got := readAll(t, silent); got != "" {
		t.Errorf("silent connection got %q", got)
	}
	// The active request was left alone: it is answered when its handler returns.
	_ = active.SetReadDeadline(time.Now().Add(100 * time.Millisecond))
	if n, err := active.Read(make([]byte, 1)); n > 0 || !isTimeout(err) {
		t.Errorf("active connection: %d bytes, %v", n, err)
	}
}

func isTimeout(err error) bool {
	var ne net.Error
	return errors.As(err, &ne) && ne.Timeout()
}

// WriteShared's parts and Write's copies make one body, in order, with its length; a
// stream sends them after its headers.
func TestWriteShared(t *testing.T) {
	shared := []byte("bc")
	addr := start(t, &Server{Handler: func(w *ResponseWriter, r *Request) {
		_, _ = w.Write([]byte("a"))
		_, _ = w.WriteShared(shared)
		_, _ = w.WriteString("d")
		_, _ = w.WriteShared(nil)
		_, _ = w.WriteString("e")
		if r.Path == "/stream" {
			_ = w.Flush()
			_, _ = w.WriteShared(shared)
		}
	}})
	c := dial(t, addr)
	io.WriteString(c, "GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
	if got := readAll(t, c); !strings.HasSuffix(got, "\r\nContent-Length: 5\r\nConnection: close\r\n\r\nabcde") {
		t.Errorf("response: %q", got)
	}
	c = dial(t, addr)
	io.WriteString(c, "GET /stream HTTP/1.1\r\nHost: x\r\n\r\n")
	if got := readAll(t, c); !strings.HasSuffix(got, "\r\nConnection: close\r\n\r\nabcdebc") {
		t.Errorf("stream: %q", got)
	}
}
