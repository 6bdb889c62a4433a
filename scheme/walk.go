// map and for-each over one list, in Go: proc is called through the
// trampoline, a frame taking each value.

package scheme

// walker is a %map1 or %for-each1 in progress over proc. Its frames hold
// the state: a frame's a is the rest of the list after the element whose
// value it takes, its b (map) the values so far, last first. Nothing else
// changes as the walk goes on, so a continuation captured in proc and
// re-entered later goes on from its own element with its own values, as
// it would in the Scheme loop (r7rs §6.10: the values an earlier return
// gave are not changed).
type walker struct {
	proc    Value
	collect bool     // map: the list of the values
	shared  bool     // a continuation holds one of the frames: acc may be seen again
	op      frameFn  // resume
	args    [1]Value // proc's argument (a call copies it or uses it and is done)
}

// internalMap1 implements %map1, (map proc list) for one list: it stops at
// the first tail that is not a pair, as the Scheme loop did.
func internalMap1(th *Thread, a []Value) Value {
	return (&walker{proc: a[0], collect: true}).start(th, a[1])
}

// internalForEach1 implements %for-each1, (for-each proc list) for one list.
func internalForEach1(th *Thread, a []Value) Value {
	return (&walker{proc: a[0]}).start(th, a[1])
}

// start calls proc on the first element of l, or returns the empty
// result.
func (w *walker) start(th *Thread, l Value) Value {
	p, ok := l.(*Pair)
	if !ok {
		return w.done(Null)
	}
	w.op = w.resume
	return w.call(th, p, Null)
}

// call pushes the frame that takes proc's value for p's element, then
// calls proc on it.
func (w *walker) call(th *Thread, p *Pair, acc Value) Value {
	f := th.newFrame(w.op, nil)
	f.a, f.b = p.Cdr, acc
	th.pushNow(f)
	w.args[0] = p.Car
	return th.apply(w.proc, w.args[:])
}

// resume takes proc's value v for the element before f.a.
func (w *walker) resume(th *Thread, f *frame, v Value) Value {
	acc := f.b
	if w.collect {
		acc = &Pair{firstValue(v), acc}
		w.shared = w.shared || f.captured
	}
	p, ok := f.a.(*Pair)
	if !ok {
		return w.done(acc)
	}
	return w.call(th, p, acc)
}

// done is the walk's value: the values in order, or unspecified for
// for-each. The list of the values so far, last first, is turned round in
// place when no continuation can see it again, else copied.
func (w *walker) done(acc Value) Value {
	if !w.collect {
		return Unspecified
	}
	var r Value = Null
	for acc != Null {
		p := acc.(*Pair)
		if w.shared {
			r, acc = &Pair{p.Car, r}, p.Cdr
		} else {
			r, acc, p.Cdr = p, p.Cdr, r
		}
	}
	return r
}
