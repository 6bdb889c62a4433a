package scheme

import (
	"context"
	"errors"
	"strings"
	"testing"
)

// receivePrelude defines the producers of TestReceiveForms.
const receivePrelude = `
(define (p k) (case k ((0) (values)) ((1) (values 1)) ((2) (values 1 2)) (else (values 1 2 3))))
(define (chain n k) (if (= n 0) (p k) (chain (- n 1) k)))
(define (deep n k)
  (if (= n 0) (p k) (let ((r (call-with-values (lambda () (deep (- n 1) k)) list))) (apply values r))))
`

// receiveProducers are expressions giving zero to three values, one
// value not from values, or an error, in every way the expression of a
// receive can: a primitive, a Scheme procedure (run directly, through a
// tail call chain, past the direct calls' depth), apply, call/cc,
// dynamic-wind, guard, the forms that pass a value on, a body with
// definitions, a nested receive.
var receiveProducers = []string{
	"(values)", "(values 1)", "(values 1 2)", "(values 1 2 3)", "5",
	"(p 0)", "(p 1)", "(p 2)", "(p 3)",
	"(floor/ 17 5)", "(exact-integer-sqrt 17)",
	"(apply values '(1 2))", "(apply values '())", "(apply p '(3))",
	"(chain 10 2)", "(chain 10 0)", "(chain 10 3)",
	"(deep 3000 2)", "(deep 3000 0)", "(deep 3000 1)",
	"(call/cc (lambda (k) (k 1 2)))", "(call/cc (lambda (k) (values 1 2)))", "(call/cc (lambda (k) (k)))",
	"(call/cc (lambda (k) (k 1)))", "(call-with-current-continuation (lambda (k) (p 3)))",
	"(dynamic-wind (lambda () #f) (lambda () (values 1 2)) (lambda () #f))",
	"(guard (e (#t (values 1 2))) (raise 'x))", "(guard (e (#t 0)) (p 2))",
	"(if (p 1) (values 1 2) 0)", "(let ((x 1)) (values x 2))", "(let* ((x 1) (y (p 2))) (values x y))",
	"(letrec ((f (lambda () (p 2)))) (f))", "(begin (p 2) (values 1 2 3))",
	"(cond ((p 1) => (lambda (x) (values x 2))))", "(and #t (p 2))", "(or #f (p 3))", "(when #t (p 2))",
	"(case 1 ((1) (p 2)))", "(begin (define x 7) (values x 2))",
	"(receive (x y) (values 1 2) (values y x))", "(let-values (((x y) (p 2))) (p 3))",
	"(let loop ((i 0)) (if (< i 3) (loop (+ i 1)) (values i 2)))", "((lambda () (values 1 2)))",
	"(call-with-values (lambda () (values 1 2)) values)", "(car (map (lambda (x) x) (list 9)))",
	"(vector-ref (vector 1) 5)", "(raise 'oops)",
}

// receiveFormals are the formals of TestReceiveForms with the expression
// listing their variables.
var receiveFormals = []struct{ formals, vars string }{
	{"(a b)", "(list a b)"}, {"(a)", "(list a)"}, {"()", "(list)"},
	{"(a . r)", "(list a r)"}, {"r", "(list r)"}, {"(a b . r)", "(list a b r)"},
}

// receiveForms bind formals F to the values of P and evaluate V: each
// form, in a body, a procedure called directly, a loop's last round.
var receiveForms = []string{
	"(receive F P V)",
	"(call-with-values (lambda () P) (lambda F V))",
	"(let ((f (lambda () (call-with-values (lambda () P) (lambda F V))))) (f))",
	"(let-values ((F P)) V)",
	"(let-values (((z) (values 0)) (F P)) V)",
	"(let*-values (((z) 0) (F P)) V)",
	"(let () (define-values F P) V)",
	"((lambda () (define-values F P) V))",
	"(let ((f (lambda () (receive F P V)))) (list (f)))",
	"(let loop ((i 0)) (if (< i 2) (loop (+ i 1)) (let-values ((F P)) V)))",
	"(let ((f (lambda (x) (+ x 0)))) (f 1) (receive F P V))",
}

// outcome is the written value of src, or its error's summary and kinds.
func outcome(in *Interp, src string) string {
	v, err := in.EvalString(context.Background(), src)
	if err != nil {
		var se *Error
		if !errors.As(err, &se) {
			return "go error: " + err.Error()
		}
		var kinds []string
		if c, ok := se.Condition.(*Condition); ok {
			for _, k := range c.Kinds {
				kinds = append(kinds, k.Kind.Name)
			}
		}
		return "error: " + ConditionSummary(se.Condition) + " " + strings.Join(kinds, " ")
	}
	return WriteString(v)
}

// checkOutcome checks that src's outcome (see outcome) is want.
func checkOutcome(t *testing.T, in *Interp, src, want string) {
	t.Helper()
	if got := outcome(in, src); got != want {
		t.Errorf("%s\n got %s\nwant %s", src, got, want)
	}
}

// arityPrefix drops the irritant of an arity error: the consumer lambda,
// whose formals the forms write in their own ways (define-values and
// let-values rename them).
func arityPrefix(s string) string {
	if i := strings.Index(s, ": #<procedure"); i >= 0 && strings.Contains(s, "arity") {
		return s[:i]
	}
	return s
}

// TestReceiveForms gives every form every producer with every formals and
// compares the outcome with that of the builtin call-with-values applied
// to the lambdas: the same values bound, or the same error (message and
// kinds) for the wrong number of values.
func TestReceiveForms(t *testing.T) {
	in := New()
	if _, err := in.EvalString(context.Background(), receivePrelude); err != nil {
		t.Fatal(err)
	}
	repl := func(form, f, p, v string) string {
		return strings.NewReplacer("F", f, "P", p, "V", v).Replace(form)
	}
	for _, fv := range receiveFormals {
		for _, p := range receiveProducers {
			// the builtin applied (the call of a variable is not open-coded)
			want := outcome(in, repl("(let ((cwv call-with-values)) (cwv (lambda () P) (lambda F V)))", fv.formals, p, fv.vars))
			if strings.HasPrefix(want, "go error") {
				t.Fatalf("%s %s: %s", fv.formals, p, want)
			}
			for _, form := range receiveForms {
				src := repl(form, fv.formals, p, fv.vars)
				got := outcome(in, src)
				if strings.HasPrefix(form, "(let ((f (lambda () (receive") && !strings.HasPrefix(want, "error") {
					got = strings.TrimSuffix(strings.TrimPrefix(got, "("), ")")
				}
				if arityPrefix(got) != arityPrefix(want) {
					t.Errorf("%s\n got %s\nwant %s", src, got, want)
				}
			}
			// at top level
			got := outcome(in, repl("(define-values F P)", fv.formals, p, fv.vars))
			if !strings.HasPrefix(got, "error") {
				got = outcome(in, fv.vars)
			}
			if arityPrefix(got) != arityPrefix(want) {
				t.Errorf("(define-values %s %s) at top level\n got %s\nwant %s", fv.formals, p, got, want)
			}
		}
	}
}

// TestReceiveCases checks what the comparison with call-with-values
// cannot: the arity errors' text, continuations re-entered into the
// expression (a new env each time), dynamic-wind around it, several
// values where one is taken after an error left a receive's direct call,
// and loops that must not grow the continuation.
func TestReceiveCases(t *testing.T) {
	in := New(WithMaxDepth(2000))
	ctx := context.Background()
	if _, err := in.EvalString(ctx, `
(define (two) (values 1 2))
(define (boom) (vector-ref (vector) 0))
(define (caller) (receive (a b) (boom) a))
(define (h) (+ 1 (two)))
(define (after-error) (list (guard (e (#t 'caught)) (caller)) (+ 1 (two)) (h)))
(define saved #f)
(define (producer-k) (let ((r (call/cc (lambda (c) (set! saved c) 1)))) (values r (* r 2))))
(define (gen n) (values n (* n n)))`); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ src, want string }{
		{"(receive x (values) x)", "()"},
		{"(receive x 1 x)", "(1)"},
		{"(receive (a . r) 1 r)", "()"},
		{"(receive () (values) 'none)", "none"},
		{"(let-values (((a b) (values 1 2)) ((c) (values 3))) (let-values (((d e) (values a c))) (list a b c d e)))", "(1 2 3 1 3)"},
		{"(let ((a 1) (b 2)) (let-values (((a b) (values b a)) ((c) (values a))) (list a b c)))", "(2 1 1)"},
		{"(let ((a 1) (b 2)) (let*-values (((a b) (values b a)) ((c) (values a))) (list a b c)))", "(2 1 2)"},
		{"(receive (a b) (values 1 2 3) a)", "error: bad argument count - received 3 but expected 2: #<procedure (? a b)> exn arity"},
		{"(receive (a b) 1 a)", "error: bad argument count - received 1 but expected 2: #<procedure (? a b)> exn arity"},
		{"(receive (a b . c) (values 1) a)", "error: too few arguments - received 1 but expected 2: #<procedure (? a b . c)> exn arity"},
		{"(receive () 1 'x)", "error: bad argument count - received 1 but expected 0: #<procedure (?)> exn arity"},
		{"(let-values (((a b) (values 1 2 3))) a)", "error: bad argument count - received 3 but expected 2: #<procedure (? lv lv)> exn arity"},
		{"(let () (define-values (a b) (values 1 2 3)) a)", "error: bad argument count - received 3 but expected 2: #<procedure (? dv dv)> exn arity"},
		// #!optional formals: the procedure call
		{"(receive (a #!optional (b 5)) (values 1) (list a b))", "(1 5)"},
		// a continuation captured in the expression, re-entered three
		// times: the body runs again with the new values, each time in
		// a new env (the closures keep their own)
		{`(let ((k #f) (n 0) (out '()))
		   (receive (a b) (call/cc (lambda (c) (set! k c) (values 0 0)))
		     (set! out (cons (list a b) out)))
		   (set! n (+ n 1))
		   (if (< n 4) (k n (* n 10)))
		   (reverse out))`, "((0 0) (1 10) (2 20) (3 30))"},
		{`(let ((k #f) (n 0) (procs '()))
		   (let-values (((a b) (call/cc (lambda (c) (set! k c) (values 0 0)))))
		     (set! procs (cons (lambda () (list a b)) procs)))
		   (set! n (+ n 1))
		   (if (< n 4) (k n (* n 10)))
		   (map (lambda (p) (p)) (reverse procs)))`, "((0 0) (1 10) (2 20) (3 30))"},
		// captured inside a procedure the expression calls directly
		{`(let ((n 0) (out '()))
		   (receive (a b) (producer-k) (set! out (cons (list a b) out)))
		   (set! n (+ n 1))
		   (if (< n 3) (saved (+ n 1)))
		   (reverse out))`, "((1 2) (2 4) (3 6))"},
		// dynamic-wind around the expression, re-entered
		{`(let ((k #f) (n 0) (log '()))
		   (receive (a b) (dynamic-wind (lambda () (set! log (cons 'in log)))
		                                (lambda () (call/cc (lambda (c) (set! k c) (values 0 0))))
		                                (lambda () (set! log (cons 'out log))))
		     (set! log (cons (list a b) log)))
		   (set! n (+ n 1))
		   (if (< n 3) (k n n))
		   (reverse log))`, "(in out (0 0) in out (1 1) in out (2 2))"},
		// an error handler around the expression
		{"(with-exception-handler (lambda (e) 10) (lambda () (receive (a b) (values (raise-continuable 'c) 2) (list a b))))", "(10 2)"},
		{"(receive (a b) (with-exception-handler (lambda (e) 10) (lambda () (values (raise-continuable 'c) 2))) (list a b))", "(10 2)"},
		// an error in a receive's direct call leaves no caller taking
		// several values where it takes one
		{"(after-error)", "(caught 2 2)"},
		// loops: no frame is left behind per round
		{"(let loop ((i 0)) (if (< i 100000) (receive (a b) (gen i) (loop (+ a 1))) i))", "100000"},
		{"(let loop ((i 0) (s 0)) (if (< i 100000) (loop (+ i 1) (let-values (((q r) (floor/ i 7))) (+ s q r))) s))", "714535710"},
		{"(let loop ((i 0)) (if (< i 100000) (let-values (((a b) (call/cc (lambda (k) (k i i))))) (loop (+ b 1))) i))", "100000"},
		{"(let loop ((i 0)) (if (< i 100000) (let () (define-values (a . r) (values i 1 2)) (loop (+ a (car r)))) i))", "100000"},
		{"(do ((i 0 (+ i 1)) (s 0 (receive (a b) (gen i) (+ s b)))) ((= i 1000) s))", "332833500"},
	} {
		checkOutcome(t, in, tc.src, tc.want)
	}
}

// TestCallWithValuesRedefined: a call of call-with-values on lambdas,
// open-coded, calls whatever the global holds once it no longer holds the
// builtin, and the builtin again once it does.
func TestCallWithValuesRedefined(t *testing.T) {
	in := New()
	if _, err := in.EvalString(context.Background(), `
(define (g) (call-with-values (lambda () (values 1 2)) (lambda (a b) (list a b))))
(define saved call-with-values)`); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ src, want string }{
		{"(g)", "(1 2)"},
		{"(set! call-with-values (lambda (p c) (list 'mine (p) (c 3 4)))) (g)", "(mine 1 (3 4))"},
		{"(set! call-with-values saved) (g)", "(1 2)"},
		{"(define (h) (call-with-values (lambda () (values 1 2)) (lambda (a b) (+ a b)))) (h)", "3"},
	} {
		checkOutcome(t, in, tc.src, tc.want)
	}
}
