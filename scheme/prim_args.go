// Argument helpers shared by the data-type primitives.

package scheme

import (
	"math"
	"sync"
	"sync/atomic"
	"unsafe"
)

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

// ArgSize is [ArgIndex] for the size of something a procedure allocates
// (k elements of elemBytes bytes each, at once or in a loop): a size the
// machine's memory cannot hold is an out-of-range error naming the
// argument instead of Go's "fatal error: out of memory", which no recover
// catches and which would end the REPL or server with everything in it.
// The bound is [SetMaxAllocation]'s, by default the machine's physical
// memory (64 GiB where it is unknown).
func ArgSize(pos int, v Value, elemBytes int) (int, error) {
	k, err := ArgIndex(pos, v)
	if err == nil && uint64(k)*uint64(elemBytes) > MaxAllocation() {
		return 0, RangeError("", pos, "more memory than allowed", v)
	}
	return k, err
}

// maxAlloc is SetMaxAllocation's bound, 0 for the default.
var maxAlloc atomic.Uint64

// SetMaxAllocation sets the most memory, in bytes, that one procedure
// call may ask for when it is given a size (make-vector, make-string,
// make-list, iota, make-bytevector …; see [ArgSize]); a larger size is an
// out-of-range error. 0 restores the default, the machine's physical
// memory. A program embedding interpreters for scripts it does not trust
// can set a lower bound. It applies to every interpreter in the process.
func SetMaxAllocation(bytes uint64) { maxAlloc.Store(bytes) }

// MaxAllocation returns the bound [SetMaxAllocation] sets.
func MaxAllocation() uint64 {
	if n := maxAlloc.Load(); n > 0 {
		return n
	}
	return defaultMaxAllocation()
}

// The memory of one pair and of one vector element, for [ArgSize].
const (
	PairSize  = int(unsafe.Sizeof(Pair{}))
	ValueSize = int(unsafe.Sizeof(Value(nil)))
)

// defaultMaxAllocation is the machine's physical memory, read once.
var defaultMaxAllocation = sync.OnceValue(func() uint64 {
	if m := physicalMemory(); m > 0 {
		return m
	}
	return 64 << 30
})

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
