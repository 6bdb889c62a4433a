package scheme_test

import (
	"context"
	"strings"
	"testing"

	"github.com/tlsport/tlsport/scheme"
)

// TestSRFI17Core checks SRFI 17's generalized set! in an interpreter with
// the core only (scheme.New, no (chicken base)): (set! (proc arg ...) v)
// is ((setter proc) arg ... v), with the setters the CHICKEN manual's
// "Module (chicken base)" documents: the standard accessors', those given
// to getter-with-setter, changeable by (set! (setter proc) new).
func TestSRFI17Core(t *testing.T) {
	tests := []struct{ name, src, want string }{
		{"car", `(let ((p (cons 1 2))) (set! (car p) 10) p)`, "(10 . 2)"},
		{"cdr", `(let ((p (cons 1 2))) (set! (cdr p) 20) p)`, "(1 . 20)"},
		{"vector-ref", `(let ((v (vector 1 2 3))) (set! (vector-ref v (+ 0 1)) 'x) v)`, "#(1 x 3)"},
		{"string-ref", `(let ((s (string #\a #\b))) (set! (string-ref s 0) #\z) s)`, `"zb"`},
		{"setter of car", `(eq? (setter car) set-car!)`, "#t"},
		{"getter-with-setter", `(let* ((box (vector 0))
		    (get (getter-with-setter (lambda () (vector-ref box 0)) (lambda (v) (vector-set! box 0 v)))))
		  (set! (get) 6) (list (get) (vector-ref box 0)))`, "(6 6)"},
		{"set! of setter", `(let* ((log '())
		    (get (getter-with-setter (lambda () 1) (lambda (v) (set! log (cons 'old log))))))
		  (set! (setter get) (lambda (v) (set! log (cons v log))))
		  (set! (get) 'new)
		  log)`, "(new)"},
		{"shadowed setter", `(let ((setter (lambda (p) (error "not this one"))) (p (cons 1 2))) (set! (car p) 3) p)`, "(3 . 2)"},
		{"define-record-type (setter proc)", `(begin (define-record-type cell (make-cell v) cell? (v cell-v (setter cell-v)))
		  (let ((c (make-cell 1))) (set! (cell-v c) 2) (cell-v c)))`, "2"},
		{"in a library importing (scheme base) only", `(begin
		  (define-library (srfi17 test) (import (scheme base)) (export f) (begin (define (f p) (set! (car p) 1) p)))
		  (import (srfi17 test))
		  (f (cons 0 0)))`, "(1 . 0)"},
		{"import (srfi 17)", `(begin (import (srfi 17)) (procedure? getter-with-setter))`, "#t"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			in := scheme.New()
			v, err := in.EvalString(context.Background(), tc.src)
			if err != nil {
				t.Fatalf("%s: %v", tc.src, err)
			}
			if got := scheme.WriteString(v); got != tc.want {
				t.Errorf("%s = %s, want %s", tc.src, got, tc.want)
			}
		})
	}
	errs := []struct{ name, src, want string }{
		{"no setter", `(setter (lambda () 1))`, "procedure has no setter"},
		{"set! with no setter", `(let ((f (lambda (x) x))) (set! (f 1) 2))`, "procedure has no setter"},
		{"set! of the setter of a plain procedure", `(let ((f (lambda (x) x))) (set! (setter f) f))`, "not made by getter-with-setter"},
	}
	for _, tc := range errs {
		t.Run(tc.name, func(t *testing.T) {
			_, err := scheme.New().EvalString(context.Background(), tc.src)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("%s: error %v, want one containing %q", tc.src, err, tc.want)
			}
		})
	}
}
