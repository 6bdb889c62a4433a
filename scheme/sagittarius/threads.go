// Sagittarius's thread control ((sagittarius threads)): thread-suspend!, thread-resume!, thread-interrupt!.

package sagittarius

import "github.com/tlsport/tlsport/scheme"

var typeThread = &scheme.Type{Name: "thread", Accept: func(v scheme.Value) bool { _, ok := v.(*scheme.Thread); return ok }}

// threadRows are (sagittarius threads)'s own thread procedures (the SRFI-18
// ones are the core's).
func threadRows() []scheme.Proc {
	th := req("thread", typeThread)
	return []scheme.Proc{
		r("thread-suspend!", "Suspends the thread and waits until it has stopped (at its next step; a wait it is in ends first), up to timeout (#f: no limit; seconds or a time object): the thread, or timeout-val (default #f) when the timeout passed first. An error if another thread suspended it.",
			lam(th, opt("timeout", nil, nil), opt("timeout-val", nil, nil)), threadSuspendBang),
		r("thread-resume!", "Resumes a thread suspended by thread-suspend!; an error if it is not suspended or was suspended by another thread.", lam(th), threadResumeBang),
		r("thread-interrupt!", "Interrupts the thread's blocking call (its current one, or its next): socket-accept returns #f, socket-select and friends return with nothing ready; any other wait goes on.", lam(th), threadInterruptBang),
	}
}

// threadSuspendBang implements thread-suspend!: as Sagittarius's, it
// returns once the thread has stopped (or ended); the current thread
// stops at once, and it returns when the thread is resumed.
func threadSuspendBang(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	t := a[0].(*scheme.Thread)
	if by := t.Suspender(); by != nil && by != th {
		return nil, scheme.NewError("thread-suspend!", "thread is suspended by another thread", []scheme.Value{t})
	}
	stopped, _ := t.Suspend(th)
	if t == th {
		return t, nil
	}
	deadline, has := scheme.Deadline(scheme.OrDefault(a[1], scheme.False))
	timeoutVal := scheme.OrDefault(a[2], scheme.False)
	return th.ResumableWait("thread-suspend!", func(th *scheme.Thread) (scheme.Value, error) {
		ok, err := scheme.Wait(th.WaitContext(), stopped, deadline, has)
		switch {
		case err != nil:
			return nil, err
		case !ok:
			return timeoutVal, nil
		}
		return t, nil
	})
}

// threadResumeBang implements thread-resume!.
func threadResumeBang(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	t := a[0].(*scheme.Thread)
	switch by := t.Suspender(); {
	case by == nil:
		return nil, scheme.NewError("thread-resume!", "thread is not suspended", []scheme.Value{t})
	case by != th:
		return nil, scheme.NewError("thread-resume!", "thread was suspended by another thread", []scheme.Value{t})
	}
	t.Resume()
	return scheme.Unspecified, nil
}

// threadInterruptBang implements thread-interrupt!.
func threadInterruptBang(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	a[0].(*scheme.Thread).Interrupt()
	return scheme.Unspecified, nil
}
