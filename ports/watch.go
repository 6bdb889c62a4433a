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
type watcher struct {
	dl *opDeadline // the direction's deadline, interrupted with a past one
	hs *aborter    // the connection's handshake, ended too when the context is done (nil: none)

	mu     sync.Mutex               // serialises registrations
	reg    atomic.Pointer[watchReg] // the registration in force; nil when none
	closed bool                     // released for good: no more registrations (guarded by mu)
}

// watchReg is one registration of a watcher with a context.
type watchReg struct {
	ctx   context.Context
	unreg func() bool
	state atomic.Uint32 // watchActive | watchFired
}

const (
	watchActive = 1 << iota // an operation is in progress
	watchFired              // ctx is done
)

// start begins an operation under ctx; call it after setting the
// operation's deadline, and end the operation with stop of the returned
// registration (nil when ctx is never done or the watcher is released).
func (w *watcher) start(ctx context.Context) *watchReg {
	r := w.reg.Load()
	if r == nil || r.ctx != ctx {
		if r = w.watch(ctx); r == nil {
			return nil
		}
	}
	if r.state.Or(watchActive)&watchFired != 0 {
		_ = w.dl.interrupt(past())
	}
	return r
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

// register makes ctx the watched context (nil once released).
func (w *watcher) register(ctx context.Context) *watchReg {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.closed {
		return nil
	}
	old := w.reg.Load()
	if old != nil {
		if old.ctx == ctx {
			return old
		}
		old.unreg()
	}
	r := &watchReg{ctx: ctx}
	r.unreg = context.AfterFunc(ctx, func() { r.fire(w) })
	w.reg.Store(r)
	return r
}

// fire is the AfterFunc of r's context: it interrupts the operation in
// progress, if any, and the handshake in progress, if any (the aborter
// knows); a later operation is interrupted by start, a later handshake by
// interruptible.
func (r *watchReg) fire(w *watcher) {
	if r.state.Or(watchFired)&watchActive != 0 {
		_ = w.dl.interrupt(past())
	}
	if w.hs != nil {
		w.hs.interrupt(r.ctx.Err(), false)
	}
}

// stop ends the operation start registered as r and reports whether its
// context was done during it (its interruption, if any, has then been
// applied).
func (r *watchReg) stop() bool {
	if r == nil {
		return false
	}
	return r.state.And(^uint32(watchActive))&watchFired != 0
}

// release unregisters the watcher from its context for good (the
// connection is closed): later operations are not watched.
func (w *watcher) release() {
	w.mu.Lock()
	defer w.mu.Unlock()
	if r := w.reg.Swap(nil); r != nil {
		r.unreg()
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
