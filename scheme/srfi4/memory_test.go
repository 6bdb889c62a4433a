package srfi4_test

import (
	"context"
	"runtime"
	"testing"

	"github.com/tlsport/tlsport/scheme"
	"github.com/tlsport/tlsport/scheme/stdlib"
)

// evaluator returns a function evaluating Scheme source in a fresh
// interpreter that has imported (srfi 4); an error ends the test.
func evaluator(tb testing.TB) func(src string) scheme.Value {
	in := stdlib.New()
	eval := func(src string) scheme.Value {
		v, err := in.EvalString(context.Background(), src)
		if err != nil {
			tb.Fatal(err)
		}
		return v
	}
	eval("(import (srfi 4))")
	return eval
}

// liveHeap returns the bytes of live heap objects after a collection.
func liveHeap() int64 {
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return int64(m.HeapAlloc)
}

// TestPackedMemory checks that a vector of a million elements takes about
// a million times the element's size (8 MB for an f64vector, 1 MB for an
// s8vector), not 16 bytes per element as a vector of Values would.
func TestPackedMemory(t *testing.T) {
	eval := evaluator(t)
	for _, c := range []struct {
		src  string
		want int64
	}{{"(make-f64vector 1000000 0.)", 8e6}, {"(make-s8vector 1000000 0)", 1e6}, {"(make-u16vector 1000000 7)", 2e6}} {
		before := liveHeap()
		v := eval(c.src)
		grew := liveHeap() - before
		runtime.KeepAlive(v)
		if grew < c.want*9/10 || grew > c.want*5/4+256<<10 {
			t.Errorf("%s grew the live heap by %d bytes, want about %d", c.src, grew, c.want)
		}
	}
}

// TestSetAllocs checks that storing into a vector allocates nothing: the
// store itself (NumVector.Set), and 200,000 f64vector-set! and
// s16vector-set! calls of a Scheme loop, which allocates no more than the
// same loop storing into a vector (its counters stay below 1024, which
// are boxed without allocating; the loop itself allocates a little per
// outer round).
func TestSetAllocs(t *testing.T) {
	f64, s16 := scheme.NewNumVector(scheme.NumKindOf("f64"), 1000), scheme.NewNumVector(scheme.NumKindOf("s16"), 1000)
	var x, n scheme.Value = scheme.Flonum(1.5), scheme.Fixnum(-300)
	if a := testing.AllocsPerRun(10, func() {
		for i := range 100000 {
			f64.Set(i%1000, x)
			s16.Set(i%1000, n)
		}
	}); a != 0 {
		t.Errorf("100,000 Set calls on an f64vector and an s16vector: %v allocations", a)
	}
	eval := evaluator(t)
	eval(`(define f (make-f64vector 1000)) (define s (make-s16vector 1000))
(define (fill! k x y)
  (do ((j 0 (+ j 1))) ((= j k))
    (do ((i 0 (+ i 1))) ((= i 1000))
      (f64vector-set! f i x) (s16vector-set! s i y))))
(define g (make-vector 1000))
(define (idle! k x y)
  (do ((j 0 (+ j 1))) ((= j k))
    (do ((i 0 (+ i 1))) ((= i 1000))
      (vector-set! g i x) (vector-set! g i y))))
(fill! 1 1.5 -300) (idle! 1 1.5 -300)`)
	mallocs := func(src string) uint64 {
		var m0, m1 runtime.MemStats
		runtime.ReadMemStats(&m0)
		eval(src)
		runtime.ReadMemStats(&m1)
		return m1.Mallocs - m0.Mallocs
	}
	stores, idle := mallocs("(fill! 100 1.5 -300)"), mallocs("(idle! 100 1.5 -300)")
	if stores > idle+20 {
		t.Errorf("200,000 stores from Scheme: %d allocations, the same loop storing into a vector: %d", stores, idle)
	}
}
