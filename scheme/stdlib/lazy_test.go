package stdlib_test

import (
	"context"
	"io"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/tlsport/tlsport/scheme"
	"github.com/tlsport/tlsport/scheme/schemetest"
	"github.com/tlsport/tlsport/scheme/stdlib"
)

// sameValue reports whether a (from one interpreter) and b (from another)
// are the same binding: the same row's procedure (or, for the procedures
// of a record type a library source defines, which each interpreter makes
// anew, of the same name), closures of the same name, the same constant,
// or both unbound (or syntax).
func sameValue(a, b scheme.Value) bool {
	if a == nil || b == nil {
		return a == nil && b == nil
	}
	switch a := a.(type) {
	case *scheme.Primitive:
		b, ok := b.(*scheme.Primitive)
		return ok && (a.Proc == b.Proc || a.Lib == "" && b.Lib == "" && a.Proc.Name == b.Proc.Name)
	case *scheme.Closure, *scheme.Parameter:
		return a.TypeName() == b.TypeName() && scheme.WriteString(a) == scheme.WriteString(b)
	}
	return a == b || (a.TypeName() == b.TypeName() && scheme.WriteString(a) == scheme.WriteString(b))
}

// TestLazyMatchesEager checks that an interpreter whose library sources
// and boot code load on first use binds every global name as one made
// WithEagerLoading: the same names for completion (but for the sources'
// %-helpers, bound once their source is loaded), each resolving to the
// same procedure, constant or syntax when it is first looked up.
func TestLazyMatchesEager(t *testing.T) {
	eager := stdlib.New(scheme.WithEagerLoading())
	lazy := stdlib.New()
	names := eager.GlobalNames()
	lazyNames := lazy.GlobalNames()
	for _, n := range names {
		if !strings.HasPrefix(n, "%") && !slices.Contains(lazyNames, n) {
			t.Errorf("%s: a global of the eager interpreter, not among the lazy one's names", n)
		}
	}
	for _, n := range lazyNames {
		if !slices.Contains(names, n) {
			t.Errorf("%s: among the lazy interpreter's names, not a global of the eager one", n)
		}
	}
	for _, n := range names {
		if strings.HasPrefix(n, "%") {
			continue
		}
		e, _ := eager.Lookup(n)
		l, _ := lazy.Lookup(n)
		if !sameValue(e, l) {
			t.Errorf("%s: lazy %s, eager %s", n, repr(l), repr(e))
		}
	}
	for _, n := range names { // every source is loaded now: the helpers too
		e, _ := eager.Lookup(n)
		l, _ := lazy.Lookup(n)
		if !sameValue(e, l) {
			t.Errorf("%s (all loaded): lazy %s, eager %s", n, repr(l), repr(e))
		}
	}
}

func repr(v scheme.Value) string {
	if v == nil {
		return "unbound or syntax"
	}
	return scheme.WriteString(v)
}

// TestLazyAccess checks each way a program first reaches a library whose
// Scheme source is not loaded yet: a bare global reference (procedure and
// syntax), an import, eval, a name the program defines itself, a second
// thread, and several goroutines at once; each sees what an interpreter
// made WithEagerLoading sees.
func TestLazyAccess(t *testing.T) {
	cases := []struct{ name, src, want string }{
		{"global procedure", `(string-pad "1325" 4 #\space 1 3)`, `"  32"`},
		{"global core name the source extends", `(string-pad-right "abc" 5 #\* 1 3)`, `"bc***"`},
		{"import of a source's replacement after an import of the name", `(import (chicken base)) (import (srfi 13)) (string-pad "12345" 4 #\space 1 3)`, `"  23"`},
		{"global syntax", `((cut + 1 <>) 2)`, `3`},
		{"syntax of a source", `(and-let* ((x 1) (y (+ x 1))) (* x y))`, `2`},
		{"boot procedure", `(map + '(1 2) '(10 20))`, `(11 22)`},
		{"import", `(import (srfi 13)) (string-pad-right "ab" 3 #\*)`, `"ab*"`},
		{"import with prefix", `(import (prefix (srfi 1) s1:)) (s1:delete 3 '(1 3 2))`, `(1 2)`},
		{"import of a re-exporting library", `(import (only (chicken base) cut)) ((cut list 1 <>) 2)`, `(1 2)`},
		{"eval", `(eval '(string-index "abc" #\c))`, `2`},
		{"eval in an environment", `(eval '(vector-count even? #(1 2 4)) (environment '(scheme base) '(srfi 133)))`, `2`},
		{"module", `(module m (f) (import scheme (srfi 1)) (define (f) (iota 3))) (import m) (f)`, `(0 1 2)`},
		{"import after redefining", `(define (fold . x) 'mine) (import (prefix (srfi 1) s1:)) (list (fold 1) (s1:fold + 0 '(1 2)))`, `(mine 3)`},
		{"own definition first", `(define (string-pad s n) 'mine) (list (string-pad "a" 3) (string-pad-right "a" 2))`, `(mine "a ")`},
		{"second thread", `(let ((t (make-thread (lambda () (string-join '("a" "b") "-"))))) (thread-start! t) (thread-join! t))`, `"a-b"`},
		{"char-set", `(char-set-contains? char-set:letter #\a)`, `#t`},
		{"import, then redefining", `(import (prefix (srfi 1) s1:)) (define (fold . x) 'mine) (list (fold 1) (s1:fold + 0 '(1 2)))`, `(mine 3)`},
		{"import, then redefining the name imported", `(import (srfi 1)) (define (g) (fold + 0 '(1 2))) (define (fold . x) 'mine) (list (fold 1) (g))`, `(mine mine)`},
		{"renamed import used in a procedure first", `(import (rename (srfi 1) (delete s1-delete))) (define (f) (s1-delete 3 '(1 3))) (f)`, `(1)`},
		{"set! of a procedure a source defines", `(set! string-pad-right 5) string-pad-right`, `5`},
		{"library body", `(define-library (l) (export f) (import (scheme base) (srfi 1)) (begin (define (f) (iota 2)))) (import (l)) (f)`, `(0 1)`},
		{"environment", `(eval '(list-index even? '(1 2)) (environment '(scheme base) '(srfi 1)))`, `1`},
		{"apply", `(apply string-pad-right '("ab" 3))`, `"ab "`},
		{"a library's procedure, not the boot code's", `(read-lines (open-input-string "a\nb\nc\n") 2)`, `("a" "b")`},
		{"a bound name a source lists", `(list->vector '(1 2))`, `#(1 2)`},
		{"a source's macro imported into a module", `(module m (f) (import scheme (only (chicken base) and-let*)) (define (f) (and-let* ((x 1)) x))) (import m) (f)`, `1`},
		{"a source's macro renamed at import", `(import (rename (chicken base) (cut my-cut))) ((my-cut + 1 <>) 2)`, `3`},
		{"a source's macro imported at the top level", `(import (chicken base)) ((cute list <> 2) 1)`, `(1 2)`},
		{"a source's macro in a library body", `(define-library (l2) (export g) (import (scheme base) (chicken base)) (begin (define (g) (and-let* ((y 2)) y)))) (import (l2)) (g)`, `2`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			for _, opts := range [][]scheme.Option{nil, {scheme.WithEagerLoading()}} {
				in := stdlib.New(append(opts, scheme.WithStdio(strings.NewReader(""), io.Discard, io.Discard))...)
				v, err := in.EvalString(context.Background(), c.src)
				if err != nil {
					t.Fatalf("%s (eager %v): %v", c.src, opts != nil, err)
				}
				if got := scheme.WriteString(v); got != c.want {
					t.Errorf("%s (eager %v) = %s, want %s", c.src, opts != nil, got, c.want)
				}
			}
		})
	}
}

// TestLazyAtRun checks that a reference to a procedure a library source
// defines evaluates the source when the reference first runs, not when
// it is compiled: a program that only mentions SRFI-13's string-tabulate
// in a procedure it does not call reads no SRFI-13 source (its %-helpers
// stay unbound).
func TestLazyAtRun(t *testing.T) {
	in := stdlib.New(scheme.WithStdio(strings.NewReader(""), io.Discard, io.Discard))
	ctx := context.Background()
	if _, err := in.EvalString(ctx, `(define (f) (string-tabulate (lambda (i) #\a) 2))`); err != nil {
		t.Fatal(err)
	}
	const helper = "%s13-map-range!" // a helper srfi13.scm defines
	if _, ok := in.Lookup(helper); ok {
		t.Fatalf("%s bound after compiling a reference to string-tabulate: the source was evaluated", helper)
	}
	v, err := in.EvalString(ctx, `(f)`)
	if err != nil || scheme.WriteString(v) != `"aa"` {
		t.Fatalf("(f) = %v, %v", v, err)
	}
	if _, ok := in.Lookup(helper); !ok {
		t.Fatalf("%s unbound after calling string-tabulate", helper)
	}
}

// TestLazyConcurrent checks that goroutines first using the same library
// source at once all see it loaded once and whole (run with -race).
func TestLazyConcurrent(t *testing.T) {
	in := stdlib.New(scheme.WithStdio(strings.NewReader(""), io.Discard, io.Discard))
	srcs := []string{`(string-pad "7" 3 #\0)`, `(string-index "xyz" #\z)`, `(list-index even? '(1 3 4))`, `((cut string-append "a" <>) "b")`,
		`(vector-index odd? #(2 5))`, `(and-let* ((x "s")) (string-pad-right x 2 #\* 0 1))`}
	want := []string{`"007"`, `2`, `2`, `"ab"`, `1`, `"s*"`}
	var wg sync.WaitGroup
	for i := range 12 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			j := i % len(srcs)
			v, err := in.EvalString(context.Background(), srcs[j])
			if err != nil {
				t.Errorf("%s: %v", srcs[j], err)
				return
			}
			if got := scheme.WriteString(v); got != want[j] {
				t.Errorf("%s = %s, want %s", srcs[j], got, want[j])
			}
		}()
	}
	wg.Wait()
}

// TestLazySourceNames checks that each library source defines, besides
// %-helpers, only names its library exports: its rows without Fn are the
// names whose first use loads it, so a name defined but not exported would
// be unbound until some other name loaded the source.
func TestLazySourceNames(t *testing.T) {
	for _, lib := range stdlib.Libraries() {
		if lib.Source == nil {
			continue
		}
		in := scheme.New(scheme.WithStdio(strings.NewReader(""), io.Discard, io.Discard))
		before := in.GlobalNames()
		in = scheme.New(scheme.WithLibraries(lib), scheme.WithStdio(strings.NewReader(""), io.Discard, io.Discard))
		declared := schemetest.Exports(lib)
		for i := range lib.Procs { // load the source
			in.Lookup(lib.Procs[i].Name)
		}
		for _, n := range in.GlobalNames() {
			if !declared[n] && !strings.HasPrefix(n, "%") && !slices.Contains(before, n) {
				t.Errorf("%s: its source defines %s, not a row of the library", lib.Name, n)
			}
		}
	}
}
