// SRFI-18 threads on goroutines: threads, mutexes, condition variables, time.

package scheme

import (
	"context"
	"errors"
	"runtime"
	"strings"
	"sync"
	"time"
)

// Mutex is a SRFI-18 mutex.
type Mutex struct {
	name     Value
	specific Value
	ch       chan struct{} // holds a token while locked
	mu       sync.Mutex
	owner    *Thread
}

// TypeName implements Value.
func (*Mutex) TypeName() string { return "mutex" }

// Repr implements Repr.
func (m *Mutex) Repr() string { return "#<mutex " + DisplayString(m.name) + ">" }

// CondVar is a SRFI-18 condition variable.
type CondVar struct {
	name     Value
	specific Value
	mu       sync.Mutex
	waiters  []chan struct{}
}

// TypeName implements Value.
func (*CondVar) TypeName() string { return "condition-variable" }

// Repr implements Repr.
func (c *CondVar) Repr() string { return "#<condition-variable>" }

// Time is a SRFI-18 time object.
type Time struct{ T time.Time }

// TypeName implements Value.
func (*Time) TypeName() string { return "time" }

// Repr implements Repr.
func (t *Time) Repr() string { return "#<time>" }

// timeoutArg converts a SRFI-18 timeout (seconds, time object or #f) to a deadline.
func timeoutArg(v Value) (time.Time, bool) {
	switch t := v.(type) {
	case *Time:
		return t.T, true
	case Fixnum:
		return time.Now().Add(time.Duration(t) * time.Second), true
	case Flonum:
		return time.Now().Add(time.Duration(float64(t) * float64(time.Second))), true
	}
	return time.Time{}, false
}

func seconds(v Value) (float64, bool) {
	switch t := v.(type) {
	case Fixnum:
		return float64(t), true
	case Flonum:
		return float64(t), true
	case *Time:
		return time.Until(t.T).Seconds(), true
	}
	return 0, false
}

func threadArg(v Value, who string) (*Thread, error) {
	t, ok := v.(*Thread)
	if !ok {
		return nil, TypeError(who, 1, "thread", v)
	}
	return t, nil
}

func mutexArg(v Value, who string) (*Mutex, error) {
	m, ok := v.(*Mutex)
	if !ok {
		return nil, TypeError(who, 1, "mutex", v)
	}
	return m, nil
}

// wait blocks until ch is ready, the deadline passes (false) or ctx ends.
func wait(ctx context.Context, ch <-chan struct{}, deadline time.Time, has bool) (bool, error) {
	var timer <-chan time.Time
	if has {
		d := time.Until(deadline)
		if d <= 0 {
			select {
			case <-ch:
				return true, nil
			default:
				return false, nil
			}
		}
		t := time.NewTimer(d)
		defer t.Stop()
		timer = t.C
	}
	select {
	case <-ch:
		return true, nil
	case <-timer:
		return false, nil
	case <-ctx.Done():
		return false, context.Cause(ctx)
	}
}

func threadProcs() []Proc {
	one := func(n string) Params { return Params{Required: []string{n}} }
	return []Proc{
		{Name: "current-thread", Spec: "SRFI-18", Sig: "(current-thread)", Fn: func(th *Thread, a []Value) (Value, error) { return th, nil }},
		{Name: "thread?", Spec: "SRFI-18", Args: one("obj"), Fn: func(th *Thread, a []Value) (Value, error) {
			_, ok := a[0].(*Thread)
			return MakeBool(ok), nil
		}},
		{Name: "make-thread", Spec: "SRFI-18", Sig: "(make-thread thunk #!optional name)", Doc: "A new, not yet started thread.",
			Args: Params{Required: []string{"thunk"}, Optional: []string{"name"}},
			Fn: func(th *Thread, a []Value) (Value, error) {
				if !isProcedure(a[0]) {
					return nil, TypeError("make-thread", 1, "procedure", a[0])
				}
				t := th.interp.newThread(th.interp.threadCtx())
				t.thunk = a[0]
				t.made = th.interp.madeThreads.Add(1)
				t.name = OrDefault(a[1], False)
				t.dyn.params = th.dyn.params
				return t, nil
			}},
		{Name: "thread-name", Spec: "SRFI-18", Args: one("thread"), Fn: func(th *Thread, a []Value) (Value, error) {
			t, err := threadArg(a[0], "thread-name")
			if err != nil {
				return nil, err
			}
			return t.name, nil
		}},
		{Name: "thread-specific", Spec: "SRFI-18", Args: one("thread"), Fn: func(th *Thread, a []Value) (Value, error) {
			t, err := threadArg(a[0], "thread-specific")
			if err != nil {
				return nil, err
			}
			t.mu.Lock()
			defer t.mu.Unlock()
			return t.specific, nil
		}},
		{Name: "thread-specific-set!", Spec: "SRFI-18", Args: Params{Required: []string{"thread", "v"}}, Fn: func(th *Thread, a []Value) (Value, error) {
			t, err := threadArg(a[0], "thread-specific-set!")
			if err != nil {
				return nil, err
			}
			t.mu.Lock()
			t.specific = a[1]
			t.mu.Unlock()
			return Unspecified, nil
		}},
		{Name: "thread-start!", Spec: "SRFI-18", Sig: "(thread-start! thread)", Args: one("thread"), Fn: func(th *Thread, a []Value) (Value, error) {
			t, err := threadArg(a[0], "thread-start!")
			if err != nil {
				return nil, err
			}
			t.mu.Lock()
			if t.state != "new" {
				t.mu.Unlock()
				return nil, NewError("thread-start!", "thread already started", []Value{t})
			}
			t.state = "runnable"
			t.mu.Unlock()
			th.interp.startThread(t)
			return t, nil
		}},
		{Name: "thread-yield!", Spec: "SRFI-18", Fn: func(th *Thread, a []Value) (Value, error) {
			runtime.Gosched()
			return Unspecified, nil
		}},
		{Name: "thread-sleep!", Spec: "SRFI-18", Sig: "(thread-sleep! timeout)", Args: one("timeout"), Fn: func(th *Thread, a []Value) (Value, error) {
			s, ok := seconds(a[0])
			if !ok {
				return nil, TypeError("thread-sleep!", 1, "number or time", a[0])
			}
			t := time.NewTimer(time.Duration(s * float64(time.Second)))
			defer t.Stop()
			select {
			case <-t.C:
				return Unspecified, nil
			case <-th.ctx.Done():
				return nil, context.Cause(th.ctx)
			}
		}},
		{Name: "thread-terminate!", Spec: "SRFI-18", Args: one("thread"), Fn: func(th *Thread, a []Value) (Value, error) {
			t, err := threadArg(a[0], "thread-terminate!")
			if err != nil {
				return nil, err
			}
			t.cancel()
			return Unspecified, nil
		}},
		{Name: "thread-join!", Spec: "SRFI-18", Sig: "(thread-join! thread #!optional timeout timeout-val)",
			Args: Params{Required: []string{"thread"}, Optional: []string{"timeout", "timeout-val"}},
			Fn: func(th *Thread, a []Value) (Value, error) {
				t, err := threadArg(a[0], "thread-join!")
				if err != nil {
					return nil, err
				}
				dl, has := timeoutArg(a[1])
				ok, err := wait(th.ctx, t.done, dl, has)
				if err != nil {
					return nil, err
				}
				if !ok {
					if !IsDefault(a[2]) {
						return a[2], nil
					}
					return nil, Raise(MakeError("thread-join!", "join timeout", []Value{t}, "join-timeout-exception"))
				}
				if t.exc != nil {
					c := MakeError("thread-join!", "uncaught exception in thread", []Value{t}, "uncaught-exception")
					c.Set("uncaught-exception", "reason", t.exc)
					if tc, ok := t.exc.(*Condition); ok {
						c.Cause = tc.Cause
					}
					return nil, Raise(c)
				}
				return t.result, nil
			}},
		{Name: "uncaught-exception?", Spec: "SRFI-18", Args: one("obj"), Fn: kindPred("uncaught-exception")},
		{Name: "uncaught-exception-reason", Spec: "SRFI-18", Args: one("exc"), Fn: func(th *Thread, a []Value) (Value, error) {
			c, err := condArg(a[0], "uncaught-exception-reason", 1)
			if err != nil {
				return nil, err
			}
			v, _ := c.Get("uncaught-exception", "reason")
			if v == nil {
				return False, nil
			}
			return v, nil
		}},
		{Name: "join-timeout-exception?", Spec: "SRFI-18", Args: one("obj"), Fn: kindPred("join-timeout-exception")},
		{Name: "terminated-thread-exception?", Spec: "SRFI-18", Args: one("obj"), Fn: kindPred("terminated-thread-exception")},
		{Name: "make-mutex", Spec: "SRFI-18", Args: Params{Optional: []string{"name"}}, Fn: func(th *Thread, a []Value) (Value, error) {
			return &Mutex{name: OrDefault(a[0], False), specific: Unspecified, ch: make(chan struct{}, 1)}, nil
		}},
		{Name: "mutex?", Spec: "SRFI-18", Args: one("obj"), Fn: func(th *Thread, a []Value) (Value, error) {
			_, ok := a[0].(*Mutex)
			return MakeBool(ok), nil
		}},
		{Name: "mutex-name", Spec: "SRFI-18", Args: one("mutex"), Fn: func(th *Thread, a []Value) (Value, error) {
			m, err := mutexArg(a[0], "mutex-name")
			if err != nil {
				return nil, err
			}
			return m.name, nil
		}},
		{Name: "mutex-specific", Spec: "SRFI-18", Args: one("mutex"), Fn: func(th *Thread, a []Value) (Value, error) {
			m, err := mutexArg(a[0], "mutex-specific")
			if err != nil {
				return nil, err
			}
			return m.specific, nil
		}},
		{Name: "mutex-specific-set!", Spec: "SRFI-18", Args: Params{Required: []string{"mutex", "v"}}, Fn: func(th *Thread, a []Value) (Value, error) {
			m, err := mutexArg(a[0], "mutex-specific-set!")
			if err != nil {
				return nil, err
			}
			m.specific = a[1]
			return Unspecified, nil
		}},
		{Name: "mutex-state", Spec: "SRFI-18", Args: one("mutex"), Fn: func(th *Thread, a []Value) (Value, error) {
			m, err := mutexArg(a[0], "mutex-state")
			if err != nil {
				return nil, err
			}
			m.mu.Lock()
			defer m.mu.Unlock()
			if len(m.ch) == 0 {
				return Intern("not-abandoned"), nil
			}
			if m.owner != nil {
				return m.owner, nil
			}
			return Intern("not-owned"), nil
		}},
		{Name: "mutex-lock!", Spec: "SRFI-18", Sig: "(mutex-lock! mutex #!optional timeout thread)",
			Args: Params{Required: []string{"mutex"}, Optional: []string{"timeout", "thread"}},
			Fn: func(th *Thread, a []Value) (Value, error) {
				m, err := mutexArg(a[0], "mutex-lock!")
				if err != nil {
					return nil, err
				}
				dl, has := timeoutArg(a[1])
				var timer <-chan time.Time
				if has {
					t := time.NewTimer(time.Until(dl))
					defer t.Stop()
					timer = t.C
				}
				select {
				case m.ch <- struct{}{}:
				case <-timer:
					return False, nil
				case <-th.ctx.Done():
					return nil, context.Cause(th.ctx)
				}
				m.mu.Lock()
				m.owner = th
				if t, ok := a[2].(*Thread); ok {
					m.owner = t
				} else if a[2] == Value(False) {
					m.owner = nil
				}
				m.mu.Unlock()
				return True, nil
			}},
		{Name: "mutex-unlock!", Spec: "SRFI-18", Sig: "(mutex-unlock! mutex #!optional condvar timeout)",
			Args: Params{Required: []string{"mutex"}, Optional: []string{"condition-variable", "timeout"}},
			Fn: func(th *Thread, a []Value) (Value, error) {
				m, err := mutexArg(a[0], "mutex-unlock!")
				if err != nil {
					return nil, err
				}
				var w chan struct{}
				cv, isCV := a[1].(*CondVar)
				if isCV {
					w = make(chan struct{})
					cv.mu.Lock()
					cv.waiters = append(cv.waiters, w)
					cv.mu.Unlock()
				}
				m.mu.Lock()
				m.owner = nil
				m.mu.Unlock()
				select {
				case <-m.ch:
				default:
				}
				if !isCV {
					return True, nil
				}
				dl, has := timeoutArg(a[2])
				ok, err := wait(th.ctx, w, dl, has)
				if err != nil {
					return nil, err
				}
				return MakeBool(ok), nil
			}},
		{Name: "make-condition-variable", Spec: "SRFI-18", Args: Params{Optional: []string{"name"}}, Fn: func(th *Thread, a []Value) (Value, error) {
			return &CondVar{name: OrDefault(a[0], False), specific: Unspecified}, nil
		}},
		{Name: "condition-variable?", Spec: "SRFI-18", Args: one("obj"), Fn: func(th *Thread, a []Value) (Value, error) {
			_, ok := a[0].(*CondVar)
			return MakeBool(ok), nil
		}},
		{Name: "condition-variable-signal!", Spec: "SRFI-18", Args: one("cv"), Fn: func(th *Thread, a []Value) (Value, error) {
			cv, ok := a[0].(*CondVar)
			if !ok {
				return nil, TypeError("condition-variable-signal!", 1, "condition-variable", a[0])
			}
			cv.mu.Lock()
			if len(cv.waiters) > 0 {
				close(cv.waiters[0])
				cv.waiters = cv.waiters[1:]
			}
			cv.mu.Unlock()
			return Unspecified, nil
		}},
		{Name: "condition-variable-broadcast!", Spec: "SRFI-18", Args: one("cv"), Fn: func(th *Thread, a []Value) (Value, error) {
			cv, ok := a[0].(*CondVar)
			if !ok {
				return nil, TypeError("condition-variable-broadcast!", 1, "condition-variable", a[0])
			}
			cv.mu.Lock()
			for _, w := range cv.waiters {
				close(w)
			}
			cv.waiters = nil
			cv.mu.Unlock()
			return Unspecified, nil
		}},
		{Name: "current-time", Spec: "SRFI-18", Fn: func(th *Thread, a []Value) (Value, error) { return &Time{time.Now()}, nil }},
		{Name: "time?", Spec: "SRFI-18", Args: one("obj"), Fn: func(th *Thread, a []Value) (Value, error) {
			_, ok := a[0].(*Time)
			return MakeBool(ok), nil
		}},
		{Name: "time->seconds", Spec: "SRFI-18", Args: one("time"), Fn: func(th *Thread, a []Value) (Value, error) {
			t, ok := a[0].(*Time)
			if !ok {
				return nil, TypeError("time->seconds", 1, "time", a[0])
			}
			return Flonum(float64(t.T.UnixNano()) / 1e9), nil
		}},
		{Name: "seconds->time", Spec: "SRFI-18", Args: one("seconds"), Fn: func(th *Thread, a []Value) (Value, error) {
			s, ok := seconds(a[0])
			if !ok {
				return nil, TypeError("seconds->time", 1, "number", a[0])
			}
			return &Time{time.Unix(0, int64(s*1e9))}, nil
		}},
		{Name: "current-milliseconds", Fn: func(th *Thread, a []Value) (Value, error) {
			return Fixnum(time.Now().UnixMilli()), nil
		}},
	}
}

// runThread is the goroutine body of a started thread.
func (t *Thread) runThread() {
	defer close(t.done)
	defer t.release()
	v, err := t.run(&applyNode{f: t.thunk}, nil)
	if err != nil {
		switch e := err.(type) {
		case *Error:
			t.exc = e.Condition
		default:
			t.exc = t.interp.toCondition(err, "")
		}
		var exit *ExitError
		if t.ctx.Err() == nil && !errors.As(err, &exit) {
			t.warnUncaught(t.exc)
		}
	}
	t.result = v
	t.mu.Lock()
	t.state = "terminated"
	t.mu.Unlock()
}

// warnUncaught reports at once, on the thread's current error port, the
// exception that ended thread t, as CHICKEN does: "Warning (#<thread:
// name>): in thread: (location) message: irritants", then the condition's
// call stack. thread-join! later raises it as the reason of an
// uncaught-exception condition.
func (t *Thread) warnUncaught(exc Value) {
	p, ok := t.Param(CurrentErrorPort).(*Port)
	if !ok {
		return
	}
	var b strings.Builder
	b.WriteString("Warning (" + t.Repr() + "): in thread: " + conditionSummary(exc) + "\n")
	if c, ok := exc.(*Condition); ok {
		writeStack(&b, c.Stack)
	}
	ctx := context.Background()
	if p.Write(ctx, []byte(b.String())) == nil {
		_ = p.Flush(ctx)
	}
}

// threadCtx is the parent context of threads made by make-thread: they
// outlive the evaluation that started them and stop when the Interp is closed.
func (in *Interp) threadCtx() context.Context { return in.ctx }

// Close cancels the contexts of every thread started by make-thread.
func (in *Interp) Close() error {
	in.cancel()
	return nil
}
