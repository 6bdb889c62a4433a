package scheme

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"
)

// Calls not in tail position run their callee directly (Thread.drive);
// these check what must not change: the stack trace of an error, the
// recursion limit and interruption. scheme/testdata/direct-calls.scm has
// the continuation and handler cases.

// stackOf evaluates src (file "st.scm"), which must fail, and returns its
// call stack as "name@line:col" entries, innermost first.
func stackOf(t *testing.T, src string) []string {
	t.Helper()
	_, err := New().EvalSource(context.Background(), src, "st.scm")
	var se *Error
	if !errors.As(err, &se) {
		t.Fatalf("got %v, want a Scheme error", err)
	}
	var out []string
	for _, f := range se.Stack {
		out = append(out, fmt.Sprintf("%s@%d:%d", f.Name, f.Pos.Line, f.Pos.Col))
	}
	return out
}

func TestDirectCallStack(t *testing.T) {
	tests := []struct {
		name, src string
		want      []string
	}{
		{"nested arguments", "(define (f x)\n  (car x))\n(define (g y) (list 1 (f y)))\n(define (h z) (vector (g z) 2))\n(h 5)\n",
			[]string{"car@2:3", "list@3:15", "vector@4:15"}},
		{"two pending calls in one body", "(define (f x) (car x))\n(define (g y) (list (vector (f y))))\n(g 5)\n",
			[]string{"car@1:15", "vector@2:21", "list@2:15"}},
		// a call whose closure argument has returned is not pending
		{"argument returned", "(define (f x) x)\n(define (g y) (list (f y) (car y)))\n(g 5)\n",
			[]string{"car@2:27"}},
		// a tail call leaves no pending call
		{"tail call", "(define (f x) (car x))\n(define (g y) (f y))\n(list (g 5))\n",
			[]string{"car@1:15", "list@3:1"}},
		// deeper than the direct calls go: heap frames and direct calls
		// interleave; the trace keeps its 30 innermost entries
		{"deep", "(define (d n)\n  (if (= n 0) (car n) (list (d (- n 1)))))\n(d 250)\n",
			append([]string{"car@2:15"}, strings.Split(strings.Repeat("list@2:23 ", 29), " ")[:29]...)},
		// deeper than the frames cut from chunks start (1,024 levels)
		{"deeper than chunks", "(define (d n)\n  (if (= n 0) (car n) (list (d (- n 1)))))\n(d 3000)\n",
			append([]string{"car@2:15"}, strings.Split(strings.Repeat("list@2:23 ", 29), " ")[:29]...)},
		{"deeper than chunks, open-coded", "(define (d n)\n  (if (= n 0) (car n) (+ 1 (d (- n 1)))))\n(d 3000)\n",
			append([]string{"car@2:15"}, strings.Split(strings.Repeat("+@2:23 ", 29), " ")[:29]...)},
		// through a nested run (a primitive calling a Scheme procedure)
		{"nested run", "(define (f x) (car x))\n(define (g y z) (list (f y)))\n(define (h) (vector (member 5 '(1) g)))\n(h)\n",
			[]string{"car@1:15", "list@2:17"}},
		{"nested run in a pending call", "(define (f x) (car x))\n(define (g y z) (list (f y)))\n(define (k) (member 5 '(1) g))\n(define (h) (vector (k)))\n(h)\n",
			[]string{"car@1:15", "list@2:17", "vector@4:13"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := stackOf(t, tt.src)
			if strings.Join(got, " ") != strings.Join(tt.want, " ") {
				t.Errorf("stack\n got %v\nwant %v", got, tt.want)
			}
		})
	}
}

func TestDirectCallLimits(t *testing.T) {
	// the recursion limit counts the calls pending in arguments too
	in := New(WithMaxDepth(10000))
	for _, src := range []string{
		"(define (d n) (if (= n 0) 0 (list (d (- n 1))))) (d 100000)",
		"(define (d n) (if (= n 0) 0 (let ((x (d (- n 1)))) x))) (d 100000)",
	} {
		_, err := in.EvalString(context.Background(), src)
		if err == nil || !strings.Contains(err.Error(), "recursion too deep") {
			t.Errorf("%s: got %v", src, err)
		}
	}
	if v := evalT(t, in, "(define (d n) (if (= n 0) 0 (+ 1 (d (- n 1))))) (d 9000)"); v != Value(Fixnum(9000)) {
		t.Errorf("d 9000 = %s", WriteString(v))
	}
}

func TestDirectCallInterrupt(t *testing.T) {
	testInterrupted(t, []string{
		// an endless loop inside an argument
		"(define (h) (let loop () (loop))) (define (g) (+ 1 (h))) (g)",
		// endless, never deeper than 20 calls, all of them direct
		"(define (spin n) (if (< n 20) (+ 1 (spin (+ n 1))) (spin 0))) (spin 0)",
		// an endless loop that reuses its env, at the top and in an argument
		"(let loop ((i 0)) (loop (+ i 1)))",
		"(define (f) (let loop ((i 0)) (loop (+ i 1)))) (list (f))",
		// the same with its self call inside a let
		"(define (f) (let loop ((i 0)) (let ((j (+ i 1))) (loop j)))) (list (f))",
		// fused loops (loopNode): a test and a step, a primitive call in
		// the round, a let and eof-object?
		"(define (f) (let loop ((i 0)) (if (>= i 0) (loop (+ i 1)) i))) (list (f))",
		"(define v (vector 0)) (define (f) (let loop ((i 0)) (when (> i -1) (vector-set! v 0 i) (loop (+ i 1))))) (f)",
		"(define (f) (let loop ((i 0)) (let ((j (+ i 1))) (if (eof-object? j) 0 (loop j))))) (list (f))",
	})
}

// testInterrupted checks that each of srcs, an endless program, is
// interrupted by its context's deadline, and that the interpreter is
// usable after.
func testInterrupted(t *testing.T, srcs []string) {
	t.Helper()
	for _, src := range srcs {
		in := New()
		ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
		_, err := in.EvalString(ctx, src)
		cancel()
		if err == nil || !strings.Contains(err.Error(), "interrupted") || !errors.Is(err, context.DeadlineExceeded) {
			t.Errorf("%s: got %v", src, err)
		}
		if v := evalT(t, in, "(+ 1 2)"); v != Value(Fixnum(3)) {
			t.Errorf("interp unusable after cancel: %v", v)
		}
	}
}
