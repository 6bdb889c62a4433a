package scheme

import (
	"context"
	"errors"
	"os"
	"sync/atomic"
	"testing"
	"time"
)

// waitHelpers are the Scheme helpers of the wake-up tests: await-state
// waits (up to 30 s, a hang guard) until a thread is in a state;
// start-handling starts thunk under a handler recording what is raised in
// handled, which await-handled waits for.
const waitHelpers = `
(define (await-state t state)
  (let loop ((i 0))
    (cond ((eq? (thread-state t) state) state)
          ((> i 3000) (thread-state t))
          (else (thread-sleep! 0.01) (loop (+ i 1))))))
(define handled '())
(define (start-handling thunk)
  (set! handled '())
  (thread-start! (make-thread (lambda () (with-exception-handler (lambda (e) (set! handled (cons e handled)) 'ignored) thunk)))))
(define (await-handled)
  (let loop ((i 0)) (if (and (null? handled) (< i 3000)) (begin (thread-sleep! 0.01) (loop (+ i 1))))))
`

// evalPipeTest evaluates src after waitHelpers with the ends of a pipe
// defined: rfd and wfd (descriptors), pipe-in (an input port on the read
// end) and (pipe-write! string).
func evalPipeTest(t *testing.T, src string) string {
	t.Helper()
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { r.Close(); w.Close() })
	in := New()
	defer in.Close()
	in.Define("rfd", Fixnum(r.Fd()))
	in.Define("wfd", Fixnum(w.Fd()))
	in.Define("pipe-in", NewInputPort("pipe", ReaderBackend(r), nil))
	in.Define("pipe-out", NewOutputPort("pipe", WriterBackend(w), nil))
	in.Define("pipe-write!", NewPrimitive(nil, &Proc{Name: "pipe-write!", Args: Params{Required: []string{"s"}},
		Fn: func(th *Thread, a []Value) (Value, error) {
			_, err := w.WriteString(a[0].(*String).String())
			return Unspecified, err
		}}))
	v, err := in.EvalString(context.Background(), waitHelpers+src)
	if err != nil {
		t.Fatal(err)
	}
	return WriteString(v)
}

// TestThreadWaitForIO: thread-wait-for-i/o! blocks until the descriptor
// is ready; thread-signal! reaches the thread meanwhile, and the wait then
// goes on; a descriptor that is not open is an error.
func TestThreadWaitForIO(t *testing.T) {
	got := evalPipeTest(t, `
(define waiter (start-handling (lambda () (thread-wait-for-i/o! rfd #:input) 'readable)))
(define s1 (await-state waiter 'blocked))
(thread-signal! waiter 'sig)
(await-handled)
(define s2 (await-state waiter 'blocked))
(pipe-write! "x")
(list s1 handled s2 (thread-join! waiter 30 'stuck)
      (begin (thread-wait-for-i/o! wfd #:output) 'writable)
      (begin (thread-wait-for-i/o! rfd) 'either)
      (guard (e (#t 'bad-fd)) (thread-wait-for-i/o! 100000 #:input)))`)
	if want := "(blocked (sig) blocked readable writable either bad-fd)"; got != want {
		t.Errorf("got %s, want %s", got, want)
	}
}

// TestSignalPipeRead: thread-signal! reaches a thread blocked in read-line
// on a pipe at once; when the handler returns the read goes on and loses
// nothing of what it had read.
func TestSignalPipeRead(t *testing.T) {
	got := evalPipeTest(t, `
(define reader (start-handling (lambda () (read-line pipe-in))))
(pipe-write! "par")
(thread-sleep! 0.05)
(thread-signal! reader 'sig)
(await-handled)
(pipe-write! "tial\nnext\n")
(list handled (thread-join! reader 30 'stuck) (read-line pipe-in))`)
	if want := `((sig) "partial" "next")`; got != want {
		t.Errorf("got %s, want %s", got, want)
	}
}

// TestSignalStorm: signals sent while a thread reads lines from a pipe
// (and handles the signals that came before) are all handled, in order,
// and every line is read whole and in order.
func TestSignalStorm(t *testing.T) {
	got := evalPipeTest(t, `
(define ready #f)
(define reader (start-handling (lambda ()
  (set! ready #t)
  (let loop ((lines '()) (n 0))
    (if (< n 100)
        (loop (cons (read-line pipe-in) lines) (+ n 1))
        (let wait ((i 0))        ; until the signals all came
          (if (and (< (length handled) 200) (< i 3000)) (begin (thread-sleep! 0.01) (wait (+ i 1))) (reverse lines))))))))
(let loop ((i 0)) (if (and (not ready) (< i 3000)) (begin (thread-sleep! 0.01) (loop (+ i 1)))))
(define signaller (thread-start! (make-thread (lambda ()
  (let loop ((i 0)) (when (< i 200) (thread-signal! reader i) (when (= 0 (modulo i 7)) (thread-yield!)) (loop (+ i 1))))))))
(let loop ((i 0))
  (when (< i 100)
    (pipe-write! (string-append "line " (number->string i)))
    (when (= 0 (modulo i 3)) (thread-yield!))
    (pipe-write! "\n")
    (loop (+ i 1))))
(thread-join! signaller 30 'stuck)
(define lines (thread-join! reader 60 'stuck))
(list (equal? (reverse handled) (iota 200))
      (length lines)
      (let check ((ls lines) (i 0))
        (cond ((null? ls) #t)
              ((string=? (car ls) (string-append "line " (number->string i))) (check (cdr ls) (+ i 1)))
              (else (car ls)))))`)
	if want := "(#t 100 #t)"; got != want {
		t.Errorf("got %s, want %s", got, want)
	}
}

// TestWokenOwnFailure: a primitive that fails on its own account while a
// wake-up (thread-signal!) ended its wait is not made again: its failure
// is raised, once, and the signal's handler runs too.
func TestWokenOwnFailure(t *testing.T) {
	in := New()
	defer in.Close()
	var calls atomic.Int32
	in.Define("fail-after-wait!", NewPrimitive(nil, &Proc{Name: "fail-after-wait!",
		Fn: func(th *Thread, a []Value) (Value, error) {
			calls.Add(1)
			select { // a wait thread-signal! ends, then a failure of its own
			case <-th.WaitContext().Done():
			case <-time.After(300 * time.Millisecond):
			}
			return nil, errors.New("fail-after-wait!: boom")
		}}))
	in.Define("calls", NewPrimitive(nil, &Proc{Name: "calls",
		Fn: func(th *Thread, a []Value) (Value, error) { return Fixnum(calls.Load()), nil }}))
	v, err := in.EvalString(context.Background(), waitHelpers+`
(define waiter (start-handling (lambda ()
  (guard (e ((not (symbol? e)) 'failed))
    (fail-after-wait!)))))
(let loop ((i 0)) (if (and (= 0 (calls)) (< i 3000)) (begin (thread-sleep! 0.01) (loop (+ i 1)))))
(thread-sleep! 0.05)
(thread-signal! waiter 'sig)
(define result (thread-join! waiter 30 'stuck))
(await-handled)
(list result handled (calls))`)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := WriteString(v), `(failed (sig) 1)`; got != want {
		t.Errorf("got %s, want %s", got, want)
	}
}

// TestBlockedInRead: a thread waiting in a port read is blocked
// (thread-state), as CHICKEN says of a thread waiting for input, and
// runnable again once it has read.
func TestBlockedInRead(t *testing.T) {
	got := evalPipeTest(t, `
(define reader (thread-start! (make-thread (lambda () (read-line pipe-in) (let loop () (loop))))))
(define s1 (await-state reader 'blocked))
(pipe-write! "line\n")
(define s2 (await-state reader 'ready))
(thread-terminate! reader)
(list s1 s2)`)
	if want := "(blocked ready)"; got != want {
		t.Errorf("got %s, want %s", got, want)
	}
}

// TestBlockedInWrite: thread-state is blocked while a write waits for the
// other end to read (a pipe whose buffer is full), then the write ends
// and every byte arrives.
func TestBlockedInWrite(t *testing.T) {
	got := evalPipeTest(t, `
(define big (make-string 300000 #\x))
(define writer (thread-start! (make-thread (lambda () (write-string big pipe-out) (flush-output pipe-out) (let loop () (loop))))))
(define s1 (await-state writer 'blocked))
(define got (read-string 300000 pipe-in))
(define s2 (await-state writer 'ready))
(thread-terminate! writer)
(list s1 s2 (string=? got big))`)
	if want := "(blocked ready #t)"; got != want {
		t.Errorf("got %s, want %s", got, want)
	}
}

// TestSignalDuringPrimitive: a signal that comes while a primitive runs
// that does not wait on the wake context (here a Go sleep after
// th.Context(), which lets the interpreter lock go but is the thread's own
// context) is raised when the primitive's value goes back to the code
// that called it, inside that code's handlers — also when the thread then
// only returns (it was lost).
func TestSignalDuringPrimitive(t *testing.T) {
	in := New()
	defer in.Close()
	in.Define("slow!", NewPrimitive(nil, &Proc{Name: "slow!", Args: Params{},
		Fn: func(th *Thread, a []Value) (Value, error) {
			th.Context()
			time.Sleep(200 * time.Millisecond)
			return Fixnum(7), nil
		}}))
	v, err := in.EvalString(context.Background(), waitHelpers+`
(define t (start-handling (lambda () (let ((r (slow!))) (list 'done r)))))
(thread-sleep! 0.05)
(thread-signal! t 'sig)
(list (thread-join! t 30 'stuck) handled)`)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := WriteString(v), "((done 7) (sig))"; got != want {
		t.Errorf("got %s, want %s", got, want)
	}
}
