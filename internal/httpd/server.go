package httpd

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"log"
	"net"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"
)

// Handler answers one request. It writes to w; the server sends the response when the
// handler returns, or at w.Flush for a stream.
type Handler func(w *ResponseWriter, r *Request)

// Server serves Handler on a listener. The fields mean what net/http.Server's of the
// same names mean; MaxConns limits the connections served at once. At the limit, the
// connection that has waited longest for a request (an idle keep-alive one, or one that
// has not finished its request) is closed for a new client; when all are active, the new
// one waits (further ones in the kernel's accept queue).
type Server struct {
	Handler           Handler
	ReadHeaderTimeout time.Duration // from a request's first byte to the end of its headers
	ReadTimeout       time.Duration // the same, and to drain an unread body before closing
	WriteTimeout      time.Duration // from the end of the request to the end of the response
	IdleTimeout       time.Duration // a keep-alive connection waits this long for a request
	MaxHeaderBytes    int           // request line and headers together; 0: 64 KB
	MaxConns          int           // 0: no limit
	ErrorLog          *log.Logger   // accept errors and panics; nil: none

	mu       sync.Mutex
	ln       net.Listener
	conns    map[*conn]connState
	closed   bool
	done     chan struct{} // closed by Shutdown
	connGone chan struct{} // a connection ended (Shutdown waits for them)
	sem      chan struct{}
}

type connState int

const (
	stateIdle   connState = iota // waiting for a request's first byte (or a new connection)
	stateActive                  // reading a request, running the handler, writing
)

// ErrServerClosed is what Serve returns after Shutdown.
var ErrServerClosed = errors.New("httpd: Server closed")

const defaultMaxHeaderBytes = 64 << 10

func (s *Server) init() {
	if s.done == nil {
		s.done = make(chan struct{})
		s.connGone = make(chan struct{}, 1)
		s.conns = map[*conn]connState{}
		if s.MaxConns > 0 {
			s.sem = make(chan struct{}, s.MaxConns)
		}
	}
}

// Serve accepts connections on ln until Shutdown, serving each on its own goroutine.
// It closes ln when it returns.
func (s *Server) Serve(ln net.Listener) error {
	s.mu.Lock()
	s.init()
	if s.closed {
		s.mu.Unlock()
		ln.Close()
		return ErrServerClosed
	}
	s.ln = ln
	s.mu.Unlock()
	defer ln.Close()

	var delay time.Duration // after a temporary accept error (too many open files)
	for {
		rwc, err := ln.Accept()
		if err != nil {
			select {
			case <-s.done:
				return ErrServerClosed
			default:
			}
			var te interface{ Temporary() bool }
			if errors.As(err, &te) && te.Temporary() {
				delay = min(max(2*delay, 5*time.Millisecond), time.Second)
				s.logf("accept error: %v; retrying in %v", err, delay)
				select {
				case <-time.After(delay):
				case <-s.done:
					return ErrServerClosed
				}
				continue
			}
			return err
		}
		delay = 0
		if s.sem != nil {
			select {
			case s.sem <- struct{}{}:
			default:
				// Idle connections must not lock out new clients for the idle timeout: a
				// page can open hundreds of keep-alive ones (6 per *.localhost name).
				s.closeLongestIdle()
				select {
				case s.sem <- struct{}{}:
				case <-s.done:
					rwc.Close()
					return ErrServerClosed
				}
			}
		}
		c := &conn{srv: s, rwc: rwc}
		s.mu.Lock()
		if s.closed {
			s.mu.Unlock()
			rwc.Close()
			if s.sem != nil {
				<-s.sem
			}
			return ErrServerClosed
		}
		s.conns[c] = stateIdle
		c.idleSince = time.Now()
		s.mu.Unlock()
		go c.serve()
	}
}

// Shutdown stops accepting, closes the connections that wait for a request and waits
// until the others have answered theirs; a stream is expected to end by itself (the
// handler's own signal). When ctx ends first, the remaining connections are closed and
// ctx's error is returned.
func (s *Server) Shutdown(ctx context.Context) error {
	s.mu.Lock()
	s.init()
	if !s.closed {
		s.closed = true
		close(s.done)
	}
	ln := s.ln
	s.mu.Unlock()
	if ln != nil {
		ln.Close()
	}
	tick := time.NewTicker(50 * time.Millisecond)
	defer tick.Stop()
	for {
		s.mu.Lock()
		for c, st := range s.conns {
			if st == stateIdle {
				c.rwc.Close()
			}
		}
		n := len(s.conns)
		s.mu.Unlock()
		if n == 0 {
			return nil
		}
		select {
		case <-s.connGone:
		case <-tick.C:
		case <-ctx.Done():
			s.mu.Lock()
			for c := range s.conns {
				c.rwc.Close()
			}
			s.mu.Unlock()
			return ctx.Err()
		}
	}
}

// setState records c's state; it reports false when c is to close because the server
// is shutting down and c waits for a request.
func (s *Server) setState(c *conn, st connState) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed && st == stateIdle {
		return false
	}
	if st == stateIdle && s.conns[c] != stateIdle {
		c.idleSince = time.Now()
	}
	s.conns[c] = st
	return true
}

// closeLongestIdle closes the connection that has waited longest for a request, if any.
func (s *Server) closeLongestIdle() {
	s.mu.Lock()
	defer s.mu.Unlock()
	var oldest *conn
	for c, st := range s.conns {
		if st == stateIdle && !c.evicted && (oldest == nil || c.idleSince.Before(oldest.idleSince)) {
			oldest = c
		}
	}
	if oldest != nil {
		oldest.evicted = true
		oldest.rwc.Close()
	}
}

func (s *Server) shuttingDown() bool {
	select {
	case <-s.done:
		return true
	default:
		return false
	}
}

func (s *Server) logf(format string, args ...any) {
	if s.ErrorLog != nil {
		s.ErrorLog.Printf(format, args...)
	}
}

// conn is one client connection, served request by request on its own goroutine.
type conn struct {
	srv *Server
	rwc net.Conn
	br  *bufio.Reader
	bw  *bufio.Writer

	idleSince time.Time // when it began to wait for a request (srv.mu)
	evicted   bool      // closed to make way for a new client (srv.mu)
}

func deadline(d time.Duration) time.Time {
	if d <= 0 {
		return time.Time{}
	}
	return time.Now().Add(d)
}

func (c *conn) serve() {
	s := c.srv
	defer func() {
		if p := recover(); p != nil {
			buf := make([]byte, 16<<10)
			buf = buf[:runtime.Stack(buf, false)]
			s.logf("panic serving %v: %v\n%s", c.rwc.RemoteAddr(), p, buf)
		}
		c.rwc.Close()
		s.mu.Lock()
		delete(s.conns, c)
		s.mu.Unlock()
		if s.sem != nil {
			<-s.sem
		}
		select {
		case s.connGone <- struct{}{}:
		default:
		}
	}()
	maxHeader := s.MaxHeaderBytes
	if maxHeader <= 0 {
		maxHeader = defaultMaxHeaderBytes
	}
	headerTimeout := s.ReadHeaderTimeout
	if headerTimeout <= 0 || s.ReadTimeout > 0 && s.ReadTimeout < headerTimeout {
		headerTimeout = s.ReadTimeout
	}
	idle := s.IdleTimeout
	if idle <= 0 {
		idle = s.ReadTimeout
	}
	c.br = bufio.NewReaderSize(c.rwc, 4<<10)
	c.bw = bufio.NewWriterSize(c.rwc, 4<<10)
	for first := true; ; first = false {
		// Waiting for a request: a new connection has the header timeout to send it, a
		// kept-alive one the idle timeout to begin it.
		if !s.setState(c, stateIdle) {
			return
		}
		if first {
			_ = c.rwc.SetReadDeadline(deadline(headerTimeout)) // from the accept, as net/http
		} else {
			_ = c.rwc.SetReadDeadline(deadline(idle))
		}
		if _, err := c.br.Peek(1); err != nil {
			return
		}
		if !first {
			_ = c.rwc.SetReadDeadline(deadline(headerTimeout))
		}
		// Still idle while the headers come, as in net/http: Shutdown closes a connection
		// that has not sent a whole request (a slowloris client does not delay it).
		req, err := readRequest(c.br, maxHeader)
		s.setState(c, stateActive)
		if err != nil {
			var pe *protoError
			if errors.As(err, &pe) {
				_ = c.rwc.SetWriteDeadline(deadline(10 * time.Second))
				c.writeError(pe.code, pe.Error())
				c.closeWriteAndDrain()
			}
			return
		}
		_ = c.rwc.SetWriteDeadline(deadline(s.WriteTimeout))
		if req.hasBody && (req.Method == "GET" || req.Method == "HEAD") {
			c.writeError(400, statusText(400)+": a request body is not accepted")
			c.closeWriteAndDrain()
			return
		}
		w := &ResponseWriter{c: c, req: req, header: Header{}}
		s.Handler(w, req)
		if w.stream {
			_ = w.Flush()
			return
		}
		closeAfter := req.close || req.hasBody || s.shuttingDown()
		if err := w.finish(closeAfter); err != nil || closeAfter {
			if req.hasBody || c.br.Buffered() > 0 { // unread input: see closeWriteAndDrain
				c.closeWriteAndDrain()
			}
			return
		}
	}
}

// closeWriteAndDrain ends a connection whose client may still be sending (a body never
// read, a refused request): closing with unread input makes the kernel send a reset,
// which can destroy the response before the client has read it. So the server says it
// has finished (FIN), reads and drops what comes for a short while, then closes.
func (c *conn) closeWriteAndDrain() {
	if cw, ok := c.rwc.(interface{ CloseWrite() error }); ok {
		_ = cw.CloseWrite()
	}
	d := 500 * time.Millisecond
	if r := c.srv.ReadTimeout; r > 0 && r < d {
		d = r
	}
	_ = c.rwc.SetReadDeadline(time.Now().Add(d))
	_, _ = io.CopyN(io.Discard, c.rwc, 256<<10)
}

// writeError answers a request the server refuses by itself, as net/http does: plain
// text, then the connection closes.
func (c *conn) writeError(code int, msg string) {
	body := strconv.Itoa(code) + " " + msg + "\n"
	fmt.Fprintf(c.bw, "HTTP/1.1 %d %s\r\nContent-Type: text/plain; charset=utf-8\r\n"+
		"X-Content-Type-Options: nosniff\r\nContent-Length: %d\r\nConnection: close\r\n\r\n%s",
		code, statusText(code), len(body), body)
	_ = c.bw.Flush()
}

// Header holds a response's header fields, by canonical name ("Content-Type").
type Header map[string]string

func (h Header) Set(key, value string) { h[key] = value }
func (h Header) Get(key string) string { return h[key] }
func (h Header) Del(key string)        { delete(h, key) }

// ResponseWriter collects a response: the body is kept until the handler returns and
// is then sent with its Content-Length, unless Flush made the response a stream.
type ResponseWriter struct {
	c      *conn
	req    *Request
	header Header
	status int
	body   [][]byte // in parts: WriteShared's are the caller's, not copies
	owned  bool     // the last part of body is the writer's own copy: Write appends to it
	stream bool     // the headers are sent; writes go to the connection, which closes at the end
	err    error
	gone   chan struct{}
}

func (w *ResponseWriter) Header() Header { return w.header }

// WriteHeader sets the status code; only the first call counts, and none after a write.
func (w *ResponseWriter) WriteHeader(code int) {
	if w.status == 0 {
		w.status = code
	}
}

func (w *ResponseWriter) Write(p []byte) (int, error) {
	w.WriteHeader(200)
	if !w.stream {
		w.own()
		w.body[len(w.body)-1] = append(w.body[len(w.body)-1], p...)
		return len(p), nil
	}
	if w.err != nil {
		return 0, w.err
	}
	n, err := w.c.bw.Write(p)
	if err != nil {
		w.err = err
	}
	return n, err
}

func (w *ResponseWriter) WriteString(s string) (int, error) {
	w.WriteHeader(200)
	if !w.stream {
		w.own()
		w.body[len(w.body)-1] = append(w.body[len(w.body)-1], s...)
		return len(s), nil
	}
	if w.err != nil {
		return 0, w.err
	}
	n, err := w.c.bw.WriteString(s)
	if err != nil {
		w.err = err
	}
	return n, err
}

// own makes the last part of the body one that Write may append to.
func (w *ResponseWriter) own() {
	if !w.owned {
		w.body = append(w.body, nil)
		w.owned = true
	}
}

// WriteShared is Write without a copy: p is sent as it is, so the caller must not change
// it until the handler has returned. A page rendered once is so sent to any number of
// clients without a copy each, however slowly they read (a copy per request let clients
// that do not read hold 4.5 MB each, for up to the write timeout).
func (w *ResponseWriter) WriteShared(p []byte) (int, error) {
	if w.stream {
		return w.Write(p)
	}
	w.WriteHeader(200)
	w.body = append(w.body, p)
	w.owned = false
	return len(p), nil
}

// Flush sends what was written so far. The first Flush makes the response a stream: its
// headers go out without Content-Length and with Connection: close, later writes go to
// the connection, and the connection closes when the handler returns. A stream's client
// is watched from then on (Gone). For HEAD, the headers are all: Flush returns an error.
func (w *ResponseWriter) Flush() error {
	if !w.stream {
		w.WriteHeader(200)
		w.stream = true
		body := w.body
		w.body = nil
		w.writeHeader(-1, true)
		if w.req.Method == "HEAD" {
			w.err = errHeadStream
			_ = w.c.bw.Flush()
			return w.err
		}
		for _, p := range body {
			_, _ = w.c.bw.Write(p)
		}
		// The request has no body and the connection closes after the stream: any read
		// that returns means the client has closed (or breaks the protocol).
		if w.gone == nil {
			w.gone = make(chan struct{})
		}
		_ = w.c.rwc.SetReadDeadline(time.Time{})
		go func(rwc net.Conn, gone chan struct{}) {
			var b [1]byte
			_, _ = rwc.Read(b[:])
			close(gone)
		}(w.c.rwc, w.gone)
	}
	if w.err != nil {
		return w.err
	}
	if err := w.c.bw.Flush(); err != nil {
		w.err = err
	}
	return w.err
}

// Gone is closed when the client of a stream has closed its connection.
func (w *ResponseWriter) Gone() <-chan struct{} {
	if w.gone == nil {
		w.gone = make(chan struct{})
	}
	return w.gone
}

// SetWriteDeadline sets the connection's write deadline (per message of a stream).
func (w *ResponseWriter) SetWriteDeadline(t time.Time) error { return w.c.rwc.SetWriteDeadline(t) }

// finish sends a complete response.
func (w *ResponseWriter) finish(closeAfter bool) error {
	w.WriteHeader(200)
	n := 0
	for _, p := range w.body {
		n += len(p)
	}
	w.writeHeader(n, closeAfter)
	if w.req.Method != "HEAD" {
		for _, p := range w.body {
			if _, err := w.c.bw.Write(p); err != nil {
				return err
			}
		}
	}
	return w.c.bw.Flush()
}

// writeHeader writes the status line and the header fields, sorted as net/http sorts
// them; length < 0: no Content-Length (a stream).
func (w *ResponseWriter) writeHeader(length int, closeAfter bool) {
	bw := w.c.bw
	proto := "HTTP/1.1 "
	if w.req.minor == 0 {
		proto = "HTTP/1.0 "
	}
	bw.WriteString(proto)
	bw.WriteString(strconv.Itoa(w.status))
	bw.WriteByte(' ')
	bw.WriteString(statusText(w.status))
	bw.WriteString("\r\n")
	keys := make([]string, 0, len(w.header))
	for k := range w.header {
		switch k {
		case "Content-Length", "Connection", "Transfer-Encoding", "Date":
			continue // the server's own
		}
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		writeField(bw, k, w.header[k])
	}
	writeField(bw, "Date", time.Now().UTC().Format("Mon, 02 Jan 2006 15:04:05 GMT"))
	if length >= 0 {
		writeField(bw, "Content-Length", strconv.Itoa(length))
	}
	if closeAfter {
		writeField(bw, "Connection", "close")
	}
	bw.WriteString("\r\n")
}

// writeField writes one header field; a line break in a value would split the response
// (a header injected), so it becomes a space, as net/http makes it.
func writeField(bw *bufio.Writer, k, v string) {
	if strings.ContainsAny(v, "\r\n") {
		v = strings.NewReplacer("\r", " ", "\n", " ").Replace(v)
	}
	bw.WriteString(k)
	bw.WriteString(": ")
	bw.WriteString(v)
	bw.WriteString("\r\n")
}

// Error answers with msg as plain text, as net/http's Error does.
func Error(w *ResponseWriter, msg string, code int) {
	h := w.Header()
	h.Set("Content-Type", "text/plain; charset=utf-8")
	h.Set("X-Content-Type-Options", "nosniff")
	w.WriteHeader(code)
	_, _ = w.WriteString(msg + "\n")
}

// NotFound answers 404 with net/http's words.
func NotFound(w *ResponseWriter) { Error(w, "404 page not found", 404) }

// statusText is the reason phrase of the codes this server and the preview send.
func statusText(code int) string {
	switch code {
	case 200:
		return "OK"
	case 400:
		return "Bad Request"
	case 404:
		return "Not Found"
	case 405:
		return "Method Not Allowed"
	case 421:
		return "Misdirected Request"
	case 422:
		return "Unprocessable Entity"
	case 431:
		return "Request Header Fields Too Large"
	case 500:
		return "Internal Server Error"
	case 503:
		return "Service Unavailable"
	case 505:
		return "HTTP Version Not Supported"
	}
	return "Status " + strconv.Itoa(code)
}
