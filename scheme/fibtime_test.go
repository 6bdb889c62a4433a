package scheme

import (
	"context"
	"testing"
	"time"
)

func TestFibTime(t *testing.T) {
	in := New()
	st := time.Now()
	v, err := in.EvalString(context.Background(), "(define (fib n) (if (< n 2) n (+ (fib (- n 1)) (fib (- n 2))))) (fib 30)")
	t.Logf("fib %v %v %v", WriteString(v), err, time.Since(st))
	st = time.Now()
	v, err = in.EvalString(context.Background(), "(define (tak x y z) (if (< y x) (tak (tak (- x 1) y z) (tak (- y 1) z x) (tak (- z 1) x y)) z)) (define (repeat n) (if (= n 0) 'done (begin (tak 18 12 6) (repeat (- n 1))))) (repeat 50)")
	t.Logf("tak %v %v %v", WriteString(v), err, time.Since(st))
	st = time.Now()
	New()
	t.Logf("startup %v", time.Since(st))
}
