// Equivalence predicates: Eqv, Equal and eq?, eqv?, equal?.

package scheme

import (
	"bytes"
	"math"
)

// Eq reports whether a and b are the same object (eq?).
func Eq(a, b Value) bool { return a == b }

// Eqv implements eqv?: eq?, or numbers of the same exactness and value, or
// equal characters. Flonums are eqv? when their bits are equal: -0.0 is
// not 0.0 (r7rs §6.1), and a NaN is itself.
func Eqv(a, b Value) bool {
	if x, ok := a.(Flonum); ok { // before ==, for which -0.0 is 0.0
		y, ok := b.(Flonum)
		return ok && math.Float64bits(float64(x)) == math.Float64bits(float64(y))
	}
	if a == b {
		return true
	}
	switch x := a.(type) {
	case *Bignum:
		y, ok := b.(*Bignum)
		return ok && x.I.Cmp(&y.I) == 0
	case *Ratnum:
		y, ok := b.(*Ratnum)
		return ok && x.R.Cmp(&y.R) == 0
	case *Compnum:
		y, ok := b.(*Compnum)
		return ok && Eqv(x.Re, y.Re) && Eqv(x.Im, y.Im)
	case *String:
		// Empty strings are distinct objects; nothing else to compare.
	}
	return false
}

// Equal implements equal?: structural equality of pairs, vectors, strings,
// bytevectors, SRFI 4 vectors and records (define-record-type's: same type,
// equal fields, as CHICKEN's equal? compares all structured data; R6RS
// records are not of this type and compare with eqv?, as R6RS says), eqv?
// otherwise. It terminates on circular structures.
func Equal(a, b Value) bool {
	if x, ok := a.(*String); ok {
		y, ok := b.(*String)
		return ok && stringEqual(x, y)
	}
	if equalIsEqv(a) {
		return Eqv(a, b)
	}
	budget := 100000
	if r, ok := equalFast(a, b, &budget); ok {
		return r
	}
	return equalCyc(a, b)
}

// equalIsEqv reports whether equal? of a and any value is eqv? of them: a
// is a number, a character, a symbol, a keyword, a boolean or a singleton
// such as (). Any other type takes equal?'s walk, right for every type.
func equalIsEqv(a Value) bool {
	switch a.(type) {
	case Fixnum, Flonum, *Bignum, *Ratnum, *Compnum, Char, *Symbol, *Keyword, *Boolean, *Singleton:
		return true
	}
	return false
}

// equalFast compares without cycle detection; ok is false when the budget
// of visited nodes ran out (the structures may be circular).
func equalFast(a, b Value, budget *int) (res, ok bool) {
	for {
		*budget--
		if *budget < 0 {
			return false, false
		}
		if Eqv(a, b) {
			return true, true
		}
		switch x := a.(type) {
		case *Pair:
			y, k := b.(*Pair)
			if !k {
				return false, true
			}
			r, ok := equalFast(x.Car, y.Car, budget)
			if !ok || !r {
				return r, ok
			}
			a, b = x.Cdr, y.Cdr
			continue
		case *Vector:
			y, k := b.(*Vector)
			if !k || len(x.Items) != len(y.Items) {
				return false, true
			}
			return equalFastItems(x.Items, y.Items, budget)
		case *Record:
			y, k := b.(*Record)
			if !k || x.Type != y.Type || len(x.Fields) != len(y.Fields) {
				return false, true
			}
			return equalFastItems(x.Fields, y.Fields, budget)
		}
		r, _ := equalLeaf(a, b) // a is not a container: a leaf
		return r, true
	}
}

// equalFastItems is equalFast of each pair of items.
func equalFastItems(xs, ys []Value, budget *int) (res, ok bool) {
	for i := range xs {
		r, ok := equalFast(xs[i], ys[i], budget)
		if !ok || !r {
			return r, ok
		}
	}
	return true, true
}

// equalCyc is the cycle-safe comparison: a pair of nodes already under
// comparison is assumed equal (bisimulation). It walks each list along its
// cdrs, comparing atoms in place and putting the cars and items that are
// themselves pairs, vectors or records on a work list (no recursion, so a
// structure nested millions deep is fine). The pairs of nodes where such a
// walk starts, and the vectors and records, are remembered; along a walk,
// Brent's method finds a cycle of cdrs without remembering every pair, so
// a long list costs no map entry per element.
func equalCyc(a, b Value) bool {
	seen := map[[2]Value]bool{}
	work := [][2]Value{{a, b}}
	// push compares an atom at once, or puts a container on the work list
	push := func(a, b Value) bool {
		if r, leaf := equalLeaf(a, b); leaf {
			return r
		}
		work = append(work, [2]Value{a, b})
		return true
	}
	for len(work) > 0 {
		a, b := work[len(work)-1][0], work[len(work)-1][1]
		work = work[:len(work)-1]
		key := [2]Value{a, b}
		if seen[key] {
			continue
		}
		seen[key] = true
		switch x := a.(type) {
		case *Vector:
			y, k := b.(*Vector)
			if !k || len(x.Items) != len(y.Items) {
				return false
			}
			for i := range x.Items {
				if !push(x.Items[i], y.Items[i]) {
					return false
				}
			}
			continue
		case *Record:
			y, k := b.(*Record)
			if !k || x.Type != y.Type || len(x.Fields) != len(y.Fields) {
				return false
			}
			for i := range x.Fields {
				if !push(x.Fields[i], y.Fields[i]) {
					return false
				}
			}
			continue
		}
		// a list: along the cdrs, with Brent's cycle check on the pair of
		// pairs reached
		var mark [2]*Pair
		steps, limit := 0, 1
		for {
			x, xok := a.(*Pair)
			y, yok := b.(*Pair)
			if !xok || !yok {
				if !push(a, b) {
					return false
				}
				break
			}
			if x == y || [2]*Pair{x, y} == mark {
				break // the same pair, or around a cycle of cdrs: equal so far
			}
			if steps++; steps == limit {
				mark, steps, limit = [2]*Pair{x, y}, 0, limit*2
			}
			if !push(x.Car, y.Car) {
				return false
			}
			a, b = x.Cdr, y.Cdr
		}
	}
	return true
}

// equalLeaf compares a and b unless both are pairs, both vectors or both
// records (then leaf is false and the caller compares them).
func equalLeaf(a, b Value) (r, leaf bool) {
	if Eqv(a, b) {
		return true, true
	}
	switch x := a.(type) {
	case *Pair:
		_, k := b.(*Pair)
		return false, !k
	case *Vector:
		_, k := b.(*Vector)
		return false, !k
	case *Record:
		_, k := b.(*Record)
		return false, !k
	case *String:
		y, k := b.(*String)
		return k && stringEqual(x, y), true
	case *Bytevector:
		y, k := b.(*Bytevector)
		return k && bytes.Equal(x.B, y.B), true
	case *Blob:
		y, k := b.(*Blob)
		return k && bytes.Equal(x.B, y.B), true
	case *NumVector:
		return numVectorEqual(x, b), true
	}
	return false, true
}

var equivProcs = []Proc{
	{Name: "eq?", Spec: "r7rs §6.1", Doc: "Are obj1 and obj2 the same object?", Args: req("obj1", "obj2"),
		Fn: eqP},
	{Name: "eqv?", Spec: "r7rs §6.1", Doc: "eq?, or equal numbers of the same exactness, or equal characters.", Args: req("obj1", "obj2"),
		Fn: eqvP},
	{Name: "equal?", Spec: "r7rs §6.1", Doc: "Structural equality of pairs, vectors, strings, bytevectors, SRFI 4 vectors and records (as CHICKEN: same type, equal fields); terminates on cycles.",
		Args: req("obj1", "obj2"), Fn: equalP},
}

// equivLibrary is the (scheme base equivalence) table.
var equivLibrary = &Library{Name: "(scheme base equivalence)", Doc: "R7RS equivalence predicates (r7rs §6.1).", Procs: equivProcs}

var booleanProcs = []Proc{
	{Name: "not", Spec: "r7rs §6.3", Doc: "#t if obj is #f, else #f.", Args: req("obj"),
		Fn: not},
	{Name: "boolean?", Spec: "r7rs §6.3", Doc: "Is obj #t or #f?", Args: req("obj"),
		Fn: booleanP},
	{Name: "boolean=?", Spec: "r7rs §6.3", Sig: "(boolean=? b1 b2 ...)", Doc: "Are the booleans all the same?", Args: Params{Rest: "b", Spread: true},
		Fn: booleanEqP},
}

// booleanLibrary is the (scheme base booleans) table.
var booleanLibrary = &Library{Name: "(scheme base booleans)", Doc: "R7RS booleans (r7rs §6.3).", Procs: booleanProcs}

// eqP implements eq?.
func eqP(th *Thread, args []Value) (Value, error) {
	return MakeBool(args[0] == args[1]), nil
}

// eqvP implements eqv?.
func eqvP(th *Thread, args []Value) (Value, error) {
	return MakeBool(Eqv(args[0], args[1])), nil
}

// equalP implements equal?.
func equalP(th *Thread, args []Value) (Value, error) {
	return MakeBool(Equal(args[0], args[1])), nil
}

// not implements not.
func not(th *Thread, args []Value) (Value, error) {
	return MakeBool(args[0] == Value(False)), nil
}

// booleanEqP implements boolean=?.
func booleanEqP(th *Thread, args []Value) (Value, error) {
	res := true
	for i, a := range args {
		if _, ok := a.(*Boolean); !ok {
			return nil, TypeError("", i+1, "boolean", a)
		}
		if i > 0 && a != args[i-1] {
			res = false
		}
	}
	return MakeBool(res), nil
}

// booleanP implements boolean?.
func booleanP(th *Thread, a []Value) (Value, error) {
	return pred(th, a, func(v Value) bool { _, ok := v.(*Boolean); return ok })
}

// numVectorEqual is equal? on SRFI-4 vectors: same kind, elements eqv?.
func numVectorEqual(x *NumVector, b Value) bool {
	y, ok := b.(*NumVector)
	if !ok || x.Kind != y.Kind || len(x.B) != len(y.B) {
		return false
	}
	for i := range x.Len() {
		if x.Bits(i) != y.Bits(i) {
			return false
		}
	}
	return true
}
