// The one-list loops of map, for-each, filter, fold, find-tail, any and
// every, in Go: the procedure is called through the trampoline, a frame
// taking each value.

package scheme

// walkMode is what a walk does with the procedure's values.
type walkMode uint8

const (
	walkMap      walkMode = iota // the list of the values
	walkForEach                  // nothing
	walkFilter                   // the list of the elements whose value is true
	walkFold                     // (proc elem acc) is the next acc
	walkFindTail                 // the first pair whose element's value is true
	walkAny                      // the first true value; the last element's call is a tail call
	walkEvery                    // #f at the first false value; the last element's call is a tail call
)

// walker is a walk in progress over proc. Its frames hold the state: a
// frame's a is the pair whose element it asked proc about, its b the
// walk's accumulator (for map and filter, the list so far, last first).
// Nothing else changes as the walk goes on, so a continuation captured in
// proc and re-entered later goes on from its own element with its own
// accumulator, as it would in the Scheme loops (r7rs §6.10: the values an
// earlier return of map gave are not changed).
type walker struct {
	proc   Value
	mode   walkMode
	shared bool     // a continuation holds one of the frames: a list so far may be seen again
	op     frameFn  // resume
	args   [2]Value // proc's arguments (a call copies them or uses them and is done)
}

// walk starts a walk in mode of proc over l, from acc.
func walk(th *Thread, mode walkMode, proc, l, acc Value) Value {
	w := &walker{proc: proc, mode: mode}
	w.op = w.resume
	return w.next(th, l, acc)
}

// internalMap1 implements %map1, (map proc list) for one list; like the
// others here, it stops at the first tail that is not a pair, as the
// Scheme loops did.
func internalMap1(th *Thread, a []Value) Value { return walk(th, walkMap, a[0], a[1], Null) }

// internalForEach1 implements %for-each1, (for-each proc list) for one list.
func internalForEach1(th *Thread, a []Value) Value { return walk(th, walkForEach, a[0], a[1], Null) }

// internalFilter implements %filter, (filter pred list).
func internalFilter(th *Thread, a []Value) Value { return walk(th, walkFilter, a[0], a[1], Null) }

// internalFold1 implements %fold1, (fold kons knil list) for one list.
func internalFold1(th *Thread, a []Value) Value { return walk(th, walkFold, a[0], a[2], a[1]) }

// internalFindTail implements %find-tail, (find-tail pred list).
func internalFindTail(th *Thread, a []Value) Value { return walk(th, walkFindTail, a[0], a[1], Null) }

// internalAny1 implements %any1, (any pred list) for one list.
func internalAny1(th *Thread, a []Value) Value { return walk(th, walkAny, a[0], a[1], Null) }

// internalEvery1 implements %every1, (every pred list) for one list.
func internalEvery1(th *Thread, a []Value) Value { return walk(th, walkEvery, a[0], a[1], Null) }

// next asks proc about the element of l, or ends the walk when l is not
// a pair.
func (w *walker) next(th *Thread, l, acc Value) Value {
	p, ok := l.(*Pair)
	if !ok {
		return w.end(th, l, acc)
	}
	w.args[0], w.args[1] = p.Car, acc
	n := 1
	if w.mode == walkFold {
		n = 2
	}
	if (w.mode == walkAny || w.mode == walkEvery) && p.Cdr == Null {
		return th.apply(w.proc, w.args[:n]) // the last call: its values are the walk's
	}
	f := th.newFrame(w.op, nil)
	f.a, f.b = p, acc
	th.pushNow(f)
	return th.apply(w.proc, w.args[:n])
}

// resume takes proc's value v for the element of f.a.
func (w *walker) resume(th *Thread, f *frame, v Value) Value {
	p, acc := f.a.(*Pair), f.b
	v = firstValue(v)
	w.shared = w.shared || f.captured // (map, filter: see end)
	switch w.mode {
	case walkMap:
		acc = &Pair{v, acc}
	case walkFilter:
		if v != False {
			acc = &Pair{p.Car, acc}
		}
	case walkFold:
		acc = v
	case walkFindTail:
		if v != False {
			return p
		}
	case walkAny:
		if v != False {
			return v
		}
	case walkEvery:
		if v == False {
			return False
		}
	}
	return w.next(th, p.Cdr, acc)
}

// end is the walk's value once it met tail, the first tail that is not a
// pair: filter, as the Scheme loop did, takes the car of a tail that is
// not the empty list, which is an error.
func (w *walker) end(th *Thread, tail, acc Value) Value {
	switch w.mode {
	case walkForEach:
		return Unspecified
	case walkFold:
		return acc
	case walkFindTail, walkAny:
		return False
	case walkEvery:
		return True
	case walkFilter:
		if tail != Null {
			th.fail(TypeError("car", 1, "pair", tail))
		}
	}
	// map, filter: the list so far, turned round in place when no
	// continuation can see it again, else copied
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
