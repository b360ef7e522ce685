package httpd

import (
	"bufio"
	"bytes"
	"errors"
	"io"
	"log"
	"net"
	"net/http"
	"strings"
	"testing"
	"time"
)

// fakeConn is a connection whose client has sent in and then waits: reads return in, then
// EOF; writes are kept (up to limit bytes, then they fail as to a client that left).
type fakeConn struct {
	in    *bytes.Reader
	out   bytes.Buffer
	limit int
}

func (c *fakeConn) Read(p []byte) (int, error) { return c.in.Read(p) }
func (c *fakeConn) Write(p []byte) (int, error) {
	if room := c.limit - c.out.Len(); len(p) > room {
		c.out.Write(p[:max(room, 0)])
		return max(room, 0), errors.New("fake: client gone")
	}
	return c.out.Write(p)
}
func (c *fakeConn) Close() error                     { return nil }
func (c *fakeConn) LocalAddr() net.Addr              { return &net.TCPAddr{} }
func (c *fakeConn) RemoteAddr() net.Addr             { return &net.TCPAddr{} }
func (c *fakeConn) SetDeadline(time.Time) error      { return nil }
func (c *fakeConn) SetReadDeadline(time.Time) error  { return nil }
func (c *fakeConn) SetWriteDeadline(time.Time) error { return nil }

// FuzzServeConn runs the server's connection loop on a whole connection's bytes: no
// panic but the handler's own, every request the handler sees is well-formed, and the
// bytes sent back are a sequence of well-formed responses, one per request answered,
// nothing after the one that closes, no header line injected from the request.
func FuzzServeConn(f *testing.F) {
	for _, s := range []string{
		"GET / HTTP/1.1\r\nHost: a\r\n\r\nHEAD /b HTTP/1.1\r\nHost: a\r\n\r\nGET /c HTTP/1.0\r\n\r\n",
		"GET /events HTTP/1.1\r\nHost: a\r\n\r\nGET / HTTP/1.1\r\nHost: a\r\n\r\n",
		"HEAD /events HTTP/1.1\r\nHost: a\r\n\r\n",
		"GET /panic HTTP/1.1\r\nHost: a\r\n\r\n",
		"POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 5\r\n\r\nhelloGET / HTTP/1.1\r\nHost: a\r\n\r\n",
		"GET / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n",
		"GET /big?x HTTP/1.1\r\nHost: [::1]:8080\r\nConnection: close\r\n\r\n",
		"GET /shared HTTP/1.1\r\nHost: a\r\n\r\nHEAD /shared HTTP/1.1\r\nHost: a\r\n\r\n",
		"GET http://localhost/a%0d%0aX:%20y HTTP/1.1\r\nHost: a\r\n\r\nGET / HTTP/1.1\nHost: a\n\n",
	} {
		f.Add([]byte(s), uint16(0))
		f.Add([]byte(s), uint16(100))
	}
	big := strings.Repeat("z", 10<<10)
	shared := []byte("helloworld")
	f.Fuzz(func(t *testing.T, in []byte, cut uint16) {
		var logbuf bytes.Buffer
		var methods []string
		s := &Server{Handler: func(w *ResponseWriter, r *Request) {
			methods = append(methods, r.Method)
			if !isToken(r.Method) || !strings.HasPrefix(r.Path, "/") || !validHost(r.Host) {
				t.Fatalf("handler got %+v", r)
			}
			// Request data reflected in header values must not add header lines.
			w.Header().Set("X-Target", r.Target)
			w.Header().Set("Content-Disposition", `attachment; filename="`+r.Query+`"`)
			switch r.Path {
			case "/panic":
				panic("fuzz: handler panic")
			case "/big":
				_, _ = w.WriteString(big)
			case "/events":
				for i := 0; i < 3; i++ {
					_, _ = w.WriteString("data: x\n\n")
					if w.Flush() != nil {
						return
					}
				}
				<-w.Gone()
			case "/shared":
				_, _ = w.WriteShared(shared[:5])
				_, _ = w.WriteString(" ")
				_, _ = w.WriteShared(shared[5:])
			default:
				_, _ = w.WriteString("hello")
			}
		}, ErrorLog: log.New(&logbuf, "", 0), ReadTimeout: time.Second}
		s.init()
		limit := 1 << 30
		if cut > 0 {
			limit = int(cut)
		}
		fc := &fakeConn{in: bytes.NewReader(in), limit: limit}
		c := &conn{srv: s, rwc: fc}
		s.conns[c] = stateIdle
		c.serve()
		if n := strings.Count(logbuf.String(), "panic serving"); n != strings.Count(logbuf.String(), "fuzz: handler panic") {
			t.Fatalf("panic in the server:\n%s", logbuf.String())
		}
		if len(s.conns) != 0 {
			t.Fatalf("connection still registered")
		}
		out := fc.out.Bytes()
		br := bufio.NewReader(bytes.NewReader(out))
		for i := 0; ; i++ {
			if _, err := br.Peek(1); err == io.EOF {
				if i < len(methods) && cut == 0 && !strings.Contains(logbuf.String(), "panic serving") {
					t.Fatalf("%d requests handled, %d responses", len(methods), i)
				}
				return
			}
			method := "GET"
			if i < len(methods) {
				method = methods[i]
			}
			resp, err := http.ReadResponse(br, &http.Request{Method: method})
			if err != nil {
				if cut > 0 {
					return // the client left within this response
				}
				t.Fatalf("response %d: %v\n%q", i, err, out)
			}
			body, err := io.ReadAll(resp.Body)
			if err != nil && cut == 0 {
				t.Fatalf("response %d body: %v", i, err)
			}
			if resp.ProtoMajor != 1 || resp.StatusCode < 200 || resp.StatusCode > 599 {
				t.Fatalf("response %d: %s %d", i, resp.Proto, resp.StatusCode)
			}
			for k := range resp.Header {
				switch k {
				case "Content-Type", "X-Content-Type-Options", "Content-Length", "Connection", "Date", "X-Target", "Content-Disposition":
				default:
					t.Fatalf("response %d: header %q injected\n%q", i, k, out)
				}
			}
			if resp.ContentLength < 0 && !resp.Close {
				t.Fatalf("response %d: no length and not closed", i)
			}
			if method != "HEAD" && resp.ContentLength >= 0 && int64(len(body)) != resp.ContentLength && cut == 0 {
				t.Fatalf("response %d: %d bytes of %d", i, len(body), resp.ContentLength)
			}
			if resp.Close {
				if rest, _ := io.ReadAll(br); len(rest) > 0 {
					t.Fatalf("after a response that closes: %q", rest)
				}
				return
			}
		}
	})
}
