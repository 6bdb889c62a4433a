// Waking a thread blocked in a wait (thread-signal!, thread-interrupt!) and holding one (thread-suspend!).

package scheme

import (
	"context"
	"errors"
	"time"
)

// errSignalled is the cause of a wait ended by thread-signal!: the
// thread's handler runs, then the wait goes on.
var errSignalled = errors.New("scheme: thread-signal!")

// ErrThreadInterrupted is the cause of a wait ended by Sagittarius's
// thread-interrupt!. A primitive that Sagittarius documents as
// interruptible (socket-accept, socket-select) asks [Thread.Interrupted]
// and returns its interrupted result; any other wait goes on.
var ErrThreadInterrupted = errors.New("scheme: thread interrupted")

// WaitContext returns the context for a wait that thread-signal! and
// thread-interrupt! end early: SRFI-18's waits, thread-wait-for-i/o!, a
// blocking read. A primitive that fails because it ended returns the
// context's error as it is: the call is made again once the thread's
// signal handlers have run (see Thread.woken), so such a wait must lose
// nothing when cut short (a read keeps what it took, [Port]'s readers
// do). Writes use [Thread.Context]: a write cut short could not be made
// again without writing its first part twice. As with [Thread.Context],
// the thread lets the interpreter lock go.
func (th *Thread) WaitContext() context.Context {
	th.unlock()
	if w := th.wake.Load(); w != nil {
		return w
	}
	th.mu.Lock()
	defer th.mu.Unlock()
	ctx, cancel := context.WithCancelCause(th.ctx)
	w := &threadCtx{Context: ctx, th: th}
	th.wakeCancel = cancel
	if th.wakeCause != nil { // a wake-up that came before the wait
		cancel(th.wakeCause)
	}
	th.wake.Store(w)
	return w
}

// wakeUp ends t's current wait, or its next one, with cause. The caller
// holds t.mu.
func (t *Thread) wakeUp(cause error) {
	if t.wakeCause == nil {
		t.wakeCause = cause
	}
	if t.wakeCancel != nil {
		t.wakeCancel(cause)
	}
}

// woken reports whether err, a primitive's failure, is the end of a wait
// by wakeUp (and not an interruption of the thread): the wait context was
// ended and err says so — it is, or wraps, context.Canceled or the
// wake-up's cause (a binding's condition keeps it as its cause) — so the
// call is made again. A failure
// of another kind while a wake-up is pending is the call's own, raised
// as it is. It takes the wake-up, returning its cause, so that the next
// wait blocks again.
func (th *Thread) woken(err error) error {
	w := th.wake.Load()
	if err == nil || w == nil || w.Err() == nil || th.ctx.Err() != nil || !wakeError(err, w) {
		return nil
	}
	th.mu.Lock()
	defer th.mu.Unlock()
	cause := context.Cause(w)
	th.resetWake()
	return cause
}

// wakeError reports whether err is the end of a wait on w, the ended wait
// context: context.Canceled or w's cause, or an error wrapping one.
func wakeError(err error, w context.Context) bool {
	return errors.Is(err, context.Canceled) || errors.Is(err, context.Cause(w))
}

// resetWake drops a wake-up and its ended context. The caller holds th.mu.
func (th *Thread) resetWake() {
	th.wakeCause = nil
	if w := th.wake.Load(); w != nil && w.Err() != nil {
		th.wake.Store(nil)
		th.wakeCancel = nil
	}
}

// Interrupted reports whether err ended a wait on th.WaitContext() because
// of thread-interrupt! (Sagittarius), taking the interruption: the
// primitive then returns what Sagittarius documents for it.
func (th *Thread) Interrupted(err error) bool {
	w := th.wake.Load()
	if w == nil || context.Cause(w) != ErrThreadInterrupted {
		return false
	}
	return th.woken(err) == ErrThreadInterrupted
}

// retryAfterWake calls its first argument with the rest: the call of a
// primitive whose wait a wake-up ended. It is a control, so it runs from
// the trampoline, after the stop check has run the thread's signal
// handlers.
var retryAfterWake = &control{name: "retry-after-wake", min: 1, max: -1}

func init() { retryAfterWake.fn = func(th *Thread, a []Value) Value { return th.apply(a[0], a[1:]) } }

// retryWoken makes the call of p with args again once the signals that
// woke the thread have been handled (callPrim, for a primitive whose
// error woken took).
func (th *Thread) retryWoken(p *Primitive, args []Value) Value {
	th.tailF, th.tailA = retryAfterWake, append([]Value{p}, args...)
	return tailMarker
}

// ResumableWait runs wait, a wait on th.WaitContext() whose deadline is
// fixed (absolute) and that can be made again; a wake-up (thread-signal!)
// ends it and, after the thread's signal handlers, it runs again as it is,
// to the same deadline, as who. A primitive returns what it returns.
func (th *Thread) ResumableWait(who string, wait func(th *Thread) (Value, error)) (Value, error) {
	v, err := wait(th)
	if err != nil && th.woken(err) != nil {
		again := NewPrimitive(nil, &Proc{Name: who, Fn: func(th *Thread, _ []Value) (Value, error) {
			return th.ResumableWait(who, wait)
		}})
		return th.TailCall(retryAfterWake, []Value{again})
	}
	return v, err
}

// ResumableWaitFor is [Thread.ResumableWait] for a wait limited to
// timeout (0: no limit) from now: each run of wait gets the time left
// (at least a millisecond), so the wait made again after a wake-up keeps
// the deadline of the first.
func (th *Thread) ResumableWaitFor(who string, timeout time.Duration, wait func(th *Thread, left time.Duration) (Value, error)) (Value, error) {
	deadline := time.Now().Add(timeout)
	return th.ResumableWait(who, func(th *Thread) (Value, error) {
		left := timeout
		if timeout > 0 {
			left = max(time.Until(deadline), time.Millisecond)
		}
		return wait(th, left)
	})
}

// WaitBegin marks th as in an operation that may block it (a port read,
// an accept, a connect, a wait for a process or a descriptor) until the
// matching [Thread.WaitEnd]: thread-state then says blocked, as
// CHICKEN's does for a thread waiting for I/O; the thread lets the
// interpreter lock go, as with [Thread.Context]. Calls nest.
func (th *Thread) WaitBegin() {
	th.unlock()
	th.blocked.Add(1)
}

// WaitEnd ends what [Thread.WaitBegin] began.
func (th *Thread) WaitEnd() { th.blocked.Add(-1) }

// suspension is a thread's hold by thread-suspend!.
type suspension struct {
	by      *Thread       // the thread that suspended it (Sagittarius: only it resumes)
	resumed chan struct{} // closed by thread-resume!
	parked  chan struct{} // closed once the thread has stopped
	stopped bool          // parked is closed
}

// park holds th, at its trampoline's stop check, while it is suspended (or
// until its context ends).
func (th *Thread) park() {
	th.mu.Lock()
	s := th.susp
	if s != nil {
		s.stop()
	}
	th.mu.Unlock()
	if s == nil {
		return
	}
	select {
	case <-s.resumed:
	case <-th.ctx.Done():
	}
}

// Suspend holds t at its next step until [Thread.Resume], as
// thread-suspend! from thread by (the calling thread) does: a thread in a
// wait stops when the wait ends; the calling thread itself stops at once,
// Suspend returning when it is resumed. It returns a channel closed once
// t has stopped, and the thread that suspended it (by, unless t already
// was suspended).
func (t *Thread) Suspend(by *Thread) (stopped <-chan struct{}, suspender *Thread) {
	t.mu.Lock()
	if t.susp == nil {
		t.susp = &suspension{by: by, resumed: make(chan struct{}), parked: make(chan struct{})}
		if t.state == "dead" || t.state == "terminated" {
			t.susp.stop()
		}
	}
	t.stopped.Store(true) // its trampoline's stop check parks it
	s := t.susp
	t.mu.Unlock()
	if t == by {
		t.outside(t.park)
	}
	return s.parked, s.by
}

// stop records that the suspended thread has stopped (parked, or ended).
// The caller holds the thread's mu.
func (s *suspension) stop() {
	if !s.stopped {
		s.stopped = true
		close(s.parked)
	}
}

// Resume lets t, suspended by [Thread.Suspend], go on; it returns the
// thread that suspended it, nil when it was not suspended.
func (t *Thread) Resume() *Thread {
	t.mu.Lock()
	defer t.mu.Unlock()
	s := t.susp
	if s == nil {
		return nil
	}
	t.susp = nil
	close(s.resumed)
	return s.by
}

// Suspender returns the thread that suspended t, nil when t is not
// suspended.
func (t *Thread) Suspender() *Thread {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.susp == nil {
		return nil
	}
	return t.susp.by
}

// Interrupt ends t's current wait on its WaitContext, or its next one,
// with [ErrThreadInterrupted] (Sagittarius's thread-interrupt!).
func (t *Thread) Interrupt() {
	t.mu.Lock()
	t.wakeUp(ErrThreadInterrupted)
	t.mu.Unlock()
}

// Ended reports whether t has ended (or was terminated).
func (t *Thread) Ended() bool {
	s := t.State()
	return s == "dead" || s == "terminated"
}

// State returns t's state: "new" until it is started, "runnable" while
// it runs, "dead" once it has ended or was terminated, "terminated" when
// an uncaught exception ended it (as [ThreadInfo.State]).
func (t *Thread) State() string {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.state
}
