//go:build linux

package all

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/tlsport/tlsport/scheme"
	"github.com/tlsport/tlsport/scheme/stdlib"
)

// oddArgs are the arguments TestOddArguments passes: every kind of value,
// empty and odd ones among them.
const oddArgs = `(import (srfi 18))
(list 0 -1 1.5 (expt 2 70) 2000000000 -5000000000 -1/2 +nan.0 -0.0 1e308 "" "abc" "é\x0;λ" 'a '|| #:k
  '() '(1 2) '(1 . 2) '((a . 1)) '("a" "b") #f #t #\a #\x0
  (vector) (vector 1 2) (bytevector) (bytevector 1 2) (eof-object) car (lambda () 1) (lambda args 1)
  (make-parameter 1) (open-input-string "x") (let ((p (open-input-string "x"))) (close-port p) p)
  (current-output-port) (make-hash-table) (delay 1) (make-mutex) (make-thread (lambda () 1))
  (make-condition-variable) (make-property-condition 'odd 'a 1) #!default)`

// skipOdd names the procedures TestOddArguments does not call: they end,
// replace or signal processes, change the test process's directory, user
// or environment, or wait for a time they are given.
var skipOdd = []string{"exit", "process", "system", "signal", "kill", "exec", "fork", "chroot", "root-directory",
	"change-directory", "current-directory", "user-id", "group-id", "create-session", "environment-variable",
	"sleep", "set-finalizer!", "on-exit", "exit-handler"}

// TestOddArguments calls every procedure of every library with each odd
// argument alone, in pairs and in threes, within a time limit. Each call
// must return or raise a Scheme condition naming what was wrong: a Go
// panic inside a procedure (which the evaluator reports as an "internal
// error") or a call that outlives its limit is a failure, and a size of
// 2,000,000,000 must be refused under a 1 GiB allocation bound
// (scheme.SetMaxAllocation), not end the test with "out of memory".
func TestOddArguments(t *testing.T) {
	if testing.Short() {
		t.Skip("-short")
	}
	scratchDir(t)
	scratchStdin(t)
	scheme.SetMaxAllocation(1 << 30)
	defer scheme.SetMaxAllocation(0)
	in := oddInterp(t)
	v, err := in.EvalString(context.Background(), oddArgs)
	if err != nil {
		t.Fatal(err)
	}
	pool, _ := scheme.ListToSlice(v)
	var calls [][]scheme.Value
	calls = append(calls, nil)
	for i, a := range pool {
		b, c := pool[(i+1)%len(pool)], pool[(i+5)%len(pool)]
		calls = append(calls, []scheme.Value{a}, []scheme.Value{a, a}, []scheme.Value{a, b}, []scheme.Value{b, a, c}, []scheme.Value{a, a, a})
	}
	n := 0
	for _, lib := range in.Libraries() {
	procs:
		for i := range lib.Procs {
			p := &lib.Procs[i]
			if p.Fn == nil || p.IsSyntax() {
				continue
			}
			for _, s := range skipOdd {
				if strings.Contains(p.Name, s) {
					continue procs
				}
			}
			prim := scheme.NewPrimitive(lib, p)
			for _, args := range append(calls, keyCalls(p.Params(), pool)...) {
				call := fmt.Sprintf("%s %s %s", lib.Name, p.Name, writeArgs(args))
				n++
				if !tryOdd(t, call, func(ctx context.Context) error { _, err := in.Apply(ctx, prim, args...); return err }) {
					continue procs
				}
			}
		}
	}
	if n < 10000 {
		t.Errorf("only %d calls made", n)
	}
	t.Logf("%d calls", n)
}

// keyCalls are the calls of a procedure with keyword parameters: its
// required arguments from the pool, then each keyword with each value.
func keyCalls(ps scheme.Params, pool []scheme.Value) [][]scheme.Value {
	var out [][]scheme.Value
	for _, k := range ps.Keys {
		for i, v := range pool {
			var args []scheme.Value
			for j := range ps.Required {
				args = append(args, pool[(i+j)%len(pool)])
			}
			out = append(out, append(args, scheme.InternKeyword(k), v))
		}
	}
	return out
}

// tryOdd runs one odd call with a 2 s limit. It reports a call that
// outlives the limit, and returns false after reporting a Go panic inside
// the call (an "internal error" condition). A call still running after a
// minute ends the test binary with its name.
func tryOdd(t *testing.T, call string, run func(ctx context.Context) error) bool {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	start := time.Now()
	hang := time.AfterFunc(time.Minute, func() { panic(call + ": hangs despite its 2 s limit") })
	err := run(ctx)
	hang.Stop()
	var serr *scheme.Error
	switch {
	case time.Since(start) > 5*time.Second:
		t.Errorf("%s: took %v despite its 2 s limit", call, time.Since(start))
	case errors.As(err, &serr) && strings.Contains(serr.Error(), "internal error"):
		t.Errorf("%s: %v", call, firstLine(serr.Error()))
		return false
	}
	return true
}

// scratchStdin makes file descriptor 0 a scratch file for the test: 0 is
// in the pool, and the procedures taking a descriptor (file-close,
// set-file-permissions!, file-truncate …) would otherwise act on the test
// process's own standard input, often /dev/null (chmod 0 of /dev/null
// breaks the whole machine).
func scratchStdin(t *testing.T) {
	f, err := os.Create(filepath.Join(t.TempDir(), "fd0"))
	if err != nil {
		t.Fatal(err)
	}
	saved, err := syscall.Dup(0)
	if err != nil {
		t.Fatal(err)
	}
	if err := syscall.Dup3(int(f.Fd()), 0, 0); err != nil {
		t.Fatal(err)
	}
	f.Close()
	t.Cleanup(func() {
		_ = syscall.Dup3(saved, 0, 0)
		syscall.Close(saved)
	})
}

// scratchDir makes a directory removed after the test both the working
// directory and $TMPDIR, so anything a call creates (open-output-file,
// create-temporary-file …) goes there.
func scratchDir(t *testing.T) {
	d := t.TempDir()
	t.Chdir(d)
	t.Setenv("TMPDIR", d)
}

// oddInterp returns an interpreter with every library, reading an empty
// standard input and writing nowhere, closed at the end of the test.
func oddInterp(t *testing.T) *scheme.Interp {
	in := stdlib.New(scheme.WithStdio(strings.NewReader(""), io.Discard, io.Discard), scheme.WithExitHandler(func(int) {}))
	if err := Register(in); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { in.Close() })
	return in
}

func writeArgs(args []scheme.Value) string {
	var b strings.Builder
	b.WriteString("(")
	for i, a := range args {
		if i > 0 {
			b.WriteString(" ")
		}
		b.WriteString(scheme.WriteString(a))
	}
	return b.String() + ")"
}

func firstLine(s string) string {
	s, _, _ = strings.Cut(s, "\n")
	return s
}

// oddShapes are the operand lists TestOddSyntax gives each keyword.
var oddShapes = []string{"", "1", "x", "()", "(x)", "((x))", "((x 1))", "((x 1) (y))", "(x . 1)", "x 1", "(x) 1",
	"((x)) x", "() ()", "(1 2) (3)", "#(1)", `"s"`, "(else)", "((else 1))", "x (x) ((x))", "(lambda)", "(define)",
	"...", "(...)", "_ _", "(x ...) (x ...)", "#f #f #f #f", "(x y) (x)", "x ()", "(x) (y) (z)", "((x y) 1) x",
	"#0=(x . #0#)", "(x #1=(y . #1#))", "(1 . 2) . 3"}

// TestOddSyntax uses every syntax keyword bound in an interpreter with
// all libraries with operands of odd shapes, in an interpreter of its own
// per keyword (a form such as (define (lambda)) changes what the next
// ones mean). Each form must expand and run or raise a condition: a Go
// panic (an "internal error"), a crash of the expander or a form
// outliving its time limit is a failure.
func TestOddSyntax(t *testing.T) {
	if testing.Short() {
		t.Skip("-short")
	}
	scratchDir(t)
	scratchStdin(t)
	scheme.SetMaxAllocation(1 << 30)
	defer scheme.SetMaxAllocation(0)
	in := oddInterp(t)
	n := 0
names:
	for _, name := range in.GlobalNames() {
		if v, ok := in.Lookup(name); ok {
			switch v.(type) {
			case *scheme.Primitive, *scheme.Closure:
				continue // procedures: TestOddArguments
			}
		}
		for _, s := range skipOdd {
			if strings.Contains(name, s) {
				continue names
			}
		}
		kin := oddInterp(t)
		for _, shape := range oddShapes {
			src := "(" + name + " " + shape + ")"
			n++
			if !tryOdd(t, src, func(ctx context.Context) error { _, err := kin.EvalString(ctx, src); return err }) {
				continue names
			}
		}
	}
	if n < 1000 {
		t.Errorf("only %d forms tried", n)
	}
	t.Logf("%d forms", n)
}
