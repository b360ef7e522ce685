package preview

import (
	"net"
	"testing"
	"time"
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

// At most n connections are accepted at once; the next one is accepted when one closes.
func TestLimitListener(t *testing.T) {
	inner, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ln := newLimitListener(inner, 2)
	defer ln.Close()
	accepted := make(chan net.Conn, 3)
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				close(accepted)
				return
			}
			accepted <- c
		}
	}()
	for range 3 {
		c, err := net.Dial("tcp", inner.Addr().String())
		if err != nil {
			t.Fatal(err)
		}
		defer c.Close()
	}
	first := <-accepted
	<-accepted
	select {
	case <-accepted:
		t.Fatal("a third connection was accepted while two were open")
	case <-time.After(100 * time.Millisecond):
	}
	first.Close()
	first.Close() // a second Close frees no second place
	select {
	case c := <-accepted:
		c.Close()
	case <-time.After(10 * time.Second):
		t.Fatal("the third connection was not accepted after one closed")
	}
	ln.Close()
	if _, ok := <-accepted; ok {
		t.Error("Accept after Close")
	}
	if len(ln.sem) != 1 {
		t.Errorf("%d places taken, want 1 (the second connection)", len(ln.sem))
	}
}
