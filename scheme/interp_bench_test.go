package scheme

import (
	"context"
	"testing"
)

func BenchmarkNew(b *testing.B) {
	for i := 0; i < b.N; i++ {
		New()
	}
}

// benchLoop defines src (which defines the procedure name, taking a
// count) and runs it over b.N iterations in one call.
func benchLoop(b *testing.B, src, name string) {
	in := New()
	ctx := context.Background()
	if _, err := in.EvalString(ctx, src); err != nil {
		b.Fatal(err)
	}
	proc, ok := in.Lookup(name)
	if !ok {
		b.Fatalf("%s not defined", name)
	}
	b.ReportAllocs()
	b.ResetTimer()
	if _, err := in.Apply(ctx, proc, Fixnum(b.N)); err != nil {
		b.Fatal(err)
	}
}

// BenchmarkLetValuesPrim is a loop binding the two values of a primitive
// (floor/) with let-values.
func BenchmarkLetValuesPrim(b *testing.B) {
	benchLoop(b, `(define (lv-prim n)
  (let loop ((i 0) (s 0))
    (if (< i n)
        (loop (+ i 1) (let-values (((q r) (floor/ i 7))) (+ s q r)))
        s)))`, "lv-prim")
}

// BenchmarkReceiveProc is a loop binding the two values of a Scheme
// procedure with receive.
func BenchmarkReceiveProc(b *testing.B) {
	benchLoop(b, `(define (two-values i) (values i (+ i 1)))
(define (rcv-proc n)
  (let loop ((i 0) (s 0))
    (if (< i n)
        (loop (+ i 1) (receive (a b) (two-values i) (+ s a b)))
        s)))`, "rcv-proc")
}

// BenchmarkLetTwoCalls is the same loop binding two calls' values with a
// plain let, for comparison.
func BenchmarkLetTwoCalls(b *testing.B) {
	benchLoop(b, `(define (lt-calls n)
  (let loop ((i 0) (s 0))
    (if (< i n)
        (loop (+ i 1) (let ((q (quotient i 7)) (r (remainder i 7))) (+ s q r)))
        s)))`, "lt-calls")
}
