// Argument helpers shared by the data-type primitives.

package scheme

import "math"

func argNum(i int, v Value) (Value, error) {
	if numRank(v) == rankNone {
		return nil, TypeError("", i, "number", v)
	}
	return v, nil
}

func argReal(i int, v Value) (Value, error) {
	if !IsReal(v) {
		return nil, TypeError("", i, "real number", v)
	}
	return v, nil
}

func argInteger(i int, v Value) (Value, error) {
	if !IsInteger(v) {
		return nil, TypeError("", i, "integer", v)
	}
	return v, nil
}

// ArgIndex checks the argument at 1-based position pos is an index: an
// exact non-negative integer of a size a sequence may have, else a type or
// range error.
func ArgIndex(pos int, v Value) (int, error) {
	n, ok := v.(Fixnum)
	if !ok {
		return 0, TypeError("", pos, "exact non-negative integer", v)
	}
	if n < 0 || n > math.MaxInt32*16 {
		return 0, RangeError("", pos, "", v)
	}
	return int(n), nil
}

// ArgRange decodes the optional start and end arguments args[at] and
// args[at+1] (absent: #!default) of a procedure on a sequence of length n:
// 0 ≤ start ≤ end ≤ n, else a type or range error naming positions at+1
// and at+2.
func ArgRange(n int, args []Value, at int) (start, end int, err error) {
	start, end = 0, n
	if at < len(args) && !IsDefault(args[at]) {
		s, err := ArgIndex(at+1, args[at])
		if err != nil {
			return 0, 0, err
		}
		start = s
	}
	if at+1 < len(args) && !IsDefault(args[at+1]) {
		e, err := ArgIndex(at+2, args[at+1])
		if err != nil {
			return 0, 0, err
		}
		end = e
	}
	if end > n {
		return 0, 0, RangeError("", at+2, "end beyond length", Fixnum(end))
	}
	if start > end {
		return 0, 0, RangeError("", at+1, "start after end", Fixnum(start))
	}
	return start, end, nil
}

func argString(i int, v Value) (*String, error) {
	s, ok := v.(*String)
	if !ok {
		return nil, TypeError("", i, "string", v)
	}
	return s, nil
}

func argChar(i int, v Value) (Char, error) {
	c, ok := v.(Char)
	if !ok {
		return 0, TypeError("", i, "char", v)
	}
	return c, nil
}

func argSymbol(i int, v Value) (*Symbol, error) {
	s, ok := stripSyntax(v).(*Symbol) // a renamed identifier is a symbol (CHICKEN)
	if !ok {
		return nil, TypeError("", i, "symbol", v)
	}
	return s, nil
}

func argVector(i int, v Value) (*Vector, error) {
	s, ok := v.(*Vector)
	if !ok {
		return nil, TypeError("", i, "vector", v)
	}
	return s, nil
}

func argBytevector(i int, v Value) (*Bytevector, error) {
	s, ok := v.(*Bytevector)
	if !ok {
		return nil, TypeError("", i, "bytevector", v)
	}
	return s, nil
}

func argList(i int, v Value) ([]Value, error) {
	l, ok := ListToSlice(v)
	if !ok {
		return nil, TypeError("", i, "list", v)
	}
	return l, nil
}

// IsProcedure reports whether v can be applied.
func IsProcedure(v Value) bool {
	return isProcedure(v)
}

// pred is the body of a one-argument predicate procedure.
func pred(th *Thread, args []Value, f func(Value) bool) (Value, error) {
	return MakeBool(f(args[0])), nil
}

// req returns Params with the given required names.
func req(names ...string) Params { return Params{Required: names} }
