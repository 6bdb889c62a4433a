// Tests of non-blocking mode, goroutine/fd hygiene and a large byte-exact transfer.

package ports

import (
	"context"
	"crypto/sha256"
	"errors"
	"io"
	"math/rand/v2"
	"os"
	"runtime"
	"testing"
	"time"

	"github.com/tlsport/tlsport/conditions"
	"github.com/tlsport/tlsport/internal/loopback"
)

func isWant(err error, s conditions.Status) bool {
	var ce *conditions.Error
	return errors.As(err, &ce) && ce.Status == s && ce.Retry
}

func TestNonBlocking(t *testing.T) {
	p := newTestPKI(t)
	c, s := enginePair(t, p, Options{}, Options{})
	ctx := context.Background()
	if err := c.SetBlocking(ctx, false); err != nil {
		t.Fatal(err)
	}
	// The server handshakes only when we let it: the client's background
	// handshake must report "in progress" meanwhile.
	done, err := c.TryHandshake(ctx)
	if err != nil || done {
		t.Fatalf("TryHandshake = %v, %v; want false, nil", done, err)
	}
	if _, err := c.ReadContext(ctx, make([]byte, 1)); !isWant(err, conditions.WantRead) {
		t.Fatalf("read during handshake = %v", err)
	}
	if _, err := c.WriteContext(ctx, []byte("x")); !isWant(err, conditions.WantWrite) {
		t.Fatalf("write during handshake = %v", err)
	}
	go s.Handshake(ctx)
	for !done {
		if done, err = c.TryHandshake(ctx); err != nil {
			t.Fatal(err)
		}
		time.Sleep(time.Millisecond)
	}
	if _, err := c.ReadContext(ctx, make([]byte, 1)); !isWant(err, conditions.WantRead) {
		t.Fatalf("read with no data = %v", err)
	}
	// Fill the queue while the server does not read.
	chunk := make([]byte, 16<<10)
	var sent int
	for i := 0; ; i++ {
		n, err := c.WriteSome(ctx, chunk)
		sent += n
		if isWant(err, conditions.WantWrite) {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		if i > 100000 {
			t.Fatal("send queue never filled")
		}
	}
	if err := c.Flush(ctx); !isWant(err, conditions.WantWrite) {
		t.Fatalf("flush with queued bytes = %v", err)
	}
	got := make(chan int, 1)
	go func() {
		n, _ := io.CopyN(io.Discard, readerOf(ctx, s), int64(sent))
		got <- int(n)
	}()
	if n := <-got; n != sent {
		t.Fatalf("server got %d bytes, want %d", n, sent)
	}
	for {
		err := c.Flush(ctx)
		if err == nil {
			break
		}
		if !isWant(err, conditions.WantWrite) {
			t.Fatal(err)
		}
		time.Sleep(time.Millisecond)
	}
	s.WriteString(ctx, "reply")
	var buf []byte
	for len(buf) < 5 {
		b := make([]byte, 10)
		n, err := c.ReadContext(ctx, b)
		if err != nil && !isWant(err, conditions.WantRead) {
			t.Fatal(err)
		}
		buf = append(buf, b[:n]...)
	}
	if string(buf) != "reply" {
		t.Fatalf("read %q", buf)
	}
	if err := c.SetBlocking(ctx, true); err != nil || !c.Blocking() {
		t.Fatalf("SetBlocking(true) = %v", err)
	}
}

// readerOf adapts a Conn to io.Reader.
func readerOf(ctx context.Context, c *Conn) io.Reader { return connReader{ctx, c} }

type connReader struct {
	ctx context.Context
	c   *Conn
}

func (r connReader) Read(p []byte) (int, error) { return r.c.ReadContext(r.ctx, p) }

func countFDs(t *testing.T) int {
	ents, err := os.ReadDir("/proc/self/fd")
	if err != nil {
		t.Skipf("no /proc/self/fd: %v", err)
	}
	return len(ents)
}

func TestNoLeaksAfterClose(t *testing.T) {
	p := newTestPKI(t)
	ctx := context.Background()
	runtime.GC()
	g0, fd0 := runtime.NumGoroutine(), countFDs(t)
	for i := range 5 {
		rc, rs := loopback.PairNoCleanup(t)
		c := Client(rc, p.clientConfig(), Options{})
		s := Server(rs, p.serverConfig(), Options{})
		go func() { s.ReadLine(ctx); s.WriteString(ctx, "pong\n") }()
		if i%2 == 1 {
			c.SetBlocking(ctx, false)
			for {
				if _, err := c.WriteContext(ctx, []byte("ping\n")); err == nil {
					break
				}
				time.Sleep(time.Millisecond)
			}
		} else {
			c.WriteString(ctx, "ping\n")
			c.ReadLine(ctx)
		}
		c.Close()
		s.Close()
	}
	var g int
	for range 200 {
		if g = runtime.NumGoroutine(); g <= g0 {
			break
		}
		time.Sleep(10 * time.Millisecond)
	}
	if g > g0 {
		buf := make([]byte, 1<<16)
		t.Fatalf("goroutines %d > %d before:\n%s", g, g0, buf[:runtime.Stack(buf, true)])
	}
	if fd := countFDs(t); fd > fd0 {
		t.Fatalf("fds %d > %d before", fd, fd0)
	}
}

func TestOneGiBEcho(t *testing.T) {
	if testing.Short() {
		t.Skip("1 GiB transfer skipped under -short")
	}
	const total = 1 << 30
	p := newTestPKI(t)
	c, s := enginePair(t, p, Options{BufferSize: 16 << 10}, Options{BufferSize: 16 << 10})
	ctx := context.Background()
	go func() { // echo server
		buf := make([]byte, 64<<10)
		for {
			n, err := s.ReadContext(ctx, buf)
			if n > 0 {
				if _, err := s.WriteContext(ctx, buf[:n]); err != nil {
					return
				}
				s.Flush(ctx)
			}
			if err != nil {
				s.Close()
				return
			}
		}
	}()
	sum := make(chan []byte, 1)
	go func() {
		h := sha256.New()
		io.CopyN(h, readerOf(ctx, c), total)
		sum <- h.Sum(nil)
	}()
	h := sha256.New()
	rng := rand.NewChaCha8([32]byte{1})
	buf := make([]byte, 256<<10)
	for sent := 0; sent < total; sent += len(buf) {
		rng.Read(buf)
		h.Write(buf)
		if _, err := c.WriteContext(ctx, buf); err != nil {
			t.Fatal(err)
		}
	}
	c.Flush(ctx)
	if got, want := <-sum, h.Sum(nil); string(got) != string(want) {
		t.Fatalf("echoed stream hash %x, want %x", got, want)
	}
}
