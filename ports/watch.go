// Interrupting blocked I/O when the operation's context is done.

package ports

import (
	"context"
	"sync"
	"sync/atomic"
)

// watcher interrupts the blocked I/O of one direction of a connection when
// the context of the operation in progress is done, by setting a past
// deadline on dl. It stays registered (context.AfterFunc) with the last
// context used, so a run of operations under one context, such as a Scheme
// thread's, registers once instead of once per read or write, and then
// starts and stops each operation without a lock; release unregisters it
// (Close, Unwrap, abandon). Until then the context refers to the
// connection: one never closed stays reachable until that context is done
// (a Scheme thread's is done when the thread ends).
//
// The two watchers of a connection can be paired (pairWatchers): while
// both directions' operations run under one context they share one
// registration with it, which is unregistered when neither uses it any
// more. A direction whose operations move to another context registers
// anew (or joins the other's registration with that context) and leaves
// the shared one to the other direction, which keeps its watch.
type watcher struct {
	dl   *opDeadline // the direction's deadline, interrupted with a past one
	hs   *aborter    // the connection's handshake, ended too when the context is done (nil: none)
	pair *watcher    // the other direction's watcher, sharing registrations (nil: none)

	mu     sync.Mutex               // serialises registrations (a pair's: its read side's, see lock)
	reg    atomic.Pointer[watchReg] // the registration in force; nil when none
	side   uint8                    // 0, or 1 for the write side of a pair: its slot in watchReg.users, its count in watchReg.state
	closed bool                     // released for good: no more registrations (guarded by lock)
}

// watchReg is one registration with a context, of one watcher or of both
// of a pair.
type watchReg struct {
	ctx   context.Context
	unreg func() bool
	state atomic.Uint32 // the operations in progress of each side (a count in watchSideBits bits each) | watchFired
	mu    *sync.Mutex   // the lock of its watchers, guarding users and the handshake's fields
	users [2]*watcher   // the watchers using it, by side

	// While a handshake run by a read under ctx, a wait context, is
	// watched through it: the context the handshake honours (ctx's
	// HandshakeContext), and the handshake's own registration with it
	// once a wake-up has ended ctx alone (see endHandshake).
	hsCtx   context.Context
	hsUnreg func() bool
}

// An operation is counted in watchReg.state by adding its side's unit
// (start) and subtracting it (stop): one XADD each, where setting and
// clearing a bit takes a compare-and-swap loop each (an uncontended
// locked instruction costs 30–70 ns on a loaded virtual machine, as much
// as the rest of a read's port layer). A count also stays right when
// operations of one side overlap.
const (
	watchSideBits = 14                   // bits of one side's count (up to 16,383 operations in progress)
	watchCount    = 1<<watchSideBits - 1 // the count of side 0
	watchFired    = 1 << 31              // ctx is done
)

// pairWatchers makes r and w, the read and write watchers of one
// connection, share their registrations with a context (see watcher).
// Call it before any operation.
func pairWatchers(r, w *watcher) {
	r.pair, w.pair = w, r
	w.side = 1
}

// lock returns the mutex serialising w's registrations: a pair's is its
// read side's.
func (w *watcher) lock() *sync.Mutex {
	if w.side == 1 {
		return &w.pair.mu
	}
	return &w.mu
}

// unit is what one operation of w adds to watchReg.state.
func (w *watcher) unit() uint32 { return 1 << (watchSideBits * uint32(w.side)) }

// active is the mask of w's count in watchReg.state.
func (w *watcher) active() uint32 { return watchCount << (watchSideBits * uint32(w.side)) }

// start begins an operation under ctx; call it after setting the
// operation's deadline, and end the operation with stop of the returned
// value (which does nothing when ctx is never done or the watcher is
// released).
func (w *watcher) start(ctx context.Context) watchOp {
	r := w.reg.Load()
	if r == nil || r.ctx != ctx {
		if r = w.watch(ctx); r == nil {
			return watchOp{}
		}
	}
	unit := w.unit()
	if r.state.Add(unit)&watchFired != 0 {
		_ = w.dl.interrupt(past())
	}
	return watchOp{r, unit}
}

// watchOp is an operation start began: its registration and its side's
// unit.
type watchOp struct {
	r    *watchReg
	unit uint32
}

// stop ends the operation and reports whether its context was done
// during it (its interruption, if any, has then been applied).
func (op watchOp) stop() bool {
	if op.r == nil {
		return false
	}
	return op.r.state.Add(-op.unit)&watchFired != 0
}

// watch returns the registration with ctx, making one if needed (nil when
// ctx is never done or the watcher is released).
func (w *watcher) watch(ctx context.Context) *watchReg {
	if r := w.reg.Load(); r != nil && r.ctx == ctx {
		return r
	}
	if ctx.Done() == nil {
		return nil
	}
	return w.register(ctx)
}

// register makes ctx the watched context (nil once released): it joins
// the pair's registration with ctx if there is one, else registers anew,
// and leaves its previous registration.
func (w *watcher) register(ctx context.Context) *watchReg {
	mu := w.lock()
	mu.Lock()
	defer mu.Unlock()
	if w.closed {
		return nil
	}
	old := w.reg.Load()
	if old != nil && old.ctx == ctx {
		return old
	}
	var r *watchReg
	if p := w.pair; p != nil {
		if pr := p.reg.Load(); pr != nil && pr.ctx == ctx {
			r = pr
		}
	}
	if r == nil {
		r = &watchReg{ctx: ctx, mu: mu}
		r.unreg = context.AfterFunc(ctx, r.fire)
	}
	r.users[w.side] = w
	w.reg.Store(r)
	if old != nil {
		w.leave(old)
	}
	return r
}

// leave takes w off r, unregistering r when no watcher uses it (w's lock
// is held).
func (w *watcher) leave(r *watchReg) {
	r.users[w.side] = nil
	if r.users[0] == nil && r.users[1] == nil {
		r.unreg()
	}
}

// fire is the AfterFunc of r's context: it interrupts the operations in
// progress under r, if any, and the handshake in progress, if any (the
// aborter knows); a later operation is interrupted by start, a later
// handshake by interruptible. An operation seen in progress may have
// ended by the time fire interrupts, and the next one of its direction
// started under another context: interruptOp interrupts only while one
// of r's is still in progress.
func (r *watchReg) fire() {
	s := r.state.Or(watchFired)
	r.mu.Lock()
	users := r.users
	r.mu.Unlock()
	if h := testHookFire.Load(); h != nil {
		(*h)(r.ctx, false)
		defer (*h)(r.ctx, true)
	}
	for _, w := range users {
		if w == nil {
			continue
		}
		if s&w.active() != 0 {
			w.dl.interruptOp(r, w.active())
		}
		if w.hs != nil {
			r.endHandshake(w.hs)
		}
	}
}

// watchHandshake makes r, a registration with a wait context, watch the
// handshake starting under it for hsCtx, the context the handshake
// honours. It returns r.
func (r *watchReg) watchHandshake(hsCtx context.Context) *watchReg {
	r.mu.Lock()
	r.hsCtx = hsCtx
	r.mu.Unlock()
	return r
}

// unwatchHandshake ends watchHandshake when the handshake has ended,
// releasing the handshake's own registration, if one was made.
func (r *watchReg) unwatchHandshake() {
	r.mu.Lock()
	unreg := r.hsUnreg
	r.hsCtx, r.hsUnreg = nil, nil
	r.mu.Unlock()
	if unreg != nil {
		unreg()
	}
}

// endHandshake ends the handshake a (if one runs) because r's context is
// done, unless r watches it for a context that is not done: r's was a
// wait context ended by a wake-up, which a handshake goes on through, so
// it is then watched by a registration of its own with that context,
// released by unwatchHandshake.
func (r *watchReg) endHandshake(a *aborter) {
	r.mu.Lock()
	hsCtx := r.hsCtx
	if hsCtx != nil && hsCtx.Err() == nil {
		if r.hsUnreg == nil {
			r.hsUnreg = context.AfterFunc(hsCtx, func() { a.interrupt(hsCtx.Err(), false) })
		}
		r.mu.Unlock()
		return
	}
	r.mu.Unlock()
	if hsCtx != nil {
		a.interrupt(hsCtx.Err(), false)
		return
	}
	a.interrupt(r.ctx.Err(), false)
}

// testHookFire, when set by a test, is called by fire with its context
// after it marked its registration done and took its users (false) and
// when it returns (true).
var testHookFire atomic.Pointer[func(ctx context.Context, after bool)]

// release unregisters the watcher from its context for good (the
// connection is closed): later operations are not watched.
func (w *watcher) release() {
	mu := w.lock()
	mu.Lock()
	defer mu.Unlock()
	if r := w.reg.Swap(nil); r != nil {
		w.leave(r)
	}
	w.closed = true
}

// watch watches one operation under ctx: the returned stop reports whether
// ctx was done during it (a done ctx interrupts it through dl).
func watch(ctx context.Context, dl *opDeadline) (stop func() bool) {
	w := &watcher{dl: dl}
	r := w.start(ctx)
	return func() bool {
		fired := r.stop()
		w.release()
		return fired
	}
}
