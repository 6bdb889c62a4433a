package scheme_test

import (
	"context"
	"runtime"
	"testing"

	"github.com/tlsport/tlsport/scheme"
)

// TestRecycleFlatMemory runs, many times over, the patterns that leave
// frames behind without resuming them — errors and escapes out of deep
// recursion (frames cut from chunks), generators re-entering captured
// continuations — and checks that the live heap does not grow with the
// number of rounds (a dead frame in a live chunk, or a pooled frame or
// env, must not keep what it referred to).
func TestRecycleFlatMemory(t *testing.T) {
	in := scheme.New()
	ctx := context.Background()
	if _, err := in.EvalString(ctx, `
(define (deep-err n) (if (= n 0) (error "bottom" (make-vector 1000 n)) (+ 1 (deep-err (- n 1)))))
(define k-out #f)
(define (deep-escape n) (if (= n 0) (k-out (make-vector 1000 n)) (+ 1 (deep-escape (- n 1)))))
(define gen-out #f)
(define gen-in #f)
(define (yield! v) (call/cc (lambda (k) (set! gen-in k) (gen-out v))))
(define (count-up i n) (if (= i n) (gen-out 'done) (begin (yield! (make-vector 100 i)) (count-up (+ i 1) n))))
(define (next! n) (call/cc (lambda (k) (set! gen-out k) (if gen-in (gen-in #f) (count-up 0 n)))))
(define (round!)
  (guard (e (#t #f)) (deep-err 5000))
  (call/cc (lambda (k) (set! k-out k) (deep-escape 5000)))
  (set! gen-in #f)
  (let drain () (if (not (eq? (next! 50) 'done)) (drain)))
  (set! k-out #f)
  (set! gen-in #f)
  (set! gen-out #f))`); err != nil {
		t.Fatal(err)
	}
	run := func(n int) uint64 {
		for i := 0; i < n; i++ {
			if _, err := in.EvalString(ctx, "(round!)"); err != nil {
				t.Fatal(err)
			}
		}
		runtime.GC()
		runtime.GC()
		var ms runtime.MemStats
		runtime.ReadMemStats(&ms)
		return ms.HeapAlloc
	}
	base := run(5)
	after := run(100)
	t.Logf("live heap after 5 rounds %d KiB, after 105 rounds %d KiB", base/1024, after/1024)
	if after > base+2<<20 {
		t.Errorf("live heap grew from %d to %d bytes over 100 rounds", base, after)
	}
}
