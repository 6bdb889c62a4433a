// Tests of the context registrations of a connection: how many, and their release.

package ports

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/tlsport/tlsport/conditions"
	"github.com/tlsport/tlsport/internal/loopback"
)

// countingCtx is a cancellable context that counts the registrations made
// with it (context.AfterFunc uses a context's own AfterFunc method when it
// is not one of the context package's) and those still in force.
type countingCtx struct {
	inner context.Context
	mu    sync.Mutex
	made  int
	live  int
}

func newCountingCtx(t *testing.T) (*countingCtx, context.CancelFunc) {
	inner, cancel := context.WithCancel(context.Background())
	t.Cleanup(cancel)
	return &countingCtx{inner: inner}, cancel
}

func (c *countingCtx) Deadline() (time.Time, bool) { return c.inner.Deadline() }
func (c *countingCtx) Done() <-chan struct{}       { return c.inner.Done() }
func (c *countingCtx) Err() error                  { return c.inner.Err() }
func (c *countingCtx) Value(any) any               { return nil }

// AfterFunc registers f with the inner context and counts the registration.
func (c *countingCtx) AfterFunc(f func()) func() bool {
	c.mu.Lock()
	c.made++
	c.live++
	c.mu.Unlock()
	stop := context.AfterFunc(c.inner, f)
	var once sync.Once
	return func() bool {
		stopped := stop()
		once.Do(func() {
			c.mu.Lock()
			c.live--
			c.mu.Unlock()
		})
		return stopped
	}
}

func (c *countingCtx) counts() (made, live int) {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.made, c.live
}

// TestConnRegistrations checks that a connection's handshake, reads and
// writes under one context register with it once (the read and write
// watchers share a registration, which the handshake uses too) and that
// Close releases it.
func TestConnRegistrations(t *testing.T) {
	p := newTestPKI(t)
	bg := context.Background()
	for _, first := range []string{"read", "write", "handshake"} {
		t.Run(first, func(t *testing.T) {
			ctx, _ := newCountingCtx(t)
			c, s := enginePair(t, p, Options{}, Options{})
			echoLine(s)
			switch first { // the operation that runs the handshake
			case "handshake":
				if err := c.Handshake(ctx); err != nil {
					t.Fatal(err)
				}
			case "read":
				go func() { _ = s.Handshake(bg) }()
				if _, err := c.Ready(ctx); err != nil {
					t.Fatal(err)
				}
			}
			lineTrip(t, ctx, c, c, "ping")
			if made, _ := ctx.counts(); made != 1 {
				t.Errorf("%d registrations with the context, want 1 (reads, writes and the handshake)", made)
			}
			c.Close()
			if _, live := ctx.counts(); live != 0 {
				t.Errorf("%d registrations left after Close, want 0", live)
			}
		})
	}
}

// echoLine makes s send back the first line it reads.
func echoLine(s *Conn) {
	bg := context.Background()
	go func() {
		if l, err := s.ReadLine(bg); err == nil {
			s.WriteString(bg, l+"\n")
			s.Flush(bg)
		}
	}()
}

// TestContextDoneHandshake checks the handshake's interruption through
// the read watcher's registration: a context done before the handshake
// starts, one done during it, and one done after an earlier read
// registered the watcher with it.
func TestContextDoneHandshake(t *testing.T) {
	p := newTestPKI(t)
	aborted := func(t *testing.T, err error) {
		t.Helper()
		ce := asCond(t, err)
		if ce.Status != conditions.Syscall || !strings.HasPrefix(ce.Reason, "handshake aborted") {
			t.Fatalf("handshake = %+v, want aborted", ce)
		}
	}
	t.Run("before", func(t *testing.T) {
		rc, _ := loopback.Pair(t)
		c := Client(rc, p.clientConfig(), Options{})
		defer c.Close()
		ctx, cancel := context.WithCancel(context.Background())
		cancel()
		aborted(t, c.Handshake(ctx))
	})
	t.Run("during", func(t *testing.T) {
		rc, _ := loopback.Pair(t)
		c := Client(rc, p.clientConfig(), Options{})
		defer c.Close()
		ctx, cancel := newCountingCtx(t)
		done := make(chan error, 1)
		go func() { done <- c.Handshake(ctx) }()
		for { // the handshake has registered
			if made, _ := ctx.counts(); made > 0 {
				break
			}
			runtime.Gosched()
		}
		cancel()
		aborted(t, <-done)
	})
	t.Run("registered-earlier", func(t *testing.T) {
		rc, _ := loopback.Pair(t)
		c := Client(rc, p.clientConfig(), Options{})
		defer c.Close()
		ctx, cancel := context.WithCancel(context.Background())
		if c.rw.watch(ctx) == nil {
			t.Fatal("no registration")
		}
		cancel()
		aborted(t, c.Handshake(ctx))
	})
}

// TestPairedWatchersKeepBothContexts checks that sharing a registration
// between a connection's directions never loses one direction's watch:
// an operation blocked under context A, from a registration of its own or
// from one shared with the other direction, is still interrupted when A
// is done after the other direction moved to context B meanwhile. B's
// registrations are released by Close.
func TestPairedWatchersKeepBothContexts(t *testing.T) {
	p := newTestPKI(t)
	bg := context.Background()
	// blockedWrite writes until the peer's buffers are full (it does not
	// read), under ctx, and returns the write's error.
	blockedWrite := func(c *Conn, ctx context.Context) chan error {
		done := make(chan error, 1)
		go func() {
			chunk := make([]byte, 1<<20)
			for {
				if _, err := c.WriteContext(ctx, chunk); err != nil {
					done <- err
					return
				}
			}
		}()
		return done
	}
	blockedRead := func(c *Conn, ctx context.Context) chan error {
		done := make(chan error, 1)
		go func() {
			_, err := c.ReadContext(ctx, make([]byte, 10))
			done <- err
		}()
		return done
	}
	// blocked waits until c's read (or write) under A has blocked: its
	// operation has been in progress for a while.
	blocked := func(t *testing.T, c *Conn, read bool) {
		t.Helper()
		w := &c.ww
		if read {
			w = &c.rw
		}
		since := time.Time{}
		for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(time.Millisecond) {
			if r := w.reg.Load(); r == nil || r.state.Load()&w.active() == 0 {
				since = time.Time{}
			} else if since.IsZero() {
				since = time.Now()
			} else if time.Since(since) > 100*time.Millisecond {
				return
			}
		}
		t.Fatal("the operation under A did not block")
	}
	interrupted := func(t *testing.T, done chan error) {
		t.Helper()
		select {
		case err := <-done:
			if !errors.Is(err, context.Canceled) {
				t.Fatalf("operation ended with %v, want the cancellation", err)
			}
		case <-time.After(10 * time.Second):
			t.Fatal("the operation was not interrupted when its context was done")
		}
	}
	for _, tc := range []struct {
		name      string
		shared    bool // both directions first run under A (one registration)
		blockRead bool // the operation blocked under A is a read (the writes move to B), else a write
	}{
		{"read-A-then-write-B", false, true},
		{"write-A-then-read-B", false, false},
		{"shared-A-then-write-B", true, true},
		{"shared-A-then-read-B", true, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c, s := enginePair(t, p, Options{}, Options{})
			go s.Handshake(bg)
			if err := c.Handshake(bg); err != nil {
				t.Fatal(err)
			}
			a, cancelA := newCountingCtx(t)
			b, _ := newCountingCtx(t)
			block := func() chan error {
				if tc.blockRead {
					return blockedRead(c, a)
				}
				return blockedWrite(c, a)
			}
			moveToB := func() { // the other direction runs under B
				if tc.blockRead {
					lineTrip(t, b, c, s, "to the server")
				} else {
					lineTrip(t, b, s, c, "to the client")
				}
			}
			if tc.shared {
				echoLine(s)
				lineTrip(t, a, c, c, "ping")
			}
			done := block()
			blocked(t, c, tc.blockRead)
			moveToB()
			cancelA()
			interrupted(t, done)
			c.Close()
			s.Close()
			// (A is done: the context package has dropped its registrations.)
			if _, live := b.counts(); live != 0 {
				t.Errorf("%d registrations with B left after Close, want 0", live)
			}
		})
	}
}

// syncDeadlines records the deadlines set on it, safe for the watcher's
// AfterFunc goroutine.
type syncDeadlines struct {
	mu   sync.Mutex
	sets []time.Time
}

func (s *syncDeadlines) SetReadDeadline(t time.Time) error  { return s.add(t) }
func (s *syncDeadlines) SetWriteDeadline(t time.Time) error { return s.add(t) }
func (s *syncDeadlines) add(t time.Time) error {
	s.mu.Lock()
	s.sets = append(s.sets, t)
	s.mu.Unlock()
	return nil
}

// interrupted reports whether a past deadline was set.
func (s *syncDeadlines) interrupted() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, t := range s.sets {
		if t.Equal(past()) {
			return true
		}
	}
	return false
}

// TestWatcherOverlappingOps: operations of one side may overlap (an
// unbuffered TCP pair's writes take no lock): the registration counts
// them, so when the context is done while one of two is still in
// progress it is interrupted and reports so, on each side of a pair, and
// the counts of the two sides do not mix.
func TestWatcherOverlappingOps(t *testing.T) {
	rd, wd := &syncDeadlines{}, &syncDeadlines{}
	r := &watcher{dl: &opDeadline{conn: rd}}
	w := &watcher{dl: &opDeadline{conn: wd, write: true}}
	pairWatchers(r, w)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	rop := r.start(ctx)
	w1, w2 := w.start(ctx), w.start(ctx)
	if reg := r.reg.Load(); reg != w.reg.Load() || reg.state.Load()&r.active() != 1 || reg.state.Load()&w.active() != 2*w.unit() {
		t.Fatalf("state %#x: want one read and two writes in progress on one registration", reg.state.Load())
	}
	if w1.stop() {
		t.Fatal("a write ended before the context was done reports an interruption")
	}
	cancel()
	for deadline := time.Now().Add(10 * time.Second); !(rd.interrupted() && wd.interrupted()); time.Sleep(time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatalf("the operations in progress were not interrupted (read %v, write %v)", rd.interrupted(), wd.interrupted())
		}
	}
	if !w2.stop() || !rop.stop() {
		t.Fatal("an operation in progress when the context was done does not report its interruption")
	}
	if s := r.reg.Load().state.Load(); s != watchFired {
		t.Fatalf("state %#x after every operation stopped, want only watchFired", s)
	}
	r.release()
	w.release()
}

// TestStaleInterruptSparesNextOp: a context done just as a direction's
// operations move on (its operation ends, the next one starts under
// another context, or under one never done) must not interrupt the next
// operation. The registration's AfterFunc is held by a hook between
// seeing the old operation in progress and interrupting, while that
// operation completes and the next one starts; the next one must then
// still read what the peer sends.
func TestStaleInterruptSparesNextOp(t *testing.T) {
	p := newTestPKI(t)
	for _, tc := range []struct {
		name string
		next func(t *testing.T) context.Context
	}{
		{"another context", func(t *testing.T) context.Context {
			ctx, cancel := context.WithCancel(context.Background())
			t.Cleanup(cancel)
			return ctx
		}},
		{"a context never done", func(*testing.T) context.Context { return context.Background() }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c, s := enginePair(t, p, Options{}, Options{})
			bg := context.Background()
			go s.Handshake(bg)
			if err := c.Handshake(bg); err != nil {
				t.Fatal(err)
			}
			held, release, fired := make(chan struct{}), make(chan struct{}), make(chan struct{})
			ctxA, cancelA := context.WithCancel(bg)
			hook := func(ctx context.Context, after bool) {
				switch {
				case ctx != ctxA:
				case after:
					close(fired)
				default:
					close(held)
					<-release
				}
			}
			testHookFire.Store(&hook)
			defer testHookFire.Store(nil)
			ctxB := tc.next(t)
			got := make(chan error, 2)
			go func() {
				if _, err := c.ReadU8(ctxA); err != nil {
					got <- fmt.Errorf("the read under the done context: %w", err)
					return
				}
				got <- nil
				b, err := c.ReadU8(ctxB)
				if err == nil && b != 2 {
					err = fmt.Errorf("read %d, want 2", b)
				}
				got <- err
			}()
			for r := c.rw.reg.Load(); r == nil || r.state.Load()&c.rw.active() == 0; r = c.rw.reg.Load() {
				time.Sleep(time.Millisecond) // until the read under ctxA is in progress
			}
			cancelA()
			<-held // the AfterFunc saw the read in progress
			if _, err := s.WriteContext(bg, []byte{1}); err != nil {
				t.Fatal(err)
			}
			if err := <-got; err != nil {
				t.Fatal(err)
			}
			// the next read is in progress (counted, or registered under ctxB)
			for {
				if r := c.rw.reg.Load(); ctxB.Done() == nil || (r != nil && r.ctx == ctxB && r.state.Load()&c.rw.active() != 0) {
					break
				}
				time.Sleep(time.Millisecond)
			}
			time.Sleep(10 * time.Millisecond) // the next read blocked (its deadline armed)
			close(release)
			<-fired
			time.Sleep(10 * time.Millisecond)
			if _, err := s.WriteContext(bg, []byte{2}); err != nil {
				t.Fatal(err)
			}
			if err := <-got; err != nil {
				t.Fatalf("the next read: %v", err)
			}
		})
	}
}

// waitCtx stands for a Scheme thread's wait context: a counting context
// ended by a wake-up (its own cancel) or with the thread's context (its
// parent), which its HandshakeContext returns.
type waitCtx struct {
	*countingCtx
	thread *countingCtx
}

func (w *waitCtx) HandshakeContext() context.Context { return w.thread }

// newWaitCtx returns a wait context under thread and its wake-up.
func newWaitCtx(t *testing.T, thread *countingCtx) (*waitCtx, context.CancelFunc) {
	inner, wake := context.WithCancel(thread.inner)
	t.Cleanup(wake)
	return &waitCtx{countingCtx: &countingCtx{inner: inner}, thread: thread}, wake
}

// registered waits until a registration has been made with ctx (failing
// after a minute, so that a broken watch fails instead of hanging).
func registered(t *testing.T, ctx *countingCtx) {
	t.Helper()
	for end := time.Now().Add(time.Minute); time.Now().Before(end); runtime.Gosched() {
		if made, _ := ctx.counts(); made > 0 {
			return
		}
	}
	t.Fatal("no registration with the context")
}

// TestHandshakeUnderWaitContext checks a handshake run by a read under a
// wait context (a handshakeContexter): it is watched through the wait
// context's registration, which the read keeps (one registration in all,
// none with the thread's context); the thread's end (Ctrl-C) ends it; a
// wake-up, which ends the wait context alone, does not (the read that ran
// it then sees the wake-up), and the thread's end after a wake-up still
// ends it, through a registration of the handshake's own with the
// thread's context, released when the handshake ends.
func TestHandshakeUnderWaitContext(t *testing.T) {
	p := newTestPKI(t)
	bg := context.Background()
	aborted := func(t *testing.T, err error) {
		t.Helper()
		ce := asCond(t, err)
		if ce.Status != conditions.Syscall || !strings.HasPrefix(ce.Reason, "handshake aborted") {
			t.Fatalf("read = %+v, want a handshake aborted", ce)
		}
	}
	// start begins a read under w on a client whose peer is silent
	// until serve is called (it then handshakes and sends a line), and
	// waits until the handshake has registered.
	start := func(t *testing.T, w *waitCtx) (c *Conn, read chan error, serve func()) {
		rc, rs := loopback.Pair(t)
		c = Client(rc, p.clientConfig(), Options{})
		t.Cleanup(func() { c.Close() })
		read = make(chan error, 1)
		go func() {
			_, err := c.ReadLine(w)
			read <- err
		}()
		registered(t, w.countingCtx) // the handshake is watched
		serve = func() {
			s := Server(rs, p.serverConfig(), Options{})
			t.Cleanup(func() { s.Close() })
			go func() {
				if _, err := s.WriteString(bg, "line\n"); err == nil {
					_ = s.Flush(bg)
				}
			}()
		}
		return c, read, serve
	}
	// survived checks that the handshake succeeded although the read that
	// ran it failed (the wake-up), that the next read under a new wait
	// context gets the line, and that the thread's context holds no
	// registration.
	survived := func(t *testing.T, c *Conn, read chan error, thread *countingCtx) {
		t.Helper()
		if err := <-read; err == nil {
			t.Fatal("the read under the ended wait context succeeded")
		}
		if err := c.Handshake(bg); err != nil {
			t.Fatalf("handshake failed: %v", err)
		}
		w2, _ := newWaitCtx(t, thread)
		if l, err := c.ReadLine(w2); err != nil || l != "line" {
			t.Fatalf("next read %q, %v; want \"line\"", l, err)
		}
		if _, live := thread.counts(); live != 0 {
			t.Errorf("%d registrations with the thread's context after the handshake, want 0", live)
		}
	}
	t.Run("one-registration", func(t *testing.T) {
		thread, _ := newCountingCtx(t)
		w, _ := newWaitCtx(t, thread)
		c, read, serve := start(t, w)
		serve()
		if err := <-read; err != nil {
			t.Fatal(err)
		}
		if _, err := c.WriteString(thread, "x\n"); err != nil {
			t.Fatal(err)
		}
		if made, _ := w.counts(); made != 1 {
			t.Errorf("%d registrations with the wait context, want 1 (the handshake and the read)", made)
		}
		if made, _ := thread.counts(); made != 1 {
			t.Errorf("%d registrations with the thread's context, want 1 (the write)", made)
		}
		c.Close()
		_, wl := w.counts()
		_, tl := thread.counts()
		if wl != 0 || tl != 0 {
			t.Errorf("%d, %d registrations left after Close, want 0", wl, tl)
		}
	})
	t.Run("thread-done", func(t *testing.T) {
		thread, cancel := newCountingCtx(t)
		w, _ := newWaitCtx(t, thread)
		_, read, _ := start(t, w)
		cancel()
		aborted(t, <-read)
	})
	t.Run("wake-up", func(t *testing.T) {
		thread, _ := newCountingCtx(t)
		w, wake := newWaitCtx(t, thread)
		c, read, serve := start(t, w)
		wake()
		registered(t, thread) // the handshake watches the thread's context itself
		serve()
		survived(t, c, read, thread)
	})
	t.Run("wake-up-then-thread-done", func(t *testing.T) {
		thread, cancel := newCountingCtx(t)
		w, wake := newWaitCtx(t, thread)
		_, read, _ := start(t, w)
		wake()
		registered(t, thread)
		cancel()
		aborted(t, <-read)
	})
	t.Run("wake-up-before", func(t *testing.T) {
		thread, _ := newCountingCtx(t)
		w, wake := newWaitCtx(t, thread)
		wake()
		rc, rs := loopback.Pair(t)
		c := Client(rc, p.clientConfig(), Options{})
		defer c.Close()
		s := Server(rs, p.serverConfig(), Options{})
		defer s.Close()
		go func() {
			if _, err := s.WriteString(bg, "line\n"); err == nil {
				_ = s.Flush(bg)
			}
		}()
		read := make(chan error, 1)
		go func() {
			_, err := c.ReadLine(w)
			read <- err
		}()
		survived(t, c, read, thread)
	})
}
