// Conn as a net.Conn: Read, Write, CloseWrite and the deadlines, over the context-taking methods.

package ports

import (
	"context"
	"crypto/tls"
	"net"
	"sync"
	"sync/atomic"
	"time"
)

// Conn is a net.Conn (and satisfies the CloseWrite interface net/http and
// io.Copy callers look for).
var _ interface {
	net.Conn
	CloseWrite() error
	ConnectionState() tls.ConnectionState
} = (*Conn)(nil)

// Read implements io.Reader and net.Conn: [Conn.ReadContext] bounded by
// the read deadline (see [Conn.SetReadDeadline]) and Options.ReadTimeout.
// It returns io.EOF after the peer's close_notify. A deadline expiry is a
// *conditions.Error of kind timeout that satisfies net.Error with
// Timeout() true and errors.Is(err, os.ErrDeadlineExceeded); the
// connection stays readable once the deadline is moved.
func (c *Conn) Read(p []byte) (int, error) {
	return c.ReadContext(context.Background(), p)
}

// Write implements io.Writer and net.Conn: [Conn.WriteContext] followed by
// a flush of the output buffer (Options.BufferSize), so nothing written
// through the net.Conn interface waits in the engine. It is bounded by the
// write deadline and Options.WriteTimeout. Unlike crypto/tls's, a write
// that times out leaves the connection usable, as a net.TCPConn's does:
// it returns the timeout and how many bytes of p it handed to TLS (which
// are not to be written again: possibly all of them), and the next write,
// flush or Close first sends the rest of the record it had begun (see
// [Conn.WriteContext]).
func (c *Conn) Write(p []byte) (int, error) {
	ctx := context.Background()
	n, err := c.WriteContext(ctx, p)
	if err == nil && c.Blocking() {
		err = c.Flush(ctx)
	}
	return n, err
}

// CloseWrite is [Conn.CloseWriteContext] bounded by the write deadline:
// it sends close_notify and a TCP FIN, and reading continues. Like
// *tls.Conn.CloseWrite it is what a proxy calls after copying one
// direction.
func (c *Conn) CloseWrite() error {
	return c.CloseWriteContext(context.Background())
}

// LocalAddr returns the local network address.
func (c *Conn) LocalAddr() net.Addr { return c.raw.LocalAddr() }

// RemoteAddr returns the remote network address.
func (c *Conn) RemoteAddr() net.Addr { return c.raw.RemoteAddr() }

// ConnectionState returns the TLS state; meaningful after the handshake.
func (c *Conn) ConnectionState() tls.ConnectionState { return c.tls.ConnectionState() }

// SetDeadline sets the read and write deadlines, as net.Conn: see
// [Conn.SetReadDeadline] and [Conn.SetWriteDeadline].
func (c *Conn) SetDeadline(t time.Time) error {
	c.rdl.setUser(t)
	c.wdl.setUser(t)
	return nil
}

// SetReadDeadline sets the deadline of every read, including the
// handshake a read starts and reads already blocked (net.Conn semantics):
// after t they fail with a timeout condition; a zero t means none. The
// connection stays usable, so a later deadline allows further reads.
// Options.ReadTimeout still applies; the earlier limit wins. The
// context-taking methods (ReadContext, ReadLine …) honour it too.
func (c *Conn) SetReadDeadline(t time.Time) error {
	c.rdl.setUser(t)
	return nil
}

// SetWriteDeadline sets the deadline of every write, including the
// handshake a write starts and writes already blocked: after t they fail
// with a timeout condition, and the connection stays writable once the
// deadline is moved (see [Conn.Write]). A zero t means none.
// Options.WriteTimeout still applies; the earlier limit wins.
func (c *Conn) SetWriteDeadline(t time.Time) error {
	c.wdl.setUser(t)
	return nil
}

// opDeadline is one direction's deadline on the raw connection: the
// earlier of the caller's (net.Conn SetReadDeadline/SetWriteDeadline) and
// the running operation's (its timeout, or the past when its context is
// done). Every change goes through mu, so a deadline set while an
// operation starts is never lost.
//
// An operation's timeout is armed with [opDeadline.arm], which keeps the
// deadline in force when it already lies within the operation's
// tolerance (see [timeoutSlack]): a run of reads or writes resets the raw
// connection's timer about once per slack (half a slack for long limits,
// see [armedOp]) instead of once per call, and checks it without taking mu
// (nor, for long limits, reading the clock).
type opDeadline struct {
	mu       sync.Mutex
	user, op time.Time
	conn     deadliner // the raw connection
	write    bool      // the deadline is conn's write deadline, else its read deadline
	// armed is what arm last set op to; nil once op is set otherwise
	// (begin, interrupt). Written under mu, read by arm without it.
	armed atomic.Pointer[armedOp]
}

// armedOp is a deadline set by arm: the time it was armed and the limit
// (0: no deadline). Once an operation has reused a deadline of a limit of
// at least [timedSlackMin]'s (a run of operations, not a connection's
// single read), arm replaces it by a timed one: a timer marks it stale
// half its slack after it was armed, and arm reuses it until then without
// reading the clock (a clock read costs 40–70 ns on virtual machines, as
// much as the rest of a read's port layer).
type armedOp struct {
	at    time.Time
	limit time.Duration
	timed bool        // stale is kept by a timer
	stale atomic.Bool // set by the timer: arm must read the clock again
}

// timedSlackMin is the smallest slack for which arm relies on a timer
// rather than the clock: the timer fires at half the slack, so it may be
// up to half the slack late (at least 125 ms: far beyond a loaded
// machine's scheduling delays) before an operation could start with less
// than its whole limit ahead. Shorter limits read the clock every time.
const timedSlackMin = 250 * time.Millisecond

// noLimit is the armedOp of arm(0): no deadline.
var noLimit = &armedOp{}

// maxTimeoutSlack caps [timeoutSlack].
const maxTimeoutSlack = time.Second

// timeoutSlack is how late an operation limited to d may time out: a read
// or write with timeout d (tcp-read-timeout, Options.ReadTimeout …) fails
// between d and d + d/16 (at most d + 1 s) after it starts, never
// earlier. The slack lets consecutive operations share one armed deadline.
func timeoutSlack(d time.Duration) time.Duration { return min(d/16, maxTimeoutSlack) }

// setUser sets the caller's deadline and applies it at once, so blocked
// I/O sees it.
func (d *opDeadline) setUser(t time.Time) {
	d.mu.Lock()
	d.user = t
	_ = d.apply()
	d.mu.Unlock()
}

// begin sets the deadline of an operation about to run (zero = none),
// reporting the raw connection's error if it cannot set deadlines.
func (d *opDeadline) begin(t time.Time) error {
	d.mu.Lock()
	defer d.mu.Unlock()
	d.op = t
	d.armed.Store(nil)
	return d.apply()
}

// arm begins an operation limited to limit from now (limit <= 0: none).
// The operation's deadline becomes now + limit + timeoutSlack(limit),
// unless arm set it for the same limit at most timeoutSlack(limit) ago
// (so it lies within [now+limit, now+limit+slack]; for a timed one, until
// its timer marked it stale half a slack after it was armed): then the raw
// connection is left alone. An interruption racing with arm still
// applies: it moves the raw deadline itself.
func (d *opDeadline) arm(limit time.Duration) {
	limit = max(limit, 0)
	if a := d.armed.Load(); a != nil && a.limit == limit {
		if limit == 0 || (a.timed && !a.stale.Load()) {
			return
		}
		if !a.timed {
			el, slack := time.Since(a.at), timeoutSlack(limit)
			if el <= slack {
				if slack >= timedSlackMin && el < slack/2 {
					d.timeArmed(a, slack/2-el)
				}
				return
			}
		}
	}
	d.mu.Lock()
	defer d.mu.Unlock()
	if limit == 0 {
		d.armed.Store(noLimit)
		if !d.op.IsZero() {
			d.op = time.Time{}
			_ = d.apply()
		}
		return
	}
	now := time.Now()
	d.op = now.Add(limit + timeoutSlack(limit))
	d.armed.Store(&armedOp{at: now, limit: limit})
	_ = d.apply()
}

// timeArmed replaces a, the deadline in force, by the same deadline kept by a
// timer that marks it stale after wait (see armedOp), unless it changed
// meanwhile.
func (d *opDeadline) timeArmed(a *armedOp, wait time.Duration) {
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.armed.Load() != a {
		return
	}
	t := &armedOp{at: a.at, limit: a.limit, timed: true}
	time.AfterFunc(wait, func() { t.stale.Store(true) })
	d.armed.Store(t)
}

// interruptOp is interrupt for an operation in progress under r (its
// count in r.state under the mask active), by r's AfterFunc: it moves the
// deadline to the past only if such an operation still is in progress.
// It first stops arm from reusing the deadline in force, so an operation
// that starts after the one it meant ended (under another context, or
// one never done, which r does not count) arms a deadline of its own over
// the past one: an operation's stop (its count's decrement) precedes the
// next one's arm, so either the check sees it ended, or that arm sees no
// deadline to reuse and waits for mu.
func (d *opDeadline) interruptOp(r *watchReg, active uint32) {
	d.mu.Lock()
	defer d.mu.Unlock()
	d.armed.Store(nil)
	if r.state.Load()&active != 0 {
		d.op = past()
		_ = d.apply()
	}
}

// interrupt is watch's setter: it moves the operation's deadline to t (the
// past) whatever the caller's deadline.
func (d *opDeadline) interrupt(t time.Time) error { return d.begin(t) }

// apply sets the earlier of the caller's and the operation's deadline on
// the raw connection (mu held).
func (d *opDeadline) apply() error {
	t := d.effective()
	if d.write {
		return d.conn.SetWriteDeadline(t)
	}
	return d.conn.SetReadDeadline(t)
}

// effective is the earlier of the caller's and the operation's deadline
// (mu held).
func (d *opDeadline) effective() time.Time {
	if d.user.IsZero() || (!d.op.IsZero() && d.op.Before(d.user)) {
		return d.op
	}
	return d.user
}

// beginBoth is begin(t) on r and w, the read and write deadlines of raw,
// for an operation of both directions (the handshake): when both come to
// the same deadline it is set with one raw.SetDeadline, which on a socket
// is one runtime call and one timer for both directions.
func beginBoth(raw net.Conn, r, w *opDeadline, t time.Time) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	w.mu.Lock()
	defer w.mu.Unlock()
	r.op, w.op = t, t
	r.armed.Store(nil)
	w.armed.Store(nil)
	if rt := r.effective(); rt.Equal(w.effective()) {
		return raw.SetDeadline(rt)
	}
	if err := r.apply(); err != nil {
		return err
	}
	return w.apply()
}

// deadliner is what an opDeadline sets: the deadlines of a net.Conn.
type deadliner interface {
	SetReadDeadline(t time.Time) error
	SetWriteDeadline(t time.Time) error
}
