package scheme

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"
)

func addSeeds(f *testing.F) {
	for _, s := range []string{
		"(+ 1 2)", "'(a . b)", "#(1 2 #\\a)", "#u8(1 2 255)", "\"a\\x41;b\"", "#|c|# x", "#;(a) b",
		"#0=(a . #0#)", "(define (f #!optional (x 1) #!key y) (list x y)) (f 2 y: 3)", "`(1 ,@(list 2) ,(+ 1 2))",
		"(let loop ((i 0)) (if (< i 10) (loop (+ i 1)) i))", "(call/cc (lambda (k) (k 1)))", "#!eof", "#!default",
		"(guard (e (#t e)) (raise 'x))", "(define-syntax m (syntax-rules () ((_ a ...) (list a ...)))) (m 1 2)",
		"(", ")", "#\\", "\"unterminated", "#|", "(1 . )", "#z", "verify?: #f", ":k #:k k:",
		"#<<E\nx\nE\n", "#<#E\n#(+ 1 2) #{x} ##\nE", "#${ab cd}", "#+chicken 1", "#cs(A #ciB)", "\"\\u00e9\\101\\x41\"",
		"[a {b}]", "(1 #! c\n2)", "#1^x", "#,(f 1)",
		"(let-syntax ((m (syntax-rules () ((_) 1)))) (define z (m))) z", "(define (f a :key (b 2) :allow-other-keys) b) (f 1 :c 3)",
		"(library (l) (export f) (import (scheme base)) (define (f) (m)) (define-syntax m (syntax-rules () ((_) 1))))",
		"(let-syntax ((g (lambda (s) (syntax-case s () ((_) #'(g)))))) 1)", "#!r6rs (quote :a)",
	} {
		f.Add(s)
	}
}

// FuzzRead checks that the reader never panics or hangs.
func FuzzRead(f *testing.F) {
	addSeeds(f)
	f.Fuzz(func(t *testing.T, src string) {
		_, _ = readAll(src, "fuzz", map[*Pair]Pos{})
	})
}

// FuzzReadString checks that reading a string, whose reader steps back
// by offset (see reader.back) and takes tokens as slices of it, reads the
// same data, with the same positions and errors, as reading the same text
// through an io.RuneScanner.
func FuzzReadString(f *testing.F) {
	addSeeds(f)
	f.Fuzz(func(t *testing.T, src string) {
		pa, pb := map[*Pair]Pos{}, map[*Pair]Pos{}
		a, errA := readAll(src, "fuzz", pa)
		r := newReader(strings.NewReader(src), "fuzz", pb)
		var b []Value
		var errB error
		for {
			v, err := r.read()
			if err != nil {
				errB = err
				break
			}
			if v == EOF {
				break
			}
			b = append(b, v)
		}
		if (errA == nil) != (errB == nil) || errA != nil && errA.Error() != errB.Error() {
			t.Fatalf("%q: errors %v and %v", src, errA, errB)
		}
		if len(a) != len(b) {
			t.Fatalf("%q: %d and %d data", src, len(a), len(b))
		}
		for i := range a {
			if wa, wb := WriteString(a[i]), WriteString(b[i]); wa != wb {
				t.Fatalf("%q: datum %d is %s and %s", src, i, wa, wb)
			}
			if p, ok := a[i].(*Pair); ok && pa[p] != pb[b[i].(*Pair)] {
				t.Fatalf("%q: datum %d at %v and %v", src, i, pa[p], pb[b[i].(*Pair)])
			}
		}
	})
}

// FuzzEval evaluates read data with a deadline; it must never panic, end
// with an internal error (a Go panic the interpreter caught) or run on
// past its deadline.
func FuzzEval(f *testing.F) {
	addSeeds(f)
	in := New()
	f.Fuzz(func(t *testing.T, src string) {
		// skip what may block outside the context (stdin, files) or
		// allocate without bound; the reader and evaluator are the target
		for _, bad := range []string{"thread", "exit", "load", "include", "open", "read", "expt", "make-",
			"sleep", "mutex", "condition-variable", "file", "string-pad", "iota", "list-tabulate"} {
			if strings.Contains(src, bad) {
				return
			}
		}
		if len(src) > 2000 {
			return
		}
		ctx, cancel := context.WithTimeout(context.Background(), 200*time.Millisecond)
		defer cancel()
		// An evaluation must end soon after its deadline: one still
		// running 5 s later ignores its context (a panic here makes the
		// fuzzer keep the input).
		hang := time.AfterFunc(5*time.Second, func() { panic(fmt.Sprintf("evaluation of %q ignores its deadline", src)) })
		defer hang.Stop()
		if _, err := in.EvalString(ctx, src); err != nil && strings.Contains(err.Error(), "internal error") {
			t.Fatalf("%q: %v", src, err)
		}
	})
}
