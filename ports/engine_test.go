// Tests of the engine: handshake, reads, writes, errors and timeouts over loopback.

package ports

import (
	"bytes"
	"context"
	"crypto/tls"
	"errors"
	"io"
	"net"
	"syscall"
	"testing"
	"time"

	"github.com/tlsport/tlsport/conditions"
	"github.com/tlsport/tlsport/internal/loopback"
)

// asCond fails the test unless err is a *conditions.Error.
func asCond(t *testing.T, err error) *conditions.Error {
	t.Helper()
	var ce *conditions.Error
	if !errors.As(err, &ce) {
		t.Fatalf("error %v (%T) is not a *conditions.Error", err, err)
	}
	return ce
}

func TestLazyHandshakeAndLines(t *testing.T) {
	p := newTestPKI(t)
	c, s := enginePair(t, p, Options{BufferSize: 4096}, Options{})
	if c.State() != StateClientInit || s.State() != StateServerInit {
		t.Fatalf("states = %v, %v; want client-init, server-init", c.State(), s.State())
	}
	ctx := context.Background()
	done := make(chan []string, 1)
	go func() {
		var lines []string
		for {
			l, err := s.ReadLine(ctx)
			if err != nil {
				done <- lines
				return
			}
			lines = append(lines, l)
		}
	}()
	if _, err := c.WriteString(ctx, "one\ntwo\r\nthree\rfour\r\n\nlast"); err != nil {
		t.Fatal(err)
	}
	if c.State() != StateOpen {
		t.Fatalf("after first write state = %v, want open", c.State())
	}
	if err := c.Close(); err != nil {
		t.Fatal(err)
	}
	got := <-done
	want := []string{"one", "two", "three", "four", "", "last"}
	if len(got) != len(want) {
		t.Fatalf("lines = %q, want %q", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("lines = %q, want %q", got, want)
		}
	}
	if !s.CloseNotifyReceived() || s.Truncated() {
		t.Errorf("close_notify received = %v, truncated = %v", s.CloseNotifyReceived(), s.Truncated())
	}
	if !c.VerifyResult().OK() && c.VerifyResult().Done {
		t.Errorf("verify result not ok: %+v", c.VerifyResult())
	}
	if _, err := c.WriteContext(ctx, []byte("x")); asCond(t, err).Message != "SSL socket already closed" {
		t.Errorf("write after close: %v", err)
	}
}

func TestCharsAndPeek(t *testing.T) {
	p := newTestPKI(t)
	c, s := enginePair(t, p, Options{}, Options{})
	ctx := context.Background()
	go func() { s.WriteString(ctx, "héllo€x"); s.Close() }()
	b, err := c.PeekU8(ctx)
	if err != nil || b != 'h' {
		t.Fatalf("PeekU8 = %q, %v", b, err)
	}
	var runes []rune
	for {
		r, _, err := c.ReadChar(ctx)
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		runes = append(runes, r)
	}
	if string(runes) != "héllo€x" {
		t.Fatalf("read %q", string(runes))
	}
}

// stallingServer accepts TCP connections and never answers.
func stallingServer(t *testing.T) string {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ln.Close() })
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			t.Cleanup(func() { c.Close() })
			go io.Copy(io.Discard, c)
		}
	}()
	return ln.Addr().String()
}

func TestHandshakeTimeoutSticky(t *testing.T) {
	p := newTestPKI(t)
	raw, err := net.Dial("tcp", stallingServer(t))
	if err != nil {
		t.Fatal(err)
	}
	c := Client(raw, p.clientConfig(), Options{HandshakeTimeout: 200 * time.Millisecond})
	defer c.Close()
	start := time.Now()
	err = c.Handshake(context.Background())
	if d := time.Since(start); d > 3*time.Second {
		t.Fatalf("handshake took %v", d)
	}
	ce := asCond(t, err)
	if !ce.HasKind(conditions.KindTimeout) || ce.TimeoutMS != conditions.Some(200) || ce.Message != "SSL handshake operation timed out" {
		t.Fatalf("handshake error = %+v", ce)
	}
	if c.State() != StateFailed {
		t.Errorf("state = %v, want failed", c.State())
	}
	_, err2 := c.ReadContext(context.Background(), make([]byte, 1))
	if err2 != err {
		t.Errorf("later read error %v, want the same sticky condition", err2)
	}
}

func TestReadTimeoutThenRetry(t *testing.T) {
	p := newTestPKI(t)
	c, s := enginePair(t, p, Options{ReadTimeout: 100 * time.Millisecond}, Options{})
	ctx := context.Background()
	go s.Handshake(ctx)
	if err := c.Handshake(ctx); err != nil {
		t.Fatal(err)
	}
	_, err := c.ReadLine(ctx)
	ce := asCond(t, err)
	if !ce.HasKind(conditions.KindTimeout) || ce.Message != "SSL read timed out" || ce.TimeoutMS != conditions.Some(100) {
		t.Fatalf("read error = %+v", ce)
	}
	if _, err := s.WriteString(ctx, "late\n"); err != nil {
		t.Fatal(err)
	}
	l, err := c.ReadLine(ctx)
	if err != nil || l != "late" {
		t.Fatalf("retry read = %q, %v", l, err)
	}
}

func TestContextCancelRead(t *testing.T) {
	p := newTestPKI(t)
	c, s := enginePair(t, p, Options{}, Options{})
	bg := context.Background()
	go s.Handshake(bg)
	if err := c.Handshake(bg); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(bg)
	time.AfterFunc(100*time.Millisecond, cancel)
	_, err := c.ReadContext(ctx, make([]byte, 10))
	ce := asCond(t, err)
	if ce.HasKind(conditions.KindTimeout) || ce.Status != conditions.Syscall || !errors.Is(err, context.Canceled) {
		t.Fatalf("cancelled read = %+v", ce)
	}
	// The connection stays usable.
	go s.WriteString(bg, "ok\n")
	if l, err := c.ReadLine(bg); err != nil || l != "ok" {
		t.Fatalf("read after cancel = %q, %v", l, err)
	}
}

func TestContextCancelHandshake(t *testing.T) {
	p := newTestPKI(t)
	raw, err := net.Dial("tcp", stallingServer(t))
	if err != nil {
		t.Fatal(err)
	}
	c := Client(raw, p.clientConfig(), Options{})
	defer c.Close()
	ctx, cancel := context.WithCancel(context.Background())
	time.AfterFunc(100*time.Millisecond, cancel)
	ce := asCond(t, c.Handshake(ctx))
	if ce.Status != conditions.Syscall || ce.Reason != "handshake aborted: interrupted (cancelled by the user)" {
		t.Fatalf("aborted handshake = %+v", ce)
	}
}

func TestPlaintextPeer(t *testing.T) {
	p := newTestPKI(t)
	t.Run("client-sees-http-reply", func(t *testing.T) {
		rc, rs := loopback.Pair(t)
		go func() { io.ReadAtLeast(rs, make([]byte, 10), 1); rs.Write([]byte("HTTP/1.1 400 Bad Request\r\n\r\n")) }()
		c := Client(rc, p.clientConfig(), Options{HandshakeTimeout: 5 * time.Second})
		defer c.Close()
		ce := asCond(t, c.Handshake(context.Background()))
		if ce.Status != conditions.SSL || string(ce.RecordHeader) != "HTTP/" {
			t.Fatalf("error = %+v", ce)
		}
	})
	t.Run("server-sees-http-request", func(t *testing.T) {
		rc, rs := loopback.Pair(t)
		go rc.Write([]byte("GET / HTTP/1.0\r\n\r\n"))
		s := Server(rs, p.serverConfig(), Options{HandshakeTimeout: 5 * time.Second})
		defer s.Close()
		_, err := s.ReadContext(context.Background(), make([]byte, 1))
		ce := asCond(t, err)
		if ce.Status != conditions.SSL || string(ce.RecordHeader) != "GET /" {
			t.Fatalf("error = %+v", ce)
		}
	})
}

// handshaken returns an engine client whose peer is a bare tls.Conn server
// over the returned raw server socket.
func handshaken(t *testing.T, o Options) (*Conn, *tls.Conn, net.Conn) {
	p := newTestPKI(t)
	rc, rs := loopback.Pair(t)
	srv := tls.Server(rs, p.serverConfig().TLS)
	hs := make(chan error, 1)
	go func() { hs <- srv.Handshake() }()
	c := Client(rc, p.clientConfig(), o)
	t.Cleanup(func() { c.Close() })
	if err := c.Handshake(context.Background()); err != nil {
		t.Fatal(err)
	}
	if err := <-hs; err != nil {
		t.Fatal(err)
	}
	return c, srv, rs
}

func TestTransportFailures(t *testing.T) {
	ctx := context.Background()
	tests := []struct {
		name     string
		opts     Options
		peer     func(srv *tls.Conn, raw net.Conn)
		status   conditions.Status
		eof      bool
		errno    syscall.Errno
		cleanEOF bool
		trunc    bool
	}{
		{name: "rst", peer: func(_ *tls.Conn, raw net.Conn) {
			raw.(*net.TCPConn).SetLinger(0)
			raw.Close()
		}, status: conditions.Syscall, errno: syscall.ECONNRESET},
		{name: "eof-inside-record", peer: func(_ *tls.Conn, raw net.Conn) {
			raw.Write([]byte{23, 3, 3, 0, 64, 1, 2, 3, 4, 5})
			raw.Close()
		}, status: conditions.Syscall, eof: true, trunc: true},
		{name: "ragged-eof-reported", peer: func(_ *tls.Conn, raw net.Conn) { raw.Close() },
			status: conditions.Syscall, eof: true, trunc: true},
		{name: "ragged-eof-suppressed", opts: Options{SuppressRaggedEOFs: true},
			peer: func(_ *tls.Conn, raw net.Conn) { raw.Close() }, cleanEOF: true, trunc: true},
		{name: "close-notify", peer: func(srv *tls.Conn, _ net.Conn) { srv.Close() }, cleanEOF: true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			c, srv, raw := handshaken(t, tc.opts)
			tc.peer(srv, raw)
			_, err := c.ReadContext(ctx, make([]byte, 100))
			if tc.cleanEOF {
				if err != io.EOF {
					t.Fatalf("read = %v, want io.EOF", err)
				}
			} else {
				ce := asCond(t, err)
				if ce.Status != tc.status || ce.EOF != tc.eof || ce.Errno != tc.errno {
					t.Fatalf("read error = %+v", ce)
				}
			}
			if c.Truncated() != tc.trunc {
				t.Errorf("truncated = %v, want %v", c.Truncated(), tc.trunc)
			}
			if c.CloseNotifyReceived() != (tc.name == "close-notify") {
				t.Errorf("close-notify-received = %v", c.CloseNotifyReceived())
			}
		})
	}
}

func TestHalfClose(t *testing.T) {
	p := newTestPKI(t)
	c, s := enginePair(t, p, Options{BufferSize: 1024}, Options{})
	ctx := context.Background()
	go func() {
		data, err := s.ReadString(ctx, -1) // to the client's close_notify
		if err != nil {
			return
		}
		s.WriteString(ctx, "got "+data)
		s.Close()
	}()
	c.WriteString(ctx, "request")
	if err := c.CloseWriteContext(ctx); err != nil {
		t.Fatal(err)
	}
	got, err := c.ReadString(ctx, -1)
	if err != nil || got != "got request" {
		t.Fatalf("response = %q, %v", got, err)
	}
	_, err = c.WriteContext(ctx, []byte("more"))
	ce := asCond(t, err)
	if ce.Status != conditions.SSL || ce.Reason != "tls: protocol is shutdown" {
		t.Fatalf("write after shutdown = %+v", ce)
	}
}

// prefixConn sends prefix in the same Write as the first payload.
type prefixConn struct {
	net.Conn
	prefix []byte
}

func (p *prefixConn) Write(b []byte) (int, error) {
	if p.prefix != nil {
		buf := append(p.prefix, b...)
		p.prefix = nil
		n, err := p.Conn.Write(buf)
		return max(n-(len(buf)-len(b)), 0), err
	}
	return p.Conn.Write(b)
}

func TestStartTLSSameSegment(t *testing.T) {
	p := newTestPKI(t)
	rc, rs := loopback.Pair(t)
	ctx := context.Background()
	peerDone := make(chan error, 1)
	go func() {
		// The peer is the TLS client: its reply and ClientHello share one segment.
		tc := tls.Client(&prefixConn{Conn: rc, prefix: []byte("220 go ahead\r\n")}, p.clientConfig().TLS)
		if _, err := tc.Write([]byte("EHLO me\r\n")); err != nil {
			peerDone <- err
			return
		}
		buf := make([]byte, 64)
		n, err := tc.Read(buf)
		if err == nil && string(buf[:n]) != "250 hello\r\n" {
			err = errors.New("bad reply " + string(buf[:n]))
		}
		peerDone <- err
	}()
	plain := NewTCP(rs, nil, Options{})
	line, err := plain.ReadLine(ctx)
	if err != nil || line != "220 go ahead" {
		t.Fatalf("plaintext line = %q, %v", line, err)
	}
	raw, buffered, err := plain.Detach(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(buffered) == 0 {
		t.Log("ClientHello was not read ahead; the test did not exercise carry-over")
	}
	s := StartTLS(raw, buffered, p.serverConfig(), true, Options{})
	defer s.Close()
	if l, err := s.ReadLine(ctx); err != nil || l != "EHLO me" {
		t.Fatalf("TLS line = %q, %v", l, err)
	}
	s.WriteString(ctx, "250 hello\r\n")
	if err := <-peerDone; err != nil {
		t.Fatal(err)
	}
	if _, err := plain.Read(ctx, make([]byte, 1)); err == nil {
		t.Error("detached TCP pair still readable")
	}
}

func TestUnwrap(t *testing.T) {
	p := newTestPKI(t)
	c, s := enginePair(t, p, Options{ShutdownTimeout: 5 * time.Second}, Options{ShutdownTimeout: 5 * time.Second})
	ctx := context.Background()
	type res struct {
		raw net.Conn
		buf []byte
		err error
	}
	sres := make(chan res, 1)
	go func() {
		if l, err := s.ReadLine(ctx); err != nil || l != "bye" {
			sres <- res{err: errors.New("server read " + l)}
			return
		}
		raw, buf, err := s.Unwrap(ctx)
		if err == nil {
			raw.Write([]byte("plain after tls\r\n"))
		}
		sres <- res{raw, buf, err}
	}()
	c.WriteString(ctx, "bye\n")
	raw, buf, err := c.Unwrap(ctx)
	if err != nil {
		t.Fatal(err)
	}
	r := <-sres
	if r.err != nil {
		t.Fatal(r.err)
	}
	if c.State() != StateClosed || !c.CloseNotifyReceived() {
		t.Errorf("state %v close-notify %v", c.State(), c.CloseNotifyReceived())
	}
	plain := NewTCP(raw, buf, Options{ReadTimeout: 5 * time.Second})
	if l, err := plain.ReadLine(ctx); err != nil || l != "plain after tls" {
		t.Fatalf("plaintext after unwrap = %q, %v", l, err)
	}
	c.Close() // must not close the socket
	if _, err := plain.WriteString(ctx, "still open\n"); err != nil {
		t.Fatalf("socket closed by Close after Unwrap: %v", err)
	}
	sp := NewTCP(r.raw, r.buf, Options{ReadTimeout: 5 * time.Second})
	if l, err := sp.ReadLine(ctx); err != nil || l != "still open" {
		t.Fatalf("server plaintext = %q, %v", l, err)
	}
}

// TestUnwrapAfterBulk: what the peer sends right after its close_notify,
// at the end of a bulk transfer of full-size records, is still there
// after Unwrap — here the start of a new TLS handshake, which looks like
// a record.
func TestUnwrapAfterBulk(t *testing.T) {
	p := newTestPKI(t)
	for _, v := range []uint16{tls.VersionTLS13, tls.VersionTLS12} {
		rc, rs := loopback.Pair(t)
		cc := p.clientConfig()
		cc.TLS.MaxVersion = v
		o := Options{ShutdownTimeout: 5 * time.Second}
		c, s := Client(rc, cc, o), Server(rs, p.serverConfig(), o)
		t.Cleanup(func() { c.Close(); s.Close() })
		ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second) // fail, not hang
		defer cancel()
		data := bytes.Repeat([]byte("x"), 1<<20)
		next := []byte{22, 3, 1, 0, 5, 'h', 'e', 'l', 'l', 'o'} // a record header and 5 bytes
		serr := make(chan error, 1)
		go func() {
			if _, err := s.WriteContext(ctx, data); err != nil {
				serr <- err
				return
			}
			// close_notify, then plaintext at once (CloseWriteContext
			// would also half-close the socket).
			if err := s.TLSConn().CloseWrite(); err != nil {
				serr <- err
				return
			}
			raw := s.NetConn()
			_ = raw.SetWriteDeadline(time.Time{}) // crypto/tls's CloseWrite leaves a past one
			_, err := raw.Write(next)
			serr <- err
		}()
		got := make([]byte, len(data))
		if _, err := c.ReadFull(ctx, got); err != nil || !bytes.Equal(got, data) {
			t.Fatalf("%x: bulk read: %v", v, err)
		}
		if err := <-serr; err != nil {
			t.Fatal(err)
		}
		raw, buf, err := c.Unwrap(ctx)
		if err != nil {
			t.Fatalf("%x: %v", v, err)
		}
		plain := NewTCP(raw, buf, Options{ReadTimeout: 5 * time.Second})
		if s, err := plain.ReadString(ctx, len(next)); err != nil || s != string(next) {
			t.Fatalf("%x: bytes after unwrap = %q, %v; want %q", v, s, err, next)
		}
		if got := c.ConnectionState().Version; got != v {
			t.Errorf("negotiated %x, want %x", got, v)
		}
	}
}

func TestReadyPoll(t *testing.T) {
	p := newTestPKI(t)
	c, s := enginePair(t, p, Options{}, Options{})
	ctx := context.Background()
	go s.Handshake(ctx)
	ok, err := c.Ready(ctx)
	if err != nil || ok {
		t.Fatalf("Ready with nothing sent = %v, %v", ok, err)
	}
	s.WriteString(ctx, "x")
	deadline := time.Now().Add(5 * time.Second)
	for !ok && time.Now().Before(deadline) {
		ok, err = c.Ready(ctx)
		if err != nil {
			t.Fatal(err)
		}
	}
	if !ok || c.Buffered() != 1 {
		t.Fatalf("Ready = %v, buffered %d", ok, c.Buffered())
	}
}
