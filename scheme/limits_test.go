package scheme

// Tests of the limits that keep bad input from ending the process.

import (
	"context"
	"math/rand/v2"
	"strings"
	"testing"
)

// TestArgSizeBound checks that sizes beyond SetMaxAllocation's bound are
// out-of-range errors naming the procedure and the size, that sizes
// within it work, and that 0 restores the default (the machine's memory).
func TestArgSizeBound(t *testing.T) {
	SetMaxAllocation(1 << 20)
	defer SetMaxAllocation(0)
	in := New()
	for _, tc := range []struct{ src, fail string }{
		{"(vector-length (make-vector 1000))", ""},
		{"(make-vector 1000000)", "(make-vector) out of range in argument 1 (more memory than allowed): 1000000"},
		{"(make-string 2000000)", "(make-string) out of range in argument 1 (more memory than allowed): 2000000"},
		{"(make-string 300000 #\\λ)", "(make-string) out of range in argument 1 (more memory than allowed): 300000"},
		{"(string-length (make-string 300000))", ""},
		{"(make-list 100000)", "(make-list) out of range in argument 1 (more memory than allowed): 100000"},
		{"(iota 100000)", "(iota) out of range in argument 1 (more memory than allowed): 100000"},
		{"(make-bytevector 2000000)", "(make-bytevector) out of range in argument 1 (more memory than allowed): 2000000"},
	} {
		_, err := in.EvalString(context.Background(), tc.src)
		switch {
		case tc.fail == "" && err != nil:
			t.Errorf("%s: %v", tc.src, err)
		case tc.fail != "" && (err == nil || !strings.Contains(err.Error(), tc.fail)):
			t.Errorf("%s: got %v, want %q", tc.src, err, tc.fail)
		}
	}
	SetMaxAllocation(0)
	if MaxAllocation() < 1<<26 {
		t.Errorf("default bound %d bytes, want the machine's memory", MaxAllocation())
	}
	if _, err := in.EvalString(context.Background(), "(make-vector 1000000)"); err != nil {
		t.Errorf("after SetMaxAllocation(0): %v", err)
	}
}

// TestDeepStructures checks that equal? and write handle structures
// nested millions deep (through their cars) without overflowing the Go
// stack.
func TestDeepStructures(t *testing.T) {
	if testing.Short() {
		t.Skip("-short")
	}
	nest := func(n int) Value {
		var v Value = Null
		for range n {
			v = &Pair{v, Null}
		}
		return v
	}
	a, b := nest(5_000_000), nest(5_000_000)
	if !Equal(a, b) {
		t.Error("equal? of two equal deep structures is #f")
	}
	if s := WriteString(a); len(s) != 10_000_002 || s[:3] != "(((" || s[len(s)-3:] != ")))" {
		t.Errorf("write of a deep structure: %d bytes", len(s))
	}
	b.(*Pair).Car.(*Pair).Car = Fixnum(1)
	if Equal(a, b) {
		t.Error("equal? of two different deep structures is #t")
	}
}

// TestEqualCycAgrees checks that the cycle-safe comparison (used past the
// fast path's budget) answers as the plain recursive one on random
// acyclic structures, shared parts included, equal and not.
func TestEqualCycAgrees(t *testing.T) {
	rnd := rand.New(rand.NewPCG(1, 2))
	var gen func(depth int, pool []Value) Value
	gen = func(depth int, pool []Value) Value {
		if len(pool) > 0 && rnd.IntN(6) == 0 {
			return pool[rnd.IntN(len(pool))]
		}
		switch k := rnd.IntN(7); {
		case depth > 4 || k == 0:
			return Fixnum(rnd.IntN(3))
		case k == 1:
			return NewString([]string{"a", "b"}[rnd.IntN(2)])
		case k == 2:
			return Null
		case k == 3:
			items := make([]Value, rnd.IntN(3))
			for i := range items {
				items[i] = gen(depth+1, pool)
			}
			return &Vector{Items: items}
		default:
			return &Pair{gen(depth+1, pool), gen(depth+1, pool)}
		}
	}
	// copy makes a structurally equal copy of an acyclic v
	var copyOf func(v Value) Value
	copyOf = func(v Value) Value {
		switch x := v.(type) {
		case *Pair:
			return &Pair{copyOf(x.Car), copyOf(x.Cdr)}
		case *Vector:
			items := make([]Value, len(x.Items))
			for i, e := range x.Items {
				items[i] = copyOf(e)
			}
			return &Vector{Items: items}
		}
		return v
	}
	for i := range 5000 {
		var pool []Value
		for range 3 {
			pool = append(pool, gen(2, pool))
		}
		a := gen(0, pool)
		b := copyOf(a)
		if i%2 == 1 {
			b = gen(0, pool)
		}
		budget := 1 << 30
		want, _ := equalFast(a, b, &budget)
		if got := equalCyc(a, b); got != want {
			t.Fatalf("equalCyc(%s, %s) = %v, equalFast %v", WriteString(a), WriteString(b), got, want)
		}
	}
	// circular data: equal when the unfoldings are equal
	c1 := &Pair{Fixnum(1), &Pair{Fixnum(2), Null}}
	c1.Cdr.(*Pair).Cdr = c1
	c2 := &Pair{Fixnum(1), &Pair{Fixnum(2), &Pair{Fixnum(1), &Pair{Fixnum(2), Null}}}}
	c2.Cdr.(*Pair).Cdr.(*Pair).Cdr.(*Pair).Cdr = c2
	c3 := &Pair{Fixnum(1), &Pair{Fixnum(3), Null}}
	c3.Cdr.(*Pair).Cdr = c3
	if !Equal(c1, c2) || Equal(c1, c3) || Equal(c1, &Vector{Items: []Value{Fixnum(1)}}) {
		t.Error("equal? of circular lists is wrong")
	}
	if equalCyc(&Pair{Fixnum(1), Null}, &Vector{Items: []Value{Fixnum(1)}}) || equalCyc(NewString("a"), &Pair{Fixnum(1), Null}) {
		t.Error("a pair is equal? to a vector or a string")
	}
}
