// Package httpd is kep serve's own small HTTP/1.1 server. net/http linked 77 packages
// (crypto/tls, crypto/x509, HTTP/2, multipart, gzip, …) into every kep command, and
// their initialisation and page faults cost ~2.4 ms at every start of kep (issue 19),
// although only kep serve uses them. The preview needs little: GET and HEAD without a
// body, complete responses and one kind of stream (server-sent events).
//
// What it speaks: HTTP/1.0 and 1.1, keep-alive and pipelining, responses with
// Content-Length, and streamed responses that end when the connection closes. A request
// with a body is answered (400 for GET and HEAD, else by the handler) without reading the
// body, and its connection is closed. It imports nothing of net/http (check with
// go list -deps ./cmd/kep).
package httpd

import (
	"bufio"
	"errors"
	"io"
	"strings"
)

// Request is a request's line and the few headers the server acts on. Nothing else
// of the request is kept: the preview needs no more, and a client cannot make the
// server store thousands of header fields.
type Request struct {
	Method string
	Target string // the request-target as received, e.g. "/plan/1?x" or "http://localhost/"
	Path   string // the target's path, not unescaped: "/plan/1"
	Query  string // what follows the first '?', without it
	Host   string // an absolute-form target's authority, else the Host header (as net/http)
	Proto  string // "HTTP/1.0", "HTTP/1.1", …

	minor   int  // the minor version of HTTP/1.x
	close   bool // the client asked to close, or HTTP/1.0
	hasBody bool // Content-Length > 0 or a Transfer-Encoding: the body is never read
}

// protoError is a request the server refuses: it answers code with msg and closes.
type protoError struct {
	code int
	msg  string
}

func (e *protoError) Error() string { return statusText(e.code) + ": " + e.msg }

func badRequest(msg string) error { return &protoError{400, msg} }

// errTooLarge: the request line and headers exceed the limit (431).
var errTooLarge = &protoError{431, "request line and headers too large"}

// readRequest reads a request line and its headers, at most limit bytes together.
// It returns a *protoError for a request to refuse with a status, or the reader's error
// (EOF, timeout) for a connection to close silently.
func readRequest(br *bufio.Reader, limit int) (*Request, error) {
	budget := limit
	line, err := readLine(br, &budget)
	if err != nil {
		return nil, err
	}
	method, rest, ok1 := strings.Cut(string(line), " ")
	target, proto, ok2 := strings.Cut(rest, " ")
	if !ok1 || !ok2 {
		return nil, badRequest("malformed request line")
	}
	if !isToken(method) {
		return nil, badRequest("invalid method")
	}
	minor, ok := parseVersion(proto)
	if !ok {
		if len(proto) == len("HTTP/x.y") && strings.HasPrefix(proto, "HTTP/") &&
			isDigit(proto[5]) && proto[6] == '.' && isDigit(proto[7]) {
			return nil, &protoError{505, "unsupported protocol version"}
		}
		return nil, badRequest("malformed HTTP version")
	}
	r := &Request{Method: method, Target: target, Proto: proto, minor: minor, close: minor == 0}
	if err := r.parseTarget(); err != nil {
		return nil, err
	}

	var (
		hosts      int
		host       string
		length     = int64(-1)
		transferEn bool
	)
	for {
		line, err := readLine(br, &budget)
		if err == io.EOF {
			err = io.ErrUnexpectedEOF
		}
		if err != nil {
			return nil, err
		}
		if len(line) == 0 {
			break
		}
		if line[0] == ' ' || line[0] == '\t' {
			return nil, badRequest("obsolete line folding") // RFC 9112 5.2: reject or unfold
		}
		name, value, ok := strings.Cut(string(line), ":")
		if !ok {
			return nil, badRequest("malformed header line")
		}
		if !isToken(name) {
			return nil, badRequest("invalid header name")
		}
		value = strings.Trim(value, " \t")
		for i := 0; i < len(value); i++ {
			if b := value[i]; b < ' ' && b != '\t' || b == 0x7f {
				return nil, badRequest("invalid header value")
			}
		}
		switch {
		case strings.EqualFold(name, "Host"):
			hosts++
			host = value
		case strings.EqualFold(name, "Content-Length"):
			n, ok := parseLength(value)
			if !ok || length >= 0 && n != length {
				return nil, badRequest("invalid Content-Length")
			}
			length = n
		case strings.EqualFold(name, "Transfer-Encoding"):
			transferEn = true
		case strings.EqualFold(name, "Connection"):
			for _, opt := range strings.Split(value, ",") {
				if opt = strings.Trim(opt, " \t"); strings.EqualFold(opt, "close") {
					r.close = true
				}
			}
		}
	}
	switch {
	case hosts > 1:
		return nil, badRequest("too many Host headers")
	case hosts == 0 && minor >= 1:
		return nil, badRequest("missing required Host header")
	case hosts == 1 && !validHost(host):
		return nil, badRequest("malformed Host header")
	}
	if r.Host == "" {
		r.Host = host
	}
	if transferEn && length >= 0 {
		return nil, badRequest("both Content-Length and Transfer-Encoding") // request smuggling
	}
	r.hasBody = transferEn || length > 0
	return r, nil
}

// parseTarget splits the request-target: origin form ("/path?query") or absolute form
// ("http://host/path"). "*" and the authority form (CONNECT) are refused: no route of
// the preview has them.
func (r *Request) parseTarget() error {
	t := r.Target
	for i := 0; i < len(t); i++ {
		if t[i] <= ' ' || t[i] == 0x7f {
			return badRequest("invalid request target")
		}
	}
	switch {
	case strings.HasPrefix(t, "/"):
	case hasPrefixFold(t, "http://") || hasPrefixFold(t, "https://"):
		t = t[strings.Index(t, "//")+2:]
		end := strings.IndexAny(t, "/?")
		if end < 0 {
			end = len(t)
		}
		authority := t[:end]
		// No user info, and no percent-encoding: net/http decoded it, so "local%68ost"
		// was localhost there; refused here rather than decoded.
		if authority == "" || strings.ContainsAny(authority, "@%") || !validHost(authority) {
			return badRequest("invalid request target")
		}
		r.Host = authority
		t = t[end:]
		if !strings.HasPrefix(t, "/") {
			t = "/" + t
		}
	default:
		return badRequest("invalid request target")
	}
	r.Path, r.Query, _ = strings.Cut(t, "?")
	return nil
}

// readLine returns the next line without its "\r\n" or bare "\n" (accepted as
// net/http's textproto does), counting it against *budget. The line is valid until the
// next read.
func readLine(br *bufio.Reader, budget *int) ([]byte, error) {
	var line []byte
	for {
		frag, err := br.ReadSlice('\n')
		*budget -= len(frag)
		if *budget < 0 {
			return nil, errTooLarge
		}
		if err == nil {
			if line == nil {
				line = frag
			} else {
				line = append(line, frag...)
			}
			break
		}
		if err != bufio.ErrBufferFull {
			if err == io.EOF && len(line)+len(frag) > 0 {
				err = io.ErrUnexpectedEOF
			}
			return nil, err
		}
		line = append(line, frag...) // frag is overwritten by the next read
	}
	line = line[:len(line)-1]
	if n := len(line); n > 0 && line[n-1] == '\r' {
		line = line[:n-1]
	}
	return line, nil
}

// parseVersion accepts "HTTP/1.d" and returns d.
func parseVersion(p string) (minor int, ok bool) {
	if len(p) != len("HTTP/1.1") || !strings.HasPrefix(p, "HTTP/1.") || !isDigit(p[7]) {
		return 0, false
	}
	return int(p[7] - '0'), true
}

// parseLength parses a Content-Length: digits only, at most 18 of them.
func parseLength(s string) (int64, bool) {
	if s == "" || len(s) > 18 {
		return 0, false
	}
	var n int64
	for i := 0; i < len(s); i++ {
		if !isDigit(s[i]) {
			return 0, false
		}
		n = n*10 + int64(s[i]-'0')
	}
	return n, true
}

func isDigit(b byte) bool { return '0' <= b && b <= '9' }

func hasPrefixFold(s, prefix string) bool {
	return len(s) >= len(prefix) && strings.EqualFold(s[:len(prefix)], prefix)
}

// isToken reports whether s is an RFC 9110 token (a method or a header name).
func isToken(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		b := s[i]
		if b >= 0x80 || !tokenByte[b] {
			return false
		}
	}
	return true
}

var tokenByte = func() (t [128]bool) {
	for c := '0'; c <= '9'; c++ {
		t[c] = true
	}
	for c := 'a'; c <= 'z'; c++ {
		t[c], t[c-'a'+'A'] = true, true
	}
	for _, c := range "!#$%&'*+-.^_`|~" {
		t[c] = true
	}
	return t
}()

// validHost is net/http's check of a Host header (httpguts.ValidHostHeader): the
// characters of a host, an IP literal, a port and percent-encoding; "" is valid.
func validHost(h string) bool {
	for i := 0; i < len(h); i++ {
		b := h[i]
		if b >= 0x80 || !hostByte[b] {
			return false
		}
	}
	return true
}

var hostByte = func() (t [128]bool) {
	for c := '0'; c <= '9'; c++ {
		t[c] = true
	}
	for c := 'a'; c <= 'z'; c++ {
		t[c], t[c-'a'+'A'] = true, true
	}
	for _, c := range "!$%&'()*+,-.:;=[]_~" {
		t[c] = true
	}
	return t
}()

// errHeadStream ends a stream answered to HEAD: the headers are all it gets.
var errHeadStream = errors.New("httpd: stream of a HEAD request")
