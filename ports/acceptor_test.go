package ports

import (
	"context"
	"errors"
	"net"
	"os"
	"testing"
	"time"
)

func newTestAcceptor(t *testing.T) *Acceptor {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	a := NewAcceptor(ln.(*net.TCPListener))
	t.Cleanup(func() { a.Close() })
	return a
}

func dialAcceptor(t *testing.T, a *Acceptor) net.Conn {
	t.Helper()
	c, err := net.DialTimeout("tcp", a.Addr().String(), 5*time.Second)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { c.Close() })
	return c
}

func TestAcceptor(t *testing.T) {
	tests := []struct {
		name string
		run  func(t *testing.T, a *Acceptor)
	}{
		{"deadline", func(t *testing.T, a *Acceptor) {
			start := time.Now()
			c, err := a.Accept(context.Background(), time.Now().Add(20*time.Millisecond))
			if c != nil || !errors.Is(err, os.ErrDeadlineExceeded) {
				t.Fatalf("Accept = %v, %v; want os.ErrDeadlineExceeded", c, err)
			}
			if d := time.Since(start); d > 2*time.Second {
				t.Fatalf("deadline accept took %v", d)
			}
		}},
		{"ctx cancel", func(t *testing.T, a *Acceptor) {
			ctx, cancel := context.WithCancel(context.Background())
			time.AfterFunc(20*time.Millisecond, cancel)
			c, err := a.Accept(ctx, time.Time{})
			if c != nil || !errors.Is(err, context.Canceled) {
				t.Fatalf("Accept = %v, %v; want context.Canceled", c, err)
			}
			// The past deadline set by the cancellation does not leak.
			acceptDialed(t, a, context.Background(), time.Now().Add(5*time.Second), 0)
		}},
		{"ready stashes", func(t *testing.T, a *Acceptor) {
			if a.Ready(context.Background()) {
				t.Fatal("Ready with nothing pending")
			}
			cl := dialAcceptor(t, a)
			var ok bool
			for i := 0; i < 500 && !ok; i++ {
				ok = a.TryReady(context.Background())
			}
			if !ok || !a.Ready(context.Background()) {
				t.Fatal("Ready = false with a pending connection")
			}
			c, err := a.Accept(context.Background(), time.Now().Add(time.Millisecond))
			if err != nil {
				t.Fatalf("Accept after Ready: %v", err)
			}
			defer c.Close()
			if c.RemoteAddr().String() != cl.LocalAddr().String() {
				t.Fatalf("Accept returned %v, want the stashed %v", c.RemoteAddr(), cl.LocalAddr())
			}
			if _, err := a.Accept(context.Background(), time.Now().Add(time.Millisecond)); !errors.Is(err, os.ErrDeadlineExceeded) {
				t.Fatalf("second Accept = %v; want deadline (stash consumed)", err)
			}
		}},
		{"ready at once", func(t *testing.T, a *Acceptor) {
			// Once a loopback connect has returned, the connection is
			// pending: the first Ready sees it, however late the
			// goroutine runs (the 1 ms accept deadline used to pass
			// before the accept was tried on a busy machine).
			for i := 0; i < 100; i++ {
				dialAcceptor(t, a)
				if !a.Ready(context.Background()) {
					t.Fatalf("round %d: Ready = false right after the connect returned", i)
				}
				c, err := a.Accept(context.Background(), time.Now().Add(time.Second))
				if err != nil {
					t.Fatalf("round %d: Accept after Ready: %v", i, err)
				}
				c.Close()
				if a.Ready(context.Background()) {
					t.Fatalf("round %d: Ready with nothing pending", i)
				}
			}
		}},
		{"close closes stash", func(t *testing.T, a *Acceptor) {
			cl := dialAcceptor(t, a)
			for i := 0; i < 500 && !a.Ready(context.Background()); i++ {
			}
			if err := a.Close(); err != nil {
				t.Fatalf("Close: %v", err)
			}
			if err := a.Close(); err != nil {
				t.Fatalf("second Close: %v", err)
			}
			if !a.Closed() || a.Ready(context.Background()) {
				t.Fatal("Closed/Ready after Close")
			}
			_ = cl.SetReadDeadline(time.Now().Add(5 * time.Second))
			if n, err := cl.Read(make([]byte, 1)); n != 0 || err == nil || errors.Is(err, os.ErrDeadlineExceeded) {
				t.Fatalf("client read = %d, %v; want EOF/reset (stash closed)", n, err)
			}
		}},
		{"accept after close", func(t *testing.T, a *Acceptor) {
			a.Close()
			if c, err := a.Accept(context.Background(), time.Time{}); c != nil || !errors.Is(err, net.ErrClosed) {
				t.Fatalf("Accept = %v, %v; want net.ErrClosed", c, err)
			}
		}},
		{"port and fileno", func(t *testing.T, a *Acceptor) {
			if p := a.Port(); p <= 0 || p != a.Listener().Addr().(*net.TCPAddr).Port {
				t.Fatalf("Port = %d", p)
			}
			if fd := a.Fileno(); fd < 0 {
				t.Fatalf("Fileno = %d", fd)
			}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { tt.run(t, newTestAcceptor(t)) })
	}
}

// TestAcceptorRegistrations checks that a run of accepts under one
// context registers with it once and still ends an accept when the
// context is done, that an accept under another context moves the
// registration, that Close releases it, and that a deadline an accept
// set does not reach the next accept, which has none.
func TestAcceptorRegistrations(t *testing.T) {
	t.Run("run of accepts", func(t *testing.T) {
		a := newTestAcceptor(t)
		ctx, cancel := newCountingCtx(t)
		for range 5 {
			acceptDialed(t, a, ctx, time.Time{}, 0)
		}
		if made, live := ctx.counts(); made != 1 || live != 1 {
			t.Fatalf("after 5 accepts: %d registrations made, %d live; want 1, 1", made, live)
		}
		// The kept registration still ends an accept in progress.
		time.AfterFunc(20*time.Millisecond, cancel)
		if c, err := a.Accept(ctx, time.Time{}); c != nil || !errors.Is(err, context.Canceled) {
			t.Fatalf("Accept = %v, %v; want context.Canceled", c, err)
		}
		// The past deadline the cancellation set does not reach the next accept.
		acceptDialed(t, a, context.Background(), time.Time{}, 0)
	})
	t.Run("close releases", func(t *testing.T) {
		a := newTestAcceptor(t)
		ctx, _ := newCountingCtx(t)
		acceptDialed(t, a, ctx, time.Time{}, 0)
		acceptDialed(t, a, ctx, time.Time{}, 0)
		a.Close()
		if made, live := ctx.counts(); made != 1 || live != 0 {
			t.Fatalf("after Close: %d registrations made, %d live; want 1, 0", made, live)
		}
	})
	t.Run("another context", func(t *testing.T) {
		a := newTestAcceptor(t)
		c1, _ := newCountingCtx(t)
		c2, cancel2 := newCountingCtx(t)
		acceptDialed(t, a, c1, time.Time{}, 0)
		acceptDialed(t, a, c2, time.Time{}, 0)
		if _, live := c1.counts(); live != 0 {
			t.Fatalf("first context: %d live registrations after an accept under another; want 0", live)
		}
		if made, live := c2.counts(); made != 1 || live != 1 {
			t.Fatalf("second context: %d made, %d live; want 1, 1", made, live)
		}
		cancel2()
		if c, err := a.Accept(c2, time.Time{}); c != nil || !errors.Is(err, context.Canceled) {
			t.Fatalf("Accept under a done context = %v, %v; want context.Canceled", c, err)
		}
	})
	t.Run("deadline then none", func(t *testing.T) {
		a := newTestAcceptor(t)
		ctx, _ := newCountingCtx(t)
		if _, err := a.Accept(ctx, time.Now().Add(20*time.Millisecond)); !errors.Is(err, os.ErrDeadlineExceeded) {
			t.Fatalf("Accept = %v; want os.ErrDeadlineExceeded", err)
		}
		// Dialled past the first accept's deadline.
		acceptDialed(t, a, ctx, time.Time{}, 50*time.Millisecond)
	})
}

// acceptDialed accepts under ctx and deadline while a client dials a
// after wait, and fails the test unless the accept succeeds.
func acceptDialed(t *testing.T, a *Acceptor, ctx context.Context, deadline time.Time, wait time.Duration) {
	t.Helper()
	done := make(chan error, 1)
	go func() {
		c, err := a.Accept(ctx, deadline)
		if c != nil {
			c.Close()
		}
		done <- err
	}()
	time.Sleep(wait)
	dialAcceptor(t, a)
	if err := <-done; err != nil {
		t.Fatalf("Accept: %v", err)
	}
}
