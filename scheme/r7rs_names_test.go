package scheme_test

import (
	"context"
	"strings"
	"testing"

	"github.com/tlsport/tlsport/scheme"
	"github.com/tlsport/tlsport/scheme/stdlib"
)

// r7rsSyntax maps every syntax keyword of R7RS-small to a use of it and the
// value written by write.
var r7rsSyntax = []struct{ name, use, want string }{
	{"and", "(and 1 2)", "2"},
	{"begin", "(begin 1 2)", "2"},
	{"case", "(case 3 ((1 2) 'low) ((3) => (lambda (x) (* x 2))) (else 'no))", "6"},
	{"=>", "(cond ((assv 2 '((1 . a) (2 . b))) => cdr) (else #f))", "b"},
	{"else", "(case 9 ((1) 'a) (else => (lambda (x) x)))", "9"},
	{"cond", "(cond (#f 1) (else 2))", "2"},
	{"cond-expand", "(cond-expand ((and r7rs (not foo)) 'yes) (else 'no))", "yes"},
	{"define", "(let () (define x 3) x)", "3"},
	{"define-record-type", "(let () (define-record-type p (mk a) p? (a pa)) (pa (mk 4)))", "4"},
	{"define-syntax", "(let () (define-syntax m (syntax-rules () ((_ x) (+ x 1)))) (m 4))", "5"},
	{"define-values", "(let () (define-values (a . b) (values 1 2 3)) (list a b))", "(1 (2 3))"},
	{"do", "(do ((i 0 (+ i 1)) (s 0 (+ s i))) ((= i 4) s))", "6"},
	{"guard", "(guard (e ((symbol? e) (list 'caught e))) (raise 'oops))", "(caught oops)"},
	{"if", "(if #f 1 2)", "2"},
	{"include", "(cond-expand (r7rs 'include))", "include"},
	{"include-ci", "(cond-expand (r7rs 'include-ci))", "include-ci"},
	{"lambda", "((lambda (x . r) (list x r)) 1 2 3)", "(1 (2 3))"},
	{"let", "(let loop ((i 0)) (if (< i 3) (loop (+ i 1)) i))", "3"},
	{"let*", "(let* ((x 1) (y (+ x 1))) y)", "2"},
	{"let*-values", "(let*-values (((a b) (values 1 2)) ((c) (values (+ a b)))) c)", "3"},
	{"let-syntax", "(let-syntax ((m (syntax-rules () ((_) 7)))) (m))", "7"},
	{"let-values", "(let-values (((a b) (values 1 2)) (c (values 3 4))) (list a b c))", "(1 2 (3 4))"},
	{"letrec", "(letrec ((ev? (lambda (n) (if (= n 0) #t (od? (- n 1))))) (od? (lambda (n) (if (= n 0) #f (ev? (- n 1)))))) (ev? 10))", "#t"},
	{"letrec*", "(letrec* ((a 1) (b (+ a 1))) b)", "2"},
	{"letrec-syntax", "(letrec-syntax ((m (syntax-rules () ((_) 8)))) (m))", "8"},
	{"or", "(or #f 3)", "3"},
	{"parameterize", "(let ((p (make-parameter 1 (lambda (x) (* x 10))))) (parameterize ((p 2)) (p)))", "20"},
	{"quasiquote", "`(1 ,(+ 1 1) ,@(list 3 4))", "(1 2 3 4)"},
	{"unquote", "(quasiquote (a (unquote (+ 1 2))))", "(a 3)"},
	{"unquote-splicing", "(quasiquote (a (unquote-splicing (list 1 2))))", "(a 1 2)"},
	{"quote", "(quote (a . b))", "(a . b)"},
	{"set!", "(let ((x 1)) (set! x 2) x)", "2"},
	{"syntax-error", "(let-syntax ((m (syntax-rules () ((_ a) a) ((_) (syntax-error \"no args\"))))) (m 5))", "5"},
	{"syntax-rules", "(let-syntax ((m (syntax-rules (=>) ((_ a => b) (list a b)) ((_ a ...) (list a ...))))) (list (m 1 => 2) (m 1 2 3)))", "((1 2) (1 2 3))"},
	{"...", "(let-syntax ((m (syntax-rules ::: () ((_ a :::) (list a :::))))) (m 1 2))", "(1 2)"},
	{"_", "(let-syntax ((m (syntax-rules () ((_ _ b) b)))) (m 1 2))", "2"},
	{"unless", "(unless #f 1 2)", "2"},
	{"when", "(when #t 1 2)", "2"},
	{"case-lambda", "(let ((f (case-lambda ((a) 1) ((a b) 2) ((a . r) 'n)))) (list (f 1) (f 1 2) (f 1 2 3)))", "(1 2 n)"},
	{"delay", "(force (delay (+ 1 2)))", "3"},
	{"delay-force", "(force (delay-force (delay 4)))", "4"},
}

func newR7RS(t *testing.T) *scheme.Interp {
	t.Helper()
	in := stdlib.New(scheme.WithStdio(strings.NewReader(""), &strings.Builder{}, &strings.Builder{}))
	t.Cleanup(func() { _ = in.Close() })
	return in
}

// r7rsAuxiliary are the auxiliary syntax of (scheme base), bound to
// nothing, and import, which the module tests cover.
var r7rsAuxiliary = map[string]bool{"_": true, "...": true, "=>": true, "else": true, "unquote": true, "unquote-splicing": true,
	"import": true}

// TestR7RSNamesBound checks every R7RS-small procedure of the export lists
// of Appendix A ([scheme.R7RSLibraryNames]) is bound by the core and the
// standard libraries, and every syntax keyword has a use in r7rsSyntax.
func TestR7RSNamesBound(t *testing.T) {
	in := newR7RS(t)
	syntax := map[string]bool{}
	for _, c := range r7rsSyntax {
		syntax[c.name] = true
	}
	for lib, names := range scheme.R7RSLibraryNames {
		for _, n := range names {
			if r7rsAuxiliary[n] || syntax[n] {
				continue
			}
			v, ok := in.Lookup(n)
			if !ok {
				t.Errorf("%s: %s is not bound", lib, n)
				continue
			}
			if n == "features" || strings.HasPrefix(n, "current-") && strings.HasSuffix(n, "-port") {
				continue
			}
			if !scheme.IsProcedure(v) {
				t.Errorf("%s: %s is bound to %s, not a procedure", lib, n, scheme.WriteString(v))
			}
		}
	}
}

// TestR7RSSyntax checks every R7RS-small syntax keyword by evaluating a use.
func TestR7RSSyntax(t *testing.T) {
	in := newR7RS(t)
	for _, c := range r7rsSyntax {
		v, err := in.EvalString(context.Background(), c.use)
		if err != nil {
			t.Errorf("%s: %s: %v", c.name, c.use, err)
			continue
		}
		if got := scheme.WriteString(v); got != c.want {
			t.Errorf("%s: %s = %s, want %s", c.name, c.use, got, c.want)
		}
	}
}

// TestR7RSImports checks (import …) of every standard library succeeds.
func TestR7RSImports(t *testing.T) {
	in := newR7RS(t)
	for lib := range scheme.R7RSLibraryNames {
		src := "(import " + lib + ") (import (only " + lib + "))"
		if _, err := in.EvalString(context.Background(), src); err != nil {
			t.Errorf("%s: %v", src, err)
		}
	}
}
