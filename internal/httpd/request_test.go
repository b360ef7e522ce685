package httpd

import (
	"bufio"
	"errors"
	"io"
	"net/http"
	"strings"
	"testing"
)

func parse(s string) (*Request, error) {
	return readRequest(bufio.NewReaderSize(strings.NewReader(s), 4<<10), defaultMaxHeaderBytes)
}

func TestReadRequest(t *testing.T) {
	type want struct {
		method, path, query, host string
		close, body               bool
	}
	for _, c := range []struct {
		in   string
		want want
	}{
		{"GET / HTTP/1.1\r\nHost: localhost:8080\r\n\r\n", want{"GET", "/", "", "localhost:8080", false, false}},
		{"HEAD /plan/1?x=1&y HTTP/1.1\r\nhost: a\r\n\r\n", want{"HEAD", "/plan/1", "x=1&y", "a", false, false}},
		// Bare LF line ends, as net/http's textproto accepts them.
		{"GET /plan/1 HTTP/1.1\nHost: a\n\n", want{"GET", "/plan/1", "", "a", false, false}},
		// The absolute form's authority is the host (RFC 9112 3.2.2), as net/http takes it.
		{"GET http://localhost/plan/2 HTTP/1.1\r\nHost: evil.example\r\n\r\n", want{"GET", "/plan/2", "", "localhost", false, false}},
		{"GET HTTPS://evil.example HTTP/1.1\r\nHost: localhost\r\n\r\n", want{"GET", "/", "", "evil.example", false, false}},
		// HTTP/1.0: no Host needed, the connection closes.
		{"GET / HTTP/1.0\r\n\r\n", want{"GET", "/", "", "", true, false}},
		{"GET / HTTP/1.0\r\nConnection: keep-alive\r\nHost: a\r\n\r\n", want{"GET", "/", "", "a", true, false}},
		{"GET / HTTP/1.1\r\nHost: a\r\nConnection: Keep-Alive, CLOSE\r\n\r\n", want{"GET", "/", "", "a", true, false}},
		{"GET / HTTP/1.2\r\nHost: a\r\n\r\n", want{"GET", "/", "", "a", false, false}},
		{"POST /plan/1 HTTP/1.1\r\nHost: a\r\nContent-Length: 5\r\n\r\nhello", want{"POST", "/plan/1", "", "a", false, true}},
		{"POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n", want{"POST", "/", "", "a", false, true}},
		{"GET / HTTP/1.1\r\nHost: a\r\nContent-Length: 0\r\nContent-Length: 0\r\n\r\n", want{"GET", "/", "", "a", false, false}},
		{"get /plan/\xc3\xbc HTTP/1.1\r\nHost: a\r\nX: \xff\xfe\t\r\n\r\n", want{"get", "/plan/\xc3\xbc", "", "a", false, false}},
		{"GET / HTTP/1.1\r\nHost:\r\n\r\n", want{"GET", "/", "", "", false, false}},
		{"GET / HTTP/1.1\r\nHost: [::1]:8080\r\n\r\n", want{"GET", "/", "", "[::1]:8080", false, false}},
	} {
		r, err := parse(c.in)
		if err != nil {
			t.Errorf("%q: %v", c.in, err)
			continue
		}
		got := want{r.Method, r.Path, r.Query, r.Host, r.close, r.hasBody}
		if got != c.want {
			t.Errorf("%q:\n got %+v\nwant %+v", c.in, got, c.want)
		}
	}
}

func TestReadRequestRefused(t *testing.T) {
	for _, c := range []struct {
		in   string
		code int
	}{
		{"GET / HTTP/1.1\r\n\r\n", 400},                                // no Host
		{"GET / HTTP/1.1\r\nHost: a\r\nhost: b\r\n\r\n", 400},          // two
		{"GET / HTTP/1.0\r\nHost: a\r\nHost: a\r\n\r\n", 400},          // two, HTTP/1.0
		{"GET / HTTP/1.1\r\nHost: a/b\r\n\r\n", 400},                   // not a host
		{"GET / HTTP/1.1\r\nHost: a b\r\n\r\n", 400},                   // not a host
		{"GET http://u@localhost/ HTTP/1.1\r\nHost: a\r\n\r\n", 400},   // user info
		{"GET http:/// HTTP/1.1\r\nHost: a\r\n\r\n", 400},              // empty authority
		{"GET http://local%68ost/ HTTP/1.1\r\nHost: a\r\n\r\n", 400},   // encoded authority
		{"GET ftp://localhost/ HTTP/1.1\r\nHost: a\r\n\r\n", 400},      // other scheme
		{"OPTIONS * HTTP/1.1\r\nHost: a\r\n\r\n", 400},                 // no route has it
		{"CONNECT localhost:80 HTTP/1.1\r\nHost: a\r\n\r\n", 400},      // authority form
		{"GET /\x01 HTTP/1.1\r\nHost: a\r\n\r\n", 400},                 // control byte in target
		{"GET /\x7f HTTP/1.1\r\nHost: a\r\n\r\n", 400},                 // DEL in target
		{"GET / x HTTP/1.1\r\nHost: a\r\n\r\n", 400},                   // space in target
		{"GET /\r\n\r\n", 400},                                         // HTTP/0.9
		{"GET / FOO/1.1\r\nHost: a\r\n\r\n", 400},                      // not HTTP
		{"GET / HTTP/1.10\r\nHost: a\r\n\r\n", 400},                    // malformed version
		{"GET / HTTP/2.0\r\nHost: a\r\n\r\n", 505},                     // other major version
		{"PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n", 505},                      // HTTP/2 preface
		{"G(T / HTTP/1.1\r\nHost: a\r\n\r\n", 400},                     // method not a token
		{" GET / HTTP/1.1\r\nHost: a\r\n\r\n", 400},                    // no method
		{"\r\nGET / HTTP/1.1\r\nHost: a\r\n\r\n", 400},                 // empty line first, as net/http
		{"GET / HTTP/1.1\r\nHost: a\r\nFoo\r\n\r\n", 400},              // no colon
		{"GET / HTTP/1.1\r\nHost: a\r\nFoo : bar\r\n\r\n", 400},        // space before colon
		{"GET / HTTP/1.1\r\nHost: a\r\n: bar\r\n\r\n", 400},            // no name
		{"GET / HTTP/1.1\r\nHost: a\r\nF\xc3\xb6o: bar\r\n\r\n", 400},  // non-ASCII name
		{"GET / HTTP/1.1\r\nHost: a\r\nFoo: bar\r\n baz\r\n\r\n", 400}, // obs-fold
		{"GET / HTTP/1.1\r\nHost: a\r\nFoo: b\x00r\r\n\r\n", 400},      // NUL in value
		{"GET / HTTP/1.1\r\nHost: a\r\nFoo: b\rr\r\n\r\n", 400},        // bare CR in value
		{"GET / HTTP/1.1\r\nHost: a\r\nContent-Length: -1\r\n\r\n", 400},
		{"GET / HTTP/1.1\r\nHost: a\r\nContent-Length: 1e3\r\n\r\n", 400},
		{"GET / HTTP/1.1\r\nHost: a\r\nContent-Length: 99999999999999999999\r\n\r\n", 400},
		{"GET / HTTP/1.1\r\nHost: a\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\n", 400},
		{"GET / HTTP/1.1\r\nHost: a\r\nContent-Length: 1, 1\r\n\r\n", 400},
		{"POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n", 400},
		{"GET / HTTP/1.1\r\nHost: a\r\nX: " + strings.Repeat("a", 64<<10) + "\r\n\r\n", 431},
		{"GET /" + strings.Repeat("a", 64<<10) + " HTTP/1.1\r\nHost: a\r\n\r\n", 431},
		{"GET / HTTP/1.1\r\n" + strings.Repeat("X: y\r\n", 11000) + "\r\n", 431},
	} {
		_, err := parse(c.in)
		var pe *protoError
		if !errors.As(err, &pe) || pe.code != c.code {
			t.Errorf("%.60q: error %v, want status %d", c.in, err, c.code)
		}
	}
}

// Many headers are fine within the limit, and none of them is kept.
func TestReadRequestManyHeaders(t *testing.T) {
	in := "GET / HTTP/1.1\r\nHost: a\r\n" + strings.Repeat("X-Header: value\r\n", 3500) + "\r\n"
	if len(in) > defaultMaxHeaderBytes {
		t.Fatalf("test input %d bytes", len(in))
	}
	if r, err := parse(in); err != nil || r.Host != "a" {
		t.Fatalf("%v %+v", err, r)
	}
}

// A connection that ends within a request is no request; one that ends before is EOF.
func TestReadRequestTruncated(t *testing.T) {
	if _, err := parse(""); err != io.EOF {
		t.Errorf("empty: %v, want EOF", err)
	}
	for _, in := range []string{"GET / HT", "GET / HTTP/1.1\r\nHost: a\r\n", "GET / HTTP/1.1\r\nHost: a\r\n\r"} {
		if _, err := parse(in); err != io.ErrUnexpectedEOF {
			t.Errorf("%q: %v, want unexpected EOF", in, err)
		}
	}
}

// FuzzReadRequest: no input panics the parser, what it accepts is well-formed, and
// where net/http's parser accepts the same bytes, both read the same method, target,
// host and connection handling, and the server never takes a request for bodiless that
// net/http would read a body of (request smuggling).
func FuzzReadRequest(f *testing.F) {
	for _, s := range []string{
		"GET / HTTP/1.1\r\nHost: localhost\r\n\r\n",
		"GET /plan/1.pdf?x HTTP/1.1\nHost: a\nConnection: close\n\n",
		"HEAD http://localhost:8080/events/all HTTP/1.0\r\n\r\n",
		"POST /plan/1 HTTP/1.1\r\nHost: a\r\nContent-Length: 5\r\n\r\nhello",
		"GET / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n",
		"GET / HTTP/1.1\r\nHost: a\r\nFoo: bar\r\n baz\r\n\r\n",
		"GET / HTTP/2.0\r\n\r\n",
		"GET /\xc3\xbc HTTP/1.1\r\nHost: [::1]:80\r\nX: \xff\r\n\r\n",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		r, err := readRequest(bufio.NewReaderSize(strings.NewReader(in), 4<<10), 1<<10)
		if err != nil {
			var pe *protoError
			if errors.As(err, &pe) && pe.code != 400 && pe.code != 431 && pe.code != 505 {
				t.Fatalf("status %d", pe.code)
			}
			return
		}
		if !isToken(r.Method) || !strings.HasPrefix(r.Path, "/") || !validHost(r.Host) || r.minor > 9 {
			t.Fatalf("accepted %+v", r)
		}
		for i := 0; i < len(r.Target); i++ {
			if r.Target[i] <= ' ' || r.Target[i] == 0x7f {
				t.Fatalf("control byte in target %q", r.Target)
			}
		}
		hr, err := http.ReadRequest(bufio.NewReader(strings.NewReader(in)))
		if err != nil {
			return // net/http is stricter about some targets ("/%zz"): they get 404 here
		}
		if hr.Method != r.Method || hr.RequestURI != r.Target || hr.Host != r.Host {
			t.Fatalf("net/http read %q %q host %q, httpd %q %q host %q", hr.Method, hr.RequestURI, hr.Host, r.Method, r.Target, r.Host)
		}
		if r.minor >= 1 && hr.Close != r.close {
			t.Fatalf("close: net/http %v, httpd %v", hr.Close, r.close)
		}
		if !r.hasBody && (hr.ContentLength != 0 || len(hr.TransferEncoding) > 0) {
			t.Fatalf("net/http reads a body (length %d, %v), httpd none", hr.ContentLength, hr.TransferEncoding)
		}
	})
}
