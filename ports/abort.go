// Aborting a handshake from another goroutine (ssl-abort-handshake!; spec §4.11).

package ports

import (
	"context"
	"io"
	"sync"
	"sync/atomic"
	"time"
)

// aborter ends a running handshake from another goroutine: on
// AbortHandshake, the caller's context, or the handshake timeout. It
// closes the connection under crypto/tls, as crypto/tls itself does when
// the context of HandshakeContext is cancelled, and records why; the
// handshake runs with a context that is never cancelled, which spares
// crypto/tls a derived context and its registration with the parent on
// every handshake.
type aborter struct {
	mu      sync.Mutex
	conn    io.Closer // the connection of the running handshake, nil if none
	cause   error     // why it was ended (interrupt), nil if it was not
	timeout bool      // the cause is the handshake timeout
	aborted bool
}

// errHandshakeAborted is the cause of a handshake ended by AbortHandshake:
// a cancellation, classified as "handshake aborted".
var errHandshakeAborted = context.Canceled

// AbortHandshake cancels the handshake: a running one fails at once, one
// not started yet fails when it starts; either way with status syscall
// "handshake aborted" (sticky, like every handshake failure), and the
// connection is closed. It reports false if the handshake had already
// finished.
func (c *Conn) AbortHandshake() bool {
	if c.hsDone.Load() {
		return false
	}
	a := &c.abort
	a.mu.Lock()
	a.aborted = true
	a.mu.Unlock()
	a.interrupt(errHandshakeAborted, false)
	return true
}

// interrupt ends the running handshake, if any and not ended already,
// with cause.
func (a *aborter) interrupt(cause error, timeout bool) {
	a.mu.Lock()
	defer a.mu.Unlock()
	if a.conn == nil || a.cause != nil {
		return
	}
	a.cause, a.timeout = cause, timeout
	_ = a.conn.Close()
}

// interruptible arms the ending of a handshake starting now: by
// AbortHandshake (at once if it was called before), by ctx, or after
// timeout (0 = none). The returned hsWatch's stop disarms it and reports
// why the handshake was ended (nil if it was not) and whether by the
// timeout; a handshake ended even as it succeeded has failed, as with
// crypto/tls's own cancellation.
//
// The timeout is the raw connection's read and write deadlines for the
// handshake (the earlier of it and the caller's deadlines, see
// opDeadline): no runtime timer of its own per handshake, and a fake
// clock (testing/synctest, net.Pipe) is honoured as the connection
// honours it. The next operation of each direction sets its own
// deadline (arm, begin) over the handshake's. Only a raw connection
// that cannot set deadlines gets a timer.
//
// ctx is watched through the read watcher's registration (watcher.hs),
// which the connection's reads under the same context then keep using:
// one registration with ctx per connection instead of one for the
// handshake and one for the reads. A handshake run by a read under a
// Scheme thread's wait context wctx (ctx is then its HandshakeContext,
// the thread's own) is watched through the registration with wctx, which
// that read goes on to use: wctx ends when ctx does, and a wake-up that
// ends wctx alone leaves the handshake running, watched by a
// registration of its own with ctx from then on (watchReg.endHandshake).
func (c *Conn) interruptible(wctx, ctx context.Context, timeout time.Duration) hsWatch {
	var h hsWatch
	var r *watchReg
	if ctx.Done() != nil {
		if wctx.Done() == nil {
			wctx = ctx
		}
		// Before a.conn is set: an end of wctx seen meanwhile by the
		// registration interrupts nothing, and is acted on below.
		if r = c.rw.watch(wctx); r != nil && wctx != ctx {
			h.reg = r.watchHandshake(ctx)
		}
	}
	a := &c.abort
	a.mu.Lock()
	a.conn, a.cause, a.timeout = c.tls.NetConn(), nil, false
	aborted := a.aborted
	a.mu.Unlock()
	if aborted {
		a.interrupt(errHandshakeAborted, false)
	}
	if timeout > 0 {
		h.dl = time.Now().Add(timeout)
		if beginBoth(c.raw, &c.rdl, &c.wdl, h.dl) != nil {
			h.dl = time.Time{}
			h.to = &hsTimeout{}
			h.to.a.Store(a)
			h.t = time.AfterFunc(timeout, h.to.fire)
		}
	}
	if ctx.Done() != nil {
		if r != nil {
			if r.state.Load()&watchFired != 0 { // done before a.conn was set
				r.endHandshake(a)
			}
		} else { // the watcher is released: the connection is closing
			h.unreg = context.AfterFunc(ctx, func() { a.interrupt(ctx.Err(), false) })
		}
	}
	return h
}

// hsWatch is what interruptible armed for one handshake.
type hsWatch struct {
	dl    time.Time   // the handshake's deadline on the raw connection, zero if none
	t     *time.Timer // the handshake timeout of a raw connection without deadlines, nil if none
	to    *hsTimeout  // what t runs
	unreg func() bool // a registration of the handshake's own with ctx, nil if none
	reg   *watchReg   // the wait context's registration watching the handshake for ctx, nil if none
}

// hsTimeout is the handshake timeout's function: it refers to the
// connection only until the handshake ends, because a stopped timer may
// stay in the runtime's timer heap (with its function) until the time it
// was set for, and would keep a closed connection reachable until then.
type hsTimeout struct{ a atomic.Pointer[aborter] }

// fire ends the running handshake for its timeout, unless it ended.
func (t *hsTimeout) fire() {
	if a := t.a.Load(); a != nil {
		a.timedOut()
	}
}

// stop disarms h after a handshake that returned err and reports why the
// handshake was ended (nil if it was not) and whether by the timeout. A
// handshake that failed on a deadline at or past h.dl timed out (an
// earlier one is the caller's): its connection is closed, as a timed-out
// handshake's always was.
func (h hsWatch) stop(a *aborter, err error) (cause error, timedOut bool) {
	if h.t != nil {
		h.t.Stop()
		h.to.a.Store(nil)
	}
	if h.unreg != nil {
		h.unreg()
	}
	if h.reg != nil {
		h.reg.unwatchHandshake()
	}
	a.mu.Lock()
	defer a.mu.Unlock()
	conn := a.conn
	a.conn = nil
	if a.cause == nil && err != nil && !h.dl.IsZero() && isTimeout(err) && !time.Now().Before(h.dl) {
		a.cause, a.timeout = context.DeadlineExceeded, true
		_ = conn.Close()
	}
	return a.cause, a.timeout
}

// timedOut ends the running handshake for its timeout.
func (a *aborter) timedOut() { a.interrupt(context.DeadlineExceeded, true) }
