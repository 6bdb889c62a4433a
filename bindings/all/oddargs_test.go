package all

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"
	"testing"
	"time"

	"github.com/tlsport/tlsport/scheme"
	"github.com/tlsport/tlsport/scheme/stdlib"
)

// oddArgs are the arguments TestOddArguments passes: every kind of value,
// empty and odd ones among them.
const oddArgs = `(list 0 -1 1.5 (expt 2 70) 2000000000 -1/2 +nan.0 "" "abc" 'a '() '(1 2) '(1 . 2) #f #t #\a
  (vector) (vector 1 2) (bytevector) (bytevector 1 2) (eof-object) car (make-parameter 1)
  (open-input-string "x") (current-output-port) (make-hash-table) (delay 1) #!default)`

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
	t.Chdir(t.TempDir()) // anything a call creates goes there
	scheme.SetMaxAllocation(1 << 30)
	defer scheme.SetMaxAllocation(0)
	in := stdlib.New(scheme.WithStdio(strings.NewReader(""), io.Discard, io.Discard), scheme.WithExitHandler(func(int) {}))
	if err := Register(in); err != nil {
		t.Fatal(err)
	}
	defer in.Close()
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
			for _, args := range calls {
				ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
				start := time.Now()
				call := fmt.Sprintf("%s %s %s", lib.Name, p.Name, writeArgs(args))
				hang := time.AfterFunc(time.Minute, func() { panic(call + ": hangs despite its 2 s limit") })
				_, err := in.Apply(ctx, prim, args...)
				hang.Stop()
				cancel()
				n++
				var serr *scheme.Error
				switch {
				case time.Since(start) > 5*time.Second:
					t.Errorf("%s: took %v despite its 2 s limit", call, time.Since(start))
				case errors.As(err, &serr) && strings.Contains(serr.Error(), "internal error"):
					t.Errorf("%s: %v", call, firstLine(serr.Error()))
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
