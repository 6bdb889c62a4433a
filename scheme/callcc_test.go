package scheme

import "testing"

// (call/cc (lambda (k) …)) is open-coded while the global holds the
// builtin (callccNode); scheme/testdata/continuations.scm has the
// semantics. These check what a script cannot: the global redefined after
// the code was compiled, and interrupting a loop made only of throws.

func TestCallccRedefined(t *testing.T) {
	in := New()
	evalT(t, in, "(define (f) (call/cc (lambda (k) (k 'builtin) 'not-here)))")
	if v := evalT(t, in, "(f)"); WriteString(v) != "builtin" {
		t.Fatalf("(f) = %s", WriteString(v))
	}
	// the same compiled code calls whatever the global holds now
	evalT(t, in, "(define saved call/cc) (set! call/cc (lambda (p) (list 'mine (procedure? p))))")
	if v := evalT(t, in, "(f)"); WriteString(v) != "(mine #t)" {
		t.Errorf("(f) with call/cc redefined = %s", WriteString(v))
	}
	evalT(t, in, "(set! call/cc saved)")
	if v := evalT(t, in, "(f)"); WriteString(v) != "builtin" {
		t.Errorf("(f) with call/cc restored = %s", WriteString(v))
	}
	// a global holding the builtin under another name is open-coded too
	if v := evalT(t, in, "(define my-cc call/cc) (+ 1 (my-cc (lambda (k) (* 5 (k 2)))))"); v != Value(Fixnum(3)) {
		t.Errorf("my-cc: %s", WriteString(v))
	}
}

func TestThrowLoopInterrupt(t *testing.T) {
	testInterrupted(t, []string{
		// each throw's value goes to a frame whose code throws again from
		// its procedure's tail: the trampoline never runs a node
		"(define k #f) (define (f) (let ((x (call/cc (lambda (c) (set! k c) 0)))) (k (+ x 1)))) (f)",
		// the same through another procedure's tail
		"(define k #f) (define (f) (let ((x (call/cc (lambda (c) (set! k c) 0)))) (g x))) (define (g x) (k (+ x 1))) (f)",
	})
}
