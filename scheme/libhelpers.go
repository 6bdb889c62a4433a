// Helpers for the library packages (scheme/<lib>, bindings/...): the
// pieces every binding table and procedure body would otherwise write
// again.

package scheme

import (
	"math/big"
	"sync"
)

// Types of numbers the library packages declare parameters with.
var (
	TypeExactInteger = &Type{"exact integer", IsExactInteger} // fixnums and bignums
	TypeFixnum       = &Type{"fixnum", func(v Value) bool { _, ok := v.(Fixnum); return ok }}
	TypeFlonum       = &Type{"flonum", func(v Value) bool { _, ok := v.(Flonum); return ok }}
)

// Row is the binding-table row of a procedure written in Go: name, the
// section of the spec it follows, the ,help text, its parameters and its
// function. Library packages build their tables of such rows with it
// instead of spelling out the Proc literal; a row that needs more (Sig,
// Syntax, ValidateKeys …) is written as a literal.
func Row(name, spec, doc string, args Params, fn PrimFn) Proc {
	return Proc{Name: name, Spec: spec, Doc: doc, Args: args, Fn: fn}
}

// IsA is the body of a type predicate such as fixnum? or irregex?: #t when
// v is a T, else #f.
func IsA[T Value](v Value) Value {
	_, ok := v.(T)
	return MakeBool(ok)
}

// StringPairs returns the elements of a list of string pairs, such as an
// environment alist ((name . value) ...) or a table of substitutions, as
// [car, cdr] pairs of Go strings; ok is false when an element is not a pair
// of two strings. The elements are those ListToSlice reads.
func StringPairs(v Value) (pairs [][2]string, ok bool) {
	items, _ := ListToSlice(v)
	pairs = make([][2]string, 0, len(items))
	for _, it := range items {
		p, ok := it.(*Pair)
		if !ok {
			return nil, false
		}
		k, kok := p.Car.(*String)
		val, vok := p.Cdr.(*String)
		if !kok || !vok {
			return nil, false
		}
		pairs = append(pairs, [2]string{k.String(), val.String()})
	}
	return pairs, true
}

// ListArg returns the elements of the proper list v, argument pos of who,
// or a type error naming it.
func ListArg(who string, pos int, v Value) ([]Value, error) {
	items, ok := ListToSlice(v)
	if !ok {
		return nil, TypeError(who, pos, "list", v)
	}
	return items, nil
}

// Global returns the global binding name, which a library procedure uses
// without replacing it (a core procedure, or one of the standard library's
// such as SRFI-69's); when it is unbound, an error of who saying so.
func Global(th *Thread, who, name string) (Value, error) {
	v, ok := th.Interp().Lookup(name)
	if !ok {
		return nil, NewError(who, name+" is unbound", nil)
	}
	return v, nil
}

// CallGlobal calls the global procedure name (see Global) with args and
// returns its result.
func CallGlobal(th *Thread, who, name string, args ...Value) (Value, error) {
	f, err := Global(th, who, name)
	if err != nil {
		return nil, err
	}
	return th.Call(f, args...)
}

// TailCallGlobal tail-calls the global procedure name (see [Global]) with
// args less their trailing absent optional ones ([Default]): the Fn of a
// row whose body is another binding — a procedure its library's Scheme
// source defines under a %-prefixed name (a row of the library without
// Fn, so that looking it up loads the source), for a name the library
// binds only where it is imported since a global of another meaning has
// it; or a procedure of another library that the row is another name for.
func TailCallGlobal(th *Thread, who, name string, args []Value) (Value, error) {
	f, err := Global(th, who, name)
	if err != nil {
		return nil, err
	}
	for len(args) > 0 && IsDefault(args[len(args)-1]) {
		args = args[:len(args)-1]
	}
	return th.TailCall(f, args)
}

// TailCallRow tail-calls the procedure of the row name of the registered
// library lib with args: for a library's Go rows whose body is another
// library's row, in a package that may not import that one (SRFI-143's
// fx procedures are (rnrs arithmetic fixnums)'s). The procedure is made
// once.
func TailCallRow(th *Thread, lib, name string, args []Value) (Value, error) {
	l := th.interp.Library(lib)
	if l == nil {
		return nil, Errorf("%s: %s is not registered", name, lib)
	}
	key := libraryRow{l, name}
	p, ok := rowProcs.Load(key)
	if !ok {
		row := l.Lookup(name)
		if row == nil || row.Fn == nil {
			return nil, Errorf("%s: %s has no procedure %s", name, lib, name)
		}
		p, _ = rowProcs.LoadOrStore(key, NewPrimitive(l, row))
	}
	return th.TailCall(p.(*Primitive), args)
}

// libraryRow names a row of a library (TailCallRow's cache).
type libraryRow struct {
	lib  *Library
	name string
}

// rowProcs holds the procedures TailCallRow made, by libraryRow.
var rowProcs sync.Map

// BigFromBytes returns the integer whose big-endian bytes are b, read as
// two's complement when signed (the empty b is 0).
func BigFromBytes(b []byte, signed bool) *big.Int {
	n := new(big.Int).SetBytes(b)
	if signed && len(b) > 0 && b[0]&0x80 != 0 {
		n.Sub(n, new(big.Int).Lsh(big.NewInt(1), uint(8*len(b))))
	}
	return n
}

// PutBigBytes writes n into all of b, big-endian, a negative n in two's
// complement; the caller has checked that n fits in len(b) bytes.
func PutBigBytes(b []byte, n *big.Int) {
	m := new(big.Int).Set(n)
	if m.Sign() < 0 {
		m.Add(m, new(big.Int).Lsh(big.NewInt(1), uint(8*len(b))))
	}
	m.FillBytes(b)
}

// ProcTable attaches a value to procedure objects made by its Wrap, each
// held weakly: an entry goes when its procedure is collected. Libraries
// keep one per interpreter (in [Interp.HostData]) for procedures that carry
// data, such as getter-with-setter's setters. The zero value is ready to use.
type ProcTable struct {
	m weakMap[Primitive, Value]
}

// Wrap returns a new procedure object, named name, that tail-calls f with
// its arguments, and attaches v to it.
func (t *ProcTable) Wrap(name string, f, v Value) *Primitive {
	p := NewPrimitive(nil, &Proc{Name: name, Args: Params{Rest: "args", Spread: true},
		Fn: func(th *Thread, args []Value) (Value, error) {
			return th.TailCall(f, append([]Value(nil), args...))
		}})
	t.m.put(p, v)
	return p
}

// Get returns the value attached to p, and whether p is one of t's.
func (t *ProcTable) Get(p Value) (Value, bool) {
	if prim, ok := p.(*Primitive); ok {
		return t.m.get(prim)
	}
	return nil, false
}

// Set replaces the value attached to p, reporting false (and doing
// nothing) when p is not one of t's.
func (t *ProcTable) Set(p, v Value) bool {
	prim, ok := p.(*Primitive)
	return ok && t.m.replace(prim, v)
}
