package scheme

import (
	"context"
	"fmt"
	"strings"
	"testing"
)

// primCallLib has rows of every layout (optionals, keys, rest) that
// re-enter Scheme between looking at their arguments, one that appends to
// its argument slice first, and one that reports the depth of th.stack.
var primCallLib = &Library{Name: "(primcall demo)", Procs: []Proc{
	{Name: "reenter-opt", Doc: "demo", Args: Params{Required: []string{"f"}, Optional: []string{"a", "b"}},
		Fn: func(th *Thread, a []Value) (Value, error) { return reenter(th, a) }},
	{Name: "reenter-key", Doc: "demo", Args: Params{Required: []string{"f"}, Optional: []string{"a"}, Keys: []string{"k"}},
		Fn: func(th *Thread, a []Value) (Value, error) { return reenter(th, a) }},
	{Name: "reenter-rest", Doc: "demo", Args: Params{Required: []string{"f"}, Optional: []string{"a"}, Rest: "r"},
		Fn: func(th *Thread, a []Value) (Value, error) { return reenter(th, a) }},
	{Name: "reenter-spread", Doc: "demo", Args: Params{Required: []string{"f"}, Optional: []string{"a"}, Rest: "r", Spread: true},
		Fn: func(th *Thread, a []Value) (Value, error) { return reenter(th, a) }},
	{Name: "append-reenter", Doc: "demo", Args: Params{Required: []string{"f"}, Optional: []string{"a"}},
		Fn: func(th *Thread, a []Value) (Value, error) {
			a = append(a, Intern("appended"))
			return reenter(th, a)
		}},
	{Name: "stack-depth", Doc: "demo", Fn: func(th *Thread, a []Value) (Value, error) { return Fixnum(len(th.stack)), nil }},
}}

// reenter calls a[0] (a procedure of no arguments) and returns the list of
// the other arguments, read after the call, and the call's value.
func reenter(th *Thread, a []Value) (Value, error) {
	before := WriteString(List(a[1:]...))
	v, err := th.Call(a[0])
	if err != nil {
		return nil, err
	}
	if after := WriteString(List(a[1:]...)); after != before {
		return nil, fmt.Errorf("arguments changed by the nested call: %s, then %s", before, after)
	}
	return Cons(List(a[1:]...), v), nil
}

// TestPrimCallReenter: a primitive whose arguments were laid out (absent
// optionals, keys, rest) keeps them while it re-enters Scheme, which calls
// primitives of every layout in turn, raises and escapes; th.stack is back
// at its depth after each call, normal or not.
func TestPrimCallReenter(t *testing.T) {
	in := New()
	if err := in.Register(primCallLib); err != nil {
		t.Fatal(err)
	}
	evalT(t, in, `(import (primcall demo))`)
	tests := []struct{ src, want string }{
		{`(reenter-opt (lambda () (reenter-opt (lambda () 'in) 1 2)))`, `((#!default #!default) (1 2) . in)`},
		{`(reenter-opt (lambda () (reenter-key (lambda () (reenter-rest (lambda () 0) 5 6 7)) k: 4)) 1)`,
			`((1 #!default) (#!default 4) (5 (6 7)) . 0)`},
		{`(reenter-spread (lambda () (reenter-opt (lambda () (reenter-spread (lambda () 'x) 8 9)) 1 2)) 3 4 5)`,
			`((3 4 5) (1 2) (8 9) . x)`},
		{`(reenter-key (lambda () (string-copy "abcdef" 1 3)) 'a k: 'b)`, `((a b) . "bc")`},
		{`(append-reenter (lambda () (reenter-opt (lambda () (reenter-opt (lambda () 1) 2 3)) 4 5)))`,
			`((#!default appended) (4 5) (2 3) . 1)`},
		// an error raised in the nested call and handled there, and one
		// handled outside (the primitive does not return)
		{`(reenter-opt (lambda () (condition-case (reenter-key (lambda () (car 1)) 2) (e () 'caught))) 'x)`,
			`((x #!default) . caught)`},
		{`(condition-case (reenter-opt (lambda () (car 1)) 'x) (e () 'outside))`, `outside`},
		// a continuation escape through two primitives
		{`(call/cc (lambda (k) (reenter-opt (lambda () (reenter-key (lambda () (k 'escaped)) 1)) 2)))`, `escaped`},
	}
	depth := WriteString(evalT(t, in, `(stack-depth)`))
	for _, tc := range tests {
		if got := WriteString(evalT(t, in, tc.src)); got != tc.want {
			t.Errorf("%s = %s, want %s", tc.src, got, tc.want)
		}
		if d := WriteString(evalT(t, in, `(stack-depth)`)); d != depth {
			t.Errorf("%s: th.stack depth %s after it, %s before", tc.src, d, depth)
		}
	}
	// the same inside a loop, where the laid-out arguments sit above the
	// loop's own values on th.stack
	got := evalT(t, in, `(let loop ((i 0) (acc '()))
	  (if (= i 3) (reverse acc)
	      (loop (+ i 1) (cons (list i (reenter-opt (lambda () (list i (stack-depth))) i) (stack-depth)) acc))))`)
	want := fmt.Sprintf("((0 ((0 #!default) 0 %[1]s) %[1]s) (1 ((1 #!default) 1 %[1]s) %[1]s) (2 ((2 #!default) 2 %[1]s) %[1]s))", "D")
	if s := WriteString(got); !sameShape(s, want) {
		t.Errorf("loop = %s, want the shape of %s", s, want)
	}
}

// sameShape compares s with want, where each D in want matches any run of
// digits in s.
func sameShape(s, want string) bool {
	i := 0
	for j := 0; j < len(want); j++ {
		if want[j] == 'D' {
			k := i
			for k < len(s) && s[k] >= '0' && s[k] <= '9' {
				k++
			}
			if k == i {
				return false
			}
			i = k
			continue
		}
		if i >= len(s) || s[i] != want[j] {
			return false
		}
		i++
	}
	return i == len(s)
}

// TestPrimCallAllocs: calling a primitive whose absent optionals the
// runtime fills in allocates nothing beyond what the primitive itself
// does — read-bytevector! and write-bytevector with only the bytevector
// and the port, as a bulk loop calls them — and leaves th.stack as it
// found it.
func TestPrimCallAllocs(t *testing.T) {
	in := New()
	th := in.newThread(context.Background())
	ip, op := NewInputPort("null", nullBackend{}, nil), NewOutputPort("null", nullBackend{}, nil)
	bv := &Bytevector{B: make([]byte, 16<<10)}
	for _, c := range []struct {
		name string
		port Value
	}{{"read-bytevector!", ip}, {"write-bytevector", op}} {
		v, ok := in.Lookup(c.name)
		if !ok {
			t.Fatalf("%s not bound", c.name)
		}
		p := v.(*Primitive)
		if p.direct {
			t.Fatalf("%s: expected a primitive with optional parameters", c.name)
		}
		th.stack = append(th.stack[:0], bv, c.port) // the arguments, as a call site leaves them
		got := testing.AllocsPerRun(100, func() { th.callPrim(p, th.stack[0:2]) })
		if got != 0 {
			t.Errorf("%s: %v allocations per call, want 0", c.name, got)
		}
		if len(th.stack) != 2 {
			t.Errorf("%s: th.stack holds %d values after the calls, want 2", c.name, len(th.stack))
		}
		// arguments not on th.stack (a Go caller's) are copied, not touched
		args := []Value{bv, c.port}
		th.callPrim(p, args)
		if len(th.stack) != 2 || args[0] != Value(bv) || args[1] != c.port || cap(args) != 2 {
			t.Errorf("%s: a Go caller's arguments changed", c.name)
		}
	}
	th.stack = th.stack[:0]
}

// TestPrimCallDirect: a call whose arguments cannot suspend (locals,
// constants, globals, lambdas: callNode.callPrimDirect) gives what the
// same call with arguments that are calls gives (callNode.evArgs) —
// values, absent optionals, keys, rest lists, tail calls, and the same
// errors with the same messages — and leaves th.stack at its depth.
func TestPrimCallDirect(t *testing.T) {
	in := New()
	if err := in.Register(primCallLib); err != nil {
		t.Fatal(err)
	}
	evalT(t, in, `(import (primcall demo))
(define (id x) x)
(define (f0) 'r)
(define g 7)`)
	// each call is written with its arguments as they are, then each
	// argument x as (id x)
	calls := [][]string{
		{"reenter-opt", "f0"}, {"reenter-opt", "f0", "1"}, {"reenter-opt", "f0", "1", "g"},
		{"reenter-opt", "f0", "1", "2", "3"}, {"reenter-opt"},
		{"reenter-key", "f0"}, {"reenter-key", "f0", "1"}, {"reenter-key", "f0", "k:", "2"},
		{"reenter-key", "f0", "1", "k:", "2"}, {"reenter-key", "f0", "j:", "2"}, {"reenter-key"},
		{"reenter-rest", "f0"}, {"reenter-rest", "f0", "1", "2", "3"}, {"reenter-spread", "f0", "1", "2", "3"},
		{"append-reenter", "f0"}, {"append-reenter", "f0", "g"},
		{"apply", "list", "g", "'(1 2)"}, {"apply", "car", "'(1)"}, {"apply", "reenter-opt", "f0", "'(5)"},
		{"string-copy", `"abc"`, "1"}, {"string-copy", `"abc"`, "1", "4"}, {"string-copy", "g"},
		{"read-bytevector!", "g"}, {"vector-fill!", "(vector 1 2)", "g", "0", "1", "2"},
		{"car", "g"}, {"car", "'(1)", "2"},
	}
	depth := WriteString(evalT(t, in, `(stack-depth)`))
	run := func(src string) string {
		v, err := in.EvalString(context.Background(), src)
		if err != nil {
			return "error: " + err.Error()
		}
		return WriteString(v)
	}
	for _, c := range calls {
		wrapped := []string{c[0]}
		for _, a := range c[1:] {
			wrapped = append(wrapped, "(id "+a+")")
		}
		if len(c) > 1 && c[len(c)-2][len(c[len(c)-2])-1] == ':' { // a keyword stays as written
			wrapped[len(c)-2] = c[len(c)-2]
		}
		direct := run("(" + strings.Join(c, " ") + ")")
		general := run("(" + strings.Join(wrapped, " ") + ")")
		if direct != general {
			t.Errorf("%v = %s, but %v = %s", c, direct, wrapped, general)
		}
		if d := WriteString(evalT(t, in, `(stack-depth)`)); d != depth {
			t.Errorf("%v: th.stack depth %s after it, %s before", c, d, depth)
		}
	}
}
