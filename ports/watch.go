// Interrupting blocked I/O when the operation's context is done.

package ports

import (
	"context"
	"sync"
	"time"
)

// watcher interrupts the blocked I/O of one direction of a connection when
// the context of the operation in progress is done, by setting a past
// deadline with set. It stays registered (context.AfterFunc) with the last
// context used, so a run of operations under one context, such as a Scheme
// thread's, registers once instead of once per read or write; release
// unregisters it (Close, Unwrap, abandon). Until then the context refers
// to the connection: one never closed stays reachable until that context
// is done (a Scheme thread's is done when the thread ends).
type watcher struct {
	set func(time.Time) error

	mu     sync.Mutex
	ctx    context.Context // the registered context
	unreg  func() bool
	active bool // an operation is in progress
	fired  bool // ctx is done
	closed bool // released for good: no more registrations
}

// start begins an operation under ctx; call it after setting the
// operation's deadline.
func (w *watcher) start(ctx context.Context) {
	if ctx.Done() == nil {
		return
	}
	w.mu.Lock()
	if w.ctx != ctx && !w.closed {
		if w.unreg != nil {
			w.unreg()
		}
		w.ctx, w.fired = ctx, false
		w.unreg = context.AfterFunc(ctx, func() { w.fire(ctx) })
	}
	w.active = true
	fired := w.fired
	w.mu.Unlock()
	if fired {
		_ = w.set(past())
	}
}

// fire is the AfterFunc of ctx: it interrupts the operation in progress.
func (w *watcher) fire(ctx context.Context) {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.ctx != ctx {
		return
	}
	w.fired = true
	if w.active {
		_ = w.set(past())
	}
}

// stop ends the operation started under ctx and reports whether ctx was
// done during it (its interruption, if any, has then been applied).
func (w *watcher) stop(ctx context.Context) bool {
	if ctx.Done() == nil {
		return false
	}
	w.mu.Lock()
	defer w.mu.Unlock()
	w.active = false
	return w.fired
}

// release unregisters the watcher from its context for good (the
// connection is closed): later operations are not watched.
func (w *watcher) release() {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.unreg != nil {
		w.unreg()
	}
	w.ctx, w.unreg, w.fired, w.closed = nil, nil, false, true
}

// watch watches one operation under ctx: the returned stop reports whether
// ctx was done during it.
func watch(ctx context.Context, set func(time.Time) error) (stop func() bool) {
	w := &watcher{set: set}
	w.start(ctx)
	return func() bool {
		fired := w.stop(ctx)
		w.release()
		return fired
	}
}
