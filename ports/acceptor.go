// Acceptor: serialised TCP accepts with deadlines, context cancellation and a readiness stash (spec §1.1.3, §1.4, §1.5).

package ports

import (
	"context"
	"errors"
	"net"
	"sync"
	"time"
)

// ReadyPoll is the accept deadline used by [Acceptor.Ready] to poll for a
// pending connection.
const ReadyPoll = time.Millisecond

// acceptPendingLimit bounds the accept of a connection poll found waiting
// (it returns at once unless the peer gave up meanwhile).
const acceptPendingLimit = time.Second

// Acceptor accepts TCP connections from a *net.TCPListener. Accepts are
// serialised (they share the listener's deadline); each one has its own
// deadline and is interrupted when its context is done. [Acceptor.Ready]
// polls for a pending connection and keeps it for the next
// [Acceptor.Accept]. Safe for concurrent use.
//
// Errors are raw Go errors (os.ErrDeadlineExceeded, net.ErrClosed,
// ctx.Err(), *net.OpError); callers classify them.
type Acceptor struct {
	ln *net.TCPListener

	acceptMu sync.Mutex // serialises accepts; guards dl, dlSet and reg
	// dl is the listener's deadline as last set (valid while dlSet), so
	// that a run of accepts under one deadline (none, usually) sets it
	// once.
	dl    time.Time
	dlSet bool
	// reg is the registration with the context of the last accept: kept
	// for the next accept under the same context (a Scheme thread's), so
	// that a run of accepts registers once instead of once per accept.
	// Close and an accept under another context unregister it.
	reg *acceptReg

	mu     sync.Mutex // guards stash and closed
	stash  net.Conn   // connection found by Ready
	closed bool
}

// acceptReg is an Acceptor's registration with a context: when the
// context is done it ends the accept in progress under it, if any, by a
// past deadline on the listener. It knows its context by its Done
// channel and lets go of its unregistration when the context is done:
// the listener, which outlives the accepting thread, must not keep the
// thread's context (and through it the thread and the connections it
// made) reachable.
type acceptReg struct {
	done <-chan struct{} // the context's Done channel
	ln   *net.TCPListener

	mu     sync.Mutex  // guards stop, active and fired
	stop   func() bool // unregisters; nil once the context is done
	active bool        // an accept under the registration is in progress
	fired  bool        // the context is done
}

// fire is the AfterFunc of r's context.
func (r *acceptReg) fire() {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.fired, r.stop = true, nil
	if r.active {
		_ = r.ln.SetDeadline(time.Unix(1, 0))
	}
}

// NewAcceptor returns an Acceptor over ln; Close closes ln.
func NewAcceptor(ln *net.TCPListener) *Acceptor { return &Acceptor{ln: ln} }

// Listener returns the underlying TCP listener. Do not set its deadline:
// the Acceptor sets it only when an accept's deadline differs from the
// one it set last.
func (a *Acceptor) Listener() *net.TCPListener { return a.ln }

// Accept returns the connection kept by Ready, if any, or else waits for
// one until deadline (zero = none) and until ctx is done. After Close it
// returns net.ErrClosed; at the deadline an error satisfying
// errors.Is(err, os.ErrDeadlineExceeded); when ctx interrupts the wait,
// ctx.Err() itself.
func (a *Acceptor) Accept(ctx context.Context, deadline time.Time) (net.Conn, error) {
	a.mu.Lock()
	if a.closed {
		a.mu.Unlock()
		return nil, net.ErrClosed
	}
	if c := a.stash; c != nil {
		a.stash = nil
		a.mu.Unlock()
		return c, nil
	}
	a.mu.Unlock()
	a.acceptMu.Lock()
	defer a.acceptMu.Unlock()
	return a.acceptLocked(ctx, deadline)
}

// acceptLocked accepts one connection under deadline (zero: none), ended
// early when ctx is done; acceptMu must be held.
func (a *Acceptor) acceptLocked(ctx context.Context, deadline time.Time) (net.Conn, error) {
	if ctx.Done() == nil {
		a.setDeadline(deadline)
		return a.ln.Accept()
	}
	r := a.register(ctx)
	// The deadline is set before the accept counts as in progress: a
	// cancellation from then on sets the past deadline over it.
	a.setDeadline(deadline)
	r.mu.Lock()
	if r.fired {
		r.mu.Unlock()
		return nil, ctx.Err()
	}
	r.active = true
	r.mu.Unlock()
	c, err := a.ln.Accept()
	r.mu.Lock()
	r.active = false
	fired := r.fired
	r.mu.Unlock()
	if fired {
		a.dlSet = false // the past deadline may be set: the next accept sets its own
	}
	if err != nil && errors.Is(err, net.ErrClosed) {
		a.unregister() // the listener is closed: nothing more to watch
	}
	if fired && err != nil {
		return nil, ctx.Err()
	}
	return c, err
}

// register returns the registration with ctx, registering anew (and
// unregistering the previous one) when the last accept's context was
// another; acceptMu must be held.
func (a *Acceptor) register(ctx context.Context) *acceptReg {
	if r := a.reg; r != nil && r.done == ctx.Done() {
		return r
	}
	a.unregister()
	r := &acceptReg{done: ctx.Done(), ln: a.ln}
	r.mu.Lock() // fire, run at once for a context done already, waits for stop
	r.stop = context.AfterFunc(ctx, r.fire)
	r.mu.Unlock()
	a.reg = r
	return r
}

// unregister ends the registration, if any; acceptMu must be held. No
// accept is in progress under it, so its AfterFunc, if it runs anyway,
// leaves the listener's deadline alone.
func (a *Acceptor) unregister() {
	r := a.reg
	if r == nil {
		return
	}
	a.reg = nil
	r.mu.Lock()
	stop := r.stop
	r.stop = nil
	r.mu.Unlock()
	if stop != nil {
		stop()
	}
}

// setDeadline sets the listener's deadline to t unless it is set to t
// already; acceptMu must be held.
func (a *Acceptor) setDeadline(t time.Time) {
	if a.dlSet && a.dl.Equal(t) {
		return
	}
	_ = a.ln.SetDeadline(t)
	a.dl, a.dlSet = t, true
}

// WithDeadline runs op, a blocking call on something whose deadline set
// sets, under deadline (zero: none), and ends it early when ctx is done by
// setting a deadline in the past. It reports whether ctx ended before op
// returned; the past deadline is then set before WithDeadline returns, so
// it cannot reach the next call, which sets its own.
func WithDeadline(ctx context.Context, set func(time.Time) error, deadline time.Time, op func()) (cancelled bool) {
	_ = set(deadline)
	if ctx.Done() == nil {
		op()
		return false
	}
	done := make(chan struct{})
	stop := context.AfterFunc(ctx, func() { _ = set(time.Unix(1, 0)); close(done) })
	op()
	if stop() {
		return false
	}
	<-done
	return true
}

// Ready reports whether Accept would not wait: a connection is kept, or
// one arrives within [ReadyPoll] (it is then kept for the next Accept).
// It waits for a concurrent Accept to finish first. False after Close.
func (a *Acceptor) Ready(ctx context.Context) bool { return a.ready(ctx, false) }

// TryReady is Ready, but reports false at once when another goroutine is
// accepting.
func (a *Acceptor) TryReady(ctx context.Context) bool { return a.ready(ctx, true) }

func (a *Acceptor) ready(ctx context.Context, try bool) bool {
	a.mu.Lock()
	if a.stash != nil || a.closed {
		ready := a.stash != nil
		a.mu.Unlock()
		return ready
	}
	a.mu.Unlock()
	if try {
		if !a.acceptMu.TryLock() {
			return false
		}
	} else {
		a.acceptMu.Lock()
	}
	// A deadline of now+ReadyPoll passes before the accept is tried when
	// the goroutine is descheduled between the two (a busy machine), and
	// Go then reports a timeout without looking: poll the socket instead,
	// and accept only what is there (no one else accepts meanwhile).
	deadline := time.Now().Add(ReadyPoll)
	if ready, ok := pending(a.ln, ReadyPoll); ok {
		if !ready {
			a.acceptMu.Unlock()
			return false
		}
		deadline = time.Now().Add(acceptPendingLimit)
	}
	c, err := a.acceptLocked(ctx, deadline)
	a.acceptMu.Unlock()
	if err != nil {
		return false
	}
	a.mu.Lock()
	defer a.mu.Unlock()
	if a.stash != nil || a.closed {
		c.Close()
		return a.stash != nil
	}
	a.stash = c
	return true
}

// Addr returns the listening address.
func (a *Acceptor) Addr() net.Addr { return a.ln.Addr() }

// Port returns the listening port (the actual one after port 0).
func (a *Acceptor) Port() int { return a.ln.Addr().(*net.TCPAddr).Port }

// Fileno returns the OS descriptor of the listening socket, or -1.
func (a *Acceptor) Fileno() int {
	fd := -1
	if rc, err := a.ln.SyscallConn(); err == nil {
		_ = rc.Control(func(f uintptr) { fd = int(f) })
	}
	return fd
}

// Closed reports whether Close was called.
func (a *Acceptor) Closed() bool {
	a.mu.Lock()
	defer a.mu.Unlock()
	return a.closed
}

// Close closes the listener and a connection kept by Ready; accepted
// connections are unaffected. Idempotent: later calls return nil.
func (a *Acceptor) Close() error {
	a.mu.Lock()
	if a.closed {
		a.mu.Unlock()
		return nil
	}
	a.closed = true
	c := a.stash
	a.stash = nil
	a.mu.Unlock()
	if c != nil {
		c.Close()
	}
	err := a.ln.Close() // ends an accept in progress, which then releases acceptMu
	a.acceptMu.Lock()
	a.unregister()
	a.acceptMu.Unlock()
	return err
}
