package scheme

import (
	"context"
	"testing"
)

// A loop's rounds (a procedure's tail call to itself with simple
// arguments, selfCallNode) reuse its env and allocate nothing: a loop
// over a vector with small fixnums allocates the same whatever the
// vector's length; and the open-coded operations on locals of the loop,
// of the procedure around it and constants read them in place.
func TestLoopAllocs(t *testing.T) {
	in := New()
	evalT(t, in, `
(define (fill! v) (let loop ((i 0)) (if (< i (vector-length v)) (begin (vector-set! v i i) (loop (+ i 1))))))
(define (sum v) (let loop ((i 0) (s 0)) (if (= i (vector-length v)) s (loop (+ i 1) (+ s (vector-ref v i))))))
(define (count n) (let loop ((i 0) (k 0)) (cond ((>= i n) k) ((zero? (remainder i 3)) (loop (+ i 1) (+ k 1))) (else (loop (+ i 1) k)))))`)
	th := in.newThread(context.Background())
	call := func(name string, arg Value) Value {
		p, ok := in.Lookup(name)
		if !ok {
			t.Fatalf("%s not bound", name)
		}
		v, err := th.Call(p, arg)
		if err != nil {
			t.Fatalf("(%s %s): %v", name, WriteString(arg), err)
		}
		return v
	}
	allocs := func(name string, arg Value) float64 {
		return testing.AllocsPerRun(20, func() { call(name, arg) })
	}
	short, long := &Vector{Items: make([]Value, 10)}, &Vector{Items: make([]Value, 1000)}
	call("fill!", short)
	call("fill!", long)
	if v := call("sum", long); v != Value(Fixnum(999*1000/2)) {
		t.Errorf("(sum v) = %s, want %d", WriteString(v), 999*1000/2)
	}
	if v := call("count", Fixnum(900)); v != Value(Fixnum(300)) {
		t.Errorf("(count 900) = %s, want 300", WriteString(v))
	}
	ones := func(n int) *Vector { // a sum below 1024: no fixnum boxed
		v := &Vector{Items: make([]Value, n)}
		for i := range v.Items {
			v.Items[i] = Fixnum(1)
		}
		return v
	}
	for _, c := range []struct {
		name       string
		short, big Value
	}{{"fill!", short, long}, {"sum", ones(10), ones(1000)}, {"count", Fixnum(10), Fixnum(900)}} {
		if a, b := allocs(c.name, c.short), allocs(c.name, c.big); b != a {
			t.Errorf("%s: %v allocations over 10 rounds, %v over 1000: the rounds allocate", c.name, a, b)
		}
	}
}
