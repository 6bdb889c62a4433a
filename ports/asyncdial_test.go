// Tests of AsyncConn: I/O waits for the dial, failures surface at the first I/O, deadlines and Close while dialling.
package ports

import (
	"context"
	"errors"
	"net"
	"os"
	"testing"
	"time"

	"github.com/tlsport/tlsport/conditions"
)

// heldDial returns a listener and an AsyncConn dialling it once release
// is closed.
func heldDial(t *testing.T) (ln net.Listener, release chan struct{}, a *AsyncConn) {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ln.Close() })
	release = make(chan struct{})
	a = DialAsync(func(ctx context.Context) (net.Conn, error) {
		<-release
		var d net.Dialer
		return d.DialContext(ctx, "tcp", ln.Addr().String())
	})
	return ln, release, a
}

func TestAsyncConn(t *testing.T) {
	ln, release, a := heldDial(t)
	defer a.Close()
	if a.Connected() || a.Err() != nil {
		t.Fatal("connected before the dial")
	}
	// a deadline bounds the wait for the dial
	a.SetReadDeadline(time.Now().Add(20 * time.Millisecond))
	if _, err := a.Read(make([]byte, 1)); !errors.Is(err, os.ErrDeadlineExceeded) {
		t.Fatalf("read while dialling: %v", err)
	}
	a.SetReadDeadline(time.Time{})
	// a write issued while dialling goes out once connected
	written := make(chan error, 1)
	go func() { _, err := a.Write([]byte("x")); written <- err }()
	close(release)
	s, err := ln.Accept()
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if err := <-written; err != nil {
		t.Fatal(err)
	}
	b := make([]byte, 1)
	if _, err := s.Read(b); err != nil || b[0] != 'x' || !a.Connected() {
		t.Fatalf("server read %q %v", b, err)
	}
	if a.RemoteAddr().String() != ln.Addr().String() {
		t.Fatalf("remote %v", a.RemoteAddr())
	}

	// a failed dial is the error of every I/O
	boom := errors.New("refused")
	f := DialAsync(func(ctx context.Context) (net.Conn, error) { return nil, boom })
	if _, err := f.Write([]byte("x")); !errors.Is(err, boom) {
		t.Fatalf("write after failed dial: %v", err)
	}
	if _, err := f.Read(b); !errors.Is(err, boom) || f.Err() != boom {
		t.Fatalf("read after failed dial: %v", err)
	}

	// Close cancels a pending dial
	p := DialAsync(func(ctx context.Context) (net.Conn, error) { <-ctx.Done(); return nil, ctx.Err() })
	done := make(chan struct{})
	go func() { p.Close(); close(done) }()
	select {
	case <-done:
	case <-time.After(5 * time.Second):
		t.Fatal("Close did not cancel the dial")
	}
}

// TestAsyncConnTLS runs a TLS handshake over a connection still dialling.
func TestAsyncConnTLS(t *testing.T) {
	p := newTestPKI(t)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	a := DialAsync(func(ctx context.Context) (net.Conn, error) {
		var d net.Dialer
		return d.DialContext(ctx, "tcp", ln.Addr().String())
	})
	c := Client(a, p.clientConfig(), Options{})
	defer c.Close()
	go func() {
		raw, err := ln.Accept()
		if err != nil {
			return
		}
		s := Server(raw, p.serverConfig(), Options{})
		defer s.Close()
		line, _ := s.ReadLine(context.Background())
		s.WriteContext(context.Background(), []byte(line+" back\n"))
	}()
	ctx := context.Background()
	if _, err := c.WriteContext(ctx, []byte("hi\n")); err != nil {
		t.Fatal(err)
	}
	if line, err := c.ReadLine(ctx); err != nil || line != "hi back" {
		t.Fatalf("%q %v", line, err)
	}
}

// TestAsyncConnWantConnect: a non-blocking connection still dialling
// answers want-connect, then completes.
func TestAsyncConnWantConnect(t *testing.T) {
	p := newTestPKI(t)
	ln, release, a := heldDial(t)
	c := Client(a, p.clientConfig(), Options{})
	defer c.Close()
	ctx := context.Background()
	if err := c.SetBlocking(ctx, false); err != nil {
		t.Fatal(err)
	}
	_, err := c.ReadContext(ctx, make([]byte, 1))
	var ce *conditions.Error
	if !errors.As(err, &ce) || ce.Status != conditions.WantConnect || !ce.Retry {
		t.Fatalf("read while dialling: %v", err)
	}
	if done, err := c.TryHandshake(ctx); done || err != nil {
		t.Fatalf("TryHandshake while dialling: %v %v", done, err)
	}
	close(release)
	go func() {
		raw, err := ln.Accept()
		if err == nil {
			s := Server(raw, p.serverConfig(), Options{})
			s.Handshake(ctx)
			s.WriteContext(ctx, []byte("x"))
			time.Sleep(100 * time.Millisecond)
			s.Close()
		}
	}()
	deadline := time.Now().Add(5 * time.Second)
	for {
		done, err := c.TryHandshake(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if done {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("handshake did not complete")
		}
		time.Sleep(5 * time.Millisecond)
	}
}
