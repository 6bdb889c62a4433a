// SRFI-18 threads on goroutines: threads, mutexes, condition variables, time.

package scheme

import (
	"context"
	"errors"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"time"
)

// Mutex is a SRFI-18 mutex.
type Mutex struct {
	name      Value
	specific  Value
	ch        chan struct{} // holds a token while locked
	mu        sync.Mutex
	owner     *Thread
	abandoned bool // unlocked because its owner ended while holding it
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

// Time is a SRFI-18 time object, and a SRFI-19 one (package srfi19): T is
// the point in time (a SRFI-19 duration or CPU time counts from the Unix
// epoch) and Type its SRFI-19 time type, nil for time-utc.
type Time struct {
	T    time.Time
	Type *Symbol
}

// TypeName implements Value.
func (*Time) TypeName() string { return "time" }

// Repr implements Repr.
func (t *Time) Repr() string { return "#<time>" }

// Deadline converts a SRFI-18 timeout (relative seconds, a time object or
// #f) to a deadline; false for #f (no deadline).
func Deadline(v Value) (time.Time, bool) {
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

// Wait blocks until ch is ready (true), the deadline from [Deadline]
// passes (false) or ctx ends (its cause).
func Wait(ctx context.Context, ch <-chan struct{}, deadline time.Time, has bool) (bool, error) {
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

// threadLibrary is the (srfi 18) table.
var threadLibrary = &Library{Name: "(srfi 18)", Doc: "SRFI-18 threads (goroutines), mutexes, condition variables and time.", Procs: threadProcs}

var threadProcs = []Proc{
	{Name: "current-thread", Doc: "The running SRFI-18 thread.", Spec: "SRFI-18", Fn: currentThread},
	{Name: "thread?", Doc: "Is obj a thread?", Spec: "SRFI-18", Args: req("obj"), Fn: threadP},
	{Name: "make-thread", Spec: "SRFI-18", Doc: "A new, not yet started thread. It starts with its creator's parameter values as they are now, and (p v) in it sets its own copy (CHICKEN).",
		Args: Params{Required: []string{"thunk"}, Optional: []string{"name"}},
		Fn:   makeThread},
	{Name: "thread-name", Doc: "The name of the thread.", Spec: "SRFI-18", Args: req("thread"), Fn: threadName},
	{Name: "thread-specific", Doc: "The specific field of the thread.", Spec: "SRFI-18", Args: req("thread"), Fn: threadSpecific},
	{Name: "thread-specific-set!", Doc: "Sets the specific field of the thread.", Spec: "SRFI-18", Args: Params{Required: []string{"thread", "v"}}, Fn: threadSpecificSetBang},
	{Name: "thread-start!", Doc: "Starts the thread on its own goroutine; returns it. A thunk is first made into a thread (CHICKEN).", Spec: "SRFI-18", Args: req("thread"), Fn: threadStartBang},
	{Name: "thread-yield!", Doc: "Lets other threads run.", Spec: "SRFI-18", Fn: threadYieldBang},
	{Name: "thread-sleep!", Doc: "Suspends the current thread for a number of seconds or until a time.", Spec: "SRFI-18", Args: req("timeout"), Fn: threadSleepBang},
	{Name: "thread-terminate!", Doc: "Terminates the thread.", Spec: "SRFI-18", Args: req("thread"), Fn: threadTerminateBang},
	{Name: "thread-join!", Doc: "Waits for the thread to end and returns its result (timeout and timeout value optional).", Spec: "SRFI-18",
		Args: Params{Required: []string{"thread"}, Optional: []string{"timeout", "timeout-val"}},
		Fn:   threadJoinBang},
	{Name: "uncaught-exception?", Doc: "Is obj the condition of joining a thread that raised?", Spec: "SRFI-18", Args: req("obj"), Fn: uncaughtExceptionP},
	{Name: "uncaught-exception-reason", Doc: "The object raised in a thread, from an uncaught-exception condition.", Spec: "SRFI-18", Args: req("exc"), Fn: uncaughtExceptionReason},
	{Name: "join-timeout-exception?", Doc: "Is obj the condition of a thread-join! timeout?", Spec: "SRFI-18", Args: req("obj"), Fn: joinTimeoutExceptionP},
	{Name: "terminated-thread-exception?", Doc: "Is obj the condition of joining a thread ended by thread-terminate!?", Spec: "SRFI-18", Args: req("obj"), Fn: terminatedThreadExceptionP},
	{Name: "abandoned-mutex-exception?", Doc: "Is obj the condition mutex-lock! raises after locking a mutex whose owner ended while holding it?", Spec: "SRFI-18", Args: req("obj"), Fn: abandonedMutexExceptionP},
	{Name: "thread-state", Doc: "The thread's state: created, ready, running, blocked, sleeping, suspended (thread-suspend!), dead (ended, or thread-terminate!) or terminated (ended by an uncaught exception), as CHICKEN's srfi-18.", Spec: "CHICKEN srfi-18", Args: req("thread"), Fn: threadState},
	{Name: "thread-signal!", Doc: "Makes the thread raise obj (continuably: when the handler returns, the thread goes on) when it next runs Scheme code, at once for a thread blocked in a wait (a SRFI-18 wait, a read): when the handler returns, the wait goes on to its deadline, the read loses nothing, and mutex-unlock! on a condition variable returns #t (CHICKEN).", Spec: "CHICKEN srfi-18", Args: req("thread", "obj"), Fn: threadSignalBang},
	{Name: "thread-suspend!", Doc: "Suspends the thread until thread-resume!: it stops at its next Scheme step (a wait it is in ends first), the current thread at once; thread-state is suspended meanwhile (CHICKEN).", Spec: "CHICKEN srfi-18", Args: req("thread"), Fn: threadSuspendBang},
	{Name: "thread-resume!", Doc: "Lets a thread suspended by thread-suspend! go on (CHICKEN).", Spec: "CHICKEN srfi-18", Args: req("thread"), Fn: threadResumeBang},
	{Name: "thread-wait-for-i/o!", Doc: "Blocks the current thread until the file descriptor fd is ready for input (mode #:input), output (#:output) or either (#:all, the default), as CHICKEN's; thread-signal! reaches it meanwhile.", Spec: "CHICKEN srfi-18", Sig: "(thread-wait-for-i/o! fd #!optional mode)",
		Args: Params{Required: []string{"fd"}, Optional: []string{"mode"}}, Fn: threadWaitForIWithOBang},
	{Name: "thread-quantum", Doc: "The thread's quantum (CHICKEN; kept for programs that set it: a thread computing without waiting lets the others run every 2 ms).", Spec: "CHICKEN srfi-18", Args: req("thread"), Fn: threadQuantum},
	{Name: "thread-quantum-set!", Doc: "Sets the thread's quantum (see thread-quantum).", Spec: "CHICKEN srfi-18", Args: Params{Required: []string{"thread", "quantum"}}, Fn: threadQuantumSetBang},
	{Name: "time->milliseconds", Doc: "The milliseconds of a time object since the process started (the clock of current-milliseconds), as CHICKEN's srfi-18.", Spec: "CHICKEN srfi-18", Args: req("time"), Fn: timeToMilliseconds},
	{Name: "milliseconds->time", Doc: "The time object for milliseconds since the process started (see time->milliseconds).", Spec: "CHICKEN srfi-18", Args: req("milliseconds"), Fn: millisecondsToTime},
	{Name: "make-mutex", Doc: "A new SRFI-18 mutex.", Spec: "SRFI-18", Args: Params{Optional: []string{"name"}}, Fn: makeMutex},
	{Name: "mutex?", Doc: "Is obj a mutex?", Spec: "SRFI-18", Args: req("obj"), Fn: mutexP},
	{Name: "mutex-name", Doc: "The name of the mutex.", Spec: "SRFI-18", Args: req("mutex"), Fn: mutexName},
	{Name: "mutex-specific", Doc: "The specific field of the mutex.", Spec: "SRFI-18", Args: req("mutex"), Fn: mutexSpecific},
	{Name: "mutex-specific-set!", Doc: "Sets the specific field of the mutex.", Spec: "SRFI-18", Args: Params{Required: []string{"mutex", "v"}}, Fn: mutexSpecificSetBang},
	{Name: "mutex-state", Doc: "The state of the mutex (a thread, not-owned, abandoned or not-abandoned).", Spec: "SRFI-18", Args: req("mutex"), Fn: mutexState},
	{Name: "mutex-lock!", Doc: "Locks the mutex, waiting up to timeout; returns #f on timeout.", Spec: "SRFI-18",
		Args: Params{Required: []string{"mutex"}, Optional: []string{"timeout", "thread"}},
		Fn:   mutexLockBang},
	{Name: "mutex-unlock!", Doc: "Unlocks the mutex, optionally waiting on a condition variable.", Spec: "SRFI-18", Sig: "(mutex-unlock! mutex #!optional condvar timeout)",
		Args: Params{Required: []string{"mutex"}, Optional: []string{"condition-variable", "timeout"}},
		Fn:   mutexUnlockBang},
	{Name: "make-condition-variable", Doc: "A new SRFI-18 condition variable.", Spec: "SRFI-18", Args: Params{Optional: []string{"name"}}, Fn: makeConditionVariable},
	{Name: "condition-variable?", Doc: "Is obj a condition variable?", Spec: "SRFI-18", Args: req("obj"), Fn: conditionVariableP},
	{Name: "condition-variable-name", Doc: "The name of the condition variable.", Spec: "SRFI-18", Args: req("condition-variable"), Fn: conditionVariableName},
	{Name: "condition-variable-specific", Doc: "The specific field of the condition variable.", Spec: "SRFI-18", Args: req("condition-variable"), Fn: conditionVariableSpecific},
	{Name: "condition-variable-specific-set!", Doc: "Sets the specific field of the condition variable.", Spec: "SRFI-18", Args: Params{Required: []string{"condition-variable", "obj"}}, Fn: conditionVariableSpecificSetBang},
	{Name: "condition-variable-signal!", Doc: "Wakes one thread waiting on the condition variable (SRFI-18).", Spec: "SRFI-18", Args: req("cv"), Fn: conditionVariableSignalBang},
	{Name: "condition-variable-broadcast!", Doc: "Wakes every thread waiting on the condition variable (SRFI-18).", Spec: "SRFI-18", Args: req("cv"), Fn: conditionVariableBroadcastBang},
	{Name: "current-time", Doc: "The current time object (SRFI-18).", Spec: "SRFI-18", Fn: currentTime},
	{Name: "time?", Doc: "Is obj a time object?", Spec: "SRFI-18", Args: req("obj"), Fn: timeP},
	{Name: "time->seconds", Doc: "The seconds since the epoch of a time object.", Spec: "SRFI-18", Args: req("time"), Fn: timeToSeconds},
	{Name: "seconds->time", Doc: "The time object for a number of seconds since the epoch.", Spec: "SRFI-18", Args: req("seconds"), Fn: secondsToTime},
}

// runThread is the goroutine body of a started thread.
func (t *Thread) runThread() {
	defer close(t.done)
	defer t.release()
	v, err := t.run(&applyNode{f: t.thunk}, nil)
	t.abandonMutexes()
	t.mu.Lock()
	killed := t.killed
	t.mu.Unlock()
	state := "dead"
	switch {
	case killed: // thread-join! raises terminated-thread-exception
	case err != nil:
		switch e := err.(type) {
		case *Error:
			t.exc = e.Condition
		default:
			t.exc = t.interp.toCondition(err, "")
		}
		state = "terminated"
		var exit *ExitError
		if errors.As(err, &exit) { // exit from any thread ends the program
			t.interp.exitFromThread(exit.Code)
		} else if t.ctx.Err() == nil {
			t.warnUncaught(t.exc)
		}
	}
	t.mu.Lock()
	t.result = v
	t.state = state
	if t.susp != nil { // ended before it stopped: a thread-suspend! waits no more
		t.susp.stop()
	}
	t.mu.Unlock()
}

// own records that t owns m (mutex-lock!), so that m is abandoned if t
// ends holding it; disown undoes it (mutex-unlock!).
func (t *Thread) own(m *Mutex) {
	t.mu.Lock()
	t.owned = append(t.owned, m)
	t.mu.Unlock()
}

func (t *Thread) disown(m *Mutex) {
	t.mu.Lock()
	for i, o := range t.owned {
		if o == m {
			t.owned = append(t.owned[:i], t.owned[i+1:]...)
			break
		}
	}
	t.mu.Unlock()
}

// abandonMutexes unlocks the mutexes t still owns as it ends, marking
// them abandoned: the next mutex-lock! of each gets it and raises an
// abandoned-mutex-exception (SRFI-18), instead of waiting for ever.
func (t *Thread) abandonMutexes() {
	t.mu.Lock()
	owned := t.owned
	t.owned = nil
	t.mu.Unlock()
	for _, m := range owned {
		m.mu.Lock()
		if m.owner == t {
			m.owner, m.abandoned = nil, true
			select {
			case <-m.ch:
			default:
			}
		}
		m.mu.Unlock()
	}
}

// setWaiting marks t as sleeping or blocked (thread-state) until the
// function it returns is called.
func (t *Thread) setWaiting(what string) func() {
	t.mu.Lock()
	t.waiting = what
	t.mu.Unlock()
	return func() {
		t.mu.Lock()
		t.waiting = ""
		t.mu.Unlock()
	}
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
	b.WriteString("Warning (" + t.Repr() + "): in thread: " + ConditionSummary(exc) + "\n")
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

// Done returns a channel closed when the Interp is closed: Go code serving
// the Interp in the background (e.g. a signal dispatcher) ends then.
func (in *Interp) Done() <-chan struct{} { return in.ctx.Done() }

// Close cancels the contexts of every thread started by make-thread.
func (in *Interp) Close() error {
	in.cancel()
	return nil
}

// uncaughtExceptionP implements uncaught-exception?.
func uncaughtExceptionP(th *Thread, a []Value) (Value, error) {
	return MakeBool(isConditionOf(a[0], "uncaught-exception")), nil
}

// joinTimeoutExceptionP implements join-timeout-exception?.
func joinTimeoutExceptionP(th *Thread, a []Value) (Value, error) {
	return MakeBool(isConditionOf(a[0], "join-timeout-exception")), nil
}

// terminatedThreadExceptionP implements terminated-thread-exception?.
func terminatedThreadExceptionP(th *Thread, a []Value) (Value, error) {
	return MakeBool(isConditionOf(a[0], "terminated-thread-exception")), nil
}

// abandonedMutexExceptionP implements abandoned-mutex-exception?.
func abandonedMutexExceptionP(th *Thread, a []Value) (Value, error) {
	return MakeBool(isConditionOf(a[0], "abandoned-mutex-exception")), nil
}

// threadState implements thread-state.
func threadState(th *Thread, a []Value) (Value, error) {
	t, err := threadArg(a[0], "thread-state")
	if err != nil {
		return nil, err
	}
	t.mu.Lock()
	state, waiting, suspended := t.state, t.waiting, t.susp != nil
	t.mu.Unlock()
	switch {
	case suspended && (state == "new" || state == "runnable"):
		return Intern("suspended"), nil
	case state == "new" && t.made != 0: // (an evaluation's thread runs from the start)
		return Intern("created"), nil
	case state != "runnable" && state != "new":
		return Intern(state), nil
	case waiting != "":
		return Intern(waiting), nil
	case t != th && t.blocked.Load() > 0: // a port read, an accept … (WaitBegin)
		return Intern("blocked"), nil
	case t == th:
		return Intern("running"), nil
	}
	return Intern("ready"), nil
}

// threadSignalBang implements thread-signal!: the thread raises obj,
// continuably, when it next runs Scheme code (the current thread at once);
// a wait on its WaitContext ends at once and is made again after the
// handler (see Thread.woken); when its handler returns, it goes on where
// it was.
func threadSignalBang(th *Thread, a []Value) (Value, error) {
	t, err := threadArg(a[0], "thread-signal!")
	if err != nil {
		return nil, err
	}
	if t == th { // at once, as CHICKEN's: the handler's value is thread-signal!'s
		if rc, ok := th.interp.Lookup("raise-continuable"); ok {
			return th.TailCall(rc, []Value{a[1]})
		}
	}
	t.mu.Lock()
	t.signals = append(t.signals, a[1])
	t.stopped.Store(true) // its trampoline looks at the signals
	t.wakeUp(errSignalled)
	t.mu.Unlock()
	return Unspecified, nil
}

// takeSignals returns the objects thread-signal! gave th, if any, and
// clears th.stopped unless th's context is done (the caller checked it).
// While a signal's handler runs (its resumePending frame is on th.k), the
// signals that came meanwhile wait, with th.stopped set, for it to return
// (resumePending raises them then) or to escape.
func (th *Thread) takeSignals() []Value {
	th.mu.Lock()
	defer th.mu.Unlock()
	sigs := th.signals
	if len(sigs) > 0 && th.inSignalHandler() {
		return nil
	}
	th.signals = nil
	th.stopped.Store(false)
	if th.ctx.Err() != nil || th.susp != nil || th.yieldReq.Load() || th.gs.Load()&gsHeld == 0 { // cancelled, suspended, asked to yield meanwhile: stop again
		th.stopped.Store(true)
	}
	if len(sigs) > 0 {
		th.resetWake() // they are delivered: a wait they ended may block again
	}
	if len(sigs) == 0 {
		return nil
	}
	return sigs
}

// inSignalHandler reports whether a signal's handler is running on th:
// a resumePending frame is in its continuation.
func (th *Thread) inSignalHandler() bool {
	for f := th.k; f != nil && f.opKind() != kBase; f = f.up() {
		if _, ok := f.a.(*pendingNode); ok && f.opKind() == kFn {
			return true
		}
	}
	return false
}

// pendingNode is the node the trampoline was about to run when signals
// came, and the signals still to raise (resumePending's frame).
type pendingNode struct {
	n    node
	env  *Env
	rest []Value
}

// TypeName implements Value.
func (*pendingNode) TypeName() string { return "pending-node" }

// deliverSignals raises sigs[0] continuably where th's trampoline is
// (about to run th.nx); when its handler returns, resumePending raises the
// next one, then goes on with th.nx. A handler that escapes drops the
// signals after its own, as CHICKEN's do (they wait in the continuation
// it left).
func (th *Thread) deliverSignals(sigs []Value) {
	th.pushNow(newOpFrame(frameFn(resumePending), &pendingNode{th.nx, th.nenv, sigs[1:]}, nil))
	panic(&schemePanic{v: sigs[0], continuable: true})
}

// resumePending is the frameFn after a signal's handler returned: the
// next signal, or the pending node (the handler's value is ignored).
func resumePending(th *Thread, f *frame, v Value) Value {
	p := f.a.(*pendingNode)
	th.nx, th.nenv = p.n, p.env
	rest := p.rest
	th.mu.Lock()
	rest = append(rest, th.signals...) // those that came while the handler ran
	th.signals = nil
	th.mu.Unlock()
	if len(rest) > 0 && th.ctx.Err() == nil {
		th.deliverSignals(rest)
	}
	return nil
}

// threadSuspendBang implements thread-suspend!: t stops at its next
// step (the current thread at once) until thread-resume!. An ended thread
// is left as it is.
func threadSuspendBang(th *Thread, a []Value) (Value, error) {
	t, err := threadArg(a[0], "thread-suspend!")
	if err != nil {
		return nil, err
	}
	if !t.Ended() {
		t.Suspend(th)
	}
	return Unspecified, nil
}

// threadResumeBang implements thread-resume!.
func threadResumeBang(th *Thread, a []Value) (Value, error) {
	t, err := threadArg(a[0], "thread-resume!")
	if err != nil {
		return nil, err
	}
	t.Resume()
	return Unspecified, nil
}

// threadWaitForIWithOBang implements thread-wait-for-i/o!.
func threadWaitForIWithOBang(th *Thread, a []Value) (Value, error) {
	const who = "thread-wait-for-i/o!"
	fd, ok := a[0].(Fixnum)
	if !ok || fd < 0 {
		return nil, TypeError(who, 1, "file descriptor", a[0])
	}
	in, out := true, true
	if !IsDefault(a[1]) {
		k, _ := a[1].(*Keyword)
		switch {
		case k == InternKeyword("input"):
			out = false
		case k == InternKeyword("output"):
			in = false
		case k != InternKeyword("all"):
			return nil, TypeError(who, 2, "#:input, #:output or #:all", a[1])
		}
	}
	return th.ResumableWait(who, func(th *Thread) (Value, error) {
		defer th.setWaiting("blocked")()
		if err := waitFD(th.WaitContext(), int(fd), in, out); err != nil {
			if errors.Is(err, errBadFD) {
				return nil, NewError(who, "bad file descriptor", []Value{a[0]}, "i/o")
			}
			return nil, err
		}
		return Unspecified, nil
	})
}

// errBadFD is waitFD's error for a descriptor that is not open.
var errBadFD = errors.New("scheme: bad file descriptor")

// fdSlice is how long one poll of waitFD waits before it looks at its
// context again.
const fdSlice = 50 * time.Millisecond

// threadQuantum implements thread-quantum.
func threadQuantum(th *Thread, a []Value) (Value, error) {
	t, err := threadArg(a[0], "thread-quantum")
	if err != nil {
		return nil, err
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.quantum == nil {
		return Fixnum(10000), nil // CHICKEN's default, in microseconds
	}
	return t.quantum, nil
}

// threadQuantumSetBang implements thread-quantum-set!.
func threadQuantumSetBang(th *Thread, a []Value) (Value, error) {
	t, err := threadArg(a[0], "thread-quantum-set!")
	if err != nil {
		return nil, err
	}
	if n, ok := a[1].(Fixnum); !ok || n < 0 {
		return nil, TypeError("thread-quantum-set!", 2, "non-negative fixnum", a[1])
	}
	t.mu.Lock()
	t.quantum = a[1]
	t.mu.Unlock()
	return Unspecified, nil
}

// currentThread implements current-thread.
func currentThread(th *Thread, a []Value) (Value, error) {
	return th, nil
}

// threadP implements thread?.
func threadP(th *Thread, a []Value) (Value, error) {
	_, ok := a[0].(*Thread)
	return MakeBool(ok), nil
}

// makeThread implements make-thread.
func makeThread(th *Thread, a []Value) (Value, error) {
	if !isProcedure(a[0]) {
		return nil, TypeError("make-thread", 1, "procedure", a[0])
	}
	t := th.spawn(a[0], False)
	t.name = OrDefault(a[1], defaultName("thread", t.made))
	return t, nil
}

// defaultName is the name of a thread, mutex or condition variable made
// without one: a fresh uninterned symbol such as thread3, as CHICKEN's
// (gensym 'thread) gives and Sagittarius's "unique name".
func defaultName(kind string, n int64) Value {
	return &Symbol{Name: kind + strconv.FormatInt(n, 10)}
}

// spawn returns a new, not yet started thread running thunk, which
// inherits th's parameter values.
func (th *Thread) spawn(thunk, name Value) *Thread {
	t := th.interp.newThread(th.interp.threadCtx())
	t.thunk = thunk
	t.spawned = true
	t.made = th.interp.madeThreads.Add(1)
	t.name = name
	th.inheritParams(t)
	return t
}

// exitFromThread handles exit and emergency-exit called from a thread made
// by make-thread: the output ports are flushed, then the exit handler
// ([WithExitHandler]) ends the program; without one, the interpreter's
// threads are stopped as by [Interp.Close].
func (in *Interp) exitFromThread(code int) {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	_ = in.FlushAllOutput(ctx)
	if in.exitHandler != nil {
		in.exitHandler(code)
		return
	}
	_ = in.Close()
}

// WithExitHandler sets what exit and emergency-exit called from a thread
// made by make-thread do after flushing the output ports: a program runner
// passes a handler ending the process (cmd/tlsport does, as CHICKEN ends
// the whole program). Without one, they stop the interpreter's threads, so
// an embedding process is never ended by a script. In the evaluation's own
// thread they make Eval, EvalString and Load return an [ExitError] instead.
func WithExitHandler(h func(code int)) Option {
	return func(i *Interp) { i.exitHandler = h }
}

// threadName implements thread-name.
func threadName(th *Thread, a []Value) (Value, error) {
	t, err := threadArg(a[0], "thread-name")
	if err != nil {
		return nil, err
	}
	return t.name, nil
}

// threadSpecific implements thread-specific.
func threadSpecific(th *Thread, a []Value) (Value, error) {
	t, err := threadArg(a[0], "thread-specific")
	if err != nil {
		return nil, err
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.specific, nil
}

// threadSpecificSetBang implements thread-specific-set!.
func threadSpecificSetBang(th *Thread, a []Value) (Value, error) {
	t, err := threadArg(a[0], "thread-specific-set!")
	if err != nil {
		return nil, err
	}
	t.mu.Lock()
	t.specific = a[1]
	t.mu.Unlock()
	return Unspecified, nil
}

// threadStartBang implements thread-start!.
func threadStartBang(th *Thread, a []Value) (Value, error) {
	if isProcedure(a[0]) { // CHICKEN: a thunk is made into a thread
		a[0] = th.spawn(a[0], False)
	}
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
}

// threadYieldBang implements thread-yield!.
func threadYieldBang(th *Thread, a []Value) (Value, error) {
	th.yield()
	runtime.Gosched()
	return Unspecified, nil
}

// threadSleepBang implements thread-sleep!. A signal's handler runs at
// once (thread-signal!); the sleep then goes on to its end.
func threadSleepBang(th *Thread, a []Value) (Value, error) {
	s, ok := seconds(a[0])
	if !ok {
		return nil, TypeError("thread-sleep!", 1, "number or time", a[0])
	}
	end := time.Now().Add(time.Duration(s * float64(time.Second)))
	return th.ResumableWait("thread-sleep!", func(th *Thread) (Value, error) {
		t := time.NewTimer(time.Until(end))
		defer t.Stop()
		defer th.setWaiting("sleeping")()
		ctx := th.WaitContext()
		select {
		case <-t.C:
			return Unspecified, nil
		case <-ctx.Done():
			return nil, context.Cause(ctx)
		}
	})
}

// threadTerminateBang implements thread-terminate!.
func threadTerminateBang(th *Thread, a []Value) (Value, error) {
	t, err := threadArg(a[0], "thread-terminate!")
	if err != nil {
		return nil, err
	}
	if t == th && t.made == 0 { // the program's own thread: as CHICKEN's primordial thread, exit
		return nil, &ExitError{Code: 0}
	}
	t.mu.Lock()
	t.killed = true
	notStarted := t.state == "new"
	if notStarted {
		t.state = "dead"
	}
	t.mu.Unlock()
	t.cancel()
	if notStarted {
		close(t.done)
	}
	if t == th {
		return nil, context.Cause(th.ctx) // it does not return
	}
	if notStarted {
		return Unspecified, nil
	}
	// SRFI-18: "the termination of the thread will occur before
	// thread-terminate! returns" — wait for it (the wait itself can be
	// interrupted, as thread-join!'s).
	return th.ResumableWait("thread-terminate!", func(th *Thread) (Value, error) {
		done := th.setWaiting("blocked")
		_, err := Wait(th.WaitContext(), t.done, time.Time{}, false)
		done()
		return Unspecified, err
	})
}

// threadJoinBang implements thread-join!.
func threadJoinBang(th *Thread, a []Value) (Value, error) {
	t, err := threadArg(a[0], "thread-join!")
	if err != nil {
		return nil, err
	}
	dl, has := Deadline(a[1])
	return th.ResumableWait("thread-join!", func(th *Thread) (Value, error) {
		return joinWait(th, t, dl, has, a[2])
	})
}

// joinWait is thread-join!'s wait for t, until dl when has.
func joinWait(th *Thread, t *Thread, dl time.Time, has bool, timeoutVal Value) (Value, error) {
	done := th.setWaiting("blocked")
	ok, err := Wait(th.WaitContext(), t.done, dl, has)
	done()
	if err != nil {
		return nil, err
	}
	if !ok {
		if !IsDefault(timeoutVal) {
			return timeoutVal, nil
		}
		return nil, Raise(MakeError("thread-join!", "join timeout", []Value{t}, "join-timeout-exception"))
	}
	t.mu.Lock()
	killed := t.killed
	t.mu.Unlock()
	if killed {
		return nil, Raise(MakeError("thread-join!", "thread terminated", []Value{t}, "terminated-thread-exception"))
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
}

// uncaughtExceptionReason implements uncaught-exception-reason.
func uncaughtExceptionReason(th *Thread, a []Value) (Value, error) {
	c, ok := a[0].(*Condition)
	if !ok {
		return nil, TypeError("uncaught-exception-reason", 1, "condition", a[0])
	}
	v, _ := c.Get("uncaught-exception", "reason")
	if v == nil {
		return False, nil
	}
	return v, nil
}

// makeMutex implements make-mutex.
func makeMutex(th *Thread, a []Value) (Value, error) {
	name := OrDefault(a[0], nil)
	if name == nil {
		name = defaultName("mutex", th.interp.madeSyncs.Add(1))
	}
	return &Mutex{name: name, specific: Unspecified, ch: make(chan struct{}, 1)}, nil
}

// mutexP implements mutex?.
func mutexP(th *Thread, a []Value) (Value, error) {
	_, ok := a[0].(*Mutex)
	return MakeBool(ok), nil
}

// mutexName implements mutex-name.
func mutexName(th *Thread, a []Value) (Value, error) {
	m, err := mutexArg(a[0], "mutex-name")
	if err != nil {
		return nil, err
	}
	return m.name, nil
}

// mutexSpecific implements mutex-specific.
func mutexSpecific(th *Thread, a []Value) (Value, error) {
	m, err := mutexArg(a[0], "mutex-specific")
	if err != nil {
		return nil, err
	}
	return m.specific, nil
}

// mutexSpecificSetBang implements mutex-specific-set!.
func mutexSpecificSetBang(th *Thread, a []Value) (Value, error) {
	m, err := mutexArg(a[0], "mutex-specific-set!")
	if err != nil {
		return nil, err
	}
	m.specific = a[1]
	return Unspecified, nil
}

// mutexState implements mutex-state.
func mutexState(th *Thread, a []Value) (Value, error) {
	m, err := mutexArg(a[0], "mutex-state")
	if err != nil {
		return nil, err
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	if len(m.ch) == 0 {
		if m.abandoned {
			return Intern("abandoned"), nil
		}
		return Intern("not-abandoned"), nil
	}
	if m.owner != nil {
		return m.owner, nil
	}
	return Intern("not-owned"), nil
}

// mutexLockBang implements mutex-lock!.
func mutexLockBang(th *Thread, a []Value) (Value, error) {
	m, err := mutexArg(a[0], "mutex-lock!")
	if err != nil {
		return nil, err
	}
	dl, has := Deadline(a[1])
	select {
	case m.ch <- struct{}{}:
		return lockTaken(th, m, a[2])
	default:
	}
	return th.ResumableWait("mutex-lock!", func(th *Thread) (Value, error) {
		var timer <-chan time.Time
		if has {
			t := time.NewTimer(time.Until(dl))
			defer t.Stop()
			timer = t.C
		}
		done := th.setWaiting("blocked")
		ctx := th.WaitContext()
		select {
		case m.ch <- struct{}{}:
		case <-timer:
			done()
			return False, nil
		case <-ctx.Done():
			done()
			return nil, context.Cause(ctx)
		}
		done()
		return lockTaken(th, m, a[2])
	})
}

// lockTaken records the owner of m, just locked by th: th, the thread
// argument of mutex-lock!, or none for #f.
func lockTaken(th *Thread, m *Mutex, ownerArg Value) (Value, error) {
	owner := th
	if t, ok := ownerArg.(*Thread); ok {
		owner = t
	} else if ownerArg == Value(False) {
		owner = nil
	}
	m.mu.Lock()
	m.owner = owner
	abandoned := m.abandoned
	m.abandoned = false
	m.mu.Unlock()
	if owner != nil {
		owner.own(m)
	}
	if abandoned {
		return nil, Raise(MakeError("mutex-lock!", "mutex abandoned by its owner", []Value{m}, "abandoned-mutex-exception"))
	}
	return True, nil
}

// mutexUnlockBang implements mutex-unlock!.
func mutexUnlockBang(th *Thread, a []Value) (Value, error) {
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
	prev := m.owner
	m.owner, m.abandoned = nil, false
	select {
	case <-m.ch:
	default:
	}
	m.mu.Unlock()
	if prev != nil {
		prev.disown(m)
	}
	if !isCV {
		return True, nil
	}
	dl, has := Deadline(a[2])
	done := th.setWaiting("blocked")
	ok, err := Wait(th.WaitContext(), w, dl, has)
	done()
	if !ok {
		cv.forget(w)
	}
	if err != nil && th.woken(err) != nil {
		// As CHICKEN's: the thread leaves the wait, its signal handler
		// runs, then mutex-unlock! returns #t (a wake-up SRFI-18 allows).
		return th.TailCall(retryAfterWake, []Value{trueAfterWake})
	}
	if err != nil {
		return nil, err
	}
	return MakeBool(ok), nil
}

// trueAfterWake is mutex-unlock!'s value after a wake-up.
var trueAfterWake = NewPrimitive(nil, &Proc{Name: "mutex-unlock!", Fn: func(*Thread, []Value) (Value, error) { return True, nil }})

// forget takes w, a waiter that left (a timeout, a wake-up, an
// interruption), off cv's list, so that a later signal goes to a thread
// still waiting.
func (cv *CondVar) forget(w chan struct{}) {
	cv.mu.Lock()
	defer cv.mu.Unlock()
	for i, x := range cv.waiters {
		if x == w {
			cv.waiters = append(cv.waiters[:i], cv.waiters[i+1:]...)
			return
		}
	}
}

// makeConditionVariable implements make-condition-variable.
func makeConditionVariable(th *Thread, a []Value) (Value, error) {
	name := OrDefault(a[0], nil)
	if name == nil {
		name = defaultName("condition-variable", th.interp.madeSyncs.Add(1))
	}
	return &CondVar{name: name, specific: Unspecified}, nil
}

// conditionVariableP implements condition-variable?.
func conditionVariableP(th *Thread, a []Value) (Value, error) {
	_, ok := a[0].(*CondVar)
	return MakeBool(ok), nil
}

func condVarArg(v Value, who string) (*CondVar, error) {
	cv, ok := v.(*CondVar)
	if !ok {
		return nil, TypeError(who, 1, "condition-variable", v)
	}
	return cv, nil
}

// conditionVariableName implements condition-variable-name.
func conditionVariableName(th *Thread, a []Value) (Value, error) {
	cv, err := condVarArg(a[0], "condition-variable-name")
	if err != nil {
		return nil, err
	}
	return cv.name, nil
}

// conditionVariableSpecific implements condition-variable-specific.
func conditionVariableSpecific(th *Thread, a []Value) (Value, error) {
	cv, err := condVarArg(a[0], "condition-variable-specific")
	if err != nil {
		return nil, err
	}
	cv.mu.Lock()
	defer cv.mu.Unlock()
	return cv.specific, nil
}

// conditionVariableSpecificSetBang implements condition-variable-specific-set!.
func conditionVariableSpecificSetBang(th *Thread, a []Value) (Value, error) {
	cv, err := condVarArg(a[0], "condition-variable-specific-set!")
	if err != nil {
		return nil, err
	}
	cv.mu.Lock()
	cv.specific = a[1]
	cv.mu.Unlock()
	return Unspecified, nil
}

// conditionVariableSignalBang implements condition-variable-signal!.
func conditionVariableSignalBang(th *Thread, a []Value) (Value, error) {
	cv, err := condVarArg(a[0], "condition-variable-signal!")
	if err != nil {
		return nil, err
	}
	cv.mu.Lock()
	if len(cv.waiters) > 0 {
		close(cv.waiters[0])
		cv.waiters = cv.waiters[1:]
	}
	cv.mu.Unlock()
	return Unspecified, nil
}

// conditionVariableBroadcastBang implements condition-variable-broadcast!.
func conditionVariableBroadcastBang(th *Thread, a []Value) (Value, error) {
	cv, err := condVarArg(a[0], "condition-variable-broadcast!")
	if err != nil {
		return nil, err
	}
	cv.mu.Lock()
	for _, w := range cv.waiters {
		close(w)
	}
	cv.waiters = nil
	cv.mu.Unlock()
	return Unspecified, nil
}

// currentTime implements current-time.
func currentTime(th *Thread, a []Value) (Value, error) {
	return &Time{T: time.Now()}, nil
}

// timeP implements time?.
func timeP(th *Thread, a []Value) (Value, error) {
	_, ok := a[0].(*Time)
	return MakeBool(ok), nil
}

// timeToSeconds implements time->seconds.
func timeToSeconds(th *Thread, a []Value) (Value, error) {
	t, ok := a[0].(*Time)
	if !ok {
		return nil, TypeError("time->seconds", 1, "time", a[0])
	}
	return Flonum(float64(t.T.UnixNano()) / 1e9), nil
}

// secondsToTime implements seconds->time.
func secondsToTime(th *Thread, a []Value) (Value, error) {
	s, ok := seconds(a[0])
	if !ok {
		return nil, TypeError("seconds->time", 1, "number", a[0])
	}
	return &Time{T: time.Unix(0, int64(s*1e9))}, nil
}

// ProcessStart is when the process started as far as the interpreter
// knows (package initialisation): the zero of CHICKEN's
// current-milliseconds and of SRFI-18's time->milliseconds.
var ProcessStart = time.Now()

// timeToMilliseconds implements time->milliseconds.
func timeToMilliseconds(th *Thread, a []Value) (Value, error) {
	t, ok := a[0].(*Time)
	if !ok {
		return nil, TypeError("time->milliseconds", 1, "time", a[0])
	}
	return Fixnum(t.T.Sub(ProcessStart).Milliseconds()), nil
}

// millisecondsToTime implements milliseconds->time.
func millisecondsToTime(th *Thread, a []Value) (Value, error) {
	ms, ok := seconds(a[0])
	if !ok {
		return nil, TypeError("milliseconds->time", 1, "number", a[0])
	}
	return &Time{T: ProcessStart.Add(time.Duration(ms * float64(time.Millisecond)))}, nil
}
