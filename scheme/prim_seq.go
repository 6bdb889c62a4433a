// Argument decoding shared by the string, bytevector and vector procedures:
// the sequence itself, an index into it, and an optional start/end range.

package scheme

// seqKind describes one kind of indexable sequence for argument decoding.
type seqKind[T any] struct {
	arg    func(i int, v Value) (T, error) // decodes argument i (1-based)
	length func(T) int
	what   string // names the kind in range errors
}

var (
	strSeq = seqKind[*String]{arg: argString, length: (*String).Len, what: "string"}
	bvSeq  = seqKind[*Bytevector]{arg: argBytevector, length: func(b *Bytevector) int { return len(b.B) }, what: "bytevector"}
	vecSeq = seqKind[*Vector]{arg: argVector, length: func(v *Vector) int { return len(v.Items) }, what: "vector"}
)

// index decodes argument i (1-based) as an index into s.
func (k seqKind[T]) index(s T, i int, v Value) (int, error) {
	n, err := ArgIndex(i, v)
	if err != nil {
		return 0, err
	}
	if n >= k.length(s) {
		return 0, RangeError("", i, "index beyond "+k.what+" length", v)
	}
	return n, nil
}

// withIndex decodes args[0] as the sequence and args[1] as an index into it.
func (k seqKind[T]) withIndex(args []Value) (T, int, error) {
	s, err := k.arg(1, args[0])
	if err != nil {
		return s, 0, err
	}
	n, err := k.index(s, 2, args[1])
	return s, n, err
}

// withRange decodes args[0] as the sequence and args[at], args[at+1] as an
// optional start/end range within it.
func (k seqKind[T]) withRange(args []Value, at int) (T, int, int, error) {
	s, err := k.arg(1, args[0])
	if err != nil {
		return s, 0, 0, err
	}
	start, end, err := ArgRange(k.length(s), args, at)
	return s, start, end, err
}

// rangeFn is the body of a procedure (name seq [start [end]]) that calls f with the
// sequence and the range.
func (k seqKind[T]) rangeFn(th *Thread, args []Value, f func(s T, start, end int) (Value, error)) (Value, error) {
	return k.rangeFnAt(th, args, 1, f)
}

// rangeFnAt is rangeFn with the range starting at argument index at (0-based).
func (k seqKind[T]) rangeFnAt(th *Thread, args []Value, at int, f func(s T, start, end int) (Value, error)) (Value, error) {
	s, start, end, err := k.withRange(args, at)
	if err != nil {
		return nil, err
	}
	return f(s, start, end)
}

// copyBangFn is the body of a procedure (name! to at from [start [end]]) that checks the
// arguments and calls cp to copy from[start:end] into to at at.
func (k seqKind[T]) copyBangFn(th *Thread, args []Value, cp func(to T, at int, from T, start, end int)) (Value, error) {
	to, err := k.arg(1, args[0])
	if err != nil {
		return nil, err
	}
	at, err := ArgIndex(2, args[1])
	if err != nil {
		return nil, err
	}
	from, err := k.arg(3, args[2])
	if err != nil {
		return nil, err
	}
	start, end, err := ArgRange(k.length(from), args, 3)
	if err != nil {
		return nil, err
	}
	if at+end-start > k.length(to) {
		return nil, RangeError("", 2, "not enough room in destination", args[1])
	}
	cp(to, at, from, start, end)
	return Unspecified, nil
}
