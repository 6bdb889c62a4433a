package scheme

import (
	"context"
	"strings"
	"testing"
	"time"
)

// gilInterp returns an interpreter with the primitives the lock's tests
// use: (hold) blocks in Go code without letting the lock go until
// (let-go) is called, as a primitive that forgets to wait on the thread's
// context would; (nested-eval x) evaluates x on a thread of its own from
// its Go code, as a callback or a record printer does; (gil-takeovers)
// counts the times a thread took the lock over from a holder stuck
// outside the trampoline.
func gilInterp(t *testing.T) *Interp {
	t.Helper()
	in := New()
	t.Cleanup(func() { in.Close() })
	release := make(chan struct{})
	in.Define("hold", NewPrimitive(nil, &Proc{Name: "hold", Fn: func(th *Thread, a []Value) (Value, error) {
		select {
		case <-release:
			return Intern("held"), nil
		case <-time.After(10 * time.Second):
			return Intern("never-let-go"), nil
		}
	}}))
	in.Define("let-go", NewPrimitive(nil, &Proc{Name: "let-go", Fn: func(th *Thread, a []Value) (Value, error) {
		close(release)
		return True, nil
	}}))
	in.Define("nested-eval", NewPrimitive(nil, &Proc{Name: "nested-eval", Args: req("x"), Fn: func(th *Thread, a []Value) (Value, error) {
		return in.Eval(context.Background(), a[0])
	}}))
	in.Define("gil-takeovers", NewPrimitive(nil, &Proc{Name: "gil-takeovers", Fn: func(th *Thread, a []Value) (Value, error) {
		return Fixnum(in.gil.takeovers.Load()), nil
	}}))
	return in
}

// TestGILTakesOverFromStuckPrimitive: a thread stuck in a primitive that
// does not let the lock go is taken over after stuckHolder, so the others go
// on (here, the very thread that lets it go); the stuck thread takes the
// lock back when its primitive returns and finishes its Scheme code.
func TestGILTakesOverFromStuckPrimitive(t *testing.T) {
	in := gilInterp(t)
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	v, err := in.EvalString(ctx, `
		(import (srfi 18))
		(define n 0)
		(define t (thread-start! (make-thread (lambda () (list (hold) n)))))
		(thread-sleep! 0.01)                ; t is in (hold) now
		(let loop () (when (< n 1000) (set! n (+ n 1)) (loop)))
		(let-go)
		(thread-join! t)`)
	if err != nil {
		t.Fatal(err)
	}
	if got := WriteString(v); got != "(held 1000)" {
		t.Fatalf("got %s, want (held 1000)", got)
	}
	if in.gil.takeovers.Load() == 0 {
		t.Error("the lock was never taken over from the stuck primitive")
	}
}

// TestGILNestedEvaluation: an evaluation made from a primitive's Go code,
// on the primitive's goroutine, runs at once: it never waits a slice for
// the lock its caller holds, with one thread and with several, on the
// evaluation's goroutine and on a thread's.
func TestGILNestedEvaluation(t *testing.T) {
	in := gilInterp(t)
	ctx := context.Background()
	for i, src := range []string{
		`(let loop ((i 0) (acc 0)) (if (= i 100) acc (loop (+ i 1) (+ acc (nested-eval '(+ 1 2))))))`,
		`(import (srfi 18))
		 (define t (thread-start! (make-thread (lambda () (thread-sleep! 0.2)))))
		 (define r (let loop ((i 0) (acc 0)) (if (= i 100) acc (loop (+ i 1) (+ acc (nested-eval '(+ 1 2)))))))
		 (thread-join! t)
		 r`,
		// made on a spawned thread's goroutine (its id noted by startThread)
		`(thread-join! (thread-start! (make-thread (lambda ()
		   (let loop ((i 0) (acc 0)) (if (= i 100) acc (loop (+ i 1) (+ acc (nested-eval '(+ 1 2))))))))))`,
	} {
		before := in.gil.slow.Load()
		v, err := in.EvalString(ctx, src)
		if err != nil {
			t.Fatal(err)
		}
		if v != Fixnum(300) {
			t.Fatalf("got %s, want 300", WriteString(v))
		}
		if n := in.gil.slow.Load() - before; n != 0 {
			t.Errorf("%s: waited a slice for the lock %d times", src, n)
		}
		if i == 0 && in.gil.multi.Load() {
			t.Errorf("%s: the nested evaluations counted as a second thread", src)
		}
	}
}

// TestGILWriteValue: Interp.WriteValue (the REPL's printer) prints a
// value a thread keeps changing under the lock: every print is whole (and
// the race detector sees no race).
func TestGILWriteValue(t *testing.T) {
	in := gilInterp(t)
	ctx := context.Background()
	if _, err := in.EvalString(ctx, `
		(import (srfi 18))
		(define v (vector '() 0))
		(define stop #f)
		(define flipper (thread-start! (make-thread (lambda ()
		  (let loop ((i 0))
		    (unless stop
		      (vector-set! v 0 (if (null? (vector-ref v 0)) (list i i) '()))
		      (vector-set! v 1 i)
		      (loop (+ i 1))))))))`); err != nil {
		t.Fatal(err)
	}
	v, _ := in.Lookup("v")
	for i := 0; i < 2000; i++ {
		s, err := in.WriteValue(ctx, v, ModeWrite)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.HasPrefix(s, "#(") || !strings.HasSuffix(s, ")") {
			t.Fatalf("print %d: %q", i, s)
		}
	}
	if _, err := in.EvalString(ctx, `(set! stop #t) (thread-join! flipper)`); err != nil {
		t.Fatal(err)
	}
}

// TestGILReleasedByWaits: a thread blocked in a wait (a sleep, a join, a
// mutex, a condition variable) does not hold the lock: the others run
// without waiting a slice for it.
func TestGILReleasedByWaits(t *testing.T) {
	in := gilInterp(t)
	v, err := in.EvalString(context.Background(), `
		(import (srfi 18))
		(define m (make-mutex))
		(define cv (make-condition-variable))
		(mutex-lock! m)
		(define sleeper (thread-start! (make-thread (lambda () (thread-sleep! 0.3) 'slept))))
		(define locker (thread-start! (make-thread (lambda () (mutex-lock! m) (mutex-unlock! m) 'locked))))
		(define waiter (thread-start! (make-thread (lambda () (let ((m2 (make-mutex))) (mutex-lock! m2) (mutex-unlock! m2 cv 0.3)) 'waited))))
		(thread-sleep! 0.05)                ; the three threads are in their waits
		(define before (gil-takeovers))
		(define n (let loop ((i 0)) (if (= i 20000) i (loop (+ i 1)))))
		(define waited (- (gil-takeovers) before))
		(mutex-unlock! m)
		(list n waited (thread-join! sleeper) (thread-join! locker) (thread-join! waiter))`)
	if err != nil {
		t.Fatal(err)
	}
	if got := WriteString(v); got != "(20000 0 slept locked waited)" {
		t.Fatalf("got %s, want (20000 0 slept locked waited): the main thread had to take the lock over", got)
	}
}

// TestGILComputingPrimitiveKeepsLock: a primitive computing for 100 ms
// without a wait keeps the lock while another thread waits for it (it is
// taken over only after stuckHolder): no Scheme code of the other thread
// runs meanwhile, as none runs beside a C call in CHICKEN. Taking it over
// after a slice, as the lock once did, let a holder that was only waiting
// for a CPU run beside the thread that took it.
func TestGILComputingPrimitiveKeepsLock(t *testing.T) {
	in := gilInterp(t)
	counter := func() Value {
		v, _ := in.Lookup("n")
		return v
	}
	in.Define("compute!", NewPrimitive(nil, &Proc{Name: "compute!", Fn: func(th *Thread, a []Value) (Value, error) {
		start := counter()
		for t0 := time.Now(); time.Since(t0) < 100*time.Millisecond; {
		}
		return L(start, counter()), nil
	}}))
	v, err := in.EvalString(context.Background(), `
		(import (srfi 18))
		(define n 0)
		(define stop #f)
		(define counter (thread-start! (make-thread (lambda () (let loop () (unless stop (set! n (+ n 1)) (loop)))))))
		(let wait () (when (< n 1000) (thread-sleep! 0.001) (wait)))
		(define before (gil-takeovers))
		(define r (compute!))
		(define taken (- (gil-takeovers) before))
		(set! stop #t)
		(thread-join! counter)
		(list (= (car r) (cadr r)) taken)`)
	if err != nil {
		t.Fatal(err)
	}
	if got := WriteString(v); got != "(#t 0)" {
		t.Fatalf("got %s, want (#t 0): the counting thread ran while the primitive computed", got)
	}
}

// BenchmarkThreadStartJoin: a thread made, started and joined, as a
// server with a thread per connection does for each (bench/HISTORY.md,
// "Library procedures against csi (session 16)", Threads).
func BenchmarkThreadStartJoin(b *testing.B) {
	in := New()
	defer in.Close()
	ctx := context.Background()
	if _, err := in.EvalString(ctx, `(import (srfi 18))
		(define (churn n)
		  (let loop ((k n) (acc 0))
		    (if (= k 0)
		        acc
		        (loop (- k 1) (+ acc (thread-join! (thread-start! (make-thread (lambda () k)))))))))`); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if v, err := in.EvalString(ctx, "(churn 100)"); err != nil || v != Fixnum(5050) {
			b.Fatal(v, err)
		}
	}
}
