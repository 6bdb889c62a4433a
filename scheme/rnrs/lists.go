// (rnrs lists) (r6rs-lib §3) beyond the core's, and (rnrs sorting) (r6rs-lib §4) vector sorts.

package rnrs

import (
	"github.com/tlsport/tlsport/scheme"
)

// columns returns the lists a[from] and those of the rest list a[from+1]
// as slices, checked to be of equal length.
func columns(a []scheme.Value, from int) ([][]scheme.Value, int, error) {
	var ls [][]scheme.Value
	n := -1
	more, _ := scheme.ListToSlice(a[from+1])
	for i, v := range append([]scheme.Value{a[from]}, more...) {
		l, err := scheme.ListArg("", from+i+1, v)
		if err != nil {
			return nil, 0, err
		}
		if n >= 0 && len(l) != n {
			return nil, 0, scheme.NewError("", "lists of different lengths", append([]scheme.Value{a[from]}, more...), "assertion")
		}
		n = len(l)
		ls = append(ls, l)
	}
	return ls, n, nil
}

func row(ls [][]scheme.Value, i int) []scheme.Value {
	args := make([]scheme.Value, len(ls))
	for j, l := range ls {
		args[j] = l[i]
	}
	return args
}

// forAll implements for-all.
func forAll(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	ls, n, err := columns(a, 1)
	if err != nil {
		return nil, err
	}
	var v scheme.Value = scheme.True
	for i := 0; i < n; i++ {
		if i == n-1 {
			return th.TailCall(a[0], row(ls, i))
		}
		if v, err = th.Call(a[0], row(ls, i)...); err != nil || v == scheme.False {
			return v, err
		}
	}
	return v, nil
}

// exists implements exists.
func exists(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	ls, n, err := columns(a, 1)
	if err != nil {
		return nil, err
	}
	for i := 0; i < n; i++ {
		if i == n-1 {
			return th.TailCall(a[0], row(ls, i))
		}
		if v, err := th.Call(a[0], row(ls, i)...); err != nil || v != scheme.False {
			return v, err
		}
	}
	return scheme.False, nil
}

// keep returns the elements of l for which test returns want.
func keep(th *scheme.Thread, l scheme.Value, want bool, test func(x scheme.Value) (bool, error)) (scheme.Value, error) {
	xs, err := scheme.ListArg("", 2, l)
	if err != nil {
		return nil, err
	}
	var out []scheme.Value
	for _, x := range xs {
		ok, err := test(x)
		if err != nil {
			return nil, err
		}
		if ok == want {
			out = append(out, x)
		}
	}
	return scheme.List(out...), nil
}

func callTest(th *scheme.Thread, proc scheme.Value) func(x scheme.Value) (bool, error) {
	return func(x scheme.Value) (bool, error) {
		v, err := th.Call(proc, x)
		return v != scheme.False, err
	}
}

// remp implements remp.
func remp(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return keep(th, a[1], false, callTest(th, a[0]))
}

// remove implements remove (R6RS: by equal?).
func remove(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return keep(th, a[1], false, func(x scheme.Value) (bool, error) { return scheme.Equal(a[0], x), nil })
}

// remv implements remv.
func remv(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return keep(th, a[1], false, func(x scheme.Value) (bool, error) { return scheme.Eqv(a[0], x), nil })
}

// remq implements remq.
func remq(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return keep(th, a[1], false, func(x scheme.Value) (bool, error) { return scheme.Eq(a[0], x), nil })
}

// memp implements memp.
func memp(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	for l := a[1]; ; {
		p, ok := l.(*scheme.Pair)
		if !ok {
			return scheme.False, nil
		}
		v, err := th.Call(a[0], p.Car)
		if err != nil {
			return nil, err
		}
		if v != scheme.False {
			return p, nil
		}
		l = p.Cdr
	}
}

// assp implements assp.
func assp(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	for l := a[1]; ; {
		p, ok := l.(*scheme.Pair)
		if !ok {
			return scheme.False, nil
		}
		e, ok := p.Car.(*scheme.Pair)
		if !ok {
			return nil, scheme.TypeError("", 2, "association list", a[1])
		}
		v, err := th.Call(a[0], e.Car)
		if err != nil {
			return nil, err
		}
		if v != scheme.False {
			return e, nil
		}
		l = p.Cdr
	}
}

// vectorSort implements vector-sort: the core's stable merge sort (sort
// of a vector, %sort), called in the primitive's place.
func vectorSort(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return coreSort(th, "%sort", a)
}

// vectorSortBang implements vector-sort!: the core's sort! (%sort!), which
// sorts a vector in place (and returns it; r6rs leaves the value
// unspecified).
func vectorSortBang(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return coreSort(th, "%sort!", a)
}

// coreSort tail-calls the core's sort procedure name on (vector proc).
func coreSort(th *scheme.Thread, name string, a []scheme.Value) (scheme.Value, error) {
	f, ok := th.Interp().Lookup(name)
	if !ok {
		return nil, scheme.NewError("vector-sort", name+" is unbound", nil)
	}
	return th.TailCall(f, []scheme.Value{a[1], a[0]})
}
