package scheme

import (
	"bytes"
	"context"
	"strings"
	"testing"
)

// unpackLib declares typed rows the way binding libraries do.
var unpackLib = &Library{Name: "(unpack demo)", TypeKinds: []string{"assertion"}, Procs: []Proc{
	{Name: "connect*", Doc: "demo",
		Args: Lambda(KeyRequired("hostname", TypeString), Key("port", TypeIndex, Fixnum(443)), Key("sni-name", nil, True)),
		Fn: func(th *Thread, a []Value) (Value, error) {
			return List(a[0], a[1], a[2]), nil
		}},
	{Name: "copy", Doc: "demo",
		Args: Lambda(Req("string", TypeString), Opt("start", TypeIndex, Fixnum(0)), Opt("end", OrFalse(TypeIndex), nil)),
		Fn: func(th *Thread, a []Value) (Value, error) {
			return List(a...), nil
		}},
	{Name: "sum", Doc: "demo", Args: Lambda(Req("first", TypeNumber), Rest("more", TypeNumber)),
		Fn: func(th *Thread, a []Value) (Value, error) { return List(a...), nil }},
	{Name: "strict", Doc: "demo", Args: Lambda(Key("verify?", TypeBoolean, False)), ValidateKeys: true,
		Fn: func(th *Thread, a []Value) (Value, error) { return a[0], nil }},
}}

func TestUnpack(t *testing.T) {
	var stderr bytes.Buffer
	in := New(WithStdio(strings.NewReader(""), &bytes.Buffer{}, &stderr))
	if err := in.Register(unpackLib); err != nil {
		t.Fatal(err)
	}
	evalT(t, in, "(import (unpack demo))")
	tests := []struct{ src, want, warn string }{
		{src: `(connect* hostname: "h")`, want: `("h" 443 #t)`},
		{src: `(connect* port: 80 hostname: "h" sni-name: #f)`, want: `("h" 80 #f)`},
		{src: `(connect* hostnam: "x" hostname: "h")`, want: `("h" 443 #t)`,
			warn: "Warning: connect*: unknown keyword hostnam: ignored — did you mean hostname:?\n"},
		{src: `(connect* hostname: "h" colour: 'red)`, want: `("h" 443 #t)`,
			warn: "Warning: connect*: unknown keyword colour: ignored\n"},
		{src: `(copy "abc")`, want: `("abc" 0 #!default)`},
		{src: `(copy "abc" 1 #f)`, want: `("abc" 1 #f)`},
		{src: `(sum 1 2 3)`, want: `(1 (2 3))`},
		{src: `((lambda (#!key colour) colour) colr: 1)`, want: `#f`,
			warn: "Warning: #<procedure>: unknown keyword colr: ignored — did you mean colour:?\n"},
		{src: `((lambda (#!key colour #!rest r) r) colr: 1)`, want: `(#:colr 1)`},
	}
	for _, tc := range tests {
		stderr.Reset()
		if got := WriteString(evalT(t, in, tc.src)); got != tc.want {
			t.Errorf("%s = %s, want %s", tc.src, got, tc.want)
		}
		if w := stderr.String(); !strings.HasSuffix(w, tc.warn) || (tc.warn == "") != (w == "") {
			t.Errorf("%s: warned %q, want %q", tc.src, w, tc.warn)
		}
	}
	errs := []struct{ src, want string }{
		{`(connect* port: 1)`, "(connect*) missing required keyword hostname:"},
		{`(connect* hostname: 443)`, "(connect*) bad argument type in keyword hostname: (expected string): 443"},
		{`(connect* hostname: "h" port: -1)`, "in keyword port: (expected exact non-negative integer): -1"},
		{`(copy 'abc)`, "(copy) bad argument type in argument 1 (expected string): abc"},
		{`(copy #!default)`, "(copy) bad argument type in argument 1 (expected string): #!default"},
		{`(copy "abc" 1 'x)`, "(copy) bad argument type in argument 3 (expected exact non-negative integer or #f): x"},
		{`(sum 1 2 "3")`, "(sum) bad argument type (expected number): \"3\""},
		{`(strict verify: #t)`, "(strict) unknown keyword argument — did you mean verify?:?: #:verify"},
		{`(strict verify?: 1)`, "in keyword verify?: (expected boolean): 1"},
	}
	for _, tc := range errs {
		_, err := in.EvalString(context.Background(), tc.src)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: error %v, want %q", tc.src, err, tc.want)
		}
	}
	// the library's TypeKinds join the type error's kinds
	v := evalT(t, in, `(condition-case (copy 5) ((exn type assertion) 'both))`)
	if v != Value(Intern("both")) {
		t.Errorf("TypeKinds: got %s", WriteString(v))
	}
}

func TestSignature(t *testing.T) {
	for _, tc := range []struct {
		p    Proc
		want string
	}{
		{unpackLib.Procs[0], `(connect* #!key hostname (port 443) (sni-name #t))`},
		{unpackLib.Procs[1], `(copy string #!optional (start 0) end)`},
		{unpackLib.Procs[2], `(sum first #!rest more)`},
		{Proc{Name: "f", Args: Params{Required: []string{"a"}, Optional: []string{"b"}}}, `(f a #!optional b)`},
		{Proc{Name: "f", Sig: "(f x)", Args: req("a")}, "(f x)"},
	} {
		if got := tc.p.Signature(); got != tc.want {
			t.Errorf("Signature() = %s, want %s", got, tc.want)
		}
	}
	for _, tc := range []struct {
		sig  string
		args Params
		ok   bool
	}{
		{"(f a [b])", Params{Required: []string{"x"}, Optional: []string{"y"}}, true},
		{"(f a #!optional b #!key c)", Params{Required: []string{"a"}, Optional: []string{"b"}, Keys: []string{"c"}}, true},
		{"(f s1 s2 ...)", Params{Rest: "s"}, true},
		{"(f obj ...)", Params{Rest: "objs"}, true},
		{"(f a [b [c]])", Params{Required: []string{"a"}, Optional: []string{"b", "c"}}, true},
		{"(f a :optional (b 1) . r)", Params{Required: []string{"a"}, Optional: []string{"b"}, Rest: "r"}, true},
		{"(f a :optional (b 0) (c -1) (d 0))", Params{Required: []string{"a"}, Optional: []string{"b", "c", "d"}}, true},
		{"(f x) (f x y)", Params{Required: []string{"x"}}, true},
		{"(f a)", Params{Required: []string{"a", "b"}}, false},
		{"(f a [b])", Params{Required: []string{"a"}}, false},
		{"(f #!key a)", Params{Keys: []string{"b"}}, false},
		{"(g a)", Params{Required: []string{"a"}}, false},
		{"(f a)", Params{Required: []string{"a"}, Rest: "r"}, false},
	} {
		p := Proc{Name: "f", Sig: tc.sig, Args: tc.args}
		if m := p.SigMismatch(); (m == "") != tc.ok {
			t.Errorf("SigMismatch(%s, %+v) = %q, want ok=%v", tc.sig, tc.args, m, tc.ok)
		}
	}
}
