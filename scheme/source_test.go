package scheme

import (
	"context"
	"errors"
	"strings"
	"testing"
)

// TestLibrarySourcePerInterp checks that a library's Scheme source, read once
// per process, gives every interpreter data of its own (a literal mutated in
// one is intact in the next) and keeps positions for its errors.
func TestLibrarySourcePerInterp(t *testing.T) {
	lib := &Library{Name: "(source-init-test)", Doc: "test",
		Source: LibrarySource("source-init-test.scm", "(define (lit) \"abc\")\n(define (lst) '(1 #(2 3)))\n(define (bad x)\n  (car x))\n"),
		Procs:  []Proc{{Name: "lit", Doc: "test"}, {Name: "lst", Doc: "test"}, {Name: "bad", Doc: "test"}}}
	for i := 0; i < 3; i++ {
		in := New(WithLibraries(lib))
		if got := evalT(t, in, "(lit)").(*String).String(); got != "abc" {
			t.Fatalf("interp %d: (lit) = %q, want \"abc\" (a literal shared between interpreters)", i, got)
		}
		if got := WriteString(evalT(t, in, "(lst)")); got != "(1 #(2 3))" {
			t.Fatalf("interp %d: (lst) = %s, want (1 #(2 3))", i, got)
		}
		evalT(t, in, "(string-set! (lit) 0 #\\x) (vector-set! (cadr (lst)) 0 9) (set-car! (lst) 7)")
		if got := WriteString(evalT(t, in, "(list (lit) (lst))")); got != `("xbc" (7 #(9 3)))` {
			t.Fatalf("interp %d: after mutation %s", i, got)
		}
		_, err := in.EvalString(context.Background(), "(bad 1)")
		var se *Error
		if !errors.As(err, &se) {
			t.Fatalf("interp %d: (bad 1): %v", i, err)
		}
		if text := FormatCondition(se.Condition); !strings.Contains(text, "source-init-test.scm:4:3") {
			t.Fatalf("interp %d: (bad 1): want the position source-init-test.scm:4:3 in\n%s", i, text)
		}
	}
}
