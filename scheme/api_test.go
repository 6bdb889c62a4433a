package scheme

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"
)

func evalT(t *testing.T, in *Interp, src string) Value {
	t.Helper()
	v, err := in.EvalString(context.Background(), src)
	if err != nil {
		t.Fatalf("%s: %v", src, err)
	}
	return v
}

var errTest = errors.New("test cause")

func TestRegisterAndCall(t *testing.T) {
	in := New()
	lib := &Library{Name: "(demo)", Procs: []Proc{
		{Name: "connect*", Sig: "(connect* host #!optional port #!key verify? sni)", Doc: "demo",
			Args: Params{Required: []string{"host"}, Optional: []string{"port"}, Keys: []string{"verify?", "sni"}},
			Fn: func(th *Thread, a []Value) (Value, error) {
				return List(a[0], OrDefault(a[1], Fixnum(443)), OrDefault(a[2], True), OrDefault(a[3], False)), nil
			}},
		{Name: "fail", Fn: func(th *Thread, a []Value) (Value, error) { return nil, errTest }},
		{Name: "typed", Args: Params{Required: []string{"x"}}, Fn: func(th *Thread, a []Value) (Value, error) {
			return nil, TypeError("", 1, "string", a[0])
		}},
	}, Parameters: []*ParamDef{{Name: "demo-timeout", Default: Fixnum(5)}}}
	if err := in.Register(lib); err != nil {
		t.Fatal(err)
	}
	if _, err := in.EvalString(context.Background(), "(connect* 1)"); err == nil {
		t.Fatal("names must not be global before import")
	}
	tests := []struct{ src, want string }{
		{"(import (demo)) (connect* 'h)", "(h 443 #t #f)"},
		{"(connect* 'h 80 sni: 's #:verify? #f)", "(h 80 #f s)"},
		{"(connect* 'h :sni 's unknown: 1)", "(h 443 #t s)"},
		{"(demo-timeout)", "5"},
		{"(import (prefix (only (demo) connect*) d:)) (d:connect* 'p)", "(p 443 #t #f)"},
		{"(import (rename (demo) (connect* kon))) (kon 'r)", "(r 443 #t #f)"},
		{"(import demo) (connect* 's)", "(s 443 #t #f)"},
		{"(parameterize ((demo-timeout 9)) (demo-timeout))", "9"},
	}
	for _, tc := range tests {
		if got := WriteString(evalT(t, in, tc.src)); got != tc.want {
			t.Errorf("%s = %s, want %s", tc.src, got, tc.want)
		}
	}
	errs := []struct{ src, want string }{
		{"(connect*)", "too few arguments - received 0 but expected 1: #<procedure connect*>"},
		{"(typed 5)", "(typed) bad argument type in argument 1 (expected string): 5"},
		{"(connect* 'h 1 2 3)", "bad keyword argument"},
	}
	for _, tc := range errs {
		_, err := in.EvalString(context.Background(), tc.src)
		if err == nil || !strings.Contains(err.Error(), strings.TrimPrefix(tc.want, "connect*: ")) {
			t.Errorf("%s: error %v, want %q", tc.src, err, tc.want)
		}
	}
	_, err := in.EvalString(context.Background(), "(fail)")
	if !errors.Is(err, errTest) {
		t.Errorf("Go cause lost: %v", err)
	}
	in.AddErrorConverter(func(err error) (Value, bool) {
		if errors.Is(err, errTest) {
			c := MakeError("", "converted", nil, "i/o", "net")
			c.Cause = err
			return c, true
		}
		return nil, false
	})
	v := evalT(t, in, "(condition-case (fail) ((exn i/o net) 'net))")
	if v != Value(Intern("net")) {
		t.Errorf("converter: got %s", WriteString(v))
	}
}

func TestErrors(t *testing.T) {
	in := New()
	tests := []struct{ src, want string }{
		{"(undefined-thing)", "unbound variable: undefined-thing"},
		{"(1 2)", "call of non-procedure: 1"},
		{"((lambda (x) x))", "bad argument count - received 0 but expected 1: #<procedure (? x)>"},
		{"(error 'who \"msg\" 1 2)", "(who) msg: 1 2"},
		{"(raise 'sym)", "uncaught exception: sym"},
		{"(let ((x 1)", "<input>:1:6: expected ')' to close list"},
		{"(if)", "<input>:1:1: bad syntax in if"},
	}
	for _, tc := range tests {
		_, err := in.EvalString(context.Background(), tc.src)
		var se *Error
		if !errors.As(err, &se) {
			t.Errorf("%s: got %v, want *Error", tc.src, err)
			continue
		}
		if !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: %q does not contain %q", tc.src, err.Error(), tc.want)
		}
	}
	_, err := in.EvalString(context.Background(), "(exit 3)")
	var ee *ExitError
	if !errors.As(err, &ee) || ee.Code != 3 {
		t.Errorf("exit: %v", err)
	}
	_, err = in.EvalString(context.Background(), "(define after #f) (dynamic-wind (lambda () #f) (lambda () (exit 4)) (lambda () (set! after #t)))")
	if !errors.As(err, &ee) || ee.Code != 4 {
		t.Errorf("exit in dynamic-wind: %v", err)
	}
	if v, _ := in.Lookup("after"); v != Value(True) {
		t.Errorf("exit did not run the after thunk")
	}
}

func TestStackPositions(t *testing.T) {
	in := New()
	_, err := in.EvalSource(context.Background(), "(define (f x)\n  (car x))\n(define (g y) (+ 1 (f y)))\n(g 5)\n", "pos.scm")
	var se *Error
	if !errors.As(err, &se) {
		t.Fatalf("got %v", err)
	}
	text := FormatCondition(se.Condition)
	for _, want := range []string{"pos.scm:2:3", "pos.scm:3:15", "(car) bad argument type"} {
		if !strings.Contains(text, want) {
			t.Errorf("missing %q in\n%s", want, text)
		}
	}
}

func TestCancel(t *testing.T) {
	in := New()
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	start := time.Now()
	_, err := in.EvalString(ctx, "(let loop () (loop))")
	if err == nil || !strings.Contains(err.Error(), "interrupted") {
		t.Fatalf("got %v", err)
	}
	if time.Since(start) > 2*time.Second {
		t.Fatal("cancellation too slow")
	}
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("cause: %v", err)
	}
	if v := evalT(t, in, "(+ 1 2)"); v != Value(Fixnum(3)) {
		t.Errorf("interp unusable after cancel: %v", v)
	}
}

func TestRecursionLimit(t *testing.T) {
	in := New(WithMaxDepth(10000))
	_, err := in.EvalString(context.Background(), "(define (d n) (if (= n 0) 0 (+ 1 (d (- n 1))))) (d 100000)")
	if err == nil || !strings.Contains(err.Error(), "recursion too deep") {
		t.Fatalf("got %v", err)
	}
}

func TestCallFromGo(t *testing.T) {
	in := New()
	evalT(t, in, "(define (add a b) (+ a b))")
	f, _ := in.Lookup("add")
	th := in.newThread(context.Background())
	v, err := th.Call(f, Fixnum(2), Fixnum(3))
	if err != nil || v != Value(Fixnum(5)) {
		t.Fatalf("Call = %v, %v", v, err)
	}
	// escaping from a nested run through a primitive
	in.Define("call-it", simpleProc("call-it", 1, false, func(th *Thread, a []Value) (Value, error) {
		return th.Call(a[0])
	}))
	if v := evalT(t, in, "(+ 1 (call/cc (lambda (k) (call-it (lambda () (k 41))))))"); v != Value(Fixnum(42)) {
		t.Errorf("escape = %s", WriteString(v))
	}
	if v := evalT(t, in, "(guard (e (#t 'caught)) (call-it (lambda () (raise 'x))))"); v != Value(Intern("caught")) {
		t.Errorf("guard through nested run = %s", WriteString(v))
	}
}

func TestStartup(t *testing.T) {
	start := time.Now()
	New()
	if d := time.Since(start); d > 50*time.Millisecond {
		t.Logf("New took %v (target < 50ms)", d)
	}
}
